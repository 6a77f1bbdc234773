"""Search backends at scale: bulk indexing speed, size on disk and latency over a fixed mix of 200 queries.

Generates N realistic documents (default 100,000; `--docs`), indexes them into each backend, and runs the
same 200 queries on each: 110 text (one to three words, common and rare), 40 text with filters, 20
phrases, OR, exclusions and prefixes, 15 filter-only lists, 15 text sorted by date; facets on, as the API
asks. The baseline, in the same run on the same SQLite file, is how the backend searched before: BM25 and
snippets over every match, then the total and three facets over every match.

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
    """A backend under test, with how to measure its size on disk and to drop it afterwards."""

    backend: SearchBackend
    size_bytes: Callable[[], int]
    close: Callable[[], None]


def sqlite_subject(folder: Path, _: argparse.Namespace) -> Subject | None:
    from search.sqlite import SQLiteBackend

    path = folder / "index.sqlite3"
    backend = SQLiteBackend(path=path)

    def size() -> int:
        return sum(p.stat().st_size for p in folder.glob("index.sqlite3*"))

    return Subject(backend=backend, size_bytes=size, close=backend.close)


def elasticsearch_subject(folder: Path, args: argparse.Namespace) -> Subject | None:
    url = args.elasticsearch_url or os.environ.get("PRESSWATCH_BENCH_ELASTICSEARCH_URL")
    if not url:
        print("elasticsearch: skipped (no server URL: pass --elasticsearch-url)")
        return None
    try:
        from search import elastic  # type: ignore[attr-defined]
    except ImportError:
        print("elasticsearch: skipped (search/elastic.py is not built on this branch)")
        return None
    backend = elastic.ElasticsearchBackend(url=url, index=f"bench-{os.getpid()}")
    return Subject(
        backend=backend,
        size_bytes=getattr(backend, "size_bytes", lambda: 0),
        close=getattr(backend, "drop", backend.close),
    )


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
    for query in queries[:10]:  # warm the page cache the same way for every contender
        run(query)
    spent = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        spent.append(time.perf_counter() - start)
    return spent


def line(name: str, spent: list[float]) -> str:
    ms = 1000
    return (
        f"{name:<34} p50 {statistics.median(spent) * ms:8.1f} ms  p95 {percentile(spent, 0.95) * ms:8.1f} ms"
        f"  p99 {percentile(spent, 0.99) * ms:8.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--backend", action="append", choices=sorted(FACTORIES), help="default: all")
    parser.add_argument("--elasticsearch-url", default=None)
    parser.add_argument(
        "--baseline-every", type=int, default=1, help="run the (slow) baseline on every Nth query of the mix"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the SQLite index in this folder; when one is already there, search it instead of indexing",
    )
    args = parser.parse_args()
    generator = Generator()
    queries = query_mix(generator)
    print(f"# search backends: {args.docs:,} generated documents, {len(queries)} queries")
    results: dict[str, float] = {}
    for name in args.backend or list(FACTORIES):
        kept = args.keep if name == "sqlite" else None
        folder = kept or Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        reuse = kept is not None and (kept / "index.sqlite3").exists()
        try:
            subject = FACTORIES[name](folder, args)
            if subject is None:
                continue
            print(f"\n## {name}")
            if reuse:
                print(
                    f"reusing the index in {folder} ({subject.backend.count():,} documents): indexing not timed"
                )
            else:
                start = time.perf_counter()
                for batch in batches(Generator().documents(args.docs)):
                    subject.backend.index(batch)
                seconds = time.perf_counter() - start
                print(f"bulk indexing (generation included): {args.docs / seconds:,.0f} docs/s")
            print(f"index size on disk: {subject.size_bytes() / 2**20:,.0f} MiB")
            ours = timings(subject.backend.search, queries)
            print(line(f"{name} search", ours))
            results[name] = percentile(ours, 0.95)
            if name == "sqlite":
                subset = queries[:: args.baseline_every]
                same = ours[:: args.baseline_every]
                conn = sqlite3.connect(folder / "index.sqlite3")
                base = timings(functools.partial(baseline_search, conn), subset)
                conn.close()
                print(line(f"baseline, {len(subset)} of the queries", base))
                print(line(f"{name} on the same {len(subset)}", same))
                print(f"ratio, p95 baseline / {name}: {percentile(base, 0.95) / percentile(same, 0.95):.2f}")
            subject.close()
        finally:
            if kept is None:
                shutil.rmtree(folder, ignore_errors=True)
    if len(results) > 1:
        print("\n## ratios of p95 to sqlite")
        for name, p95 in results.items():
            print(f"{name}: {p95 / results['sqlite']:.2f}")


if __name__ == "__main__":
    main()
