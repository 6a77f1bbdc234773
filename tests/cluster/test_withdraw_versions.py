"""A withdrawal is ordered against the page's texts by its version (when the page was found gone), through a
real index worker process: a redelivered withdrawal never marks a text fetched after it, a redelivered older
text never undoes a withdrawal, and a page that comes back with a newer text is no longer withdrawn."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from celery import Celery
from elasticsearch import Elasticsearch

from crawlers.cluster.app import INDEX_TASK, make_app
from presswatch.config import Settings
from presswatch.document import document_id
from presswatch.task_counts import read_counts
from search.elastic import from_source
from tests.cluster.processes import cluster_processes, wait_for
from tests.cluster.test_quarantine import _document
from tests.elastic_server import ElasticSession

pytestmark = pytest.mark.slow

URL = "https://gov.example/news/1"


def _withdrawal(version: int) -> dict[str, object]:
    return {"withdraw": {"url": URL, "source": "ministry"}, "version": version}


def test_withdrawals_and_texts_redelivered_out_of_order_keep_the_newest_state(
    tmp_path: Path, postgres_url: str, broker_url: str, elasticsearch_server: ElasticSession, alias: str
) -> None:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_BROKER_URL": broker_url,
        "PRESSWATCH_DATABASE_URL": postgres_url,
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_server.url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
        "PRESSWATCH_NLP_WORKERS": "1",
    }
    app: Celery = make_app(
        Settings(data_dir=tmp_path / "data", broker_url=broker_url, database_url=postgres_url)
    )
    client = Elasticsearch(elasticsearch_server.url)

    def stored() -> tuple[str, bool]:
        document = from_source(client.get(index=alias, id=document_id(URL))["_source"])
        return document.body, document.withdrawn

    with cluster_processes(env, tmp_path) as start:
        worker = start("index", "worker", "--queue", "index")

        def run(batch: list[dict[str, object]]) -> None:
            done = worker.text().count(": done")
            app.send_task(INDEX_TASK, args=[batch])
            wait_for(lambda: worker.text().count(": done") > done, seconds=180, what="the batch done")

        first = _document(1)  # fetched at version 1,001
        run([first])
        assert stored() == ("The Minister for Transport opened bridge number 1 in Leeds today.", False)

        run([_withdrawal(500)])  # found gone before that fetch, redelivered late: the page came back since
        assert stored()[1] is False

        run([_withdrawal(2_000)])  # gone after the fetch
        assert stored()[1] is True

        run([first])  # the older text redelivered: it cannot undo the withdrawal
        assert stored()[1] is True

        back = _document(1)
        back["version"] = 3_000
        back["document"]["body"] = "The bridge reopened after repairs."  # type: ignore[index]
        run([back])  # the page is back with a newer text
        assert stored() == ("The bridge reopened after repairs.", False)

    client.close()
    counts = read_counts(postgres_url)
    assert counts[("ministry", "withdrawn")] == 1
    assert counts[("ministry", "unchanged")] == 2  # the late withdrawal and the redelivered older text
