"""Indexing and search speed of the SQLite FTS5 backend, against a naive scan of the same SQLite file.

1,810 documents (the 181 real article bodies, ten copies at different URLs), 60 one- and two-word queries
drawn from the corpus. The baseline answers the same queries with `LIKE '%word%'` over a plain table.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, report, timed
from presswatch.document import Document
from search.base import Query
from search.sqlite import SQLiteBackend

COPIES = 10
QUERIES = 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    truth = json.loads((EVAL / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [entry["articleBody"] for entry in truth.values()]
    docs = [
        Document.from_page(
            url=f"https://bench.example/{copy}/{n}", source=f"s{copy}", title=body[:60], body=body
        )
        for copy in range(COPIES)
        for n, body in enumerate(bodies)
    ]
    rng = random.Random(7)
    words = [w for body in bodies for w in body.split() if w.isalpha() and len(w) > 5]
    queries = [" ".join(rng.sample(words, rng.choice((1, 2)))) for _ in range(QUERIES)]

    with tempfile.TemporaryDirectory() as folder:
        backend = SQLiteBackend(path=Path(folder) / "index.sqlite3")
        _, index_time = timed(lambda: backend.index(docs))
        ours: list[float] = []
        for text in queries:
            start = time.perf_counter()
            backend.search(Query(text=text, limit=10))
            ours.append(time.perf_counter() - start)
        backend.close()

        plain = sqlite3.connect(Path(folder) / "plain.sqlite3")
        plain.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, title TEXT, body TEXT)")

        def load_plain() -> None:
            with plain:
                plain.executemany(
                    "INSERT INTO docs VALUES (?, ?, ?)", [(d.id, d.title, d.body) for d in docs]
                )

        _, plain_index_time = timed(load_plain)
        base: list[float] = []
        for text in queries:
            clauses = " AND ".join("body LIKE ?" for _ in text.split())
            start = time.perf_counter()
            plain.execute(
                f"SELECT id, substr(body, 1, 200) FROM docs WHERE {clauses} LIMIT 10",
                [f"%{w}%" for w in text.split()],
            ).fetchall()
            base.append(time.perf_counter() - start)
        plain.close()

    ms = 1000
    report(
        f"index and search, {len(docs)} documents, {QUERIES} queries (baseline: LIKE scan, same SQLite)",
        [
            ("index docs per second", f"{len(docs) / index_time:.0f}", f"{len(docs) / plain_index_time:.0f}"),
            ("query p50 ms", f"{statistics.median(ours) * ms:.2f}", f"{statistics.median(base) * ms:.2f}"),
            ("query p95 ms", f"{percentile(ours, 0.95) * ms:.2f}", f"{percentile(base, 0.95) * ms:.2f}"),
        ],
        ("query p50 baseline / presswatch (speed-up)", statistics.median(base) / statistics.median(ours)),
    )
    print("note: presswatch's queries also rank by BM25, build highlighted snippets and count facets")


if __name__ == "__main__":
    main()
