"""The alerts store in PostgreSQL (`PRESSWATCH_DATABASE_URL`): matchers and deliverers on many machines.

The same records as `alerts.store_sqlite` (see `alerts.store`), in the `alerts` schema, with what several
machines need on top of a file lock:

- Exactly once across matchers: `record` runs in one transaction per batch. For each pair it holds the saved
  search (FOR KEY SHARE: a concurrent delete waits for the alert, then removes it with its search) and the
  pair's one `fired` row (inserted if absent, then FOR UPDATE), so two index workers matching the same
  document at once, or a batch redelivered after a crash, take turns on that row: the second sees the
  reasons the first committed and adds nothing, unless it has a new one. A trigger refuses any update that
  would shrink a pair's reasons. A story's first alert is taken under an advisory lock on (search, story),
  so two copies of one story matched at once make one alert with two outlets.
- Claims: `claim_many` takes due rows with `SELECT ... FOR UPDATE SKIP LOCKED` and sets their lease in the
  same statement, so two deliverers asking at once never both get a row, and neither waits for the other;
  a killed deliverer's rows are due again when their lease ends (the lease is in the worker's clock, as in
  SQLite: keep the machines' clocks in step, NTP, well inside `lease_seconds`).
- Wake-ups: every change that makes something due sends `NOTIFY presswatch_alerts` (delivered at commit),
  and `listen()` hears it on a connection of its own, so a deliverer on any machine sends at once instead of
  at its next poll; polling stays as the fallback while that connection is down.
- Deadlocks (two batches sharing documents in different orders) abort one transaction; it is run again,
  from the committed state, a few times.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from alerts.model import SavedSearch
from alerts.store import (
    OUTCOME_SQL,
    NewAlert,
    digest_payload,
)
from alerts.store_sql import LISTED_COLUMNS, SharedQueries, record_alerts
from presswatch.config import Settings
from presswatch.database import (
    CONNECT_TIMEOUT,
    DatabaseError,
    PooledStore,
    apply_schema,
    connection,
    lock_key,
    pool_for,
    redacted,
)

if TYPE_CHECKING:
    from presswatch.database import Conn, Pool

logger = logging.getLogger(__name__)
CHANNEL = "presswatch_alerts"
"""The NOTIFY channel: something became due in the outbox."""
ATTEMPTS = 5  # a transaction aborted by a deadlock is run again this many times in all
LISTEN_RETRY_SECONDS = 2.0  # a lost LISTEN connection is made again after this
_T = TypeVar("_T")

MIGRATIONS = (
    """
CREATE SCHEMA IF NOT EXISTS alerts;
CREATE TABLE alerts.saved_search (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, spec TEXT NOT NULL, secret TEXT NOT NULL,
    paused BOOLEAN NOT NULL DEFAULT false, created DOUBLE PRECISION NOT NULL);
CREATE INDEX saved_search_owner ON alerts.saved_search (owner, created);
CREATE TABLE alerts.meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO alerts.meta (key, value) VALUES ('searches_version', 0);
CREATE TABLE alerts.pending_match (doc_id TEXT PRIMARY KEY, queued DOUBLE PRECISION NOT NULL);
CREATE INDEX pending_match_queued ON alerts.pending_match (queued);
CREATE TABLE alerts.fired (
    search_id TEXT NOT NULL REFERENCES alerts.saved_search (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL, reasons TEXT[] NOT NULL,
    PRIMARY KEY (search_id, doc_id));
CREATE FUNCTION alerts.reasons_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (OLD.reasons <@ NEW.reasons) THEN
        RAISE EXCEPTION 'the reasons of (%, %) only grow: % cannot become %',
            OLD.search_id, OLD.doc_id, OLD.reasons, NEW.reasons;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER fired_reasons_only_grow BEFORE UPDATE ON alerts.fired
    FOR EACH ROW EXECUTE FUNCTION alerts.reasons_only_grow();
CREATE TABLE alerts.alert (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    search_id TEXT NOT NULL REFERENCES alerts.saved_search (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL, payload TEXT NOT NULL, created DOUBLE PRECISION NOT NULL,
    awaits_digest BOOLEAN NOT NULL DEFAULT false, digest_id BIGINT);
CREATE INDEX alert_search ON alerts.alert (search_id, id);
CREATE INDEX alert_awaiting ON alerts.alert (search_id) WHERE awaits_digest;
CREATE TABLE alerts.digest (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    search_id TEXT NOT NULL REFERENCES alerts.saved_search (id) ON DELETE CASCADE,
    payload TEXT NOT NULL, created DOUBLE PRECISION NOT NULL);
CREATE TABLE alerts.delivery (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id BIGINT NOT NULL REFERENCES alerts.alert (id) ON DELETE CASCADE,
    digest_id BIGINT REFERENCES alerts.digest (id) ON DELETE CASCADE,
    channel TEXT NOT NULL, target TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, next_at DOUBLE PRECISION NOT NULL, first_at DOUBLE PRECISION NOT NULL,
    last_error TEXT, delivered_at DOUBLE PRECISION, attempted_at DOUBLE PRECISION);
CREATE INDEX delivery_due ON alerts.delivery (next_at, id) WHERE state = 'pending';
CREATE INDEX delivery_alert ON alerts.delivery (alert_id);
CREATE INDEX delivery_state ON alerts.delivery (state, id);
CREATE TABLE alerts.story_alert (
    search_id TEXT NOT NULL REFERENCES alerts.saved_search (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    alert_id BIGINT NOT NULL REFERENCES alerts.alert (id) ON DELETE CASCADE,
    PRIMARY KEY (search_id, story_id));
""",
)
"""The `alerts` schema, one script per version (`presswatch.database.apply_schema` applies the new ones)."""

_BUMP = "UPDATE alerts.meta SET value = value + 1 WHERE key = 'searches_version'"
_NOTIFY = f"SELECT pg_notify('{CHANNEL}', '')"
_SCHEMA_FIRST = "SET LOCAL search_path TO alerts, public"  # for the shared queries' bare table names


class PostgresAlertStore(SharedQueries, PooledStore):
    """The cluster `AlertStore`: this process's pool on the database, and a LISTEN connection while listened to."""

    listed_columns = LISTED_COLUMNS.format(
        doc_id="a.payload::jsonb ->> 'doc_id'",
        title="a.payload::jsonb ->> 'title'",
        url="a.payload::jsonb ->> 'url'",
    )

    def __init__(self, *, pool: Pool, url: str) -> None:
        self._pool = pool
        self._url = url
        self._listeners: set[threading.Event] = set()
        self._listeners_lock = threading.Lock()
        self._listening: threading.Thread | None = None
        self._heard = threading.Event()  # set once LISTEN is in place
        self._closed = threading.Event()

    @classmethod
    def open(cls, settings: Settings) -> PostgresAlertStore:
        """The store on `settings`' database (its schema brought up to date); `DatabaseError` when unreachable."""
        url = settings.database_dsn
        if url is None:
            raise DatabaseError("PRESSWATCH_DATABASE_URL is not set")
        pool = pool_for(url)
        apply_schema(pool, store="alerts", migrations=MIGRATIONS)
        return cls(pool=pool, url=url)

    def close(self) -> None:
        """Stops listening; the pool is the process's (other stores use it) and stays open."""
        self._closed.set()
        thread, self._listening = self._listening, None
        if thread is not None:
            thread.join(timeout=10)

    @contextmanager
    def _transaction(self) -> Iterator[Conn]:
        """One transaction; psycopg's errors reach callers as `DatabaseError` (`presswatch.database`)."""
        with connection(self._pool) as conn, conn.transaction():
            yield conn

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with connection(self._pool) as conn:
            return conn.execute(sql.encode(), params).fetchall()

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        """A query of `alerts.store_sql`, in this dialect."""
        with connection(self._pool) as conn:
            conn.execute(_SCHEMA_FIRST)
            cursor = conn.execute(_dialect(sql), params)
            names = [c.name for c in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _run(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[int]:
        """Statements of `alerts.store_sql` in one transaction, in this dialect."""
        with self._transaction() as conn:
            conn.execute(_SCHEMA_FIRST)
            return [conn.execute(_dialect(sql), params).rowcount for sql, params in statements]

    def _retried(self, work: Callable[[Conn], _T]) -> _T:
        """`work` in one transaction, run again from the committed state when PostgreSQL aborts it to break
        a deadlock (or a serialization failure); the last failure is raised."""
        from psycopg import errors

        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self._transaction() as conn:
                    return work(conn)
            except DatabaseError as exc:
                aborted = isinstance(exc.__cause__, errors.DeadlockDetected | errors.SerializationFailure)
                if not aborted or attempt == ATTEMPTS:
                    raise
                logger.info("alerts store: transaction aborted by PostgreSQL, running it again (%d)", attempt)
        raise AssertionError("unreachable")

    # saved searches

    def remove(self, search_id: str) -> bool:
        """The search first (FOR UPDATE: a matcher recording for it finishes first), then everything of it
        (ON DELETE CASCADE)."""
        with self._transaction() as conn:
            conn.execute(_BUMP)
            if (
                conn.execute(
                    "SELECT 1 FROM alerts.saved_search WHERE id = %s FOR UPDATE", (search_id,)
                ).fetchone()
                is None
            ):
                return False
            conn.execute("DELETE FROM alerts.saved_search WHERE id = %s", (search_id,))
            return True

    # matching

    def queue_for_matching(self, doc_ids: Iterable[str]) -> None:
        now = time.time()
        with self._transaction() as conn:
            conn.cursor().executemany(
                "INSERT INTO alerts.pending_match (doc_id, queued) VALUES (%s, %s)"
                " ON CONFLICT (doc_id) DO UPDATE SET queued = EXCLUDED.queued",
                [
                    (i, now) for i in sorted(set(doc_ids))
                ],  # one order: two workers on one batch never deadlock
            )

    def pending_matches(
        self, *, doc_ids: Sequence[str] | None = None, older_than: float | None = None
    ) -> dict[str, float]:
        if doc_ids is not None:
            rows = self._rows(
                "SELECT doc_id, queued FROM alerts.pending_match WHERE doc_id = ANY(%s)", (list(doc_ids),)
            )
        else:
            rows = self._rows(
                "SELECT doc_id, queued FROM alerts.pending_match WHERE queued < %s ORDER BY queued LIMIT 500",
                (older_than if older_than is not None else time.time(),),
            )
        return {str(doc_id): float(queued) for doc_id, queued in rows}

    def fired_reasons(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        wanted = list(pairs)
        if not wanted:
            return {}
        rows = self._rows(
            "SELECT f.search_id, f.doc_id, f.reasons FROM alerts.fired f"
            " JOIN unnest(%s::text[], %s::text[]) AS p (search_id, doc_id)"
            " ON f.search_id = p.search_id AND f.doc_id = p.doc_id",
            ([s for s, _ in wanted], [d for _, d in wanted]),
        )
        return {(s, d): set(reasons) for s, d, reasons in rows}

    def record(self, alerts: Sequence[NewAlert], *, matched: dict[str, float]) -> list[int]:
        return self._retried(lambda conn: self._record(conn, alerts, matched))

    def _record(self, conn: Conn, alerts: Sequence[NewAlert], matched: dict[str, float]) -> list[int]:
        recorded = record_alerts(_Steps(conn), alerts)
        if matched:
            conn.cursor().executemany(
                "DELETE FROM alerts.pending_match WHERE doc_id = %s AND queued = %s", sorted(matched.items())
            )
        if recorded:
            conn.execute(_NOTIFY)  # sent at commit, to every listening deliverer
        return recorded

    # digests

    def queue_digest(
        self, search: SavedSearch, *, before: float, period: float, channels: Sequence[tuple[str, str]]
    ) -> int | None:
        """The waiting alerts are taken FOR UPDATE: a second deliverer closing the same period waits, then
        finds them gathered (no longer awaiting) and queues nothing."""
        with self._transaction() as conn:
            rows = conn.execute(
                "SELECT id, payload, created FROM alerts.alert WHERE search_id = %s AND awaits_digest"
                " AND created < %s ORDER BY id FOR UPDATE",
                (search.id, before),
            ).fetchall()
            if not rows:
                return None
            now = time.time()
            [(digest_id,)] = conn.execute(
                "INSERT INTO alerts.digest (search_id, payload, created) VALUES (%s, '', %s) RETURNING id",
                (search.id, now),
            ).fetchall()
            payload = digest_payload(
                search,
                digest_id=digest_id,
                alerts=[(row[1], row[2]) for row in rows],
                before=before,
                period=period,
            )
            conn.execute("UPDATE alerts.digest SET payload = %s WHERE id = %s", (payload, digest_id))
            conn.execute(
                "UPDATE alerts.alert SET awaits_digest = false, digest_id = %s WHERE id = ANY(%s)",
                (digest_id, [row[0] for row in rows]),
            )
            if channels:
                conn.cursor().executemany(
                    "INSERT INTO alerts.delivery (alert_id, channel, target, next_at, first_at, digest_id)"
                    " VALUES (%s, %s, %s, %s, %s, %s)",
                    [(rows[-1][0], channel, target, now, now, digest_id) for channel, target in channels],
                )
                conn.execute(_NOTIFY)
        return int(digest_id)

    # delivery

    def claim_many(self, delivery_ids: Sequence[int], *, now: float, lease: float) -> set[int]:
        """Rows another deliverer is claiming right now are skipped (SKIP LOCKED), not waited for; the
        lease set here is what keeps them from others once this transaction commits."""
        if not delivery_ids:
            return set()
        with self._transaction() as conn:
            rows = conn.execute(
                "UPDATE alerts.delivery d SET next_at = %(until)s, attempts = d.attempts + 1,"
                " first_at = CASE WHEN d.attempts = 0 THEN %(now)s ELSE d.first_at END"
                " FROM (SELECT id FROM alerts.delivery WHERE id = ANY(%(ids)s) AND state = 'pending'"
                " AND next_at <= %(now)s ORDER BY id FOR UPDATE SKIP LOCKED) AS free"
                " WHERE d.id = free.id RETURNING d.id",
                {"until": now + lease, "now": now, "ids": list(delivery_ids)},
            ).fetchall()
        return {int(row[0]) for row in rows}

    def retry_dead(self, delivery_id: int) -> bool:
        now = time.time()
        with self._transaction() as conn:
            queued = (
                conn.execute(
                    "UPDATE alerts.delivery SET state = 'pending', attempts = 0, next_at = %s, first_at = %s"
                    " WHERE id = %s AND state = 'dead'",
                    (now, now, delivery_id),
                ).rowcount
                == 1
            )
            if queued:
                conn.execute(_NOTIFY)
        return queued

    # wake-ups

    def listen(self) -> threading.Event:
        """The first call starts LISTEN on a connection of its own and returns once it is in place (or after
        CONNECT_TIMEOUT: the deliverer then polls until it is), so nothing queued after it goes unheard."""
        event = threading.Event()
        with self._listeners_lock:
            self._listeners.add(event)
            if self._listening is None and not self._closed.is_set():
                self._listening = threading.Thread(target=self._listen, name="alerts-listen", daemon=True)
                self._listening.start()
        if not self._heard.wait(CONNECT_TIMEOUT):
            logger.warning("alerts: no LISTEN on %s yet; polling until there is", redacted(self._url))
        return event

    def forget(self, event: threading.Event) -> None:
        with self._listeners_lock:
            self._listeners.discard(event)

    def _ring(self) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for event in listeners:
            event.set()

    def _listen(self) -> None:
        """LISTEN on a connection of its own until closed; a lost connection is made again, and rings when
        it is back (what was queued meanwhile was not heard)."""
        import psycopg

        while not self._closed.is_set():
            try:
                with psycopg.connect(
                    self._url, autocommit=True, connect_timeout=int(CONNECT_TIMEOUT)
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if self._heard.is_set():
                        self._ring()
                    self._heard.set()
                    while not self._closed.is_set():
                        for _ in conn.notifies(timeout=0.5):
                            self._ring()
            except psycopg.Error as exc:
                logger.warning(
                    "alerts: LISTEN on %s lost (%s); polling until it is back", redacted(self._url), exc
                )
                self._closed.wait(LISTEN_RETRY_SECONDS)


def _dialect(sql: str) -> bytes:
    """SQLite's `?` placeholders as psycopg's `%s` (no shared query has a `?` or `%` of its own)."""
    return sql.replace("?", "%s").encode()


class _Steps:
    """`record_alerts` here: the saved search held FOR KEY SHARE (a delete waits for the alert, then removes
    it with the search), the pair's one `fired` row inserted if absent and held FOR UPDATE (a concurrent
    creator is waited for, then its reasons are read), and a story's first alert taken under an advisory lock
    on (search, story)."""

    def __init__(self, conn: Conn) -> None:
        self._conn = conn

    def search_exists(self, search_id: str) -> bool:
        held = self._conn.execute(
            "SELECT 1 FROM alerts.saved_search WHERE id = %s FOR KEY SHARE", (search_id,)
        )
        return held.fetchone() is not None

    def fired(self, new: NewAlert) -> set[str]:
        self._conn.execute(
            "INSERT INTO alerts.fired (search_id, doc_id, reasons) VALUES (%s, %s, '{}') ON CONFLICT DO NOTHING",
            (new.search_id, new.doc_id),
        )
        [(reasons,)] = self._conn.execute(
            "SELECT reasons FROM alerts.fired WHERE search_id = %s AND doc_id = %s FOR UPDATE",
            (new.search_id, new.doc_id),
        ).fetchall()
        return set(reasons)

    def set_fired(self, new: NewAlert, reasons: list[str]) -> None:
        self._conn.execute(
            "UPDATE alerts.fired SET reasons = %s WHERE search_id = %s AND doc_id = %s",
            (reasons, new.search_id, new.doc_id),
        )

    def story_alert(self, new: NewAlert) -> tuple[int, str] | None:
        story = lock_key(f"alerts:story:{new.search_id}:{new.story_id}")
        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (story,))
        row = self._conn.execute(
            "SELECT a.id, a.payload FROM alerts.story_alert sa JOIN alerts.alert a ON a.id = sa.alert_id"
            " WHERE sa.search_id = %s AND sa.story_id = %s FOR UPDATE OF a",
            (new.search_id, new.story_id),
        ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def insert_alert(self, new: NewAlert, now: float) -> int:
        [(alert_id,)] = self._conn.execute(
            "INSERT INTO alerts.alert (search_id, doc_id, payload, created, awaits_digest)"
            " VALUES (%s, %s, '', %s, %s) RETURNING id",
            (new.search_id, new.doc_id, now, new.awaits_digest),
        ).fetchall()
        return int(alert_id)

    def set_payload(self, alert_id: int, payload: str) -> None:
        self._conn.execute("UPDATE alerts.alert SET payload = %s WHERE id = %s", (payload, alert_id))

    def link_story(self, new: NewAlert, alert_id: int) -> None:
        self._conn.execute(
            "INSERT INTO alerts.story_alert (search_id, story_id, alert_id) VALUES (%s, %s, %s)"
            " ON CONFLICT DO NOTHING",
            (new.search_id, new.story_id, alert_id),
        )

    def insert_deliveries(self, alert_id: int, channels: Sequence[tuple[str, str]], now: float) -> None:
        self._conn.cursor().executemany(
            "INSERT INTO alerts.delivery (alert_id, channel, target, next_at, first_at) VALUES (%s, %s, %s, %s, %s)",
            [(alert_id, channel, target, now, now) for channel, target in channels],
        )


def delivery_counts(settings: Settings) -> dict[tuple[str, str], int]:
    """`alerts.store.delivery_counts` of the database: creates nothing (no schema yet is no deliveries);
    `DatabaseError` when it cannot be read."""
    url = settings.database_dsn
    if url is None:
        return {}
    with connection(pool_for(url)) as conn:
        [(exists,)] = conn.execute("SELECT to_regclass('alerts.delivery') IS NOT NULL").fetchall()
        if not exists:
            return {}
        rows = conn.execute(
            f"SELECT channel, {OUTCOME_SQL} AS outcome, count(*) FROM alerts.delivery"
            " GROUP BY channel, outcome".encode()
        ).fetchall()
    return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}
