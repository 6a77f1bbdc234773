"""The embedded default backend: one SQLite file with an FTS5 full-text index.

This module reads and writes; `search.sqlite_compile` turns a query into SQL and `search.sqlite_schema`
owns the tables. The connection is in autocommit mode: a transaction is open only inside `_read` or
`_transaction`, never left behind, so every read sees the latest commit and the WAL can be checkpointed.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from presswatch.document import Document
from presswatch.sqlite_store import connect_wal
from search import sqlite_semantic
from search.base import (
    FACET_FIELDS,
    FACET_SAMPLE,
    RETRY_AFTER_SECONDS,
    BackendUnavailableError,
    FacetValue,
    Hit,
    IndexReport,
    Page,
    Query,
    QueryError,
)
from search.parsed import ParsedQuery, parse_query
from search.snippets import Marker, plain_snippet, snippet
from search.sqlite_compile import (
    FACET_KEYS_SQL,
    FACET_SIZE,
    RANK_WINDOW,
    TOTAL_LIMIT,
    CompiledSearch,
    Position,
    Statement,
    compile_search,
)
from search.sqlite_schema import (
    TAG_SEPARATOR,
    create_or_upgrade,
    delete_derived,
    document_columns,
    write_derived,
    write_fts,
)
from search.sqlite_vectors import VectorMatrix, ensure_schema, store_vector
from search.stored import utc_text

# After a checkpoint the WAL file is truncated back to this size, so a busy index does not keep a big one.
_WAL_SIZE_LIMIT = 4 * 1024 * 1024
# Page cache and memory map: a search touches FTS5 doclists and many small rows; reading them from memory is
# what keeps a large index fast. Both only bound what SQLite may use.
_CACHE_KIB = 64 * 1024
_MMAP_BYTES = 1024 * 1024 * 1024
# A newest-first page with more matches than can be ordered reads the date index this many rows at a time.
DATE_CHUNK = 256
# What FTS5 says about a MATCH expression it cannot read; caused by the text, not by the index.
_QUERY_COMPLAINTS = ("fts5:", "unterminated string", "unknown special query")
# What went wrong, in words for API clients: SQLite's own message (and the file's path) go to the log only;
# and whether waiting can mend it (a lock), or someone has to act (a corrupt file, a full disk, permissions, a
# disk I/O error, anything not listed here): a Retry-After on those had a client retry for ever.
_REASONS = (
    ("not a database", "the index file is not a presswatch index (corrupt or another kind of file)", False),
    ("malformed", "the index file is corrupt; rebuild it with a new crawl", False),
    # Its own tables, not ours: another program's SQLite file, or one a newer presswatch wrote.
    ("no such", "the index file is not a presswatch index (another program's, or another version's)", False),
    ("locked", "the index is locked by another process; try again shortly", True),
    ("busy", "the index is locked by another process; try again shortly", True),
    ("readonly", "the index file cannot be written (read-only)", False),
    ("full", "the disk that holds the index is full", False),
    ("closed", "the index is closed", True),
    ("unable to open", "the index file cannot be opened (missing folder or no permission)", False),
)


def _statement(statement: Statement) -> tuple[str, tuple[Any, ...]]:
    return statement.sql, statement.params


def _is_query_complaint(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return any(part in message for part in _QUERY_COMPLAINTS)


def _unavailable(detail: str, exc: BaseException) -> BackendUnavailableError:
    """The index unavailable because of `exc`, in words, with a Retry-After only where waiting can help."""
    if isinstance(exc, OSError):
        reason, waits = "the index folder cannot be created or read (no permission, or not a folder)", False
    else:
        message = str(exc).lower()
        reason, waits = next(
            ((reason, waits) for key, reason, waits in _REASONS if key in message),
            ("the index cannot be read", False),  # an error nobody foresaw: waiting is not known to help
        )
    return BackendUnavailableError(
        f"{detail}: {exc}", reason=reason, retry_after=RETRY_AFTER_SECONDS if waits else None
    )


class SQLiteBackend:
    """SQLite FTS5 index in one file. Upserts by document id; safe to share between threads."""

    def __init__(self, *, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self.vectors = VectorMatrix()  # this process's copy of the embeddings (search/sqlite_vectors.py)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = connect_wal(path, timeout=30.0, check_same_thread=False)
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute(f"PRAGMA journal_size_limit={_WAL_SIZE_LIMIT}")
            self._conn.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
            self._conn.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                create_or_upgrade(self._conn)
                ensure_schema(self._conn)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except (OSError, sqlite3.Error) as exc:
            raise _unavailable(f"cannot open the SQLite index at {path}", exc) from exc

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
                raise _unavailable(f"the SQLite index at {self.path} failed", exc) from exc

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
        now = utc_text(datetime.now(UTC)) or ""
        with self._transaction() as conn:
            for doc in docs:
                conn.execute("SAVEPOINT one_document")
                try:
                    replaced = self._upsert(conn, doc, now)
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
        values = (*document_columns(doc), now, doc.to_json())
        if row is None:
            cursor = conn.execute(
                "INSERT INTO documents (url, source, kind, title, published, published_key, day, story_id,"
                " facet_tags, indexed_at, data, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, doc.id),
            )
            rowid = int(cursor.lastrowid or 0)
        else:
            rowid = int(row[0])
            conn.execute(
                "UPDATE documents SET url = ?, source = ?, kind = ?, title = ?, published = ?, published_key = ?,"
                " day = ?, story_id = ?, facet_tags = ?, indexed_at = ?, data = ? WHERE rowid = ?",
                (*values, rowid),
            )
            delete_derived(conn, rowid)
        write_fts(conn, rowid, doc)
        write_derived(conn, rowid, doc)
        store_vector(conn, rowid, doc.embedding)
        return row is not None

    def delete(self, doc_id: str) -> bool:
        """Remove a document and everything indexed from it; False when there was none with this id."""
        with self._transaction() as conn:
            row = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return False
            delete_derived(conn, int(row[0]))
            conn.execute("DELETE FROM documents WHERE rowid = ?", (row[0],))
        return True

    def get(self, doc_id: str) -> Document | None:
        with self._guarded() as conn:
            row = conn.execute("SELECT data FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_json(row[0]) if row else None

    def documents(self, *, batch_size: int = 500) -> Iterator[Document]:
        """Every stored document in rowid order, one short read per batch (writes may run in between)."""
        after = 0
        while True:
            with self._guarded() as conn:
                rows = conn.execute(
                    "SELECT rowid, data FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (after, batch_size),
                ).fetchall()
            if not rows:
                return
            after = int(rows[-1][0])
            yield from (Document.from_json(data) for _, data in rows)

    def count(self) -> int:
        with self._guarded() as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def documents_per_source(self, names: Sequence[str], *, timeout: float) -> dict[str, int]:
        """`timeout` is for a server: a local file answers or fails at once (a writer in this process aside)."""
        with self._guarded() as conn:
            found = conn.execute(
                "SELECT source, count(*) FROM documents WHERE source IN (SELECT value FROM json_each(?))"
                " GROUP BY source",
                (json.dumps(list(names)),),
            ).fetchall()
        counts = {str(name): int(n) for name, n in found}
        return {name: counts.get(name, 0) for name in names}

    def compile(self, query: Query) -> CompiledSearch:
        """The SQL for `query` (no I/O): what `search` runs."""
        parsed = parse_query(query.text) if query.text.strip() else None
        return compile_search(query, parsed, Position.decode(query.cursor))

    def search(self, query: Query) -> Page:
        if query.mode != "text":
            return sqlite_semantic.vector_page(self, query)
        return self.read(self.compile(query), facets=query.facets)

    def similar(self, doc_id: str, *, limit: int = 10, filters: Query | None = None) -> list[Hit]:
        return sqlite_semantic.similar(self, doc_id, limit=limit, filters=filters)

    def read(self, compiled: CompiledSearch, *, facets: bool = True) -> Page:
        """Run a compiled search in one read transaction: the matches, the page among them, its documents."""
        with self._read() as conn:
            try:
                newest = [int(r[0]) for r in conn.execute(compiled.newest.sql, compiled.newest.params)]
                total = len(newest)
                if total >= RANK_WINDOW:
                    total = int(conn.execute(compiled.count.sql, compiled.count.params).fetchone()[0])
                rows = self.page_rows(conn, compiled, newest, total)
            except sqlite3.OperationalError as exc:  # the first statement that meets the MATCH expression
                if _is_query_complaint(exc):
                    raise QueryError("the full-text index cannot read this query as written") from exc
                raise
            position = compiled.position
            if position.ceiling is None:
                newest_rowid = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0]
                position = Position(ceiling=int(newest_rowid or 0))
            page_rows = rows[: compiled.limit]
            hits = self._hits(conn, compiled.parsed, [(int(r[0]), float(r[3])) for r in page_rows])
            counts = self._facets(conn, newest[:FACET_SAMPLE]) if facets else {}
        next_cursor = None
        if len(rows) > compiled.limit and page_rows:
            last = page_rows[-1]
            if compiled.by_date:
                following = Position(ceiling=position.ceiling, after=(str(last[2]), int(last[0])))
            else:
                following = Position(ceiling=position.ceiling, offset=position.offset + compiled.limit)
            next_cursor = following.encode()
        return Page(
            total=min(total, TOTAL_LIMIT),
            total_exact=total <= TOTAL_LIMIT,
            hits=hits,
            facets=counts,
            facets_sampled=FACET_SAMPLE if facets and total > FACET_SAMPLE else None,
            next_cursor=next_cursor,
        )

    @staticmethod
    def page_rows(
        conn: sqlite3.Connection, compiled: CompiledSearch, newest: list[int], total: int
    ) -> list[tuple[Any, ...]]:
        """The page's rows (rowid, coverage, published_key, score), one more than the page when more follow."""
        page = compiled.page(newest, total)
        if page is not None:
            return list(conn.execute(page.sql, page.params).fetchall())
        if not compiled.by_date or not total:
            return []
        # Too many matches to order them all by date: walk the date index, keep the rows that match.
        rows: list[tuple[Any, ...]] = []
        after = compiled.position.after
        while len(rows) <= compiled.limit:
            chunk = conn.execute(*_statement(compiled.date_chunk(after, size=DATE_CHUNK))).fetchall()
            if not chunk:
                break
            matching = {int(r[0]) for r in conn.execute(*_statement(compiled.among([r[0] for r in chunk])))}
            rows.extend((rowid, 0, key, 0.0) for rowid, key in chunk if rowid in matching)
            after = (str(chunk[-1][1]), int(chunk[-1][0]))
        return rows[: compiled.limit + 1]

    @staticmethod
    def _hits(
        conn: sqlite3.Connection, parsed: ParsedQuery | None, rows: list[tuple[int, float]]
    ) -> list[Hit]:
        if not rows:
            return []
        data = dict(
            conn.execute(
                "SELECT rowid, data FROM documents WHERE rowid IN (SELECT value FROM json_each(?))",
                (json.dumps([rowid for rowid, _ in rows]),),
            ).fetchall()
        )
        marker = Marker.of(parsed.positive_atoms()) if parsed is not None else None
        hits = []
        for rowid, score in rows:
            document = Document.from_json(data[rowid])
            marked = snippet(document.body, marker) if marker is not None else None
            text = marked or plain_snippet(document.body)
            hits.append(Hit.of(document, score=score, snippet=text))
        return hits

    @staticmethod
    def _facets(conn: sqlite3.Connection, sample: list[int]) -> dict[str, list[FacetValue]]:
        """Facet counts over `sample` (the newest FACET_SAMPLE matches at most).

        Every value of every sampled document is one "facet:value" key of a single string built by SQLite,
        split and counted in C. Sorted by key, each facet's values lie together (its prefix) in value order,
        so each facet is a slice, ranked by a stable sort on the count (ties stay in value order): no Python
        loop over the distinct values, which was most of a search's facet time.
        """
        (joined,) = conn.execute(FACET_KEYS_SQL, (json.dumps(sample),)).fetchone()
        counted = sorted(Counter(joined.split(TAG_SEPARATOR)).items()) if joined else []
        facets: dict[str, list[FacetValue]] = {}
        for name in FACET_FIELDS:
            prefix = f"{name}:"
            # After the bare prefix (a document without a day has "day:"), up to the next facet's keys.
            values = counted[bisect_right(counted, (prefix, math.inf)) : bisect_left(counted, (f"{name};",))]
            if name == "day":  # the newest days
                top = values[: -FACET_SIZE - 1 : -1]
            else:
                top = sorted(values, key=itemgetter(1), reverse=True)[:FACET_SIZE]
            facets[name] = [FacetValue(value=key[len(prefix) :], count=count) for key, count in top]
        return facets
