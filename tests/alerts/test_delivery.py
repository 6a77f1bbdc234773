"""Delivery over real loopback servers: a webhook receiver that fails first, an SMTP server (aiosmtpd)."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from alerts.delivery import SIGNATURE_HEADER, DeliveryWorker, verify
from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from alerts.store_sqlite import SQLiteAlertStore
from alerts.targets import TargetRefusedError
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Inbox, Receiver, free_port
from tests.alerts.helpers import doc, ingest, place

UK = doc("uk", "A UK statement", "The United Kingdom said so.", entities=(place("United Kingdom", "GB"),))


@pytest.fixture
def sqlite_service(alert_settings: Settings) -> Iterator[AlertService]:
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        yield service
    backend.close()


def deliver_until(worker: DeliveryWorker, done: object, *, rounds: int = 200) -> None:
    """Run worker rounds (bounded) until `done()` holds."""
    for _ in range(rounds):
        worker.run_once()
        if done():  # type: ignore[operator]
            return
        time.sleep(0.02)


def test_webhook_retries_then_delivers_exactly_once_signed(
    sqlite_service: AlertService, alert_settings: Settings, receiver: Receiver
) -> None:
    receiver.fail_first = 2
    saved = sqlite_service.create(
        owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url)
    )
    ingest(sqlite_service, sqlite_service.backend, [UK])
    worker = DeliveryWorker(service=sqlite_service, settings=alert_settings)
    deliver_until(worker, lambda: receiver.accepted)
    for _ in range(20):  # more rounds, and a re-ingest, send nothing more
        worker.run_once()
    ingest(sqlite_service, sqlite_service.backend, [UK])
    worker.run_once()
    worker.close()
    assert receiver.attempts == 3
    [got] = receiver.accepted
    assert verify(secret=saved.secret, header=got.headers[SIGNATURE_HEADER], body=got.body)
    assert not verify(secret="another", header=got.headers[SIGNATURE_HEADER], body=got.body)
    payload = got.json()
    assert payload["doc_id"] == UK.id and payload["reasons"] == ["mention:United Kingdom"]
    assert payload["summary"] == "The United Kingdom said so."
    assert got.headers["X-Presswatch-Alert"] == str(payload["alert_id"])


def test_a_webhook_failing_past_the_retry_window_is_dead_lettered_and_can_be_retried(
    alert_settings: Settings, receiver: Receiver
) -> None:
    settings = alert_settings.model_copy(update={"alerts_retry_for": 0.5})
    backend = SQLiteBackend(path=settings.sqlite_path)
    service = AlertService.open(settings, backend=backend)
    receiver.fail_first = 1000
    service.create(owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url))
    ingest(service, backend, [UK])
    worker = DeliveryWorker(service=service, settings=settings)
    deliver_until(worker, lambda: service.dead_letters(owner="o"))
    [dead] = service.dead_letters(owner="o")
    assert dead.attempts >= 2 and dead.last_error == "webhook answered 503"
    assert service.dead_letters(owner="someone else") == []
    receiver.fail_first = 0
    service.retry(owner="o", delivery_id=dead.id)
    deliver_until(worker, lambda: receiver.accepted)
    assert len(receiver.accepted) == 1 and service.dead_letters(owner="o") == []
    worker.close()
    service.close()
    backend.close()


def test_a_dead_lettered_webhook_is_logged_without_its_credentials(
    alert_settings: Settings, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    settings = alert_settings.model_copy(update={"alerts_retry_for": 0.2})
    backend = SQLiteBackend(path=settings.sqlite_path)
    service = AlertService.open(settings, backend=backend)
    receiver.fail_first = 1000
    hook = receiver.url.replace("http://", "http://hooker:PASSWORD@") + "/T0/SECRETPATH?token=SECRETTOKEN"
    service.create(owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=hook))
    ingest(service, backend, [UK])
    worker = DeliveryWorker(service=service, settings=settings)
    with caplog.at_level("WARNING", logger="alerts.delivery"):
        deliver_until(worker, lambda: service.dead_letters(owner="o"))
    [dead] = service.dead_letters(owner="o")
    assert dead.target == hook  # its owner sees it whole
    [line] = [r.getMessage() for r in caplog.records if "dead-lettered" in r.getMessage()]
    port = receiver.url.split(":")[2].split("/")[0]
    assert f"http://127.0.0.1:{port}/…" in line
    assert not any(secret in line for secret in ("hooker", "PASSWORD", "SECRETPATH", "SECRETTOKEN"))
    worker.close()
    service.close()
    backend.close()


def test_webhook_targets_follow_the_crawler_network_rules(alert_settings: Settings) -> None:
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService(store=SQLiteAlertStore(path=alert_settings.alerts_path), backend=backend) as strict:
        for url in (
            "http://127.0.0.1:9/hook",
            "http://10.0.0.1/hook",
            "http://169.254.169.254/",
            "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
            "http://[fec0::1]/hook",
            "ftp://example.com/",
        ):
            with pytest.raises(TargetRefusedError):
                strict.create(owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=url))
        assert strict.searches(owner="o") == []
    backend.close()


def _authenticate(
    server: object, session: Session, envelope: Envelope, mechanism: str, data: object
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"alerts", b"s3cret")
    return AuthResult(success=ok)


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (openssl), trusted through PRESSWATCH_SMTP_CA_FILE."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def test_email_through_a_real_smtp_server_with_starttls_and_auth(
    alert_settings: Settings, tls_files: tuple[Path, Path]
) -> None:
    import ssl

    cert, key = tls_files
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    free = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free,
        tls_context=context,
        require_starttls=True,
        authenticator=_authenticate,
    )
    controller.start()
    try:
        port = free
        settings = alert_settings.model_copy(
            update={
                "smtp_host": "127.0.0.1",
                "smtp_port": port,
                "smtp_ca_file": cert,
                "smtp_username": "alerts",
                "smtp_password": "s3cret",
                "smtp_from": "presswatch@example.test",
            }
        )
        from pydantic import SecretStr

        settings = settings.model_copy(update={"smtp_password": SecretStr("s3cret")})
        backend = SQLiteBackend(path=settings.sqlite_path)
        with AlertService.open(settings, backend=backend) as service:
            service.create(
                owner="o",
                spec=SavedSearchSpec(name="UK", kind="mention", entity="UK", email="me@example.test"),
            )
            ingest(service, backend, [UK])
            worker = DeliveryWorker(service=service, settings=settings)
            deliver_until(worker, lambda: inbox.messages)
            worker.close()
        backend.close()
    finally:
        controller.stop()
    [(envelope, raw)] = inbox.messages
    assert envelope.rcpt_tos == ["me@example.test"]
    message = message_from_bytes(raw, policy=default)
    assert message["Subject"] == "[presswatch] UK: A UK statement"
    plain = message.get_body(("plain",))  # type: ignore[attr-defined]
    text = plain.get_content()
    assert "mentions United Kingdom" in text and UK.url in text


def test_a_payload_is_json_with_the_reason(sqlite_service: AlertService) -> None:
    saved = sqlite_service.create(owner="o", spec=SavedSearchSpec(kind="mention", entity="UK"))
    ingest(sqlite_service, sqlite_service.backend, [UK])
    [alert] = sqlite_service.alerts(owner="o", search_id=saved.id)
    assert json.loads(alert.model_dump_json())["reasons"] == ["mention:United Kingdom"]


def test_the_worker_wakes_when_this_process_queues_an_alert_not_at_its_next_poll(
    alert_settings: Settings, receiver: Receiver
) -> None:
    """`presswatch serve`: the API's store queues, the background worker (its own store on the same file)
    sends at once; the poll interval (an hour here) is only for what other processes queue."""
    settings = alert_settings.model_copy(update={"alerts_poll_interval": 3600.0})
    backend = SQLiteBackend(path=settings.sqlite_path)
    api_side = AlertService.open(settings, backend=backend)
    worker_side = AlertService.open(settings, backend=backend)
    worker = DeliveryWorker(service=worker_side, settings=settings)
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    try:
        api_side.create(
            owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url)
        )
        time.sleep(0.2)  # the worker has found nothing due and waits
        ingest(api_side, backend, [UK])
        assert receiver.arrived.wait(timeout=20), "not sent until the next poll, an hour away"
    finally:
        worker.stop()
        thread.join(timeout=10)
        worker.close()
        api_side.close()
        worker_side.close()
        backend.close()
    assert not thread.is_alive()


def test_a_row_in_flight_is_never_sent_twice_by_its_worker_even_past_its_lease(
    sqlite_service: AlertService,
    alert_settings: Settings,
    receiver: Receiver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lease is how other workers know a row is taken; the worker that sends it knows better. With the lease
    cut to almost nothing, a held send must still be the only one (it was sent again every round)."""
    monkeypatch.setattr("alerts.delivery.lease_seconds", lambda timeout: 0.01)
    receiver.hold = threading.Event()
    sqlite_service.create(
        owner="o", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url)
    )
    ingest(sqlite_service, sqlite_service.backend, [UK])
    worker = DeliveryWorker(service=sqlite_service, settings=alert_settings)
    running = threading.Thread(target=worker.run, daemon=True)
    running.start()
    try:
        assert receiver.in_flight.wait(timeout=30)
        for _ in range(20):  # rounds at the poll interval (0.05 s), each past the row's lease
            time.sleep(0.05)
            worker._wake.set()
        assert receiver.attempts == 1
    finally:
        receiver.hold.set()
        worker.stop()
        running.join(timeout=30)
        worker.close()
