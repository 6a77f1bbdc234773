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
    found = [m.group() for m in marker.candidates.finditer(TEXT) if marker.matches(m.group())]
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
