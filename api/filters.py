"""The query parameters the routes share, each declared once: the document filters (GET /search, /entities,
/figures, /agreements) as one dependency, the page of a listing, and how a filter's value is read (a
country by code or name, an entity by any alias, a date or a date-time)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import StringConstraints, TypeAdapter, ValidationError

from api.deps import ErrorDetail
from presswatch.document import DocumentKind
from presswatch.gazetteer import canonical_name, countries, country
from search.base import MAX_NAME_CHARS, QueryError
from search.base import Query as SearchQuery

MAX_QUERY_CHARS = 1000
MAX_VALUES = 20
"""Values of one repeatable filter (entity=, source=, ...): each is a condition, and a query of thousands
is a request no one means (SQLite refuses its expression as too deep)."""
MAX_VALUE_CHARS = MAX_NAME_CHARS
# An empty value (`entity=`, as a client that fills its parameters from empty fields sends) is a 422, as
# `currency=` is: it matched no document, so the search answered nothing without saying why.
FilterValue = Annotated[str, StringConstraints(min_length=1, max_length=MAX_VALUE_CHARS)]
MAX_CURSOR_CHARS = 8000
"""Elasticsearch cursors carry a point-in-time id, and listing cursors wrap a backend cursor: room for both."""
BAD_QUERY: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorDetail, "description": "The query cannot be run as written; says why"}
}


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


def document_filters(
    q: Annotated[
        str, Query(max_length=MAX_QUERY_CHARS, description='Words, "phrases", OR, -excluded, prefix*')
    ] = "",
    source: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_VALUES, description="Only these sources (repeatable)."),
    ] = None,
    kind: Annotated[
        list[DocumentKind] | None, Query(max_length=MAX_VALUES, description="Only these kinds (repeatable).")
    ] = None,
    entity: Annotated[
        list[FilterValue] | None,
        Query(
            max_length=MAX_VALUES, description="Must mention each of these (repeatable; UK = United Kingdom)."
        ),
    ] = None,
    country: Annotated[
        list[FilterValue] | None,
        Query(
            max_length=MAX_VALUES,
            description="Must mention each of these countries: ISO code (RS) or name (Serbia) (repeatable).",
        ),
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
    """Text, sources, kinds, entities, countries and dates; newest first unless the route sorts otherwise.

    An unknown country is a QueryError (400, by the app's handler); a date that is not one is a 422.
    """
    return SearchQuery(
        text=q,
        sources=tuple(source or ()),
        kinds=tuple(kind or ()),
        entities=tuple(normalize_entity(e) for e in entity or ()),
        countries=tuple(country_code(c) for c in country or ()),
        published_from=day_bound(published_from, name="from", end_of_day=False),
        published_to=day_bound(published_to, name="to", end_of_day=True),
        sort="date",
    )


DocumentFilters = Annotated[SearchQuery, Depends(document_filters)]


@dataclass(frozen=True)
class ListingPage:
    limit: int
    cursor: str | None


def listing_page(
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None, Query(max_length=MAX_CURSOR_CHARS, description="next_cursor of the previous page.")
    ] = None,
) -> ListingPage:
    """The page of a listing of things found in documents (/figures, /agreements)."""
    return ListingPage(limit=limit, cursor=cursor)


PageOfListing = Annotated[ListingPage, Depends(listing_page)]
