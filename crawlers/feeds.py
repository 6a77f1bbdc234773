"""RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed → entries with absolute article URLs, newest first.

XML feeds are read by feedparser, which measured far better than our own reader on feedparser's test corpus
(`bench/feeds.py`): xml:base, guid-only items, undeclared namespace prefixes, Atom 0.3 and dcterms dates and
named time zones all work there. It is only ever handed bytes in memory (given a string or a path it would
open URLs and files), it strips DOCTYPEs and keeps only entity declarations that expand to plain text, and
its SAX parser has external entities turned off, so no DTD or entity is fetched and nothing expands
exponentially (tested with a billion-laughs and an external-entity feed). JSON Feed is plain JSON.
"""

from __future__ import annotations

import calendar
import io
import json
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree
from w3lib.html import remove_tags, replace_entities

from crawlers.dates import parse_date_text, plausible

JSON_FEED_VERSION_PREFIX = "https://jsonfeed.org/version/"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


class FeedError(ValueError):
    """Not a feed we can read."""


@dataclass(frozen=True, kw_only=True)
class FeedItem:
    """One item as the feed gives it; `url` is None when it has no link."""

    url: str | None
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    summary: str | None = None
    guid: str | None = None


@dataclass(frozen=True, kw_only=True)
class FeedEntry:
    """One article a feed links to. `published` falls back to `updated` where the feed gives only that."""

    url: str
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    summary: str | None = None
    guid: str | None = None


def plain_text(value: str | None, *, html: bool = True) -> str | None:
    """Markup (when `html`) and character references out, whitespace collapsed: how a title is shown."""
    if not value:
        return None
    text = replace_entities(remove_tags(value)) if html else value
    return " ".join(text.split()) or None


def parse_date(value: object) -> datetime | None:
    """A feed date with the publisher's own offset (ISO 8601, RFC 822, named zones such as CEST or BST);
    None if unreadable or without a zone (then feedparser's UTC reading of its many other forms is used)."""
    parsed = parse_date_text(value)
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def _utc(struct: object) -> datetime | None:
    """feedparser's reading, within the same bounds as ours (a year-2999 date would stay newest for ever)."""
    if struct is None:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return moment if plausible(moment) else None


def _feedparser_date(entry: dict[str, Any], *keys: str) -> datetime | None:
    """The first of `keys` the entry has: its raw text read with its offset where we can (feedparser reads
    zones it does not know, such as CEST, as UTC), else feedparser's UTC reading (odd formats)."""
    for key in keys:
        # dict.get: feedparser's own get() answers 'updated' with the published date, warning.
        as_utc = _utc(dict.get(entry, f"{key}_parsed"))
        raw = parse_date(dict.get(entry, key))
        if raw is not None:
            return raw
        if as_utc is not None:
            return as_utc
    return None


def _link_url(candidate: object, *, base_url: str) -> str | None:
    """An absolute URL for a link, whatever its scheme: the crawler's trust boundary, not the reader, refuses
    (and counts) `file:` or `ftp:` links, so an operator sees what a feed tried."""
    if not isinstance(candidate, str) or not candidate.strip():
        return None
    try:
        url = urljoin(base_url, candidate.strip())
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    return url if scheme else None


def _xml_link(entry: Mapping[str, Any], *, base_url: str, atom: bool) -> str | None:
    """The entry's article link. An RSS guid that is a permalink counts (feedparser maps it to `link`); an
    Atom <id> is an identifier, not a page to fetch, so it never does."""
    link = entry.get("link")
    if atom and entry.get("guidislink"):
        link = next(
            (
                item.get("href")
                for item in entry.get("links", [])
                if item.get("rel", "alternate") == "alternate" and item.get("href")
            ),
            None,
        )
    return _link_url(link, base_url=base_url)


def _from_feedparser(body: bytes, *, base_url: str) -> list[FeedItem]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns on its own lenient recoveries
        try:
            # A file object, never bytes or str: given those, feedparser may open a path or a URL.
            result = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url})
        except Exception as exc:  # a feedparser bug must not lose the crawl: it is this feed's error
            raise FeedError(f"unreadable feed: {type(exc).__name__}: {exc}") from exc
    version = str(result.get("version") or "")
    if not version and not result.get("entries"):
        raise FeedError(_why_not_a_feed(body))
    atom = version.startswith("atom")
    entries = []
    for entry in result.get("entries", []):
        title_type = str(entry.get("title_detail", {}).get("type", "text/plain"))
        summary_type = str(entry.get("summary_detail", {}).get("type", "text/html"))
        updated = _feedparser_date(entry, "updated")
        entries.append(
            FeedItem(
                url=_xml_link(entry, base_url=base_url, atom=atom),
                title=plain_text(entry.get("title"), html=title_type in _HTML_TYPES),
                published=_feedparser_date(entry, "published", "created") or updated,
                updated=updated,
                summary=plain_text(entry.get("summary"), html=summary_type in _HTML_TYPES),
                guid=str(entry["id"]) if entry.get("id") else None,
            )
        )
    return entries


def _why_not_a_feed(body: bytes) -> str:
    if not body.strip():
        return "not XML: empty document"
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        return f"not XML: {exc}"
    if root is None:
        return "not XML: no elements"
    return f"not an RSS, Atom or JSON feed: root element is <{etree.QName(root).localname}>"


def _from_json_feed(data: Mapping[str, Any], *, base_url: str) -> list[FeedItem]:
    base = _link_url(data.get("feed_url"), base_url=base_url) or base_url
    items = data.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        url = _link_url(item.get("url"), base_url=base) or _link_url(item.get("external_url"), base_url=base)
        updated = parse_date(item.get("date_modified"))
        summary = item.get("summary") or item.get("content_text")
        entries.append(
            FeedItem(
                url=url,
                title=plain_text(
                    item.get("title") if isinstance(item.get("title"), str) else None, html=False
                ),
                published=parse_date(item.get("date_published")) or updated,
                updated=updated,
                summary=plain_text(summary if isinstance(summary, str) else None, html=False),
                guid=str(item["id"]) if item.get("id") is not None else None,
            )
        )
    return entries


def _json_feed(body: bytes) -> Mapping[str, Any] | None:
    """The JSON Feed object if `body` is one, None if it is not JSON at all (so it may be XML)."""
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not JSON: {exc}") from exc
    except RecursionError:
        raise FeedError("not a readable JSON Feed: nested too deep") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION_PREFIX):
        raise FeedError("not a JSON Feed: no https://jsonfeed.org/version/ in 'version'")
    return data


_SNIFFED_CHARS = 4096
# The first element after the XML declaration, comments, processing instructions and a DOCTYPE.
_ROOT = re.compile(
    r"\A\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(?:[\w.-]+:)?([\w.-]+)", re.S
)
_FEED_ROOTS = {"rss": "an RSS feed", "feed": "an Atom feed"}
_RDF_FEEDS = {  # an <rdf:RDF> root is RSS 1.0 or 0.90 by the namespace of its channel; else not a feed
    "http://purl.org/rss/1.0/": "an RSS 1.0 (RDF) feed",
    "http://my.netscape.com/rdf/simple/0.9/": "an RSS 0.90 (RDF) feed",
}


def feed_kind(text: str) -> str | None:
    """'an Atom feed', 'an RSS feed' (<rss>: 0.91 to 2.0), 'an RSS 1.0 (RDF) feed' (RSS 0.90 too) or 'a JSON
    Feed' when `text` is one (by its root element and namespace, or JSON Feed's version), else None: what an
    article page must not be taken for. Reads only the start of the text."""
    head = text[:_SNIFFED_CHARS].lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        try:
            return "a JSON Feed" if _json_feed(text.lstrip("\ufeff \t\r\n").encode()) is not None else None
        except (FeedError, UnicodeEncodeError):
            return None
    root = _ROOT.match(head)
    if root is None:
        return None
    if root.group(1) == "RDF":
        return next((kind for namespace, kind in _RDF_FEEDS.items() if namespace in head), None)
    return _FEED_ROOTS.get(root.group(1))


def newest_first(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    """Dated entries newest first, then undated ones in feed order."""
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(entries, key=lambda entry: entry.published or oldest, reverse=True)


def read_feed(body: bytes, *, base_url: str) -> list[FeedItem]:
    """Every item of an RSS, Atom or JSON feed in feed order, linked or not.

    Raises `FeedError` (and nothing else) when `body` is not a feed we can read."""
    json_feed = _json_feed(body)
    if json_feed is not None:
        return _from_json_feed(json_feed, base_url=base_url)
    return _from_feedparser(body, base_url=base_url)


def parse_feed(body: bytes, *, base_url: str) -> list[FeedEntry]:
    """The feed's articles: items with a link, newest first where dates are given."""
    return newest_first(
        FeedEntry(
            url=item.url,
            title=item.title,
            published=item.published,
            updated=item.updated,
            summary=item.summary,
            guid=item.guid,
        )
        for item in read_feed(body, base_url=base_url)
        if item.url is not None
    )
