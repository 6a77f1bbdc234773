"""The embedded alerts store (`alerts.store.AlertStore`): one SQLite file in the data dir (`alerts.sqlite3`).

- `saved_search`: every saved search and watch, with its owner key, state and webhook secret.
- `pending_match`: ids about to be indexed, written before the index write; removed once matched. A process
  killed between indexing and matching leaves them here, and the delivery worker matches them later.
- `fired`: the reasons each (saved search, document) pair has fired for; a document fires again only for a
  reason not in it. It is written in the same transaction as the alert and its deliveries (the outbox), so
  an alert is recorded exactly when it is queued, across restarts and re-ingests.
- `alert` (what the feed lists) and `delivery` (one row per channel: the outbox, and the dead letters).
- `digest`: the alerts of an hourly or daily saved search, gathered when their period ends (an alert waits
  with `awaits_digest` until then); its deliveries are outbox rows like an alert's.

Writers serialise on the file (BEGIN IMMEDIATE), which is what makes a claim or a record safe across the
processes of one machine; wake-ups reach only this process's deliverers (`alerts.wakeup`).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alerts import wakeup
from alerts.model import SavedSearch
from alerts.store import (
    OUTCOME_SQL,
    NewAlert,
    digest_payload,
)
from alerts.store_sql import BUMP, LISTED_COLUMNS, SharedQueries, record_alerts
from presswatch.config import Settings
from presswatch.read_only import query_if_exists
from presswatch.sqlite_store import add_missing_columns, connect_wal

_SCHEMA = """
CREATE TABLE IF NOT EXISTS saved_search (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, spec TEXT NOT NULL, secret TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS saved_search_owner ON saved_search (owner, created);
CREATE TABLE IF NOT EXISTS pending_match (doc_id TEXT PRIMARY KEY, queued REAL NOT NULL);
CREATE TABLE IF NOT EXISTS fired (
    search_id TEXT NOT NULL, doc_id TEXT NOT NULL, reasons TEXT NOT NULL,
    PRIMARY KEY (search_id, doc_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alert (
    id INTEGER PRIMARY KEY AUTOINCREMENT, search_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    payload TEXT NOT NULL, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS alert_search ON alert (search_id, id);
CREATE TABLE IF NOT EXISTS delivery (
    id INTEGER PRIMARY KEY AUTOINCREMENT, alert_id INTEGER NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    channel TEXT NOT NULL, target TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL, first_at REAL NOT NULL,
    last_error TEXT, delivered_at REAL);
CREATE INDEX IF NOT EXISTS delivery_due ON delivery (state, next_at);
CREATE TABLE IF NOT EXISTS story_alert (
    search_id TEXT NOT NULL, story_id TEXT NOT NULL, alert_id INTEGER NOT NULL,
    PRIMARY KEY (search_id, story_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS digest (
    id INTEGER PRIMARY KEY AUTOINCREMENT, search_id TEXT NOT NULL, payload TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('searches_version', 0);
"""
_ADDED_COLUMNS = {
    "delivery": {"attempted_at": "REAL", "digest_id": "INTEGER"},
    "alert": {"awaits_digest": "INTEGER NOT NULL DEFAULT 0", "digest_id": "INTEGER"},
}
"""Columns added since the first release, added to an older file when it is opened."""


class SQLiteAlertStore(SharedQueries):
    """The embedded `AlertStore`: one SQLite file, shared by the processes of one machine."""

    listed_columns = LISTED_COLUMNS.format(
        doc_id="json_extract(a.payload, '$.doc_id')",
        title="json_extract(a.payload, '$.title')",
        url="json_extract(a.payload, '$.url')",
    )

    def __init__(self, *, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = connect_wal(path, timeout=30.0, check_same_thread=False)
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SCHEMA)
        add_missing_columns(self._conn, _ADDED_COLUMNS)
        self._conn.execute(
            "CREATE INDEX IF NOT EXISTS alert_awaiting ON alert (search_id) WHERE awaits_digest = 1"
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def listen(self) -> threading.Event:
        return wakeup.listen(self.path)

    def forget(self, event: threading.Event) -> None:
        wakeup.forget(self.path, event)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front (IMMEDIATE) so concurrent matchers serialise."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _run(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[int]:
        with self._transaction() as conn:
            return [conn.execute(sql, params).rowcount for sql, params in statements]

    # saved searches

    def remove(self, search_id: str) -> bool:
        with self._transaction() as conn:
            conn.execute("DELETE FROM alert WHERE search_id = ?", (search_id,))  # cascades to its deliveries
            conn.execute("DELETE FROM fired WHERE search_id = ?", (search_id,))
            conn.execute("DELETE FROM digest WHERE search_id = ?", (search_id,))
            conn.execute("DELETE FROM story_alert WHERE search_id = ?", (search_id,))
            conn.execute(BUMP)
            return conn.execute("DELETE FROM saved_search WHERE id = ?", (search_id,)).rowcount == 1

    # matching

    def queue_for_matching(self, doc_ids: Iterable[str]) -> None:
        now = time.time()
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO pending_match (doc_id, queued) VALUES (?, ?)",
                [(i, now) for i in doc_ids],
            )

    def pending_matches(
        self, *, doc_ids: Sequence[str] | None = None, older_than: float | None = None
    ) -> dict[str, float]:
        """Queued ids (with when they were queued): these ids, or those queued before `older_than`."""
        with self._lock:
            if doc_ids is not None:
                rows = self._conn.execute(
                    "SELECT doc_id, queued FROM pending_match WHERE doc_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(doc_ids)),),
                ).fetchall()
            else:
                rows = self._conn.execute(
                    "SELECT doc_id, queued FROM pending_match WHERE queued < ? ORDER BY queued LIMIT 500",
                    (older_than if older_than is not None else time.time(),),
                ).fetchall()
        return dict(rows)

    def fired_reasons(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        wanted = list(pairs)
        with self._lock:
            rows = self._conn.execute(
                "SELECT f.search_id, f.doc_id, f.reasons FROM fired f JOIN json_each(?) j"
                " ON f.search_id = json_extract(j.value, '$[0]') AND f.doc_id = json_extract(j.value, '$[1]')",
                (json.dumps(wanted),),
            ).fetchall()
        return {(s, d): set(json.loads(r)) for s, d, r in rows}

    def record(self, alerts: Sequence[NewAlert], *, matched: dict[str, float]) -> list[int]:
        """Record alerts with their outbox rows and fired reasons, and forget the matched pending ids, in one
        transaction; a pair whose reasons were all fired meanwhile (another matcher) is skipped. Returns
        the ids of the alerts recorded."""
        with self._transaction() as conn:
            recorded = record_alerts(_Steps(conn), alerts)
            for doc_id, queued in matched.items():
                conn.execute("DELETE FROM pending_match WHERE doc_id = ? AND queued = ?", (doc_id, queued))
        if recorded:
            wakeup.ring(self.path)  # committed: this process's workers send now, not at their next poll
        return recorded

    # digests

    def queue_digest(
        self,
        search: SavedSearch,
        *,
        before: float,
        period: float,
        channels: Sequence[tuple[str, str]],
    ) -> int | None:
        """Gather the search's alerts that await a digest and fired before `before` (the end of the period)
        into one digest with an outbox row per channel, in one transaction: a crash leaves either all of them
        waiting or the digest queued, never a part. Returns the digest's id, or None when none waited."""
        with self._transaction() as conn:
            rows = conn.execute(
                "SELECT id, payload, created FROM alert WHERE search_id = ? AND awaits_digest = 1"
                " AND created < ? ORDER BY id",
                (search.id, before),
            ).fetchall()
            if not rows:
                return None
            now = time.time()
            digest_id = int(
                conn.execute(
                    "INSERT INTO digest (search_id, payload, created) VALUES (?, '', ?)", (search.id, now)
                ).lastrowid
                or 0
            )
            payload = digest_payload(
                search,
                digest_id=digest_id,
                alerts=[(row[1], row[2]) for row in rows],
                before=before,
                period=period,
            )
            conn.execute("UPDATE digest SET payload = ? WHERE id = ?", (payload, digest_id))
            conn.executemany(
                "UPDATE alert SET awaits_digest = 0, digest_id = ? WHERE id = ?",
                [(digest_id, row[0]) for row in rows],
            )
            conn.executemany(
                "INSERT INTO delivery (alert_id, channel, target, next_at, first_at, digest_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(rows[-1][0], channel, target, now, now, digest_id) for channel, target in channels],
            )
        wakeup.ring(self.path)
        return digest_id

    # delivery

    def claim_many(self, delivery_ids: Sequence[int], *, now: float, lease: float) -> set[int]:
        """Take due deliveries for `lease` seconds, in one transaction; returns the ids this worker now holds.

        A worker killed mid-send leaves its rows due again once the lease ends. The retry window starts at
        the first attempt (a backlog does not eat into it)."""
        taken: set[int] = set()
        with self._transaction() as conn:
            for delivery_id in delivery_ids:
                if conn.execute(
                    "UPDATE delivery SET next_at = ?, attempts = attempts + 1,"
                    " first_at = CASE WHEN attempts = 0 THEN ? ELSE first_at END"
                    " WHERE id = ? AND state = 'pending' AND next_at <= ?",
                    (now + lease, now, delivery_id, now),
                ).rowcount:
                    taken.add(delivery_id)
        return taken

    def retry_dead(self, delivery_id: int) -> bool:
        """A dead letter back in the outbox, with a fresh retry window."""
        now = time.time()
        with self._transaction() as conn:
            queued = (
                conn.execute(
                    "UPDATE delivery SET state = 'pending', attempts = 0, next_at = ?, first_at = ?"
                    " WHERE id = ? AND state = 'dead'",
                    (now, now, delivery_id),
                ).rowcount
                == 1
            )
        if queued:
            wakeup.ring(self.path)
        return queued


class _Steps:
    """`record_alerts` in this store: BEGIN IMMEDIATE already serialises writers, so nothing more is held."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def search_exists(self, search_id: str) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM saved_search WHERE id = ?", (search_id,)).fetchone() is not None
        )

    def fired(self, new: NewAlert) -> set[str]:
        row = self._conn.execute(
            "SELECT reasons FROM fired WHERE search_id = ? AND doc_id = ?", (new.search_id, new.doc_id)
        ).fetchone()
        return set(json.loads(row[0])) if row else set()

    def set_fired(self, new: NewAlert, reasons: list[str]) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO fired (search_id, doc_id, reasons) VALUES (?, ?, ?)",
            (new.search_id, new.doc_id, json.dumps(reasons)),
        )

    def story_alert(self, new: NewAlert) -> tuple[int, str] | None:
        row = self._conn.execute(
            "SELECT a.id, a.payload FROM story_alert sa JOIN alert a ON a.id = sa.alert_id"
            " WHERE sa.search_id = ? AND sa.story_id = ?",
            (new.search_id, new.story_id),
        ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def insert_alert(self, new: NewAlert, now: float) -> int:
        cursor = self._conn.execute(
            "INSERT INTO alert (search_id, doc_id, payload, created, awaits_digest) VALUES (?, ?, '', ?, ?)",
            (new.search_id, new.doc_id, now, int(new.awaits_digest)),
        )
        return int(cursor.lastrowid or 0)

    def set_payload(self, alert_id: int, payload: str) -> None:
        self._conn.execute("UPDATE alert SET payload = ? WHERE id = ?", (payload, alert_id))

    def link_story(self, new: NewAlert, alert_id: int) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO story_alert (search_id, story_id, alert_id) VALUES (?, ?, ?)",
            (new.search_id, new.story_id, alert_id),
        )

    def insert_deliveries(self, alert_id: int, channels: Sequence[tuple[str, str]], now: float) -> None:
        self._conn.executemany(
            "INSERT INTO delivery (alert_id, channel, target, next_at, first_at) VALUES (?, ?, ?, ?, ?)",
            [(alert_id, channel, target, now, now) for channel, target in channels],
        )


def delivery_counts(settings: Settings) -> dict[tuple[str, str], int]:
    """`alerts.store.delivery_counts` of the data dir's file, read-only: never creates it."""
    rows = query_if_exists(
        settings.alerts_path,
        f"SELECT channel, {OUTCOME_SQL} AS outcome, count(*) FROM delivery GROUP BY channel, outcome",
    )
    if rows is None:
        return {}
    return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}
