"""Whether a money figure is about the entity a figure watch names.

A document that mentions the Border Force and, elsewhere, a road-repair budget has no Border Force figure: a
figure belongs to the entity only when the extractor says the figure is about it (`Figure.about`) or the
entity is named in the figure's own sentence.
"""

from __future__ import annotations

import re

from presswatch.document import Document, Figure

# A sentence ends at . ! or ? followed by white space, or at a line break (titles, list items).
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def sentence_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence of `body` holding the characters start..end."""
    before = 0
    for found in _SENTENCE_END.finditer(body, 0, start):
        before = found.end()
    after = _SENTENCE_END.search(body, end)
    return before, after.start() + 1 if after else len(body)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def figure_is_about(document: Document, figure: Figure, entity: str) -> bool:
    """`entity` (a canonical name) is what `figure` is about, or is named in the figure's sentence."""
    wanted = _fold(entity)
    mentions = [m for m in document.entities if _fold(m.normalized) == wanted]
    if figure.about:
        about = _fold(figure.about)
        if wanted in about or any(_fold(m.text) in about for m in mentions):
            return True
    first, last = sentence_span(document.body, figure.start, figure.end)
    return any(first <= m.start and m.end <= last for m in mentions)
