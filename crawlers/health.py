"""Extraction health, crawl side: keep each source's last error and, once the crawl has finished, record
one `CrawlRun` per source in the health store (what `presswatch sources` and `GET /sources` show).

The spiders count the pages (`crawlers.page_health`); this module runs in the crawl process after them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from crawlers import stats as crawl_stats
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS
from presswatch.source_health import CrawlRun, open_health
from search.base import BackendUnavailableError
from search.factory import open_backend
from search.source_counts import documents_per_source

logger = logging.getLogger(__name__)
MAX_ERROR_CHARS = 500
CRAWL_COUNT_SECONDS = 30.0  # a crawl that has ended can wait for its count: nobody is waiting on it


class LastErrors(logging.Handler):
    """Keeps the last warning or error each source's spider logged, with its time.

    Spiders log every page or feed they could not use, with the reason; this handler only remembers the
    newest per source, so the health store can show it without anyone reading the crawl log.
    """

    def __init__(self, sources: Iterable[str]) -> None:
        super().__init__(level=logging.WARNING)
        self._sources = frozenset(sources)
        self.last: dict[str, tuple[str, datetime]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        spider = getattr(record, "spider", None)
        name = str(getattr(spider, "name", None) or record.name)
        if name not in self._sources:
            return
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed log call must not stop the crawl
            message = str(record.msg)
        self.last[name] = (message[:MAX_ERROR_CHARS], datetime.fromtimestamp(record.created, UTC))


def _documents_per_source(settings: Settings, names: Iterable[str]) -> dict[str, int]:
    """Documents each source brought to the index first (its `source`); none when the index is down."""
    try:
        backend = open_backend(settings)
    except BackendUnavailableError as exc:
        logger.warning("could not count documents per source: %s", exc)
        return {}
    try:
        return documents_per_source(backend, names, timeout=CRAWL_COUNT_SECONDS)
    except BackendUnavailableError as exc:
        logger.warning("could not count documents per source: %s", exc)
        return {}
    finally:
        backend.close()


def crawl_runs(
    *,
    started_at: datetime,
    finished_at: datetime,
    per_source: Mapping[str, Mapping[str, int]],
    failed: Iterable[str],
    last_errors: Mapping[str, tuple[str, datetime]],
    documents: Mapping[str, int],
) -> list[CrawlRun]:
    """One `CrawlRun` per source from the crawl's figures (`per_source` has the REPORTED and HEALTH_STATS keys)."""
    failed_sources = set(failed)
    runs = []
    for name, figures in per_source.items():
        errors = sum(figures.get(key, 0) for key in (*crawl_stats.ERRORS, *crawl_stats.REFUSALS))
        error, error_at = last_errors.get(name, (None, None))
        if error is None and errors:
            error, error_at = f"{errors} error(s); see the crawl log", finished_at
        runs.append(
            CrawlRun(
                source=name,
                started_at=started_at,
                finished_at=finished_at,
                pages=figures.get(crawl_stats.PAGES, 0),
                empty_body=figures.get(crawl_stats.PAGES_EMPTY_BODY, 0),
                no_title=figures.get(crawl_stats.PAGES_NO_TITLE, 0),
                no_date=figures.get(crawl_stats.PAGES_NO_DATE, 0),
                new=figures.get(crawl_stats.INDEXED_NEW, 0),
                updated=figures.get(crawl_stats.INDEXED_UPDATED, 0),
                unchanged=figures.get(crawl_stats.UNCHANGED, 0),
                errors=errors,
                failed=name in failed_sources,
                error=error,
                error_at=error_at,
                documents=documents.get(name),
            )
        )
    return runs


def record_crawl(
    settings: Settings,
    *,
    started_at: datetime,
    per_source: Mapping[str, Mapping[str, int]],
    failed: Iterable[str],
    last_errors: Mapping[str, tuple[str, datetime]],
) -> None:
    """Store the crawl's runs; a health store that cannot be written is logged and costs only the record."""
    finished_at = datetime.now(UTC)
    runs = crawl_runs(
        started_at=started_at,
        finished_at=finished_at,
        per_source=per_source,
        failed=failed,
        last_errors=last_errors,
        documents=_documents_per_source(settings, per_source),
    )
    try:
        with open_health(settings) as store:
            store.record(runs)
    except (*STORE_ERRORS, OSError) as exc:
        logger.error("could not record the sources' health in %s: %s", settings.data_dir, exc)
