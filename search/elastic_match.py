"""Many small searches in few round trips, and many documents in one (`_mget`): for alerts matching a batch
of new documents against the saved searches that can match it.

Each query is compiled as `ElasticsearchBackend.search` compiles it (filters, then text). They go as the
named clauses (`_name`) of one search over the union of their ids, and each hit's `matched_queries` says
which of them it matches: one request per batch, where one search per saved search cost the server a query
and a fetch phase each. Each query keeps its own `ids` filter, so a hit counts only for the queries that
asked for it. When the server refuses the combined search (one query it cannot run), the queries go again
as one `_msearch`, where each answers or fails on its own (a `QueryError` in its place).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from elasticsearch import BadRequestError

from presswatch.document import Document
from search.base import BackendUnavailableError, Hit, Query, QueryError
from search.checks import check_possible
from search.elastic import ElasticsearchBackend, QueryCompiler, newest
from search.parsed import parse_query
from search.snippets import Marker

PER_REQUEST = 200
_SOURCE = {"excludes": ["embedding"]}


@dataclass(frozen=True, slots=True)
class _Compiled:
    position: int
    query: dict[str, Any]
    ids: tuple[str, ...]
    limit: int
    marker: Marker | None


def search_many(
    backend: ElasticsearchBackend, queries: Sequence[Query], *, combined: bool = True
) -> list[list[Hit] | QueryError]:
    """The hits of each query (restricted to its `ids`, as the alerts matcher sends them), or why it
    cannot run; `combined=False` sends the `_msearch` straight away. Semantic queries and queries without
    ids take the backend's own path, one request each."""
    compiler = QueryCompiler(backend.text_analysis())
    results: list[list[Hit] | QueryError] = [[] for _ in queries]
    compiled: list[_Compiled] = []
    for position, query in enumerate(queries):
        try:
            check_possible(query)
            if query.mode != "text" or not query.ids:
                results[position] = backend.search(query).hits
                continue
            parsed = parse_query(query.text) if query.text.strip() else None
        except QueryError as exc:
            results[position] = exc
            continue
        bool_query: dict[str, Any] = {"filter": compiler.filters(query)}
        if parsed is not None:
            bool_query["must"] = [compiler.text(parsed)]
        marker = Marker.of(parsed.positive_atoms()) if parsed is not None else None
        compiled.append(_Compiled(position, {"bool": bool_query}, query.ids, query.limit, marker))
    for start in range(0, len(compiled), PER_REQUEST):
        chunk = compiled[start : start + PER_REQUEST]
        try:
            if combined:
                _named(backend, chunk, results)
                continue
        except BadRequestError:
            pass
        _separately(backend, chunk, results)
    return results


def _named(
    backend: ElasticsearchBackend, chunk: list[_Compiled], results: list[list[Hit] | QueryError]
) -> None:
    ids = list(dict.fromkeys(i for c in chunk for i in c.ids))
    should = [{"bool": {"filter": [c.query], "_name": str(n)}} for n, c in enumerate(chunk)]
    query = {"bool": {"filter": [{"ids": {"values": ids}}], "should": should, "minimum_should_match": 1}}
    answer: dict[str, Any] = backend._call(
        lambda: backend.client.search(
            index=backend.alias, query=query, size=len(ids), source=_SOURCE, track_total_hits=False
        )
    )
    for raw in answer["hits"]["hits"]:
        for name in raw.get("matched_queries", ()):
            compiled = chunk[int(name)]
            hits = results[compiled.position]
            if isinstance(hits, list) and len(hits) < compiled.limit:
                hits.append(ElasticsearchBackend._hit(raw, compiled.marker))


def _separately(
    backend: ElasticsearchBackend, chunk: list[_Compiled], results: list[list[Hit] | QueryError]
) -> None:
    searches: list[dict[str, Any]] = []
    for c in chunk:
        searches += [{"index": backend.alias}, {"query": c.query, "size": c.limit, "_source": _SOURCE}]
    answer: dict[str, Any] = backend._call(lambda: backend.client.msearch(searches=searches))
    for c, response in zip(chunk, answer["responses"], strict=True):
        results[c.position] = _hits(response, c.marker)


def _hits(response: dict[str, Any], marker: Marker | None) -> list[Hit] | QueryError:
    if "error" in response:
        status = int(response.get("status", 400))
        reason = (
            response["error"].get("reason", response["error"])
            if isinstance(response["error"], dict)
            else response["error"]
        )
        if status >= 500 or status == 429:
            raise BackendUnavailableError(f"Elasticsearch could not run a search: {reason}")
        return QueryError(f"Elasticsearch cannot run this search: {reason}")
    return [ElasticsearchBackend._hit(raw, marker) for raw in response["hits"]["hits"]]


def get_many(backend: ElasticsearchBackend, doc_ids: Sequence[str]) -> list[Document | None]:
    """`backend.get` of each id in one request; a write still waiting in the outbox is newer, as there."""
    if not doc_ids:
        return []
    answer: dict[str, Any] = backend._call(
        lambda: backend.client.mget(index=backend.alias, ids=list(doc_ids))
    )
    out: list[Document | None] = []
    for doc_id, found in zip(doc_ids, answer["docs"], strict=True):
        out.append(newest(found if found.get("found") else None, backend.outbox.latest(doc_id)))
    return out
