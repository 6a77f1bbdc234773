"""The generic feed spider: reads an RSS or Atom feed and extracts every article it links to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers import stats
from crawlers.extract import ExtractionError, extract_page
from crawlers.feeds import FeedEntry, FeedError, parse_feed
from crawlers.guard import ALLOW_PRIVATE_NETWORKS, RefusedRequest
from crawlers.items import ArticleItem
from crawlers.sources import Source
from crawlers.trust import LinkPolicy
from presswatch.document import Document


class FeedSpider(scrapy.Spider):
    name = "feed"
    link_policy: LinkPolicy

    def __init__(self, *, source: Source, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """The link policy (read by crawlers.guard) needs the crawl's setting for private networks."""
        spider: Self = super().from_crawler(crawler, *args, **kwargs)
        spider.link_policy = LinkPolicy.for_source(
            url=str(spider.source.url),
            domains=spider.source.link_domains(),
            allow_private_networks=crawler.settings.getbool(ALLOW_PRIVATE_NETWORKS),
        )
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(
            str(self.source.url), callback=self.parse_feed, errback=self.failed, dont_filter=True
        )

    def _count(self, name: str) -> None:
        stats.count(self.crawler.stats, name)

    def failed(self, failure: Failure) -> None:
        """A page that could not be fetched (dead server, timeout, refused, too large): say which and why."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if isinstance(failure.value, RefusedRequest):
            self.logger.warning("not following %s: %s", url, failure.value.refusal.detail)
            self._count(failure.value.refusal.reason)
            return
        if isinstance(failure.value, HttpError):
            status = failure.value.response.status
            self.logger.error("could not fetch %s: HTTP %s", url, status)
            self._count(stats.FETCH_ERRORS)
            return
        if isinstance(failure.value, IgnoreRequest):
            self.logger.info("skipped %s: %s", url, failure.getErrorMessage() or "ignored (robots.txt)")
            self._count(stats.IGNORED)
            return
        self.logger.error("could not fetch %s: %s", url, failure.getErrorMessage())
        self._count(stats.FETCH_ERRORS)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
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
            try:
                request = scrapy.Request(
                    entry.url, callback=self.parse_article, errback=self.failed, cb_kwargs={"entry": entry}
                )
            except ValueError as exc:  # the links are the feed's: checked by crawlers.guard once requested
                self.logger.warning("not following %r: not a URL (%s)", entry.url, exc)
                self._count(stats.REFUSED_BAD_URL)
                continue
            yield request

    def parse_article(self, response: Response, entry: FeedEntry) -> Iterator[ArticleItem]:
        """One article; a page that cannot be read costs that page, with its reason, never the crawl."""
        try:
            document = self._document(response, entry)
        except ExtractionError as exc:
            self.logger.warning("skipped %s: %s", response.url, exc)
            self._count(stats.EXTRACT_ERRORS)
            return
        except Exception:  # a bug in extraction: the traceback names it, the summary counts it
            self.logger.exception("skipped %s: extraction failed", response.url)
            self._count(stats.EXTRACT_ERRORS)
            return
        self._count(stats.ARTICLES)
        yield ArticleItem(document=document)

    def _document(self, response: Response, entry: FeedEntry) -> Document:
        if not isinstance(response, TextResponse):
            raise ExtractionError(f"not a text page ({response.headers.get('Content-Type')!r})")
        page = extract_page(response.text, url=response.url)
        if page.canonical_rejected:
            self.logger.warning("kept the fetched URL %s: %s", response.url, page.canonical_rejected)
            self._count(stats.CANONICAL_REJECTED)
        try:
            return page.to_document(
                source=self.source.name,
                default_kind=self.source.kind,
                published=entry.published,
                summary=entry.summary,
            )
        except ValueError as exc:  # pydantic's ValidationError is one
            raise ExtractionError(f"not a valid document: {exc}") from exc
