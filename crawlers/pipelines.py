"""Scrapy item pipeline: hand each article to the run's index worker (or, in cluster mode, the index queue).

Duplicates, NLP and index writes happen in the worker process (`crawlers.worker`), so the reactor thread
only downloads and reads pages; each article is indexed as soon as the worker reaches it, so a crawl killed
half-way keeps what it finished and a re-run upserts the rest.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawlers.items import ArticleItem
from crawlers.worker_client import IndexSink
from presswatch.config import Settings

SETTINGS_KEY = "PRESSWATCH_SETTINGS"
WORKER_KEY = "PRESSWATCH_INDEX_WORKER"


def presswatch_settings(crawler: Crawler) -> Settings:
    settings = crawler.settings.get(SETTINGS_KEY)
    if not isinstance(settings, Settings):
        raise NotConfigured(f"{SETTINGS_KEY} is not set: run crawls through `presswatch crawl`")
    return settings


class IndexPipeline:
    """Submits every article to the worker the run shares among its spiders; never blocks the reactor."""

    def __init__(self, *, worker: IndexSink) -> None:
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        worker = crawler.settings.get(WORKER_KEY)
        if not isinstance(worker, IndexSink):
            raise NotConfigured(f"{WORKER_KEY} is not set: run crawls through `presswatch crawl`")
        return cls(worker=worker)

    def process_item(self, item: ArticleItem, spider: Any = None) -> ArticleItem:
        self.worker.submit(item.document, fetched=item.fetched)
        return item
