"""Published and modified dates of pages: the losses the old extraction had, and htmldate's real pages."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawlers.dates import find_dates, parse_date_text
from crawlers.extract import extract_page
from tests.conftest import SHARED_EVAL, require_shared

DATES = SHARED_EVAL / "dates-htmldate"
BODY = "<p>" + "The ministry announced new border agreements with its neighbours today. " * 8 + "</p>"


def page(head: str, body: str = BODY) -> str:
    return f"<html><head><title>Border agreements</title>{head}</head><body><article><h1>Border agreements</h1>{body}</article></body></html>"


def test_a_page_that_begins_with_an_xml_declaration_is_read() -> None:
    html = '<?xml version="1.0" encoding="UTF-8"?>\n' + page(
        '<meta property="article:published_time" content="2026-06-12T09:30:00+02:00">'
    )
    extracted = extract_page(html, url="https://ministry.example/news/a")
    assert extracted.published == datetime(2026, 6, 12, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def test_a_page_without_an_article_body_keeps_its_date() -> None:
    html = page('<meta property="article:published_time" content="2026-06-12T09:30:00+02:00">', body="")
    assert find_dates(html, url="https://ministry.example/news/a").published == datetime(
        2026, 6, 12, 9, 30, tzinfo=timezone(timedelta(hours=2))
    )


def test_a_utc_timestamp_lands_on_the_day_the_url_gives() -> None:
    html = page('<meta property="article:published_time" content="2020-09-14T23:30:00Z">')
    published = find_dates(html, url="https://news.example/2020/09/15/story").published
    assert published is not None
    assert published.date().isoformat() == "2020-09-15"
    assert published == datetime(2020, 9, 14, 23, 30, tzinfo=UTC)  # the same instant
    without_url_day = find_dates(html, url="https://news.example/story").published
    assert without_url_day == published and without_url_day.utcoffset() == timedelta(0)


def test_dates_with_a_named_zone_and_the_publishers_offset() -> None:
    html = page('<meta name="date" content="Tue, Sep 15 2020 10:01:41 EDT">')
    assert find_dates(html).published == datetime(
        2020, 9, 15, 10, 1, 41, tzinfo=timezone(timedelta(hours=-4))
    )
    assert parse_date_text("2026-06-12T09:30:00+02:00") == datetime(
        2026, 6, 12, 9, 30, tzinfo=timezone(timedelta(hours=2))
    )


def test_published_and_modified_are_both_kept() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Border agreements",
        "datePublished": "2026-06-12T09:30:00+01:00",
        "dateModified": "2026-06-14T17:00:00+01:00",
    }
    html = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    extracted = extract_page(html, url="https://ministry.example/news/a")
    plus_one = timezone(timedelta(hours=1))
    assert extracted.published == datetime(2026, 6, 12, 9, 30, tzinfo=plus_one)
    assert extracted.modified == datetime(2026, 6, 14, 17, tzinfo=plus_one)
    document = extracted.to_document(source="s", default_kind="news")
    assert (document.published, document.modified) == (extracted.published, extracted.modified)


@pytest.mark.parametrize("text", ["21:05", "Updated 3 hours ago", "page 12", "", "1788-01-01"])
def test_text_that_is_not_a_full_date_is_not_one(text: str) -> None:
    assert parse_date_text(text) is None


def test_real_pages_give_their_day_and_never_an_exception() -> None:
    require_shared(DATES)
    gold = json.loads((DATES / "gold.json").read_text(encoding="utf-8"))
    sample = list(gold.items())[::5]  # every fifth page keeps the test short; bench/dates.py runs them all
    correct = 0
    for url, entry in sample:
        published = find_dates(
            gzip.decompress((DATES / "html" / f"{entry['file']}.gz").read_bytes()), url=url
        ).published
        correct += published is not None and published.date().isoformat() == entry["date"]
    assert correct / len(sample) > 0.85
