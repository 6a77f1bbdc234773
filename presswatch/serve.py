"""`presswatch serve`: the API in one process, or in `--workers N` processes over the same index.

Python runs one request's code at a time per process (the GIL), so one process uses one core however many
threads serve it. With N workers, uvicorn's supervisor starts N processes that share the listening socket;
each opens its own index connection and its own `PageIngester`, built from the settings the supervisor
hands down (`SETTINGS_ENV`), so a worker serves exactly what the command was told to. The workers spread
the connections evenly among themselves (presswatch/balanced_accept.py): a keep-alive client's burst of
connections no longer lands on one worker.

Two things must stay single across processes:

- Alert delivery runs in the supervisor, not in the workers, and only in the process holding an exclusive
  lock on `<data dir>/alert-delivery.lock` (`elected_delivery`): two `serve` commands over one data dir (two
  compose replicas) deliver each alert once, and when the holder dies the kernel frees the lock and another
  takes over at its next try. With PostgreSQL (`PRESSWATCH_DATABASE_URL`) there is no election: a file lock
  would be one machine's anyway, and the store's claims (`FOR UPDATE SKIP LOCKED` plus a lease) already let
  any number of deliverers on any number of machines share the outbox, so every `serve` delivers (once its
  database answers: a cluster may come up in any order).
- Metrics: workers write their counters and histograms to files in a directory of their own
  (prometheus_client's multiprocess mode, `PROMETHEUS_MULTIPROC_DIR`), and GET /metrics in any worker sums
  them, so a scrape sees every request whichever worker answers it (`api.metrics.registry_for_scrape`).
"""

from __future__ import annotations

import copy
import fcntl
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_core import to_json

from presswatch.balanced_accept import BOARD_ENV, make_board
from presswatch.config import Settings, settings_for_child

if TYPE_CHECKING:
    from fastapi import FastAPI

_log = logging.getLogger(__name__)
SETTINGS_ENV = "PRESSWATCH_SERVE_SETTINGS_JSON"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
DELIVERY_LOCK = "alert-delivery.lock"
# How often a serve that is not delivering tries to take over from one that is.
ELECTION_RETRY_SECONDS = 2.0


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn's factory): settings from the supervisor, its own ingester."""
    from api.app import create_app
    from crawlers.ingest import PageIngester  # spaCy loads on the first POST /ingest, not here

    settings = Settings.model_validate_json(os.environ[SETTINGS_ENV])
    ingester = PageIngester(settings)
    return create_app(settings, ingester=ingester, on_shutdown=ingester.close)


def settings_json(settings: Settings) -> str:
    """The settings as JSON with their secrets in clear, for a worker to read."""
    return to_json(settings_for_child(settings)).decode()


@contextmanager
def elected_delivery(settings: Settings) -> Iterator[None]:
    """Alert delivery in this process while it holds the data dir's delivery lock (a background thread
    waits for it), so that however many `serve` processes share the data dir, one delivers."""
    if not settings.alerts_deliver_in_serve:
        yield
        return
    stop = threading.Event()
    thread = threading.Thread(target=_deliver_when_elected, args=(settings, stop), name="delivery-election")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _deliver_when_elected(settings: Settings, stop: threading.Event) -> None:
    from presswatch.alerts_cli import delivery_in_background

    if settings.database_dsn is not None:  # claims are safe across processes and machines: no election
        if _database_reached(settings.database_dsn, stop):
            with delivery_in_background(settings):
                stop.wait()
        return
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.data_dir / DELIVERY_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while not stop.is_set():
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # another serve delivers; try again in a while (it may die)
                stop.wait(ELECTION_RETRY_SECONDS)
                continue
            with delivery_in_background(settings):
                stop.wait()
    finally:
        os.close(fd)  # releases the lock


def _database_reached(url: str, stop: threading.Event) -> bool:
    """Wait for PostgreSQL (a serve started before its database delivers once the database is up, instead of
    never); False when stopped first."""
    from presswatch.database import DatabaseError, pool_for

    while not stop.is_set():
        try:
            pool_for(url)
        except DatabaseError as exc:
            _log.warning("alert delivery waits for PostgreSQL: %s", exc)
            stop.wait(ELECTION_RETRY_SECONDS)
            continue
        return True
    return False


@contextmanager
def shared_metrics_dir() -> Iterator[str]:
    """The directory for the workers' metric files: `PROMETHEUS_MULTIPROC_DIR` when set (its old files
    are removed: a previous run's counts must not be summed into this one's), else a fresh one removed
    when the server stops."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        yield str(folder)
        return
    made = tempfile.mkdtemp(prefix="presswatch-metrics-")
    os.environ[MULTIPROC_ENV] = made
    try:
        yield made
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(made, ignore_errors=True)


# A feed's `token=` is its credential: whoever has the URL reads the feed, so the access log must not keep it.
_FEED_TOKEN = re.compile(r"(?<=[?&]token=)[^&\s]*")


class RedactFeedTokens(logging.Filter):
    """Rewrites the path of uvicorn's access-log records (`client, method, path, version, status`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], _FEED_TOKEN.sub("[redacted]", args[2]), *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration, its access log passed through `RedactFeedTokens`."""
    import uvicorn.config

    config: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_feed_tokens"] = {"()": RedactFeedTokens}
    config["handlers"]["access"]["filters"] = ["redact_feed_tokens"]
    return config


def serve(settings: Settings, *, host: str, port: int, workers: int) -> int:
    import uvicorn

    if workers <= 1:
        from api.app import create_app
        from crawlers.ingest import PageIngester

        ingester = PageIngester(settings)
        try:
            app = create_app(settings, ingester=ingester)
            with elected_delivery(settings):
                uvicorn.run(app, host=host, port=port, log_config=log_config())
        finally:
            ingester.close()
        return 0
    os.environ[SETTINGS_ENV] = settings_json(settings)
    with shared_metrics_dir(), elected_delivery(settings), accept_board(workers=workers):
        uvicorn.run(
            "presswatch.serve:worker_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            loop="presswatch.balanced_accept:BalancedAcceptLoop",
            log_config=log_config(),
        )
    return 0


@contextmanager
def accept_board(*, workers: int) -> Iterator[None]:
    """The board on which the workers balance their connections (presswatch/balanced_accept.py)."""
    folder = Path(tempfile.mkdtemp(prefix="presswatch-accept-"))
    board = folder / "board"
    make_board(board, workers=workers)
    os.environ[BOARD_ENV] = str(board)
    try:
        yield
    finally:
        os.environ.pop(BOARD_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)
