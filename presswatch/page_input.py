"""A page or text given on the command line (or in a JSON Lines file) made into the `Document` a crawl would
make of it: the crawler's extraction for HTML, the first line as title for text; its id from its URL."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from presswatch.config import Settings

if TYPE_CHECKING:
    from presswatch.document import Document, DocumentKind


SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


class InputError(ValueError):
    """The input cannot become a document; the message says why, in one line."""


def checked_url(text: str) -> str:
    """An http(s) URL with a host, that canonicalises: the document id is made from it."""
    from presswatch.document import page_url

    try:
        return page_url(text)
    except ValueError as exc:
        raise InputError(str(exc).splitlines()[0]) from None


def checked_source(text: str) -> str:
    if not SOURCE_NAME.fullmatch(text):
        raise InputError(
            f"bad source name {text!r}: lower case letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return text


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        print("presswatch: input is not UTF-8; read it as Windows-1252", file=sys.stderr)
        return raw.decode("cp1252", errors="replace")


def page_document(
    raw: bytes | str,
    *,
    name: str,
    url: str,
    html: bool,
    source: str,
    kind: DocumentKind,
    settings: Settings,
    title: str | None = None,
) -> Document:
    """The document of one page or text; `name` says where it came from in an `InputError`."""
    from crawlers.extract import ExtractionError, extract_page
    from presswatch.document import Document

    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > settings.max_page_bytes:
        raise InputError(
            f"{name} is {size:,} bytes, more than PRESSWATCH_MAX_PAGE_BYTES ({settings.max_page_bytes:,})"
        )
    try:
        if html:
            return extract_page(raw, url=url).to_document(source=source, default_kind=kind)
        text = (decode(raw) if isinstance(raw, bytes) else raw).strip()
        if not text:
            raise InputError(f"{name}: no text")
        heading = (title or text.splitlines()[0]).strip()[:300]
        return Document.from_page(url=url, source=source, title=heading, body=text, kind=kind)
    except ExtractionError as exc:
        raise InputError(f"{name}: {exc}") from None
    except ValueError as exc:  # a URL that cannot be canonicalised (a bad port, ...), an unknown kind
        raise InputError(f"{name}: {str(exc).splitlines()[0]}") from None
