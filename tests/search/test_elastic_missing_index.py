"""On Elasticsearch as on SQLite, a command that only reads (`presswatch search`, `reindex`) pointed at an index
that does not exist says so (exit 2) and creates nothing: it created the index and answered "0 result(s)",
so a mistyped PRESSWATCH_ELASTICSEARCH_INDEX looked like an empty newsroom (and left an index behind)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from elasticsearch import Elasticsearch

from tests.elastic_server import ElasticSession, drop_alias


def test_a_read_on_a_missing_index_says_so_and_creates_nothing(
    elasticsearch_server: ElasticSession, tmp_path: Path
) -> None:
    alias = f"pwtest-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_server.url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
    }
    client = Elasticsearch(elasticsearch_server.url)
    try:
        for args in (("search", "Kosovo"), ("search", "--party", "Serbia", "--json"), ("reindex",)):
            done = subprocess.run(
                [sys.executable, "-m", "presswatch", *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 2, done.stdout + done.stderr
            assert done.stdout == "" and done.stderr.count("\n") == 1, done.stderr
            assert (
                f"presswatch: no index {alias} on Elasticsearch at {elasticsearch_server.url}" in done.stderr
            )
            assert "PRESSWATCH_ELASTICSEARCH_INDEX" in done.stderr
            assert not client.indices.exists_alias(name=alias)
            assert not client.indices.exists_index_template(name=alias)
    finally:
        drop_alias(elasticsearch_server.url, alias)
        client.close()
