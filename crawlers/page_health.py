"""What each article page gave, counted for the source's extraction health.

A publisher that changes its layout rarely breaks the crawl: pages still download, but their bodies, titles
or dates stop being found. The spiders count those pages here; `crawlers.health` records them per run.
"""

from __future__ import annotations

from typing import Any

from crawlers import stats as crawl_stats
from crawlers.extract import NoBodyError, NoTitleError
from presswatch.document import Document

HEALTH_STATS = (
    crawl_stats.PAGES,
    crawl_stats.PAGES_EMPTY_BODY,
    crawl_stats.PAGES_NO_TITLE,
    crawl_stats.PAGES_NO_DATE,
)


def count_page(stats: Any, outcome: Document | Exception) -> None:
    """Count one article page read: the document made of it, or why none could be."""
    crawl_stats.count(stats, crawl_stats.PAGES)
    if isinstance(outcome, NoBodyError):
        crawl_stats.count(stats, crawl_stats.PAGES_EMPTY_BODY)
    elif isinstance(outcome, NoTitleError):
        crawl_stats.count(stats, crawl_stats.PAGES_NO_TITLE)
    elif isinstance(outcome, Document) and outcome.published is None:
        crawl_stats.count(stats, crawl_stats.PAGES_NO_DATE)
