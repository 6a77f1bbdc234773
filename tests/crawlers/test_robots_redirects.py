"""How far a robots.txt's redirects are followed, and what lies beyond, is one rule for a crawl and for
POST /ingest (RFC 9309, 2.3.1.2): five redirects are followed and the robots.txt they reach is obeyed; past
five, robots.txt is unavailable, which allows everything (as a 4xx does). Before, a crawl followed twenty
(Scrapy's default) and obeyed the robots.txt six redirects away, while POST /ingest held the sixth against the
site as unreachable and refused it (a 502): the same site was crawled one way and ingested the other."""

from __future__ import annotations

from itertools import pairwise

import pytest

from nlp.pipeline import Extractor
from presswatch.config import Settings
from tests.api.ingest_settings import fetching, ingest_url
from tests.conftest import run_crawl, write_sources
from tests.fixture_site import FixtureSite, Reply, Route

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def _redirecting_robots_txt(hops: int) -> FixtureSite:
    """A site whose /robots.txt redirects `hops` times (/robots.txt → /hop1 → ...) to rules that disallow all."""
    chain = ["/robots.txt", *(f"/hop{n}" for n in range(1, hops)), "/rules.txt"]

    def moved(to: str) -> Route:
        return lambda: Reply(b"", "text/plain", 301, {"Location": to})

    routes: dict[str, Route] = {here: moved(there) for here, there in pairwise(chain)}
    routes["/rules.txt"] = lambda: Reply(DISALLOW_ALL, "text/plain", 200)
    return FixtureSite(extra_routes=routes).start()


@pytest.mark.parametrize(("hops", "obeyed"), [(5, True), (6, False)])
def test_a_crawl_follows_five_redirects_of_robots_txt(settings: Settings, hops: int, obeyed: bool) -> None:
    site = _redirecting_robots_txt(hops)
    try:
        write_sources(settings, site.feed_url)
        crawl = run_crawl(settings)
    finally:
        site.close()
    assert ("/rules.txt" in site.requests) is obeyed, site.requests
    fetched = [a.path for a in site.articles if a.path in site.requests]
    if obeyed:
        assert fetched == [], site.requests
    else:
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert fetched, site.requests


@pytest.mark.parametrize(("hops", "obeyed"), [(5, True), (6, False)])
def test_ingest_follows_five_redirects_of_robots_txt(
    settings: Settings, extractor: Extractor, hops: int, obeyed: bool
) -> None:
    site = _redirecting_robots_txt(hops)
    try:
        article = site.articles[0].path
        response = ingest_url(fetching(settings), site.base_url + article, extractor=extractor)
    finally:
        site.close()
    assert ("/rules.txt" in site.requests) is obeyed, site.requests
    if obeyed:
        assert response.status_code == 400, response.text
        assert f"{site.base_url}/robots.txt disallows it" in response.json()["detail"]
        assert article not in site.requests
    else:
        assert response.status_code == 200, response.text
        assert article in site.requests
