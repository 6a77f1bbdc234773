"""The document page's text, made to check extraction against: numbered paragraphs (anchors `#p1`, `#p2`,
...), the search's words marked in them as the result snippets mark them (search.snippets' Marker, so
"agreements" is marked for a search on "agreement"), and the paragraph each extracted item came from (its
character offsets fall in it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from markupsafe import Markup, escape

from search.base import QueryError
from search.parsed import parse_query
from search.snippets import Marker

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    start: int  # character offsets in the body
    html: Markup  # escaped, the search's words in <mark>
    marks: int


def marker_of(text: str) -> Marker | None:
    """What a search marks; None for no words, or words the search could not read (nothing to mark)."""
    try:
        atoms = parse_query(text).positive_atoms() if text.strip() else []
    except QueryError:
        return None
    return Marker.of(atoms) if atoms else None


def _marked(text: str, marker: Marker | None) -> tuple[Markup, int]:
    if marker is None:
        return escape(text), 0
    out, cursor, count = [], 0, 0
    for match in marker.candidates.finditer(text):
        if marker.matches(match.group()):
            out.append(escape(text[cursor : match.start()]))
            out.append(Markup("<mark>{}</mark>").format(match.group()))
            cursor, count = match.end(), count + 1
    out.append(escape(text[cursor:]))
    return Markup("").join(out), count


def paragraphs(body: str, *, search: str = "") -> list[Paragraph]:
    """The body's non-blank lines as numbered paragraphs, the search's words marked."""
    marker = marker_of(search)
    out: list[Paragraph] = []
    for match in _LINE.finditer(body):
        if match.group().strip():
            html, count = _marked(match.group(), marker)
            out.append(Paragraph(number=len(out) + 1, start=match.start(), html=html, marks=count))
    return out


def paragraph_at(found: list[Paragraph], offset: int) -> int | None:
    """The number of the paragraph holding this character offset (None before the first)."""
    index = bisect_right([p.start for p in found], offset) - 1
    return found[index].number if index >= 0 else None
