"""Opening an embedded SQLite store that other processes may be opening at the same moment.

Turning a new file to WAL takes an exclusive lock, and SQLite answers "database is locked" at once, without
waiting on the busy timeout, when two connections race for it: two `presswatch crawl --source` processes
started together on a fresh data dir failed that way. So the switch is retried until the connection's own
timeout has passed. Once a file is in WAL the switch takes no lock and the first try succeeds.
Columns added to an older file are added under the write lock, so two processes upgrading it at once do not
both try to add the same column.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

_FIRST_PAUSE = 0.005
_LONGEST_PAUSE = 0.2


def connect_wal(
    path: Path | str,
    *,
    timeout: float,
    check_same_thread: bool = True,
) -> sqlite3.Connection:
    """An autocommit connection to `path` in WAL mode; waits up to `timeout` seconds for any lock, the WAL
    switch's too."""
    conn = sqlite3.connect(path, timeout=timeout, check_same_thread=check_same_thread, isolation_level=None)
    deadline = time.monotonic() + timeout
    pause = _FIRST_PAUSE
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return conn
        except sqlite3.OperationalError as exc:
            if not _is_lock_contention(exc) or time.monotonic() + pause > deadline:
                conn.close()
                raise
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE)


def _is_lock_contention(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def add_missing_columns(conn: sqlite3.Connection, added: Mapping[str, Mapping[str, str]]) -> None:
    """Add each `{table: {column: type}}` column the file lacks, in one IMMEDIATE transaction.

    A file that lacks none is only read, so a store opens while another process writes to it; one that lacks
    some is checked again under the write lock. `conn` must be in autocommit mode (isolation_level None), as
    `connect_wal` returns it.
    """
    if not _missing(conn, added):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, column, kind in _missing(conn, added):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _missing(conn: sqlite3.Connection, added: Mapping[str, Mapping[str, str]]) -> list[tuple[str, str, str]]:
    missing: list[tuple[str, str, str]] = []
    for table, columns in added.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing += [(table, column, kind) for column, kind in columns.items() if column not in have]
    return missing
