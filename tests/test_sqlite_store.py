"""Stores opened by several processes at the same moment on a fresh data dir (crawl workers of one machine).

SQLite refuses the switch to WAL at once, without its busy timeout, to all but one of the connections that race
for it; before `presswatch.sqlite_store` about one start in seven of three such processes failed with "database is
locked", and two alert stores both added the same new column. Each round starts three processes behind a
barrier, so a missing retry or an unlocked upgrade fails the test.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from alerts.store_sqlite import SQLiteAlertStore
from crawlers.seen import SeenStore
from crawlers.stories import SQLiteSignatures
from presswatch.source_health import SourceHealthStore
from presswatch.sqlite_store import add_missing_columns, connect_wal
from search.outbox import Outbox
from search.sqlite import SQLiteBackend

_ROUNDS = 30
_PROCESSES = 3


def _open_index(path: Path) -> None:
    SQLiteBackend(path=path).close()


def _open_alert_store(path: Path) -> None:
    SQLiteAlertStore(path=path).close()


def _open_other_stores(path: Path) -> None:
    """The crawl's stores, each in its own file of the round's folder."""
    SeenStore(path.with_name("seen.sqlite3")).close()
    SQLiteSignatures(path.with_name("stories.sqlite3")).close()
    SourceHealthStore(path.with_name("health.sqlite3")).close()
    outbox = Outbox(path=path.with_name("outbox.sqlite3"))
    outbox.put_delete("a", version=1)  # the outbox's file is made by its first write, not by opening it
    outbox.close()


def _open_and_write(path: Path) -> None:
    conn = connect_wal(path, timeout=30.0)
    conn.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()


def _race(opener: Callable[[Path], None], path: Path, barrier: object, failures: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        opener(path)
    except Exception as exc:
        failures.put(repr(exc))  # type: ignore[attr-defined]


@pytest.mark.parametrize("opener", [_open_index, _open_alert_store, _open_other_stores, _open_and_write])
def test_processes_opening_a_new_store_at_once_all_succeed(
    opener: Callable[[Path], None], tmp_path: Path
) -> None:
    context = multiprocessing.get_context("fork")
    failures = context.Queue()
    for round_number in range(_ROUNDS):
        path = tmp_path / f"round{round_number}" / "store.sqlite3"
        path.parent.mkdir()
        barrier = context.Barrier(_PROCESSES)
        processes = [
            context.Process(target=_race, args=(opener, path, barrier, failures)) for _ in range(_PROCESSES)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0
        assert failures.empty(), failures.get()
    for store in (tmp_path / "round0").iterdir():
        if store.suffix == ".sqlite3":
            conn = sqlite3.connect(store)
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal", store.name
            conn.close()


def test_a_store_that_is_no_database_still_fails_at_once(tmp_path: Path) -> None:
    path = tmp_path / "not-a-store.sqlite3"
    path.write_bytes(b"this is not a SQLite file" * 100)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        connect_wal(path, timeout=30.0)


def test_a_store_opens_while_another_process_holds_its_write_lock(tmp_path: Path) -> None:
    """Opening a store that lacks no column only reads it: a second crawl starts while the first writes (it
    waited for the write lock, and failed after the timeout, when every open took it)."""
    path = tmp_path / "stories.sqlite3"
    SQLiteSignatures(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        conn = connect_wal(path, timeout=0.5)
        add_missing_columns(conn, {"signatures": {"compared": "INTEGER NOT NULL DEFAULT 0"}})
        conn.close()
        SQLiteSignatures(path).close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
