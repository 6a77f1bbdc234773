"""Alerts fixtures: a backend per search backend, a real webhook receiver and a real SMTP server on loopback."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope, Session

from alerts.service import AlertService
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from search.base import SearchBackend

BACKENDS = ["sqlite", "elasticsearch"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchBackend]:
    """An empty backend of each kind (Elasticsearch: the session's real server, a fresh alias)."""
    if request.param == "elasticsearch":
        elastic: SearchBackend = request.getfixturevalue("elastic_backend")
        yield elastic
        return
    from search.sqlite import SQLiteBackend

    opened = SQLiteBackend(path=tmp_path / "index.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def alert_settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        alerts_allow_private_networks=True,  # the receivers are on loopback
        alerts_retry_base=0.05,
        alerts_retry_max=0.2,
        alerts_poll_interval=0.05,
        alerts_webhook_timeout=2.0,
    )


@pytest.fixture
def service(backend: SearchBackend, alert_settings: Settings) -> Iterator[AlertService]:
    with AlertService(
        store=SQLiteAlertStore(path=alert_settings.alerts_path), backend=backend, allow_private_networks=True
    ) as opened:
        yield opened


@dataclass
class Received:
    body: bytes
    headers: dict[str, str]

    def json(self) -> dict[str, object]:
        loaded: dict[str, object] = json.loads(self.body)
        return loaded


@dataclass
class Receiver:
    """A webhook endpoint that answers 503 to its first `fail_first` requests, then 204."""

    url: str = ""
    fail_first: int = 0
    attempts: int = 0
    accepted: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    hold: threading.Event | None = None  # set: requests wait for it before answering (a request in flight)
    in_flight: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def receiving() -> Iterator[Receiver]:
    """A real webhook receiver on a free loopback port, for as long as the context lasts."""
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with state.lock:
                state.attempts += 1
                failing = state.attempts <= state.fail_first
            hold = state.hold
            if hold is not None:
                state.in_flight.set()
                hold.wait(timeout=30)
                return  # never answered: the sender died (or gave up) before a 2xx
            if failing:
                self.send_response(503)
                self.end_headers()
                return
            with state.lock:
                state.accepted.append(Received(body=body, headers=dict(self.headers.items())))
            self.send_response(204)
            self.end_headers()
            state.arrived.set()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
    server.request_queue_size = 64  # socketserver's 5 drops the worker's 8 concurrent SYNs (a 1 s retry)
    server.server_bind()
    server.server_activate()
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield state
    finally:
        if state.hold is not None:
            state.hold.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving() as state:
        yield state


class Inbox:
    """What a real SMTP server (aiosmtpd) on loopback received: (envelope, raw message) pairs."""

    def __init__(self) -> None:
        self.messages: list[tuple[Envelope, bytes]] = []
        self.port = 0

    async def handle_DATA(self, server: object, session: Session, envelope: Envelope) -> str:  # noqa: N802
        self.messages.append((envelope, bytes(envelope.content or b"")))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:  # aiosmtpd connects to its own port at start: it needs a real one
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_inbox() -> Iterator[Inbox]:
    """A plain SMTP server on loopback (no STARTTLS: set PRESSWATCH_SMTP_STARTTLS=false)."""
    inbox = Inbox()
    inbox.port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
