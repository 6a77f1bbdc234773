"""The `sitemap` source kind, crawled for real: a sitemap index of news and monthly sitemaps on the loopback
newsroom, with a date cut-off, URL patterns and max_items; the server's log says what was fetched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from crawlers.sources import Source
from presswatch.config import Settings
from presswatch.demo.site import Article
from tests.conftest import run_crawl
from tests.crawlers.test_crawl import indexed_urls
from tests.fixture_site import FixtureSite, Reply

SINCE = datetime(2026, 9, 1, tzinfo=UTC)
NEWS_NEWEST = 3  # the news sitemap lists the newest articles; the half-year sitemaps list the rest


def _urlset(entries: list[str], *, news: bool = False) -> Reply:
    namespaces = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        namespaces += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {namespaces}>\n{"".join(entries)}</urlset>\n'
    return Reply(body.encode(), "application/xml")


def _news_entry(url: str, published: datetime, title: str) -> str:
    return (
        f"<url><loc>{url}</loc><news:news><news:publication><news:name>Demo</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{published.isoformat()}</news:publication_date>"
        f"<news:title>{title}</news:title></news:news></url>\n"
    )


def _entry(url: str, lastmod: datetime | None) -> str:
    return f"<url><loc>{url}</loc>{f'<lastmod>{lastmod.isoformat()}</lastmod>' if lastmod else ''}</url>\n"


def _index(children: list[tuple[str, str | None]]) -> Reply:
    entries = "".join(
        f"<sitemap><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</sitemap>\n"
        for loc, mod in children
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
    )
    return Reply(body.encode(), "application/xml")


@pytest.fixture
def sitemapped() -> Iterator[FixtureSite]:
    server = FixtureSite()
    base = server.base_url
    public = [a for a in server.articles if a.listed and not a.path.startswith("/drafts/")]  # newest first
    draft = next(a for a in server.articles if a.path.startswith("/drafts/"))
    news, rest = public[:NEWS_NEWEST], public[NEWS_NEWEST:]
    second_half = [a for a in rest if a.published >= datetime(2026, 7, 1, tzinfo=UTC)]
    first_half = [a for a in rest if a not in second_half]
    server.extra_routes.update(
        {
            "/sitemap_index.xml": lambda: _index(
                [
                    (f"{base}/sitemaps/2026-h1.xml", "2026-06-30"),
                    (f"{base}/sitemaps/news.xml", "2026-11-25T00:00:00Z"),
                    (f"{base}/sitemaps/2026-h2.xml", "2026-11-01"),
                    (f"{base}/sitemaps/pages.xml", None),
                ]
            ),
            "/sitemaps/news.xml": lambda: _urlset(
                [_news_entry(base + a.path, a.published, a.title) for a in (*news, draft)], news=True
            ),
            "/sitemaps/2026-h2.xml": lambda: _urlset(
                [_entry(base + a.path, a.published) for a in second_half]
                + [_entry(f"{base}/news/tag/borders", datetime(2026, 11, 24, tzinfo=UTC))]
            ),
            "/sitemaps/2026-h1.xml": lambda: _urlset(
                [_entry(base + a.path, a.published) for a in first_half]
            ),
            "/sitemaps/pages.xml": lambda: _urlset([_entry(f"{base}/news/undated-page", None)]),
        }
    )
    with server:
        yield server


def _public(server: FixtureSite) -> list[Article]:
    return [a for a in server.articles if a.listed and not a.path.startswith("/drafts/")]


def _wanted(server: FixtureSite) -> list[Article]:
    return [a for a in _public(server) if a.published >= SINCE]


def test_sitemap_index_with_news_sitemap_cut_off_and_patterns(
    settings: Settings, sitemapped: FixtureSite
) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "ministry"\ntype = "sitemap"\nurl = "{sitemapped.base_url}/sitemap_index.xml"\n'
        f'since = {SINCE.date().isoformat()}\ninclude = ["/news/"]\nexclude = ["/news/tag/"]\n',
        encoding="utf-8",
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    wanted = _wanted(sitemapped)
    assert 4 < len(wanted) < len(_public(sitemapped)), "the fixture must have articles on both sides of SINCE"
    assert f"indexed new {len(wanted)}" in crawl.stdout, crawl.stdout
    assert indexed_urls(settings) == sorted(sitemapped.base_url + a.path for a in wanted)

    requested = sitemapped.requests
    for path in ("/sitemap_index.xml", "/sitemaps/news.xml", "/sitemaps/2026-h2.xml", "/sitemaps/pages.xml"):
        assert path in requested
    assert "/sitemaps/2026-h1.xml" not in requested, "a child sitemap last modified before the cut-off"
    assert "/news/tag/borders" not in requested, "excluded by pattern"
    assert "/news/undated-page" not in requested, "an undated entry under a cut-off"
    assert not any(p.startswith("/drafts/") for p in requested), "robots.txt disallows /drafts/"
    old = [a.path for a in sitemapped.articles if a.published < SINCE]
    assert not set(old) & set(requested), "articles older than the cut-off"


def test_max_items_takes_the_newest_of_a_news_sitemap(settings: Settings, sitemapped: FixtureSite) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "ministry"\ntype = "sitemap"\nurl = "{sitemapped.base_url}/sitemaps/2026-h2.xml"\n'
        'max_items = 2\nexclude = ["/tag/"]\n',
        encoding="utf-8",
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    second_half = sorted(
        (a for a in _public(sitemapped) if a.published >= datetime(2026, 7, 1, tzinfo=UTC)),
        key=lambda a: a.published,
    )[:-NEWS_NEWEST]
    newest = sorted(sitemapped.base_url + a.path for a in second_half[-2:])
    assert indexed_urls(settings) == newest


def test_sitemap_options_are_checked_when_sources_load() -> None:
    url = "https://www.example.gov/sitemap.xml"
    aged = Source(name="s", type="sitemap", url=url, since="7d")
    now = datetime(2026, 3, 8, 12, tzinfo=UTC)
    assert aged.cutoff(now=now) == datetime(2026, 3, 1, 12, tzinfo=UTC)
    dated = Source(name="s", type="sitemap", url=url, since=date(2026, 3, 1))
    assert dated.cutoff() == datetime(2026, 3, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="neither a date"):
        Source(name="s", type="sitemap", url=url, since="last week")
    with pytest.raises(ValueError, match="not a regular expression"):
        Source(name="s", type="sitemap", url=url, include=("[unclosed",))
    with pytest.raises(ValueError, match='only apply to type = "sitemap"'):
        Source(name="s", url=url, include=("/news/",))
