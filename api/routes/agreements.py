"""GET /agreements: agreements by party, status and date, each with its evidence and document."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.deps import Backend, get_app_settings
from api.export import ExportFormat, as_text_cell, download
from api.filters import (
    BAD_QUERY,
    MAX_VALUES,
    DocumentFilters,
    FilterValue,
    PageOfListing,
    normalize_entity,
)
from api.flatten import DocumentRef, Found, flatten
from presswatch.config import Settings
from presswatch.document import Agreement, AgreementStatus
from search.base import Hit, SearchBackend
from search.base import Query as SearchQuery
from search.stored_names import with_stored_names

router = APIRouter(tags=["agreements"])


class AgreementFound(BaseModel):
    agreement: Agreement = Field(description="As the document last states it (of the statuses asked for).")
    statuses: list[AgreementStatus] = Field(
        default=[],
        description="Its statuses in the document's order ('planned', 'signed'): one row, not two.",
    )
    document: DocumentRef


def agreements_found(hit: Hit, query: SearchQuery) -> list[AgreementFound]:
    """The agreements of a document that the query's party and status filters ask for (also the page's).

    The same parties stated twice in one document (planned, then signed) are one agreement with its status
    history: the listing shows each agreement once and how it moved; a statement of no status ('unknown')
    is part of it only where the document gives no other.
    """
    parties, statuses = set(query.agreement_parties), query.agreement_status
    document = DocumentRef.of(hit)
    groups: dict[frozenset[str], list[Agreement]] = {}
    for a in sorted(hit.agreements, key=lambda a: a.start):
        groups.setdefault(frozenset(a.parties), []).append(a)
    found = []
    for key, group in groups.items():
        # 'unknown' is no stage: a sentence on what the deal will do says nothing of how it moved
        group = [a for a in group if a.status != "unknown"] or group
        matching = [a for a in group if not statuses or a.status in statuses]
        if not parties <= key or not matching:
            continue
        history = [a.status for i, a in enumerate(group) if i == 0 or group[i - 1].status != a.status]
        found.append(AgreementFound(agreement=matching[-1], statuses=history, document=document))
    return found


CSV_COLUMNS = (
    "document_id",
    "published",
    "source",
    "title",
    "url",
    "parties",
    "status",
    "statuses",
    "name",
    "subject",
    "evidence",
)
EXPORT_PAGE = 100


def _rows(backend: SearchBackend, query: SearchQuery, *, max_rows: int) -> Iterator[AgreementFound]:
    """Every agreement the query finds, up to `max_rows`; the first page is read before the generator is
    returned, so a query that cannot run is a 400 before any byte is sent."""

    def page(cursor: str | None) -> Found[AgreementFound]:
        return flatten(
            backend,
            query,
            items_of=lambda hit: agreements_found(hit, query),
            limit=EXPORT_PAGE,
            cursor=cursor,
        )

    first = page(None)

    def walk() -> Iterator[AgreementFound]:
        found, sent = first, 0
        while True:
            for item in found.items[: max_rows - sent]:
                yield item
                sent += 1
            if found.next_cursor is None or sent >= max_rows:
                return
            found = page(found.next_cursor)

    return walk()


def _csv_line(values: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(as_text_cell(v) for v in values)
    return out.getvalue()


def agreement_lines(
    backend: SearchBackend, query: SearchQuery, *, fmt: ExportFormat, max_rows: int
) -> Iterator[str]:
    """The agreements as CSV (one row per agreement, lists joined as the search export joins them) or
    JSON Lines (each item as GET /agreements gives it)."""
    rows = _rows(backend, query, max_rows=max_rows)
    if fmt == "jsonl":
        return (item.model_dump_json() + "\n" for item in rows)

    def lines() -> Iterator[str]:
        yield _csv_line(CSV_COLUMNS)
        for item in rows:
            a, d = item.agreement, item.document
            yield _csv_line(
                (
                    d.id,
                    d.published.isoformat() if d.published else "",
                    d.source,
                    d.title,
                    d.url,
                    " + ".join(a.parties),
                    a.status,
                    " > ".join(item.statuses),
                    a.name or "",
                    a.subject or "",
                    " | ".join(a.evidence or (a.text,)),
                )
            )

    return lines()


@router.get(
    "/agreements",
    response_model=Found[AgreementFound],
    summary="Agreements found in documents",
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
            "description": "A page of agreements (JSON), or all of them as CSV or JSON Lines (`format`).",
        },
        **BAD_QUERY,
    },
)
def agreements(
    backend: Backend,
    settings: Annotated[Settings, Depends(get_app_settings)],
    filters: DocumentFilters,
    page: PageOfListing,
    party: Annotated[
        list[FilterValue] | None,
        Query(
            max_length=MAX_VALUES,
            description="Parties it must include, each (repeatable; UK = United Kingdom).",
        ),
    ] = None,
    status: Annotated[
        list[AgreementStatus] | None, Query(max_length=MAX_VALUES, description="One of these statuses.")
    ] = None,
    format: Annotated[
        Literal["json", "csv", "jsonl"],
        Query(description="json: one page; csv or jsonl: every agreement found, one per line."),
    ] = "json",
) -> Found[AgreementFound] | StreamingResponse:
    query = with_stored_names(
        backend,
        filters.model_copy(
            update={
                "agreement_parties": tuple(normalize_entity(p) for p in party or ()),
                "agreement_status": tuple(status or ()),
            }
        ),
    )
    if format != "json":
        lines = agreement_lines(backend, query, fmt=format, max_rows=settings.export_max_rows)
        return download(lines, format, name="agreements")
    return flatten(
        backend,
        query,
        items_of=lambda hit: agreements_found(hit, query),
        limit=page.limit,
        cursor=page.cursor,
    )
