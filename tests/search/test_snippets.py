"""Snippets: the regex that picks candidate words must never miss a word that the stems would mark."""

from __future__ import annotations

import html
import random

import pytest

from search.parsed import parse_query
from search.snippets import Marker, snippet
from search.stems import tokens

TEXT = (
    "Ministers agreed the agreements on Thursday. Éric Dupont, the Élysée's envoy, said the Kosovo deal was "
    "dying; others were lying. Skies over Škofja Loka cleared as 2025's budget of £75m rose. The migrants' "
    "migration routes, ideally idle, fell. Yes: YEARLY yields, Über-Straße cafés and naïve CAFÉ owners all spoke."
)
WORDS = [m.group() for m in tokens(TEXT)]


def marked_words(html_snippet: str) -> list[str]:
    return [html.unescape(part.split("</mark>")[0]) for part in html_snippet.split("<mark>")[1:]]


def every_word_marker_would_mark(marker: Marker, text: str) -> list[str]:
    """The plain definition: each word of the text, asked one by one."""
    return [m.group() for m in tokens(text) if marker.matches(m.group())]


@pytest.mark.parametrize(
    "query", [*sorted(set(WORDS)), "agree*", "caf*", "eri*", "ško*", '"dying others"', "die"]
)
def test_the_candidates_find_every_word_the_stems_match(query: str) -> None:
    marker = Marker.of(parse_query(query).positive_atoms())
    expected = every_word_marker_would_mark(marker, TEXT)
    found = [m.group() for m in marker.candidate_words(TEXT) if marker.matches(m.group())]
    assert found == expected
    result = snippet(TEXT, marker, size=200)
    assert (result is None) == (not expected)
    if result is not None:
        assert marked_words(result) == expected


def test_random_words_and_queries_agree_with_asking_every_word() -> None:
    rng = random.Random(5)
    for _ in range(200):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 80)))
        query = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        marker = Marker.of(parse_query(query).positive_atoms())
        result = snippet(text, marker, size=500)
        expected = every_word_marker_would_mark(marker, text)
        assert marked_words(result or "") == expected, (text, query)


def test_the_window_is_the_densest_run_of_matches() -> None:
    text = "deal " + "filler " * 40 + "deal deal " + "filler " * 3 + "deal end"
    marker = Marker.of(parse_query("deal").positive_atoms())
    result = snippet(text, marker, size=8)
    assert result is not None and result.count("<mark>") == 3 and result.startswith("…")


def reference_snippet(text: str, marker: Marker, size: int) -> str | None:
    """The plain definition, word by word: the densest window of `size` words, two words before its first
    match (or the text's last `size` words), escaped, matches marked."""
    spans = [(m.start(), m.end(), marker.matches(m.group())) for m in tokens(text)]
    hits = [i for i, (_, _, hit) in enumerate(spans) if hit]
    if not hits:
        return None
    best_start, best_count = hits[0], 0
    for first in hits:
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


def test_small_windows_anywhere_in_the_text_are_the_plain_definitions() -> None:
    rng = random.Random(11)
    for _ in range(300):
        text = ", ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 60)))
        query = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 2)))
        marker = Marker.of(parse_query(query).positive_atoms())
        size = rng.randint(1, 12)
        assert snippet(text, marker, size=size) == reference_snippet(text, marker, size), (text, query, size)
