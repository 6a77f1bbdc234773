"""A real delivery process killed (SIGKILL) between indexing and delivery, then restarted: the alert arrives
once, not zero times and not twice; re-ingesting the document afterwards sends nothing more. On both alerts
stores: the data dir's SQLite file, and PostgreSQL (the killed deliverer's claim returns when its lease ends)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pydantic import SecretStr

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Receiver
from tests.alerts.helpers import doc, ingest, place

UK = doc(
    "uk-restart", "A UK statement", "The United Kingdom said so.", entities=(place("United Kingdom", "GB"),)
)


def _deliver(settings: Settings) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(settings.data_dir),
        "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
        "PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT": "1",
        "PRESSWATCH_ALERTS_POLL_INTERVAL": "0.05",
        **({"PRESSWATCH_DATABASE_URL": settings.database_dsn} if settings.database_dsn else {}),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "presswatch", "alerts", "deliver"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(condition: object, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(params=["sqlite", "postgres"])
def store_settings(request: pytest.FixtureRequest, alert_settings: Settings) -> Settings:
    if request.param == "sqlite":
        return alert_settings
    url: str = request.getfixturevalue("postgres_url")
    return alert_settings.model_copy(update={"database_url": SecretStr(url)})


def test_sigkill_between_indexing_and_delivery_neither_loses_nor_repeats(
    store_settings: Settings, receiver: Receiver, tmp_path: Path
) -> None:
    alert_settings = store_settings
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        service.create(
            owner="local", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url)
        )
        ingest(service, backend, [UK])  # indexed and queued in the outbox, not delivered yet

    receiver.hold = threading.Event()  # the first POST stays in flight until the sender is dead
    first = _deliver(alert_settings)
    try:
        assert receiver.in_flight.wait(timeout=60), "the delivery worker never sent"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    held, receiver.hold = receiver.hold, None
    held.set()
    assert receiver.accepted == []

    second = _deliver(alert_settings)
    try:
        assert _wait(lambda: receiver.accepted, seconds=60), "the restarted worker never delivered"
        with AlertService.open(alert_settings, backend=backend) as service:
            ingest(service, backend, [UK])  # re-ingested after the restart: nothing new to say
        time.sleep(0.5)  # rounds of the running worker that must send nothing more
    finally:
        second.send_signal(signal.SIGTERM)
        _, errors = second.communicate(timeout=30)
    backend.close()
    assert second.returncode == 0, errors.decode()
    assert len(receiver.accepted) == 1
    assert receiver.attempts == 2  # the one killed in flight, and the one delivered
    sqlite_file = alert_settings.alerts_path.exists()
    assert sqlite_file == (alert_settings.database_dsn is None)  # the store it was given
