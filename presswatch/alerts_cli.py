"""`presswatch alerts add|list|fired|pause|resume|rm|test|dead|retry|deliver`: saved searches from the command line.

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
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from presswatch.config import Settings

if TYPE_CHECKING:
    from alerts.model import SavedSearch
    from alerts.service import AlertService
    from search.base import SearchBackend

LOCAL_OWNER = "local"
CREATING = frozenset({"add", "deliver"})
"""The commands that may create the alerts store and the index: saving a search, and the delivery worker (a
service, started before anything is saved). The others read or change what is saved: on a data directory with
no store they say so and create nothing (a mistyped PRESSWATCH_DATA_DIR looked like no saved searches), and
they never read the index (`_IndexWhenUsed`)."""


class StoreMissingError(ValueError):
    """A command that needs saved searches was pointed at a data directory with no alerts store."""


@contextmanager
def _service(settings: Settings, *, create: bool = True) -> Iterator[AlertService]:
    from alerts.service import AlertService
    from search.factory import open_backend

    if not create and settings.database_dsn is None and not settings.alerts_path.exists():
        raise StoreMissingError(
            f"no alerts store at {settings.alerts_path}: no search has been saved in this data directory"
            " (PRESSWATCH_DATA_DIR); `presswatch alerts add` creates it"
        )
    backend = open_backend(settings) if create else cast("SearchBackend", _IndexWhenUsed(settings))
    try:
        with AlertService.open(settings, backend=backend) as service:
            yield service
    finally:
        backend.close()


class _IndexWhenUsed:
    """The index for the commands that only read or change saved searches: opened (never created) at its
    first use, which none of them makes. Listing, pausing or removing a saved search reads the alerts store
    alone, so an index that is missing (deleted to crawl again, or on another machine while the alerts are in
    PostgreSQL) must not lock the saved searches away behind "no index"."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._backend: SearchBackend | None = None

    def __getattr__(self, name: str) -> Any:
        from search.factory import open_backend

        if self._backend is None:
            self._backend = open_backend(self._settings, create=False)
        return getattr(self._backend, name)

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()


def _spec_from(args: argparse.Namespace) -> object:
    """The spec the options describe, every option kept: a watch's kind from its own option (--party,
    --min-amount or --currency, --story, --entity alone) and every other condition in its query, so all of
    them must hold (`--text smugglers --party Kosovo` is a Kosovo agreement watch over texts on smugglers)."""
    from alerts.model import SavedSearchSpec

    if args.party:
        kind = "agreement"
    elif args.min_amount is not None or args.currency:
        kind = "figure"
    elif args.story:
        kind = "story"
    elif args.entity and not args.text and not args.query_json:
        kind = "mention"
    else:
        kind = "search"
    query: dict[str, Any] = json.loads(args.query_json) if args.query_json else {}
    if not isinstance(query, dict):
        raise ValueError("--query-json must be a JSON object (the fields of a search)")
    if args.text:
        if "text" in query or "q" in query:
            raise ValueError("give the search words once: --text or the query's text, not both")
        query["text"] = args.text
    if args.entity and kind not in ("figure", "mention"):
        query["entities"] = [*query.get("entities", ()), args.entity]
    return SavedSearchSpec.model_validate(
        {
            "name": args.name or "",
            "kind": kind,
            "query": query,
            "party": args.party,
            "statuses": tuple(args.status or ()),
            "entity": args.entity if kind in ("figure", "mention") else None,
            "currency": args.currency,
            "min_amount": args.min_amount,
            "story_id": args.story,
            "webhook_url": args.webhook,
            "email": args.email,
            "apprise_urls": tuple(args.apprise or ()),
            "delivery": args.delivery,
        }
    )


def _feed_url(search: SavedSearch, settings: Settings) -> str:
    from alerts.service import feed_url

    return feed_url(search, site_url=settings.base_url)


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from alerts.service import NotFoundError
    from alerts.targets import TargetRefusedError
    from search.base import BackendUnavailableError

    try:
        if args.alerts_command == "deliver":
            return _deliver(args, settings)
        with _service(settings, create=args.alerts_command in CREATING) as service:
            if args.alerts_command == "add":
                saved = service.create(owner=args.owner, spec=_spec_from(args))  # type: ignore[arg-type]
                shown = {**saved.model_dump(mode="json"), "feed_url": _feed_url(saved, settings)}
                print(json.dumps(shown, indent=2, ensure_ascii=False))
            elif args.alerts_command == "list":
                for s in service.searches(owner=args.owner):
                    state = "paused" if s.paused else "active"
                    described = s.spec.name or s.spec.effective_query().model_dump_json(exclude_defaults=True)
                    print(
                        f"{s.id}  {state:6}  {s.spec.kind:9}  {described}\n  feed: {_feed_url(s, settings)}"
                    )
            elif args.alerts_command == "fired":
                for alert in service.alerts(owner=args.owner, search_id=args.id, limit=args.limit):
                    print(f"{alert.matched_at:%Y-%m-%d %H:%M}  {alert.title}\n  {alert.url}")
                    print(f"  why: {'; '.join(alert.reasons)}")
            elif args.alerts_command in ("pause", "resume"):
                getattr(service, args.alerts_command)(owner=args.owner, search_id=args.id)
                print(f"{args.id} {args.alerts_command}d")
            elif args.alerts_command == "rm":
                service.delete(owner=args.owner, search_id=args.id)
                print(f"{args.id} removed")
            elif args.alerts_command == "dead":
                for d in service.dead_letters(owner=args.owner):
                    when = f"{d.attempted_at:%Y-%m-%d %H:%M}" if d.attempted_at else "-"
                    print(
                        f"{d.id}  {when}  {d.channel} {d.target}  after {d.attempts} attempt(s): {d.last_error}"
                    )
                    print(f"  {d.title}\n  {d.url}  (document {d.doc_id}, saved search {d.search_id})")
            elif args.alerts_command == "retry":
                service.retry(owner=args.owner, delivery_id=args.id)
                print(f"dead letter {args.id} queued again")
            elif args.alerts_command == "test":
                return _test(service.get(owner=args.owner, search_id=args.id), settings)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'alert'}: {e['msg']}" for e in exc.errors())
        print(f"presswatch: bad alert: {reasons}", file=sys.stderr)
        return 2
    except (NotFoundError, TargetRefusedError, ValueError, BackendUnavailableError) as exc:
        print(f"presswatch: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 2
    return 0


def _test(search: SavedSearch, settings: Settings) -> int:
    """Send a test alert to each target of `search`; 1 when a target refused it or none is set."""
    from alerts.delivery import send_test

    results = send_test(search, settings=settings)
    if not results:
        print(
            "presswatch: this saved search has no webhook, e-mail or chat target: its alerts go only to its feed",
            file=sys.stderr,
        )
        return 1
    for result in results:
        print(
            f"{result.channel} {result.target}: "
            + ("delivered" if result.error is None else f"failed: {result.error}")
        )
    return 0 if all(r.error is None for r in results) else 1


def _moment(text: str) -> float:
    """An ISO 8601 time (`2026-12-06T18:00`, UTC unless it names its zone) as a POSIX timestamp."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {text!r} (e.g. 2026-12-06T18:00 or 2026-12-06T18:00+01:00)"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _deliver(args: argparse.Namespace, settings: Settings) -> int:
    """Run the delivery worker in the foreground (until SIGTERM/Ctrl-C), or one round with --once (its
    digests closed as of --as-of when given: the digests of periods ended by then are sent)."""
    import time

    from alerts.delivery import DeliveryWorker

    as_of: float | None = args.as_of
    if as_of is not None and not args.once:
        print(
            "presswatch: --as-of needs --once (a running worker closes digests by the clock)", file=sys.stderr
        )
        return 2
    with _service(settings) as service:
        worker = DeliveryWorker(
            service=service, settings=settings, clock=time.time if as_of is None else lambda: as_of
        )
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
    add.add_argument(
        "--query-json",
        help='a search as JSON, by GET /search\'s names or Query\'s: \'{"q": "smugglers", "country": "Serbia"}\'',
    )
    add.add_argument("--party", help="watch new agreements involving this party")
    add.add_argument("--status", action="append", help="agreement status (repeatable; default: new ones)")
    add.add_argument("--entity", help="an entity the document is about")
    add.add_argument(
        "--currency", help="watch figures in this ISO 4217 currency (with or without --min-amount)"
    )
    add.add_argument("--min-amount", type=float, help="watch figures of at least this amount")
    add.add_argument("--story", help="watch new documents of this story id")
    add.add_argument("--webhook", help="POST each alert here (JSON, signed)")
    add.add_argument("--email", help="e-mail each alert here (PRESSWATCH_SMTP_*)")
    add.add_argument(
        "--apprise",
        action="append",
        metavar="URL",
        help="send each alert to this chat target, an Apprise URL (slack://, workflow:// for Teams, ntfy://, ...; repeatable)",
    )
    add.add_argument(
        "--delivery",
        choices=("immediate", "hourly", "daily"),
        default="immediate",
        help="send each alert at once (default), or one digest per target each hour or day (UTC)",
    )
    sub.add_parser("list", help="list saved searches, each with its feed URL")
    fired = sub.add_parser("fired", help="what a saved search has fired, newest first")
    fired.add_argument("id")
    fired.add_argument("--limit", type=int, default=20, help="alerts to show (default 20)")
    sub.add_parser("test", help="send a test alert to a saved search's webhook and e-mail now").add_argument(
        "id"
    )
    for name in ("pause", "resume", "rm"):
        sub.add_parser(name, help=f"{name} a saved search").add_argument("id")
    sub.add_parser("dead", help="list dead-lettered deliveries")
    sub.add_parser("retry", help="queue a dead-lettered delivery again").add_argument("id", type=int)
    deliver = sub.add_parser("deliver", help="run the delivery worker (serve runs one too)")
    deliver.add_argument("--once", action="store_true", help="one round, then exit")
    deliver.add_argument(
        "--as-of",
        type=_moment,
        metavar="TIME",
        help="with --once: send the hourly and daily digests whose period has ended by TIME (ISO 8601, UTC "
        "unless it names a zone) instead of by now; the end of this hour or day sends its digests early",
    )
    for command in sub.choices.values():
        command.add_argument("--owner", default=LOCAL_OWNER, help=f"owner key (default {LOCAL_OWNER})")
    alerts.set_defaults(run=cmd_alerts)
