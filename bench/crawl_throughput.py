"""Crawl throughput: pages per second over a generated 1,000-page site on loopback.

The site is the demo newsroom's server with 1,000 generated articles (the demo's bodies, renamed), one
feed listing them all. Each variant is a real crawl (`crawlers.run.crawl`, in its own process because
Twisted's reactor runs once per process) into a new index:

- fetch only (the baseline): every page downloaded and decoded, nothing extracted;
- fetch + extract: trafilatura and metadata on the reactor, nothing analysed or indexed;
- full: extraction, then NLP (spaCy, in batches) and indexing in the index worker process.

The ratio is full / fetch only. Usage: python bench/crawl_throughput.py [--pages N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import report
from presswatch.demo.server import NewsroomServer
from presswatch.demo.site import load_articles

VARIANTS = ("fetch", "extract", "full")


def generate_site(folder: Path, *, pages: int) -> None:
    """`pages` article files in the demo newsroom's format, cycling through the demo's own articles."""
    demo = load_articles()
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for number in range(pages):
        article = demo[number % len(demo)]
        header = (
            f"title: {article.title} (no. {number})\nkind: {article.kind}\n"
            f"published: {(start + timedelta(hours=number)).isoformat()}\nsummary: {article.summary}\n"
        )
        body = "\n\n".join(article.paragraphs)
        (folder / f"bench-{number:04d}.txt").write_text(f"{header}\n{body}\n", encoding="utf-8")


def crawl_variant(variant: str, *, data_dir: Path, sources_file: Path) -> dict[str, Any]:
    """Run in the child process: one crawl with the stages of `variant`, and what it counted."""
    from crawlers.pipelines import IndexPipeline
    from crawlers.run import crawl, select_sources
    from crawlers.spiders.feed import FeedSpider
    from presswatch.config import Settings

    if variant == "fetch":

        def fetched_only(self: FeedSpider, response: Any, entry: Any) -> Any:
            self.crawler.stats.inc_value("presswatch/articles")
            return iter(())

        FeedSpider.parse_article = fetched_only  # type: ignore[method-assign,assignment]
    if variant == "extract":
        IndexPipeline.process_item = lambda self, item, spider=None: item  # type: ignore[method-assign]
    settings = Settings(data_dir=data_dir, sources_file=sources_file, crawl_start_delay=0.0)
    start = time.perf_counter()
    result = crawl(settings, sources=select_sources(settings))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": result.total("articles"), "indexed": result.total("indexed_new")}


def run_variant(variant: str, *, folder: Path, feed_url: str, pages: int) -> dict[str, Any]:
    data_dir = folder / variant
    data_dir.mkdir()
    sources_file = data_dir / "sources.toml"
    sources_file.write_text(
        f'[[source]]\nname = "bench"\nurl = "{feed_url}"\nmax_items = {pages}\n', encoding="utf-8"
    )
    env = {**os.environ, "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true"}  # the site is on loopback
    args = ["--child", variant, "--data-dir", str(data_dir), "--sources-file", str(sources_file)]
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, timeout=3600, check=False
    )
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{variant} crawl failed:\n{child.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sources-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(crawl_variant(args.child, data_dir=args.data_dir, sources_file=args.sources_file)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "articles").mkdir()
        generate_site(folder / "articles", pages=args.pages)
        with NewsroomServer(articles_dir=folder / "articles") as site:
            results = {
                v: run_variant(v, folder=folder, feed_url=site.feed_url, pages=args.pages) for v in VARIANTS
            }
    for variant, figures in results.items():
        if figures["articles"] != args.pages:
            raise SystemExit(f"{variant}: read {figures['articles']} of {args.pages} pages")
    if results["full"]["indexed"] != args.pages:
        raise SystemExit(f"full: indexed {results['full']['indexed']} of {args.pages} pages")

    def rate(variant: str) -> float:
        return float(args.pages / results[variant]["seconds"])

    rows = [
        ("pages", str(args.pages), str(args.pages)),
        ("crawl seconds, fetch + extract", f"{results['extract']['seconds']:.1f}", ""),
        ("pages/s, fetch + extract", f"{rate('extract'):.1f}", ""),
        (
            "crawl seconds (full / fetch only)",
            f"{results['full']['seconds']:.1f}",
            f"{results['fetch']['seconds']:.1f}",
        ),
        ("pages/s (full / fetch only)", f"{rate('full'):.1f}", f"{rate('fetch'):.1f}"),
    ]
    report(
        "Crawl throughput on loopback: full pipeline (extract + NLP + index) vs fetch only",
        rows,
        ("pages/s with extraction / without", rate("full") / rate("fetch")),
    )


if __name__ == "__main__":
    main()
