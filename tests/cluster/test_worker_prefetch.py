"""An index worker holds one batch at a time: the batches behind it stay in the queue for whichever worker is
free, and only the batch it was on comes back when it dies. Celery's solo pool sizes the broker's prefetch by
`--concurrency`, whose default is the machine's cores, so a `presswatch worker --queue index` once held a
batch per core (two here) while the others idled, and a SIGKILL sent every one of them back as redelivered,
each counted as a death toward its quarantine."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from crawlers.cluster.app import INDEX_QUEUE, INDEX_TASK, make_app
from presswatch.config import Settings
from presswatch.document import document_id
from tests.cluster.conftest import queued
from tests.cluster.processes import cluster_processes, started_batches, wait_for

pytestmark = pytest.mark.slow


def _batch(n: int) -> list[dict[str, object]]:
    url = f"https://gov.example/news/{n}"
    document = {
        "id": document_id(url),
        "url": url,
        "source": "ministry",
        "title": f"Bridge {n}",
        "body": "A bridge.",
    }
    return [{"document": document, "version": 1_000 + n}]


def test_an_index_worker_takes_one_batch_and_leaves_the_rest_queued(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    with socket.socket() as silent:  # an Elasticsearch that never answers: the first batch stays in progress
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        env = {
            **os.environ,
            "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
            "PRESSWATCH_BROKER_URL": broker_url,
            "PRESSWATCH_DATABASE_URL": postgres_url,
            "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
            "PRESSWATCH_ELASTICSEARCH_URL": f"http://127.0.0.1:{silent.getsockname()[1]}",
            "PRESSWATCH_NLP_WORKERS": "1",
        }
        app = make_app(Settings(data_dir=tmp_path / "data", broker_url=broker_url, database_url=postgres_url))
        for n in range(3):
            app.send_task(INDEX_TASK, args=[_batch(n)])
        with cluster_processes(env, tmp_path) as start:
            worker = start("index", "worker", "--queue", "index")
            wait_for(lambda: started_batches(worker.text()), seconds=180, what="the worker starting a batch")
            assert queued(broker_url, INDEX_QUEUE) == 2, "the batches it is not on wait in the queue"
            worker.kill()
