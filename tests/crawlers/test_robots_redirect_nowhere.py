"""A robots.txt that redirects to a host whose name does not resolve is unreachable (a network error, RFC 9309
2.3.1.4: "unreachable due to server or network errors ... the crawler MUST assume complete disallow"), and a
crawl and POST /ingest both leave the site alone, saying why."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presswatch.config import Settings
from tests.api.ingest_settings import fetching, ingest_url
from tests.conftest import run_crawl, write_sources
from tests.fixture_site import FixtureSite, Reply

NOWHERE = "presswatch-test.invalid"  # RFC 6761: never resolves


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    server = FixtureSite(
        extra_routes={
            "/robots.txt": lambda: Reply(b"", "text/plain", 301, {"Location": f"http://{NOWHERE}/robots.txt"})
        }
    ).start()
    yield server
    server.close()


def test_a_crawl_leaves_the_site_alone(settings: Settings, site: FixtureSite) -> None:
    write_sources(settings, site.feed_url)
    crawl = run_crawl(settings)
    fetched = [a.path for a in site.articles if a.path in site.requests]
    assert fetched == [], site.requests
    assert crawl.returncode == 1, crawl.stdout + crawl.stderr[-3000:]
    assert f"{site.base_url}/robots.txt could not be read (redirected to http://{NOWHERE}/robots.txt" in (
        crawl.stderr
    )
    assert "disallows the whole site (RFC 9309, 2.3.1.4)" in crawl.stderr


def test_ingest_leaves_the_site_alone(settings: Settings, site: FixtureSite) -> None:
    article = site.articles[0].path
    response = ingest_url(fetching(settings), site.base_url + article)
    assert response.status_code == 502, response.text
    detail = response.json()["detail"]
    assert f"{site.base_url}/robots.txt could not be read" in detail
    assert NOWHERE in detail
    assert "disallows the whole site (RFC 9309, 2.3.1.4)" in detail
    assert site.requests == ["/robots.txt"]
