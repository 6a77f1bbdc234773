"""What both alerts stores run alike (their reads, and the outcomes of sends), written once.

The SQL is SQLite's dialect: `?` placeholders and tables by their bare names. The PostgreSQL store runs it with
each `?` as `%s` and its `alerts` schema first on the search path (`alerts.store_postgres`). What differs
between them (matching, claims, digests: their locking) each store writes for itself.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from typing import Any, Protocol

from alerts.model import AlertPayload, Delivery, SavedSearch
from alerts.store import DueDelivery, NewAlert, search_columns, search_from_row, with_outlet

DUE_COLUMNS = (
    "d.id AS id, d.alert_id AS alert_id, d.channel AS channel, d.target AS target, d.attempts AS attempts,"
    " d.first_at AS first_at, coalesce(g.payload, a.payload) AS payload, s.secret AS secret,"
    " d.digest_id AS digest_id"
)
LISTED_COLUMNS = (
    "d.id AS id, d.alert_id AS alert_id, a.search_id AS search_id, d.channel AS channel, d.target AS target,"
    " d.state AS state, d.attempts AS attempts, d.last_error AS last_error, d.attempted_at AS attempted_at,"
    " coalesce({doc_id}, '') AS doc_id, coalesce({title}, '') AS title, coalesce({url}, '') AS url"
)
"""A delivery as `Delivery` has it; `{doc_id}`, `{title}` and `{url}` are the dialect's reads of `a.payload`."""
_SEARCH = "SELECT id, owner, spec, secret, paused, created FROM saved_search"
BUMP = "UPDATE meta SET value = value + 1 WHERE key = 'searches_version'"
"""Any change of the saved searches (`AlertStore.searches_version`)."""


class RecordSteps(Protocol):
    """One store's statements for `record_alerts`, inside its transaction and with its own locking."""

    def search_exists(self, search_id: str) -> bool: ...

    def fired(self, new: NewAlert) -> set[str]:
        """The reasons `new`'s pair has fired for (the pair held until the transaction ends, where it must)."""
        ...

    def set_fired(self, new: NewAlert, reasons: list[str]) -> None: ...

    def story_alert(self, new: NewAlert) -> tuple[int, str] | None:
        """The alert (id, payload) `new`'s search fired for its story, if any."""
        ...

    def insert_alert(self, new: NewAlert, now: float) -> int: ...

    def set_payload(self, alert_id: int, payload: str) -> None: ...

    def link_story(self, new: NewAlert, alert_id: int) -> None: ...

    def insert_deliveries(self, alert_id: int, channels: Sequence[tuple[str, str]], now: float) -> None: ...


def record_alerts(steps: RecordSteps, alerts: Sequence[NewAlert]) -> list[int]:
    """What `AlertStore.record` decides for each alert, the same in both stores: skip a deleted search or
    reasons the pair has all fired for; add a later copy of a story, matched for the first time, to the alert
    its search fired for the story; otherwise an alert with its outbox rows; the pair's reasons grown either
    way. Returns the alert ids."""
    recorded: list[int] = []
    now = time.time()
    for new in alerts:
        if not steps.search_exists(new.search_id):
            continue  # deleted while it was being matched
        before = steps.fired(new)
        if set(new.reasons) <= before:
            continue  # fired already (by another matcher, or this batch before it was redelivered)
        reasons = sorted(before | set(new.reasons))
        # The story rule is for copies arriving: a document this search matched before (its own alert, or an
        # outlet of the story's) that now has a reason new to it, an agreement planned and then signed, is news
        # of its own and fires, as a pair does without a story.
        first_match = not before
        fired = steps.story_alert(new) if new.story_id is not None and first_match else None
        if fired is not None:  # a copy of a story this search has fired for: listed in that alert
            payload = with_outlet(fired[1], new)
            if payload is not None:
                steps.set_payload(fired[0], payload)
            steps.set_fired(new, reasons)
            continue
        alert_id = steps.insert_alert(new, now)
        steps.set_payload(alert_id, new.payload.model_copy(update={"alert_id": alert_id}).model_dump_json())
        if new.story_id is not None:
            steps.link_story(new, alert_id)
        if not new.awaits_digest and new.channels:
            steps.insert_deliveries(alert_id, new.channels, now)
        steps.set_fired(new, reasons)
        recorded.append(alert_id)
    return recorded


class SharedQueries:
    """Mixed into each store, which gives `_read` (one query's rows, by column name) and `_run` (statements in
    one transaction), and `listed_columns` (LISTED_COLUMNS in its dialect)."""

    listed_columns: str

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _run(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[int]:
        """The statements in one transaction; how many rows each changed."""
        raise NotImplementedError

    # saved searches

    def add(self, search: SavedSearch) -> None:
        self._run(
            [
                (
                    "INSERT INTO saved_search (id, owner, spec, secret, paused, created) VALUES (?, ?, ?, ?, ?, ?)",
                    search_columns(search),
                ),
                (BUMP, ()),
            ]
        )

    def set_paused(self, search_id: str, *, paused: bool) -> bool:
        changed = self._run(
            [(BUMP, ()), ("UPDATE saved_search SET paused = ? WHERE id = ?", (paused, search_id))]
        )
        return changed[1] == 1

    def searches(self, *, owner: str | None = None, active_only: bool = False) -> list[SavedSearch]:
        where, params = [], []
        if owner is not None:
            where.append("owner = ?")
            params.append(owner)
        if active_only:
            where.append("NOT paused")
        sql = _SEARCH + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY created, id"
        return [search_from_row(list(row.values())) for row in self._read(sql, params)]

    def searches_version(self) -> int:
        [row] = self._read("SELECT value FROM meta WHERE key = 'searches_version'")
        return int(row["value"])

    def get(self, search_id: str) -> SavedSearch | None:
        rows = self._read(_SEARCH + " WHERE id = ?", (search_id,))
        return search_from_row(list(rows[0].values())) if rows else None

    # alerts and digests

    def alerts_of(self, search_id: str, *, limit: int = 50, before: int | None = None) -> list[AlertPayload]:
        older = " AND id < ?" if before is not None else ""
        params = (search_id, before, limit) if before is not None else (search_id, limit)
        rows = self._read(
            f"SELECT payload FROM alert WHERE search_id = ?{older} ORDER BY id DESC LIMIT ?", params
        )
        return [AlertPayload.model_validate_json(row["payload"]) for row in rows]

    def count_alerts(self, search_id: str) -> int:
        [row] = self._read("SELECT count(*) AS n FROM alert WHERE search_id = ?", (search_id,))
        return int(row["n"])

    def awaiting_digest(self) -> list[str]:
        return [
            str(row["search_id"])
            for row in self._read("SELECT DISTINCT search_id FROM alert WHERE awaits_digest")
        ]

    # deliveries

    def due(self, *, now: float, limit: int = 50, skip_targets: Collection[str] = ()) -> list[DueDelivery]:
        skipped = sorted(skip_targets)
        rows = self._deliveries(
            DUE_COLUMNS,
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
        return self._read(
            f"SELECT {columns} FROM delivery d JOIN alert a ON a.id = d.alert_id"
            " LEFT JOIN digest g ON g.id = d.digest_id"
            f" JOIN saved_search s ON s.id = a.search_id WHERE {' AND '.join(where) or '1 = 1'}"
            f" ORDER BY {order} LIMIT ?",
            (*params, limit),
        )

    def finish_many(self, outcomes: Sequence[tuple[int, str | None, float | None]]) -> None:
        now = time.time()
        statements: list[tuple[str, Sequence[object]]] = []
        for delivery_id, error, retry_at in outcomes:
            if error is None:
                statements.append(
                    (
                        "UPDATE delivery SET state = 'delivered', delivered_at = ?, attempted_at = ?,"
                        " last_error = NULL WHERE id = ?",
                        (now, now, delivery_id),
                    )
                )
            elif retry_at is None:
                statements.append(
                    (
                        "UPDATE delivery SET state = 'dead', last_error = ?, attempted_at = ? WHERE id = ?",
                        (error, now, delivery_id),
                    )
                )
            else:
                statements.append(
                    (
                        "UPDATE delivery SET next_at = ?, last_error = ?, attempted_at = ? WHERE id = ?",
                        (retry_at, error, now, delivery_id),
                    )
                )
        self._run(statements)

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
        rows = self._deliveries(
            self.listed_columns, where=where, params=params, order="d.id DESC", limit=limit
        )
        return [Delivery(**row) for row in rows]

    def delivery_owner(self, delivery_id: int) -> str | None:
        rows = self._deliveries(
            "s.owner AS owner", where=["d.id = ?"], params=[delivery_id], order="d.id", limit=1
        )
        return str(rows[0]["owner"]) if rows else None
