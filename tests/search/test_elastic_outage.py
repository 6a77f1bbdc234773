"""When Elasticsearch is down, writes wait in the durable outbox and reach the server, in order, once it is back."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.demo.server import NewsroomServer
from search.base import BackendUnavailableError, Query
from search.elastic import ElasticsearchBackend
from search.factory import open_backend
from search.outbox import Outbox
from tests.conftest import crawl_env, run_crawl, write_sources
from tests.elastic_server import ElasticSession, drop_alias
from tests.search.test_elastic import make_doc

UNREACHABLE = "http://127.0.0.1:9"


def test_writes_to_an_unreachable_server_are_queued_and_health_is_degraded(settings: Settings) -> None:
    configured = settings.model_copy(
        update={"search_backend": "elasticsearch", "elasticsearch_url": UNREACHABLE}
    )
    backend = open_backend(configured)
    docs = [make_doc(i) for i in range(3)]
    report = backend.index(docs)
    assert (report.added, report.updated, report.queued, report.failed) == (0, 0, 3, {})
    assert backend.get(docs[0].id) == docs[0], "a queued document is still readable by id"
    backend.close()  # cannot flush: the outbox stays on disk
    with TestClient(create_app(configured)) as client:
        health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["status"] == "degraded" and health.json()["outbox"] == 3


@pytest.mark.slow
def test_a_crawl_goes_on_while_elasticsearch_is_down(settings: Settings, newsroom: NewsroomServer) -> None:
    write_sources(settings, newsroom.feed_url)
    result = run_crawl(
        settings, PRESSWATCH_SEARCH_BACKEND="elasticsearch", PRESSWATCH_ELASTICSEARCH_URL=UNREACHABLE
    )
    assert result.returncode == 0, result.stderr[-3000:]
    queued = int(re.search(r"queued for index (\d+)", result.stdout).group(1))  # type: ignore[union-attr]
    assert queued > 10
    outbox = Outbox(path=settings.elasticsearch_outbox_path)
    assert outbox.size() == queued
    outbox.close()


@pytest.mark.slow
def test_ingest_goes_on_while_elasticsearch_is_down(settings: Settings) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "ingest", "-", "--url", "https://example.org/a"],
        input="Serbia and the UK sign an agreement\n\nThe two governments signed it today.",
        env=crawl_env(
            settings, PRESSWATCH_SEARCH_BACKEND="elasticsearch", PRESSWATCH_ELASTICSEARCH_URL=UNREACHABLE
        ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("queued in the outbox until Elasticsearch answers:")
    outbox = Outbox(path=settings.elasticsearch_outbox_path)
    assert outbox.size() == 1
    outbox.close()


def test_get_of_an_unknown_document_while_down_says_unavailable(tmp_path: Path) -> None:
    backend = ElasticsearchBackend(url=UNREACHABLE, index="x", outbox_path=tmp_path / "o.sqlite3")
    with pytest.raises(BackendUnavailableError, match="unavailable"):
        backend.get("never-seen")
    backend.outbox.close()


def test_an_ingest_survives_the_server_stopping_and_starting(
    elasticsearch_server: ElasticSession, tmp_path: Path
) -> None:
    """Done-when 2: stop the real server during an ingest of 200 documents, start it, find all 200 once each."""
    server = elasticsearch_server.server
    if server is None:
        pytest.skip("needs the server this test session started (PRESSWATCH_ELASTICSEARCH_URL is set)")
    alias = "pwtest-outage"
    backend = ElasticsearchBackend(
        url=elasticsearch_server.url, index=alias, outbox_path=tmp_path / "outbox.sqlite3", request_timeout=10
    )
    docs = [make_doc(f"outage-{i}", body=f"outage report {i}") for i in range(200)]
    reports = []
    thirty_sent = threading.Event()

    def ingest() -> None:
        for start in range(0, 200, 5):
            reports.append(backend.index(docs[start : start + 5]))
            if start >= 30:
                thirty_sent.set()
            time.sleep(0.05)

    try:
        backend.index([docs[0]])  # the index exists before the outage
        writer = threading.Thread(target=ingest)
        writer.start()
        assert thirty_sent.wait(120)
        server.stop()
        writer.join(300)
        assert not writer.is_alive()
        assert sum(r.queued for r in reports) > 0, "the server stopped during the ingest"
        assert all(not r.failed for r in reports)
        assert backend.pending_writes() > 0
        server.start()
        backend.flush_outbox()
        assert backend.pending_writes() == 0
        backend.refresh_now()
        assert backend.count() == 200
        page = backend.search(Query(text="outage", limit=100))
        seen = [h.id for h in page.hits]
        while page.next_cursor:
            page = backend.search(Query(text="outage", limit=100, cursor=page.next_cursor))
            seen.extend(h.id for h in page.hits)
        assert len(seen) == 200 and set(seen) == {d.id for d in docs}
    finally:
        if server._process is None:
            server.start()
        drop_alias(elasticsearch_server.url, alias)
        backend.close()
