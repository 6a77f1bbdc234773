"""`presswatch reindex` builds the next index and flips the alias while search keeps answering."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from presswatch.config import Settings
from presswatch.document import Document, Mention
from search.base import Query
from search.elastic import ElasticsearchBackend
from tests.conftest import crawl_env
from tests.search.test_elastic import make_doc


def test_search_answers_every_document_while_reindex_runs(
    elastic_backend: ElasticsearchBackend, settings: Settings, tmp_path: Path
) -> None:
    """Done-when 3: continuous queries during `presswatch reindex` see no error and no missing document;
    writes made meanwhile wait in the writer's outbox and land in the new index."""
    docs = [make_doc(f"r{i}", body=f"reindex report {i}", source=f"s{i % 3}") for i in range(1500)]
    assert elastic_backend.index(docs).added == 1500
    before = elastic_backend.client.indices.get_alias(name=elastic_backend.alias)
    queries = 0
    problems: list[str] = []
    stop = threading.Event()

    def query_continuously() -> None:
        nonlocal queries
        while not stop.is_set() and queries < 100_000:
            try:
                text = elastic_backend.search(Query(text="reindex report", limit=5))
                listing = elastic_backend.search(Query(sources=("s1",), limit=5, facets=False))
                counted = elastic_backend.count()
            except Exception as exc:
                problems.append(repr(exc))
                continue
            queries += 1
            if (text.total, listing.total) != (1500, 500) or counted < 1500:
                problems.append(f"saw {text.total}, {listing.total}, {counted} documents")

    url = str(elastic_backend.client.transport.node_pool.get().base_url)
    writer = ElasticsearchBackend(
        url=url, index=elastic_backend.alias, outbox_path=tmp_path / "writer.sqlite3"
    )
    written: list[Document] = []
    queued = 0

    def write_meanwhile() -> None:
        nonlocal queued
        while not stop.is_set() and len(written) < 400:
            doc = make_doc(f"w{len(written)}", body="written meanwhile", source="w")
            queued += writer.index([doc]).queued
            written.append(doc)
            time.sleep(0.05)

    reader = threading.Thread(target=query_continuously)
    reader.start()
    writing = threading.Thread(target=write_meanwhile)
    writing.start()
    try:
        env = crawl_env(
            settings,
            PRESSWATCH_SEARCH_BACKEND="elasticsearch",
            PRESSWATCH_ELASTICSEARCH_URL=url,
            PRESSWATCH_ELASTICSEARCH_INDEX=elastic_backend.alias,
        )
        result = subprocess.run(
            [sys.executable, "-m", "presswatch", "reindex"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        stop.set()
        reader.join(60)
        writing.join(120)
    assert result.returncode == 0, result.stderr
    assert f"now points at {elastic_backend.alias}-2" in result.stdout
    after = elastic_backend.client.indices.get_alias(name=elastic_backend.alias)
    assert list(before) == [f"{elastic_backend.alias}-1"] and list(after) == [f"{elastic_backend.alias}-2"]
    assert problems == []
    assert queries > 3, "the queries ran while the reindex did"
    assert elastic_backend.get(docs[7].id) == docs[7]
    assert queued > 0, "writes made during the copy waited in the outbox"
    writer.flush_outbox()
    writer.close()
    elastic_backend.refresh_now()
    found = elastic_backend.search(Query(sources=("w",), limit=100, facets=False))
    assert found.total == len(written), "every write made during the reindex is in the new index, once"
    assert {h.id for h in found.hits} <= {d.id for d in written}
    assert elastic_backend.index([make_doc("r-new")]).added == 1, "writes go to the new index"
    assert elastic_backend.count() == 1500 + len(written) + 1


def test_reindex_applies_the_aliases_file_on_sqlite(settings: Settings) -> None:
    """On SQLite, reindex has no mapping to rebuild: it applies the user's aliases to the stored documents."""
    from search.sqlite import SQLiteBackend

    stored = make_doc(
        "a1", body="HO said so.", entities=[Mention(text="HO", label="ORG", normalized="HO", start=0, end=2)]
    )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with_index = SQLiteBackend(path=settings.sqlite_path)
    with_index.index([stored])
    with_index.close()
    run = [sys.executable, "-m", "presswatch", "reindex"]
    (settings.data_dir / "aliases.toml").write_text(
        '[[entity]]\nname = "X"\nlabel = "THING"\n', encoding="utf-8"
    )
    broken = subprocess.run(
        run, env=crawl_env(settings), capture_output=True, text=True, timeout=120, check=False
    )
    assert broken.returncode == 2 and "aliases.toml: entity.0.label" in broken.stderr
    (settings.data_dir / "aliases.toml").write_text(
        '[[entity]]\nname = "Home Office"\naliases = ["HO"]\n', encoding="utf-8"
    )
    result = subprocess.run(
        run, env=crawl_env(settings), capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "1 documents rewritten" in result.stdout
    reopened = SQLiteBackend(path=settings.sqlite_path)
    try:
        found = reopened.get(stored.id)
        assert found is not None and [m.normalized for m in found.entities] == ["Home Office"]
    finally:
        reopened.close()
