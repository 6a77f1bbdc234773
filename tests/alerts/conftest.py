"""Alerts fixtures: a backend per search backend, a real webhook receiver and a real SMTP server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from alerts.service import AlertService
from alerts.store import AlertStore
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
        store=AlertStore(path=alert_settings.alerts_path), backend=backend, allow_private_networks=True
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


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with state.lock:
                state.attempts += 1
                failing = state.attempts <= state.fail_first
            if state.hold is not None:
                state.in_flight.set()
                state.hold.wait(timeout=30)
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
