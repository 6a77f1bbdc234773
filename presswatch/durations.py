"""Durations as people write them in sources.toml and the environment: "30s", "15m", "6h", "1d", "2w".

A type for pydantic fields (`Duration`) and a short form for display; ISO 8601 ("PT15M") and plain seconds
("900") are accepted too, because that is how pydantic writes a `timedelta` back out.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

_SHORT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.IGNORECASE)
_UNITS = {
    "s": timedelta(seconds=1),
    "m": timedelta(minutes=1),
    "h": timedelta(hours=1),
    "d": timedelta(days=1),
    "w": timedelta(weeks=1),
}


def parse_duration(text: str) -> timedelta:
    """'15m' → 15 minutes; a ValueError names what was expected."""
    match = _SHORT.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration such as '30s', '15m', '6h', '1d' or '2w'")
    return float(match[1]) * _UNITS[match[2].lower()]


def _short_form(value: object) -> object:
    """Turns the short form into a timedelta; anything else goes on to pydantic's own timedelta parsing."""
    if isinstance(value, str):
        text = value.strip()
        if _SHORT.match(text):
            return parse_duration(text)
        if text.replace(".", "", 1).isdigit():
            return timedelta(seconds=float(text))
        if not text.upper().startswith("P"):
            parse_duration(text)  # raises, saying what a duration looks like
    return value


def _positive(value: timedelta) -> timedelta:
    if value <= timedelta(0):
        raise ValueError("a duration must be longer than zero")
    return value


Duration = Annotated[timedelta, BeforeValidator(_short_form), AfterValidator(_positive)]
"""A `timedelta` field longer than zero that also reads '15m'."""


def format_duration(value: timedelta) -> str:
    """A short human form: '45s', '15m', '2h30m', '3d'."""
    seconds = max(0, round(value.total_seconds()))
    if seconds < 60:
        return f"{seconds}s"
    parts: list[str] = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
        if len(parts) == 2:
            break
    return "".join(parts)
