"""`presswatch worker`, `presswatch scheduler` and `presswatch quarantine`: the processes of cluster mode
(`crawlers.cluster`), configured by `PRESSWATCH_BROKER_URL` and `PRESSWATCH_DATABASE_URL`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from typing import Any

from presswatch.config import Settings


def _app(settings: Settings) -> Any:
    from crawlers.cluster.app import ClusterConfigError, make_app

    try:
        return make_app(settings)
    except ClusterConfigError as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return None


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """A Celery worker on one queue: `crawl` (one source's crawl per task, in a fresh process) or `index`
    (NLP and index writes, the models loaded once per process)."""
    from crawlers.cluster.tasks import register

    app = _app(settings)
    if app is None:
        return 2
    if settings.database_dsn is None:
        print("presswatch: a cluster worker needs PRESSWATCH_DATABASE_URL (PostgreSQL)", file=sys.stderr)
        return 2
    if args.queue == "index" and settings.search_backend != "elasticsearch":
        print(
            "presswatch: index workers write to Elasticsearch: set PRESSWATCH_SEARCH_BACKEND", file=sys.stderr
        )
        return 2
    register(app, settings)
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)  # not a line per document read
    # --concurrency with the solo pool too: Celery sizes the broker's prefetch by it, and its default is the
    # machine's cores, so a solo worker held a batch per core (idle workers beside it, all redelivered at a kill).
    pool = ["--pool", "solo" if args.concurrency == 1 else "prefork", "--concurrency", str(args.concurrency)]
    argv = [
        "worker",
        "--queues",
        args.queue,
        "--hostname",
        f"{args.queue}-{os.getpid()}@%h",
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
        *pool,
    ]
    if args.queue == "crawl":
        argv += ["--max-tasks-per-child", "1"]  # prefork: a fresh child too (each crawl is a process anyway)
    app.worker_main(argv)
    return 0


def cmd_scheduler(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.cluster.scheduler import ClusterScheduler

    app = _app(settings)
    if app is None:
        return 2
    database = settings.database_dsn
    if database is None:
        print("presswatch: the scheduler needs PRESSWATCH_DATABASE_URL (PostgreSQL)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    ClusterScheduler(settings, app=app, database_url=database).run(stop=stop)
    return 0


def cmd_quarantine(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.cluster.quarantine import BrokerUnreachableError

    app = _app(settings)
    if app is None:
        return 2
    try:
        return _quarantine(args, app)
    except BrokerUnreachableError as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2


def _shown(text: str) -> str:
    """`text` with every control and format character as its escape: a queued message's headers come from
    whoever could publish to the broker, and a terminal escape in them must not reach the operator's terminal."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _quarantine(args: argparse.Namespace, app: Any) -> int:
    from crawlers.cluster.quarantine import list_quarantined, replay

    if args.action == "list":
        entries = list_quarantined(app)
        if args.json:
            print(
                json.dumps(
                    [
                        {"id": e.id, "task": e.task, "sources": e.sources, "reason": e.reason, "args": e.args}
                        for e in entries
                    ]
                )
            )
        elif not entries:
            print("the quarantine queue is empty")
        for entry in [] if args.json else entries:
            print(_shown(f"{entry.id}  {entry.task}  {', '.join(entry.sources)}  {entry.reason}"))
        return 0
    if not args.id and not args.all:
        print("presswatch: say which tasks to replay: --id ID (repeatable) or --all", file=sys.stderr)
        return 2
    replayed = replay(app, ids=None if args.all else set(args.id))
    print(f"replayed {len(replayed)} task(s)")
    missing = set(args.id or ()) - {e.id for e in replayed}
    if missing:
        print(f"presswatch: not in the quarantine queue: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    return 0


def _concurrency(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 64, not {text!r}")
    return value


def add_cluster_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    worker = commands.add_parser("worker", help="cluster mode: a worker taking crawl or index tasks")
    worker.add_argument("--queue", choices=["crawl", "index"], required=True)
    worker.add_argument(
        "--concurrency",
        type=_concurrency,
        default=1,
        help="task processes (default 1: one process; run one index worker per core)",
    )
    worker.set_defaults(run=cmd_worker)
    scheduler = commands.add_parser(
        "scheduler", help="cluster mode: enqueue each source's crawl on its schedule (one active)"
    )
    scheduler.set_defaults(run=cmd_scheduler)
    quarantine = commands.add_parser("quarantine", help="cluster mode: tasks set aside, and replaying them")
    actions = quarantine.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the quarantined tasks with their reasons")
    listing.add_argument("--json", action="store_true")
    again = actions.add_parser("replay", help="send quarantined tasks to their queues again")
    again.add_argument("--id", action="append", help="a quarantined task's id (repeatable)")
    again.add_argument("--all", action="store_true", help="every quarantined task")
    quarantine.set_defaults(run=cmd_quarantine)
