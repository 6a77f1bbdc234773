"""Scrapy item pipelines: drop duplicates → NLP → index. Each article is indexed as soon as it is ready,
so a crawl killed half-way keeps what it finished and a re-run upserts the rest."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawlers.dedupe import SeenInRun, same_content
from crawlers.items import ArticleItem
from nlp.pipeline import Extractor
from presswatch.config import Settings
from search.base import BackendUnavailableError, SearchBackend
from search.factory import open_backend

logger = logging.getLogger(__name__)
SETTINGS_KEY = "PRESSWATCH_SETTINGS"


def presswatch_settings(crawler: Crawler) -> Settings:
    settings = crawler.settings.get(SETTINGS_KEY)
    if not isinstance(settings, Settings):
        raise NotConfigured(f"{SETTINGS_KEY} is not set: run crawls through `presswatch crawl`")
    return settings


@lru_cache(maxsize=2)
def shared_extractor(model: str) -> Extractor:
    """One loaded model per process, whatever the number of spiders."""
    return Extractor(model=model)


class _BackendPipeline:
    def __init__(self, *, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = presswatch_settings(crawler)
        self.backend: SearchBackend | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler=crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.backend = open_backend(self.settings)

    def close_spider(self, spider: Any = None) -> None:
        if self.backend is not None:
            self.backend.close()

    def _count(self, key: str, by: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"presswatch/{key}", by)


class DuplicatesPipeline(_BackendPipeline):
    def __init__(self, *, crawler: Crawler) -> None:
        super().__init__(crawler=crawler)
        self.seen = SeenInRun()

    def process_item(self, item: ArticleItem, spider: Any = None) -> ArticleItem:
        doc = item.document
        if not self.seen.first_time(doc.id):
            self._count("duplicates")
            raise DropItem(f"duplicate of an article already crawled in this run: {doc.url}")
        assert self.backend is not None
        if same_content(self.backend.get(doc.id), doc):
            self._count("unchanged")
            raise DropItem(f"unchanged since it was indexed: {doc.url}")
        return item


class ExtractPipeline:
    """Entities, figures, agreements and quotes; a document the model chokes on is dropped, with the reason."""

    def __init__(self, *, crawler: Crawler) -> None:
        self.crawler = crawler
        self.model = presswatch_settings(crawler).spacy_model

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler=crawler)

    def process_item(self, item: ArticleItem, spider: Any = None) -> ArticleItem:
        try:
            item.document = shared_extractor(self.model).enrich(item.document)
        except Exception as exc:  # a bug in one rule must not stop the crawl; the log names the page
            logger.exception("NLP failed on %s", item.document.url)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("presswatch/nlp_errors")
            raise DropItem(f"NLP failed on {item.document.url}: {exc}") from exc
        return item


class IndexPipeline(_BackendPipeline):
    def process_item(self, item: ArticleItem, spider: Any = None) -> ArticleItem:
        assert self.backend is not None
        try:
            report = self.backend.index([item.document])
        except BackendUnavailableError as exc:  # not indexed, so the next crawl fetches it again
            self._count("index_errors")
            raise DropItem(f"could not index {item.document.url}: {exc}") from exc
        if report.failed:
            self._count("index_errors")
            raise DropItem(f"could not index {item.document.url}: {report.failed[item.document.id]}")
        self._count("indexed_new", report.added)
        self._count("indexed_updated", report.updated)
        return item
