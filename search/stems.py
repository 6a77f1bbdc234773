"""The one text normaliser that both the index side and the query side of Elasticsearch use.

The Elasticsearch server may lack `analysis-common` (no `english` analyzer, no stemmer filter), yet
"migrants" must find "migration" there as it does in SQLite (Porter). Stemming in Python, with the same
function on both sides, makes index-time and query-time analysis agree by construction: the index stores
stems separated by spaces in a field analysed by the server's `whitespace` analyzer, and a query sends the
stems of its words to that field. Snowball's English stemmer (Porter2) is pure Python, needs no model, and
keeps `search` free of spaCy, so the API process never loads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import snowballstemmer

# The same word characters as the parsed query (search/parsed.py), so a query word is always one token here.
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


def fold(word: str) -> str:
    """Lower case, without diacritics (as SQLite's `remove_diacritics 2`)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word: folded, then Porter2."""
    folded = fold(word)
    return str(_stemmer().stemWord(folded))


def tokens(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Every word of `text` (from `start`, a word's first character), with its position (for highlighting)."""
    return WORD.finditer(text, start)


def stem_text(text: str) -> str:
    """The stems of every word of `text`, in order, separated by spaces: one stem per word position."""
    return " ".join(stem(match.group()) for match in tokens(text))
