"""A crawl reads robots.txt as RFC 9309 says (2.3.1.3-4): one answering a server error even after the retries
is unreachable, so the whole site is disallowed and the source's health says why; one answering 4xx is
unavailable, so everything is allowed. Before, Scrapy parsed the 503's error page as rules and fetched all."""

from __future__ import annotations

import pytest

from presswatch.config import Settings
from presswatch.source_health import read_health
from tests.conftest import run_crawl, write_sources
from tests.fixture_site import FixtureSite, Reply


@pytest.mark.parametrize("status", [503, 404])
def test_a_robots_txt_answering_a_server_error_disallows_the_site(settings: Settings, status: int) -> None:
    site = FixtureSite(extra_routes={"/robots.txt": lambda: Reply(b"busy", "text/plain", status)}).start()
    try:
        write_sources(settings, site.feed_url)
        crawl = run_crawl(settings)
    finally:
        site.close()
    fetched = [path for path in site.requests if path != "/robots.txt"]
    if status == 404:
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert fetched, site.requests
        return
    assert fetched == [], site.requests
    assert site.answered("/robots.txt") == [503] * 3  # asked again by the retries first
    assert crawl.returncode == 1, crawl.stderr[-3000:]
    [health] = read_health(settings, ["demo-newsroom"])
    assert health.last_error is not None
    assert "robots.txt could not be read (answered HTTP 503)" in health.last_error
    assert "disallows the whole site (RFC 9309, 2.3.1.4)" in health.last_error


@pytest.mark.parametrize("elsewhere", ["another path", "another host"])
def test_a_robots_txt_redirected_to_a_server_error_disallows_the_site_that_redirected(
    settings: Settings, elsewhere: str
) -> None:
    """RFC 9309 (2.3.1.2): a robots.txt's redirects are followed and where they end rules the site asked. The
    crawl judged the redirect's target by its own URL: one not at /robots.txt was not recognised, one on another
    host was held against that host, and either way the site that redirected was crawled whole."""
    other = FixtureSite(extra_routes={"/busy.txt": lambda: Reply(b"busy", "text/plain", 503)}).start()
    target = "/busy.txt" if elsewhere == "another path" else other.base_url + "/busy.txt"
    if elsewhere == "another path":
        other.close()
    site = FixtureSite(
        extra_routes={
            "/robots.txt": lambda: Reply(b"", "text/plain", 301, {"Location": target}),
            "/busy.txt": lambda: Reply(b"busy", "text/plain", 503),
        }
    ).start()
    try:
        write_sources(settings, site.feed_url)
        crawl = run_crawl(settings)
    finally:
        site.close()
        other.close()
    assert [path for path in site.requests if path not in ("/robots.txt", "/busy.txt")] == [], site.requests
    assert crawl.returncode == 1, crawl.stderr[-3000:]
    [health] = read_health(settings, ["demo-newsroom"])
    assert health.last_error is not None
    assert f"{site.base_url}/robots.txt could not be read (redirected to " in health.last_error
    assert "/busy.txt: answered HTTP 503)" in health.last_error


def test_articles_refused_for_an_unreachable_robots_txt_are_fetched_by_the_next_crawl(
    settings: Settings,
) -> None:
    """A feed on one host whose articles are on another (a feed service, a CDN) whose robots.txt is down for
    one crawl: its articles are left alone then, and fetched by the next crawl once robots.txt answers. The
    refusal counted as final (as a link off the source's domains is), so the feed's ETag was kept and the next
    crawl's 304 hid the articles this one never fetched."""
    robots = {"status": 503}
    articles = FixtureSite(
        extra_routes={
            "/robots.txt": lambda: Reply(b"User-agent: *\nAllow: /\n", "text/plain", robots["status"])
        }
    ).start()
    feed = articles.reply("/feed.atom")
    feeds = FixtureSite(extra_routes={"/feed.atom": lambda: feed}).start()
    try:
        write_sources(settings, feeds.base_url + "/feed.atom")
        first = run_crawl(settings)
        assert articles.requests == ["/robots.txt"] * 3, articles.requests  # nothing else asked of the site
        robots["status"] = 200
        second = run_crawl(settings)
    finally:
        feeds.close()
        articles.close()
    assert first.returncode == 1, first.stderr[-3000:]
    assert "robots.txt could not be read (answered HTTP 503)" in first.stderr
    assert second.returncode == 0, second.stderr[-3000:]
    listed = [a.path for a in articles.articles if a.path in feed.body.decode()]
    assert listed and all(path in articles.requests for path in listed), articles.requests
