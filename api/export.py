"""Streaming export of a whole result set as CSV or JSON Lines: one row per document, a page at a time.

Memory stays flat: the backend is asked for one page (100 hits, no facets) at a time through its own cursor
and each row is written out before the next page is read. How a document becomes one row:

- CSV columns: id, url, source, kind, published, title, story, entities, figures, agreements, quotes.
  `entities` is the distinct entity names joined by "; ". `figures` is each figure's normal form
  ("75,000,000 GBP", "at least 31,000 person", "12%") joined by "; ". `agreements` is each agreement as its
  parties joined by " + " with its status in brackets ("United Kingdom + Serbia [planned]"), joined by "; ".
  `quotes` is the number of quotes.
- CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR: any
  crawled site controls its titles) get a leading `'` (the OWASP rule), so they are shown as text.
- JSON Lines: the same keys, but `entities` a list of names, `figures` and `agreements` lists of the full
  objects (as in GET /search), `quotes` the list of quotes.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import Any, Literal

from fastapi.responses import StreamingResponse

from search.base import Hit, QueryError, SearchBackend
from search.base import Query as SearchQuery

ExportFormat = Literal["csv", "jsonl"]
EXPORT_PAGE = 100
CSV_COLUMNS = (
    "id",
    "url",
    "source",
    "kind",
    "published",
    "title",
    "entities",
    "figures",
    "agreements",
    "quotes",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES: dict[ExportFormat, str] = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
_log = logging.getLogger(__name__)


def hits(backend: SearchBackend, query: SearchQuery, *, max_rows: int) -> Iterator[Hit]:
    """Every hit of `query`, up to `max_rows`, one backend page at a time.

    The first page is read before the generator is returned, so a query that cannot run is a `QueryError`
    (a 400) before any byte is sent.
    """
    page_query = query.model_copy(update={"limit": min(EXPORT_PAGE, max_rows), "facets": False})
    first = backend.search(page_query)

    def walk() -> Iterator[Hit]:
        page, sent = first, 0
        while True:
            for hit in page.hits:
                if sent >= max_rows:
                    return
                yield hit
                sent += 1
            if page.next_cursor is None or sent >= max_rows or not page.hits:
                return
            try:
                page = backend.search(page_query.model_copy(update={"cursor": page.next_cursor}))
            except QueryError as exc:  # a cursor that expired mid-export (Elasticsearch): stop, say so
                _log.warning("export stopped after %d rows: %s", sent, exc)
                return

    return walk()


def flat_row(hit: Hit) -> dict[str, str]:
    """One CSV row: lists joined as the module docstring says."""
    return {
        "id": hit.id,
        "url": hit.url,
        "source": hit.source,
        "kind": hit.kind,
        "published": hit.published.isoformat() if hit.published else "",
        "title": hit.title,
        "entities": "; ".join(hit.entities),
        "figures": "; ".join(f.normalized for f in hit.figures),
        "agreements": "; ".join(f"{' + '.join(a.parties)} [{a.status}]" for a in hit.agreements),
        "quotes": str(len(hit.quotes)),
    }


def json_row(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "url": hit.url,
        "source": hit.source,
        "kind": hit.kind,
        "published": hit.published.isoformat() if hit.published else None,
        "title": hit.title,
        "entities": list(hit.entities),
        "figures": [f.model_dump(mode="json") for f in hit.figures],
        "agreements": [a.model_dump(mode="json") for a in hit.agreements],
        "quotes": [q.model_dump(mode="json") for q in hit.quotes],
    }


def as_text_cell(value: str) -> str:
    """The cell as text in a spreadsheet: one that would start a formula is prefixed with `'` (OWASP)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_lines(rows: Iterator[Hit]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for n, hit in enumerate(rows, start=1):
        writer.writerow({column: as_text_cell(value) for column, value in flat_row(hit).items()})
        if n % EXPORT_PAGE == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def jsonl_lines(rows: Iterator[Hit]) -> Iterator[str]:
    for hit in rows:
        yield json.dumps(json_row(hit), ensure_ascii=False) + "\n"


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def export_lines(
    backend: SearchBackend, query: SearchQuery, *, fmt: ExportFormat, max_rows: int
) -> Iterator[str]:
    rows = hits(backend, query, max_rows=max_rows)
    return csv_lines(rows) if fmt == "csv" else jsonl_lines(rows)


def download(lines: Iterator[str], fmt: ExportFormat, *, name: str) -> StreamingResponse:
    """The streamed lines as a file to save, `presswatch-<name>.<fmt>`: every export route answers this way."""
    return StreamingResponse(
        lines,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="presswatch-{name}.{fmt}"'},
    )
