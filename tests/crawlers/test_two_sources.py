"""Defect 6: an article listed by two sources is processed once per run and keeps both sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from crawlers.seen import SeenStore
from presswatch.config import Settings
from presswatch.demo.site import render_feed
from search.sqlite import SQLiteBackend
from tests.conftest import run_crawl
from tests.crawlers.test_crawl import LISTED
from tests.fixture_site import FixtureSite, Reply

SHARED = 5  # articles the second feed lists too


@pytest.fixture
def two_feeds() -> Iterator[FixtureSite]:
    """The newsroom's feed, and a second feed (another source) that lists its newest articles again."""
    server = FixtureSite()
    listed = [a for a in server.articles if a.listed and not a.path.startswith("/drafts/")]  # robots.txt
    server.extra_routes["/partner.atom"] = lambda: Reply(
        render_feed(listed[:SHARED], base_url=server.base_url).encode(), "application/atom+xml"
    )
    with server:
        yield server


def totals(summary: str) -> Counter[str]:
    """The crawl summary's figures summed over sources: {'indexed new': 20, ...}."""
    counts: Counter[str] = Counter()
    for line in summary.splitlines():
        for name, value in re.findall(r"([a-z ]+?) (\d+)(?:,|$)", line.split(": ", 1)[-1]):
            counts[name.strip()] += int(value)
    return counts


def test_article_of_two_sources_is_processed_once_and_keeps_both(
    settings: Settings, two_feeds: FixtureSite
) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "newsroom"\nurl = "{two_feeds.feed_url}"\n\n'
        f'[[source]]\nname = "partner"\nurl = "{two_feeds.base_url}/partner.atom"\n',
        encoding="utf-8",
    )
    first = run_crawl(settings)
    assert first.returncode == 0, first.stderr[-3000:]
    counts = totals(first.stdout)
    assert counts["indexed new"] == LISTED, first.stdout
    assert counts["indexed updated"] == 0, first.stdout
    assert counts["duplicates"] == SHARED, first.stdout

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        documents = [backend.get(doc_id) for doc_id in _ids(backend)]
    finally:
        backend.close()
    assert len(documents) == LISTED
    both = [d for d in documents if d is not None and len(d.sources) == 2]
    assert len(both) == SHARED
    for document in both:
        assert set(document.sources) == {"newsroom", "partner"}
        assert document.source == document.sources[0]

    again = run_crawl(settings)
    assert again.returncode == 0, again.stderr[-3000:]
    counts = totals(again.stdout)
    assert counts["not modified"] == 2, again.stdout  # both feeds answered 304: nothing fetched again
    assert counts["indexed new"] == counts["indexed updated"] == 0, again.stdout


def test_a_source_added_later_is_recorded_on_articles_another_source_brought_in(
    settings: Settings, two_feeds: FixtureSite
) -> None:
    """The second source's articles were all seen (for the first source): each is fetched once more, for
    its `sources`, not analysed again; after that neither source fetches them."""
    newsroom = f'[[source]]\nname = "newsroom"\nurl = "{two_feeds.feed_url}"\n\n'
    settings.sources_file.write_text(newsroom, encoding="utf-8")
    first = run_crawl(settings)
    assert first.returncode == 0, first.stderr[-3000:]
    asked = len(two_feeds.answers)

    settings.sources_file.write_text(
        newsroom + f'[[source]]\nname = "partner"\nurl = "{two_feeds.base_url}/partner.atom"\n',
        encoding="utf-8",
    )
    second = run_crawl(settings)
    assert second.returncode == 0, second.stderr[-3000:]
    counts = totals(second.stdout)
    assert counts["unchanged"] == SHARED and counts["indexed new"] == counts["indexed updated"] == 0, (
        second.stdout
    )
    articles = [a.path for a in two_feeds.answers[asked:] if a.path.startswith("/news/")]
    assert len(articles) == SHARED, "only the partner's articles are fetched, once each"

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        documents = [backend.get(doc_id) for doc_id in _ids(backend)]
    finally:
        backend.close()
    both = [d for d in documents if d is not None and set(d.sources) == {"newsroom", "partner"}]
    assert len(both) == SHARED
    assert all(d.source == "newsroom" for d in both), "the first source to list it stays its source"
    with SeenStore.in_data_dir(settings.data_dir) as seen:
        assert all(seen.seen_by(d.url, "partner") and seen.seen_by(d.url, "newsroom") for d in both)


def _ids(backend: SQLiteBackend) -> list[str]:
    from search.base import Query

    page = backend.search(Query(limit=100, facets=False))
    return [hit.id for hit in page.hits]
