"""Similar documents at scale: latency at 100,000 documents on each backend, and recall against exact cosine.

Generates N documents (default 100,000; `--docs`) with realistic embeddings: L2-normalised 384-d vectors
drawn around a few hundred topic centres (stories) with a spread that gives nearest-neighbour cosines of
about 0.6 to 0.9, as MiniLM gives news articles on one story. Each backend indexes them through its real
`index()`; then 200 fixed documents are asked for their 10 most similar, through `similar()`, and 200 queries
run as `mode=semantic` searches (facets on, as the API asks).

Printed per backend: p50 and p95 of `similar()` and of semantic search, recall@10 against exact float32
cosine over the generated vectors, and the ratio of `similar()`'s p50 to the baseline. The baseline, measured
in the same run, is exact brute force in numpy over the same float32 vectors already in memory (the least any
exact method must do). SQLite also prints the first load of its in-memory matrix, and how fast a second
process sees 1,000 documents written by another (incremental catch-up).

Elasticsearch runs on `--elasticsearch-url` (or PRESSWATCH_ELASTICSEARCH_URL); with `--start-elasticsearch`
it starts the test suite's server (tests/elastic_server.py: the Maven artifact, 512 MB heap) and stops it.
bench/search_backends.py can call `run(docs=..., backends=(...), elasticsearch=url)`, which prints the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from presswatch.document import Document
from search.base import Query, SearchBackend

DIMENSIONS = 384
TOPICS = 400
SPREAD = 0.055  # per-dimension noise around a topic centre; sets the cosine between stories' articles
PROBES = 200
K = 10
BATCH = 2000
SOURCES = ("gov-uk", "fcdo", "home-office", "reuters", "bbc", "ec-europa")

Matrix = npt.NDArray[np.float32]


def vectors(count: int, *, seed: int = 7) -> Matrix:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((TOPICS, DIMENSIONS)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    topic = rng.integers(0, TOPICS, size=count)
    out = centres[topic] + rng.standard_normal((count, DIMENSIONS)).astype(np.float32) * SPREAD
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out.astype(np.float32)


def documents(matrix: Matrix, *, embedded: bool = True) -> Iterator[Document]:
    for n, row in enumerate(matrix):
        yield Document(
            id=f"doc-{n:06d}",
            url=f"https://news.example/{n}",
            source=SOURCES[n % len(SOURCES)],
            title=f"Announcement {n}",
            body=f"Ministers announced measure {n} on trade, migration and energy.",
            embedding=tuple(float(x) for x in row) if embedded else None,
        )


def exact_top(matrix: Matrix, probe: int, k: int = K) -> list[int]:
    scores = matrix @ matrix[probe]
    scores[probe] = -np.inf
    top = np.argpartition(-scores, k)[:k]
    return [int(i) for i in top[np.argsort(-scores[top])]]


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


@dataclass
class Timings:
    """Wall-clock milliseconds per call, and this process's CPU milliseconds per call (which a machine
    shared with other work inflates far less; Elasticsearch's own CPU is not in it)."""

    wall: list[float]
    cpu: list[float]

    def line(self) -> str:
        return (
            f"p50 {statistics.median(self.wall):.1f} ms, p95 {percentile(self.wall, 95):.1f} ms"
            f" (CPU p50 {statistics.median(self.cpu):.1f} ms)"
        )


def timings(run: Callable[[int], Any], probes: list[int]) -> tuple[Timings, list[Any]]:
    run(probes[0])  # warm
    measured, results = Timings(wall=[], cpu=[]), []
    for probe in probes:
        start, cpu = time.perf_counter(), time.process_time()
        results.append(run(probe))
        measured.wall.append((time.perf_counter() - start) * 1000)
        measured.cpu.append((time.process_time() - cpu) * 1000)
    return measured, results


def index_all(backend: SearchBackend, matrix: Matrix) -> float:
    start = time.perf_counter()
    batch: list[Document] = []
    for doc in documents(matrix):
        batch.append(doc)
        if len(batch) == BATCH:
            backend.index(batch)
            batch = []
    if batch:
        backend.index(batch)
    return time.perf_counter() - start


def measure(name: str, backend: SearchBackend, matrix: Matrix, probes: list[int], base: Timings) -> None:
    def similar(probe: int) -> list[int]:
        return [int(h.id[4:]) for h in backend.similar(f"doc-{probe:06d}", limit=K)]

    def semantic(probe: int) -> int:
        query = matrix[probe] + np.float32(0.02)
        page = backend.search(
            Query(text="trade measure", mode="semantic", vector=tuple(float(x) for x in query), limit=K)
        )
        return len(page.hits)

    times, found = timings(similar, probes)
    recall = statistics.fmean(
        len(set(got) & set(exact_top(matrix, p))) / K for p, got in zip(probes, found, strict=True)
    )
    search_times, _ = timings(semantic, probes)
    print(f"{name}: similar(), top {K}: {times.line()}; recall@{K} against exact cosine {recall:.4f}")
    print(f"{name}: semantic search, facets on: {search_times.line()}")
    ratio = statistics.median(times.wall) / statistics.median(base.wall)
    print(f"{name}: ratio of similar() p50 (wall) to the exact numpy baseline's: {ratio:.2f}")


def fill_directly(backend: Any, matrix: Matrix) -> float:
    """The rows `index()` writes that similar documents read (`documents`, `embeddings`), in one transaction,
    without the full-text and filter tables: `index()` is what bench/search_backends.py measures."""
    from search.sqlite_schema import document_columns
    from search.sqlite_vectors import store_vector
    from search.stored import utc_text

    start = time.perf_counter()
    now = utc_text(datetime.now(UTC))
    with backend._transaction() as conn:
        for doc, row in zip(documents(matrix, embedded=False), matrix, strict=True):
            cursor = conn.execute(
                "INSERT INTO documents (url, source, kind, title, published, published_key, day, story_id,"
                " facet_tags, indexed_at, data, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*document_columns(doc), now, doc.to_json(), doc.id),
            )
            store_vector(conn, int(cursor.lastrowid or 0), row.tolist())
    return time.perf_counter() - start


def sqlite_run(matrix: Matrix, probes: list[int], base: Timings, folder: Path, *, direct: bool) -> None:
    from search.sqlite import SQLiteBackend

    path = folder / "index.sqlite3"
    writer = SQLiteBackend(path=path)
    if direct:
        seconds = fill_directly(writer, matrix[:-1000])
        print(f"sqlite: filled {len(matrix) - 1000} documents and vectors directly in {seconds:.0f} s")
    else:
        seconds = index_all(writer, matrix[:-1000])
        print(f"sqlite: indexed {len(matrix) - 1000} documents in {seconds:.0f} s")
    reader = SQLiteBackend(path=path)
    start = time.perf_counter()
    reader.similar("doc-000000", limit=K)
    print(
        f"sqlite: first similar() in a fresh process, loading the matrix: {time.perf_counter() - start:.2f} s"
    )
    writer.index(list(documents(matrix))[-1000:])  # another process writes 1,000 more
    start = time.perf_counter()
    reader.similar("doc-000000", limit=K)
    print(
        f"sqlite: next similar() after 1,000 documents written elsewhere: {time.perf_counter() - start:.3f} s"
    )
    assert reader.vectors.size == len(matrix)
    writer.close()
    measure("sqlite", reader, matrix, probes, base)
    reader.close()


@contextlib.contextmanager
def elasticsearch_url(url: str | None, *, start: bool) -> Iterator[str | None]:
    """The server to measure: the given one, PRESSWATCH_ELASTICSEARCH_URL, or one started here (`start`)."""
    url = url or os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    if url or not start:
        yield url
        return
    from tests.elastic_server import ElasticServer

    server = ElasticServer()
    try:
        server.start()
        yield server.url
    finally:
        server.remove()


def elasticsearch_run(url: str, matrix: Matrix, probes: list[int], base: Timings, folder: Path) -> None:
    from search.elastic import ElasticsearchBackend

    backend = ElasticsearchBackend(
        url=url, index=f"bench-similar-{os.getpid()}", outbox_path=folder / "outbox"
    )
    try:
        seconds = index_all(backend, matrix)
        backend.refresh_now()
        backend.client.options(request_timeout=1800).indices.forcemerge(
            index=backend.alias, max_num_segments=1
        )
        print(
            f"elasticsearch: indexed {len(matrix)} documents in {seconds:.0f} s (then merged to one segment)"
        )
        measure("elasticsearch", backend, matrix, probes, base)
    finally:
        with contextlib.suppress(Exception):
            backend.client.indices.delete(index=f"{backend.alias}-*")
            backend.client.indices.delete_index_template(name=backend.alias)
        backend.close()


def run(
    *,
    docs: int = 100_000,
    backends: tuple[str, ...] = ("sqlite", "elasticsearch"),
    elasticsearch: str | None = None,
    start_elasticsearch: bool = False,
    sqlite_direct: bool = False,
) -> None:
    """Measure and print; `elasticsearch` is a server URL (else PRESSWATCH_ELASTICSEARCH_URL)."""
    matrix = vectors(docs)
    probes = [int(i) for i in np.random.default_rng(3).choice(docs - 1000, size=PROBES, replace=False)]
    base, _ = timings(lambda p: exact_top(matrix, p), probes)
    print(f"## similar documents, {docs} documents, {PROBES} probes, top {K}")
    print(f"baseline (exact float32 brute force in numpy, vectors in memory): {base.line()}")
    with tempfile.TemporaryDirectory(prefix="presswatch-similar-") as tmp:
        if "sqlite" in backends:
            sqlite_run(matrix, probes, base, Path(tmp), direct=sqlite_direct)
        if "elasticsearch" in backends:
            with elasticsearch_url(elasticsearch, start=start_elasticsearch) as url:
                if url is None:
                    print("elasticsearch: skipped (pass --elasticsearch-url or --start-elasticsearch)")
                else:
                    elasticsearch_run(url, matrix, probes, base, Path(tmp))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument(
        "--backend", action="append", choices=["sqlite", "elasticsearch"], help="default: both"
    )
    parser.add_argument("--elasticsearch-url", default=None)
    parser.add_argument("--start-elasticsearch", action="store_true", help="start the test suite's server")
    parser.add_argument(
        "--sqlite-direct",
        action="store_true",
        help="fill SQLite's documents and vectors directly instead of through index() (much faster)",
    )
    args = parser.parse_args()
    run(
        docs=args.docs,
        backends=tuple(args.backend or ("sqlite", "elasticsearch")),
        elasticsearch=args.elasticsearch_url,
        start_elasticsearch=args.start_elasticsearch,
        sqlite_direct=args.sqlite_direct,
    )


if __name__ == "__main__":
    main()
