"""`presswatch alerts add|list|pause|resume|rm|dead|retry|deliver`: saved searches from the command line.

The CLI's owner is "local" by default, the owner the API uses when it has no API keys; `--owner` names another.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from presswatch.config import Settings

if TYPE_CHECKING:
    from alerts.service import AlertService

LOCAL_OWNER = "local"


@contextmanager
def _service(settings: Settings) -> Iterator[AlertService]:
    from alerts.service import AlertService
    from search.factory import open_backend

    backend = open_backend(settings)
    try:
        with AlertService.open(settings, backend=backend) as service:
            yield service
    finally:
        backend.close()


def _spec_from(args: argparse.Namespace) -> object:
    from alerts.model import SavedSearchSpec
    from search.base import Query

    if args.party:
        kind = "agreement"
    elif args.min_amount is not None:
        kind = "figure"
    elif args.story:
        kind = "story"
    elif args.entity and not args.text and not args.query_json:
        kind = "mention"
    else:
        kind = "search"
    query = Query.model_validate_json(args.query_json) if args.query_json else Query(text=args.text or "")
    if kind == "search" and args.entity:
        query = query.model_copy(update={"entities": (*query.entities, args.entity)})
    return SavedSearchSpec(
        name=args.name or "",
        kind=kind,
        query=query if kind == "search" else Query(),
        party=args.party,
        statuses=tuple(args.status or ()),
        entity=args.entity if kind in ("figure", "mention") else None,
        currency=args.currency,
        min_amount=args.min_amount,
        story_id=args.story,
        webhook_url=args.webhook,
        email=args.email,
    )


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from alerts.service import NotFoundError
    from alerts.targets import TargetRefusedError
    from search.base import BackendUnavailableError

    try:
        if args.alerts_command == "deliver":
            return _deliver(args, settings)
        with _service(settings) as service:
            if args.alerts_command == "add":
                saved = service.create(owner=args.owner, spec=_spec_from(args))  # type: ignore[arg-type]
                print(json.dumps(saved.model_dump(mode="json"), indent=2))
            elif args.alerts_command == "list":
                for s in service.searches(owner=args.owner):
                    state = "paused" if s.paused else "active"
                    print(
                        f"{s.id}  {state:6}  {s.spec.kind:9}  {s.spec.name or s.spec.effective_query().model_dump_json(exclude_defaults=True)}"
                    )
            elif args.alerts_command in ("pause", "resume"):
                getattr(service, args.alerts_command)(owner=args.owner, search_id=args.id)
                print(f"{args.id} {args.alerts_command}d")
            elif args.alerts_command == "rm":
                service.delete(owner=args.owner, search_id=args.id)
                print(f"{args.id} removed")
            elif args.alerts_command == "dead":
                for d in service.dead_letters(owner=args.owner):
                    print(
                        f"{d.id}  alert {d.alert_id}  {d.channel} {d.target}  after {d.attempts} attempt(s): {d.last_error}"
                    )
            elif args.alerts_command == "retry":
                service.retry(owner=args.owner, delivery_id=args.id)
                print(f"dead letter {args.id} queued again")
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'alert'}: {e['msg']}" for e in exc.errors())
        print(f"presswatch: bad alert: {reasons}", file=sys.stderr)
        return 2
    except (NotFoundError, TargetRefusedError, ValueError, BackendUnavailableError) as exc:
        print(f"presswatch: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 2
    return 0


def _deliver(args: argparse.Namespace, settings: Settings) -> int:
    """Run the delivery worker in the foreground (until SIGTERM/Ctrl-C), or one round with --once."""
    from alerts.delivery import DeliveryWorker

    with _service(settings) as service:
        worker = DeliveryWorker(service=service, settings=settings)
        try:
            if args.once:
                sent = worker.run_once()
                print(f"attempted {sent} deliver{'y' if sent == 1 else 'ies'}")
                return 0
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, lambda *_: worker.stop())
            try:
                worker.run()
            except KeyboardInterrupt:
                worker.stop()
        finally:
            worker.close()
    return 0


@contextmanager
def delivery_in_background(settings: Settings) -> Iterator[None]:
    """`presswatch serve`'s delivery worker: a daemon thread with its own backend handle and store."""
    if not settings.alerts_deliver_in_serve:
        yield
        return
    from alerts.delivery import DeliveryWorker
    from search.base import BackendUnavailableError

    try:
        context = _service(settings)
        service = context.__enter__()
    except BackendUnavailableError as exc:  # the API still serves its 503s; alerts wait for a restart
        print(f"presswatch: alert delivery is off: {exc}", file=sys.stderr)
        yield
        return
    worker = DeliveryWorker(service=service, settings=settings)
    thread = threading.Thread(target=worker.run, name="alert-delivery", daemon=True)
    thread.start()
    try:
        yield
    finally:
        worker.stop()
        thread.join(timeout=settings.alerts_webhook_timeout + 5)
        worker.close()
        context.__exit__(None, None, None)


def add_alerts_parser(commands: argparse._SubParsersAction[Any]) -> None:
    alerts = commands.add_parser("alerts", help="saved searches and watches, and their delivery")
    sub = alerts.add_subparsers(dest="alerts_command", required=True, metavar="COMMAND")
    add = sub.add_parser(
        "add",
        help="save a search (--text, --query-json) or a watch (--party: new agreement; --entity with "
        "--min-amount: figure; --entity alone: mention; --story: story)",
    )
    add.add_argument("--name")
    add.add_argument("--text", help="search words (any search syntax)")
    add.add_argument("--query-json", help="a whole search as JSON (every filter of GET /search)")
    add.add_argument("--party", help="watch new agreements involving this party")
    add.add_argument("--status", action="append", help="agreement status (repeatable; default: new ones)")
    add.add_argument("--entity", help="an entity the document is about")
    add.add_argument("--currency", help="ISO 4217 code of the figure")
    add.add_argument("--min-amount", type=float, help="watch figures of at least this amount")
    add.add_argument("--story", help="watch new documents of this story id")
    add.add_argument("--webhook", help="POST each alert here (JSON, signed)")
    add.add_argument("--email", help="e-mail each alert here (PRESSWATCH_SMTP_*)")
    sub.add_parser("list", help="list saved searches")
    for name in ("pause", "resume", "rm"):
        sub.add_parser(name, help=f"{name} a saved search").add_argument("id")
    sub.add_parser("dead", help="list dead-lettered deliveries")
    sub.add_parser("retry", help="queue a dead-lettered delivery again").add_argument("id", type=int)
    deliver = sub.add_parser("deliver", help="run the delivery worker (serve runs one too)")
    deliver.add_argument("--once", action="store_true", help="one round, then exit")
    for command in sub.choices.values():
        command.add_argument("--owner", default=LOCAL_OWNER, help=f"owner key (default {LOCAL_OWNER})")
    alerts.set_defaults(run=cmd_alerts)
