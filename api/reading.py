"""The document page's text, made to check extraction against: numbered paragraphs (anchors `#p1`, `#p2`,
...), the search's words marked in them as the result snippets mark them (search.snippets' Marker, so
"agreements" is marked for a search on "agreement") and its phrases only where their words stand together,
and the paragraph each extracted item came from (its character offsets fall in it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from markupsafe import Markup, escape

from search.base import QueryError
from search.parsed import Phrase, parse_query
from search.snippets import Marker
from search.stems import stem, tokens

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    start: int  # character offsets in the body
    html: Markup  # escaped, the search's words in <mark>
    marks: int


@dataclass(frozen=True, slots=True)
class Marks:
    """What a search marks: its words and prefixes (as the snippets mark them), and its phrases, each marked
    only where its words stand together ("school food" marks that pair, not every "school" and "food")."""

    words: Marker | None
    phrases: tuple[tuple[str, ...], ...]  # each phrase's stems, in order


def marks_of(text: str) -> Marks | None:
    """None for no words, or words the search could not read (nothing to mark)."""
    try:
        atoms = parse_query(text).positive_atoms() if text.strip() else []
    except QueryError:
        return None
    words = [a for a in atoms if not isinstance(a, Phrase) or len(a.words) == 1]
    phrases = tuple(
        tuple(stem(w) for w in a.words) for a in atoms if isinstance(a, Phrase) and len(a.words) > 1
    )
    if not words and not phrases:
        return None
    return Marks(words=Marker.of(words) if words else None, phrases=phrases)


def _spans(text: str, marks: Marks) -> list[tuple[int, int]]:
    """Where the marks go in `text`: sorted, overlaps joined."""
    found: list[tuple[int, int]] = []
    if marks.words is not None:
        found += [
            (m.start(), m.end()) for m in marks.words.candidate_words(text) if marks.words.matches(m.group())
        ]
    if marks.phrases:
        words = list(tokens(text))
        stems = [stem(w.group()) for w in words]
        for phrase in marks.phrases:
            n = len(phrase)
            found += [
                (words[i].start(), words[i + n - 1].end())
                for i in range(len(words) - n + 1)
                if tuple(stems[i : i + n]) == phrase
            ]
    joined: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _marked(text: str, marks: Marks | None) -> tuple[Markup, int]:
    if marks is None:
        return escape(text), 0
    out, cursor = [], 0
    spans = _spans(text, marks)
    for start, end in spans:
        out.append(escape(text[cursor:start]))
        out.append(Markup("<mark>{}</mark>").format(text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out), len(spans)


def paragraphs(body: str, *, search: str = "") -> list[Paragraph]:
    """The body's non-blank lines as numbered paragraphs, the search's words marked."""
    marks = marks_of(search)
    out: list[Paragraph] = []
    for match in _LINE.finditer(body):
        if match.group().strip():
            html, count = _marked(match.group(), marks)
            out.append(Paragraph(number=len(out) + 1, start=match.start(), html=html, marks=count))
    return out


def paragraph_at(found: list[Paragraph], offset: int) -> int | None:
    """The number of the paragraph holding this character offset (None before the first)."""
    index = bisect_right([p.start for p in found], offset) - 1
    return found[index].number if index >= 0 else None
