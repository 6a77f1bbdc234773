"""A fixture site whose sources publish while a test watches them: each source is a feed of its own
articles, and `publish` adds one (served from then on, listed first in its feed)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from presswatch.demo.site import Article, render_feed
from tests.fixture_site import FixtureSite, Reply

TOPICS = (
    "The transport ministry confirmed funding for {n} new rail lines linking northern towns, with work on "
    "the first stations due to start in the spring and the full network expected to open within six years.",
    "Officials said the programme would create thousands of jobs in construction and engineering, and that "
    "local councils would be consulted on every route before any land was bought for the tracks.",
    "The health department published figures showing waiting times fell in {n} regions last quarter, after "
    "hospitals opened weekend clinics and hired more nurses to clear the backlog of routine operations.",
    "Ministers also announced a review of school meal standards, asking nutrition experts to report within "
    "a year on how menus could include more fresh vegetables without raising costs for families.",
    "The environment agency said river water quality improved at {n} monitoring sites, crediting new rules "
    "that limit sewage overflows and fines for companies that release waste during dry weather.",
    "Farmers will receive grants to plant hedgerows and restore wetlands, under a scheme that pays for "
    "habitat work on land that is hard to farm and rewards those who record the wildlife it brings back.",
)


class WatchedSite(FixtureSite):
    """A site with no demo articles; each source's feed lists what was published to it, newest first."""

    def __init__(self, tmp_path: Path, *, article_delay: float = 0.0) -> None:
        empty = tmp_path / "no-articles"
        empty.mkdir(exist_ok=True)
        super().__init__(articles_dir=empty, article_delay=article_delay)
        self.published: dict[str, list[Article]] = {}

    def feed_path(self, source: str) -> str:
        return f"/{source}.atom"

    def add_source(self, source: str) -> str:
        """Serve `source`'s feed (empty until something is published); returns its URL."""
        self.published[source] = []
        self.extra_routes[self.feed_path(source)] = lambda: self._feed(source)
        return self.base_url + self.feed_path(source)

    def publish(self, source: str) -> Article:
        number = len(self.published[source]) + 1
        seed = sum(map(ord, source)) + number
        paragraphs = tuple(TOPICS[(seed + i) % len(TOPICS)].format(n=number + 2 + i) for i in range(3))
        article = Article(
            slug=f"{source}-{number}",
            title=f"{source.title()} announcement number {number}: {paragraphs[0][:40]}",
            kind="press_release",
            published=datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=number),
            organisation="Ministry of Fixtures",
            summary=paragraphs[0][:120],
            paragraphs=paragraphs,
            location=f"/{source}/news/{number}",
        )
        self.articles.append(article)
        self.published[source].insert(0, article)
        return article

    def feed_requests(self) -> Counter[str]:
        return Counter(path for path in self.requests if path.endswith(".atom"))

    def _feed(self, source: str) -> Reply:
        articles = self.published[source]
        if not articles:
            empty = (
                '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>empty</title></feed>'
            )
            return Reply(empty.encode(), "application/atom+xml")
        return Reply(render_feed(articles, base_url=self.base_url).encode(), "application/atom+xml")


def indexed_by_source(sqlite_path: Path) -> dict[str, list[str]]:
    """{source: [url, ...]} of the index, read while a crawl may be writing it."""
    if not sqlite_path.exists():
        return {}
    try:
        with sqlite3.connect(sqlite_path, timeout=5) as conn:
            rows = conn.execute("SELECT source, url FROM documents ORDER BY url").fetchall()
    except sqlite3.OperationalError:  # not created yet
        return {}
    found: dict[str, list[str]] = {}
    for source, url in rows:
        found.setdefault(source, []).append(url)
    return found
