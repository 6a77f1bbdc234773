"""The names of the crawl statistics, in one place: spiders and pipelines count them, the summary prints them.

Each is a key of Scrapy's stats collector under `presswatch/`; `count()` adds to one.
"""

from __future__ import annotations

from typing import Any, Final

PREFIX: Final = "presswatch/"

ARTICLES: Final = "articles"
INDEXED_NEW: Final = "indexed_new"
INDEXED_UPDATED: Final = "indexed_updated"
QUEUED_FOR_INDEX: Final = "queued_for_index"  # kept in the Elasticsearch outbox while the server is down
UNCHANGED: Final = "unchanged"
# Incremental crawling: articles not fetched again (seen before, listing says unchanged) and listings or
# articles the server answered 304 (or the same body) for.
SEEN_BEFORE: Final = "seen_before"
NOT_MODIFIED: Final = "not_modified"
DUPLICATES: Final = "duplicates"
# Articles indexed before that now answer 404 or 410: kept in the index, marked withdrawn. Not an error.
WITHDRAWN: Final = "withdrawn"
GONE: Final = (404, 410)
IGNORED: Final = "ignored"
FETCH_ERRORS: Final = "fetch_errors"
FEED_ERRORS: Final = "feed_errors"
EXTRACT_ERRORS: Final = "extract_errors"
NLP_ERRORS: Final = "nlp_errors"
INDEX_ERRORS: Final = "index_errors"
# The trust boundary: links a feed gave that were not followed, by reason.
REFUSED_SCHEME: Final = "refused_scheme"
REFUSED_OFFSITE: Final = "refused_offsite"
REFUSED_PRIVATE_NETWORK: Final = "refused_private_network"
REFUSED_BAD_URL: Final = "refused_bad_url"
# A canonical URL (rel=canonical, og:url) that was not believed, so the fetched URL was kept.
CANONICAL_REJECTED: Final = "canonical_rejected"

# Extraction health (crawlers/health.py): article pages read, and those without a body, a title or a date.
PAGES: Final = "pages"
PAGES_EMPTY_BODY: Final = "pages_empty_body"
PAGES_NO_TITLE: Final = "pages_no_title"
PAGES_NO_DATE: Final = "pages_no_date"

REFUSALS: Final = (REFUSED_SCHEME, REFUSED_OFFSITE, REFUSED_PRIVATE_NETWORK, REFUSED_BAD_URL)
ERRORS: Final = (FETCH_ERRORS, FEED_ERRORS, EXTRACT_ERRORS, NLP_ERRORS, INDEX_ERRORS)
"""What makes a source count as failed when it gave no article."""

REPORTED: Final = (
    ARTICLES,
    INDEXED_NEW,
    INDEXED_UPDATED,
    QUEUED_FOR_INDEX,
    UNCHANGED,
    SEEN_BEFORE,
    NOT_MODIFIED,
    DUPLICATES,
    WITHDRAWN,
    IGNORED,
    *ERRORS,
    *REFUSALS,
    CANONICAL_REJECTED,
)
"""What the crawl summary prints, in this order."""


def key(name: str) -> str:
    """The stats-collector key of one of the names above."""
    return PREFIX + name


def count(stats: Any, name: str, by: int = 1) -> None:
    """Add `by` to `name` in a Scrapy stats collector (which may be None before the crawl starts)."""
    if stats is not None:
        stats.inc_value(key(name), by)
