"""POST /ingest of a URL obeys the site's robots.txt as a crawl does (the crawl never fetches the fixture
newsroom's /drafts/, which its robots.txt disallows): a disallowed URL, or a redirect to one, is a 400 that
says robots.txt disallows it, and the page is never requested. As RFC 9309 (2.3.1.3-4) says and a crawl does: a
robots.txt that is unavailable (4xx) allows all; one that is unreachable (5xx) disallows all, a 502 that
says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nlp.pipeline import Extractor
from presswatch.config import Settings
from tests.api.ingest_settings import fetching, ingest_url
from tests.fixture_site import FixtureSite, Reply

DRAFT = "/drafts/embargoed-budget-figures"


@pytest.fixture
def allowed(settings: Settings) -> Settings:
    return fetching(settings)


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    server = FixtureSite(
        extra_routes={"/moved": lambda: Reply(b"", "text/html", 302, {"Location": DRAFT})}
    ).start()
    yield server
    server.close()


@pytest.mark.parametrize("path", [DRAFT, "/moved"])
def test_a_url_robots_txt_disallows_is_refused_unrequested(
    allowed: Settings, site: FixtureSite, path: str
) -> None:
    response = ingest_url(allowed, site.base_url + path)
    assert response.status_code == 400, response.text
    assert f"{site.base_url}/robots.txt disallows it" in response.json()["detail"]
    assert DRAFT not in site.requests and "/robots.txt" in site.requests


def test_an_unreadable_robots_txt_allows_the_page(allowed: Settings, extractor: Extractor) -> None:
    site = FixtureSite(extra_routes={"/robots.txt": lambda: Reply(b"gone", "text/plain", 404)}).start()
    try:
        response = ingest_url(allowed, site.base_url + DRAFT, extractor=extractor)
    finally:
        site.close()
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("status", [500, 503])
def test_a_robots_txt_answering_a_server_error_disallows_the_site(allowed: Settings, status: int) -> None:
    site = FixtureSite(extra_routes={"/robots.txt": lambda: Reply(b"busy", "text/plain", status)}).start()
    try:
        response = ingest_url(allowed, site.base_url + "/story")
    finally:
        site.close()
    assert response.status_code == 502, response.text
    detail = response.json()["detail"]
    assert f"{site.base_url}/robots.txt could not be read (answered HTTP {status})" in detail
    assert "disallows the whole site (RFC 9309, 2.3.1.4)" in detail
    assert site.requests == ["/robots.txt"]


FILLER = b"# " + b"x" * 98 + b"\n"  # a comment line of 100 bytes


@pytest.mark.parametrize(
    ("robots_txt", "refused"),
    [
        # larger than the page limit: its start still rules (it was ignored whole, as unreadable)
        (b"User-agent: *\nDisallow: /story\n" + FILLER * 6000, True),
        # a rule past the first 500 KiB is not read (RFC 9309's parsing limit; a 10 MB one took seconds of CPU)
        (FILLER * 6000 + b"User-agent: *\nDisallow: /story\n", False),
    ],
    ids=["rule-first", "rule-past-500-kib"],
)
def test_robots_txt_is_read_up_to_500_kib(allowed: Settings, robots_txt: bytes, refused: bool) -> None:
    # a page limit below robots.txt's size where its start must rule; else the 10 MB default
    small = allowed.model_copy(update={"max_page_bytes": 100_000}) if refused else allowed
    site = FixtureSite(extra_routes={"/robots.txt": lambda: Reply(robots_txt, "text/plain", 200)}).start()
    try:
        response = ingest_url(small, site.base_url + "/story")
    finally:
        site.close()
    if refused:
        assert response.status_code == 400, response.text
        assert "robots.txt disallows it" in response.json()["detail"]
    else:  # asked for: the fixture site has no /story
        assert response.status_code == 502, response.text
        assert "/story" in site.requests
