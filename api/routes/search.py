"""GET /search: full text plus filters, ranked by BM25, with highlighted snippets and facets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import Backend
from presswatch.document import DocumentKind
from presswatch.gazetteer import canonical_name
from search.base import Page, QueryError
from search.base import Query as SearchQuery

router = APIRouter(tags=["search"])


def normalize_entity(name: str) -> str:
    """'UK' and 'Britain' filter as 'United Kingdom', the name the index stores."""
    return canonical_name(name)


@router.get("/search", response_model=Page, summary="Search documents")
def search(
    backend: Backend,
    q: Annotated[str, Query(max_length=1000, description='Words, "phrases", OR, -excluded, prefix*')] = "",
    source: Annotated[list[str] | None, Query(description="Only these sources (repeatable).")] = None,
    kind: Annotated[list[DocumentKind] | None, Query(description="Only these kinds (repeatable).")] = None,
    entity: Annotated[list[str] | None, Query(description="Must mention each of these (repeatable).")] = None,
    published_from: Annotated[
        datetime | None, Query(alias="from", description="Published on or after.")
    ] = None,
    published_to: Annotated[datetime | None, Query(alias="to", description="Published on or before.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> Page:
    query = SearchQuery(
        text=q,
        sources=tuple(source or ()),
        kinds=tuple(kind or ()),
        entities=tuple(normalize_entity(e) for e in entity or ()),
        published_from=published_from,
        published_to=published_to,
        limit=limit,
        cursor=cursor,
    )
    try:
        return backend.search(query)
    except QueryError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
