"""The `listing` source kind, crawled for real: a newsroom's paged list of articles on the loopback server,
read with a CSS selector for the links and an XPath one for the next page; a second crawl stops at the first
page that links to an article it has seen."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest

from crawlers.sources import Source
from presswatch.config import Settings
from presswatch.demo.site import Article
from tests.conftest import run_crawl
from tests.crawlers.test_crawl import indexed_urls
from tests.crawlers.test_two_sources import totals
from tests.fixture_site import FixtureSite, Reply

PER_PAGE = 7


def _public(articles: list[Article]) -> list[Article]:
    return [a for a in articles if a.listed and not a.path.startswith("/drafts/")]


def _page(server: FixtureSite, number: int) -> Reply:
    public = _public(server.articles)
    shown = public[(number - 1) * PER_PAGE : number * PER_PAGE]
    if not shown:
        return Reply(b"<html><body>No such page</body></html>", status=404)
    items = "".join(
        f'<li class="item"><a class="headline" href="{a.path}">{html.escape(a.title)}</a>'
        f'<a class="share" href="/share?u={a.path}">share</a></li>'
        for a in shown
    )
    following = (
        f'<a rel="next" href="/newsroom/page/{number + 1}">Older</a>'
        if number * PER_PAGE < len(public)
        else ""
    )
    body = (
        '<html><body><nav><a href="/about">About</a><a href="/news/tag/borders">Borders</a></nav>'
        f'<ul class="news">{items}</ul><div class="pager">{following}</div></body></html>'
    )
    return Reply(body.encode())


@pytest.fixture
def paged() -> Iterator[FixtureSite]:
    server = FixtureSite()
    for number in range(1, 5):
        server.extra_routes[f"/newsroom/page/{number}"] = lambda number=number: _page(server, number)  # type: ignore[misc]
    with server:
        yield server


def _sources(site: FixtureSite) -> str:
    return (
        f'[[source]]\nname = "ministry"\ntype = "listing"\nurl = "{site.base_url}/newsroom/page/1"\n'
        "links = \"ul.news a.headline\"\nnext_page = \"//div[@class='pager']/a[@rel='next']/@href\"\n"
    )


def test_paged_listing_then_a_second_crawl_stops_at_seen_articles(
    settings: Settings, paged: FixtureSite
) -> None:
    newest = _public(paged.articles)[0]
    everything = paged.articles
    paged.articles = [a for a in everything if a is not newest]  # not published yet
    settings.sources_file.write_text(_sources(paged), encoding="utf-8")
    first = run_crawl(settings)
    assert first.returncode == 0, first.stderr[-3000:]
    public = _public(paged.articles)
    assert indexed_urls(settings) == sorted(paged.base_url + a.path for a in public)
    assert [p for p in paged.requests if p.startswith("/newsroom/")] == [
        f"/newsroom/page/{n}" for n in (1, 2, 3)
    ]
    assert not any(p.startswith(("/share", "/about", "/news/tag/")) for p in paged.requests), (
        "only the selected links"
    )
    asked = len(paged.answers)

    paged.articles = everything  # the newest is published: page 1 changes, pages shift by one
    second = run_crawl(settings)
    assert second.returncode == 0, second.stderr[-3000:]
    again = [a.path for a in paged.answers[asked:] if a.path != "/robots.txt"]
    assert again == ["/newsroom/page/1", newest.path], "page 2 on holds only articles seen before"
    counts = totals(second.stdout)
    assert counts["indexed new"] == 1 and counts["seen before"] == PER_PAGE - 1, second.stdout

    third = run_crawl(settings)
    assert third.returncode == 0, third.stderr[-3000:]
    assert paged.answered("/newsroom/page/1")[-1] == 304


def test_a_listing_whose_selector_matches_nothing_says_so(settings: Settings, paged: FixtureSite) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "ministry"\ntype = "listing"\nurl = "{paged.base_url}/newsroom/page/1"\n'
        'links = "div.latest-news a"\n',
        encoding="utf-8",
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 1, "a source that gave nothing but errors fails the crawl"
    assert "no article links match 'div.latest-news a'" in crawl.stderr


def test_listing_options_are_checked_when_sources_load() -> None:
    url = "https://www.example.gov/news"
    assert Source(name="s", type="listing", url=url, links="//ul/li/a", next_page="a.next").max_pages == 5
    with pytest.raises(ValueError, match="needs `links`"):
        Source(name="s", type="listing", url=url)
    with pytest.raises(ValueError, match="not a valid CSS selector"):
        Source(name="s", type="listing", url=url, links="ul >> a[")
    with pytest.raises(ValueError, match="not a valid XPath selector"):
        Source(name="s", type="listing", url=url, links="//ul[")
    with pytest.raises(ValueError, match='only apply to type = "listing"'):
        Source(name="s", url=url, links="a")
