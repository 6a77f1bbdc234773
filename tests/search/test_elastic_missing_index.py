"""On Elasticsearch as on SQLite, a command that only reads (`presswatch search`, `reindex`) pointed at an index
that does not exist says so (exit 2) and creates nothing: it created the index and answered "0 result(s)",
so a mistyped PRESSWATCH_ELASTICSEARCH_INDEX looked like an empty newsroom (and left an index behind).

And a search writes nothing, to the cluster or the disk: it made the outbox's file in the data directory and
put a field into the index's mapping, so on an index that is read-only (a restored snapshot, a frozen index,
a reader's credentials) every search failed with a cluster block."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from elasticsearch import Elasticsearch

from search.elastic import ElasticsearchBackend
from tests.elastic_server import ElasticSession, drop_alias
from tests.search.test_elastic import make_doc


def _env(elasticsearch_server: ElasticSession, data: Path, alias: str) -> dict[str, str]:
    return {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data),
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_server.url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
    }


def _presswatch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_read_on_a_missing_index_says_so_and_creates_nothing(
    elasticsearch_server: ElasticSession, tmp_path: Path
) -> None:
    alias = f"pwtest-{uuid.uuid4().hex[:12]}"
    data = tmp_path / "data"
    env = _env(elasticsearch_server, data, alias)
    client = Elasticsearch(elasticsearch_server.url)
    try:
        for args in (("search", "Kosovo"), ("search", "--party", "Serbia", "--json"), ("reindex",)):
            done = _presswatch(*args, env=env)
            assert done.returncode == 2, done.stdout + done.stderr
            assert done.stdout == "" and done.stderr.count("\n") == 1, done.stderr
            assert (
                f"presswatch: no index {alias} on Elasticsearch at {elasticsearch_server.url}" in done.stderr
            )
            assert "PRESSWATCH_ELASTICSEARCH_INDEX" in done.stderr
            assert not client.indices.exists_alias(name=alias)
            assert not client.indices.exists_index_template(name=alias)
            assert not (data / "elasticsearch-outbox.sqlite3").exists()
    finally:
        drop_alias(elasticsearch_server.url, alias)
        client.close()


def test_a_search_writes_nothing_and_works_on_a_read_only_index(
    elasticsearch_server: ElasticSession, tmp_path: Path
) -> None:
    alias = f"pwtest-{uuid.uuid4().hex[:12]}"
    writer = ElasticsearchBackend(
        url=elasticsearch_server.url,
        index=alias,
        outbox_path=tmp_path / "writer" / "outbox.sqlite3",
        refresh=True,
    )
    client = Elasticsearch(elasticsearch_server.url)
    current = ""
    try:
        writer.index([make_doc(1, title="Kosovo and Serbia sign a border agreement")])
        [current] = client.indices.get_alias(name=alias)
        client.indices.put_settings(index=current, settings={"index.blocks.read_only": True})
        data = tmp_path / "data"
        env = _env(elasticsearch_server, data, alias)
        for args in (("search", "Kosovo"), ("search", "border", "--json")):
            done = _presswatch(*args, env=env)
            assert done.returncode == 0, done.stderr[-2000:]
            assert "Kosovo and Serbia sign a border agreement" in done.stdout
            assert not (data / "elasticsearch-outbox.sqlite3").exists()
    finally:
        if current:
            client.indices.put_settings(index=current, settings={"index.blocks.read_only": False})
        writer.close()
        drop_alias(elasticsearch_server.url, alias)
        client.close()
