"""What every source kind shares once it has article links: the trust boundary's link policy, one request
per article, extraction, and an `ArticleItem` for the index worker. A source kind only says how its
listing (a feed, a sitemap, ...) becomes `ArticleLink`s.

Incremental crawling lives here too (`crawlers.seen`): listings are fetched with conditional GET, an article
already seen is not fetched again unless its listing says it changed since, and one fetched again whose
body is the same is not indexed again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
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
from crawlers.pipelines import WORKER_KEY, presswatch_settings
from crawlers.seen import Fetched, SeenURLs, fetched_from, open_seen
from crawlers.sources import Source
from crawlers.trust import LinkPolicy
from presswatch.document import Document


@dataclass(frozen=True, kw_only=True)
class ArticleLink:
    """A link to an article and what its listing says of it (used where the page itself does not)."""

    url: str
    published: datetime | None = None
    modified: datetime | None = None
    summary: str | None = None
    language: str | None = None

    @property
    def last_change(self) -> datetime | None:
        return self.modified or self.published


_ROBOTS = "robots.txt"  # Scrapy's RobotsTxtMiddleware says "Forbidden by robots.txt": a choice, not an error


def _conditional(response: Response) -> bool:
    """Whether the request behind `response` asked for a 304 (it had If-None-Match or If-Modified-Since)."""
    headers = response.request.headers if response.request is not None else {}
    return b"If-None-Match" in headers or b"If-Modified-Since" in headers


INCREMENTAL = "PRESSWATCH_INCREMENTAL"
"""Scrapy setting: keep and use the seen-URL store (off for `presswatch check-source`, which fetches anyway)."""
_NOT_MODIFIED = {"handle_httpstatus_list": [304]}


class ArticleSpider(scrapy.Spider):
    """Base of the generic spiders: subclasses implement `start` and turn their listing into `article_request`s."""

    link_policy: LinkPolicy
    seen: SeenURLs | None = None

    def __init__(self, *, source: Source, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.listings: list[Fetched] = []
        self.transient_failures = 0
        self.requested_listings: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """The link policy (read by crawlers.guard) needs the crawl's setting for private networks."""
        spider: Self = super().from_crawler(crawler, *args, **kwargs)
        spider.link_policy = LinkPolicy.for_source(
            url=str(spider.source.url),
            domains=spider.source.link_domains(),
            allow_private_networks=crawler.settings.getbool(ALLOW_PRIVATE_NETWORKS),
        )
        if crawler.settings.getbool(INCREMENTAL, True):
            spider.seen = open_seen(presswatch_settings(crawler))
        return spider

    def closed(self, reason: str) -> None:
        """A finished crawl with no article lost to an error hands its listings' validators to the index
        worker, which records them once every article is stored (see `IndexWorker.record_when_indexed`)."""
        worker = self.crawler.settings.get(WORKER_KEY)
        if self.seen is not None:
            self.seen.close()
        if reason == "finished" and worker is not None and not self.transient_failures:
            worker.record_when_indexed(source=self.source.name, listings=self.listings)

    def previously_completed(self) -> bool:
        """Whether an earlier crawl of this source finished: only then may a listing stop at seen articles."""
        return self.seen is not None and self.seen.completed(self.source.name)

    def _count(self, name: str) -> None:
        stats.count(self.crawler.stats, name)

    def failed(self, failure: Failure) -> None:
        """A page that could not be fetched (dead server, timeout, refused, too large): say which and why.

        A failure that may pass (a network error, a 429 or 5xx after its retries) keeps this crawl's listings
        from being remembered, so the next crawl reads them again and retries the page, and so does a refusal
        for a site whose robots.txt was unreachable; any other refusal or a 4xx would fail the same way again."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if isinstance(failure.value, RefusedRequest):
            self.logger.warning("not following %s: %s", url, failure.value.refusal.detail)
            self._count(failure.value.refusal.reason)
            self.transient_failures += failure.value.refusal.transient
            return
        if isinstance(failure.value, HttpError):
            status = failure.value.response.status
            before = request.cb_kwargs.get("before") if request is not None else None
            if status in stats.GONE and isinstance(before, Fetched):
                self._withdraw(before, status=status)
                return
            self.logger.error("could not fetch %s: HTTP %s", url, status)
            self._count(stats.FETCH_ERRORS)
            self.transient_failures += status == 429 or status >= 500
            return
        if isinstance(failure.value, IgnoreRequest) and _ROBOTS in failure.getErrorMessage():
            self.logger.info("skipped %s: %s", url, failure.getErrorMessage())
            self._count(stats.IGNORED)
            return
        self.logger.error("could not fetch %s: %s", url, failure.getErrorMessage())
        self._count(stats.FETCH_ERRORS)
        # a body too large once inflated or a redirect loop (ignored by Scrapy) would fail the same way again
        self.transient_failures += not isinstance(failure.value, IgnoreRequest)

    def _withdraw(self, before: Fetched, *, status: int) -> None:
        """An article indexed before that is now gone (404, 410): the index worker marks it withdrawn, which
        keeps it searchable with its mark, and counts it (`withdrawn`, not an error of the source's; a fetch
        error if the index has no such document). Its fetch record loses its
        validators and hash, so the page is read and indexed anew if it comes back."""
        self.logger.warning("article %s answered HTTP %s: marking it withdrawn", before.url, status)
        worker = self.crawler.settings.get(WORKER_KEY)
        if worker is not None:
            worker.withdraw(url=before.url, source=self.source.name)
        if self.seen is not None:
            gone = replace(
                before, etag=None, last_modified=None, content_hash=None, fetched_at=datetime.now(UTC)
            )
            self.seen.record([gone])

    def _also_listed(self, url: str) -> None:
        self.logger.info("%s is fetched for another source; this one is added to its sources", url)
        worker = self.crawler.settings.get(WORKER_KEY)
        if worker is not None:
            worker.also_listed(url=url, source=self.source.name)

    def listed_request(self, url: str, *, callback: Any, **cb_kwargs: Any) -> scrapy.Request | None:
        """A request for a URL a listing gave (checked by crawlers.guard once requested), or None when it
        is not a URL at all (logged and counted)."""
        try:
            return scrapy.Request(url, callback=callback, errback=self.failed, cb_kwargs=cb_kwargs)
        except ValueError as exc:
            self.logger.warning("not following %r: not a URL (%s)", url, exc)
            self._count(stats.REFUSED_BAD_URL)
            return None

    def listing_request(self, url: str, *, callback: Any, **cb_kwargs: Any) -> scrapy.Request | None:
        """A request for a listing (feed, sitemap, listing page, search API page): conditional when this URL
        was fetched before, so an unchanged listing costs a 304. None for a listing already requested in this
        crawl: a next-page link or a sitemap index that points back is read once, not in a loop."""
        request = self.listed_request(url, callback=callback, **cb_kwargs)
        if request is None:
            return None
        if request.url in self.requested_listings:
            self.logger.warning("not reading %s again: already read in this crawl (a loop)", request.url)
            return None
        self.requested_listings.add(request.url)
        before = self.seen.get(url) if self.seen is not None else None
        headers = before.conditional_headers() if before is not None else {}
        return request.replace(headers=headers, meta=dict(_NOT_MODIFIED), dont_filter=True)

    def listing_changed(self, response: Response) -> bool:
        """False for a 304 (counted); otherwise the listing's validators are kept for the end of the crawl."""
        if response.status == 304:
            if not _conditional(response):  # nothing to be "not modified" since: the server is wrong
                self.logger.error(
                    "listing %s answered 304 Not Modified to a request that was not conditional", response.url
                )
                self._count(stats.FEED_ERRORS)
                return False
            self.logger.info("listing %s not modified since the last crawl", response.url)
            self._count(stats.NOT_MODIFIED)
            return False
        self.listings.append(self._fetched(response))
        return True

    def seen_here(self, url: str) -> bool:
        """Whether `url` was fetched for this very source before (not only for another one)."""
        return self.seen is not None and self.seen.seen_by(url, self.source.name)

    def article_request(self, link: ArticleLink, *, url: str | None = None) -> scrapy.Request | None:
        """The request for a listed article (at `url` when it is fetched elsewhere than its page, as GOV.UK's
        Content API), or None when it was seen before and its listing says nothing changed since."""
        target = url or link.url
        before = self.seen.get(target) if self.seen is not None else None
        if before is not None and not self.seen_here(target):
            # Brought in by another source: fetched once in full, so the index adds this source to its
            # `sources` (an unchanged page is not analysed again, only relabelled).
            before = None
        if before is None and self.seen is not None and not self.seen.claim(target, self.source.name):
            # Cluster mode: another source fetches (or fetched) it; the index adds this one without a fetch.
            self._also_listed(target)
            return None
        if before is not None and not before.changed_since(link.last_change):
            self._count(stats.SEEN_BEFORE)
            return None
        request = self.listed_request(target, callback=self.parse_article, link=link, before=before)
        if request is None or before is None:
            return request
        return request.replace(headers=before.conditional_headers(), meta=dict(_NOT_MODIFIED))

    def parse_article(
        self, response: Response, link: ArticleLink, before: Fetched | None = None
    ) -> Iterator[ArticleItem]:
        """One article; a page that cannot be read costs that page, with its reason, never the crawl."""
        fetched = self._fetched(response)
        if before is not None and (response.status == 304 or fetched.content_hash == before.content_hash):
            self.logger.info("article %s unchanged since the last crawl", response.url)
            self._count(stats.NOT_MODIFIED)
            if self.seen is not None:  # nothing to index; only remember when we last looked
                same = fetched if response.status == 200 else replace(before, fetched_at=fetched.fetched_at)
                self.seen.record([same])
            return
        try:
            document = self.document_of(response, link)
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
        yield ArticleItem(document=document, fetched=fetched if self.seen is not None else None)

    def _fetched(self, response: Response) -> Fetched:
        """The record of a fetch, under the URL that was requested (before any redirect)."""
        first = response.meta.get("redirect_urls", [response.url])[0]
        return fetched_from(url=first, source=self.source.name, body=response.body, headers=response.headers)

    def document_of(self, response: Response, link: ArticleLink) -> Document:
        """The document of an article's response (source kinds with their own format override this)."""
        return self._document(response, link)

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
