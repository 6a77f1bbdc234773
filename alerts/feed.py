"""The Atom feed of one saved search: its latest alerts, newest first, for feed readers to follow."""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from alerts.model import AlertPayload, SavedSearch


def atom_feed(search: SavedSearch, alerts: list[AlertPayload], *, self_url: str) -> bytes:
    feed = FeedGenerator()
    feed.id(f"urn:presswatch:alerts:{search.id}")
    feed.title(f"presswatch: {search.spec.name or search.spec.kind}")
    feed.author({"name": "presswatch"})
    feed.link(href=self_url, rel="self")
    feed.updated(alerts[0].matched_at if alerts else search.created)
    for alert in reversed(alerts):  # feedgen prepends: add oldest first so the newest comes first
        entry = feed.add_entry()
        entry.id(f"urn:presswatch:alert:{alert.alert_id}")
        entry.title(alert.title or alert.url)
        entry.link(href=alert.url)
        entry.updated(alert.matched_at)
        if alert.published is not None:
            entry.published(alert.published)
        why = "; ".join(alert.reasons)
        entry.summary(f"{alert.summary}\n\nWhy it matched: {why}")
    result: bytes = feed.atom_str(pretty=True)
    return result
