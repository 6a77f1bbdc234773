"""The `presswatch` command: crawl, check-source, watch, sources, serve, search, extract, reindex, demo."""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, get_args

from pydantic import ValidationError

from presswatch.config import Settings, get_settings
from presswatch.document import AgreementStatus
from presswatch.page_input import InputError, checked_source, page_document

if TYPE_CHECKING:
    from presswatch.document import Document

_MARK = re.compile(r"</?mark>")
DEMO_SITE_PORT = 8765
MAX_SEARCH_LIMIT = 100


def _read_input(name: str) -> tuple[bytes, str]:
    """The bytes of FILE (or stdin for '-') and a URL that names it."""
    if name == "-":
        return sys.stdin.buffer.read(), "stdin:///input"
    path = Path(name)
    return path.read_bytes(), path.resolve().as_uri()


def input_document(args: argparse.Namespace, settings: Settings) -> Document:
    """The `Document` a crawl would make of FILE: the crawler's extraction for HTML, the first line as title
    for text; its id comes from `--url` by the same canonical-URL rule."""
    try:
        raw, default_url = _read_input(args.file)
    except OSError as exc:
        raise InputError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    return page_document(
        raw,
        name=args.file,
        url=args.url or default_url,
        html=args.html,
        source=args.source,
        kind=args.kind,
        settings=settings,
    )


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.index_pipeline import load_extractor
    from crawlers.indexer import enrich_capped
    from presswatch.aliases import AliasesError

    try:
        document = input_document(args, settings)
        extractor = load_extractor(settings)
    except (InputError, AliasesError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    [enriched] = enrich_capped(extractor, [document], max_chars=settings.nlp_max_chars)
    print(json.dumps(enriched.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Index one page or text exactly as a crawl would: same ids, same duplicates → NLP → index code."""
    from crawlers.index_pipeline import build_indexer
    from presswatch.aliases import AliasesError
    from search.base import BackendUnavailableError

    if args.jsonl:
        from presswatch.bulk_ingest import ingest_jsonl

        return ingest_jsonl(args, settings)
    if args.url is None:
        print("presswatch: the following arguments are required: --url (or --jsonl)", file=sys.stderr)
        return 2
    try:
        document = input_document(args, settings)
        with build_indexer(settings) as indexer:  # `presswatch serve` or `alerts deliver` sends its alerts
            [result] = list(indexer.process([document]))
    except (InputError, AliasesError, BackendUnavailableError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    words = {
        "indexed_new": "indexed (new)",
        "indexed_updated": "indexed (updated)",
        "queued_for_index": "queued in the outbox until Elasticsearch answers:",
        "unchanged": "unchanged",
    }
    if result.outcome not in words:
        print(f"presswatch: {result.outcome.replace('_', ' ')[:-1]}: {result.reason}", file=sys.stderr)
        return 1
    print(f"{words[result.outcome]} {result.doc_id} {result.url}")
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


def cmd_check_source(args: argparse.Namespace, settings: Settings) -> int:
    """Fetch a few items of one source and print what was extracted of each; index nothing."""
    from crawlers.check import check_source
    from crawlers.index_pipeline import load_extractor
    from crawlers.indexer import enrich_capped
    from crawlers.language import document_language
    from crawlers.run import select_sources
    from crawlers.sources import SourceError
    from presswatch.aliases import AliasesError

    try:
        (source,) = select_sources(settings, only=[args.name])
        extractor = load_extractor(settings)  # the aliases file too: what a crawl would store
    except (SourceError, ValueError, AliasesError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    print(f"checking {source.name} ({source.type}, {source.url}): up to {args.items} items", flush=True)
    result = check_source(settings, source, items=args.items)
    documents = enrich_capped(extractor, result.documents, max_chars=settings.nlp_max_chars)
    for number, document in enumerate(documents, start=1):
        language = document_language(stated=document.language, title=document.title, body=document.body)
        dates = f"published {document.published or '-'}, modified {document.modified or '-'}"
        print(f"\n{number}. {document.title}\n   {document.url}")
        print(f"   {document.kind}, {dates}, language {language or '?'}, author {document.author or '-'}")
        print(
            f"   body {len(document.body)} characters, entities {len(document.entities)}, figures "
            f"{len(document.figures)}, agreements {len(document.agreements)}, quotes {len(document.quotes)}"
            + (", WITHDRAWN" if document.withdrawn else "")
        )
        if not document.body.strip() or document.published is None:
            print("   warning: " + ("no body" if not document.body.strip() else "no date"))
    problems = ", ".join(
        f"{k.replace('_', ' ')} {v}" for k, v in result.stats.items() if v and k != "articles"
    )
    print(f"\n{source.name}: {len(documents)} items read" + (f"; {problems}" if problems else ""))
    return 0 if documents else 1


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.watch import watch

    return watch(settings, only=args.source, plain=args.plain)


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:

    from crawlers.run import select_sources
    from crawlers.source_report import print_health
    from crawlers.sources import SourceError
    from presswatch.database import STORE_ERRORS
    from presswatch.source_health import read_health
    from search.base import BackendUnavailableError
    from search.factory import open_backend
    from search.source_counts import counted_now

    try:
        names = [source.name for source in select_sources(settings, only=args.source)]
        rows = read_health(settings, names)
    except (SourceError, ValueError, OSError, *STORE_ERRORS) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    try:  # counted now: a cluster's index workers index a crawl's documents after it has ended
        backend = open_backend(settings, create=False)
    except BackendUnavailableError:  # no index yet, or none reachable: the counts the crawls took
        pass
    else:
        try:
            rows = counted_now(rows, backend)
        finally:
            backend.close()
    print_health(rows, as_json=args.json)
    return 0


def demo_data_dir(settings: Settings) -> Path:
    """Where `presswatch demo` keeps its index: beside the user's own, never in it."""
    return settings.data_dir / "demo"


def _where_the_demo_is(settings: Settings) -> str:
    """For a missing index: where the demo's is, when there is one (the README's first command made it, and
    the commands after it look in the data directory itself)."""
    demo = demo_data_dir(settings)
    if settings.search_backend != "sqlite" or not (demo / "index.sqlite3").exists():
        return ""
    return f"; `presswatch demo` indexed into {demo}: set PRESSWATCH_DATA_DIR={demo} to use that one"


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from pydantic import ValidationError

    from alerts.query_names import query_fields
    from presswatch.gazetteer import countries
    from search.base import BackendUnavailableError, IndexMissingError, Query, QueryError
    from search.checks import check_possible
    from search.factory import open_backend
    from search.parsed import parse_query
    from search.stored_names import search_as_filed

    named = {  # GET /search's names, read as the API and saved searches read them
        "q": args.query,
        "source": args.source,
        "kind": args.kind,
        "entity": args.entity,
        "country": args.country,
        "party": args.party,
        "status": args.status,
        "from": args.published_from,
        "to": args.published_to,
        "currency": args.currency,
        "min_amount": args.min_amount,
        "max_amount": args.max_amount,
        "story": args.story,
    }
    try:
        fields = query_fields({name: value for name, value in named.items() if value is not None})
        query = Query(**fields, sort=args.sort, limit=args.limit)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        print(f"presswatch: bad search: {reasons}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a condition named twice
        print(f"presswatch: bad search: {exc}", file=sys.stderr)
        return 2
    known = {place.code for place in countries()}
    for code in query.countries:  # kept as written when the gazetteer cannot place it: GET /search's 400
        if code not in known:
            print(
                f"presswatch: country {code!r} is unknown: give an ISO 3166-1 code (RS) or a country's name"
                " (Serbia)",
                file=sys.stderr,
            )
            return 2
    try:
        check_possible(query)  # the query's own mistakes first, index or none
        if query.text.strip():
            parse_query(query.text)
        backend = open_backend(settings, create=False)  # a search never creates an index
    except IndexMissingError as exc:
        print(f"presswatch: {exc}{_where_the_demo_is(settings)}", file=sys.stderr)
        return 2
    except (QueryError, BackendUnavailableError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    try:
        page = search_as_filed(backend, query)  # 'JICA' as the index files it
    except (QueryError, BackendUnavailableError) as exc:
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
        print("  " + html.unescape(_MARK.sub("*", hit.snippet)))  # the snippet is HTML; a terminal is not
        for fig in hit.figures:
            print(f"  figure: {fig.normalized}  ({fig.text})")
        for agreement in hit.agreements:
            print(f"  agreement ({agreement.status}): {', '.join(agreement.parties)}")
    return 0


def cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the user's aliases file to every stored document (either backend, no NLP run again); on
    Elasticsearch, then rebuild the index from itself under today's mapping and flip the alias."""
    from presswatch.aliases import AliasesError, load_aliases
    from search.aliases import RewriteError, apply_aliases
    from search.base import BackendUnavailableError, IndexMissingError
    from search.factory import open_backend

    try:
        aliases = load_aliases(settings.aliases_path)
        backend = open_backend(settings, create=False)  # nothing to rewrite: say so, create nothing
    except IndexMissingError as exc:
        print(f"presswatch: {exc}{_where_the_demo_is(settings)}", file=sys.stderr)
        return 2
    except (AliasesError, BackendUnavailableError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    try:
        backend.count()  # Elasticsearch is asked only now: a missing index is said before anything else
        if aliases:
            rewritten = apply_aliases(
                backend, aliases, progress=lambda n: print(f"rewrote {n} documents", flush=True)
            )
            print(f"aliases of {settings.aliases_path} applied: {rewritten} documents rewritten")
        else:
            print(f"no aliases at {settings.aliases_path}: stored entities left as they are")
        if settings.search_backend == "elasticsearch":
            from search.elastic import ElasticsearchBackend

            assert isinstance(backend, ElasticsearchBackend)
            new = backend.reindex(progress=lambda n: print(f"copied {n} documents", flush=True))
            print(f"alias {settings.elasticsearch_index} now points at {new}")
    except (BackendUnavailableError, RewriteError) as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from presswatch.serve import serve

    host, port = args.host or settings.host, args.port or settings.port
    # What it listens on is where people reach it unless PRESSWATCH_PUBLIC_URL says otherwise: the links in
    # alert e-mails and chat messages (`Settings.base_url`) pointed at the default port 8000 under --port.
    settings = settings.model_copy(update={"host": host, "port": port})
    return serve(
        settings, host=host, port=port, workers=getattr(args, "workers", None) or settings.api_workers
    )


def demo_sources_toml(feed_url: str) -> str:
    return f'[[source]]\nname = "demo-newsroom"\ntype = "feed"\nurl = "{feed_url}"\nkind = "press_release"\n'


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the bundled newsroom on loopback, crawl it into its own index, then serve the API."""
    from presswatch.demo.server import NewsroomServer

    data_dir = demo_data_dir(settings)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"presswatch: cannot use {data_dir} for the demo index: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        with socket.create_server((args.host, args.port)):
            pass  # fail now, not after the crawl, if the API cannot listen there
    except OSError as exc:
        print(
            f"presswatch: cannot serve the API on {args.host}:{args.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
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


_UNPARSED = re.compile(r'error parsing value for field "(\w+)"')


def _configuration_error(exc: ValueError) -> str:
    """pydantic-settings' complaint in words that name the variable and say how to write it: a list setting
    that is not JSON (`PRESSWATCH_API_KEYS=k1`) said only 'error parsing value for field "api_keys" from
    source "EnvSettingsSource"'."""
    unparsed = _UNPARSED.search(str(exc))
    if unparsed is None:
        return str(exc).splitlines()[0]
    name = f"PRESSWATCH_{unparsed.group(1).upper()}"
    return f'{name} is not valid JSON: write its list as JSON, e.g. {name}=\'["one", "two"]\''


class _Parser(argparse.ArgumentParser):
    """Argument errors in one line and exit status 2: `crawl` keeps 1 for "a source failed"."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _port(text: str) -> int:
    """A TCP port; 0 lets the system pick a free one."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0-65535")
    return port


def _page_url(text: str) -> str:
    """An http(s) URL with a host, that canonicalises: the document id is made from it."""
    from presswatch.document import page_url

    try:
        return page_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).splitlines()[0]) from None


def _source_name(text: str) -> str:
    try:
        return checked_source(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_input_arguments(command: argparse.ArgumentParser, *, url_required: bool) -> None:
    """FILE, --html, --url, --source, --kind: shared by `extract` and `ingest`."""
    command.add_argument("file", nargs="?", default="-", help="a file, or - for standard input (default)")
    command.add_argument("--html", action="store_true", help="the input is an HTML page: extract its article")
    command.add_argument(
        "--url", type=_page_url, required=url_required, help="the page's URL (sets the document id)"
    )
    command.add_argument("--source", type=_source_name, default="cli", help="source name to record")
    command.add_argument(
        "--kind",
        default="news",
        choices=["press_release", "news", "speech", "statement"],
        help="document kind",
    )


def _whole_number(text: str, *, low: int, high: int) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {number}")
    return number


def _search_limit(text: str) -> int:
    """`--limit`: a whole number of results per page, as the API allows (1 to 100)."""
    return _whole_number(text, low=1, high=MAX_SEARCH_LIMIT)


def _workers(text: str) -> int:
    """`serve --workers`: API processes, as PRESSWATCH_API_WORKERS allows (1 to 64)."""
    return _whole_number(text, low=1, high=64)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="presswatch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    crawl = commands.add_parser("crawl", help="crawl the sources of sources.toml into the index")
    crawl.add_argument("--source", type=_source_name, action="append", help="only this source (repeatable)")
    crawl.set_defaults(run=cmd_crawl)

    check = commands.add_parser(
        "check-source", help="fetch a few items of one source and print what was extracted (indexes nothing)"
    )
    check.add_argument("name", type=_source_name, help="a source name from sources.toml")
    check.add_argument("--items", type=_search_limit, default=3, help="items to fetch (default 3)")
    check.set_defaults(run=cmd_check_source)
    watch = commands.add_parser(
        "watch", help="crawl every source on its own schedule (`every` in sources.toml) until stopped"
    )
    watch.add_argument("--source", type=_source_name, action="append", help="only this source (repeatable)")
    watch.add_argument("--plain", action="store_true", help="log lines even on a terminal (no live table)")
    watch.set_defaults(run=cmd_watch)

    sources = commands.add_parser("sources", help="each source's extraction health and last error")
    sources.add_argument("--source", type=_source_name, action="append", help="only this source (repeatable)")
    sources.add_argument("--json", action="store_true", help="print the health as JSON")
    sources.set_defaults(run=cmd_sources)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=_port, default=None)
    serve.add_argument(
        "--workers",
        type=_workers,
        default=None,
        help="API processes over the same index (default PRESSWATCH_API_WORKERS, 1); one delivers alerts",
    )
    serve.set_defaults(run=cmd_serve)

    search = commands.add_parser(
        "search",
        help="search the index",
        description="Free text and GET /search's filters (each repeatable one may be given again; all must "
        "hold). With filters alone, the matching documents newest first.",
    )
    search.add_argument("query", nargs="?", default="", help="free text (may be empty with filters)")
    search.add_argument("--limit", type=_search_limit, default=10, help=f"results (1-{MAX_SEARCH_LIMIT})")
    search.add_argument("--source", action="append")
    search.add_argument("--kind", action="append", help="document kind (repeatable)")
    search.add_argument("--entity", action="append", help="a named entity every result mentions (repeatable)")
    search.add_argument("--country", action="append", help="a country, by name or ISO code (repeatable)")
    search.add_argument("--party", action="append", help="an agreement party (repeatable; UK, JICA...)")
    search.add_argument(
        "--status", action="append", choices=get_args(AgreementStatus), help="agreement status (repeatable)"
    )
    search.add_argument(
        "--from", dest="published_from", help="published on or after (YYYY-MM-DD or ISO time)"
    )
    search.add_argument("--to", dest="published_to", help="published on or before (YYYY-MM-DD or ISO time)")
    search.add_argument("--currency", help="a money figure in this ISO 4217 currency (GBP, EUR...)")
    search.add_argument("--min-amount", type=float, help="a money figure of at least this value")
    search.add_argument("--max-amount", type=float, help="a money figure of at most this value")
    search.add_argument("--story", help="only documents of this story (its story_id)")
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    search.add_argument("--json", action="store_true", help="print the result page as JSON")
    search.set_defaults(run=cmd_search)

    reindex = commands.add_parser(
        "reindex",
        help="apply the aliases file to stored documents; Elasticsearch: then rebuild the index under the"
        " current mapping and flip the alias",
    )
    reindex.set_defaults(run=cmd_reindex)

    extract = commands.add_parser("extract", help="print the Document extracted from text or an HTML page")
    _add_input_arguments(extract, url_required=False)
    extract.set_defaults(run=cmd_extract)

    ingest = commands.add_parser(
        "ingest", help="extract one page or text and index it, exactly as a crawl would (--url sets its id)"
    )
    _add_input_arguments(ingest, url_required=False)
    ingest.add_argument(
        "--jsonl",
        action="store_true",
        help="FILE is JSON Lines, one page a line: url, text or html, and optional title, source, kind;"
        " analysed by PRESSWATCH_NLP_WORKERS processes",
    )
    ingest.set_defaults(run=cmd_ingest)

    demo = commands.add_parser("demo", help="serve the bundled demo newsroom, crawl it and serve the API")
    demo.add_argument("--port", type=_port, default=8000, help="API port (default 8000)")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument(
        "--site-port",
        type=_port,
        default=DEMO_SITE_PORT,
        help=f"demo newsroom port (default {DEMO_SITE_PORT})",
    )
    demo.set_defaults(run=cmd_demo)

    from presswatch.alerts_cli import add_alerts_parser

    add_alerts_parser(commands)
    from presswatch.cluster_cli import add_cluster_parsers

    add_cluster_parsers(commands)
    return parser


def _known_variables_only() -> bool:
    """Warn of each `PRESSWATCH_*` variable (environment or .env) that names no setting; False, after saying
    so, when one may be a misspelled setting that guards access (presswatch/unknown_settings.py)."""
    from dotenv import dotenv_values

    from presswatch.unknown_settings import WARNED, unknown_variables

    names = [*os.environ, *(dotenv_values(".env") if Path(".env").is_file() else {})]
    warned = set(filter(None, os.environ.get(WARNED, "").split(",")))  # by the command that started this one
    refused = False
    for unknown in unknown_variables(names, fields=Settings.model_fields):
        if unknown.guards:
            print(f"presswatch: bad configuration: {unknown.message()}", file=sys.stderr)
            refused = True
        elif unknown.name not in warned:
            print(f"presswatch: warning: {unknown.message()}", file=sys.stderr)
            warned.add(unknown.name)
    if warned:
        os.environ[WARNED] = ",".join(sorted(warned))  # the commands this one starts copy its environment
    return not refused


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "_".join(str(part) for part in first["loc"]).upper()
        print(f"presswatch: bad configuration: PRESSWATCH_{where}: {first['msg']}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"presswatch: bad configuration: {_configuration_error(exc)}", file=sys.stderr)
        return 2
    if not _known_variables_only():
        return 2
    from presswatch.database import DatabaseError

    try:
        code: int = args.run(args, settings)
        sys.stdout.flush()
    except DatabaseError as exc:  # PRESSWATCH_DATABASE_URL set, but the extra or the server is missing
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly. Python's own advice: point stdout at devnull, so the
        # flush at exit does not raise again, and exit 1.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code
