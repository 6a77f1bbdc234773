"""GET /search: full text plus filters, ranked by BM25, with highlighted snippets and facets."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter, ValidationError
from starlette.status import HTTP_400_BAD_REQUEST

from api.deps import Backend, ErrorDetail, get_app_settings
from api.export import MEDIA_TYPES, export_lines
from api.metrics import SEARCH_SECONDS
from api.routes.similar import query_embedding
from presswatch.config import Settings
from presswatch.document import AgreementStatus, DocumentKind
from presswatch.gazetteer import canonical_name, countries, country
from search.base import Page, QueryError, SearchMode, SortOrder
from search.base import Query as SearchQuery

router = APIRouter(tags=["search"])


def normalize_entity(name: str) -> str:
    """'UK' and 'Britain' filter as 'United Kingdom', the name the index stores."""
    return canonical_name(name)


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code ('rs') or any spelling the gazetteer knows ('Serbia', 'UK')."""
    text = value.strip()
    found = country(text)
    if found is not None:
        return found.code
    if text.upper() in {place.code for place in countries()}:
        return text.upper()
    raise QueryError(
        f"country {value!r} is unknown: give an ISO 3166-1 code (RS) or a country's name (Serbia)"
    )


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")
_DATETIME = TypeAdapter(datetime)


def day_bound(value: str | None, *, name: str, end_of_day: bool) -> datetime | None:
    """A date or a date-time; a date alone stands for the whole day (its start for `from`, its end for `to`).

    A date-time without a zone is UTC.
    """
    if value is None:
        return None
    try:
        if _DATE_ONLY.fullmatch(value):
            day = date.fromisoformat(value)
            return datetime.combine(day, time.max if end_of_day else time.min, tzinfo=UTC)
        if not _DATE_TIME.fullmatch(value):
            raise ValueError(value)
        moment = _DATETIME.validate_python(value)
    except (ValueError, ValidationError):
        raise RequestValidationError(
            [
                {
                    "type": "datetime_from_date_parsing",
                    "loc": ("query", name),
                    "msg": "Input should be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM[:SS][zone])",
                    "input": value,
                }
            ]
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_DATE_HELP = "A date (YYYY-MM-DD, the whole day) or a date-time (ISO 8601, UTC unless it says)."
_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]
}


@router.get(
    "/search",
    response_model=Page,
    summary="Search documents",
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
            "description": "A page of hits (JSON), or the whole result set as CSV or JSON Lines (`format`).",
        },
        400: {"model": ErrorDetail, "description": "The query cannot be run as written; says why"},
    },
)
def search(
    backend: Backend,
    settings: Annotated[Settings, Depends(get_app_settings)],
    q: Annotated[str, Query(max_length=1000, description='Words, "phrases", OR, -excluded, prefix*')] = "",
    source: Annotated[list[str] | None, Query(description="Only these sources (repeatable).")] = None,
    kind: Annotated[list[DocumentKind] | None, Query(description="Only these kinds (repeatable).")] = None,
    entity: Annotated[list[str] | None, Query(description="Must mention each of these (repeatable).")] = None,
    published_from: Annotated[
        str | None,
        Query(
            alias="from", description=f"Published on or after. {_DATE_HELP}", json_schema_extra=_DATE_SCHEMA
        ),
    ] = None,
    published_to: Annotated[
        str | None,
        Query(
            alias="to", description=f"Published on or before. {_DATE_HELP}", json_schema_extra=_DATE_SCHEMA
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        Query(
            description="Must mention each of these countries: ISO code (RS) or name (Serbia) (repeatable)."
        ),
    ] = None,
    currency: Annotated[
        str | None,
        Query(pattern="^[A-Za-z]{3}$", description="A money figure in this ISO 4217 currency (GBP)."),
    ] = None,
    min_amount: Annotated[
        float | None, Query(ge=0, allow_inf_nan=False, description="A money figure of at least this value.")
    ] = None,
    max_amount: Annotated[
        float | None, Query(ge=0, allow_inf_nan=False, description="A money figure of at most this value.")
    ] = None,
    party: Annotated[
        list[str] | None,
        Query(
            description="An agreement whose parties include each of these (repeatable; UK = United Kingdom)."
        ),
    ] = None,
    status: Annotated[
        list[AgreementStatus] | None,
        Query(description="An agreement with one of these statuses; the same agreement as `party`."),
    ] = None,
    story: Annotated[
        str | None, Query(max_length=100, description="Only documents of this story (their story_id).")
    ] = None,
    sort: Annotated[
        SortOrder, Query(description="relevance (default) or date (newest first).")
    ] = "relevance",
    mode: Annotated[
        SearchMode,
        Query(description="text (BM25, default), semantic (nearest by embedding) or hybrid (both, fused)."),
    ] = "text",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    format: Annotated[
        Literal["json", "csv", "jsonl"],
        Query(description="json: one page; csv or jsonl: stream every match, one row per document."),
    ] = "json",
    max_rows: Annotated[
        int | None,
        Query(ge=1, description="Export at most this many documents (capped by PRESSWATCH_EXPORT_MAX_ROWS)."),
    ] = None,
) -> Page | StreamingResponse:
    try:
        countries_wanted = tuple(country_code(c) for c in country or ())
    except QueryError as exc:
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
    query = SearchQuery(
        text=q,
        sources=tuple(source or ()),
        kinds=tuple(kind or ()),
        entities=tuple(normalize_entity(e) for e in entity or ()),
        countries=countries_wanted,
        published_from=day_bound(published_from, name="from", end_of_day=False),
        published_to=day_bound(published_to, name="to", end_of_day=True),
        figure_currency=currency.upper() if currency else None,
        figure_min=min_amount,
        figure_max=max_amount,
        agreement_parties=tuple(normalize_entity(p) for p in party or ()),
        agreement_status=tuple(status or ()),
        story_id=story,
        sort=sort,
        mode=mode,
        vector=query_embedding(q) if mode != "text" else None,
        limit=limit,
        cursor=cursor,
    )
    try:
        if format != "json":
            rows = min(max_rows or settings.export_max_rows, settings.export_max_rows)
            return StreamingResponse(
                export_lines(backend, query, fmt=format, max_rows=rows),
                media_type=MEDIA_TYPES[format],
                headers={"Content-Disposition": f'attachment; filename="presswatch-export.{format}"'},
            )
        with SEARCH_SECONDS.time():
            return backend.search(query)
    except QueryError as exc:
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
