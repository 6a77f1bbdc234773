"""The delivery worker: sends each due outbox row (webhook, chat through Apprise, `alerts.chat`, or e-mail,
`alerts.mail`), retries failures with
exponential backoff and jitter for `alerts_retry_for` seconds, then dead-letters them.

Where it runs: in a background thread of `presswatch serve` (unless PRESSWATCH_ALERTS_DELIVER_IN_SERVE=false)
and as `presswatch alerts deliver` on its own. The crawl and `presswatch ingest` only match and queue (they are
short-lived); any number of workers may run at once, since each row is claimed for a lease before it is sent.

Each row is its own: it is claimed when a sender is free to start it, and its outcome is recorded the moment
its send ends, so a receiver that hangs holds up only its own row, and a row that cannot be sent (a refused
target, a message that cannot be built) is dead-lettered alone. A worker killed mid-send leaves only the rows
in flight due again when their lease ends: a receiver that had answered 2xx just before the kill may see
that alert twice, and can dedupe by `X-Presswatch-Alert`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import smtplib
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from alerts.chat import chat_body, chat_title, digest_body, digest_title, room_for, send_chat, shown
from alerts.mail import alert_message, digest_message
from alerts.mail_send import send_mail
from alerts.model import AlertPayload, DigestPayload, SavedSearch
from alerts.send_deadline import deadline_transport, within
from alerts.service import AlertService, channels_of
from alerts.store import AlertStore, DueDelivery
from alerts.targets import check_webhook_url, checked_addresses, private_address_refused
from presswatch.config import Settings

logger = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Presswatch-Signature"
SENDERS = 8  # deliveries in flight at once (one slow receiver does not hold up the others)
PER_TARGET = 2  # of them to one webhook or address: a hanging receiver with many alerts holds only these
BATCH = 64  # rows claimed per round


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + body>`: a receiver recomputes it and checks the age."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(*, secret: str, header: str, body: bytes) -> bool:
    """The receiver's check (used by the tests, and a reference for receivers)."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    return hmac.compare_digest(sign(secret=secret, timestamp=timestamp, body=body), header)


def backoff(attempts: int, *, base: float, cap: float) -> float:
    """Seconds before the next try after `attempts` failures: exponential, capped, with full jitter on half."""
    delay = min(cap, base * 2.0 ** max(0, attempts - 1))
    jitter: float = random.uniform(0, delay / 2)
    return delay / 2 + jitter


def lease_seconds(timeout: float) -> float:
    """How long a claimed row is another worker's: longer than one send can take, or a second worker would
    send a row whose first send has not ended. Every send ends within `timeout` (`alerts.send_deadline`,
    `alerts.socket_deadline`) once its target's name is resolved, which no deadline can cut; the rest is
    that lookup's and the record's room."""
    return 4 * timeout + 5.0


class DeliveryError(RuntimeError):
    """One attempt failed; the message says why (kept as the row's last error)."""


class DeliveryWorker:
    """Sends due outbox rows, up to SENDERS at once; each send records its own outcome as soon as it ends.

    Rows are claimed only when a sender is free to start them, so a claimed row is a send in flight: a
    receiver that hangs until the timeout holds one sender and its own row, never the others' records, and
    a crash repeats only the sends that were in flight. At most PER_TARGET sends go to one target at once,
    so a hanging receiver with a backlog of alerts cannot take every sender.
    """

    def __init__(
        self, *, service: AlertService, settings: Settings, clock: Callable[[], float] = time.time
    ) -> None:
        self.service = service
        self._clock = clock  # when digests' periods end (`alerts deliver --once --as-of` moves it)
        self.store: AlertStore = service.store
        self.settings = settings
        self._client = webhook_client(settings)
        self._stop = threading.Event()
        self._wake = self.store.listen()  # rung when an alert is queued (see AlertStore.listen)
        self._pool = ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="alert-send")
        self._in_flight: dict[Future[None], DueDelivery] = {}  # each send and its row
        self._in_flight_lock = threading.Lock()

    def close(self) -> None:
        self.store.forget(self._wake)
        self._pool.shutdown(wait=True)  # sends in flight finish and record themselves
        self._client.close()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run(self) -> None:
        """Deliver until `stop()`: catch up on unmatched ids, start what is due while senders are free, and
        wait for this process to queue an alert, a send to end, or the poll interval (what other processes
        queue)."""
        while not self._stop.is_set():
            self._wake.clear()  # before the round: an alert queued during it rings for the next one
            try:
                started = self._start_due(limit=SENDERS)
            except Exception:  # a broken store or backend must not end the worker: log, wait, try again
                logger.exception("alert delivery round failed")
                started = 0
            if not started:
                self._wake.wait(self.settings.alerts_poll_interval)

    def run_once(self) -> int:
        """Send the rows due now (up to BATCH, SENDERS at a time) and wait for them. Returns the rows
        attempted."""
        attempted = 0
        while attempted < BATCH:
            started = self._start_due(limit=min(SENDERS, BATCH - attempted))
            attempted += started
            with self._in_flight_lock:
                running = set(self._in_flight)
            if not running:
                if not started:
                    break
                continue
            wait(running, return_when=FIRST_COMPLETED)
        with self._in_flight_lock:
            running = set(self._in_flight)
        wait(running)
        return attempted

    def _start_due(self, *, limit: int) -> int:
        """Match ids a crashed indexer left, queue the digests whose period has ended, then claim and start
        due rows for the free senders."""
        self.service.match_pending()
        self.service.close_digests(now=self._clock())
        with self._in_flight_lock:
            free = min(limit, SENDERS - len(self._in_flight))
            busy = Counter(row.target for row in self._in_flight.values())
            sending = {row.id for row in self._in_flight.values()}
        if free <= 0:
            return 0
        now = time.time()
        full = {target for target, count in busy.items() if count >= PER_TARGET}
        due: list[DueDelivery] = []
        for row in self.store.due(now=now, limit=BATCH, skip_targets=full):
            # A row still in flight here is never started twice, even once its lease has run out.
            if len(due) < free and busy[row.target] < PER_TARGET and row.id not in sending:
                busy[row.target] += 1
                due.append(row)
        if not due:
            return 0
        lease = lease_seconds(self.settings.alerts_webhook_timeout)
        taken = self.store.claim_many([d.id for d in due], now=now, lease=lease)  # others: another worker's
        mine = [d if d.attempts else replace(d, first_at=now) for d in due if d.id in taken]
        for row in mine:
            future = self._pool.submit(self._deliver, row)
            with self._in_flight_lock:
                self._in_flight[future] = row
            future.add_done_callback(self._done)
        return len(mine)

    def _done(self, future: Future[None]) -> None:
        with self._in_flight_lock:
            self._in_flight.pop(future, None)
        self._wake.set()  # a sender is free: start what waits

    def _deliver(self, due: DueDelivery) -> None:
        """One send, recorded on its own row the moment it ends."""
        outcome = self._attempt(due)
        try:
            self.store.finish_many([outcome])
        except Exception:  # the row stays claimed; it is due again when its lease ends
            logger.exception("could not record delivery %d", due.id)

    def _attempt(self, due: DueDelivery) -> tuple[int, str | None, float | None]:
        """(id, None, None) when delivered; else (id, error, when to retry or None to dead-letter).

        Network and receiver failures are retried until `alerts_retry_for` has passed; anything else (a
        refused target, a message that cannot be built) would fail the same way again, so it is
        dead-lettered at once, on its own row: one bad alert never holds up the others.
        """
        try:
            send(due, settings=self.settings, client=self._client)
        except (DeliveryError, OSError, httpx.HTTPError, smtplib.SMTPException) as exc:
            error = str(exc) or exc.__class__.__name__
            if time.time() - due.first_at >= self.settings.alerts_retry_for:
                logger.warning("alert %d to %s dead-lettered: %s", due.alert_id, _logged(due), error)
                return due.id, error, None
            settings = self.settings
            delay = backoff(due.attempts + 1, base=settings.alerts_retry_base, cap=settings.alerts_retry_max)
            return due.id, error, time.time() + delay
        except Exception as exc:  # TargetRefusedError, or a bug this alert's data trips: set it aside
            error = str(exc) or exc.__class__.__name__
            logger.warning("alert %d to %s dead-lettered: %s", due.alert_id, _logged(due), error)
            return due.id, error, None
        return due.id, None, None


def _logged(due: DueDelivery) -> str:
    """A target as the log shows it: a chat URL's tokens masked, a webhook's host and port only (its password,
    path and query are often its credential: a Slack or Discord hook's token is its path). Its owner reads it
    whole in the dead letters."""
    if due.channel == "chat":
        return shown(due.target)
    if due.channel == "webhook":
        url = urlsplit(due.target)
        port = f":{url.port}" if url.port else ""
        host = f"[{url.hostname}]" if url.hostname and ":" in url.hostname else url.hostname
        return f"{url.scheme}://{host}{port}/…"
    return due.target


def webhook_client(settings: Settings) -> httpx.Client:
    """The HTTP client webhooks are posted with: no redirects, and no proxy from the environment
    (`trust_env=False`: HTTP(S)_PROXY, ALL_PROXY, NO_PROXY, .netrc). Through a proxy, the proxy would resolve the
    host and connect where `checked_addresses` cannot see, so a refused address could be reached anyway."""
    return httpx.Client(
        timeout=settings.alerts_webhook_timeout,
        follow_redirects=False,
        trust_env=False,
        transport=deadline_transport(),  # the whole send bounded (`_post`), not each read on its own
    )


def send(due: DueDelivery, *, settings: Settings, client: httpx.Client) -> None:
    """One attempt of one row: a signed webhook POST, a chat message (Apprise) or an e-mail. Raises on failure."""
    if due.channel == "webhook":
        _post(due, settings=settings, client=client)
    elif due.channel == "chat":
        _chat(due, settings=settings)
    else:
        _mail(due, settings=settings)


def _post(due: DueDelivery, *, settings: Settings, client: httpx.Client) -> None:
    check_webhook_url(due.target, allow_private_networks=settings.alerts_allow_private_networks)
    body = json.dumps(json.loads(due.payload), ensure_ascii=False, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": settings.user_agent,
        SIGNATURE_HEADER: sign(secret=due.secret, timestamp=int(time.time()), body=body),
        "X-Presswatch-Alert": str(due.alert_id),
    }
    if due.digest_id is not None:  # the body is a DigestPayload; X-Presswatch-Alert names its last alert
        headers["X-Presswatch-Digest"] = str(due.digest_id)
    timeout = settings.alerts_webhook_timeout
    with within(timeout), checked_addresses(enabled=not settings.alerts_allow_private_networks) as refused:
        try:
            response = client.post(due.target, content=body, headers=headers)
        except httpx.TransportError:
            if not refused:
                raise
    if refused:  # the name re-pointed to a private address after the check above (DNS rebinding)
        raise private_address_refused(f"webhook host {urlsplit(due.target).hostname}", refused[0])
    if response.is_redirect:  # named, or its owner reads a bare 301 and wonders; its host only (logs read it)
        try:
            elsewhere = urlsplit(urljoin(due.target, response.headers["Location"])).hostname or "?"
        except ValueError:  # a Location no parser reads ("http://[::1")
            elsewhere = "?"
        raise DeliveryError(
            f"webhook answered {response.status_code}, a redirect to {elsewhere}: presswatch does not follow"
            " redirects (the address it would reach is not checked), so save the URL it points to"
        )
    if not response.is_success:
        raise DeliveryError(f"webhook answered {response.status_code}")


def _chat(due: DueDelivery, *, settings: Settings) -> None:
    if due.digest_id is not None:
        digest = DigestPayload.model_validate_json(due.payload)
        title = digest_title(digest)
        body = digest_body(digest, site_url=settings.base_url, room=room_for(due.target, title=title))
    else:
        payload = AlertPayload.model_validate_json(due.payload)
        title, body = chat_title(payload), chat_body(payload, site_url=settings.base_url)
    send_chat(
        due.target,
        title=title,
        body=body,
        allow_private_networks=settings.alerts_allow_private_networks,
        timeout=settings.alerts_webhook_timeout,
    )


def _mail(due: DueDelivery, *, settings: Settings) -> None:
    if not settings.smtp_host:
        raise DeliveryError("no SMTP server configured (PRESSWATCH_SMTP_HOST)")
    manage_url = f"{settings.base_url}/ui/alerts"
    if due.digest_id is not None:
        message = digest_message(
            DigestPayload.model_validate_json(due.payload),
            sender=settings.smtp_from,
            recipient=due.target,
            manage_url=manage_url,
        )
    else:
        message = alert_message(
            AlertPayload.model_validate_json(due.payload),
            sender=settings.smtp_from,
            recipient=due.target,
            manage_url=manage_url,
        )
    send_mail(message, settings=settings)


@dataclass(frozen=True, kw_only=True)
class SampleSent:
    """How a test alert to one target went: `error` is None when it was accepted."""

    channel: str
    target: str
    error: str | None


def send_test(search: SavedSearch, *, settings: Settings) -> list[SampleSent]:
    """Send a sample alert (alert id 0, signed with the search's secret) to each of the search's targets now,
    outside the outbox, so its owner can check a webhook or an address. Nothing is recorded or retried."""
    now = datetime.now(UTC)
    payload = AlertPayload(
        alert_id=0,
        search_id=search.id,
        search_name=search.spec.name or search.spec.kind,
        doc_id="test",
        url=f"{settings.base_url}/ui/alerts",
        title="presswatch test alert",
        source="presswatch",
        kind="statement",
        published=now,
        summary="A test alert: this target receives the alerts of this saved search.",
        reasons=("test",),
        matched_at=now,
    )
    results: list[SampleSent] = []
    with webhook_client(settings) as client:
        for channel, target in channels_of(search.spec):
            due = DueDelivery(
                id=0, alert_id=0, channel=channel, target=target, attempts=0, first_at=now.timestamp(),
                payload=payload.model_dump_json(), secret=search.secret,
            )  # fmt: skip
            try:
                send(due, settings=settings, client=client)
            except Exception as exc:  # reported to the user, who asked for exactly this answer
                results.append(
                    SampleSent(channel=channel, target=target, error=str(exc) or type(exc).__name__)
                )
                continue
            results.append(SampleSent(channel=channel, target=target, error=None))
    return results
