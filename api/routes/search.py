"""GET /search: full text plus filters, ranked by BM25, with highlighted snippets and facets."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from api.deps import Backend, get_app_settings
from api.export import download, export_lines
from api.filters import (
    BAD_QUERY,
    MAX_CURSOR_CHARS,
    MAX_VALUES,
    DocumentFilters,
    FilterValue,
    normalize_entity,
)
from api.metrics import SEARCH_SECONDS
from api.routes.similar import query_embedding
from presswatch.config import Settings
from presswatch.document import AgreementStatus
from search.base import Page, SearchMode, SortOrder
from search.stored_names import search_as_filed, with_stored_names

router = APIRouter(tags=["search"])


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
        **BAD_QUERY,
    },
)
async def search(
    request: Request,
    backend: Backend,
    settings: Annotated[Settings, Depends(get_app_settings)],
    filters: DocumentFilters,
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
        list[FilterValue] | None,
        Query(
            max_length=MAX_VALUES,
            description="An agreement whose parties include each of these (repeatable; UK = United Kingdom).",
        ),
    ] = None,
    status: Annotated[
        list[AgreementStatus] | None,
        Query(
            max_length=MAX_VALUES,
            description="An agreement with one of these statuses; the same agreement as `party`.",
        ),
    ] = None,
    story: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="Only documents of this story (their story_id)."),
    ] = None,
    withdrawn: Annotated[
        bool | None,
        Query(
            description="true: only withdrawn documents (gone from their site, or withdrawn by the "
            "publisher); false: none of them. Default: both, each hit saying whether it is."
        ),
    ] = None,
    sort: Annotated[
        SortOrder, Query(description="relevance (default) or date (newest first).")
    ] = "relevance",
    mode: Annotated[
        SearchMode,
        Query(description="text (BM25, default), semantic (nearest by embedding) or hybrid (both, fused)."),
    ] = "text",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[
        str | None, Query(max_length=MAX_CURSOR_CHARS, description="next_cursor of the previous page.")
    ] = None,
    format: Annotated[
        Literal["json", "csv", "jsonl"],
        Query(description="json: one page; csv or jsonl: stream every match, one row per document."),
    ] = "json",
    max_rows: Annotated[
        int | None,
        Query(ge=1, description="Export at most this many documents (capped by PRESSWATCH_EXPORT_MAX_ROWS)."),
    ] = None,
) -> Page | StreamingResponse:
    """The shared document filters (`api.filters`) plus what only a search has: figures, agreements,
    story, ranking, paging and export. A query that cannot run is a 400 (the app's QueryError handler)."""
    query = filters.model_copy(
        update={
            "figure_currency": currency.upper() if currency else None,
            "figure_min": min_amount,
            "figure_max": max_amount,
            "agreement_parties": tuple(normalize_entity(p) for p in party or ()),
            "agreement_status": tuple(status or ()),
            "story_id": story,
            "withdrawn": withdrawn,
            "sort": sort,
            "mode": mode,
            "vector": None,
            "limit": limit,
            "cursor": cursor,
        }
    )
    if mode != "text":  # the encoder runs off the event loop, as every search does
        vector = await anyio.to_thread.run_sync(partial(query_embedding, filters.text))
        query = query.model_copy(update={"vector": vector})
    if format != "json":
        # 'JICA' filters as the index files it (the Japan International Cooperation Agency): off the event loop
        query = await anyio.to_thread.run_sync(partial(with_stored_names, backend, query))
        rows = min(max_rows or settings.export_max_rows, settings.export_max_rows)
        return download(export_lines(backend, query, fmt=format, max_rows=rows), format, name="export")
    # One limiter per app (api.app): first come, first served on SQLite's one connection. 'JICA' finds what
    # the index files under the Japan International Cooperation Agency.
    with SEARCH_SECONDS.time():
        return await anyio.to_thread.run_sync(
            partial(search_as_filed, backend, query), limiter=request.app.state.search_limiter
        )
