"""`presswatch scheduler`: enqueue each source's crawl on its schedule; one active, any number on standby.

The active scheduler holds a PostgreSQL session-level advisory lock (`presswatch.database.Leadership`); a
standby polls for it and takes over when the leader's process or connection dies (the server frees the
lock with the session). When each source is next due is kept in PostgreSQL, so a new leader goes on where
the old one stopped. A crawl is published before its next time is written: a leader killed in between
makes its successor enqueue that crawl again (at least once; the crawl's writes are idempotent), never
skip it. sources.toml is read again when it changes; a source's `every` (else `PRESSWATCH_WATCH_EVERY`)
is its interval.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from crawlers.cluster.app import CRAWL_QUEUE, CRAWL_TASK
from crawlers.sources import Source, SourceError, load_sources
from presswatch.config import Settings
from presswatch.database import DatabaseError, Leadership, apply_schema, pool_for

if TYPE_CHECKING:
    from celery import Celery

logger = logging.getLogger(__name__)
LOCK_NAME = "presswatch:scheduler"
STORE = "cluster_schedule"
MIGRATIONS = (
    """
    CREATE TABLE cluster_schedule (
        source TEXT PRIMARY KEY,
        next_run TIMESTAMPTZ NOT NULL,
        last_enqueued TIMESTAMPTZ
    );
    """,
)
TICK = 1.0
"""Seconds between two looks at the schedule (and, on standby, at the lock)."""


RETRY_AFTER = 5.0
"""Seconds before the next try when PostgreSQL or the broker could not be reached."""


def _unavailable() -> tuple[type[BaseException], ...]:
    """The errors of an unreachable PostgreSQL or broker (the cluster extra is installed by now)."""
    from kombu.exceptions import OperationalError as BrokerError
    from psycopg import Error as PsycopgError

    return (DatabaseError, PsycopgError, BrokerError, OSError)


class ClusterScheduler:
    """Enqueues `crawl(source)` tasks while it leads; see the module docstring."""

    def __init__(self, settings: Settings, *, app: Celery, database_url: str, tick: float = TICK) -> None:
        self._settings = settings
        self._app = app
        self._database_url = database_url
        self._tick = tick
        self._sources: list[Source] = []
        self._sources_mtime: float | None = None

    def run(self, *, stop: threading.Event) -> None:
        """Lead or stand by until `stop` is set."""
        leadership = Leadership(self._database_url, LOCK_NAME)
        role = ""
        try:
            while not stop.is_set():
                try:
                    leading = leadership.try_acquire()
                    if ("active" if leading else "standby") != role:
                        role = "active" if leading else "standby"
                        logger.info(
                            "scheduler: %s", "active" if leading else "standby (another one is active)"
                        )
                    if leading:
                        self.enqueue_due(now=datetime.now(UTC))
                except _unavailable() as exc:  # a restart or a network cut: wait it out, as a worker does
                    logger.error("scheduler: %s; trying again in %.0f s", exc, RETRY_AFTER)
                    stop.wait(RETRY_AFTER)
                    continue
                stop.wait(self._tick)
        finally:
            leadership.release()

    def _current_sources(self) -> list[Source]:
        path = Path(self._settings.sources_file)
        try:
            mtime = path.stat().st_mtime
        except OSError as exc:
            logger.error("scheduler: cannot read %s: %s", path, exc)
            return self._sources
        if mtime != self._sources_mtime:
            self._sources_mtime = mtime
            try:
                self._sources = load_sources(path)
            except SourceError as exc:  # keep the last good list until the file is mended
                logger.error("scheduler: %s", exc)
        return self._sources

    def enqueue_due(self, *, now: datetime) -> list[str]:
        """Publish a crawl for every source that is due; the names enqueued."""
        sources = self._current_sources()
        pool = pool_for(self._database_url)
        apply_schema(pool, store=STORE, migrations=MIGRATIONS)
        with pool.connection() as conn:
            rows = conn.execute("SELECT source, next_run FROM cluster_schedule").fetchall()
        next_runs: dict[str, datetime] = {str(name): at for name, at in rows}
        enqueued: list[str] = []
        for source in sources:
            due = next_runs.get(source.name)
            if due is not None and due > now:
                continue
            every: timedelta = source.every or self._settings.watch_every
            self._app.send_task(CRAWL_TASK, args=[source.name], queue=CRAWL_QUEUE)
            with pool.connection() as conn:
                conn.execute(
                    "INSERT INTO cluster_schedule (source, next_run, last_enqueued) VALUES (%s, %s, %s)"
                    " ON CONFLICT (source) DO UPDATE"
                    " SET next_run = EXCLUDED.next_run, last_enqueued = EXCLUDED.last_enqueued",
                    (source.name, now + every, now),
                )
            logger.info("scheduler: enqueued the crawl of %s (next in %s)", source.name, every)
            enqueued.append(source.name)
        return enqueued
