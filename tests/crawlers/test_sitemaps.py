"""Sitemaps: urlsets, indexes, news sitemaps, gzip, cut-offs and patterns, and hostile XML."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawlers.sitemaps import SitemapError, child_sitemaps, parse_sitemap, select

BASE = "https://ministry.example/sitemap.xml"
URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://ministry.example/news/old</loc><lastmod>2026-01-02</lastmod></url>
  <url><loc>https://ministry.example/about</loc></url>
  <url><loc>/news/relative</loc><lastmod>2026-03-01T10:00:00+01:00</lastmod></url>
  <url><loc>https://ministry.example/news/newest</loc>
    <news:news><news:publication><news:name>Ministry</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-03-03T09:30:00+02:00</news:publication_date>
      <news:title>Border agreements signed</news:title></news:news></url>
  <url><loc>javascript:alert(1)</loc></url>
</urlset>"""


def test_a_news_sitemap_gives_titles_dates_and_absolute_urls() -> None:
    sitemap = parse_sitemap(URLSET.encode(), base_url=BASE)
    assert sitemap.kind == "urlset"
    assert [e.url for e in sitemap.entries] == [
        "https://ministry.example/news/old",
        "https://ministry.example/about",
        "https://ministry.example/news/relative",
        "https://ministry.example/news/newest",
    ]
    newest = sitemap.entries[-1]
    assert newest.title == "Border agreements signed" and newest.language == "en"
    assert newest.published == datetime(2026, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def test_newest_first_with_a_cut_off_and_url_patterns() -> None:
    entries = parse_sitemap(URLSET.encode(), base_url=BASE).entries
    assert [e.url.rsplit("/", 1)[1] for e in select(entries)] == ["newest", "relative", "old", "about"]
    since = datetime(2026, 2, 1, tzinfo=UTC)
    assert [e.url.rsplit("/", 1)[1] for e in select(entries, since=since)] == ["newest", "relative"]
    assert [e.url.rsplit("/", 1)[1] for e in select(entries, include=[r"/news/"], exclude=[r"relative"])] == [
        "newest",
        "old",
    ]
    assert len(select(entries, limit=1)) == 1


def test_a_gzipped_sitemap_index() -> None:
    index = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://ministry.example/sitemap-2025.xml</loc><lastmod>2025-12-31</lastmod></sitemap>
      <sitemap><loc>https://ministry.example/sitemap-2026.xml.gz</loc><lastmod>2026-03-03T10:00:00Z</lastmod></sitemap>
      <sitemap><loc>https://ministry.example/sitemap-pages.xml</loc></sitemap>
    </sitemapindex>"""
    sitemap = parse_sitemap(gzip.compress(index.encode()), base_url=BASE)
    assert sitemap.kind == "index"
    children = child_sitemaps(sitemap, since=datetime(2026, 1, 1, tzinfo=UTC))
    assert [c.url.rsplit("/", 1)[1] for c in children] == ["sitemap-2026.xml.gz", "sitemap-pages.xml"]


def test_a_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    assert len(bomb) < 10_000
    with pytest.raises(SitemapError, match="larger than"):
        parse_sitemap(bomb, base_url=BASE, max_bytes=1_000_000)


def test_entities_are_not_expanded() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY ext SYSTEM "file:///etc/hostname">]>
      <urlset><url><loc>https://ministry.example/&b;&ext;</loc></url></urlset>"""
    entries = parse_sitemap(body, base_url=BASE).entries
    assert all("aaaaaaaaaa" not in e.url for e in entries)


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"<html><body/></html>", "not a sitemap"), (b"", "not XML"), (b"\x1f\x8bjunk", "broken gzip")],
)
def test_non_sitemaps_are_refused_clearly(body: bytes, message: str) -> None:
    with pytest.raises(SitemapError, match=message):
        parse_sitemap(body, base_url=BASE)


def test_a_truncated_gzip_and_xml_recovered_into_nothing_are_errors_not_empty_sitemaps() -> None:
    whole = gzip.compress(URLSET.encode())
    with pytest.raises(SitemapError, match="ends early"):
        parse_sitemap(whole[: len(whole) // 2], base_url=BASE)
    deep = (
        f"<urlset>{'<a>' * 10_000}{'</a>' * 10_000}<url><loc>https://ministry.example/a</loc></url></urlset>"
    )
    with pytest.raises(SitemapError, match="not readable XML: Excessive depth"):
        parse_sitemap(deep.encode(), base_url=BASE)


def test_a_child_sitemap_listed_twice_is_read_once() -> None:
    index = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://ministry.example/a.xml</loc></sitemap>
      <sitemap><loc>https://ministry.example/b.xml</loc><lastmod>2026-03-03</lastmod></sitemap>
      <sitemap><loc>https://ministry.example/a.xml</loc></sitemap>
      <sitemap><loc>https://ministry.example/c.xml</loc></sitemap>
    </sitemapindex>"""
    children = child_sitemaps(parse_sitemap(index.encode(), base_url=BASE))
    assert [c.url.rsplit("/", 1)[1] for c in children] == ["b.xml", "a.xml", "c.xml"]
