"""Incremental crawling, for real: `presswatch crawl` twice against the loopback newsroom, which answers
conditional GETs and counts on the server side what it was asked and what it answered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from crawlers.retry import backoff_seconds, retry_after_seconds
from presswatch.config import Settings
from presswatch.demo.site import Article
from tests.conftest import run_crawl
from tests.crawlers.test_crawl import LISTED, indexed_urls
from tests.crawlers.test_two_sources import totals
from tests.fixture_site import FixtureSite, Reply


def _public(server: FixtureSite) -> list[Article]:
    return [a for a in server.articles if a.listed and not a.path.startswith("/drafts/")]


def _sitemap(server: FixtureSite) -> Reply:
    entries = "".join(
        f"<url><loc>{server.base_url}{a.path}</loc><lastmod>{a.published.isoformat()}</lastmod></url>"
        for a in _public(server)
    )
    body = (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )
    return Reply(body.encode(), "application/xml")


@pytest.fixture
def newsroom_with_sitemap() -> Iterator[FixtureSite]:
    server = FixtureSite()
    server.extra_routes["/sitemap.xml"] = lambda: _sitemap(server)
    with server:
        yield server


def _article_requests(server: FixtureSite, since: int = 0) -> list[str]:
    paths = {a.path for a in server.articles}
    return [a.path for a in server.answers[since:] if a.path in paths]


def test_second_crawl_fetches_no_article_again_and_gets_304s(
    settings: Settings, newsroom_with_sitemap: FixtureSite
) -> None:
    site = newsroom_with_sitemap
    settings.sources_file.write_text(
        f'[[source]]\nname = "newsroom"\nurl = "{site.feed_url}"\n\n'
        f'[[source]]\nname = "newsroom-map"\ntype = "sitemap"\nurl = "{site.base_url}/sitemap.xml"\n',
        encoding="utf-8",
    )
    first = run_crawl(settings)
    assert first.returncode == 0, first.stderr[-3000:]
    assert totals(first.stdout)["indexed new"] == LISTED, first.stdout
    fetched_first = _article_requests(site)
    assert len(set(fetched_first)) == LISTED
    asked = len(site.answers)

    second = run_crawl(settings)
    assert second.returncode == 0, second.stderr[-3000:]
    assert site.answered("/feed.atom") == [200, 304]
    assert site.answered("/sitemap.xml") == [200, 304]
    conditional = [a for a in site.answers[asked:] if a.path in ("/feed.atom", "/sitemap.xml")]
    assert all("If-None-Match" in a.headers for a in conditional)
    assert _article_requests(site, asked) == [], "an unchanged article was fetched again"
    counts = totals(second.stdout)
    assert counts["not modified"] == 2 and counts["indexed new"] == counts["indexed updated"] == 0, (
        second.stdout
    )
    assert len(indexed_urls(settings)) == LISTED


@pytest.fixture
def busy_site() -> Iterator[FixtureSite]:
    """A feed and an article that each answer 429 or 503 with Retry-After once, then serve."""
    server = FixtureSite()
    article = _public(server)[0]
    calls = {"feed": 0, "article": 0}
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>busy</title><item><title>x</title><link>{{base}}{article.path}</link></item></channel></rss>'

    def busy_feed() -> Reply:
        calls["feed"] += 1
        if calls["feed"] == 1:
            return Reply(b"slow down", "text/plain", 429, {"Retry-After": "1"})
        return Reply(feed.format(base=server.base_url).encode(), "application/rss+xml")

    server.extra_routes["/busy.rss"] = busy_feed
    original = server.reply

    def reply(path: str) -> Reply:
        if path == article.path:
            calls["article"] += 1
            if calls["article"] == 1:
                return Reply(b"maintenance", "text/plain", 503, {"Retry-After": "1"})
        return original(path)

    server.reply = reply  # type: ignore[method-assign]
    with server:
        yield server


def test_429_and_503_with_retry_after_are_waited_for(settings: Settings, busy_site: FixtureSite) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "busy"\nurl = "{busy_site.base_url}/busy.rss"\n', encoding="utf-8"
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "indexed new 1" in crawl.stdout, crawl.stdout
    article = _public(busy_site)[0].path
    for path, first_status in (("/busy.rss", 429), (article, 503)):
        answers = [a for a in busy_site.answers if a.path == path]
        assert [a.status for a in answers] == [first_status, 200]
        waited = answers[1].at - answers[0].at
        assert waited >= 0.9, f"{path} was retried after {waited:.2f} s, not after Retry-After: 1"


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7", now=now) == 7.0
    assert retry_after_seconds("Sun, 29 Nov 2026 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Sun, 29 Nov 2026 11:00:00 GMT", now=now) == 0.0, "a date in the past: now"
    assert retry_after_seconds(b"soon", now=now) is None
    assert retry_after_seconds(None) is None
    assert [backoff_seconds(attempt=n, base=1.0, cap=5.0) for n in range(4)] == [1.0, 2.0, 4.0, 5.0]
