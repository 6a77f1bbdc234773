"""The `presswatch` command: crawl, serve, search, extract, demo."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from presswatch.config import Settings, get_settings

_MARK = re.compile(r"</?mark>")
DEMO_SITE_PORT = 8765


def _read_input(name: str) -> tuple[bytes, str]:
    """The bytes of FILE (or stdin for '-') and a URL that names it."""
    if name == "-":
        return sys.stdin.buffer.read(), "stdin:///input"
    path = Path(name)
    return path.read_bytes(), path.resolve().as_uri()


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        print("presswatch: input is not UTF-8; read it as Windows-1252", file=sys.stderr)
        return raw.decode("cp1252", errors="replace")


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.extract import ExtractionError, extract_page
    from nlp.pipeline import Extractor
    from presswatch.document import Document

    try:
        raw, default_url = _read_input(args.file)
    except OSError as exc:
        print(f"presswatch: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    if len(raw) > settings.max_page_bytes:
        print(
            f"presswatch: {args.file} is {len(raw):,} bytes, more than PRESSWATCH_MAX_PAGE_BYTES "
            f"({settings.max_page_bytes:,})",
            file=sys.stderr,
        )
        return 2
    url = args.url or default_url
    if args.html:
        try:
            document = extract_page(raw, url=url).to_document(source=args.source, default_kind=args.kind)
        except ExtractionError as exc:
            print(f"presswatch: {args.file}: {exc}", file=sys.stderr)
            return 2
    else:
        text = _decode(raw).strip()
        if not text:
            print(f"presswatch: {args.file}: no text", file=sys.stderr)
            return 2
        title = text.splitlines()[0].strip()[:300]
        document = Document.from_page(url=url, source=args.source, title=title, body=text, kind=args.kind)
    enriched = Extractor(model=settings.spacy_model).enrich(document)
    print(json.dumps(enriched.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.run import crawl, select_sources
    from crawlers.sources import SourceError
    from search.base import BackendUnavailableError
    from search.factory import open_backend

    try:
        sources = select_sources(settings, only=args.source)
        open_backend(settings).close()  # fail before fetching anything if there is nowhere to put it
    except (SourceError, ValueError, BackendUnavailableError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    report = crawl(settings, sources=sources)
    for name, stats in report.per_source.items():
        figures = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in stats.items() if value)
        print(f"{name}: {figures or 'nothing new'}")
    failed = report.failed_sources()
    if failed:
        print(f"presswatch: no articles from {', '.join(failed)}: see the errors above", file=sys.stderr)
        return 1
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from search.base import BackendUnavailableError, Query, QueryError
    from search.factory import open_backend

    try:
        backend = open_backend(settings)
    except BackendUnavailableError as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    try:
        page = backend.search(Query(text=args.query, sources=tuple(args.source or ()), limit=args.limit))
    except QueryError as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()
    if args.json:
        print(page.model_dump_json(indent=2))
        return 0
    print(f"{page.total} result(s)")
    for hit in page.hits:
        date = hit.published.date().isoformat() if hit.published else "undated"
        print(f"\n{hit.title}\n  {hit.url}\n  {hit.source} · {hit.kind} · {date}")
        print("  " + _MARK.sub("*", hit.snippet))
        for fig in hit.figures:
            print(f"  figure: {fig.normalized}  ({fig.text})")
        for agreement in hit.agreements:
            print(f"  agreement ({agreement.status}): {', '.join(agreement.parties)}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(settings), host=args.host or settings.host, port=args.port or settings.port)
    return 0


def demo_sources_toml(feed_url: str) -> str:
    return f'[[source]]\nname = "demo-newsroom"\ntype = "feed"\nurl = "{feed_url}"\nkind = "press_release"\n'


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the bundled newsroom on loopback, crawl it into its own index, then serve the API."""
    from presswatch.demo.server import NewsroomServer

    data_dir = settings.data_dir / "demo"
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        site = NewsroomServer(port=args.site_port).start()
    except OSError as exc:
        print(f"presswatch: cannot serve the demo newsroom on port {args.site_port}: {exc}", file=sys.stderr)
        return 2
    sources_file = data_dir / "sources.toml"
    sources_file.write_text(demo_sources_toml(site.feed_url), encoding="utf-8")
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_SOURCES_FILE": str(sources_file),
        "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",  # the newsroom is on loopback
    }
    print(f"demo newsroom at {site.base_url}; crawling it into {data_dir}", flush=True)
    # Twisted's reactor cannot be restarted, so the crawl runs in its own process, exactly as `presswatch crawl`.
    crawl = subprocess.run([sys.executable, "-m", "presswatch", "crawl"], env=env, check=False)
    if crawl.returncode != 0:
        site.close()
        return crawl.returncode
    demo = settings.model_copy(update={"data_dir": data_dir, "sources_file": sources_file})
    print(f"serving on http://{args.host}:{args.port}  (try /search?q=Kosovo, or /docs)", flush=True)
    try:
        return cmd_serve(argparse.Namespace(host=args.host, port=args.port), demo)
    finally:
        site.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presswatch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    crawl = commands.add_parser("crawl", help="crawl the sources of sources.toml into the index")
    crawl.add_argument("--source", action="append", help="only this source (repeatable)")
    crawl.set_defaults(run=cmd_crawl)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(run=cmd_serve)

    search = commands.add_parser("search", help="search the index")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--source", action="append")
    search.add_argument("--json", action="store_true", help="print the result page as JSON")
    search.set_defaults(run=cmd_search)

    extract = commands.add_parser("extract", help="print the Document extracted from text or an HTML page")
    extract.add_argument("file", nargs="?", default="-", help="a file, or - for standard input (default)")
    extract.add_argument("--html", action="store_true", help="the input is an HTML page: extract its article")
    extract.add_argument("--url", help="the page's URL (sets the document id)")
    extract.add_argument("--source", default="cli", help="source name to record")
    extract.add_argument(
        "--kind",
        default="news",
        choices=["press_release", "news", "speech", "statement"],
        help="document kind",
    )
    extract.set_defaults(run=cmd_extract)

    demo = commands.add_parser("demo", help="serve the bundled demo newsroom, crawl it and serve the API")
    demo.add_argument("--port", type=int, default=8000, help="API port (default 8000)")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument(
        "--site-port", type=int, default=DEMO_SITE_PORT, help=f"demo newsroom port (default {DEMO_SITE_PORT})"
    )
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValueError as exc:
        print(f"presswatch: bad configuration: {exc}", file=sys.stderr)
        return 2
    code: int = args.run(args, settings)
    return code
