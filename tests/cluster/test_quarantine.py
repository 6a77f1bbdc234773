"""Errors in cluster mode are retried or set aside, never looped: a message that can never succeed goes to
the quarantine queue with its reason, counted per source in GET /metrics; `presswatch quarantine list`
shows it and `replay` sends it back to be indexed once its cause is mended; an unreachable index is
retried with backoff, not quarantined."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery
from fastapi.testclient import TestClient

from api.app import create_app
from crawlers.cluster.app import INDEX_QUEUE, INDEX_TASK, QUARANTINE_QUEUE, make_app
from presswatch.config import Settings
from presswatch.document import document_id
from presswatch.task_counts import read_counts
from tests.cluster.conftest import queued
from tests.cluster.processes import cluster_processes, started_batches, wait_for
from tests.elastic_server import ElasticSession

pytestmark = pytest.mark.slow


def _document(n: int, *, source: str = "ministry") -> dict[str, object]:
    return {
        "document": {
            "id": document_id(f"https://gov.example/news/{n}"),
            "url": f"https://gov.example/news/{n}",
            "source": source,
            "title": f"Minister opens bridge number {n}",
            "body": f"The Minister for Transport opened bridge number {n} in Leeds today.",
        },
        "version": 1_000 + n,
    }


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path / "data"), **extra}


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_bad_message_is_quarantined_counted_listed_and_a_replayed_batch_is_indexed(
    tmp_path: Path, postgres_url: str, broker_url: str, elasticsearch_server: ElasticSession, alias: str
) -> None:
    env = _env(
        tmp_path,
        PRESSWATCH_BROKER_URL=broker_url,
        PRESSWATCH_DATABASE_URL=postgres_url,
        PRESSWATCH_SEARCH_BACKEND="elasticsearch",
        PRESSWATCH_ELASTICSEARCH_URL=elasticsearch_server.url,
        PRESSWATCH_ELASTICSEARCH_INDEX=alias,
        PRESSWATCH_NLP_WORKERS="1",
    )
    settings = Settings(
        data_dir=tmp_path / "data", broker_url=broker_url, database_url=postgres_url, rate_limit_per_minute=0
    )
    app: Celery = make_app(settings)
    bad = {"document": {"url": "https://gov.example/news/x", "source": "ministry"}, "version": 1}  # no title
    good = _document(1)
    # A batch quarantined earlier (say, while a bug refused it), waiting for its replay.
    app.send_task(
        INDEX_TASK, args=[[_document(2)]], kwargs={"quarantined": "earlier"}, queue=QUARANTINE_QUEUE
    )
    app.send_task(INDEX_TASK, args=[[bad, good]])
    with cluster_processes(env, tmp_path) as start:
        worker = start("index", "worker", "--queue", "index")
        wait_for(
            lambda: queued(broker_url, QUARANTINE_QUEUE) == 2, seconds=180, what="the bad message quarantined"
        )
        wait_for(lambda: "done" in worker.text(), seconds=60, what="the batch done")

        listed = _cli(env, "quarantine", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        entries = json.loads(listed.stdout)
        assert len(entries) == 2
        [refused] = [e for e in entries if e["reason"] != "earlier"]
        assert refused["sources"] == ["ministry"]
        assert refused["reason"].startswith("not a valid message") and "title" in refused["reason"]
        assert refused["args"] == [[bad]]
        assert queued(broker_url, QUARANTINE_QUEUE) == 2, "listing keeps the messages"

        [earlier] = [e for e in entries if e["reason"] == "earlier"]
        replayed = _cli(env, "quarantine", "replay", "--id", earlier["id"])
        assert replayed.returncode == 0, replayed.stderr
        assert "replayed 1 task(s)" in replayed.stdout
        assert queued(broker_url, QUARANTINE_QUEUE) == 1
        wait_for(lambda: worker.text().count(": done") == 2, seconds=60, what="the replayed batch indexed")

    from elasticsearch import Elasticsearch

    client = Elasticsearch(elasticsearch_server.url)
    client.indices.refresh(index=alias)
    urls = {h["_source"]["url"] for h in client.search(index=alias, query={"match_all": {}})["hits"]["hits"]}
    assert urls == {"https://gov.example/news/1", "https://gov.example/news/2"}

    counts = read_counts(postgres_url)
    assert counts[("ministry", "invalid")] == 1
    assert counts[("ministry", "indexed_new")] == 2
    with TestClient(create_app(settings)) as api:
        metrics = api.get("/metrics").text
    assert 'presswatch_cluster_tasks_total{outcome="invalid",source="ministry"} 1.0' in metrics


def test_an_unreachable_index_is_retried_with_backoff_not_quarantined(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    dead = "http://127.0.0.1:9"  # the discard port: nothing listens
    env = _env(
        tmp_path,
        PRESSWATCH_BROKER_URL=broker_url,
        PRESSWATCH_DATABASE_URL=postgres_url,
        PRESSWATCH_SEARCH_BACKEND="elasticsearch",
        PRESSWATCH_ELASTICSEARCH_URL=dead,
    )
    settings = Settings(data_dir=tmp_path / "data", broker_url=broker_url, database_url=postgres_url)
    make_app(settings).send_task(INDEX_TASK, args=[[_document(3, source="ministry-b")]])
    with cluster_processes(env, tmp_path) as start:
        worker = start("index", "worker", "--queue", "index")
        wait_for(
            lambda: read_counts(postgres_url).get(("ministry-b", "retried"), 0) >= 2,
            seconds=180,
            what="two retries",
        )
        assert "retries=1" in worker.text()
    assert queued(broker_url, QUARANTINE_QUEUE) == 0


def test_a_batch_that_keeps_killing_its_worker_is_quarantined_not_redelivered_forever(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    """A batch that kills every worker that takes it (out of memory, a crash in native code) would go round
    the workers for ever: after MAX_REDELIVERIES it is set aside with its reason."""
    from crawlers.cluster.tasks import MAX_REDELIVERIES

    env = _env(
        tmp_path,
        PRESSWATCH_BROKER_URL=broker_url,
        PRESSWATCH_DATABASE_URL=postgres_url,
        PRESSWATCH_SEARCH_BACKEND="elasticsearch",
        PRESSWATCH_ELASTICSEARCH_URL="http://127.0.0.1:9",
    )
    settings = Settings(data_dir=tmp_path / "data", broker_url=broker_url, database_url=postgres_url)
    make_app(settings).send_task(INDEX_TASK, args=[[_document(4, source="ministry-c")]])
    with cluster_processes(env, tmp_path) as start:
        for attempt in range(MAX_REDELIVERIES + 1):  # each worker dies as the batch starts
            worker = start(f"index-{attempt}", "worker", "--queue", "index")
            wait_for(lambda: started_batches(worker.text()), seconds=120, what="the batch started")  # noqa: B023
            worker.kill()
        last = start("index-last", "worker", "--queue", "index")
        wait_for(lambda: queued(broker_url, QUARANTINE_QUEUE) == 1, seconds=120, what="the batch quarantined")
        assert [redelivered for _, redelivered in started_batches(last.text())] == [True]
    listed = _cli(env, "quarantine", "list", "--json")
    [entry] = json.loads(listed.stdout)
    assert entry["sources"] == ["ministry-c"]
    assert f"died {MAX_REDELIVERIES + 1} times" in entry["reason"]
    assert read_counts(postgres_url)[("ministry-c", "quarantined")] == 1
    assert queued(broker_url, INDEX_QUEUE) == 0
