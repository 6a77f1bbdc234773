"""A saved search's `query` in the words of `GET /search` (`q`, `party`, `country` by name, `from`, ...).

People copy a search's parameters into a saved search; the stored form is `search.base.Query`. This reads
either spelling (not both for one condition) and returns `Query` fields. A country it cannot place is kept
as written, so that saving refuses it with the nearest known names (`alerts.names`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from presswatch.gazetteer import canonical_name, country

# GET /search's name -> the Query field; the repeatable ones take a string or a list.
SEARCH_NAMES: dict[str, str] = {
    "q": "text",
    "source": "sources",
    "kind": "kinds",
    "entity": "entities",
    "country": "countries",
    "party": "agreement_parties",
    "status": "agreement_status",
    "story": "story_id",
    "from": "published_from",
    "to": "published_to",
    "currency": "figure_currency",
    "min_amount": "figure_min",
    "max_amount": "figure_max",
}
_REPEATABLE = {"sources", "kinds", "entities", "countries", "agreement_parties", "agreement_status"}
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def country_code(value: str) -> str:
    """An ISO code from a code or any spelling the gazetteer knows; anything else as written."""
    found = country(value)
    return found.code if found is not None else value.strip()


def _values(name: str, value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return list(value)
    raise ValueError(f"query.{name} must be a string or a list of strings")


def _converted(field: str, name: str, value: Any) -> Any:
    if field in _REPEATABLE:
        values = _values(name, value)
        if field == "entities" or field == "agreement_parties":
            return tuple(canonical_name(v) if isinstance(v, str) else v for v in values)
        if field == "countries":
            return tuple(country_code(v) if isinstance(v, str) else v for v in values)
        return tuple(values)
    if field in ("published_from", "published_to") and isinstance(value, str) and _DATE_ONLY.fullmatch(value):
        day = date.fromisoformat(value)  # a date alone: the whole day, as GET /search reads it
        return datetime.combine(
            day, time.max if field == "published_to" else time.min, tzinfo=UTC
        ).isoformat()
    if field == "figure_currency" and isinstance(value, str):
        return value.upper()
    return value


def query_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """`raw` with GET /search's names read as `Query` fields; naming one condition both ways is an error."""
    fields = {k: v for k, v in raw.items() if k not in SEARCH_NAMES}
    for name, field in SEARCH_NAMES.items():
        if name not in raw:
            continue
        if field in raw:
            raise ValueError(f"query names {field!r} twice: as {name!r} and as {field!r}")
        fields[field] = _converted(field, name, raw[name])
    return fields
