"""The generic sitemap spider: a sitemap, a sitemap index or a Google News sitemap → the articles it lists,
newest first, after the source's date cut-off and URL patterns (`crawlers.sitemaps` does the reading)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import scrapy
from scrapy.http import Response

from crawlers import stats
from crawlers.sitemaps import SitemapError, child_sitemaps, parse_sitemap, select
from crawlers.spiders.article import ArticleLink, ArticleSpider

# An index may list indexes; real sites nest at most once or twice, a loop must not recurse for ever.
MAX_DEPTH = 3
MAX_CHILD_SITEMAPS = 50
# Sitemaps read per crawl of a source at most: without it, indexes of indexes fan out to 50³ fetches.
MAX_SITEMAPS = 100


class SitemapSpider(ArticleSpider):
    """Child sitemaps are fetched newest first (by their <lastmod>), and each one's articles newest first;
    `max_items` counts articles over the whole source. Child sitemaps and articles are links like a feed's:
    the trust boundary checks every one."""

    name = "sitemap"
    requested = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        request = self.listing_request(str(self.source.url), callback=self.parse_sitemap, depth=0)
        if request is not None:
            yield request

    def parse_sitemap(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        if not self.listing_changed(response):
            return
        try:
            sitemap = parse_sitemap(response.body, base_url=response.url)
        except SitemapError as exc:
            self.logger.error(
                "sitemap %s of source %s is unreadable: %s", response.url, self.source.name, exc
            )
            self._count(stats.FEED_ERRORS)
            return
        cutoff = self.source.cutoff()
        if sitemap.kind == "index":
            if depth >= MAX_DEPTH:
                self.logger.warning("not following sitemap index %s: nested %d deep", response.url, depth)
                return
            children = child_sitemaps(sitemap, since=cutoff)
            self.logger.info("sitemap index %s lists %d sitemaps worth reading", response.url, len(children))
            for child in children[:MAX_CHILD_SITEMAPS]:
                if self.requested >= self.source.max_items:
                    return  # enough articles already: older sitemaps would only be cut away
                if len(self.requested_listings) >= MAX_SITEMAPS:
                    self.logger.warning(
                        "not reading more sitemaps of source %s: %d read in this crawl already",
                        self.source.name,
                        MAX_SITEMAPS,
                    )
                    return
                request = self.listing_request(child.url, callback=self.parse_sitemap, depth=depth + 1)
                if request is not None:
                    yield request
            return
        chosen = select(
            sitemap.entries,
            since=cutoff,
            include=self.source.include,
            exclude=self.source.exclude,
            limit=max(0, self.source.max_items - self.requested),
        )
        self.logger.info(
            "sitemap %s lists %d articles, %d wanted", response.url, len(sitemap.entries), len(chosen)
        )
        for entry in chosen:
            link = ArticleLink(
                url=entry.url, published=entry.published, modified=entry.lastmod, language=entry.language
            )
            request = self.article_request(link)
            if request is not None:
                self.requested += 1
                yield request
