"""A webhook's or a chat message's send ends within PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT however its receiver
answers: one that drips its answer a byte at a time (each within the timeout) once held the send for as long as
it liked, past the row's lease (another deliverer then sent it again) and, with a few such targets, every
sender of the worker."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
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
        backend = SQLiteBackend(path=alert_settings.sqlite_path)
        with AlertService.open(alert_settings, backend=backend) as service:
            service.create(owner="local", spec=SavedSearchSpec(kind="mention", entity="UK", **target))  # type: ignore[arg-type]
        backend.close()
        uk = doc("uk", "UK news", "The United Kingdom said so.", entities=(place("United Kingdom", "GB"),))
        assert index_and_match(alert_settings, [uk]) == 1
        started = time.monotonic()
        assert (
            deliver_once(
                Path(alert_settings.data_dir), as_of=time.time(), PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT="2"
            )
            == 1
        )
        took = time.monotonic() - started

    with SQLiteAlertStore(path=alert_settings.alerts_path) as store:
        [row] = store.deliveries()
    assert row.state == "pending"  # failed, to be retried
    assert row.channel == channel
    assert (row.last_error or "").startswith("timed out")
    assert took < DRIPS * 0.5, "the send waited for the whole drip"
