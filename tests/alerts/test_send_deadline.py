"""A webhook's, a chat message's or an e-mail's send ends within PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT however its
receiver answers: one that drips its answer a byte at a time (each within the timeout), answers each SMTP phase
just within it, or stalls its TLS handshake (a chat URL's own `?cto=` connect timeout) once held the send for
as long as it liked, past the row's lease (another deliverer then sent it again) and, with a few such targets,
every sender of the worker."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope, Session

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Inbox, free_port
from tests.alerts.helpers import doc, index_and_match, place
from tests.alerts.serving import deliver_once

DRIPS = 40  # bytes of the answer's body, one every half second: 20 s in all, ten times the timeout


@contextmanager
def dripping_receiver() -> Iterator[str]:
    """A webhook receiver that answers 200 at once, then its body one byte every half second."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def answer() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {DRIPS}\r\n\r\n".encode())
                for _ in range(DRIPS):
                    time.sleep(0.5)
                    try:
                        connection.sendall(b".")
                    except OSError:  # the sender gave up
                        break

    threading.Thread(target=answer, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.getsockname()[1]}/hook"
    finally:
        server.close()


def _one_alert(settings: Settings, **target: object) -> None:
    """A saved search with `target`, and one document it matches, queued for delivery."""
    backend = SQLiteBackend(path=settings.sqlite_path)
    with AlertService.open(settings, backend=backend) as service:
        service.create(owner="local", spec=SavedSearchSpec(kind="mention", entity="UK", **target))  # type: ignore[arg-type]
    backend.close()
    uk = doc("uk", "UK news", "The United Kingdom said so.", entities=(place("United Kingdom", "GB"),))
    assert index_and_match(settings, [uk]) == 1


def _timed_delivery(settings: Settings, **env: str) -> float:
    """`presswatch alerts deliver --once` with a 2 s timeout; the seconds it took."""
    started = time.monotonic()
    attempted = deliver_once(
        Path(settings.data_dir), as_of=time.time(), PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT="2", **env
    )
    assert attempted == 1
    return time.monotonic() - started


def _timed_out_row(settings: Settings, channel: str) -> None:
    with SQLiteAlertStore(path=settings.alerts_path) as store:
        [row] = store.deliveries()
    assert row.state == "pending"  # failed, to be retried
    assert row.channel == channel
    assert (row.last_error or "").startswith("timed out"), row.last_error


@pytest.mark.parametrize("channel", ["webhook", "chat"])
def test_a_receiver_dripping_its_answer_fails_the_send_at_the_timeout(
    alert_settings: Settings, channel: str
) -> None:
    with dripping_receiver() as address:
        target = (
            {"webhook_url": f"http://{address}"}
            if channel == "webhook"
            else {"apprise_urls": (f"json://{address}",)}
        )
        _one_alert(alert_settings, **target)
        took = _timed_delivery(alert_settings)

    _timed_out_row(alert_settings, channel)
    assert took < DRIPS * 0.5, "the send waited for the whole drip"


PHASE = 1.5  # seconds an SMTP server takes over each answer: within the 2 s timeout, four of them past it


class _SlowInbox(Inbox):
    """A real SMTP server (aiosmtpd) that thinks over each answer (EHLO, MAIL, RCPT, DATA) for PHASE seconds."""

    async def handle_EHLO(  # noqa: N802
        self, server: object, session: Session, envelope: Envelope, hostname: str, responses: list[str]
    ) -> list[str]:
        await asyncio.sleep(PHASE)
        session.host_name = hostname
        return responses

    async def handle_MAIL(  # noqa: N802
        self, server: object, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        await asyncio.sleep(PHASE)
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(  # noqa: N802
        self, server: object, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        await asyncio.sleep(PHASE)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: object, session: Session, envelope: Envelope) -> str:  # noqa: N802
        await asyncio.sleep(PHASE)
        return await super().handle_DATA(server, session, envelope)


def _deliver_by_email(alert_settings: Settings, inbox: Inbox) -> None:
    """One alert to an e-mail address, delivered by `presswatch alerts deliver` through `inbox` on loopback."""
    inbox.port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        _one_alert(alert_settings, email="press@example.test")
        _timed_delivery(
            alert_settings,
            PRESSWATCH_SMTP_HOST="127.0.0.1",
            PRESSWATCH_SMTP_PORT=str(inbox.port),
            PRESSWATCH_SMTP_STARTTLS="false",
        )
    finally:
        controller.stop()


def test_an_smtp_server_answering_each_phase_slowly_fails_the_send_at_the_timeout(
    alert_settings: Settings,
) -> None:
    inbox = _SlowInbox()
    _deliver_by_email(alert_settings, inbox)

    _timed_out_row(alert_settings, "email")
    assert not inbox.messages, "the message went through: the send outlasted its timeout"


class _GrumpyInbox(Inbox):
    """A real SMTP server that takes the message, then answers QUIT with an error."""

    async def handle_QUIT(self, server: object, session: Session, envelope: Envelope) -> str:  # noqa: N802
        return "421 closing anyway"


def test_a_message_the_smtp_server_took_is_sent_whatever_it_answers_to_quit(alert_settings: Settings) -> None:
    """Once the server has taken the message, a retry would only send a second copy."""
    inbox = _GrumpyInbox()
    _deliver_by_email(alert_settings, inbox)

    assert len(inbox.messages) == 1
    with SQLiteAlertStore(path=alert_settings.alerts_path) as store:
        [row] = store.deliveries()
    assert (row.state, row.last_error) == ("delivered", None)


@contextmanager
def stalling_tls_server() -> Iterator[int]:
    """A server that takes a TLS client's hello and never answers it (a handshake that never ends); its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []

    def hold() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            connection.recv(65536)
            held.append(connection)

    threading.Thread(target=hold, daemon=True).start()
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()
        for connection in held:
            connection.close()


def test_a_chat_service_stalling_its_tls_handshake_fails_the_send_at_the_timeout(
    alert_settings: Settings,
) -> None:
    """Apprise's connect timeout is the URL's to set (`cto`), and the TLS handshake is part of the connect."""
    stall = 20.0
    with stalling_tls_server() as port:
        _one_alert(alert_settings, apprise_urls=(f"jsons://127.0.0.1:{port}/hook?verify=no&cto={stall:g}",))
        took = _timed_delivery(alert_settings)

    _timed_out_row(alert_settings, "chat")
    assert took < stall, "the send waited for the handshake's own timeout"
