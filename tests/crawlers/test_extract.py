"""Golden files: saved pages → the fields and figures they must give."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawlers.extract import ExtractionError, extract_page
from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"
EXPECTED: dict[str, dict[str, Any]] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_page_gives_expected_fields(name: str, extractor: Extractor) -> None:
    expected = EXPECTED[name]
    page = extract_page(
        (PAGES / name).read_bytes(), url=expected["url"].replace("/statements/port-security", "/x")
    )
    assert page.url == expected["url"]
    assert page.title == expected["title"]
    published = datetime.fromisoformat(expected["published"]) if expected["published"] else None
    assert page.published == published
    assert page.kind == expected["kind"]
    assert page.language == expected["language"]
    for text in expected["body_contains"]:
        assert text in page.body
    for text in expected["body_excludes"]:
        assert text not in page.body
    doc = extractor.enrich(Document.from_page(url=page.url, source="t", title=page.title, body=page.body))
    found = [f.normalized for f in doc.figures]
    for figure in expected["figures"]:
        assert figure in found
    if "quote_speakers" in expected:
        assert [q.speaker for q in doc.quotes] == expected["quote_speakers"]
    for status, parties in expected.get("agreements", []):
        assert any(a.status == status and set(a.parties) == set(parties) for a in doc.agreements)


def test_json_ld_and_publisher_kind(newsroom_page: tuple[str, bytes]) -> None:
    url, html = newsroom_page
    page = extract_page(html, url=url + "?utm_source=feed")
    assert page.url == url
    assert page.kind == "press_release"
    assert page.author == "Home Office"
    assert page.published is not None and page.published.isoformat() == "2026-06-16T09:30:00+01:00"
    assert not page.body.startswith(page.title), "the <h1> repeating the title is dropped"
    assert "cookies" not in page.body and "Crown copyright" not in page.body


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (b"", "empty page"),
        (b"   \n ", "empty page"),
        (b"<html><head><title>Nothing</title></head><body></body></html>", "no article body"),
        (b"\x00\x01\x02 binary junk \xff\xfe", "no article body|not an HTML page"),
    ],
)
def test_unreadable_pages_raise_a_clear_error(html: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_page(html, url="http://x.test/a")


@pytest.fixture
def newsroom_page(tmp_path: Path) -> tuple[str, bytes]:
    from presswatch.demo.server import NewsroomServer

    with NewsroomServer() as server:
        path = "/news/uk-agreements-serbia-north-macedonia-kosovo"
        return server.base_url + path, server.reply(path).body
