"""Listings of things found inside documents (figures, agreements), read off the matching documents.

The index stores documents, so GET /figures and /agreements search for the documents that can hold a match
(newest first) and flatten what matches inside each one. A page reads at most `MAX_SCANNED` documents, so
a rare match costs a bounded amount of work: a page may then hold fewer items than asked, with a
`next_cursor` to carry on. The cursor names the backend page, the document in it and the item in it.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Generic, TypeVar

from pydantic import BaseModel

from search.base import Hit, QueryError, SearchBackend
from search.base import Query as SearchQuery

SCAN_PAGE = 50
MAX_SCANNED = 1000

Item = TypeVar("Item")


class DocumentRef(BaseModel):
    """The document an item was found in."""

    id: str
    title: str
    url: str
    source: str
    published: datetime | None

    @classmethod
    def of(cls, hit: Hit) -> DocumentRef:
        return cls(id=hit.id, title=hit.title, url=hit.url, source=hit.source, published=hit.published)


class Found(BaseModel, Generic[Item]):
    items: list[Item]
    next_cursor: str | None = None
    documents_scanned: int


def _encode(page: str | None, doc: int, item: int) -> str:
    raw = json.dumps({"p": page, "d": doc, "i": item}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _index(value: object) -> bool:
    """A position within one backend page (an int, not a bool, a float or an infinity)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1_000_000


def _decode(cursor: str | None) -> tuple[str | None, int, int]:
    if not cursor:
        return None, 0, 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        page, doc, item = data["p"], data["d"], data["i"]
        if (page is not None and not isinstance(page, str)) or not (_index(doc) and _index(item)):
            raise ValueError(cursor)
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise QueryError("invalid cursor: pass back the next_cursor of a previous page") from None
    return page, doc, item


def flatten(
    backend: SearchBackend,
    query: SearchQuery,
    *,
    items_of: Callable[[Hit], Sequence[Item]],
    limit: int,
    cursor: str | None,
) -> Found[Item]:
    """Up to `limit` items of the documents matching `query`, from `cursor` on."""
    page_cursor, doc_index, item_index = _decode(cursor)
    scan = query.model_copy(update={"limit": SCAN_PAGE, "facets": False, "sort": "date"})
    items: list[Item] = []
    scanned = 0
    while True:
        page = backend.search(scan.model_copy(update={"cursor": page_cursor}))
        for d in range(doc_index, len(page.hits)):
            found = items_of(page.hits[d])
            for i in range(item_index, len(found)):
                if len(items) == limit:
                    return Found(
                        items=items, next_cursor=_encode(page_cursor, d, i), documents_scanned=scanned
                    )
                items.append(found[i])
            item_index = 0
            scanned += 1
            if scanned >= MAX_SCANNED and d + 1 < len(page.hits):
                return Found(
                    items=items, next_cursor=_encode(page_cursor, d + 1, 0), documents_scanned=scanned
                )
        if page.next_cursor is None or not page.hits:
            return Found(items=items, next_cursor=None, documents_scanned=scanned)
        page_cursor, doc_index = page.next_cursor, 0
        if scanned >= MAX_SCANNED:
            return Found(items=items, next_cursor=_encode(page_cursor, 0, 0), documents_scanned=scanned)
