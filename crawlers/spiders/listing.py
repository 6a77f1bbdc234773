"""The generic listing spider: a newsroom's paged list of articles, read with the source's selectors.

Page 1 is the newest. Article links come from the `links` selector, the next (older) page from
`next_page`, up to `max_pages` pages and `max_items` articles. Once a crawl of the source has finished,
paging stops at the first page that links to an article seen before: everything older was read then.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse

from crawlers import stats
from crawlers.selectors import hrefs
from crawlers.spiders.article import ArticleLink, ArticleSpider


class ListingSpider(ArticleSpider):
    name = "listing"
    considered = 0

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.listed: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        request = self.listing_request(str(self.source.url), callback=self.parse_listing, page=1)
        if request is not None:
            yield request

    def parse_listing(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        if not self.listing_changed(response):
            return
        if not isinstance(response, TextResponse):
            self.logger.error("listing %s of source %s is not a page", response.url, self.source.name)
            self._count(stats.FEED_ERRORS)
            return
        assert self.source.links is not None  # a listing source must have it (checked when sources load)
        links = list(dict.fromkeys(response.urljoin(h) for h in hrefs(response.selector, self.source.links)))
        if not links:  # most likely the site's layout changed: say so, it is what an analyst must fix
            self.logger.error(
                "listing %s of source %s: no article links match %r",
                response.url,
                self.source.name,
                self.source.links,
            )
            self._count(stats.FEED_ERRORS)
            return
        self.logger.info("listing %s (page %d) links to %d articles", response.url, page, len(links))
        fresh = [url for url in links if url not in self.listed]
        if not fresh:  # a pager that keeps giving the same articles (a loop, or a site ignoring ?page=)
            self.logger.warning("listing %s: no article not listed already; stopping here", response.url)
            return
        self.listed.update(fresh)
        met_seen = False
        for url in fresh:
            if self.considered >= self.source.max_items:
                return
            self.considered += 1
            met_seen = met_seen or self.seen_here(url)
            request = self.article_request(ArticleLink(url=url))
            if request is not None:
                yield request
        if met_seen and self.previously_completed():
            self.logger.info("listing %s: stopping at articles seen before", response.url)
            return
        if self.source.next_page and page < self.source.max_pages:
            following = hrefs(response.selector, self.source.next_page)
            if following:
                request = self.listing_request(
                    response.urljoin(following[0]), callback=self.parse_listing, page=page + 1
                )
                if request is not None:
                    yield request
