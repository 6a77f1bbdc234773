"""The quarantine queue: tasks that could not succeed, kept on the broker with their reason until an
operator replays them (`presswatch quarantine list|replay`) once the cause is mended.

Listing takes the messages without acknowledging them and closes the channel, so the broker keeps them all;
replaying sends each again to its own queue as a new task, then acknowledges the quarantined copy (a replay
killed in between sends a task twice, which the idempotent writes absorb).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crawlers.cluster.app import QUARANTINE_QUEUE, TASK_QUEUES
from crawlers.cluster.publisher import source_of

if TYPE_CHECKING:
    from celery import Celery
    from kombu.message import Message


class BrokerUnreachableError(RuntimeError):
    """The broker cannot be reached; the message names it with its password masked."""


@dataclass(frozen=True, kw_only=True)
class Quarantined:
    """One quarantined task: its id, task name, arguments, and why it was set aside."""

    id: str
    task: str
    args: list[Any]
    reason: str

    @property
    def sources(self) -> list[str]:
        """The sources it concerns (a crawl's source; an index batch's documents' sources)."""
        if self.args and isinstance(self.args[0], str):
            return [self.args[0]]
        batch = self.args[0] if self.args else []
        return sorted({source_of(m) for m in batch}) if isinstance(batch, list) else ["unknown"]


def _decode(message: Message) -> Quarantined:
    """The task a quarantined message holds. Anyone who can publish to the broker can put anything here, so
    only a JSON Celery task (protocol 2: `[args, kwargs, embed]`) is read; anything else is listed as
    unreadable, with no task, so it is never replayed (`replay` skips it) and stays for the operator."""
    headers = message.headers if isinstance(message.headers, dict) else {}
    task_id = str(headers.get("id", ""))
    try:
        body = message.body
        if message.content_type != "application/json":
            raise ValueError(f"content type {message.content_type!r}, not JSON")
        args, kwargs, _ = json.loads(body) if isinstance(body, (bytes, str)) else body
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise ValueError("not a Celery task's [args, kwargs, embed]")
    except (ValueError, TypeError) as exc:  # JSON and UTF-8 decoding errors are ValueErrors
        return Quarantined(id=task_id, task="", args=[], reason=f"unreadable message: {exc}"[:300])
    return Quarantined(
        id=task_id,
        task=str(headers.get("task", "")),
        args=args,
        reason=str(kwargs.get("quarantined", "")),
    )


@contextmanager
def _taken(app: Celery, *, limit: int) -> Iterator[list[Message]]:
    """Up to `limit` quarantined messages, unacknowledged: whatever is not acked goes back when the
    channel closes."""
    from kombu.entity import Queue
    from kombu.exceptions import OperationalError

    with app.connection_for_write() as connection:
        try:
            connection.ensure_connection(max_retries=1)
        except OperationalError as exc:  # kombu's error for a refused, timed-out or denied connection
            raise BrokerUnreachableError(f"cannot reach the broker at {connection.as_uri()}: {exc}") from None
        channel = connection.channel()
        try:
            queue = Queue(QUARANTINE_QUEUE, durable=True)(channel)
            queue.declare()
            taken: list[Message] = []
            while len(taken) < limit and (message := queue.get(no_ack=False)) is not None:
                taken.append(message)
            yield taken
        finally:
            channel.close()


def list_quarantined(app: Celery, *, limit: int = 10_000) -> list[Quarantined]:
    with _taken(app, limit=limit) as messages:
        return [_decode(m) for m in messages]


def replay(app: Celery, *, ids: Collection[str] | None = None, limit: int = 10_000) -> list[Quarantined]:
    """Send quarantined tasks (all, or those of `ids`) to their queues again; the ones replayed."""
    replayed: list[Quarantined] = []
    with _taken(app, limit=limit) as messages:
        for message in messages:
            entry = _decode(message)
            if ids is not None and entry.id not in ids:
                continue
            if entry.task in TASK_QUEUES:
                app.send_task(entry.task, args=entry.args, queue=TASK_QUEUES[entry.task])
                message.ack()
                replayed.append(entry)
    return replayed
