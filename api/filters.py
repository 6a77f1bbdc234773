"""The document filters every listing shares (/entities, /figures, /agreements, the web page), as one
dependency, so each route reads them the way GET /search does."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query
from starlette.status import HTTP_400_BAD_REQUEST

from api.routes.search import _DATE_HELP, _DATE_SCHEMA, country_code, day_bound, normalize_entity
from presswatch.document import DocumentKind
from search.base import Query as SearchQuery
from search.base import QueryError

MAX_QUERY_CHARS = 1000


def document_filters(
    q: Annotated[
        str, Query(max_length=MAX_QUERY_CHARS, description='Words, "phrases", OR, -excluded, prefix*')
    ] = "",
    source: Annotated[list[str] | None, Query(description="Only these sources (repeatable).")] = None,
    kind: Annotated[list[DocumentKind] | None, Query(description="Only these kinds (repeatable).")] = None,
    entity: Annotated[list[str] | None, Query(description="Must mention each of these (repeatable).")] = None,
    country: Annotated[
        list[str] | None, Query(description="Must mention each of these countries: ISO code or name.")
    ] = None,
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
) -> SearchQuery:
    """Text, sources, kinds, entities, countries and dates; newest first (listings are not ranked)."""
    try:
        countries_wanted = tuple(country_code(c) for c in country or ())
    except QueryError as exc:
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
    return SearchQuery(
        text=q,
        sources=tuple(source or ()),
        kinds=tuple(kind or ()),
        entities=tuple(normalize_entity(e) for e in entity or ()),
        countries=countries_wanted,
        published_from=day_bound(published_from, name="from", end_of_day=False),
        published_to=day_bound(published_to, name="to", end_of_day=True),
        sort="date",
    )


DocumentFilters = Annotated[SearchQuery, Depends(document_filters)]
