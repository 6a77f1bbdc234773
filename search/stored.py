"""The stored forms of values, which the index's rows and its filter tokens are both made from."""

from __future__ import annotations

from datetime import UTC, datetime

from presswatch.gazetteer import country


def utc_text(moment: datetime | None) -> str | None:
    """Timestamps are stored as UTC ISO text so that string order is time order; naive ones count as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def country_code(label: str, name: str, code: str | None) -> str | None:
    """The ISO code of a country mention: the one NLP gave, else the gazetteer's for its name."""
    if code:
        return code.upper()
    if label != "GPE":
        return None
    place = country(name)
    return place.code if place else None
