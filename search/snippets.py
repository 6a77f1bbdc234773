"""HTML snippets with the matched words in <mark>, computed from the stored text.

Elasticsearch's highlighter can only mark what its own analyzers match; where the server has no stemmer the
index matches by stems made in Python (search/stems.py), so the marks are placed here by the same stems, and
"agreements" is marked for a search on "agreement" exactly as the index matched it.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import islice

from search.parsed import Phrase, Word
from search.stems import WORD, fold, stem, tokens

SNIPPET_TOKENS = 24
PLAIN_SNIPPET_CHARS = 240


@dataclass(frozen=True, slots=True)
class Marker:
    """What to mark: the stems of every word and phrase word, and the folded prefixes."""

    stems: frozenset[str]
    prefixes: tuple[str, ...]
    initials: frozenset[str] = frozenset()  # the first letters of the stems
    candidates: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "candidates", _candidates(self.stems, self.prefixes))

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

    def candidate_words(self, text: str) -> list[re.Match[str]]:
        """The words of `text` that may match, in order: a superset of those `matches` accepts."""
        ascii_led = list(self.candidates.finditer(text))
        if text.isascii():
            return ascii_led
        seen = {m.start() for m in ascii_led}
        others = [m for m in _non_ascii_words(text) if m.start() not in seen]
        return sorted(ascii_led + others, key=lambda m: m.start()) if others else ascii_led

    def matches(self, word: str) -> bool:
        if self.prefixes and fold(word).startswith(self.prefixes):
            return True
        # A Porter2 stem starts with its word's first letter, so most words of a body are ruled out without
        # stemming them (stemming every word of every hit was most of a search's time).
        first = word[:1].lower()
        if first.isascii() and first not in self.initials:
            return False
        return stem(word) in self.stems


def _head(stem_or_prefix: str) -> str:
    """A pattern for the first letters that every ASCII word with this stem (or prefix) starts with.

    Porter2 changes only the end of a word: a stem of four letters or more starts with its word's first
    three, a shorter one with its first two, but for y and i ("dying" → "die", "skies" → "sky").
    """
    size = 3 if len(stem_or_prefix) >= 4 else 2
    return "".join("[iy]" if ch in "iy" else re.escape(ch) for ch in stem_or_prefix[:size])


def _candidates(stems: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Whole ASCII-led words that may match, by their first two or three letters. The regex scans the text in
    C; only its candidates are stemmed, so a long body costs little more than a short one. Words with a
    letter beyond ASCII (diacritics fold away, so only `Marker.matches` can tell) are found apart, by
    `_non_ascii_words`: scanning for them in the same pattern tried a second branch at every word and
    doubled the scan."""
    heads = sorted({_head(s) for s in (*stems, *prefixes) if s})
    return re.compile(rf"(?<!\w)(?:{'|'.join(heads)})\w*" if heads else r"(?!)", re.IGNORECASE)


_NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")


def _non_ascii_words(text: str) -> list[re.Match[str]]:
    """Every whole word of `text` that holds a letter beyond ASCII, in order (few in English text)."""
    found: list[re.Match[str]] = []
    end = -1
    for letter in _NON_ASCII_LETTER.finditer(text):
        if letter.start() < end:
            continue  # in the word just found
        start = letter.start()
        while start > 0 and WORD.match(text, start - 1, start):
            start -= 1
        word = WORD.match(text, start)
        if word is not None:
            found.append(word)
            end = word.end()
    return found


def plain_snippet(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > PLAIN_SNIPPET_CHARS:
        flat = flat[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return html.escape(flat)


def snippet(text: str, marker: Marker, *, size: int = SNIPPET_TOKENS) -> str | None:
    """The window of `size` words with the most matches, escaped, matches in <mark>; None when none match.

    Only the candidates and the window's own words are handled in Python; the words between matches are
    counted by the regex engine, so a long body costs little more than a short one.
    """
    marks = [m for m in marker.candidate_words(text) if marker.matches(m.group())]
    if not marks:
        return None
    indices: list[int] = []  # the word number of each match
    count, cursor = 0, 0
    for mark in marks:
        count += len(WORD.findall(text, cursor, mark.start()))
        indices.append(count)
        count += 1
        cursor = mark.end()
    # Past the last match only whether `size` more words follow matters (the window keeps full at the end).
    total = count + sum(1 for _ in islice(WORD.finditer(text, cursor), size))
    best_start, best_count = indices[0], 0
    for n, first in enumerate(indices):  # windows that start at a match are enough to find the densest one
        within = bisect_left(indices, first + size, lo=n) - n
        if within > best_count:
            best_start, best_count = first, within
    start = max(0, min(best_start - 2, total - size))
    anchor = bisect_right(indices, start) - 1  # the last match at or before the window's first word
    offset, skip = (marks[anchor].start(), start - indices[anchor]) if anchor >= 0 else (0, start)
    words = [(m.start(), m.end()) for m in islice(tokens(text, offset), skip, skip + size + 1)]
    window, following = words[:size], words[size:]
    marked = {m.start() for m in marks}
    out: list[str] = ["…" if start > 0 else ""]
    cursor = window[0][0]
    for begin, end in window:
        out.append(html.escape(" ".join(text[cursor:begin].split(" ")).replace("\n", " ")))
        word = html.escape(text[begin:end])
        out.append(f"<mark>{word}</mark>" if begin in marked else word)
        cursor = end
    if following:
        out.append(html.escape(text[cursor : following[0][0]].rstrip()) + "…")
    return " ".join("".join(out).split())
