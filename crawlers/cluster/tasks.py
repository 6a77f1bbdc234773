"""The `crawl` and `index` tasks, registered on an app from `crawlers.cluster.app.make_app`.

Errors are retried or set aside, never looped: an unreachable index or database retries the whole batch
with exponential backoff (at most `MAX_RETRIES` times), then quarantines it; a message or document that can
never succeed is quarantined at once with its reason. Every outcome is counted per source in PostgreSQL
(`presswatch.task_counts`), which `GET /metrics` reports.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from crawlers.cluster.app import CRAWL_TASK, INDEX_TASK, QUARANTINE_QUEUE
from crawlers.cluster.crawl_task import crawl_source
from crawlers.cluster.publisher import source_of
from presswatch.config import Settings
from presswatch.database import DatabaseError, Leadership
from presswatch.task_counts import add_counts, count_redelivery

if TYPE_CHECKING:
    from celery import Celery, Task

logger = logging.getLogger(__name__)
MAX_RETRIES = 8
MAX_REDELIVERIES = 3
"""Times a batch may come back after its worker died on it (out of memory, a crash in native code) before
it is set aside: a batch that kills every worker must not go round them for ever."""
MAX_BACKOFF = 300.0


def backoff(retries: int) -> float:
    """Seconds before retry number `retries` + 1: 1, 2, 4, ... at most MAX_BACKOFF."""
    return float(min(MAX_BACKOFF, 2.0**retries))


def quarantine(app: Celery, task: str, *, args: list[Any], reason: str) -> None:
    """Set a task aside in the quarantine queue with its reason (`presswatch quarantine` lists and replays)."""
    app.send_task(task, args=args, kwargs={"quarantined": reason}, queue=QUARANTINE_QUEUE)
    logger.error("quarantined a %s task: %s", task, reason)


def _transient() -> tuple[type[BaseException], ...]:
    from psycopg import OperationalError

    from search.base import BackendUnavailableError

    return (BackendUnavailableError, DatabaseError, OperationalError)


def register(app: Celery, settings: Settings) -> None:
    """Define the tasks on `app`; their code and models load in the worker, on first use."""

    @app.task(name=INDEX_TASK, bind=True, max_retries=None)  # type: ignore[untyped-decorator]
    def index(self: Task, batch: Any, quarantined: str | None = None) -> None:
        from crawlers.cluster.index_task import index_batch

        request = self.request
        redelivered = bool((request.delivery_info or {}).get("redelivered"))
        sources = Counter(source_of(m) for m in batch) if isinstance(batch, list) else Counter({"unknown": 1})
        redeliveries = _redeliveries(settings, str(request.id)) if redelivered else 0  # before any work
        logger.info(
            "index batch %s: starting (%d messages, redelivered=%s, retries=%d)",
            request.id,
            len(batch) if isinstance(batch, list) else 0,
            redelivered,
            request.retries,
        )
        counts: Counter[tuple[str, str]] = Counter()
        if redelivered:
            counts.update({(source, "redelivered"): n for source, n in sources.items()})
            if redeliveries > MAX_REDELIVERIES:
                reason = f"its worker died {redeliveries} times while on it (out of memory? a crash?)"
                quarantine(app, INDEX_TASK, args=[batch], reason=reason)
                counts.update({(source, "quarantined"): n for source, n in sources.items()})
                _count(settings, counts)
                return
        try:
            outcome = index_batch(settings, batch)
        except _transient() as exc:
            if request.retries >= MAX_RETRIES:
                quarantine(
                    app, INDEX_TASK, args=[batch], reason=f"gave up after {MAX_RETRIES} retries: {exc}"
                )
                counts.update({(source, "quarantined"): n for source, n in sources.items()})
                _count(settings, counts)
                return
            logger.warning(
                "index batch %s: %s; retrying in %.0f s", request.id, exc, backoff(request.retries)
            )
            counts.update({(source, "retried"): n for source, n in sources.items()})
            _count(settings, counts)
            raise self.retry(exc=exc, countdown=backoff(request.retries)) from exc
        except Exception as exc:  # a bug or a refusal nobody foresaw: set the batch aside, never drop it
            logger.exception("index batch %s: unexpected error; quarantined", request.id)
            reason = f"unexpected {type(exc).__name__}: {exc}"[:1000]
            quarantine(app, INDEX_TASK, args=[batch], reason=reason)
            counts.update({(source, "quarantined"): n for source, n in sources.items()})
            _count(settings, counts)
            return
        for message, reason in outcome.quarantine:
            quarantine(app, INDEX_TASK, args=[[message]], reason=reason)
        counts.update(outcome.counts)
        _count(settings, counts)
        logger.info("index batch %s: done %s", request.id, dict(outcome.counts))

    @app.task(name=CRAWL_TASK, bind=True, max_retries=None)  # type: ignore[untyped-decorator]
    def crawl(self: Task, source: str, quarantined: str | None = None) -> int:
        request = self.request
        database = settings.database_dsn
        running = Leadership(database, f"crawl:{source}") if database else None
        try:
            busy = running is not None and not running.try_acquire()
        except DatabaseError as exc:  # PostgreSQL blipped: the scheduler has moved on, so retry, not drop
            if request.retries >= MAX_RETRIES:
                quarantine(
                    app, CRAWL_TASK, args=[source], reason=f"gave up after {MAX_RETRIES} retries: {exc}"
                )
                _count(settings, Counter({(source, "quarantined"): 1}))
                return 0
            logger.warning("crawl of %s: %s; retrying in %.0f s", source, exc, backoff(request.retries))
            _count(settings, Counter({(source, "retried"): 1}))
            raise self.retry(exc=exc, countdown=backoff(request.retries)) from exc
        if busy:
            # A crawl that outlasts its interval is still running elsewhere: two would halve its politeness.
            logger.info("crawl of %s: skipped, it is being crawled by another worker", source)
            _count(settings, Counter({(source, "crawl_skipped"): 1}))
            return 0
        logger.info("crawl of %s: starting (task %s)", source, request.id)
        try:
            code = crawl_source(source)
        finally:
            if running is not None:
                running.release()
        logger.info("crawl of %s: exit status %d", source, code)
        if code == 2:  # it could not start (no such source, nowhere to index): retrying cannot help
            quarantine(app, CRAWL_TASK, args=[source], reason=f"presswatch crawl --source {source} exited 2")
            _count(settings, Counter({(source, "quarantined"): 1}))
        elif code < 0:  # killed (out of memory, timeout): again later, then set aside
            if request.retries >= 3:
                quarantine(app, CRAWL_TASK, args=[source], reason=f"the crawl was killed by signal {-code}")
                _count(settings, Counter({(source, "quarantined"): 1}))
                return code
            _count(settings, Counter({(source, "retried"): 1}))
            raise self.retry(countdown=backoff(request.retries + 4))
        else:
            _count(settings, Counter({(source, "crawled" if code == 0 else "crawl_failed"): 1}))
        return code


def _redeliveries(settings: Settings, task_id: str) -> int:
    """Redeliveries of the task so far, this one included; 0 when they cannot be counted (the batch then
    goes on: an unreachable database must not set work aside)."""
    database = settings.database_dsn
    if database is None:
        return 0
    try:
        return count_redelivery(database, task_id)
    except Exception as exc:
        logger.warning("could not count the redeliveries of %s: %s", task_id, exc)
        return 0


def _count(settings: Settings, counts: Counter[tuple[str, str]]) -> None:
    database = settings.database_dsn
    if database is None:
        return
    try:
        add_counts(database, counts)
    except Exception as exc:  # counts must never cost a batch its indexing
        logger.warning("could not record task counts: %s", exc)
