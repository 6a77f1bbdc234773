"""Sitemaps, sitemap indexes and Google News sitemaps → article URLs, newest first, with a date cut-off and
URL patterns. Pure parsing: the spider that fetches them is separate.

XML is parsed with entity expansion, DTD loading and network access off; gzip bodies (`sitemap.xml.gz`) are
inflated up to a size limit, so a small compressed bomb cannot fill memory.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawlers.dates import parse_date_text

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file
_GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """Not a sitemap we can read."""


@dataclass(frozen=True, kw_only=True)
class SitemapEntry:
    """A page (in a urlset) or a child sitemap (in an index). `title` and `published` come from a news
    sitemap's <news:news>, `lastmod` from <lastmod>."""

    url: str
    lastmod: datetime | None = None
    published: datetime | None = None
    title: str | None = None
    language: str | None = None

    @property
    def date(self) -> datetime | None:
        return self.published or self.lastmod


@dataclass(frozen=True, kw_only=True)
class Sitemap:
    kind: Literal["urlset", "index"]
    entries: tuple[SitemapEntry, ...]


def _inflate(body: bytes, *, limit: int) -> bytes:
    if not body.startswith(_GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise SitemapError(f"broken gzip: {exc}") from exc
    if len(data) > limit:
        raise SitemapError(f"larger than {limit} bytes uncompressed")
    if not inflater.eof:
        raise SitemapError("broken gzip: the compressed data ends early")
    return data


def _child(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _news(element: etree._Element) -> tuple[str | None, datetime | None, str | None]:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == "news":
            language = None
            for publication in child:
                if isinstance(publication.tag, str) and etree.QName(publication).localname == "publication":
                    language = _child(publication, "language")
            return _child(child, "title"), _aware(_child(child, "publication_date")), language
    return None, None, None


def _aware(value: str | None) -> datetime | None:
    """A W3C date; a bare day or a time without zone is taken as UTC so dates compare."""
    parsed = parse_date_text(value)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_sitemap(body: bytes, *, base_url: str, max_bytes: int = MAX_SITEMAP_BYTES) -> Sitemap:
    """A sitemap or sitemap index (plain or gzipped) with absolute http(s) URLs, in document order."""
    data = _inflate(body, limit=max_bytes)
    if len(data) > max_bytes:
        raise SitemapError(f"larger than {max_bytes} bytes")
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"not XML: {exc}") from exc
    if root is None:
        raise SitemapError("not XML: no elements")
    name = etree.QName(root).localname
    if name not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: root element is <{name}>")
    item_name = "url" if name == "urlset" else "sitemap"
    entries = []
    for element in root:
        if not isinstance(element.tag, str) or etree.QName(element).localname != item_name:
            continue
        location = _child(element, "loc")
        url = urljoin(base_url, location) if location else None
        if url is None or urlsplit(url).scheme not in ("http", "https"):
            continue
        title, published, language = _news(element)
        entries.append(
            SitemapEntry(
                url=url,
                lastmod=_aware(_child(element, "lastmod")),
                published=published,
                title=title,
                language=language,
            )
        )
    if not entries and parser.error_log:  # recovered into nothing: say why rather than list no pages
        raise SitemapError(
            f"not readable XML: {parser.error_log[0].message} (line {parser.error_log[0].line})"
        )
    return Sitemap(kind="urlset" if name == "urlset" else "index", entries=tuple(entries))


def select(
    entries: Iterable[SitemapEntry],
    *,
    since: datetime | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    limit: int | None = None,
) -> list[SitemapEntry]:
    """Entries newest first (undated last, in document order), dated on or after `since`, whose URL matches
    one of the `include` regular expressions (all, when none is given) and none of `exclude`.

    Under a cut-off an undated page is dropped (it is more likely old than new); `child_sitemaps` keeps
    undated child sitemaps instead, since they may still list new pages."""
    wanted = [re.compile(pattern) for pattern in include]
    unwanted = [re.compile(pattern) for pattern in exclude]
    oldest = datetime.min.replace(tzinfo=UTC)
    chosen = [
        entry
        for entry in entries
        if (not wanted or any(p.search(entry.url) for p in wanted))
        and not any(p.search(entry.url) for p in unwanted)
        and (since is None or (entry.date is not None and entry.date >= since))
    ]
    chosen.sort(key=lambda entry: entry.date or oldest, reverse=True)
    return chosen[:limit] if limit is not None else chosen


def child_sitemaps(index: Sitemap, *, since: datetime | None = None) -> list[SitemapEntry]:
    """An index's child sitemaps worth fetching: newest first, those modified on or after `since` plus
    those that give no <lastmod> (they may hold new pages)."""
    oldest = datetime.min.replace(tzinfo=UTC)
    chosen = [e for e in index.entries if since is None or e.lastmod is None or e.lastmod >= since]
    once: dict[str, SitemapEntry] = {}
    for entry in chosen:  # a child listed twice is read once (as first listed)
        once.setdefault(entry.url, entry)
    return sorted(once.values(), key=lambda e: e.lastmod or oldest, reverse=True)
