"""Which saved searches a batch of newly indexed documents matches, and why.

`QueryMatcher` runs each active saved search on the search backend restricted to the batch's ids (no
percolator needed, so it works on SQLite and on any Elasticsearch); a percolator-based matcher can replace it
behind `Matcher` on a full cluster. A cheap check on the batch's own documents first skips the searches that
cannot match (an agreement party, an entity or a story no document of the batch has): it only ever skips, the
backend decides every match.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from alerts.model import SavedSearch
from presswatch.document import Agreement, Document, Figure
from search.base import Hit, Query, SearchBackend

logger = logging.getLogger(__name__)
MAX_IDS_PER_QUERY = 100  # Query.limit's ceiling: a longer batch is searched in slices


@dataclass(frozen=True, kw_only=True)
class Match:
    """One saved search matching one document, with the reasons (stable keys) and what they point at."""

    search: SavedSearch
    hit: Hit
    reasons: tuple[str, ...]
    agreements: tuple[Agreement, ...] = ()
    figures: tuple[Figure, ...] = ()


class Matcher(Protocol):
    def match(self, searches: Sequence[SavedSearch], documents: Sequence[Document]) -> list[Match]:
        """Every (search, document) match among `documents`, which are indexed and searchable."""
        ...


def _folded(values: Sequence[str]) -> set[str]:
    return {v.casefold() for v in values}


def could_match(query: Query, documents: Sequence[Document]) -> bool:
    """False only when no document of the batch can satisfy the query's exact-valued filters."""
    return any(_could_match_one(query, d) for d in documents)


def _could_match_one(query: Query, document: Document) -> bool:
    if query.sources and document.source not in query.sources:
        return False
    if query.kinds and document.kind not in query.kinds:
        return False
    if query.story_id is not None and document.story_id != query.story_id:
        return False
    names = {m.normalized for m in document.entities}
    if any(e not in names for e in query.entities):
        return False
    codes = {m.code for m in document.entities if m.code}
    if any(c.upper() not in codes for c in query.countries):
        return False
    if query.agreement_parties:
        wanted = set(query.agreement_parties)
        if not any(wanted <= set(a.parties) for a in document.agreements):
            return False
    if query.figure_currency is not None:
        currency = query.figure_currency.upper()
        if not any(f.currency == currency for f in document.figures):
            return False
    return True


def reasons_for(
    search: SavedSearch, hit: Hit
) -> tuple[tuple[str, ...], tuple[Agreement, ...], tuple[Figure, ...]]:
    """Why `hit` matched `search`: stable keys (an updated document fires again only for a new key), and
    the agreements and figures behind them."""
    spec = search.spec
    query = spec.effective_query()
    reasons: list[str] = []
    agreements: tuple[Agreement, ...] = ()
    figures: tuple[Figure, ...] = ()
    if query.agreement_parties or query.agreement_status:
        wanted = set(query.agreement_parties)
        agreements = tuple(
            a
            for a in hit.agreements
            if wanted <= set(a.parties) and (not query.agreement_status or a.status in query.agreement_status)
        )
        reasons += [f"agreement:{'+'.join(sorted(a.parties))}:{a.status}" for a in agreements]
    if query.figure_currency is not None or query.figure_min is not None or query.figure_max is not None:
        figures = tuple(f for f in hit.figures if _figure_fits(query, f))
        reasons += [f"figure:{f.currency or ''}:{f.value:g}" for f in figures]
    if spec.kind == "mention" and spec.entity:
        reasons.append(f"mention:{spec.entity}")
    if spec.kind == "story" and spec.story_id:
        reasons.append(f"story:{spec.story_id}")
    if not reasons:  # a plain search: the document matching is the reason, so it fires once
        reasons.append("match")
    return tuple(dict.fromkeys(reasons)), agreements, figures


def _figure_fits(query: Query, figure: Figure) -> bool:
    if figure.kind != "money":
        return False
    if query.figure_currency is not None and figure.currency != query.figure_currency.upper():
        return False
    top = figure.value_max if figure.value_max is not None else figure.value
    if query.figure_min is not None and top < query.figure_min:
        return False
    return not (query.figure_max is not None and figure.value > query.figure_max)


class QueryMatcher:
    """Runs each saved search over the batch's ids on the backend itself."""

    def __init__(self, *, backend: SearchBackend) -> None:
        self._backend = backend

    def match(self, searches: Sequence[SavedSearch], documents: Sequence[Document]) -> list[Match]:
        if not documents or not searches:
            return []
        refresh = getattr(self._backend, "refresh_now", None)
        if callable(refresh):  # Elasticsearch: make the batch searchable before searching it
            refresh()
        matches: list[Match] = []
        for search in searches:
            query = search.spec.effective_query()
            if not could_match(query, documents):
                continue
            for start in range(0, len(documents), MAX_IDS_PER_QUERY):
                ids = tuple(d.id for d in documents[start : start + MAX_IDS_PER_QUERY])
                restricted = query.model_copy(
                    update={"ids": ids, "limit": len(ids), "facets": False, "cursor": None}
                )
                for hit in self._backend.search(restricted).hits:
                    reasons, agreements, figures = reasons_for(search, hit)
                    matches.append(
                        Match(search=search, hit=hit, reasons=reasons, agreements=agreements, figures=figures)
                    )
        return matches
