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
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alerts import wakeup
from alerts.model import AlertPayload, Delivery, SavedSearch
from alerts.store import (
    OUTCOME_SQL,
    DueDelivery,
    NewAlert,
    digest_payload,
    search_columns,
    search_from_row,
    with_outlet,
)
from presswatch.config import Settings
from presswatch.read_only import query_if_exists

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
_DUE_COLUMNS = (
    "d.id AS id, d.alert_id AS alert_id, d.channel AS channel, d.target AS target, d.attempts AS attempts,"
    " d.first_at AS first_at, coalesce(g.payload, a.payload) AS payload, s.secret AS secret,"
    " d.digest_id AS digest_id"
)
_LISTED_COLUMNS = (
    "d.id AS id, d.alert_id AS alert_id, a.search_id AS search_id, d.channel AS channel, d.target AS target,"
    " d.state AS state, d.attempts AS attempts, d.last_error AS last_error, d.attempted_at AS attempted_at,"
    " coalesce(json_extract(a.payload, '$.doc_id'), '') AS doc_id,"
    " coalesce(json_extract(a.payload, '$.title'), '') AS title, coalesce(json_extract(a.payload, '$.url'), '') AS url"
)
_ADDED_COLUMNS = {
    "delivery": {"attempted_at": "REAL", "digest_id": "INTEGER"},
    "alert": {"awaits_digest": "INTEGER NOT NULL DEFAULT 0", "digest_id": "INTEGER"},
}
"""Columns added since the first release, added to an older file when it is opened."""
_BUMP = "UPDATE meta SET value = value + 1 WHERE key = 'searches_version'"


class SQLiteAlertStore:
    """The embedded `AlertStore`: one SQLite file, shared by the processes of one machine."""

    def __init__(self, *, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, timeout=30.0, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SCHEMA)
        for table, columns in _ADDED_COLUMNS.items():
            have = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
            for column, kind in columns.items():
                if column not in have:
                    self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
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

    # saved searches

    def add(self, search: SavedSearch) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO saved_search (id, owner, spec, secret, paused, created) VALUES (?, ?, ?, ?, ?, ?)",
                search_columns(search),
            )
            conn.execute(_BUMP)

    def searches(self, *, owner: str | None = None, active_only: bool = False) -> list[SavedSearch]:
        where, params = [], []
        if owner is not None:
            where.append("owner = ?")
            params.append(owner)
        if active_only:
            where.append("paused = 0")
        sql = "SELECT id, owner, spec, secret, paused, created FROM saved_search"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY created, id", params).fetchall()
        return [search_from_row(row) for row in rows]

    def searches_version(self) -> int:
        """Changes whenever a saved search is added, paused, resumed or removed (by any process)."""
        with self._lock:
            return int(
                self._conn.execute("SELECT value FROM meta WHERE key = 'searches_version'").fetchone()[0]
            )

    def get(self, search_id: str) -> SavedSearch | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, owner, spec, secret, paused, created FROM saved_search WHERE id = ?", (search_id,)
            ).fetchone()
        return search_from_row(row) if row else None

    def set_paused(self, search_id: str, *, paused: bool) -> bool:
        with self._transaction() as conn:
            conn.execute(_BUMP)
            return (
                conn.execute(
                    "UPDATE saved_search SET paused = ? WHERE id = ?", (int(paused), search_id)
                ).rowcount
                == 1
            )

    def remove(self, search_id: str) -> bool:
        with self._transaction() as conn:
            conn.execute("DELETE FROM alert WHERE search_id = ?", (search_id,))  # cascades to its deliveries
            conn.execute("DELETE FROM fired WHERE search_id = ?", (search_id,))
            conn.execute("DELETE FROM digest WHERE search_id = ?", (search_id,))
            conn.execute("DELETE FROM story_alert WHERE search_id = ?", (search_id,))
            conn.execute(_BUMP)
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
        recorded: list[int] = []
        now = time.time()
        with self._transaction() as conn:
            for new in alerts:
                row = conn.execute(
                    "SELECT reasons FROM fired WHERE search_id = ? AND doc_id = ?",
                    (new.search_id, new.doc_id),
                ).fetchone()
                before = set(json.loads(row[0])) if row else set()
                if set(new.reasons) <= before:
                    continue
                if (
                    conn.execute("SELECT 1 FROM saved_search WHERE id = ?", (new.search_id,)).fetchone()
                    is None
                ):
                    continue  # deleted while it was being matched
                if new.story_id is not None and _add_outlet(conn, new):
                    conn.execute(
                        "INSERT OR REPLACE INTO fired (search_id, doc_id, reasons) VALUES (?, ?, ?)",
                        (new.search_id, new.doc_id, json.dumps(sorted(before | set(new.reasons)))),
                    )
                    continue  # a copy of a story this search has fired for: listed in that alert
                alert_id = int(
                    conn.execute(
                        "INSERT INTO alert (search_id, doc_id, payload, created, awaits_digest)"
                        " VALUES (?, ?, '', ?, ?)",
                        (new.search_id, new.doc_id, now, int(new.awaits_digest)),
                    ).lastrowid
                    or 0
                )
                payload = new.payload.model_copy(update={"alert_id": alert_id}).model_dump_json()
                conn.execute("UPDATE alert SET payload = ? WHERE id = ?", (payload, alert_id))
                if new.story_id is not None:
                    conn.execute(
                        "INSERT OR IGNORE INTO story_alert (search_id, story_id, alert_id) VALUES (?, ?, ?)",
                        (new.search_id, new.story_id, alert_id),
                    )
                if not new.awaits_digest:
                    conn.executemany(
                        "INSERT INTO delivery (alert_id, channel, target, next_at, first_at) VALUES (?, ?, ?, ?, ?)",
                        [(alert_id, channel, target, now, now) for channel, target in new.channels],
                    )
                conn.execute(
                    "INSERT OR REPLACE INTO fired (search_id, doc_id, reasons) VALUES (?, ?, ?)",
                    (new.search_id, new.doc_id, json.dumps(sorted(before | set(new.reasons)))),
                )
                recorded.append(alert_id)
            for doc_id, queued in matched.items():
                conn.execute("DELETE FROM pending_match WHERE doc_id = ? AND queued = ?", (doc_id, queued))
        if recorded:
            wakeup.ring(self.path)  # committed: this process's workers send now, not at their next poll
        return recorded

    # digests

    def awaiting_digest(self) -> list[str]:
        """The saved searches with alerts waiting for their digest."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT DISTINCT search_id FROM alert WHERE awaits_digest = 1"
            ).fetchall()
        return [str(row[0]) for row in rows]

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

    def due(self, *, now: float, limit: int = 50, skip_targets: Collection[str] = ()) -> list[DueDelivery]:
        """Pending rows due by `now`, oldest first; none to `skip_targets` (those with enough in flight)."""
        skipped = sorted(skip_targets)
        rows = self._deliveries(
            _DUE_COLUMNS,
            where=[
                "d.state = 'pending'",
                "d.next_at <= ?",
                *([f"d.target NOT IN ({','.join('?' * len(skipped))})"] if skipped else []),
            ],
            params=[now, *skipped],
            order="d.next_at, d.id",
            limit=limit,
        )
        return [DueDelivery(**row) for row in rows]

    def _deliveries(
        self, columns: str, *, where: list[str], params: list[object], order: str, limit: int
    ) -> list[dict[str, Any]]:
        """Rows of deliveries with their alert and saved search (columns named as the dataclass fields)."""
        with self._lock:
            cursor = self._conn.execute(
                f"SELECT {columns} FROM delivery d JOIN alert a ON a.id = d.alert_id"
                " LEFT JOIN digest g ON g.id = d.digest_id"
                f" JOIN saved_search s ON s.id = a.search_id WHERE {' AND '.join(where) or '1'}"
                f" ORDER BY {order} LIMIT ?",
                (*params, limit),
            )
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

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

    def finish_many(self, outcomes: Sequence[tuple[int, str | None, float | None]]) -> None:
        """Record attempts in one transaction: (id, None, _) delivered; (id, error, retry_at) failed, dead-
        lettered when retry_at is None."""
        now = time.time()
        with self._transaction() as conn:
            for delivery_id, error, retry_at in outcomes:
                if error is None:
                    conn.execute(
                        "UPDATE delivery SET state = 'delivered', delivered_at = ?, attempted_at = ?,"
                        " last_error = NULL WHERE id = ?",
                        (now, now, delivery_id),
                    )
                elif retry_at is None:
                    conn.execute(
                        "UPDATE delivery SET state = 'dead', last_error = ?, attempted_at = ? WHERE id = ?",
                        (error, now, delivery_id),
                    )
                else:
                    conn.execute(
                        "UPDATE delivery SET next_at = ?, last_error = ?, attempted_at = ? WHERE id = ?",
                        (retry_at, error, now, delivery_id),
                    )

    def deliveries(
        self, *, owner: str | None = None, state: str | None = None, limit: int = 100
    ) -> list[Delivery]:
        where: list[str] = []
        params: list[object] = []
        if owner is not None:
            where.append("s.owner = ?")
            params.append(owner)
        if state is not None:
            where.append("d.state = ?")
            params.append(state)
        rows = self._deliveries(_LISTED_COLUMNS, where=where, params=params, order="d.id DESC", limit=limit)
        return [Delivery(**row) for row in rows]

    def delivery_owner(self, delivery_id: int) -> str | None:
        rows = self._deliveries(
            "s.owner AS owner", where=["d.id = ?"], params=[delivery_id], order="d.id", limit=1
        )
        return str(rows[0]["owner"]) if rows else None

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

    def alerts_of(self, search_id: str, *, limit: int = 50) -> list[AlertPayload]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT payload FROM alert WHERE search_id = ? ORDER BY id DESC LIMIT ?", (search_id, limit)
            ).fetchall()
        return [AlertPayload.model_validate_json(r[0]) for r in rows]

    def count_alerts(self, search_id: str) -> int:
        """How many alerts a saved search has fired in all (a page shows the latest and says how many more)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT count(*) FROM alert WHERE search_id = ?", (search_id,)
            ).fetchone()
        return int(row[0])


def _add_outlet(conn: sqlite3.Connection, new: NewAlert) -> bool:
    """Add `new`'s document to the alert its search already fired for the story (once per document); False
    when there is none (it fires)."""
    row = conn.execute(
        "SELECT a.id, a.payload FROM story_alert sa JOIN alert a ON a.id = sa.alert_id"
        " WHERE sa.search_id = ? AND sa.story_id = ?",
        (new.search_id, new.story_id),
    ).fetchone()
    if row is None:
        return False
    payload = with_outlet(row[1], new)
    if payload is not None:
        conn.execute("UPDATE alert SET payload = ? WHERE id = ?", (payload, row[0]))
    return True


def delivery_counts(settings: Settings) -> dict[tuple[str, str], int]:
    """`alerts.store.delivery_counts` of the data dir's file, read-only: never creates it."""
    rows = query_if_exists(
        settings.alerts_path,
        f"SELECT channel, {OUTCOME_SQL} AS outcome, count(*) FROM delivery GROUP BY channel, outcome",
    )
    if rows is None:
        return {}
    return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}
