"""GET /metrics reports what other processes did: a real crawl (`presswatch crawl`) and a real delivery
worker (`presswatch alerts deliver`), each in its own process, are seen by the API's next scrape through
the stores they write; an API whose stores do not exist yet reports zeros, not an error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from api.app import create_app
from presswatch.config import Settings
from presswatch.source_health import read_health
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Receiver, receiver  # noqa: F401 (the loopback webhook fixture)
from tests.alerts.helpers import doc, ingest, place
from tests.conftest import run_crawl
from tests.crawlers.watched_site import WatchedSite
from tests.fixture_site import Reply

_SAMPLE = re.compile(r"^(?P<name>[a-z_]+)(?:\{(?P<labels>[^}]*)\})? (?P<value>\S+)$")


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """{labels: value} of one metric in Prometheus text."""
    found = {}
    for line in text.splitlines():
        match = _SAMPLE.match(line)
        if match and match["name"] == name:
            labels = tuple(re.findall(r'(\w+)="([^"]*)"', match["labels"] or ""))
            found[labels] = float(match["value"])
    return found


def scrape(settings: Settings) -> str:
    with TestClient(create_app(settings)) as client:
        response = client.get("/metrics")
    assert response.status_code == 200
    return response.text


@pytest.fixture
def site(tmp_path: Path) -> Iterator[WatchedSite]:
    with WatchedSite(tmp_path) as server:
        yield server


def test_no_stores_yet_reads_as_zero(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "empty", rate_limit_per_minute=0)
    text = scrape(settings)
    deliveries = samples(text, "presswatch_alert_deliveries")
    assert len(deliveries) == 12 and set(deliveries.values()) == {0.0}  # 3 channels x 4 outcomes
    assert samples(text, "presswatch_crawl_errors") == {}
    assert not (tmp_path / "empty" / "source-health.sqlite3").exists()  # reading never creates a store
    assert not (tmp_path / "empty" / "alerts.sqlite3").exists()


@pytest.mark.slow
def test_crawl_errors_of_a_crawl_in_another_process(settings: Settings, site: WatchedSite) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "ministry"\nurl = "{site.add_source("ministry")}"\n\n'
        f'[[source]]\nname = "gone"\nurl = "{site.base_url}/gone.atom"\n',
        encoding="utf-8",
    )
    site.extra_routes["/gone.atom"] = lambda: Reply(b"not here", status=404)
    site.publish("ministry")
    missing = site.publish("ministry")
    site.extra_routes[missing.path] = lambda: Reply(b"not here", status=404)

    crawl = run_crawl(settings)
    assert crawl.returncode == 1, crawl.stderr[-3000:]  # a source gave nothing but errors
    text = scrape(settings)

    errors = samples(text, "presswatch_crawl_errors")
    runs = samples(text, "presswatch_crawl_runs_with_errors")
    assert errors == {(("source", "gone"),): 1.0, (("source", "ministry"),): 1.0}, crawl.stderr[-3000:]
    assert runs == {(("source", "gone"),): 1.0, (("source", "ministry"),): 1.0}
    health = {h.name: h for h in read_health(settings)}
    assert health["ministry"].documents == 1 and health["gone"].last_run is not None


def _deliver(settings: Settings, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "presswatch", "alerts", "deliver"],
        env={
            **os.environ,
            "PRESSWATCH_DATA_DIR": str(settings.data_dir),
            "PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT": "5",  # a loaded runner must not turn a 2xx into a timeout
            "PRESSWATCH_ALERTS_POLL_INTERVAL": "0.05",
            "PRESSWATCH_ALERTS_RETRY_BASE": "0.05",
            "PRESSWATCH_ALERTS_RETRY_MAX": "0.2",
            **({"PRESSWATCH_DATABASE_URL": settings.database_dsn} if settings.database_dsn else {}),
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _until(settings: Settings, done: Callable[[dict[str, float]], bool]) -> dict[str, float]:
    """Scrape until `done` holds of {outcome: count} of webhooks (60 s at most)."""
    deadline = time.monotonic() + 60
    while True:
        counts = {
            dict(labels)["outcome"]: value
            for labels, value in samples(scrape(settings), "presswatch_alert_deliveries").items()
            if dict(labels)["channel"] == "webhook"
        }
        if done(counts) or time.monotonic() > deadline:
            return counts
        time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors.decode()


@pytest.fixture(params=["sqlite", "postgres"])
def alerts_database(request: pytest.FixtureRequest) -> str | None:
    """No database (the alerts store in the data dir), or PostgreSQL's URL."""
    return request.getfixturevalue("postgres_url") if request.param == "postgres" else None


def test_alert_deliveries_of_a_worker_in_another_process(
    tmp_path: Path,
    receiver: Receiver,  # noqa: F811
    unused_port: int,
    alerts_database: str | None,
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        rate_limit_per_minute=0,
        alerts_allow_private_networks=True,
        database_url=alerts_database,
    )
    backend = SQLiteBackend(path=settings.sqlite_path)
    with AlertService.open(settings, backend=backend) as service:
        for hook in (receiver.url, f"http://127.0.0.1:{unused_port}/hook"):  # the second refuses connections
            service.create(owner="local", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=hook))
        ingest(
            service,
            backend,
            [doc("uk", "A UK statement", "The UK said so.", entities=(place("United Kingdom", "GB"),))],
        )
    backend.close()
    assert _until(settings, lambda c: True) == {  # matched and queued, not sent yet
        "pending": 2,
        "delivered": 0,
        "failed": 0,
        "dead_lettered": 0,
    }

    receiver.fail_first = 1  # the good receiver fails once: retried, then delivered
    worker = _deliver(settings, PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS="true")
    try:
        counts = _until(settings, lambda c: c["delivered"] == 1 and c["failed"] == 1)
    finally:
        _stop(worker)
    assert counts == {"pending": 0, "delivered": 1, "failed": 1, "dead_lettered": 0}
    assert len(receiver.accepted) == 1 and receiver.attempts == 2

    # A worker that refuses loopback targets gives up on the failing one at once: a dead letter.
    worker = _deliver(settings, PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS="false")
    try:
        counts = _until(settings, lambda c: c["dead_lettered"] == 1)
    finally:
        _stop(worker)
    assert counts == {"pending": 0, "delivered": 1, "failed": 0, "dead_lettered": 1}


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
