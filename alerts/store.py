"""The durable side of alerts, behind one protocol (`AlertStore`) with two implementations:

- `alerts.store_sqlite.SQLiteAlertStore`: one SQLite file in the data dir (`alerts.sqlite3`), the embedded
  default: one machine, any number of processes on it.
- `alerts.store_postgres.PostgresAlertStore`: PostgreSQL, chosen by `PRESSWATCH_DATABASE_URL` (cluster mode):
  matchers and deliverers on any number of machines.

Both keep the same records (what they query alike is written once, in `alerts.store_sql`), and one contract
suite (`tests/alerts/test_store_contract.py`) runs against both:

- saved searches (owner key, state, webhook secret), and a version that changes with each of their changes;
- pending matches: ids about to be indexed, written before the index write and removed once matched; a
  process killed between indexing and matching leaves them, and a delivery worker matches them later;
- fired: the reasons each (saved search, document) pair has fired for, one row per pair whose reasons only
  grow; a document fires again only for a reason not in it. It is written in the same transaction as the
  alert, its deliveries (the outbox) and the removal of the pending match, so an alert is recorded exactly
  when it is queued, whichever matcher (or matchers at once, on a redelivered batch) matched it;
- alerts (what the feed lists), deliveries (one row per channel: the outbox and its dead letters, claimed
  for a lease before each send), digests (the alerts of an hourly or daily search, gathered when their
  period ends), and one alert per story.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol, Self

from alerts.model import STORED, AlertPayload, Delivery, DigestPayload, SavedSearch, SavedSearchSpec
from presswatch.config import Settings


@dataclass(frozen=True, kw_only=True)
class NewAlert:
    """An alert to record: the pair, the reasons it fires for (all of them, old and new), and its channels."""

    search_id: str
    doc_id: str
    reasons: tuple[str, ...]
    payload: AlertPayload
    channels: tuple[tuple[str, str], ...]  # (channel, target)
    awaits_digest: bool = False  # sent in its search's next digest, not now (channels then unused)
    story_id: str | None = None  # set: a later copy of the story is added to this alert, not fired


@dataclass(frozen=True, kw_only=True)
class DueDelivery:
    id: int
    alert_id: int
    channel: str
    target: str
    attempts: int
    first_at: float
    payload: str  # an AlertPayload, or a DigestPayload when digest_id is set
    secret: str
    digest_id: int | None = None


class AlertStore(Protocol):
    """What the alerts service, the delivery worker and the API keep and ask for. Times are Unix seconds."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None, /
    ) -> None: ...

    # saved searches

    def add(self, search: SavedSearch) -> None: ...

    def searches(self, *, owner: str | None = None, active_only: bool = False) -> list[SavedSearch]: ...

    def searches_version(self) -> int:
        """Changes whenever a saved search is added, paused, resumed or removed (by any process)."""
        ...

    def get(self, search_id: str) -> SavedSearch | None: ...

    def set_paused(self, search_id: str, *, paused: bool) -> bool: ...

    def remove(self, search_id: str) -> bool:
        """The saved search with its alerts, deliveries, fired reasons and digests."""
        ...

    # matching

    def queue_for_matching(self, doc_ids: Iterable[str]) -> None: ...

    def pending_matches(
        self, *, doc_ids: Sequence[str] | None = None, older_than: float | None = None
    ) -> dict[str, float]:
        """Queued ids (with when they were queued): these ids, or those queued before `older_than`."""
        ...

    def fired_reasons(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]: ...

    def record(self, alerts: Sequence[NewAlert], *, matched: dict[str, float]) -> list[int]:
        """Record alerts with their outbox rows and fired reasons, and forget the matched pending ids, in one
        transaction; a pair whose reasons were all fired meanwhile (another matcher) is skipped. Returns
        the ids of the alerts recorded."""
        ...

    # digests

    def awaiting_digest(self) -> list[str]:
        """The saved searches with alerts waiting for their digest."""
        ...

    def queue_digest(
        self, search: SavedSearch, *, before: float, period: float, channels: Sequence[tuple[str, str]]
    ) -> int | None:
        """Gather the search's alerts that await a digest and fired before `before` (the end of the period)
        into one digest with an outbox row per channel, in one transaction: a crash leaves either all of them
        waiting or the digest queued, never a part. Returns the digest's id, or None when none waited."""
        ...

    # delivery

    def due(self, *, now: float, limit: int = 50, skip_targets: Collection[str] = ()) -> list[DueDelivery]:
        """Pending rows due by `now`, oldest first; none to `skip_targets` (those with enough in flight)."""
        ...

    def claim_many(self, delivery_ids: Sequence[int], *, now: float, lease: float) -> set[int]:
        """Take due deliveries for `lease` seconds, in one transaction; returns the ids this worker now holds.

        A worker killed mid-send leaves its rows due again once the lease ends. The retry window starts at
        the first attempt (a backlog does not eat into it)."""
        ...

    def finish_many(self, outcomes: Sequence[tuple[int, str | None, float | None]]) -> None:
        """Record attempts in one transaction: (id, None, _) delivered; (id, error, retry_at) failed, dead-
        lettered when retry_at is None."""
        ...

    def deliveries(
        self, *, owner: str | None = None, state: str | None = None, limit: int = 100
    ) -> list[Delivery]: ...

    def delivery_owner(self, delivery_id: int) -> str | None: ...

    def retry_dead(self, delivery_id: int) -> bool:
        """A dead letter back in the outbox, with a fresh retry window."""
        ...

    def alerts_of(self, search_id: str, *, limit: int = 50, before: int | None = None) -> list[AlertPayload]:
        """The newest `limit` alerts of a saved search, newest first; with `before`, those older than that alert."""
        ...

    def count_alerts(self, search_id: str) -> int:
        """How many alerts a saved search has fired in all (a page shows the latest and says how many more)."""
        ...

    # wake-ups

    def listen(self) -> threading.Event:
        """An event set whenever something becomes due in this store's outbox (as far as this store can
        hear: SQLite, from this process; PostgreSQL, from any process, by LISTEN/NOTIFY); `forget` it when
        done. Deliverers still poll for what they cannot hear."""
        ...

    def forget(self, event: threading.Event) -> None: ...


def open_alert_store(settings: Settings) -> AlertStore:
    """The store `settings` name: PostgreSQL when `PRESSWATCH_DATABASE_URL` is set, else the data dir's file."""
    if settings.database_dsn is not None:
        from alerts.store_postgres import PostgresAlertStore

        return PostgresAlertStore.open(settings)
    from alerts.store_sqlite import SQLiteAlertStore

    return SQLiteAlertStore(path=settings.alerts_path)


DELIVERY_OUTCOMES = ("pending", "delivered", "failed", "dead_lettered")
"""How `delivery_counts` names a delivery's state: queued and not yet tried; delivered; its last attempt
failed and it will be retried; given up (a dead letter)."""

OUTCOME_SQL = (
    "CASE WHEN state = 'delivered' THEN 'delivered' WHEN state = 'dead' THEN 'dead_lettered'"
    " WHEN last_error IS NOT NULL THEN 'failed' ELSE 'pending' END"
)
"""A delivery row's outcome as `DELIVERY_OUTCOMES` names it (the same SQL in both stores)."""


def delivery_counts(settings: Settings) -> dict[tuple[str, str], int]:
    """Deliveries by (channel, outcome), read in one query, without creating or changing anything (for
    metrics): no store yet is no deliveries. Deleting a saved search deletes its deliveries, and retrying a
    dead letter makes it pending again, so these are current counts, not running totals."""
    if settings.database_dsn is not None:
        from alerts.store_postgres import delivery_counts as counted
    else:
        from alerts.store_sqlite import delivery_counts as counted
    return counted(settings)


def search_from_row(row: Sequence[object]) -> SavedSearch:
    """A saved search from its row: (id, owner, spec JSON, secret, paused, created seconds)."""
    return SavedSearch(
        id=str(row[0]),
        owner=str(row[1]),
        spec=SavedSearchSpec.model_validate_json(str(row[2]), context=STORED),
        secret=str(row[3]),
        paused=bool(row[4]),
        created=datetime.fromtimestamp(float(row[5]), tz=UTC),  # type: ignore[arg-type]
    )


def search_columns(search: SavedSearch) -> tuple[str, str, str, str, bool, float]:
    """A saved search as its row (the order `search_from_row` reads)."""
    return (
        search.id,
        search.owner,
        search.spec.model_dump_json(),
        search.secret,
        search.paused,
        search.created.timestamp(),
    )


def with_outlet(fired_payload: str, new: NewAlert) -> str | None:
    """The payload of the alert a search fired for a story, with `new`'s document added as an outlet; None when
    it is listed already (each document once)."""
    fired = AlertPayload.model_validate_json(fired_payload)
    if any(o.doc_id == new.doc_id for o in fired.outlets):
        return None
    outlets = (*fired.outlets, *new.payload.outlets)
    return fired.model_copy(update={"outlets": outlets}).model_dump_json()


def digest_payload(
    search: SavedSearch,
    *,
    digest_id: int,
    alerts: Sequence[tuple[str, float]],
    before: float,
    period: float,
) -> str:
    """The digest of `alerts` ((payload JSON, created) in order) for the period that ended at `before`."""
    first = min(created for _, created in alerts)
    return DigestPayload(
        digest_id=digest_id,
        search_id=search.id,
        search_name=search.spec.name or search.spec.kind,
        period_start=datetime.fromtimestamp(min(first // period * period, before - period), tz=UTC),
        period_end=datetime.fromtimestamp(before, tz=UTC),
        alerts=tuple(AlertPayload.model_validate_json(payload) for payload, _ in alerts),
    ).model_dump_json()
