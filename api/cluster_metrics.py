"""Cluster mode's task outcomes per source for GET /metrics, read from PostgreSQL at each scrape.

Index and crawl tasks run in worker processes on other machines; they add their counts to
`presswatch.task_counts`, and any API process reports them: documents indexed, batches retried (transient
errors), messages quarantined (permanent errors, see `presswatch quarantine list`), batches redelivered
after a worker was lost, and crawls done or failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector

from presswatch.task_counts import read_counts

_log = logging.getLogger(__name__)


class ClusterTasksCollector(Collector):
    """presswatch_cluster_tasks_total{source, outcome}."""

    def __init__(self, database_url: str) -> None:
        self._database_url = database_url

    def collect(self) -> Iterator[CounterMetricFamily]:
        family = CounterMetricFamily(
            "presswatch_cluster_tasks",
            "Cluster mode: what index and crawl tasks did, per source and outcome (indexed_new, unchanged,"
            " duplicates, retried, quarantined, redelivered, crawled, crawl_failed, ...).",
            labels=["source", "outcome"],
        )
        try:
            counts = read_counts(self._database_url)
        except Exception as exc:  # DatabaseError, psycopg's: the API keeps answering without these samples
            _log.warning("metrics: cannot read the cluster task counts: %s", exc)
            return
        for (source, outcome), count in sorted(counts.items()):
            family.add_metric([source, outcome], float(count))
        yield family
