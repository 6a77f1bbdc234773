"""The embedded default backend: one SQLite file with an FTS5 full-text index ranked by BM25."""

from __future__ import annotations

import html
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from presswatch.document import Document
from search.base import (
    BackendUnavailableError,
    FacetValue,
    Hit,
    IndexReport,
    Page,
    Query,
    QueryError,
    decode_cursor,
    encode_cursor,
)
from search.querytext import to_fts

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    indexed_at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS mentions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    label TEXT NOT NULL,
    PRIMARY KEY (doc_rowid, name, label)
);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name COLLATE NOCASE);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, entities, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
# Column weights for bm25(): a match in the title counts most, then in entity names, then in the body.
_WEIGHTS = (8.0, 1.0, 3.0)
_OPEN, _CLOSE = "\x02", "\x03"
_SNIPPET_TOKENS = 24
_PLAIN_SNIPPET_CHARS = 240
_FACET_SIZE = 20
# After a checkpoint the WAL file is truncated back to this size, so a busy index does not keep a big one.
_WAL_SIZE_LIMIT = 4 * 1024 * 1024


def _utc_text(moment: datetime | None) -> str | None:
    """Timestamps are stored as UTC ISO text so that string order is time order; naive ones count as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


# What FTS5 says about a MATCH expression it cannot read; caused by the text, not by the index.
_QUERY_COMPLAINTS = ("fts5:", "unterminated string", "unknown special query")


def _is_query_complaint(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return any(part in message for part in _QUERY_COMPLAINTS)


# What went wrong, in words for API clients: SQLite's own message (and the file's path) go to the log only.
_REASONS = (
    ("not a database", "the index file is not a presswatch index (corrupt or another kind of file)"),
    ("malformed", "the index file is corrupt; rebuild it with a new crawl"),
    ("locked", "the index is locked by another process; try again shortly"),
    ("busy", "the index is locked by another process; try again shortly"),
    ("readonly", "the index file cannot be written (read-only)"),
    ("full", "the disk that holds the index is full"),
    ("closed", "the index is closed"),
    ("unable to open", "the index file cannot be opened (missing folder or no permission)"),
)


def _in_words(exc: BaseException) -> str:
    message = str(exc).lower()
    if isinstance(exc, OSError):
        return "the index folder cannot be created or read (no permission, or not a folder)"
    return next((reason for key, reason in _REASONS if key in message), "the index cannot be read")


def highlight(snippet: str) -> str:
    """Escape a snippet for HTML, then turn the match markers into <mark> tags."""
    return html.escape(" ".join(snippet.split())).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


def _plain_snippet(body: str) -> str:
    text = " ".join(body.split())
    if len(text) > _PLAIN_SNIPPET_CHARS:
        text = text[:_PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return html.escape(text)


class SQLiteBackend:
    """SQLite FTS5 index in one file. Upserts by document id; safe to share between threads."""

    def __init__(self, *, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: a transaction is open only inside `_read` or `_transaction`, never left behind, so
            # every read sees the latest commit and the WAL can be checkpointed.
            self._conn = sqlite3.connect(path, check_same_thread=False, timeout=30.0, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute(f"PRAGMA journal_size_limit={_WAL_SIZE_LIMIT}")
            self._conn.execute("BEGIN IMMEDIATE")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self._conn.execute(statement)
            self._conn.execute("COMMIT")
        except (OSError, sqlite3.Error) as exc:
            raise BackendUnavailableError(
                f"cannot open the SQLite index at {path}: {exc}", reason=_in_words(exc)
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _guarded(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock, with any SQLite failure reported as the index being unavailable."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise BackendUnavailableError(
                    f"the SQLite index at {self.path} failed: {exc}", reason=_in_words(exc)
                ) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write: takes the write lock up front (`BEGIN IMMEDIATE`), so it waits instead of deadlocking."""
        with self._guarded() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read of several statements over one snapshot, ended as soon as it is done (it writes nothing)."""
        with self._guarded() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def index(self, docs: Iterable[Document]) -> IndexReport:
        report = IndexReport()
        now = _utc_text(datetime.now(UTC))
        with self._transaction() as conn:
            for doc in docs:
                conn.execute("SAVEPOINT one_document")
                try:
                    replaced = self._upsert(conn, doc, now or "")
                except sqlite3.Error as exc:
                    conn.execute("ROLLBACK TO one_document")
                    report.failed[doc.id] = str(exc)
                else:
                    if replaced:
                        report.updated += 1
                    else:
                        report.added += 1
                conn.execute("RELEASE one_document")
        return report

    @staticmethod
    def _upsert(conn: sqlite3.Connection, doc: Document, now: str) -> bool:
        row = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc.id,)).fetchone()
        values = (doc.url, doc.source, doc.kind, doc.title, _utc_text(doc.published), now, doc.to_json())
        if row is None:
            cursor = conn.execute(
                "INSERT INTO documents (url, source, kind, title, published, indexed_at, data, id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, doc.id),
            )
            rowid = cursor.lastrowid
        else:
            rowid = row[0]
            conn.execute(
                "UPDATE documents SET url = ?, source = ?, kind = ?, title = ?, published = ?, indexed_at = ?,"
                " data = ? WHERE rowid = ?",
                (*values, rowid),
            )
            conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))
            conn.execute("DELETE FROM mentions WHERE doc_rowid = ?", (rowid,))
        names = dict.fromkeys(m.normalized for m in doc.entities if m.label != "DATE")
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body, entities) VALUES (?, ?, ?, ?)",
            (rowid, doc.title, doc.body, " ; ".join(names)),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO mentions (doc_rowid, name, label) VALUES (?, ?, ?)",
            [(rowid, m.normalized, m.label) for m in doc.entities],
        )
        return row is not None

    def get(self, doc_id: str) -> Document | None:
        with self._guarded() as conn:
            row = conn.execute("SELECT data FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_json(row[0]) if row else None

    def count(self) -> int:
        with self._guarded() as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    @staticmethod
    def _filters(query: Query) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if query.sources:
            clauses.append(f"d.source IN ({', '.join('?' * len(query.sources))})")
            params.extend(query.sources)
        if query.kinds:
            clauses.append(f"d.kind IN ({', '.join('?' * len(query.kinds))})")
            params.extend(query.kinds)
        if query.published_from is not None:
            clauses.append("d.published >= ?")
            params.append(_utc_text(query.published_from))
        if query.published_to is not None:
            clauses.append("d.published <= ?")
            params.append(_utc_text(query.published_to))
        for name in query.entities:
            clauses.append("EXISTS (SELECT 1 FROM mentions m WHERE m.doc_rowid = d.rowid AND m.name = ?)")
            params.append(name)
        return clauses, params

    def search(self, query: Query) -> Page:
        offset = decode_cursor(query.cursor)
        clauses, params = self._filters(query)
        if query.text.strip():
            match = to_fts(query.text)
            source = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            clauses.insert(0, "documents_fts MATCH ?")
            params.insert(0, match)
            weights = ", ".join(str(w) for w in _WEIGHTS)
            columns = (
                f"d.data, -bm25(documents_fts, {weights}) AS score,"
                f" snippet(documents_fts, -1, '{_OPEN}', '{_CLOSE}', '…', {_SNIPPET_TOKENS})"
            )
            order = "ORDER BY bm25(documents_fts, " + weights + "), d.published DESC"
        else:
            source = "documents d"
            columns = "d.data, 0.0 AS score, NULL"
            order = "ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC"
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._read() as conn:
            try:
                rows = conn.execute(
                    f"SELECT {columns} FROM {source} {where} {order} LIMIT ? OFFSET ?",
                    (*params, query.limit + 1, offset),
                ).fetchall()
            except sqlite3.OperationalError as exc:  # the one statement that first meets the MATCH expression
                if _is_query_complaint(exc):
                    raise QueryError(
                        f"cannot search for {query.text!r}: the full-text index cannot read it as written"
                    ) from exc
                raise
            matched = f"SELECT d.rowid FROM {source} {where}"
            total = int(conn.execute(f"SELECT count(*) FROM ({matched})", params).fetchone()[0])
            facets = self._facets(conn, matched, params) if query.facets else {}
        hits = []
        for data, score, snippet in rows[: query.limit]:
            document = Document.from_json(data)
            text = highlight(snippet) if snippet is not None else _plain_snippet(document.body)
            hits.append(Hit.of(document, score=float(score), snippet=text))
        more = len(rows) > query.limit
        return Page(
            total=total,
            hits=hits,
            facets=facets,
            next_cursor=encode_cursor(offset + query.limit) if more else None,
        )

    @staticmethod
    def _facets(conn: sqlite3.Connection, matched: str, params: list[Any]) -> dict[str, list[FacetValue]]:
        """Counts by source, kind and entity over the documents `matched` selects (read only)."""
        within = f"documents d WHERE d.rowid IN ({matched})"
        queries = {
            "source": f"SELECT d.source, count(*) FROM {within} GROUP BY d.source ORDER BY 2 DESC, 1 LIMIT ?",
            "kind": f"SELECT d.kind, count(*) FROM {within} GROUP BY d.kind ORDER BY 2 DESC, 1 LIMIT ?",
            "entity": (
                "SELECT m.name, count(DISTINCT m.doc_rowid) FROM mentions m"
                f" WHERE m.doc_rowid IN ({matched}) AND m.label != 'DATE' GROUP BY m.name ORDER BY 2 DESC, 1 LIMIT ?"
            ),
        }
        return {
            name: [
                FacetValue(value=v, count=c) for v, c in conn.execute(sql, (*params, _FACET_SIZE)).fetchall()
            ]
            for name, sql in queries.items()
        }
