"""`presswatch ingest --jsonl FILE`: many pages at once, one JSON object a line, through the crawl's pipeline.

Each line is `{"url": ..., "text": ...}` or `{"url": ..., "html": ...}`, with optional `title`, `source` and
`kind` (defaults: the command's `--source` and `--kind`). Lines are read in batches and go through the one
indexing pipeline (crawlers.index_pipeline) with its NLP pool, one batch ahead, so every core analyses
while this process writes the batch before. A line that cannot become a document is reported (with its
number) and skipped; the others are indexed. Ids come from URLs, so running the file again updates rather than duplicates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, get_args

from presswatch.config import Settings
from presswatch.document import Document, DocumentKind
from presswatch.page_input import InputError, checked_source, checked_url, page_document

if TYPE_CHECKING:
    from nlp.pool import Enricher

# Documents per NLP worker in one batch: enough that each worker gets two chunks of a spaCy batch.
PER_WORKER = 32
WORDS = {
    "indexed_new": "indexed (new)",
    "indexed_updated": "indexed (updated)",
    "queued_for_index": "queued in the outbox until Elasticsearch answers:",
    "unchanged": "unchanged",
    "duplicates": "duplicate of an earlier line:",
}


def line_document(line: str, *, number: int, args: argparse.Namespace, settings: Settings) -> Document:
    """The document of one JSON line, or an `InputError` naming the line and what is wrong."""
    name = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{name}: not a JSON object")
    url, text, html = record.get("url"), record.get("text"), record.get("html")
    if not isinstance(url, str) or not url:
        raise InputError(f"{name}: no url")
    content = text if html is None else html
    if (text is None) == (html is None) or not isinstance(content, str):
        raise InputError(f"{name}: needs one of text or html, as a string")
    try:
        url, source = checked_url(url), checked_source(str(record.get("source") or args.source))
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    kind = record.get("kind") or args.kind
    if kind not in get_args(DocumentKind):  # else pydantic's "1 validation error for Document" said nothing
        raise InputError(f"{name}: kind {kind!r} is not one of {', '.join(get_args(DocumentKind))}")
    return page_document(
        content,
        name=name,
        url=url,
        html=html is not None,
        source=source,
        kind=kind,
        settings=settings,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
    )


def _numbered_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def ingest_jsonl(args: argparse.Namespace, settings: Settings) -> int:
    """Exit status 0 when every line was indexed (or unchanged), 1 when some were not, 2 when nothing could run."""
    from crawlers.index_pipeline import load_extractor
    from presswatch.aliases import AliasesError

    try:
        stream = sys.stdin if args.file == "-" else Path(args.file).open(encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"presswatch: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:  # first: the NLP workers load their models while this process imports and opens the rest
        extractor = load_extractor(settings, pooled=True)
    except AliasesError as exc:
        stream.close()
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    try:
        return _ingest(stream, extractor, args=args, settings=settings)
    finally:
        extractor.close()


def _ingest(stream: IO[str], extractor: Enricher, *, args: argparse.Namespace, settings: Settings) -> int:
    from crawlers.index_pipeline import build_indexer
    from search.base import BackendUnavailableError

    counts: Counter[str] = Counter()
    lines = _numbered_lines(stream)

    def batches() -> Iterator[list[Document]]:
        """The documents of each batch of lines; an unreadable line is reported and counted."""
        while batch := list(islice(lines, PER_WORKER * settings.nlp_workers)):
            documents = []
            for number, line in batch:
                try:
                    documents.append(line_document(line, number=number, args=args, settings=settings))
                except InputError as exc:
                    print(f"presswatch: {exc}", file=sys.stderr)
                    counts["unreadable"] += 1
            yield documents

    try:
        with stream, build_indexer(settings, extractor=extractor) as indexer:
            for result in indexer.process_batches(batches()):
                counts[result.outcome] += 1
                if result.outcome in WORDS:
                    print(f"{WORDS[result.outcome]} {result.doc_id} {result.url}", flush=True)
                else:
                    print(
                        f"presswatch: {result.outcome.replace('_', ' ')[:-1]}: {result.url}: {result.reason}",
                        file=sys.stderr,
                    )
    except BackendUnavailableError as exc:
        print(f"presswatch: {exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(
            f"presswatch: {args.file} is not UTF-8 ({exc.reason}); lines before it were ingested",
            file=sys.stderr,
        )
        return 1
    print("ingested: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items())))
    return (
        0
        if set(counts) <= {"indexed_new", "indexed_updated", "queued_for_index", "unchanged", "duplicates"}
        else 1
    )
