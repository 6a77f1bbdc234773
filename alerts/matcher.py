"""Which saved searches a batch of newly indexed documents matches, and why.

Matching runs each saved search on the search backend restricted to the batch's ids (no percolator needed,
so it works on SQLite and on any Elasticsearch); a percolator-based matcher can replace it behind `Matcher`
on a full cluster. `CandidateMatcher` (the default) first asks a query index which searches can match at
all (alerts/prefilter.py: only ever skips, the backend decides every match) and sends the candidates in one
`_msearch` on Elasticsearch; `BruteForceMatcher` runs every search, one request each (the reference the
tests and the latency benchmark compare it with).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from alerts.figure_subject import figure_is_about
from alerts.model import SavedSearch
from alerts.prefilter import CandidateIndex, conditions_of, document_keys
from presswatch.document import Agreement, Document, Figure
from search.base import Hit, Query, QueryError, SearchBackend
from search.index_terms import IndexTerms, index_terms

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
    """The active saved searches ready to match: their queries, and (for a prefilter) its index."""

    searches: tuple[SavedSearch, ...]
    queries: tuple[Query, ...]
    index: CandidateIndex | None = None
    terms: IndexTerms | None = None


class Matcher(Protocol):
    def prepare(self, searches: Sequence[SavedSearch]) -> Prepared:
        """Called once per change of the active searches, not once per batch."""
        ...

    def match(self, prepared: Prepared, documents: Sequence[Document]) -> list[Match]:
        """Every (search, document) match among `documents`, which are indexed and searchable."""
        ...


def reasons_for(
    search: SavedSearch, query: Query, hit: Hit, document: Document | None = None
) -> tuple[tuple[str, ...], tuple[Agreement, ...], tuple[Figure, ...]]:
    """Why `hit` matched `search`: stable keys (an updated document fires again only for a new key), and
    the agreements and figures behind them. A figure watch's figures are only those about its entity
    (`alerts.figure_subject`, read off `document`); none of them: no reasons, it does not fire."""
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
        if spec.kind == "figure" and spec.entity:
            entity = spec.entity
            figures = tuple(
                f for f in figures if document is not None and figure_is_about(document, f, entity)
            )
            if not figures:
                return (), (), ()
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


def restricted(query: Query, ids: Sequence[str]) -> list[Query]:
    """`query` over `ids` only (and only the ids it names itself, if any), in slices of at most 100."""
    wanted = [i for i in ids if i in query.ids] if query.ids else list(ids)
    return [
        query.model_copy(update={"ids": tuple(part), "limit": len(part), "facets": False, "cursor": None})
        for part in (wanted[s : s + MAX_IDS_PER_QUERY] for s in range(0, len(wanted), MAX_IDS_PER_QUERY))
    ]


def _searchable(backend: SearchBackend) -> None:
    refresh = getattr(backend, "refresh_now", None)
    if callable(refresh):  # Elasticsearch: make the batch searchable before searching it
        refresh()


def _matches(
    search: SavedSearch, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document]
) -> list[Match]:
    out = []
    for hit in hits:
        reasons, agreements, figures = reasons_for(search, query, hit, documents.get(hit.id))
        if reasons:
            out.append(Match(search=search, hit=hit, reasons=reasons, agreements=agreements, figures=figures))
    return out


def run_many(backend: SearchBackend, queries: Sequence[Query]) -> list[list[Hit] | QueryError]:
    """Each query's hits, or why it cannot run: one `_msearch` on Elasticsearch, else one search each."""
    elastic = sys.modules.get("search.elastic")
    if elastic is not None and isinstance(backend, elastic.ElasticsearchBackend):
        from search.elastic_match import search_many

        return search_many(backend, queries)
    results: list[list[Hit] | QueryError] = []
    for query in queries:
        try:
            results.append(backend.search(query).hits)
        except QueryError as exc:
            results.append(exc)
    return results


def fetch_many(backend: SearchBackend, doc_ids: Sequence[str]) -> list[Document]:
    """The documents of these ids that exist: one `_mget` on Elasticsearch, else one `get` each."""
    elastic = sys.modules.get("search.elastic")
    if elastic is not None and isinstance(backend, elastic.ElasticsearchBackend):
        from search.elastic_match import get_many

        return [d for d in get_many(backend, doc_ids) if d is not None]
    return [d for d in (backend.get(i) for i in doc_ids) if d is not None]


class BruteForceMatcher:
    """Runs every active saved search over the batch, one backend request each."""

    def __init__(self, *, backend: SearchBackend) -> None:
        self._backend = backend

    def prepare(self, searches: Sequence[SavedSearch]) -> Prepared:
        return Prepared(searches=tuple(searches), queries=tuple(s.spec.effective_query() for s in searches))

    def match(self, prepared: Prepared, documents: Sequence[Document]) -> list[Match]:
        if not documents or not prepared.searches:
            return []
        _searchable(self._backend)
        ids = [d.id for d in documents]
        by_id = {d.id: d for d in documents}
        matches: list[Match] = []
        for search, query in zip(prepared.searches, prepared.queries, strict=True):
            for part in restricted(query, ids):
                try:
                    hits = self._backend.search(part).hits
                except QueryError as exc:  # saved before the backend changed: skip it, match the others
                    logger.warning("saved search %s cannot run: %s", search.id, exc)
                    break
                matches += _matches(search, query, hits, by_id)
        return matches


class CandidateMatcher:
    """Runs only the searches the query index says can match, each over the documents that can match it,
    all in one request where the backend takes several searches at once (Elasticsearch's `_msearch`)."""

    def __init__(self, *, backend: SearchBackend) -> None:
        self._backend = backend
        self._terms: tuple[IndexTerms | None] | None = None

    def _index_terms(self) -> IndexTerms | None:
        if self._terms is None:  # asked once: Elasticsearch answers only when it is up
            self._terms = (index_terms(self._backend),)
        return self._terms[0]

    def prepare(self, searches: Sequence[SavedSearch]) -> Prepared:
        terms = self._index_terms()
        queries = tuple(s.spec.effective_query() for s in searches)
        index = CandidateIndex.build([conditions_of(q, terms=terms) for q in queries])
        return Prepared(searches=tuple(searches), queries=queries, index=index, terms=terms)

    def match(self, prepared: Prepared, documents: Sequence[Document]) -> list[Match]:
        if not documents or not prepared.searches:
            return []
        assert prepared.index is not None, "prepared by another matcher"
        candidates = prepared.index.candidates(document_keys(documents, terms=prepared.terms))
        if not candidates:
            return []
        _searchable(self._backend)
        jobs: list[tuple[int, Query]] = [
            (position, part)
            for position, held in candidates.items()
            for part in restricted(prepared.queries[position], [documents[i].id for i in held])
        ]
        results = run_many(self._backend, [part for _, part in jobs])
        by_id = {d.id: d for d in documents}
        matches: list[Match] = []
        refused: set[int] = set()
        for (position, _), result in zip(jobs, results, strict=True):
            search = prepared.searches[position]
            if isinstance(result, QueryError):
                if position not in refused:  # saved before the backend changed: skip it, match the others
                    logger.warning("saved search %s cannot run: %s", search.id, result)
                refused.add(position)
                continue
            matches += _matches(search, prepared.queries[position], result, by_id)
        return matches
