"""Semantic and hybrid search and similar documents on Elasticsearch (meaning: search/vectors.py).

Nearest neighbours come from the server's kNN search on the `dense_vector` field (HNSW, approximate; the
candidate pool `num_candidates` is several times `k`). Filters and exclusions (`-word`) go into the kNN
`filter`, so they hold before the nearest are chosen, not after. Hybrid search fuses the text ranking and
the kNN ranking in the client with reciprocal rank fusion: the server's RRF retriever needs a paid licence
and the core distribution the tests run does not have it. Scores are cosines, as on SQLite (the server
reports (1 + cosine) / 2 for `cosine` similarity, converted back here).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from elasticsearch import BadRequestError, NotFoundError

from search.base import DocumentNotFoundError, FacetValue, Hit, Page, Query, QueryError
from search.checks import check_possible
from search.parsed import ParsedQuery, parse_query
from search.snippets import Marker
from search.vectors import (
    SEMANTIC_WINDOW,
    Vector,
    VectorCursor,
    check_similar_limit,
    query_vector,
    reciprocal_rank_fusion,
    unit_vector,
)

if TYPE_CHECKING:
    from search.elastic import ElasticsearchBackend, QueryCompiler


def num_candidates(k: int) -> int:
    """How many candidates each shard's HNSW search keeps for `k` results: more is slower and closer to exact."""
    return min(10_000, max(100, 4 * k))


def cosine(score: float) -> float:
    return 2.0 * score - 1.0


def _restrictions(compiler: QueryCompiler, query: Query, parsed: ParsedQuery | None) -> dict[str, Any]:
    clauses: dict[str, Any] = {"filter": compiler.filters(query)}
    if parsed is not None and parsed.excluded:
        clauses["must_not"] = [compiler.atom(a) for a in parsed.excluded]
    return {"bool": clauses}


def _knn(vector: Vector, *, k: int, restrict: dict[str, Any]) -> dict[str, Any]:
    return {
        "field": "embedding",
        "query_vector": [float(x) for x in vector],
        "k": k,
        "num_candidates": num_candidates(k),
        "filter": restrict,
    }


def _search(backend: ElasticsearchBackend, body: dict[str, Any]) -> dict[str, Any]:
    try:
        result: dict[str, Any] = backend._call(lambda: backend.client.search(index=backend.alias, **body))
    except BadRequestError as exc:
        raise QueryError(f"Elasticsearch cannot run this search: {exc.message}") from exc
    return result


def _has_embeddings(backend: ElasticsearchBackend) -> bool:
    found = backend._call(
        lambda: backend.client.count(index=backend.alias, query={"exists": {"field": "embedding"}})
    )
    return int(found["count"]) > 0


def vector_page(backend: ElasticsearchBackend, query: Query) -> Page:
    """One page of a semantic or hybrid search."""
    from search.elastic import QueryCompiler, facet_aggregations

    check_possible(query)
    vector = query_vector(query)
    parsed = parse_query(query.text)
    compiler = QueryCompiler(backend._ensure())
    if not _has_embeddings(backend):
        raise QueryError(
            f"mode={query.mode} needs document embeddings and no document in the index has one:"
            " index documents with the NLP stage (it embeds them), or use mode=text"
        )
    cursor = VectorCursor.decode(query.cursor)
    ceiling = cursor.ceiling_time() if cursor else datetime.now(UTC).isoformat()
    offset = cursor.offset if cursor else 0
    restrict = _restrictions(compiler, query, parsed)
    restrict["bool"]["filter"].append({"range": {"indexed_at": {"lte": ceiling}}})
    marker = Marker.of(parsed.positive_atoms())
    knn = _knn(vector, k=SEMANTIC_WINDOW, restrict=restrict)
    if query.mode == "semantic":
        body: dict[str, Any] = {
            "knn": knn,
            "from": offset,
            "size": query.limit,
            "source": {"excludes": ["embedding"]},
            "track_total_hits": True,
        }
        if query.facets:
            body["aggs"] = facet_aggregations()  # over the k nearest, as SQLite counts its window
        result = _search(backend, body)
        total = int(result["hits"]["total"]["value"])
        hits = [_with_cosine(backend._hit(h, marker)) for h in result["hits"]["hits"]]
        facets = backend._facets(result.get("aggregations", {})) if query.facets else {}
        cut = total >= SEMANTIC_WINDOW
    else:
        nearest = _search(backend, {"knn": knn, "size": SEMANTIC_WINDOW, "source": False})["hits"]["hits"]
        text_body: dict[str, Any] = {
            "query": {"bool": {"filter": restrict["bool"]["filter"], "must": [compiler.text(parsed)]}},
            "size": SEMANTIC_WINDOW,
            "source": False,
            "sort": ["_score", {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
            "track_total_hits": False,
        }
        matched = _search(backend, text_body)["hits"]["hits"]
        ranked = reciprocal_rank_fusion([h["_id"] for h in matched], [h["_id"] for h in nearest])
        total = len(ranked)
        cut = len(matched) >= SEMANTIC_WINDOW or len(nearest) >= SEMANTIC_WINDOW
        page = ranked[offset : offset + query.limit]
        hits = _fetch(backend, page, marker)
        facets = _facets_of(backend, [doc_id for doc_id, _ in ranked]) if query.facets else {}
    following = offset + query.limit
    next_cursor = VectorCursor(offset=following, ceiling=ceiling).encode() if following < total else None
    return Page(total=total, total_exact=not cut, hits=hits, facets=facets, next_cursor=next_cursor)


def _with_cosine(hit: Hit) -> Hit:
    return hit.model_copy(update={"score": cosine(hit.score)})


def _fetch(
    backend: ElasticsearchBackend, ranked: list[tuple[str, float]], marker: Marker | None
) -> list[Hit]:
    """The hits for these ids, in this order, each with its fused score."""
    if not ranked:
        return []
    found = backend._call(
        lambda: backend.client.mget(
            index=backend.alias, ids=[doc_id for doc_id, _ in ranked], source_excludes=["embedding"]
        )
    )
    by_id = {d["_id"]: d for d in found["docs"] if d.get("found")}
    return [
        backend._hit({**by_id[doc_id], "_score": score}, marker)
        for doc_id, score in ranked
        if doc_id in by_id
    ]


def _facets_of(backend: ElasticsearchBackend, ids: list[str]) -> dict[str, list[FacetValue]]:
    from search.elastic import facet_aggregations

    result = _search(backend, {"query": {"ids": {"values": ids}}, "size": 0, "aggs": facet_aggregations()})
    return backend._facets(result.get("aggregations", {}))


def similar(backend: ElasticsearchBackend, doc_id: str, *, limit: int, filters: Query | None) -> list[Hit]:
    """The documents nearest to `doc_id` by embedding, itself left out."""
    from search.elastic import QueryCompiler

    check_similar_limit(limit)
    compiler = QueryCompiler(backend._ensure())
    try:
        found = backend._call(
            lambda: backend.client.get(index=backend.alias, id=doc_id, source_includes=["embedding"])
        )
    except NotFoundError:
        raise DocumentNotFoundError(doc_id) from None
    stored = found["_source"].get("embedding")
    if not stored:
        raise QueryError(f"document {doc_id!r} has no embedding: it was indexed without the NLP stage")
    if filters is not None:
        check_possible(filters)
    restrict = _restrictions(compiler, filters or Query(), None)
    restrict["bool"]["must_not"] = [{"ids": {"values": [doc_id]}}]
    body = {
        "knn": _knn(unit_vector(stored), k=limit, restrict=restrict),
        "size": limit,
        "source": {"excludes": ["embedding"]},
    }
    return [_with_cosine(backend._hit(h, None)) for h in _search(backend, body)["hits"]["hits"]]
