"""What every source kind shares once it has article links: the trust boundary's link policy, one request
per article, extraction, and an `ArticleItem` for the index worker. A source kind only says how its
listing (a feed, a sitemap, ...) becomes `ArticleLink`s."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers import stats
from crawlers.extract import ExtractionError, extract_page
from crawlers.guard import ALLOW_PRIVATE_NETWORKS, RefusedRequest
from crawlers.items import ArticleItem
from crawlers.page_health import count_page
from crawlers.sources import Source
from crawlers.trust import LinkPolicy
from presswatch.document import Document


@dataclass(frozen=True, kw_only=True)
class ArticleLink:
    """A link to an article and what its listing says of it (used where the page itself does not)."""

    url: str
    published: datetime | None = None
    summary: str | None = None
    language: str | None = None


class ArticleSpider(scrapy.Spider):
    """Base of the generic spiders: subclasses implement `start` and turn their listing into `article_request`s."""

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

    def listed_request(self, url: str, *, callback: Any, **cb_kwargs: Any) -> scrapy.Request | None:
        """A request for a URL a listing gave (checked by crawlers.guard once requested), or None when it
        is not a URL at all (logged and counted)."""
        try:
            return scrapy.Request(url, callback=callback, errback=self.failed, cb_kwargs=cb_kwargs)
        except ValueError as exc:
            self.logger.warning("not following %r: not a URL (%s)", url, exc)
            self._count(stats.REFUSED_BAD_URL)
            return None

    def article_request(self, link: ArticleLink) -> scrapy.Request | None:
        return self.listed_request(link.url, callback=self.parse_article, link=link)

    def parse_article(self, response: Response, link: ArticleLink) -> Iterator[ArticleItem]:
        """One article; a page that cannot be read costs that page, with its reason, never the crawl."""
        try:
            document = self._document(response, link)
        except ExtractionError as exc:
            self.logger.warning("skipped %s: %s", response.url, exc)
            self._count(stats.EXTRACT_ERRORS)
            count_page(self.crawler.stats, exc)
            return
        except Exception as exc:  # a bug in extraction: the traceback names it, the summary counts it
            self.logger.exception("skipped %s: extraction failed", response.url)
            self._count(stats.EXTRACT_ERRORS)
            count_page(self.crawler.stats, exc)
            return
        self._count(stats.ARTICLES)
        count_page(self.crawler.stats, document)
        yield ArticleItem(document=document)

    def _document(self, response: Response, link: ArticleLink) -> Document:
        if not isinstance(response, TextResponse):
            raise ExtractionError(f"not a text page ({response.headers.get('Content-Type')!r})")
        page = extract_page(response.text, url=response.url)
        if page.canonical_rejected:
            self.logger.warning("kept the fetched URL %s: %s", response.url, page.canonical_rejected)
            self._count(stats.CANONICAL_REJECTED)
        try:
            document = page.to_document(
                source=self.source.name,
                default_kind=self.source.kind,
                published=link.published,
                summary=link.summary,
            )
        except ValueError as exc:  # pydantic's ValidationError is one
            raise ExtractionError(f"not a valid document: {exc}") from exc
        if document.language is None and link.language:
            return document.model_copy(update={"language": link.language})
        return document
