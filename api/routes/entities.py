"""GET /entities (top entities by type, filterable like search) and GET /entities/{name} (mentions over
time, co-occurring entities, a person's roles and quotes).

An entity is named by its normalised name, the value `entity=` filters take ("United Kingdom", "Helen
Marsh"; aliases such as "UK" are accepted). Both are read from the index through the search interface:
counts from its facets, mentions over time by walking the matching documents (newest first, bounded).
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field
from starlette.status import HTTP_400_BAD_REQUEST, HTTP_404_NOT_FOUND

from api.attention import day_of
from api.deps import Backend, ErrorDetail
from api.filters import DocumentFilters, normalize_entity
from presswatch.gazetteer import countries
from search.base import Page, QueryError, SearchBackend
from search.base import Query as SearchQuery
from search.stored_names import stored_name

router = APIRouter(tags=["entities"])

EntityType = Literal["any", "person", "organisation", "country"]
_FACET: dict[EntityType, str] = {
    "any": "entity",
    "person": "person",
    "organisation": "organisation",
    "country": "country",
}
MAX_TIMELINE_DOCUMENTS = 2000
MAX_QUOTE_DOCUMENTS = 50


class EntityCount(BaseModel):
    name: str
    type: EntityType
    documents: int = Field(description="Matching documents that mention it (over `sampled` when set).")
    code: str | None = Field(default=None, description="ISO 3166-1 alpha-2, for countries.")


class EntityList(BaseModel):
    entities: list[EntityCount]
    documents: int = Field(description="Documents matching the filters.")
    sampled: int | None = Field(default=None, description="Counts cover only this many (the newest).")


class DayCount(BaseModel):
    day: str = Field(description="YYYY-MM-DD (UTC).")
    documents: int


class EntityQuote(BaseModel):
    text: str
    role: str | None
    document_id: str
    title: str


class EntityDetail(BaseModel):
    name: str
    type: EntityType
    code: str | None = None
    documents: int
    mentions_over_time: list[DayCount] = Field(
        description="Documents mentioning it per UTC day (the day `from` and `to` filter on), oldest first."
    )
    timeline_documents: int = Field(description="Documents the timeline counts (the newest, bounded).")
    co_occurring: list[EntityCount]
    roles: list[str] = Field(description="A person's roles as the documents give them, most frequent first.")
    quotes: list[EntityQuote] = Field(description="What a person said, newest documents first.")


def _code_names() -> dict[str, str]:
    return {place.code: place.name for place in countries()}


def _counts(
    page: Page, facet: str, kind: EntityType, limit: int, *, skip: str | None = None
) -> list[EntityCount]:
    names = _code_names()
    counts = []
    for value in page.facets.get(facet, []):
        name, code = (
            (names.get(value.value, value.value), value.value) if facet == "country" else (value.value, None)
        )
        if name != skip:
            counts.append(EntityCount(name=name, type=kind, documents=value.count, code=code))
    return counts[:limit]


def _search(backend: SearchBackend, query: SearchQuery) -> Page:
    try:
        return backend.search(query)
    except QueryError as exc:
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail=str(exc)) from exc


@router.get(
    "/entities",
    response_model=EntityList,
    summary="Top entities by type",
    responses={400: {"model": ErrorDetail, "description": "The query cannot be run as written; says why"}},
)
def list_entities(
    backend: Backend,
    filters: DocumentFilters,
    type: Annotated[EntityType, Query(description="person, organisation, country, or any.")] = "any",
    limit: Annotated[int, Query(ge=1, le=20)] = 20,
) -> EntityList:
    page = _search(backend, filters.model_copy(update={"limit": 1}))
    return EntityList(
        entities=_counts(page, _FACET[type], type, limit),
        documents=page.total,
        sampled=page.facets_sampled,
    )


@router.get(
    "/entities/{name:path}",
    response_model=EntityDetail,
    summary="One entity: mentions over time, co-occurring entities, roles and quotes",
    responses={
        400: {"model": ErrorDetail, "description": "The name cannot be searched for as written; says why"},
        404: {"model": ErrorDetail, "description": "No document mentions it"},
    },
)
def get_entity(backend: Backend, name: str) -> EntityDetail:
    canonical = stored_name(
        backend, normalize_entity(name)[:300]
    )  # 'JICA': the name the index files it under
    query = SearchQuery(entities=(canonical,), sort="date", limit=1)
    page = _search(backend, query)
    if page.total == 0:
        raise HTTPException(status_code=HTTP_404_NOT_FOUND, detail=f"no document mentions {canonical!r}")
    kind: EntityType = "any"
    code = None
    for candidate in ("person", "organisation", "country"):
        values = {v.value for v in page.facets.get(candidate, [])}
        country_code = next((c for c, n in _code_names().items() if n == canonical), None)
        if canonical in values or (candidate == "country" and country_code in values):
            kind, code = candidate, country_code if candidate == "country" else None
            break
    days: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    quotes: list[EntityQuote] = []
    walk = query.model_copy(update={"limit": 100, "facets": False})
    seen = 0
    while seen < MAX_TIMELINE_DOCUMENTS:
        batch = _search(backend, walk)
        for hit in batch.hits:
            if (day := day_of(hit)) is not None:  # the UTC day `from`/`to` and the day facet put it in
                days[day.isoformat()] += 1
            if seen < MAX_QUOTE_DOCUMENTS:
                for quote in hit.quotes:
                    if quote.speaker == canonical:
                        quotes.append(
                            EntityQuote(text=quote.text, role=quote.role, document_id=hit.id, title=hit.title)
                        )
                        if quote.role:
                            roles[quote.role] += 1
            seen += 1
        if batch.next_cursor is None or not batch.hits:
            break
        walk = walk.model_copy(update={"cursor": batch.next_cursor})
    if kind == "person":
        for hit in _search(backend, query.model_copy(update={"limit": 20, "facets": False})).hits:
            document = backend.get(hit.id)
            for mention in document.entities if document else ():
                if mention.normalized == canonical and mention.role:
                    roles[mention.role] += 1
    return EntityDetail(
        name=canonical,
        type=kind,
        code=code,
        documents=page.total,
        mentions_over_time=[DayCount(day=d, documents=n) for d, n in sorted(days.items())],
        timeline_documents=seen,
        co_occurring=_counts(page, "entity", "any", 20, skip=canonical),
        roles=[role for role, _ in roles.most_common(10)],
        quotes=quotes[:50],
    )
