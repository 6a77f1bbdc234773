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
