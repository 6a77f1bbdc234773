"""How many documents each source brought to the index (its `source`), counted in the index when asked.

In a cluster, a crawl's documents reach the index through the index workers, after the crawl has ended: the
count its crawl recorded at the end lagged one crawl (`documents 0` after the first), so `presswatch sources`
and GET /sources count when asked (`counted_now`), and show the recorded count only when the index cannot be.
They ask within `COUNT_SECONDS`: an Elasticsearch that accepts connections and never answers held both for the
client's 30 s request timeout, the CLI too, which never needed the index before it counted. Each source is
counted whole: a search's total stops at 10,000, which a large source's count showed as its own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from presswatch.source_health import SourceHealth
from search.base import BackendUnavailableError, SearchBackend

logger = logging.getLogger(__name__)

COUNT_SECONDS = 1.5
"""How long a listing of the sources waits for the index's counts before showing the crawls' own."""


def documents_per_source(
    backend: SearchBackend, names: Iterable[str], *, timeout: float = COUNT_SECONDS
) -> dict[str, int]:
    """Each source's documents in the index now; BackendUnavailableError when it cannot answer in time."""
    return backend.documents_per_source(list(names), timeout=timeout)


def counted_now(rows: list[SourceHealth], backend: SearchBackend) -> list[SourceHealth]:
    """`rows` with each source's documents counted in the index now; as recorded when it cannot answer."""
    try:
        counts = documents_per_source(backend, [row.name for row in rows])
    except BackendUnavailableError as exc:
        logger.warning("documents per source as their crawls counted them: the index cannot count: %s", exc)
        return rows
    return [
        row.model_copy(update={"documents": counts[row.name], "documents_counted_by": "index"})
        for row in rows
    ]
