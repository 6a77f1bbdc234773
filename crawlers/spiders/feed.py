"""The generic feed spider: reads an RSS or Atom feed and extracts every article it links to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.extract import ExtractionError, extract_page
from crawlers.feeds import FeedEntry, FeedError, parse_feed
from crawlers.items import ArticleItem
from crawlers.sources import Source


class FeedSpider(scrapy.Spider):
    name = "feed"

    def __init__(self, *, source: Source, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(
            str(self.source.url), callback=self.parse_feed, errback=self.failed, dont_filter=True
        )

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"presswatch/{key}")

    def failed(self, failure: Failure) -> None:
        """A page that could not be fetched (dead server, timeout, refused, too large): say which and why."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if isinstance(failure.value, HttpError):
            status = failure.value.response.status
            self.logger.error("could not fetch %s: HTTP %s", url, status)
            self._count("fetch_errors")
            return
        if isinstance(failure.value, IgnoreRequest):
            self.logger.info("skipped %s: %s", url, failure.getErrorMessage() or "ignored (robots.txt)")
            self._count("ignored")
            return
        self.logger.error("could not fetch %s: %s", url, failure.getErrorMessage())
        self._count("fetch_errors")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            entries = parse_feed(response.body, base_url=response.url)
        except FeedError as exc:
            self.logger.error("feed %s of source %s is unreadable: %s", response.url, self.source.name, exc)
            self._count("feed_errors")
            return
        self.logger.info("feed %s lists %d articles", response.url, len(entries))
        for entry in entries[: self.source.max_items]:
            yield scrapy.Request(
                entry.url, callback=self.parse_article, errback=self.failed, cb_kwargs={"entry": entry}
            )

    def parse_article(self, response: Response, entry: FeedEntry) -> Iterator[ArticleItem]:
        if not isinstance(response, TextResponse):
            self.logger.warning(
                "skipped %s: not a text page (%s)", response.url, response.headers.get("Content-Type")
            )
            self._count("extract_errors")
            return
        try:
            page = extract_page(response.text, url=response.url)
        except ExtractionError as exc:
            self.logger.warning("skipped %s: %s", response.url, exc)
            self._count("extract_errors")
            return
        self._count("articles")
        document = page.to_document(
            source=self.source.name,
            default_kind=self.source.kind,
            published=entry.published,
            summary=entry.summary,
        )
        yield ArticleItem(document=document)
