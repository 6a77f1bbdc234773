"""A page's rel=canonical / og:url decides its id, so it is believed only on the fetched page's own site."""

from __future__ import annotations

import sqlite3

import pytest

from crawlers.extract import extract_page
from presswatch.config import Settings
from presswatch.demo.server import Reply
from presswatch.document import document_id
from tests.conftest import run_crawl
from tests.fixture_site import FixtureSite

GOVUK = "https://www.gov.uk/government/news/uk-to-sign-new-agreements"
BODY = "<p>" + "The minister announced new border funding for the coming year. " * 12 + "</p>"


def _page(*, canonical: str = "", og_url: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    og = f'<meta property="og:url" content="{og_url}">' if og_url else ""
    return (
        f"<html><head><title>New border funding</title>{link}{og}</head>"
        f"<body><article><h1>New border funding</h1>{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("fetched", "claims"),
    [
        ("https://copycat.example.org/news/1", {"canonical": GOVUK}),
        ("https://copycat.example.org/news/1", {"og_url": GOVUK}),
        ("https://evilgov.uk/news/1", {"canonical": GOVUK}),  # not gov.uk, whatever the name says
        ("https://assets.publishing.service.gov.uk/x", {"canonical": GOVUK}),  # gov.uk is a public suffix
        ("http://127.0.0.1:8000/news/1", {"canonical": "http://localhost:8000/news/1"}),
    ],
)
def test_a_canonical_on_another_site_is_not_believed(fetched: str, claims: dict[str, str]) -> None:
    page = extract_page(_page(**claims), url=fetched)
    assert page.url == fetched
    assert page.canonical_rejected is not None and "on another site" in page.canonical_rejected


@pytest.mark.parametrize(
    ("fetched", "canonical", "expected"),
    [
        ("https://www.gov.uk/x?utm_source=rss", "/government/news/a", "https://www.gov.uk/government/news/a"),
        ("https://news.bbc.co.uk/1", "https://www.bbc.co.uk/news/1", "https://www.bbc.co.uk/news/1"),
        ("http://www.gov.uk/x", "https://www.gov.uk/x", "https://www.gov.uk/x"),
    ],
)
def test_a_canonical_on_the_same_site_is_used(fetched: str, canonical: str, expected: str) -> None:
    page = extract_page(_page(canonical=canonical), url=fetched)
    assert page.url == expected
    assert page.canonical_rejected is None


def test_a_saved_page_without_a_site_keeps_its_canonical() -> None:
    page = extract_page(_page(canonical=GOVUK), url="file:///home/me/saved.html")
    assert page.url == GOVUK


def test_an_off_site_canonical_falls_back_to_an_on_site_og_url() -> None:
    page = extract_page(
        _page(canonical=GOVUK, og_url="https://copycat.example.org/news/one"),
        url="https://copycat.example.org/news/1",
    )
    assert page.url == "https://copycat.example.org/news/one"


def test_a_crawled_page_claiming_a_govuk_canonical_keeps_its_own_id(settings: Settings) -> None:
    server = FixtureSite()
    links = ["/copy/1"]
    items = "".join(f"<item><title>x</title><link>{server.base_url}{p}</link></item>" for p in links)
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    server.extra_routes.update(
        {
            "/copy/feed.rss": lambda: Reply(feed.encode(), "application/rss+xml"),
            "/copy/1": lambda: Reply(_page(canonical=GOVUK).encode()),
        }
    )
    with server:
        settings.sources_file.write_text(
            f'[[source]]\nname = "copycat"\nurl = "{server.base_url}/copy/feed.rss"\n', encoding="utf-8"
        )
        result = run_crawl(settings)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "canonical rejected 1" in result.stdout
    assert "is on another site than the page" in result.stderr
    with sqlite3.connect(settings.sqlite_path) as conn:
        rows = conn.execute("SELECT id, url FROM documents").fetchall()
    assert rows == [(document_id(server.base_url + "/copy/1"), server.base_url + "/copy/1")]
    assert document_id(GOVUK) not in {row[0] for row in rows}
