"""Many small searches in one round trip: `_msearch`, for alerts matching a batch against its saved searches.

Each query is compiled as `ElasticsearchBackend.search` compiles it (filters, then text), without the
totals, facets, sorting and cursors a matcher does not read; one request carries up to `PER_REQUEST`
of them. A query the server refuses is a `QueryError` in its place, the others still answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from search.base import BackendUnavailableError, Hit, Query, QueryError
from search.checks import check_possible
from search.elastic import ElasticsearchBackend, QueryCompiler
from search.parsed import parse_query
from search.snippets import Marker

PER_REQUEST = 200


def search_many(backend: ElasticsearchBackend, queries: Sequence[Query]) -> list[list[Hit] | QueryError]:
    """The hits of each text-mode query (best first, up to its limit), or why it cannot run."""
    compiler = QueryCompiler(backend.text_analysis())
    results: list[list[Hit] | QueryError | None] = [None] * len(queries)
    sendable: list[tuple[int, dict[str, Any], Marker | None]] = []
    for position, query in enumerate(queries):
        try:
            check_possible(query)
            if query.mode != "text":
                results[position] = backend.search(query).hits  # vectors: the backend's own path
                continue
            parsed = parse_query(query.text) if query.text.strip() else None
        except QueryError as exc:
            results[position] = exc
            continue
        bool_query: dict[str, Any] = {"filter": compiler.filters(query)}
        if parsed is not None:
            bool_query["must"] = [compiler.text(parsed)]
        body = {"query": {"bool": bool_query}, "size": query.limit, "_source": {"excludes": ["embedding"]}}
        marker = Marker.of(parsed.positive_atoms()) if parsed is not None else None
        sendable.append((position, body, marker))
    for start in range(0, len(sendable), PER_REQUEST):
        chunk = sendable[start : start + PER_REQUEST]
        searches: list[dict[str, Any]] = []
        for _, body, _ in chunk:
            searches += [{"index": backend.alias}, body]
        answer = _send(backend, searches)
        for (position, _, marker), response in zip(chunk, answer["responses"], strict=True):
            results[position] = _hits(response, marker)
    return [r if r is not None else [] for r in results]


def _send(backend: ElasticsearchBackend, searches: list[dict[str, Any]]) -> dict[str, Any]:
    answer: dict[str, Any] = backend._call(lambda: backend.client.msearch(searches=searches))
    return answer


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
