"""Semantic and hybrid search and similar documents on the SQLite index (meaning: search/vectors.py).

Filters are exact: the rowids that pass them are read with the same SQL as a text search's filters and mask
the scores. Exclusions (`-word`) keep their meaning: documents that match them are masked too.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import numpy as np

from search.base import DocumentNotFoundError, Hit, Page, Query, QueryError
from search.checks import check_possible
from search.parsed import AnyOf, ParsedQuery, parse_query
from search.querytext import compile_fts
from search.sqlite_compile import Position, compile_filters, compile_search
from search.sqlite_vectors import Rowids, stored_vector
from search.vectors import (
    SEMANTIC_WINDOW,
    VectorCursor,
    check_similar_limit,
    query_vector,
    reciprocal_rank_fusion,
)

if TYPE_CHECKING:
    from search.sqlite import SQLiteBackend


def _allowed(conn: sqlite3.Connection, query: Query, parsed: ParsedQuery | None) -> Rowids | None:
    """The sorted rowids that pass the query's filters and exclusions; None when everything passes."""
    clauses, params = compile_filters(query)
    if parsed is not None and parsed.excluded:
        clauses.append("{rowid} NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(compile_fts(ParsedQuery(required=(AnyOf(parsed.excluded),), optional=(), excluded=())))
    if not clauses:
        return None
    rows = conn.execute(
        f"SELECT d.rowid FROM documents d WHERE {' AND '.join(c.format(rowid='d.rowid') for c in clauses)}"
        " ORDER BY d.rowid",
        params,
    ).fetchall()
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))


def _text_ranking(conn: sqlite3.Connection, query: Query, parsed: ParsedQuery, ceiling: int) -> list[int]:
    """The rowids of the text search's best SEMANTIC_WINDOW matches, best first."""
    text_query = query.model_copy(
        update={"mode": "text", "vector": None, "cursor": None, "sort": "relevance", "limit": SEMANTIC_WINDOW}
    )
    compiled = compile_search(text_query, parsed, Position())
    newest = [int(r[0]) for r in conn.execute(compiled.newest.sql, compiled.newest.params)]
    page = compiled.rank(newest) if newest else None
    rows = conn.execute(page.sql, page.params).fetchall() if page is not None else []
    return [int(r[0]) for r in rows[:SEMANTIC_WINDOW] if int(r[0]) <= ceiling]


def vector_page(backend: SQLiteBackend, query: Query) -> Page:
    """One page of a semantic or hybrid search."""
    check_possible(query)
    vector = query_vector(query)
    parsed = parse_query(query.text)
    cursor = VectorCursor.decode(query.cursor)
    with backend._read() as conn:
        backend.vectors.sync(conn)
        if backend.vectors.size == 0:
            raise QueryError(
                f"mode={query.mode} needs document embeddings and no document in the index has one:"
                " index documents with the NLP stage (it embeds them), or use mode=text"
            )
        if cursor is not None:
            ceiling = cursor.ceiling_rowid()
        else:
            ceiling = int(conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0)
        allowed = _allowed(conn, query, parsed)
        nearest = backend.vectors.nearest(vector, k=SEMANTIC_WINDOW, allowed=allowed, ceiling=ceiling)
        if query.mode == "hybrid":
            text = _text_ranking(conn, query, parsed, ceiling)
            ranked = reciprocal_rank_fusion(text, [rowid for rowid, _ in nearest])
            cut = len(text) >= SEMANTIC_WINDOW or len(nearest) >= SEMANTIC_WINDOW
        else:
            ranked, cut = nearest, len(nearest) >= SEMANTIC_WINDOW
        offset = cursor.offset if cursor else 0
        page_rows = ranked[offset : offset + query.limit]
        hits = backend._hits(conn, parsed, page_rows)
        facets = backend._facets(conn, [rowid for rowid, _ in ranked]) if query.facets else {}
    following = offset + query.limit
    more = following < len(ranked)
    next_cursor = VectorCursor(offset=following, ceiling=str(ceiling)).encode() if more else None
    return Page(total=len(ranked), total_exact=not cut, hits=hits, facets=facets, next_cursor=next_cursor)


def similar(backend: SQLiteBackend, doc_id: str, *, limit: int, filters: Query | None) -> list[Hit]:
    """The documents nearest to `doc_id` by embedding, itself left out."""
    check_similar_limit(limit)
    with backend._read() as conn:
        row = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFoundError(doc_id)
        rowid = int(row[0])
        vector = stored_vector(conn, rowid)
        if vector is None:
            raise QueryError(f"document {doc_id!r} has no embedding: it was indexed without the NLP stage")
        backend.vectors.sync(conn)
        allowed = None
        if filters is not None:
            check_possible(filters)
            allowed = _allowed(conn, filters, None)
        nearest = backend.vectors.nearest(
            vector / float(np.linalg.norm(vector)), k=limit, allowed=allowed, exclude=rowid
        )
        return backend._hits(conn, None, nearest)
