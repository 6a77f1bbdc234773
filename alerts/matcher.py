"""Which saved searches a batch of newly indexed documents matches, and why.

`QueryMatcher` runs each active saved search on the search backend restricted to the batch's ids (no
percolator needed, so it works on SQLite and on any Elasticsearch); a percolator-based matcher can replace it
behind `Matcher` on a full cluster. A cheap check on the batch's own documents first skips the searches that
cannot match (an agreement party, an entity or a story no document of the batch has: set inclusion of
precomputed keys): it only ever skips, the backend decides every match.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from alerts.model import SavedSearch
from presswatch.document import Agreement, Document, Figure
from search.base import Hit, Query, QueryError, SearchBackend

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


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """A saved search ready to match: its query, and the keys a batch must hold for it to possibly match."""

    search: SavedSearch
    query: Query
    required: frozenset[str]

    @classmethod
    def of(cls, search: SavedSearch) -> Prepared:
        query = search.spec.effective_query()
        return cls(search=search, query=query, required=required_keys(query))


class Matcher(Protocol):
    def match(self, searches: Sequence[Prepared], documents: Sequence[Document]) -> list[Match]:
        """Every (search, document) match among `documents`, which are indexed and searchable."""
        ...


def required_keys(query: Query) -> frozenset[str]:
    """Exact values a matching document must hold (a necessary condition only, never a sufficient one)."""
    keys = {f"entity:{e}" for e in query.entities}
    keys |= {f"country:{c.upper()}" for c in query.countries}
    keys |= {f"party:{p}" for p in query.agreement_parties}
    if len(query.sources) == 1:
        keys.add(f"source:{query.sources[0]}")
    if len(query.kinds) == 1:
        keys.add(f"kind:{query.kinds[0]}")
    if query.story_id is not None:
        keys.add(f"story:{query.story_id}")
    if query.figure_currency is not None:
        keys.add(f"currency:{query.figure_currency.upper()}")
    return frozenset(keys)


def batch_keys(documents: Sequence[Document]) -> frozenset[str]:
    """Every exact value the batch's documents hold, in the form of `required_keys`."""
    keys: set[str] = set()
    for d in documents:
        keys |= {f"source:{d.source}", f"kind:{d.kind}"}
        if d.story_id is not None:
            keys.add(f"story:{d.story_id}")
        keys |= {f"entity:{m.normalized}" for m in d.entities}
        keys |= {f"country:{m.code}" for m in d.entities if m.code}
        keys |= {f"party:{p}" for a in d.agreements for p in a.parties}
        keys |= {f"currency:{f.currency}" for f in d.figures if f.currency}
    return frozenset(keys)


def reasons_for(
    search: SavedSearch, query: Query, hit: Hit
) -> tuple[tuple[str, ...], tuple[Agreement, ...], tuple[Figure, ...]]:
    """Why `hit` matched `search`: stable keys (an updated document fires again only for a new key), and
    the agreements and figures behind them."""
    spec = search.spec
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

    def match(self, searches: Sequence[Prepared], documents: Sequence[Document]) -> list[Match]:
        if not documents or not searches:
            return []
        refresh = getattr(self._backend, "refresh_now", None)
        if callable(refresh):  # Elasticsearch: make the batch searchable before searching it
            refresh()
        matches: list[Match] = []
        present = batch_keys(documents)
        for prepared in searches:
            if not prepared.required <= present:
                continue
            search, query = prepared.search, prepared.query
            for start in range(0, len(documents), MAX_IDS_PER_QUERY):
                ids = tuple(d.id for d in documents[start : start + MAX_IDS_PER_QUERY])
                restricted = query.model_copy(
                    update={"ids": ids, "limit": len(ids), "facets": False, "cursor": None}
                )
                try:
                    hits = self._backend.search(restricted).hits
                except QueryError as exc:  # saved before the backend changed: skip it, match the others
                    logger.warning("saved search %s cannot run: %s", search.id, exc)
                    break
                for hit in hits:
                    reasons, agreements, figures = reasons_for(search, query, hit)
                    matches.append(
                        Match(search=search, hit=hit, reasons=reasons, agreements=agreements, figures=figures)
                    )
        return matches
