"""GET /sources and `presswatch sources` with an Elasticsearch that accepts connections and never answers: the
counts are asked for within a small time budget, and the crawls' own counts are shown, said to be theirs."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.source_health import CrawlRun, SourceHealthStore
from tests.conftest import run_presswatch

DAY = datetime(2026, 3, 2, 9, tzinfo=UTC)
BUDGET = 5.0  # the counts' own budget is COUNT_SECONDS; this leaves room for a slow test machine


@pytest.fixture
def stalled_url() -> Iterator[str]:
    """A loopback server that accepts every connection and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.fixture
def stalled_settings(settings: Settings, stalled_url: str) -> Settings:
    settings.sources_file.write_text('[[source]]\nname = "ministry"\nurl = "https://gov.example/feed"\n')
    with SourceHealthStore.in_data_dir(settings.data_dir) as store:
        store.record(
            [CrawlRun(source="ministry", started_at=DAY, finished_at=DAY, pages=3, new=3, documents=7)]
        )
    return settings.model_copy(update={"search_backend": "elasticsearch", "elasticsearch_url": stalled_url})


def test_get_sources_answers_with_the_crawls_counts(stalled_settings: Settings) -> None:
    with TestClient(create_app(stalled_settings)) as client:
        started = time.monotonic()
        response = client.get("/sources")
        took = time.monotonic() - started
    assert response.status_code == 200
    [ministry] = response.json()["sources"]
    assert took < BUDGET, f"GET /sources took {took:.1f} s"
    assert ministry["documents"] == 7 and ministry["documents_counted_by"] == "crawl"


def test_presswatch_sources_answers_with_the_crawls_counts(stalled_settings: Settings) -> None:
    env = {
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": stalled_settings.elasticsearch_url,
    }
    started = time.monotonic()
    listed = run_presswatch(stalled_settings, "sources", "--json", **env)
    table = run_presswatch(stalled_settings, "sources", **env)
    took = time.monotonic() - started
    assert listed.returncode == 0, listed.stderr
    assert [(r["documents"], r["documents_counted_by"]) for r in json.loads(listed.stdout)] == [(7, "crawl")]
    assert table.returncode == 0, table.stderr
    assert "as their crawls counted them" in table.stdout
    assert took < 2 * BUDGET + 6, f"two `presswatch sources` took {took:.1f} s"
