"""The GOV.UK spider: the search API lists news and communications newest first (filtered by the source's
organisations and document types, paged), the Content API gives each item's document type, dates,
organisations, people, body and withdrawal, so no HTML is scraped (`crawlers.govuk` reads both).

The source's `url` is the site (https://www.gov.uk, or a test server). A Content API item already seen is
fetched again only when the search API's timestamp for it is newer than our last fetch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers import stats
from crawlers.extract import ExtractionError
from crawlers.govuk import (
    NEWS_AND_COMMUNICATIONS,
    GovukError,
    load_json,
    parse_content_item,
    parse_search,
    search_url,
)
from crawlers.spiders.article import ArticleLink, ArticleSpider
from presswatch.document import Document

PAGE_SIZE = 50


class GovukSpider(ArticleSpider):
    name = "govuk"
    considered = 0

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.listed: set[str] = set()

    @property
    def base(self) -> str:
        return str(self.source.url).rstrip("/")

    def _page_size(self) -> int:
        return min(PAGE_SIZE, self.source.max_items)

    def _search(self, start: int) -> str:
        return search_url(
            organisations=self.source.organisations,
            document_types=self.source.document_types or NEWS_AND_COMMUNICATIONS,
            count=self._page_size(),
            start=start,
            base=self.base,
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        request = self.listing_request(self._search(0), callback=self.parse_search, start=0)
        if request is not None:
            yield request

    def parse_search(self, response: Response, start: int) -> Iterator[scrapy.Request]:
        if not self.listing_changed(response):
            return
        try:
            data = load_json(response.body)
            hits = parse_search(data, base=self.base)
        except GovukError as exc:
            self.logger.error("search %s of source %s is unreadable: %s", response.url, self.source.name, exc)
            self._count(stats.FEED_ERRORS)
            return
        self.logger.info("search %s lists %d items", response.url, len(hits))
        fresh = [hit for hit in hits if hit.content_api_url not in self.listed]
        if hits and not fresh:  # a search that ignores `start` answers the same page again and again
            self.logger.warning("search %s: no item not listed already; stopping here", response.url)
            return
        self.listed.update(hit.content_api_url for hit in fresh)
        met_seen = False
        for hit in fresh:
            if self.considered >= self.source.max_items:
                return
            self.considered += 1
            met_seen = met_seen or self.seen_here(hit.content_api_url)
            request = self.article_request(
                ArticleLink(url=hit.url, modified=hit.published), url=hit.content_api_url
            )
            if request is not None:
                yield request
        if met_seen and self.previously_completed():
            self.logger.info("search %s: stopping at items seen before", response.url)
            return
        following = start + len(hits)
        total = data.get("total") if isinstance(data, dict) else None
        if hits and isinstance(total, int) and following < total and self.considered < self.source.max_items:
            request = self.listing_request(
                self._search(following), callback=self.parse_search, start=following
            )
            if request is not None:
                yield request

    def document_of(self, response: Response, link: ArticleLink) -> Document:
        try:
            item = parse_content_item(response.body, base=self.base)
        except GovukError as exc:
            raise ExtractionError(str(exc)) from exc
        try:
            return item.to_document(source=self.source.name)
        except ValueError as exc:  # pydantic's ValidationError is one
            raise ExtractionError(f"not a valid document: {exc}") from exc
