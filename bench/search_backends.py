"""Search backends at scale: bulk indexing speed, size on disk and latency over a fixed mix of 200 queries.

Generates N realistic documents (default 100,000; `--docs`), indexes them into each backend, and runs the
same 200 queries on each: 110 text (one to three words, common and rare), 40 text with filters, 20
phrases, OR, exclusions and prefixes, 15 filter-only lists, 15 text sorted by date; facets on, as the API
asks. The baseline, in the same run on the same SQLite file, is how the backend searched before: BM25 and
snippets over every match, then the total and three facets over every match.

Then, unless `--no-similar`, similar documents at the same size on the same backends
(bench/similar_documents.py: `similar()` and semantic search latency, recall against exact cosine).

Backends: a factory per name. `sqlite` always runs; `elasticsearch` runs when a server URL is given
(`--elasticsearch-url` or PRESSWATCH_BENCH_ELASTICSEARCH_URL) and `search.elastic` exists, else it is skipped.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import CURRENCIES, SOURCES, Generator
from presswatch.document import Document
from search.base import Query, SearchBackend

BATCH = 1000
QUERY_MIX = 200


@dataclass
class Subject:
    """A backend under test: how to make its writes searchable, measure its size on disk, and drop it."""

    backend: SearchBackend
    size_bytes: Callable[[], int]
    close: Callable[[], None]
    settle: Callable[[], None] = lambda: None  # after bulk indexing: what a reader needs to see every write
    folder: Path | None = None  # the SQLite file's folder (the baseline opens it)
    in_process: bool = False  # the backend's work runs in this process, so its CPU time is measurable


def sqlite_subject(folder: Path, _: argparse.Namespace) -> Subject | None:
    from search.sqlite import SQLiteBackend

    path = folder / "index.sqlite3"
    backend = SQLiteBackend(path=path)

    def size() -> int:
        return sum(p.stat().st_size for p in folder.glob("index.sqlite3*"))

    return Subject(backend=backend, size_bytes=size, close=backend.close, folder=folder, in_process=True)


def elasticsearch_subject(folder: Path, args: argparse.Namespace) -> Subject | None:
    """The server at --elasticsearch-url (or PRESSWATCH_ELASTICSEARCH_URL), else one started as the tests do."""
    from elasticsearch import Elasticsearch

    from search.elastic import ElasticsearchBackend

    url = args.elasticsearch_url or os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    server = None
    if not url:
        from tests import elastic_server
        from tests.elastic_server import ElasticServer, ElasticStartError

        elastic_server.START_TIMEOUT = 900.0  # a loaded machine starts it slowly; a benchmark can wait
        try:
            server = ElasticServer()
            server.start()
        except (ElasticStartError, OSError) as exc:
            print(f"elasticsearch: skipped (the server could not start: {exc})")
            if server is not None:
                server.remove()
            return None
        url = server.url
        print(f"elasticsearch: started {server.version} on {url} (512 MB heap, as the tests run it)")
    alias = f"bench-{os.getpid()}"
    backend = ElasticsearchBackend(
        url=url, index=alias, outbox_path=folder / "outbox.sqlite3", request_timeout=600.0
    )  # a bulk request on a loaded machine can take minutes; a benchmark waits rather than queue
    client = Elasticsearch(url, request_timeout=600)

    def size() -> int:
        stats = client.indices.stats(index=alias, metric="store")
        return int(stats["_all"]["primaries"]["store"]["size_in_bytes"])

    def close() -> None:
        client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=alias)
        client.close()
        backend.close()
        if server is not None:
            server.remove()

    return Subject(backend=backend, size_bytes=size, close=close, settle=backend.refresh_now)


FACTORIES: dict[str, Callable[[Path, argparse.Namespace], Subject | None]] = {
    "sqlite": sqlite_subject,
    "elasticsearch": elasticsearch_subject,
}


def query_mix(generator: Generator) -> list[Query]:
    rng = random.Random(11)
    common, middling, rare = generator.words[30:300], generator.words[300:3000], generator.words[3000:12000]
    places = list(generator.places)

    def words(count: int) -> str:
        return " ".join(rng.choice(rng.choice((common, middling, middling, rare))) for _ in range(count))

    queries: list[Query] = []
    for _ in range(110):
        queries.append(Query(text=words(rng.choice((1, 2, 2, 3)))))
    for _ in range(40):
        place = rng.choice(places)
        filters: list[dict[str, Any]] = [
            {"sources": (rng.choice(SOURCES),)},
            {"countries": (place.code,)},
            {"published_from": datetime(2025, rng.randint(1, 12), 1, tzinfo=UTC)},
            {"figure_currency": rng.choice(CURRENCIES), "figure_min": 10_000_000.0},
            {"entities": (place.name,)},
        ]
        queries.append(Query(text=words(rng.choice((1, 2))), **rng.choice(filters)))
    for _ in range(20):
        a, b = rng.choice(middling), rng.choice(middling)
        shape = rng.choice(('"{a} {b}"', "{a} OR {b}", "{a} -{b}", "{p}*"))
        queries.append(Query(text=shape.format(a=a, b=b, p=a[:4])))
    for _ in range(15):
        place = rng.choice(places)
        queries.append(Query(countries=(place.code,), kinds=("press_release",)))
    for _ in range(15):
        queries.append(Query(text=words(1), sort="date"))
    return queries[:QUERY_MIX]


KINDS = (
    ("text", "text"),
    ("filtered", "text + filter"),
    ("operators", "phrase/OR/-/prefix"),
    ("filters-only", "filters only"),
    ("by-date", "text by date"),
)


def kind_of(query: Query) -> str:
    if not query.text:
        return "filters-only"
    if query.sort == "date":
        return "by-date"
    if any(c in query.text for c in '"*-') or " OR " in query.text:
        return "operators"
    filtered = query.model_dump(
        include={"sources", "countries", "entities", "published_from", "figure_currency"}
    )
    return "filtered" if any(filtered.values()) else "text"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def batches(documents: Iterator[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def baseline_search(conn: sqlite3.Connection, query: Query) -> None:
    """The previous SQLite search: rank and snippet every match, then total and facets over every match."""
    from search.parsed import parse_query
    from search.querytext import compile_fts

    if not query.text:
        where, params = "1", []
        conn.execute(
            f"SELECT data FROM documents d WHERE {where} ORDER BY published DESC LIMIT 11"
        ).fetchall()
        matched = "SELECT rowid FROM documents"
    else:
        match = compile_fts(parse_query(query.text))
        conn.execute(
            "SELECT d.data, -bm25(documents_fts, 8.0, 1.0, 3.0), snippet(documents_fts, -1, '[', ']', '…', 24)"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
            " ORDER BY bm25(documents_fts, 8.0, 1.0, 3.0) LIMIT 11",
            (match,),
        ).fetchall()
        matched = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
        params = [match]
    conn.execute(f"SELECT count(*) FROM ({matched})", params).fetchone()
    for column in ("source", "kind"):
        conn.execute(
            f"SELECT {column}, count(*) FROM documents WHERE rowid IN ({matched}) GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
            params,
        ).fetchall()
    conn.execute(
        f"SELECT name, count(DISTINCT doc_rowid) FROM mentions WHERE doc_rowid IN ({matched}) AND label != 'DATE'"
        " GROUP BY name ORDER BY 2 DESC LIMIT 20",
        params,
    ).fetchall()


def timings(run: Callable[[Query], object], queries: list[Query]) -> list[float]:
    for query in queries[:10]:  # warm the caches the same way for every contender
        run(query)
    spent = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        spent.append(time.perf_counter() - start)
    return spent


def summary(spent: list[float]) -> dict[str, float]:
    return {
        "p50": statistics.median(spent),
        "p95": percentile(spent, 0.95),
        "p99": percentile(spent, 0.99),
    }


def line(name: str, spent: list[float]) -> str:
    figures = "  ".join(f"{k} {v * 1000:8.1f} ms" for k, v in summary(spent).items())
    return f"{name:<34} {figures}"


def index_all(subject: Subject, docs: int) -> None:
    """Bulk-index `docs` generated documents in batches, then settle once; prints documents per second."""
    start = time.perf_counter()
    for batch in batches(Generator().documents(docs)):
        report = subject.backend.index(batch)
        if report.failed or report.queued:
            raise SystemExit(f"indexing failed: {len(report.failed)} refused, {report.queued} queued")
    subject.settle()
    seconds = time.perf_counter() - start
    print(f"bulk indexing (generation included): {docs / seconds:,.0f} docs/s ({seconds:,.0f} s)")


def cpu_timings(run: Callable[[Query], object], queries: list[Query]) -> list[float]:
    """This process's CPU time per query: for an embedded backend, its latency on an otherwise idle core."""
    spent = []
    for query in queries:
        start = time.process_time()
        run(query)
        spent.append(time.process_time() - start)
    return spent


def search_latency(name: str, subject: Subject, queries: list[Query]) -> list[float]:
    """Latency of the query mix, by kind of query too (the slowest kind is what to fix first)."""
    spent = timings(subject.backend.search, queries)
    print(line(f"{name} search", spent))
    if subject.in_process:  # on a shared machine, wall time also counts other jobs' turns on the CPU
        print(line(f"{name} search, CPU time", cpu_timings(subject.backend.search, queries)))
    for kind, share in KINDS:
        picked = [t for t, q in zip(spent, queries, strict=True) if kind_of(q) == kind]
        if picked:
            print(line(f"  {share} ({len(picked)})", picked))
    return spent


def sqlite_baseline(folder: Path, queries: list[Query], ours: list[float], every: int) -> None:
    subset = queries[::every]
    same = ours[::every]
    conn = sqlite3.connect(folder / "index.sqlite3")
    base = timings(functools.partial(baseline_search, conn), subset)
    conn.close()
    print(line(f"baseline, {len(subset)} of the queries", base))
    print(line(f"sqlite on the same {len(subset)}", same))
    print(f"ratio, p95 baseline / sqlite: {percentile(base, 0.95) / percentile(same, 0.95):.2f}")


def run_backend(name: str, args: argparse.Namespace, queries: list[Query]) -> list[float] | None:
    """Index (or reuse a kept SQLite index), measure size and latency; the latencies, or None if skipped."""
    kept = args.keep if name == "sqlite" else None
    folder = kept or Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    reuse = kept is not None and (kept / "index.sqlite3").exists()
    try:
        subject = FACTORIES[name](folder, args)
        if subject is None:
            return None
        try:
            print(f"\n## {name}")
            if reuse:
                count = subject.backend.count()
                print(f"reusing the index in {folder} ({count:,} documents): indexing not timed")
            else:
                index_all(subject, args.docs)
            print(f"index size on disk: {subject.size_bytes() / 2**20:,.0f} MiB")
            spent = search_latency(name, subject, queries)
            if subject.folder is not None and args.baseline_every:
                sqlite_baseline(subject.folder, queries, spent, args.baseline_every)
            return spent
        finally:
            subject.close()
    finally:
        if kept is None:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--backend", action="append", choices=sorted(FACTORIES), help="default: all")
    parser.add_argument("--elasticsearch-url", default=None)
    parser.add_argument(
        "--baseline-every",
        type=int,
        default=1,
        help="run the (slow) SQLite baseline on every Nth query of the mix; 0: not at all",
    )
    parser.add_argument(
        "--no-similar",
        action="store_true",
        help="skip similar documents (bench/similar_documents.py at the same size, on the same backends)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the SQLite index in this folder; when one is already there, search it instead of indexing",
    )
    args = parser.parse_args()
    queries = query_mix(Generator())
    print(f"# search backends: {args.docs:,} generated documents, {len(queries)} queries")
    results: dict[str, dict[str, float]] = {}
    for name in args.backend or list(FACTORIES):
        spent = run_backend(name, args, queries)
        if spent is not None:
            results[name] = summary(spent)
    if not args.no_similar:  # the similar-document figures: latency and recall at the same size
        from bench import similar_documents

        print()
        similar_documents.run(
            docs=args.docs,
            backends=tuple(args.backend or list(FACTORIES)),
            elasticsearch=args.elasticsearch_url,
            start_elasticsearch=not (
                args.elasticsearch_url or os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
            ),
            sqlite_direct=True,
        )
    if "sqlite" in results and len(results) > 1:
        print("\n## ratios to sqlite (latency: above 1 is slower than sqlite)")
        for name, figures in results.items():
            if name != "sqlite":
                ratios = "  ".join(f"{k} {v / results['sqlite'][k]:.2f}" for k, v in figures.items())
                print(f"{name}: {ratios}")


if __name__ == "__main__":
    main()
