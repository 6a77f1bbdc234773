"""Highlighted snippets made from a document's text, for the hits of one page only.

FTS5's snippet() re-reads every instance of every term in the document, which for common words costs more
than the whole search; the words of the query are known, so the window with most of them is found here.
Words are matched by their start (`visiting` marks `visited`, `frigate` marks `frigates`), as the stemmer
would roughly match them.
"""

from __future__ import annotations

import html
import re

from search.parsed import ParsedQuery, Phrase

SNIPPET_WORDS = 24
PLAIN_SNIPPET_CHARS = 240


def _stem(word: str) -> str:
    return word if len(word) <= 5 else word[: max(5, len(word) - 3)]


def term_pattern(parsed: ParsedQuery) -> re.Pattern[str]:
    """A pattern for the start of any word the query looks for (phrases word by word)."""
    words: list[str] = []
    for atom in parsed.positive_atoms():
        words.extend(atom.words if isinstance(atom, Phrase) else (atom.text,))
    stems = sorted({re.escape(_stem(w.casefold())) for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)


def plain_snippet(body: str) -> str:
    text = " ".join(body.split())
    if len(text) > PLAIN_SNIPPET_CHARS:
        text = text[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return html.escape(text)


def highlighted_snippet(body: str, pattern: re.Pattern[str]) -> str:
    """The SNIPPET_WORDS-word window with most matching words, HTML-escaped, matches in <mark>."""
    words = body.split()
    hits = [i for i, word in enumerate(words) if pattern.search(word)]
    if not hits:
        return plain_snippet(body)
    best, best_count, right = hits[0], 0, 0
    for left, start in enumerate(hits):
        while right < len(hits) and hits[right] < start + SNIPPET_WORDS:
            right += 1
        if right - left > best_count:
            best, best_count = start, right - left
    start = max(0, min(best - 3, len(words) - SNIPPET_WORDS))
    end = min(len(words), start + SNIPPET_WORDS)
    marked = [
        pattern.sub(lambda m: f"\x02{m.group(0)}\x03", word) if pattern.search(word) else word
        for word in words[start:end]
    ]
    text = html.escape(" ".join(marked)).replace("\x02", "<mark>").replace("\x03", "</mark>")
    return ("…" if start > 0 else "") + text + ("…" if end < len(words) else "")
