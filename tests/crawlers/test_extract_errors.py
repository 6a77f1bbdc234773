"""Pages that used to crash extraction: each is now read, or refused with a reason the crawl counts."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawlers.extract import ExtractionError, extract_page
from presswatch.config import Settings
from presswatch.demo.server import Reply
from tests.conftest import run_crawl
from tests.fixture_site import FixtureSite

BODY = "<p>" + "The minister announced new border funding for the coming year. " * 12 + "</p>"
URL = "https://www.gov.uk/government/news/border-funding"


def _page(*, head: str = "", ld: object = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    return (
        f"<html><head><title>Border funding</title>{head}{script}</head>"
        f"<body><article><h1>Border funding</h1>{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("in_language", "expected"),
    [
        ({"@type": "Language", "name": "English", "alternateName": "en"}, "en"),
        ({"@type": "Language", "name": "English"}, None),
        (["en-GB", "cy"], "en"),
        ([{"alternateName": "fr"}], "fr"),
        ("en_GB", "en"),
        (42, None),
    ],
)
def test_json_ld_in_language_of_any_shape(in_language: object, expected: str | None) -> None:
    page = extract_page(_page(ld={"@type": "NewsArticle", "inLanguage": in_language}), url=URL)
    assert page.language == expected


@pytest.mark.parametrize(
    "ld_text",
    [
        "[" * 5000 + "]" * 5000,
        '{"@type": "NewsArticle", "wordCount": ' + "7" * 5000 + "}",
        '{"@type": ["NewsArticle", {"x": 1}], "headline": {"a": 1}, "articleBody": ["x"]}',
        '{"@type": "NewsArticle", "author": ' + '{"name": ' * 400 + '"x"' + "}" * 400 + "}",
    ],
)
def test_hostile_json_ld_is_ignored(ld_text: str) -> None:
    html = _page(head=f'<script type="application/ld+json">{ld_text}</script>')
    page = extract_page(html, url=URL)
    assert page.title == "Border funding"


def test_a_canonical_with_an_impossible_port_keeps_the_fetched_url() -> None:
    page = extract_page(_page(head='<link rel="canonical" href="https://www.gov.uk:99999/x">'), url=URL)
    assert page.url == URL
    assert page.canonical_rejected is not None and "99999" in page.canonical_rejected


def test_a_fetched_url_with_an_impossible_port_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match=r"(?i)port"):
        extract_page(_page(), url="https://www.gov.uk:99999/x")


def test_control_characters_do_not_lose_the_page() -> None:
    html = _page().replace("<title>", "<title>\x00\x01").replace("minister", "mini\x00ster")
    page = extract_page(html.encode(), url=URL)
    assert page.title == "Border funding"
    assert "minister announced" in page.body


def test_pages_that_crashed_the_spider_are_indexed_or_counted(settings: Settings) -> None:
    server = FixtureSite()
    pages = {
        "/p/language-object": _page(
            ld={"@type": "NewsArticle", "inLanguage": {"@type": "Language", "alternateName": "en"}}
        ),
        "/p/bad-port": _page(head='<link rel="canonical" href="http://127.0.0.1:99999/p/other">'),
        "/p/binary": "\x00\x01\x02",
    }
    items = "".join(f"<item><title>x</title><link>{server.base_url}{p}</link></item>" for p in pages)
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    routes = {p: (lambda html=html: Reply(html.encode())) for p, html in pages.items()}
    server.extra_routes.update({**routes, "/p/feed.rss": lambda: Reply(feed.encode(), "application/rss+xml")})
    with server:
        settings.sources_file.write_text(
            f'[[source]]\nname = "odd"\nurl = "{server.base_url}/p/feed.rss"\n', encoding="utf-8"
        )
        result = run_crawl(settings)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "indexed new 2" in result.stdout
    assert "extract errors 1" in result.stdout  # the binary page
    assert "canonical rejected 1" in result.stdout
    assert "Traceback" not in result.stderr
    with sqlite3.connect(settings.sqlite_path) as conn:
        urls = sorted(row[0] for row in conn.execute("SELECT url FROM documents"))
    assert urls == [server.base_url + "/p/bad-port", server.base_url + "/p/language-object"]
