"""RSS 2.0, RSS 1.0 and Atom feeds → entries, newest first. Namespace-agnostic and tolerant of junk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from crawlers.extract import parse_datetime


class FeedError(ValueError):
    """Not a feed we can read."""


@dataclass(frozen=True, kw_only=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None


def _text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = "".join(str(part) for part in child.itertext()).strip()
            return text or None
    return None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is not None:
        return parsed
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _atom_link(entry: etree._Element) -> str | None:
    links = [c for c in entry if isinstance(c.tag, str) and etree.QName(c).localname == "link"]
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def parse_feed(body: bytes, *, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom feed with absolute URLs, newest first where dates are given."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not XML: {exc}") from exc
    if root is None:
        raise FeedError("not XML: empty document")
    kind = etree.QName(root).localname.lower()
    if kind not in ("rss", "feed", "rdf"):
        raise FeedError(f"not an RSS or Atom feed: root element is <{etree.QName(root).localname}>")
    entries: list[FeedEntry] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name == "entry":
            link = _atom_link(element)
            published = _date(_text(element, "published") or _text(element, "updated"))
            summary = _text(element, "summary")
        elif name == "item":
            link = _text(element, "link") or element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            published = _date(_text(element, "pubDate") or _text(element, "date"))
            summary = _text(element, "description")
        else:
            continue
        if link:
            entries.append(
                FeedEntry(
                    url=urljoin(base_url, link.strip()),
                    title=_text(element, "title"),
                    published=published,
                    summary=summary,
                )
            )
    oldest = datetime.min.replace(tzinfo=UTC)

    def newest_first(entry: FeedEntry) -> datetime:
        moment = entry.published
        if moment is None:
            return oldest
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    return sorted(entries, key=newest_first, reverse=True)
