"""The Atom feed of one saved search: its latest alerts, newest first, for feed readers to follow. Each entry
links the source (its main link, the story itself) and presswatch's page of the document (`related`, and
in the summary, since readers mostly show only the main link), where the extraction can be checked."""

from __future__ import annotations

import re
from datetime import UTC
from typing import Any
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from alerts.model import AlertPayload, SavedSearch


class _RelatedLink(BaseEntryExtension):  # type: ignore[misc]
    """Writes `<link rel="related">`: feedgen 1.0 writes only the href of an entry's links (it drops their
    rel), so a second `entry.link` would come out as a second alternate."""

    def __init__(self) -> None:
        self.href = ""

    def extend_atom(self, entry: Any) -> Any:
        xml_elem("link", entry, href=self.href, rel="related", title="In presswatch")
        return entry


# What XML 1.0 cannot hold (NUL and the other C0 controls but tab and line breaks, lone surrogates, U+FFFE/F):
# lxml refuses the whole feed for one of them, so a crawled title holding one broke the search's feed.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def atom_feed(search: SavedSearch, alerts: list[AlertPayload], *, self_url: str, site_url: str) -> bytes:
    """`site_url` is where people reach presswatch (no final '/'): the document pages are under it."""
    feed = FeedGenerator()
    feed.id(f"urn:presswatch:alerts:{search.id}")
    feed.title(f"presswatch: {search.spec.name or search.spec.kind}")
    feed.author({"name": "presswatch"})
    feed.link(href=self_url, rel="self")
    feed.updated(alerts[0].matched_at if alerts else search.created)
    for alert in reversed(alerts):  # feedgen prepends: add oldest first so the newest comes first
        entry = feed.add_entry()
        entry.id(f"urn:presswatch:alert:{alert.alert_id}")
        entry.title(_xml_text(alert.title or alert.url))
        page = f"{site_url}/ui/documents/{quote(alert.doc_id, safe='')}"
        entry.link(href=alert.url)
        entry.register_extension("presswatch", _RelatedLink, atom=True, rss=False)
        entry.presswatch.href = page
        entry.updated(alert.matched_at)
        if alert.published is not None:
            # a page that states only its day has no zone: UTC, as the index reads it
            published = alert.published
            entry.published(published if published.tzinfo else published.replace(tzinfo=UTC))
        why = "; ".join(alert.reasons)
        entry.summary(
            _xml_text(
                f"{alert.summary}\n\nWhy it matched: {why}\n\nSource: {alert.url}\nIn presswatch: {page}"
            )
        )
    result: bytes = feed.atom_str(pretty=True)
    return result
