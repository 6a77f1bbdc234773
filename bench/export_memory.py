"""Peak memory of a streaming CSV export (GET /search?format=csv) of 1,000 and of 10,000 documents.

Indexes 10,000 synthetic documents (each with a money figure and an agreement) into a temporary SQLite
index, then drives the ASGI app directly (no test client, which would buffer the whole body) and
throws each chunk away as it arrives, as a client saving to disk would. Peak memory is the Python heap's
peak during the export (tracemalloc). Flat means the 10,000-row export peaks near the 1,000-row one; the
ratio is printed. The baseline, in the same run, is the same rows built in memory first (what a
non-streaming export would hold): that one grows with the rows.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.app import create_app
from api.export import CSV_COLUMNS, flat_row, hits
from bench.corpus import export_releases
from presswatch.config import Settings
from search.base import Query
from search.sqlite import SQLiteBackend


async def _export(app: Any, rows: int) -> tuple[int, int]:
    """GET /search?format=csv through the ASGI interface; returns (bytes received, lines)."""
    received = [0, 0]
    query = f"q=frigates&format=csv&sort=date&max_rows={rows}".encode()
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": "/search", "raw_path": b"/search", "query_string": query, "root_path": "",
        "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip

    requested = False
    finished = asyncio.Event()

    async def receive() -> dict[str, Any]:
        """The request once; then, like a client that stays connected, nothing until the response ends."""
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            assert message["status"] == 200, message
        elif message["type"] == "http.response.body":
            chunk = message.get("body", b"")
            received[0] += len(chunk)
            received[1] += chunk.count(b"\n")
            if not message.get("more_body", False):
                finished.set()

    async with app.router.lifespan_context(app):
        await app(scope, receive, send)
    finished.set()
    return received[0], received[1]


def streamed(settings: Settings, rows: int) -> tuple[float, float, int]:
    app = create_app(settings)
    tracemalloc.start()
    started = time.perf_counter()
    size, lines = asyncio.run(_export(app, rows))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert lines == rows + 1, (lines, rows)
    return peak / 2**20, seconds, size


def in_memory(settings: Settings, rows: int) -> float:
    """Baseline: every row collected, then written as one CSV string."""
    backend = SQLiteBackend(path=settings.sqlite_path)
    tracemalloc.start()
    collected = list(hits(backend, Query(text="frigates", sort="date"), max_rows=rows))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(flat_row(h) for h in collected)
    text = buffer.getvalue()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    backend.close()
    assert text.count("\n") == rows + 1
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), rate_limit_per_minute=0, export_max_rows=args.large)
        started = time.perf_counter()
        backend = SQLiteBackend(path=settings.sqlite_path)
        backend.index(export_releases(args.large, filler_sentences=3))
        backend.close()
        print(f"indexed {args.large:,} documents in {time.perf_counter() - started:.1f} s")
        results = {}
        for rows in (args.small, args.large):
            peak, seconds, size = streamed(settings, rows)
            results[rows] = peak
            print(
                f"streamed CSV export of {rows:>6,} documents: peak {peak:6.2f} MiB, {size / 2**20:6.2f} MiB sent,"
                f" {seconds:5.2f} s ({rows / seconds:,.0f} rows/s)"
            )
        baseline = {rows: in_memory(settings, rows) for rows in (args.small, args.large)}
        for rows, peak in baseline.items():
            print(f"baseline (rows built in memory) {rows:>6,} documents: peak {peak:6.2f} MiB")
    ratio = results[args.large] / results[args.small]
    base_ratio = baseline[args.large] / baseline[args.small]
    print(
        f"streamed peak ratio {args.large:,}/{args.small:,} documents: {ratio:.2f}x (rows: {args.large / args.small:.0f}x)"
    )
    print(f"baseline peak ratio {args.large:,}/{args.small:,} documents: {base_ratio:.2f}x")
    print(
        f"streamed vs baseline at {args.large:,} documents: {results[args.large] / baseline[args.large]:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
