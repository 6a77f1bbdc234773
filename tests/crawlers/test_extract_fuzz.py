"""Fuzzing `extract_page` with mutated real pages: whatever a server sends, the only exception that comes out
is `ExtractionError` (which the spider counts), never a crash. Bounded so that it runs in CI in seconds."""

from __future__ import annotations

import json
import os
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawlers.extract import ExtractedPage, ExtractionError, extract_page
from tests.conftest import FIXTURES

EXAMPLES = int(os.environ.get("PRESSWATCH_FUZZ_EXAMPLES", "200"))
IN_CI = os.environ.get("CI") == "true"  # the same examples on every CI run; new ones locally


@lru_cache(maxsize=1)
def _pages() -> tuple[bytes, ...]:
    from presswatch.demo.server import NewsroomServer

    saved = tuple(p.read_bytes() for p in sorted((FIXTURES / "pages").glob("*.html")))
    demo = NewsroomServer()
    try:
        article = demo.reply("/news/uk-agreements-serbia-north-macedonia-kosovo").body
    finally:
        demo.close()
    return (*saved, article)


HOSTILE_VALUES: list[object] = [
    {"@type": "Language", "name": "English", "alternateName": "en"},
    [{"name": "English"}, "en-GB"],
    [[[[]]]],
    {"@id": None},
    None,
    12,
    -1.5e308,
    True,
    "",
    "\x00\ud7ff",
    "2026-13-45T99:99:99",
    "9" * 30,
]
LD_KEYS = [
    "@type",
    "inLanguage",
    "headline",
    "datePublished",
    "author",
    "articleBody",
    "@graph",
    "url",
    "name",
]


@st.composite
def hostile_json_ld(draw: st.DrawFn) -> bytes:
    """A JSON-LD block with values of the wrong type, deep nesting, huge numbers or broken syntax."""
    values = st.sampled_from(HOSTILE_VALUES)
    obj = draw(st.dictionaries(st.sampled_from(LD_KEYS), values, max_size=6))
    if draw(st.booleans()):
        obj["@type"] = draw(st.sampled_from(["NewsArticle", ["NewsArticle", {"x": 1}], [["Article"]]]))
    text = json.dumps(obj)
    text = draw(
        st.sampled_from(
            [
                text,
                "[" * 5000 + "]" * 5000,  # deeper than the JSON parser's recursion limit
                '{"@type": "NewsArticle", "wordCount": ' + "7" * 5000 + "}",  # past int's digit limit
                '{"@type": "NewsArticle", "headline": NaN, "author": Infinity}',
                text[: len(text) // 2],
                '{"@type": "NewsArticle", "author": ' + '{"name": ' * 400 + '"x"' + "}" * 400 + "}",
            ]
        )
    )
    return f'<script type="application/ld+json">{text}</script>'.encode()


INSERTS = st.one_of(
    hostile_json_ld(),
    st.sampled_from(
        [
            b"<html>",
            b"</html></body>",
            b'<html lang="\x00">',
            b"<!--",
            b"<![CDATA[",
            b'<?xml version="1.0" encoding="utf-8"?>',
            b'<meta charset="utf-16">',
            b'<meta charset="no-such-charset">',
            b'<link rel="canonical" href="http://[::1">',
            b'<link rel="canonical" href="https://example.org:99999/a">',
            b'<link rel="canonical" href="javascript:alert(1)">',
            b'<meta property="og:url" content="//:0">',
            b'<meta property="og:locale" content="">',
            b'<meta property="article:published_time" content="99999-01-01">',
            b'<meta name="description">',
            b"<title></title>",
            b"<h1>" + b"\xff\xfe" * 20 + b"</h1>",
            b"\x00\x01\x02\x1b",
            b"<p " + b'a="' * 50 + b">",
            b"<table>" * 200,
            b"\xef\xbb\xbf",
        ]
    ),
)


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    page = bytearray(draw(st.sampled_from(_pages())))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        at = draw(st.integers(min_value=0, max_value=max(len(page) - 1, 0)))
        if action == "flip" and page:
            page[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif action == "truncate":
            del page[at:]
        elif action == "insert":
            page[at:at] = draw(INSERTS)
        elif page:
            del page[at : at + draw(st.integers(min_value=1, max_value=400))]
    return bytes(page)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=IN_CI,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(page=mutated_page(), as_text=st.booleans())
def test_mutated_pages_give_a_page_or_an_extraction_error(page: bytes, as_text: bool) -> None:
    html: str | bytes = page.decode("utf-8", errors="replace") if as_text else page
    try:
        found = extract_page(html, url="https://www.gov.uk/government/news/x?utm_source=rss")
    except ExtractionError as exc:
        assert str(exc)  # a reason the crawl log can show
        return
    assert isinstance(found, ExtractedPage)
    assert found.title and found.body
    assert found.url.startswith(("http://", "https://"))
