"""The generic feed spider: reads an RSS, Atom or JSON feed and extracts every article it links to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import scrapy
from scrapy.http import Response

from crawlers import stats
from crawlers.feeds import FeedError, parse_feed
from crawlers.spiders.article import ArticleLink, ArticleSpider


class FeedSpider(ArticleSpider):
    name = "feed"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        request = self.listing_request(str(self.source.url), callback=self.parse_feed)
        if request is not None:
            yield request

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if not self.listing_changed(response):
            return
        try:
            entries = parse_feed(response.body, base_url=response.url)
        except FeedError as exc:
            self.logger.error("feed %s of source %s is unreadable: %s", response.url, self.source.name, exc)
            self._count(stats.FEED_ERRORS)
            return
        except Exception:  # a bug in the feed reader: the traceback names it, the summary counts it
            self.logger.exception("feed %s of source %s is unreadable", response.url, self.source.name)
            self._count(stats.FEED_ERRORS)
            return
        self.logger.info("feed %s lists %d articles", response.url, len(entries))
        for entry in entries[: self.source.max_items]:
            link = ArticleLink(
                url=entry.url, published=entry.published, modified=entry.updated, summary=entry.summary
            )
            request = self.article_request(link)
            if request is not None:
                yield request
