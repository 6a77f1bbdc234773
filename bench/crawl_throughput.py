"""Crawl throughput end to end: `presswatch crawl` of N realistic releases against plain Scrapy, on loopback.

    python bench/crawl_throughput.py [--pages 500] [--rounds 3] [--workers 2]

The site: N generated press releases of about 600 words each (bench/corpus.py: words drawn by their real
frequency, real country names, people and organisations, in paragraphs), one RSS feed listing them all, and a
robots.txt, served as static files by a separate pre-forked HTTP server process (two processes accepting on
one socket), so the server is never the bottleneck and never shares a process with a crawler.

Variants, each a fresh process, interleaved (A B C D, A B C D, ...), the figure the median:
- `scrapy`: plain Scrapy, 32 concurrent requests, no AutoThrottle, no robots.txt; the callback keeps only
  the page's length (the baseline: what fetching alone costs);
- `scrapy+trafilatura`: the same with `trafilatura.extract` in the callback (fetch and extract a body);
- `presswatch 1 worker`: `presswatch crawl` with `PRESSWATCH_NLP_WORKERS=1`, timed from start to exit, every
  page fetched, extracted, analysed (spaCy, rules, encoder) and indexed;
- `presswatch N workers`: the same with the NLP pool at `--workers`.

Beside each figure: the load average at the end of the run (the machine may be shared) and, for the
presswatch runs, when the last page was indexed (the index's `indexed_at`, to the second) and the cores its
process tree kept busy until then, on average and in ten slices (from /proc/<pid>/stat of the crawl and all
its descendants), and the cores its threads wanted (running, or runnable and waiting: on a shared
machine an overstatement of what a quiet one would keep busy, but a pool that never wants fewer than the
cores never waited for its writer): the pool should keep every core busy until the last page
is indexed. The pool's rate is
also set against the single worker's rate when issue 17 was filed (its bar: 1.7 times that). A run that
does not read (or, for presswatch, index) every page stops the bench.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import cpu_until, last_indexed, run_watched

VARIANTS = ("scrapy", "scrapy+trafilatura", "presswatch-1", "presswatch-n")
# `presswatch crawl` with one NLP worker, pages/s, when issue 17 was filed (the same 500 600-word pages, a
# quiet machine): the issue's bar is 1.7 times this.
ISSUE_ONE_WORKER = 2.7
SERVER_PROCESSES = 2


# --- the site --------------------------------------------------------------------------------------------


def generate_site(folder: Path, *, pages: int) -> int:
    """Writes the releases, the feed and robots.txt into `folder`; returns the pages' mean word count."""
    from bench.corpus import Generator

    generator = Generator(seed=17)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    (folder / "news").mkdir()
    items, words = [], 0
    for number in range(pages):
        document = generator.document(number)
        sentences = re.split(r"(?<=\.) ", document.body)
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        words += len(document.body.split())
        published = start + timedelta(hours=number)
        title = html.escape(document.title)
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        (folder / "news" / f"release-{number:04d}.html").write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{published.isoformat()}'></head>"
            f"<body><header><nav><a href='/'>Newsroom</a></nav></header><main><article><h1>{title}</h1>"
            f"<time datetime='{published.isoformat()}'>{published:%d %B %Y}</time>\n{body}\n</article></main>"
            f"<footer><p>Published by the bench newsroom.</p></footer></body></html>",
            encoding="utf-8",
        )
        items.append(
            f"<item><title>{title}</title><link>{{base}}/news/release-{number:04d}.html</link>"
            f"<pubDate>{format_datetime(published)}</pubDate></item>"
        )
    (folder / "feed.template").write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Bench newsroom</title>"
        "<link>{base}/</link><description>releases</description>" + "".join(items) + "</channel></rss>",
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return words // pages


def serve(folder: Path) -> None:
    """The server process: binds a loopback port, prints it, and forks so two processes accept on it."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=256)
    port = listener.getsockname()[1]
    template = (folder / "feed.template").read_text(encoding="utf-8")
    (folder / "feed.xml").write_text(template.replace("{base}", f"http://127.0.0.1:{port}"), encoding="utf-8")
    print(port, flush=True)  # once, before forking: two processes printing at once could interleave digits
    for _ in range(SERVER_PROCESSES - 1):
        if os.fork() == 0:
            break
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.serve_forever()


class _QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real server

    def log_message(self, format: str, *args: Any) -> None:
        return


# --- the variants, each run in a child process ----------------------------------------------------------


def scrapy_child(feed_url: str, *, extract: bool) -> dict[str, Any]:
    import scrapy
    import trafilatura
    from scrapy.crawler import CrawlerProcess

    found: dict[str, int] = {"pages": 0, "words": 0}

    class Releases(scrapy.Spider):  # type: ignore[misc]
        name = "releases"

        async def start(self) -> Any:
            yield scrapy.Request(feed_url)

        def parse(self, response: Any) -> Any:
            for link in response.xpath("//item/link/text()").getall():
                yield scrapy.Request(link, callback=self.parse_release)

        def parse_release(self, response: Any) -> Any:
            found["pages"] += 1
            text = trafilatura.extract(response.text, url=response.url) if extract else response.text
            found["words"] += len((text or "").split())
            return iter(())

    process = CrawlerProcess(
        settings={
            "CONCURRENT_REQUESTS": 32,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
            "AUTOTHROTTLE_ENABLED": False,
            "ROBOTSTXT_OBEY": False,
            "LOG_LEVEL": "WARNING",
            "TELNETCONSOLE_ENABLED": False,
            "REMOTE_CONTROL_ENABLED": False,
        }
    )
    process.crawl(Releases)
    process.start()
    return found


def presswatch_run(feed_url: str, *, pages: int, workers: int, folder: Path) -> dict[str, Any]:
    """`presswatch crawl` in its own process; wall time, pages indexed, and its tree's CPU over time."""
    data_dir = Path(tempfile.mkdtemp(dir=folder))
    sources = data_dir / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "bench"\ntype = "feed"\nurl = "{feed_url}"\nkind = "press_release"\n'
        f"max_items = {pages}\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_SOURCES_FILE": str(sources),
        "PRESSWATCH_CRAWL_START_DELAY": "0",
        "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",  # the site is on loopback
        "PRESSWATCH_NLP_WORKERS": str(workers),
    }
    watched = run_watched([sys.executable, "-m", "presswatch", "crawl"], env=env)
    crawl = watched.result
    if crawl.returncode != 0:
        sys.exit(f"presswatch crawl failed (exit {crawl.returncode}):\n{crawl.stderr[-3000:]}")
    indexed = re.search(r"indexed new (\d+)", crawl.stdout)
    last = min(last_indexed(data_dir) - watched.started + 1, watched.seconds)  # indexed_at is to the second
    return {
        "seconds": watched.seconds,
        "pages": int(indexed.group(1)) if indexed else 0,
        "cpu": watched.cpu,
        "last": last,
        "busy": watched.busy(until=last),
        "cores": cpu_until(watched.samples, last) / last,
        "wanted": watched.wanted(until=last),
        "wanting": cpu_until(watched.wanted_samples, last) / last,
    }


def tenths(figures: list[float]) -> str:
    return " ".join(f"{b:.1f}" for b in figures)


def run_variant(variant: str, *, feed_url: str, pages: int, workers: int, folder: Path) -> dict[str, Any]:
    if variant.startswith("presswatch"):
        result = presswatch_run(
            feed_url, pages=pages, workers=1 if variant == "presswatch-1" else workers, folder=folder
        )
    else:
        start = time.perf_counter()
        child = subprocess.run(
            [sys.executable, __file__, "--child", variant, "--feed-url", feed_url],
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        if child.returncode != 0:
            sys.exit(f"{variant} failed (exit {child.returncode}):\n{child.stderr[-3000:]}")
        result = {
            **json.loads(child.stdout.strip().splitlines()[-1]),
            "seconds": time.perf_counter() - start,
            "log": child.stderr[-3000:],
        }
    if result["pages"] != pages:
        sys.exit(f"{variant}: {result['pages']} of {pages} pages read or indexed\n{result.get('log', '')}")
    result["load"] = os.getloadavg()[0]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the pool's size")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--child", choices=VARIANTS[:2], help=argparse.SUPPRESS)
    parser.add_argument("--feed-url", help=argparse.SUPPRESS)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.child:
        print(json.dumps(scrapy_child(args.feed_url, extract=args.child == "scrapy+trafilatura")))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site = folder / "site"
        site.mkdir()
        mean_words = generate_site(site, pages=args.pages)
        server = subprocess.Popen(  # its own process group: the server and the process it forks
            [sys.executable, __file__, "--serve", str(site)],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            feed_url = f"http://127.0.0.1:{port}/feed.xml"
            print(
                f"## crawl of {args.pages} releases (mean {mean_words} words) on loopback,"
                f" {os.cpu_count()} cores, pool of {args.workers}",
                flush=True,
            )
            runs: dict[str, list[dict[str, Any]]] = {v: [] for v in args.variants}
            for round_ in range(1, args.rounds + 1):
                for variant in args.variants:
                    result = run_variant(
                        variant, feed_url=feed_url, pages=args.pages, workers=args.workers, folder=folder
                    )
                    runs[variant].append(result)
                    print(
                        f"round {round_} {variant:>18}: {args.pages / result['seconds']:7.1f} pages/s"
                        f" ({result['seconds']:.1f} s, load average {result['load']:.1f})",
                        flush=True,
                    )
                    if "busy" in result:
                        print(
                            f"{'':>28}last page indexed at {result['last']:.0f} s ({result['cpu']:.0f} CPU s in"
                            f" all); until then cores busy {result['cores']:.2f} on average, per tenth"
                            f" {tenths(result['busy'])}; cores wanted {result['wanting']:.2f}, per tenth"
                            f" {tenths(result['wanted'])}",
                            flush=True,
                        )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)

    def rate(variant: str) -> float:
        return statistics.median(args.pages / r["seconds"] for r in runs[variant])

    print(f"\n{'variant':>20} {'pages/s':>8} {'load':>5}")
    for variant in args.variants:
        load = statistics.median(r["load"] for r in runs[variant])
        print(f"{variant:>20} {rate(variant):>8.1f} {load:>5.1f}")
    if "presswatch-1" in runs and "presswatch-n" in runs:
        print(
            f"ratio, pool of {args.workers} / one worker: {rate('presswatch-n') / rate('presswatch-1'):.2f}"
        )
    if "presswatch-n" in runs:
        print(
            f"ratio, presswatch-n / the single worker's {ISSUE_ONE_WORKER} pages/s when issue 17 was filed:"
            f" {rate('presswatch-n') / ISSUE_ONE_WORKER:.2f}"
        )
    for ours in ("presswatch-1", "presswatch-n"):
        if ours in runs:
            cores = statistics.median(r["cores"] for r in runs[ours])
            wanting = statistics.median(r["wanting"] for r in runs[ours])
            print(
                f"{ours}: until the last page was indexed, {cores:.2f} cores busy and {wanting:.2f} wanted"
                " on average (medians)"
            )
    for base in ("scrapy", "scrapy+trafilatura"):
        for ours in ("presswatch-1", "presswatch-n"):
            if base in runs and ours in runs:
                print(f"ratio, {ours} / {base}: {rate(ours) / rate(base):.3f}")


if __name__ == "__main__":
    main()
