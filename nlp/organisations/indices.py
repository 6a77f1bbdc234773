"""Stock market indices, which the model tags as organisations: 'the Sensex', 'the Dow Jones Industrial Average',
'the Nasdaq rose 0.9%'. The names are in `nlp/data/market_indices.tsv`, read once when first asked; a name that
is also a body's ('Nasdaq', 'Nikkei', 'Hang Seng') is the index only where the text has it move or writes
'futures' after it, so that 'Nasdaq said it would delist the shares' keeps the exchange's operator."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span

from nlp.people import fold
from presswatch.gazetteer import name_rows

# What an index does in a market report: its verb, with the index as its subject ('the Hang Seng fell 1.4%').
_MOVES = frozenset(
    """rise fall gain lose add shed slip climb drop close end finish open edge dip jump slide tumble rally surge
    sink plunge soar retreat advance decline fluctuate trade hit rebound recover extend pare ease firm
    weaken strengthen""".split()
)
# Lower-case words after an index's name that make it the index ('Nikkei futures', 'the Hang Seng benchmark').
_INDEX_NOUNS = frozenset("futures benchmark gauge average".split())


@lru_cache(maxsize=1)
def _indices() -> tuple[frozenset[str], frozenset[str]]:
    """(names only an index has, names an index shares with a body), folded."""
    text = files("nlp").joinpath("data/market_indices.tsv").read_text(encoding="utf-8")
    own: set[str] = set()
    shared: set[str] = set()
    for _, spellings in name_rows(text):
        for spelling in spellings:
            (shared if spelling.startswith("~") else own).add(fold(spelling.removeprefix("~")))
    return frozenset(own), frozenset(shared)


def market_index(words: Span) -> bool:
    """Whether an ORG span (without its article) names a stock market index rather than a body."""
    own, shared = _indices()
    name = fold(words.text)
    if name in own:
        return True
    if name not in shared:
        return False
    doc = words.doc
    if words.end < len(doc) and doc[words.end].is_lower and doc[words.end].lower_ in _INDEX_NOUNS:
        return True  # 'Japan's Nikkei futures lost 0.66%'
    root = words.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _MOVES
