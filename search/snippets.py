"""HTML snippets with the matched words in <mark>, computed from the stored text.

Elasticsearch's highlighter can only mark what its own analyzers match; where the server has no stemmer the
index matches by stems made in Python (search/stems.py), so the marks are placed here by the same stems, and
"agreements" is marked for a search on "agreement" exactly as the index matched it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from search.parsed import Phrase, Word
from search.stems import fold, stem, tokens

SNIPPET_TOKENS = 24
PLAIN_SNIPPET_CHARS = 240


@dataclass(frozen=True, slots=True)
class Marker:
    """What to mark: the stems of every word and phrase word, and the folded prefixes."""

    stems: frozenset[str]
    prefixes: tuple[str, ...]
    initials: frozenset[str] = frozenset()  # the first letters of the stems

    @classmethod
    def of(cls, atoms: list[Word | Phrase]) -> Marker:
        stems: set[str] = set()
        prefixes: list[str] = []
        for atom in atoms:
            if isinstance(atom, Phrase):
                stems.update(stem(w) for w in atom.words)
            elif atom.prefix:
                prefixes.append(fold(atom.text))
            else:
                stems.add(stem(atom.text))
        return cls(stems=frozenset(stems), prefixes=tuple(prefixes), initials=frozenset(s[:1] for s in stems))

    def matches(self, word: str) -> bool:
        if self.prefixes and fold(word).startswith(self.prefixes):
            return True
        # A Porter2 stem starts with its word's first letter, so most words of a body are ruled out without
        # stemming them (stemming every word of every hit was most of a search's time).
        first = word[:1].lower()
        if first.isascii() and first not in self.initials:
            return False
        return stem(word) in self.stems


def plain_snippet(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > PLAIN_SNIPPET_CHARS:
        flat = flat[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return html.escape(flat)


def snippet(text: str, marker: Marker, *, size: int = SNIPPET_TOKENS) -> str | None:
    """The window of `size` words with the most matches, escaped, matches in <mark>; None when none match."""
    spans = [(m.start(), m.end(), marker.matches(m.group())) for m in tokens(text)]
    hits = [i for i, (_, _, hit) in enumerate(spans) if hit]
    if not hits:
        return None
    best_start, best_count = hits[0], 0
    for first in hits:  # windows that start at a match are enough to find the densest one
        count = sum(1 for i in hits if first <= i < first + size)
        if count > best_count:
            best_start, best_count = first, count
    start = max(0, min(best_start - 2, len(spans) - size))
    window = spans[start : start + size]
    out: list[str] = ["…" if start > 0 else ""]
    cursor = window[0][0]
    for begin, end, hit in window:
        out.append(html.escape(" ".join(text[cursor:begin].split(" ")).replace("\n", " ")))
        word = html.escape(text[begin:end])
        out.append(f"<mark>{word}</mark>" if hit else word)
        cursor = end
    if start + size < len(spans):
        out.append(html.escape(text[cursor : spans[start + size][0]].rstrip()) + "…")
    return " ".join("".join(out).split())
