"""Document embeddings in the SQLite index, and the in-memory matrix that nearest-neighbour search scans.

Storage. `embeddings` holds one float16 vector per document (768 bytes), written in the same transaction as
the document, so upsert and delete keep it exact. Every write also appends the document's rowid to
`embedding_changes`, a log any process can read.

Search. Each process keeps the vectors in one float32 matrix and answers a query by one matrix-vector product
(exact cosine: the vectors are L2-normalised) and a partial sort. Before each read it looks at the log in the
same read transaction as the rest of the search: when another process (a crawler) wrote since, only the
changed rows are read again; when the log was trimmed past what this process saw, the matrix is reloaded.
The API therefore sees new and deleted documents at once, without a restart, and never a half-written one.
Why brute force: at 100,000 documents a scan takes a few milliseconds (bench/similar_documents.py), is exact,
needs no index to build or keep in sync across processes, and filters are exact (a mask over the scores).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from search.vectors import DIMENSIONS, Vector

_STORED = np.dtype("<f2")
# The change log keeps about this many newest entries; a process that fell further behind reloads them all.
_LOG_KEEP = 20_000

# Triggers log every change, whoever makes it (an upsert, a delete, a cascade from `documents`).
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS embeddings (
        doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        vector BLOB NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS embedding_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_rowid INTEGER NOT NULL
    )""",
    """CREATE TRIGGER IF NOT EXISTS embeddings_added AFTER INSERT ON embeddings BEGIN
        INSERT INTO embedding_changes (doc_rowid) VALUES (new.doc_rowid);
    END""",
    """CREATE TRIGGER IF NOT EXISTS embeddings_changed AFTER UPDATE ON embeddings BEGIN
        INSERT INTO embedding_changes (doc_rowid) VALUES (new.doc_rowid);
    END""",
    """CREATE TRIGGER IF NOT EXISTS embeddings_removed AFTER DELETE ON embeddings BEGIN
        INSERT INTO embedding_changes (doc_rowid) VALUES (old.doc_rowid);
    END""",
)

Rowids = npt.NDArray[np.int64]


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the tables (inside the caller's transaction); an index made before them gets its documents'
    embeddings copied from their stored JSON, once."""
    existed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'embeddings'").fetchone() is not None
    for statement in _SCHEMA:
        conn.execute(statement)
    if existed:
        return
    rows = conn.execute(
        "SELECT rowid, json_extract(data, '$.embedding') FROM documents"
        " WHERE json_type(data, '$.embedding') = 'array'"
    ).fetchall()
    for rowid, text in rows:
        store_vector(conn, int(rowid), json.loads(text))


def to_blob(vector: Sequence[float]) -> bytes:
    values = np.asarray(vector, dtype=np.float32)
    if values.shape != (DIMENSIONS,):
        raise ValueError(f"an embedding has {DIMENSIONS} dimensions, not {values.size}")
    return values.astype(_STORED).tobytes()


def store_vector(conn: sqlite3.Connection, rowid: int, vector: Sequence[float] | None) -> None:
    """Write (or with None remove) a document's vector, in the caller's transaction; trims the change log."""
    if vector is None:
        conn.execute("DELETE FROM embeddings WHERE doc_rowid = ?", (rowid,))
    else:
        conn.execute(
            "INSERT INTO embeddings (doc_rowid, vector) VALUES (?, ?)"
            " ON CONFLICT (doc_rowid) DO UPDATE SET vector = excluded.vector",
            (rowid, to_blob(vector)),
        )
    newest, oldest = conn.execute("SELECT max(seq), min(seq) FROM embedding_changes").fetchone()
    if newest is not None and newest - oldest >= 2 * _LOG_KEEP:
        conn.execute("DELETE FROM embedding_changes WHERE seq <= ?", (newest - _LOG_KEEP,))


def stored_vector(conn: sqlite3.Connection, rowid: int) -> Vector | None:
    row = conn.execute("SELECT vector FROM embeddings WHERE doc_rowid = ?", (rowid,)).fetchone()
    return np.frombuffer(row[0], dtype=_STORED).astype(np.float32) if row else None


class VectorMatrix:
    """This process's copy of the index's vectors: rows in any order, `rowids` says whose each row is."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._rowids: Rowids = np.zeros(0, dtype=np.int64)
        self._size = 0
        self._row: dict[int, int] = {}
        self._seen = -1  # the last change-log entry applied; -1 before the first load

    @property
    def size(self) -> int:
        return self._size

    def sync(self, conn: sqlite3.Connection) -> None:
        """Catch up with the index, inside the caller's read transaction (one snapshot)."""
        with self._lock:
            newest, oldest = conn.execute("SELECT max(seq), min(seq) FROM embedding_changes").fetchone()
            newest = int(newest or 0)
            if self._seen < 0 or (oldest is not None and int(oldest) > self._seen + 1) or newest < self._seen:
                self._reload(conn, newest)
                return
            if newest == self._seen:
                return
            changed = conn.execute(
                "SELECT c.doc_rowid, e.vector FROM (SELECT DISTINCT doc_rowid FROM embedding_changes"
                " WHERE seq > ?) c LEFT JOIN embeddings e ON e.doc_rowid = c.doc_rowid",
                (self._seen,),
            ).fetchall()
            for rowid, blob in changed:
                if blob is None:
                    self._remove(int(rowid))
                else:
                    self._put(int(rowid), np.frombuffer(blob, dtype=_STORED))
            self._seen = newest

    def _reload(self, conn: sqlite3.Connection, newest: int) -> None:
        rows = conn.execute("SELECT doc_rowid, vector FROM embeddings").fetchall()
        self._size = len(rows)
        self._matrix = np.zeros((max(self._size, 64), DIMENSIONS), dtype=np.float32)
        self._rowids = np.zeros(self._matrix.shape[0], dtype=np.int64)
        if rows:
            self._rowids[: self._size] = [r[0] for r in rows]
            packed = np.frombuffer(b"".join(r[1] for r in rows), dtype=_STORED)
            self._matrix[: self._size] = packed.reshape(self._size, DIMENSIONS)
        self._row = {int(rowid): i for i, rowid in enumerate(self._rowids[: self._size])}
        self._seen = newest

    def _put(self, rowid: int, vector: npt.NDArray[np.float16]) -> None:
        row = self._row.get(rowid)
        if row is None:
            if self._size == self._matrix.shape[0]:
                grown = max(64, self._size * 2)
                self._matrix = np.resize(self._matrix, (grown, DIMENSIONS))
                self._rowids = np.resize(self._rowids, grown)
            row = self._size
            self._size += 1
            self._row[rowid] = row
            self._rowids[row] = rowid
        self._matrix[row] = vector

    def _remove(self, rowid: int) -> None:
        row = self._row.pop(rowid, None)
        if row is None:
            return
        last = self._size - 1
        if row != last:  # move the last row into the hole
            moved = int(self._rowids[last])
            self._matrix[row] = self._matrix[last]
            self._rowids[row] = moved
            self._row[moved] = row
        self._size = last

    def nearest(
        self,
        vector: Vector,
        *,
        k: int,
        allowed: Rowids | None = None,
        ceiling: int | None = None,
        exclude: int | None = None,
    ) -> list[tuple[int, float]]:
        """The k rowids whose vectors have the highest cosine with `vector`, best first (ties: newest first).

        `allowed` (sorted rowids) keeps only those documents; `ceiling` only rowids up to it.
        """
        with self._lock:
            rowids = self._rowids[: self._size]
            scores = self._matrix[: self._size] @ vector
            keep = np.ones(self._size, dtype=bool)
            if allowed is not None:
                keep &= np.isin(rowids, allowed, assume_unique=True)
            if ceiling is not None:
                keep &= rowids <= ceiling
            if exclude is not None and exclude in self._row:
                keep[self._row[exclude]] = False
            candidates = np.flatnonzero(keep) if not keep.all() else None
            if candidates is not None:
                scores, rowids = scores[candidates], rowids[candidates]
            if k < scores.size:
                top = np.argpartition(-scores, k - 1)[:k]
                scores, rowids = scores[top], rowids[top]
            order = np.lexsort((-rowids, -scores))
            return [(int(rowids[i]), float(scores[i])) for i in order]

    def count(self, *, allowed: Rowids | None = None, ceiling: int | None = None) -> int:
        """How many documents with a vector pass the same restrictions as `nearest`."""
        with self._lock:
            rowids = self._rowids[: self._size]
            keep = np.ones(self._size, dtype=bool)
            if allowed is not None:
                keep &= np.isin(rowids, allowed, assume_unique=True)
            if ceiling is not None:
                keep &= rowids <= ceiling
            return int(keep.sum())
