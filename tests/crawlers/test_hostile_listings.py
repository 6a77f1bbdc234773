"""Listings that misbehave, crawled for real in one `presswatch crawl` on the loopback server: sitemap indexes
that loop or fan out without end, next-page links that loop, a pager that ignores its page number, a 304 to a
request that asked for none, a gzip bomb, a redirect chain without end, a Retry-After of days or to the year
9999, and GOV.UK search answers that are unreadable or never end. Each is read a bounded number of times and
gives a clear error, or indexes the articles it really lists."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator

import pytest

from crawlers.spiders.sitemap import MAX_SITEMAPS
from presswatch.config import Settings
from presswatch.demo.site import Article
from tests.conftest import run_crawl
from tests.crawlers.test_crawl import indexed_urls
from tests.fixture_site import FixtureSite, Reply

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
MAX_PAGE_BYTES = 1_000_000
BOMB = gzip.compress(b"<rss>" + b" " * 2 * MAX_PAGE_BYTES + b"</rss>")
FAN_OUT = 10  # each index of the endless tree lists this many new indexes: 10 + 100 + 1,000 without a bound


def _index(locations: list[str]) -> Reply:
    children = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locations)
    return Reply(
        f'<?xml version="1.0"?><sitemapindex {NS}>{children}</sitemapindex>'.encode(), "application/xml"
    )


def _urlset(locations: list[str]) -> Reply:
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locations)
    return Reply(f'<?xml version="1.0"?><urlset {NS}>{urls}</urlset>'.encode(), "application/xml")


def _listing(article: Article, *, next_page: str) -> Reply:
    return Reply(
        f'<html><body><ul class="news"><li><a href="{article.path}">{article.slug}</a></li></ul>'
        f'<a rel="next" href="{next_page}">Older</a></body></html>'.encode()
    )


@pytest.fixture
def hostile() -> Iterator[tuple[FixtureSite, list[Article]]]:
    server = FixtureSite()
    base = server.base_url
    articles = [a for a in server.articles if a.listed and not a.path.startswith("/drafts/")][:4]
    same_page = json.dumps(
        {"results": [{"link": articles[3].path, "public_timestamp": "2026-11-01T09:00:00Z"}], "total": 10**9}
    ).encode()
    server.extra_routes.update(
        {
            # an index that lists itself (fifty times) and one real sitemap
            "/loop/index.xml": lambda: _index([f"{base}/loop/index.xml"] * 50 + [f"{base}/loop/pages.xml"]),
            "/loop/pages.xml": lambda: _urlset([base + articles[0].path]),
            # a page whose next page is itself
            "/newsroom": lambda: _listing(articles[1], next_page="/newsroom"),
            "/not-modified.rss": lambda: Reply(b"", "application/rss+xml", 304),
            # servers asking to wait eleven days, or until the year 9999: not waited for, an error now
            "/patient.rss": lambda: Reply(b"later", "text/plain", 429, {"Retry-After": "999999"}),
            "/far.rss": lambda: Reply(
                b"later", "text/plain", 503, {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"}
            ),
            # a few KB that inflate past PRESSWATCH_MAX_PAGE_BYTES (Content-Encoding: gzip)
            "/bomb.rss": lambda: Reply(BOMB, "application/rss+xml", 200, {"Content-Encoding": "gzip"}),
            "/deep/api/search.json": lambda: Reply(
                b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "application/json"
            ),
        }
    )
    server.prefix_routes.update(
        {
            # every index of this tree lists FAN_OUT new ones, for ever
            "/tree/": lambda path: _index([f"{base}{path.split('?')[0]}{i}/" for i in range(FAN_OUT)]),
            # a pager that ignores ?page= and always shows the same articles
            "/archive": lambda path: _listing(
                articles[2],
                next_page=f"/archive?page={int(path.rsplit('=', 1)[-1]) + 1 if '=' in path else 2}",
            ),
            # a redirect to the next hop, for ever
            "/hop": lambda path: Reply(
                b"", status=302, headers={"Location": f"{base}/hop{int(path.removeprefix('/hop') or 0) + 1}"}
            ),
            # a search API that ignores `start` and claims a billion results
            "/same/api/search.json": lambda path: Reply(same_page, "application/json"),
            "/same/api/content/": lambda path: Reply(b"{}", "application/json"),
        }
    )
    with server:
        yield server, articles


def _per_source(summary: str) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for line in summary.splitlines():
        name, _, figures = line.partition(": ")
        found[name] = Counter({k.strip(): int(v) for k, v in re.findall(r"([a-z ]+?) (\d+)(?:,|$)", figures)})
    return found


def test_looping_endless_and_lying_listings_are_read_a_bounded_number_of_times(
    settings: Settings, hostile: tuple[FixtureSite, list[Article]]
) -> None:
    site, articles = hostile
    base = site.base_url
    settings.sources_file.write_text(
        f'[[source]]\nname = "loop-sitemap"\ntype = "sitemap"\nurl = "{base}/loop/index.xml"\n\n'
        f'[[source]]\nname = "endless-sitemap"\ntype = "sitemap"\nurl = "{base}/tree/"\n\n'
        f'[[source]]\nname = "loop-listing"\ntype = "listing"\nurl = "{base}/newsroom"\n'
        'links = "ul.news a"\nnext_page = "a[rel=next]"\nmax_pages = 100\n\n'
        f'[[source]]\nname = "stuck-pager"\ntype = "listing"\nurl = "{base}/archive"\n'
        'links = "ul.news a"\nnext_page = "a[rel=next]"\nmax_pages = 100\n\n'
        f'[[source]]\nname = "lying-feed"\nurl = "{base}/not-modified.rss"\n\n'
        f'[[source]]\nname = "bomb-feed"\nurl = "{base}/bomb.rss"\n\n'
        f'[[source]]\nname = "patient-feed"\nurl = "{base}/patient.rss"\n\n'
        f'[[source]]\nname = "far-feed"\nurl = "{base}/far.rss"\n\n'
        f'[[source]]\nname = "redirect-loop"\nurl = "{base}/hop0"\n\n'
        f'[[source]]\nname = "deep-govuk"\ntype = "govuk"\nurl = "{base}/deep"\n\n'
        f'[[source]]\nname = "same-govuk"\ntype = "govuk"\nurl = "{base}/same"\n',
        encoding="utf-8",
    )
    crawl = run_crawl(settings, PRESSWATCH_MAX_PAGE_BYTES=str(MAX_PAGE_BYTES))
    requested = Counter(path.split("?")[0] for path in site.requests)

    assert requested["/loop/index.xml"] == 1, "an index that lists itself is read once"
    assert sum(n for p, n in requested.items() if p.startswith("/tree/")) <= MAX_SITEMAPS
    assert requested["/newsroom"] == 1, "a next-page link back to the same page is not followed"
    assert requested["/archive"] == 2, "a page with no new article ends the paging"
    assert requested["/same/api/search.json"] == 2, "a search page with no new item ends the paging"

    sources = _per_source(crawl.stdout)
    assert sources["lying-feed"]["feed errors"] == 1, crawl.stdout
    assert "answered 304 Not Modified to a request that was not conditional" in crawl.stderr
    assert sources["deep-govuk"]["feed errors"] == 1, crawl.stdout
    assert requested["/patient.rss"] == requested["/far.rss"] == 1, (
        "a Retry-After too far off is not waited for"
    )
    assert "the server asks to wait 999999 s" in crawl.stderr
    for name in ("bomb-feed", "redirect-loop", "patient-feed", "far-feed"):  # errors, not "ignored"
        assert sources[name]["fetch errors"] == 1 and not sources[name]["ignored"], (name, crawl.stdout)
    assert "exceeded DOWNLOAD_MAXSIZE" in crawl.stderr and "max redirections reached" in crawl.stderr
    assert "nested too deep" in crawl.stderr
    assert "Traceback" not in crawl.stderr, "every failure is an error that says why, not a crash"
    for name in ("loop-sitemap", "loop-listing", "stuck-pager"):
        assert sources[name]["indexed new"] == 1, (name, crawl.stdout)
    assert indexed_urls(settings) == sorted(base + a.path for a in articles[:3])
    assert crawl.returncode == 1, "sources that gave nothing but errors fail the crawl"
