"""Issue 18's "done when": the cluster on real PostgreSQL, RabbitMQ and Elasticsearch, each part a process.

A scheduler, 2 crawl workers and 2 index workers crawl a loopback site of 4 sources and 200 articles (20 of
them listed by two sources); one index worker is SIGKILLed as its first batch starts. Then: each article was
requested once; Elasticsearch holds 200 documents, with both sources where two list one; a saved search
matching 50 documents gave 50 alerts, each delivered once to a real webhook receiver; and the killed batch
was delivered again, to the other worker, and done there; and `presswatch sources` counts each source's
documents as the index holds them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from alerts.store import delivery_counts
from presswatch.config import Settings
from presswatch.task_counts import read_counts
from tests.alerts.conftest import receiving
from tests.cluster.processes import cluster_processes, done_batches, started_batches, wait_for
from tests.cluster.site import KEYWORD, ClusterSite
from tests.elastic_server import ElasticSession, drop_alias

pytestmark = pytest.mark.slow


def test_the_cluster_crawls_each_article_once_survives_a_killed_index_worker_and_alerts_once(
    tmp_path: Path, postgres_url: str, rabbitmq_server: str, elasticsearch_server: ElasticSession
) -> None:
    alias = f"pwtest-{uuid.uuid4().hex[:12]}"
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    logs = tmp_path / "logs"
    logs.mkdir()
    with ClusterSite(sources=4, articles=200, shared_per_feed=5) as site, receiving() as receiver:
        sources_file = tmp_path / "sources.toml"
        sources_file.write_text(site.sources_toml(every="6h"), encoding="utf-8")
        env = {
            **os.environ,
            "PRESSWATCH_DATA_DIR": str(data_dir),
            "PRESSWATCH_SOURCES_FILE": str(sources_file),
            "PRESSWATCH_BROKER_URL": rabbitmq_server,
            "PRESSWATCH_DATABASE_URL": postgres_url,
            "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_server.url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
            "PRESSWATCH_CRAWL_START_DELAY": "0",
            "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",
            "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
            "PRESSWATCH_NLP_WORKERS": "1",
            "PRESSWATCH_CLUSTER_BATCH_SIZE": "10",
        }
        try:
            with cluster_processes(env, logs) as start:
                added = start("alerts-add", "alerts", "add", "--text", KEYWORD, "--webhook", receiver.url)
                assert added.process.wait(timeout=120) == 0, added.text()
                doomed = start("index-a", "worker", "--queue", "index")
                survivor = start("index-b", "worker", "--queue", "index")
                start("crawl-a", "worker", "--queue", "crawl")
                start("crawl-b", "worker", "--queue", "crawl")
                start("scheduler", "scheduler")
                start("standby", "scheduler")
                start("deliver", "alerts", "deliver")

                # The first batch either worker starts: SIGKILL that worker as it starts (the other lives on).
                first = wait_for(
                    lambda: [(w, b) for w in (doomed, survivor) for b in started_batches(w.text())][:1],
                    seconds=300,
                    what="an index worker starting its first batch",
                )
                [(killed, (killed_batch, _))] = first  # type: ignore[misc]
                killed.kill()
                other = survivor if killed is doomed else doomed

                client = Elasticsearch(elasticsearch_server.url)

                def indexed() -> int:
                    client.indices.refresh(index=alias, ignore_unavailable=True)
                    return (
                        int(client.count(index=alias)["count"]) if client.indices.exists(index=alias) else 0
                    )

                wait_for(lambda: indexed() >= 200, seconds=600, what="200 documents in Elasticsearch")
                wait_for(
                    lambda: killed_batch in done_batches(other.text()),
                    seconds=120,
                    what=f"the killed batch {killed_batch} done by the other worker",
                )
                wait_for(lambda: len(receiver.accepted) >= 50, seconds=180, what="50 webhook deliveries")
                # Let any duplicate arrive: the delivery outbox has nothing pending any more.
                settings = Settings(data_dir=data_dir, database_url=postgres_url)
                wait_for(_deliveries_settled(settings), seconds=60, what="the alert outbox settling")

                hits = client.search(
                    index=alias, size=500, query={"match_all": {}}, source=["url", "sources"]
                )
                stored = {hit["_source"]["url"]: hit["_source"]["sources"] for hit in hits["hits"]["hits"]}
                counts = read_counts(postgres_url)
                for _ in range(3):  # the listing counts within 1.5 s; a loaded machine may need another ask
                    listed = subprocess.run(
                        [sys.executable, "-m", "presswatch", "sources", "--json"],
                        env=env,
                        capture_output=True,
                        text=True,
                        timeout=120,
                        check=False,
                    )
                    if listed.returncode != 0 or all(
                        row.get("documents_counted_by") == "index" for row in json.loads(listed.stdout)
                    ):
                        break
        finally:
            drop_alias(elasticsearch_server.url, alias)

        articles = [f"/news/{n}" for n in range(200)]
        assert {path: site.requests[path] for path in articles} == dict.fromkeys(articles, 1), (
            "each article is requested exactly once across crawl workers and sources"
        )
        assert len(stored) == 200
        for n in range(200):
            assert set(stored[site.article_url(n)]) == site.listed_by(n), n
        assert sum(len(site.listed_by(n)) == 2 for n in range(200)) == 20
        # Each source's documents as the index holds them: its crawl counted before the index workers had
        # indexed its batches (0 after a first crawl, one crawl behind after). A document two sources list
        # counts for the one that brought it first (its `source`), whichever crawl that was.
        assert listed.returncode == 0, listed.stderr
        documents = {row["name"]: row["documents"] for row in json.loads(listed.stdout)}
        assert sum(documents.values()) == 200, documents
        for name, most in Counter(name for n in range(200) for name in site.listed_by(n)).items():
            alone = sum(site.listed_by(n) == {name} for n in range(200))
            assert alone <= documents[name] <= most, (name, documents)

        bodies = [json.loads(r.body) for r in receiver.accepted]
        alerted = [b["doc_id"] for b in bodies]
        assert len(alerted) == 50, "each alert is delivered once"
        assert sorted({b["url"] for b in bodies}) == sorted(site.article_url(n) for n in site.with_keyword())

        assert (killed_batch, True) in started_batches(other.text()), "the killed batch was redelivered"
        assert sum(n for (_, outcome), n in counts.items() if outcome == "redelivered") >= 1


def _deliveries_settled(settings: Settings) -> Callable[[], bool]:
    """True once the alerts store has deliveries and every one is delivered or given up."""

    def settled() -> bool:
        counts = delivery_counts(settings)
        return bool(counts) and not any(
            n for (_, outcome), n in counts.items() if outcome in ("pending", "failed")
        )

    return settled
