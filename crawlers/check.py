"""`presswatch check-source NAME`: fetch a few items of one source, as a crawl would, without indexing them
and without touching the crawl state, so a user can see on their own network what a source gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Self

from scrapy.crawler import Crawler, CrawlerProcess

from crawlers import stats as crawl_stats
from crawlers.items import ArticleItem
from crawlers.run import SPIDERS
from crawlers.settings import scrapy_settings
from crawlers.sources import Source
from crawlers.spiders.article import INCREMENTAL
from presswatch.config import Settings
from presswatch.document import Document

COLLECTED_KEY = "PRESSWATCH_CHECK_COLLECTED"


@dataclass
class Collected:
    """The documents a check read, shared (not copied) through Scrapy's settings."""

    documents: list[Document] = field(default_factory=list)

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return self


class CollectPipeline:
    """Keeps each article instead of indexing it."""

    def __init__(self, collected: Collected) -> None:
        self.collected = collected

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings[COLLECTED_KEY])

    def process_item(self, item: ArticleItem, spider: Any = None) -> ArticleItem:
        self.collected.documents.append(item.document)
        return item


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    documents: list[Document]
    stats: dict[str, int]


def check_source(settings: Settings, source: Source, *, items: int = 3) -> CheckResult:
    """Read at most `items` articles of `source` (one listing page). Call once per process (Twisted)."""
    collected = Collected()
    wanted = source.model_copy(update={"max_items": items, "max_pages": 1})
    process = CrawlerProcess(
        {
            **scrapy_settings(settings, worker=None, sources=[wanted]),
            "ITEM_PIPELINES": {"crawlers.check.CollectPipeline": 300},
            COLLECTED_KEY: collected,
            INCREMENTAL: False,
        },
    )
    crawler = process.create_crawler(SPIDERS[wanted.type])
    process.crawl(crawler, source=wanted)
    process.start()
    figures = crawler.stats.get_stats() if crawler.stats is not None else {}
    return CheckResult(
        documents=collected.documents,
        stats={name: int(figures.get(crawl_stats.key(name), 0)) for name in crawl_stats.REPORTED},
    )
