"""Runs the spiders of sources.toml in this process and reports what they did."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy.crawler import CrawlerProcess

from crawlers import stats as crawl_stats
from crawlers.health import LastErrors, record_crawl
from crawlers.page_health import HEALTH_STATS
from crawlers.settings import scrapy_settings
from crawlers.sources import Source, load_sources
from crawlers.spiders.article import ArticleSpider
from crawlers.spiders.feed import FeedSpider
from crawlers.spiders.govuk import GovukSpider
from crawlers.spiders.listing import ListingSpider
from crawlers.spiders.sitemap import SitemapSpider
from crawlers.worker_client import IndexSink, IndexWorker
from presswatch.config import Settings

SPIDERS: dict[str, type[ArticleSpider]] = {
    "feed": FeedSpider,
    "sitemap": SitemapSpider,
    "listing": ListingSpider,
    "govuk": GovukSpider,
}


@dataclass
class CrawlReport:
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def total(self, key: str) -> int:
        return sum(stats.get(key, 0) for stats in self.per_source.values())

    def failed_sources(self) -> list[str]:
        """Sources that gave nothing but errors or refused links: a dead feed, or one that is no longer a feed."""
        errors = (*crawl_stats.ERRORS, *crawl_stats.REFUSALS)
        return [
            name
            for name, stats in self.per_source.items()
            if stats.get(crawl_stats.ARTICLES, 0) == 0 and any(stats.get(key, 0) for key in errors)
        ]


def select_sources(settings: Settings, *, only: list[str] | None = None) -> list[Source]:
    sources = load_sources(settings.sources_file)
    if not only:
        return sources
    unknown = sorted(set(only) - {s.name for s in sources})
    if unknown:
        raise ValueError(f"no such source in {settings.sources_file}: {', '.join(unknown)}")
    return [s for s in sources if s.name in only]


def crawl(settings: Settings, *, sources: list[Source]) -> CrawlReport:
    """Crawl every source once. Twisted's reactor cannot restart, so call this once per process.

    Returns once the index worker has indexed every article the spiders read, or, in cluster mode
    (`PRESSWATCH_BROKER_URL`), once every article is on the broker's index queue.
    """
    worker: IndexSink
    if settings.broker_dsn:
        from crawlers.cluster.publisher import BatchPublisher

        worker = BatchPublisher.start(settings)
    else:
        worker = IndexWorker.start(settings)
    process = CrawlerProcess(scrapy_settings(settings, worker=worker, sources=sources))
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(SPIDERS[source.type])
        crawlers.append((source.name, crawler))
        process.crawl(crawler, source=source)
    started_at = datetime.now(UTC)
    last_errors = LastErrors(s.name for s in sources)
    logging.getLogger().addHandler(last_errors)
    try:
        process.start()
    finally:
        indexed = worker.finish()
        logging.getLogger().removeHandler(last_errors)
    report = CrawlReport()
    health: dict[str, dict[str, int]] = {}
    for name, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats is not None else {}
        outcomes = indexed.get(name, Counter())
        report.per_source[name] = {
            key: int(stats.get(crawl_stats.key(key), 0)) + outcomes.get(key, 0)
            for key in crawl_stats.REPORTED
        }
        health[name] = report.per_source[name] | {
            k: int(stats.get(crawl_stats.key(k), 0)) for k in HEALTH_STATS
        }
    record_crawl(
        settings,
        started_at=started_at,
        per_source=health,
        failed=report.failed_sources(),
        last_errors=last_errors.last,
    )
    return report
