"""A durable local queue of index writes that could not reach Elasticsearch.

While the server is down (or refuses writes, as during `presswatch reindex`), upserts and deletes are
appended here, in one SQLite file in the data dir, and replayed in the same order once it answers again.
Replaying is idempotent (documents are written by id), so a batch that was half-applied before the
outage is simply written again: nothing is lost and nothing is duplicated.

Every write keeps the version it was given when it was made (search/elastic.py `write_version`), and is
replayed with it as Elasticsearch's external version: a replay that arrives after a newer write of the same
document (another process wrote it directly while this one was replaying) is refused by the server rather
than put over it. Several processes share the file (a crawl, the API, `presswatch ingest`), so one flushes at
a time: `flushing()` takes an exclusive lock on a file beside it, which the kernel lets go of when the
flusher dies, so there is no lease to expire and no row is sent twice by two flushers.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from presswatch.document import Document
from presswatch.sqlite_store import add_missing_columns, connect_wal

Operation = Literal["index", "delete"]


@dataclass(frozen=True, slots=True)
class PendingWrite:
    seq: int
    op: Operation
    doc_id: str
    data: str | None
    version: int | None
    """The write's external version; None for a write queued before versions were kept (replayed as before)."""


class Outbox:
    """The queue in `path`. The file is made by the first write that has to wait, never by opening or reading:
    a command that only reads (`presswatch search`) must leave the data directory as it found it."""

    def __init__(self, *, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connection(self, *, create: bool) -> sqlite3.Connection | None:
        """The open queue; None when there is none yet and `create` is false. Called under the lock."""
        if self._conn is None and (create or self.path.exists()):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect_wal(self.path, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                " op TEXT NOT NULL, doc_id TEXT NOT NULL, data TEXT, version INTEGER)"
            )
            add_missing_columns(conn, {"pending": {"version": "INTEGER"}})  # an outbox of an older release
            self._conn = conn
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def put(self, docs: list[Document], *, version: int) -> None:
        with self._lock:
            conn = self._connection(create=True)
            assert conn is not None
            conn.executemany(
                "INSERT INTO pending (op, doc_id, data, version) VALUES ('index', ?, ?, ?)",
                [(doc.id, doc.to_json(), version) for doc in docs],
            )

    def put_delete(self, doc_id: str, *, version: int) -> None:
        with self._lock:
            conn = self._connection(create=True)
            assert conn is not None
            conn.execute(
                "INSERT INTO pending (op, doc_id, data, version) VALUES ('delete', ?, NULL, ?)",
                (doc_id, version),
            )

    @contextmanager
    def flushing(self) -> Iterator[bool]:
        """Whether this process may replay the queue now: True while it holds the flush lock, False when
        there is no queue or another process is replaying it (that one sends these writes; waiting for it
        would hold up a request for a whole replay). Not reentrant: one flush per process at a time."""
        if not self.path.exists():
            yield False
            return
        fd = os.open(self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(fd)  # closing the descriptor lets go of the lock

    def size(self) -> int:
        with self._lock:
            conn = self._connection(create=False)
            return int(conn.execute("SELECT count(*) FROM pending").fetchone()[0]) if conn else 0

    def oldest(self, *, limit: int) -> list[PendingWrite]:
        with self._lock:
            conn = self._connection(create=False)
            rows = (
                conn.execute(
                    "SELECT seq, op, doc_id, data, version FROM pending ORDER BY seq LIMIT ?", (limit,)
                ).fetchall()
                if conn
                else []
            )
        return [PendingWrite(seq=s, op=o, doc_id=i, data=d, version=v) for s, o, i, d, v in rows]

    def done(self, *, through: int) -> None:
        """Forget every write up to and including `through`: the server has them."""
        with self._lock:
            conn = self._connection(create=False)
            if conn is not None:
                conn.execute("DELETE FROM pending WHERE seq <= ?", (through,))

    def latest(self, doc_id: str) -> PendingWrite | None:
        """The newest pending write for one document, so `get` can answer while the server is down."""
        with self._lock:
            conn = self._connection(create=False)
            row = (
                conn.execute(
                    "SELECT seq, op, doc_id, data, version FROM pending WHERE doc_id = ?"
                    " ORDER BY seq DESC LIMIT 1",
                    (doc_id,),
                ).fetchone()
                if conn
                else None
            )
        return (
            PendingWrite(seq=row[0], op=row[1], doc_id=row[2], data=row[3], version=row[4]) if row else None
        )
