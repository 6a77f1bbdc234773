"""Metrics of what other processes do, read from their stores at scrape time.

Crawls (`presswatch crawl`, `presswatch watch`) and alert delivery (`presswatch alerts deliver`, or the
worker thread of `presswatch serve`) run in processes of their own, so counters in the API process would
never see them. Both keep durable records in the data dir: the source health store (one row per source per
crawl) and the alerts store (one row per delivery). Each scrape reads them with one grouped query each,
read-only; a store that does not exist yet reads as nothing happened (with `PRESSWATCH_DATABASE_URL` set,
both are in PostgreSQL). These are gauges: the stores keep a window (the newest runs per source) and
deliveries leave with their saved search.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import get_args

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from alerts.model import Delivery
from alerts.store import DELIVERY_OUTCOMES, delivery_counts
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS
from presswatch.source_health import read_error_counts

_log = logging.getLogger(__name__)
CHANNELS: tuple[str, ...] = get_args(Delivery.model_fields["channel"].annotation)


class StoresCollector(Collector):
    """presswatch_crawl_errors, presswatch_crawl_runs_with_errors and presswatch_alert_deliveries."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield from self._crawls()
        yield from self._deliveries()

    def _crawls(self) -> Iterator[GaugeMetricFamily]:
        errors = GaugeMetricFamily(
            "presswatch_crawl_errors",
            "Pages or feeds a crawl could not fetch, read or index, over each source's kept runs.",
            labels=["source"],
        )
        runs = GaugeMetricFamily(
            "presswatch_crawl_runs_with_errors",
            "Crawl runs of each source (of those kept) that had an error or failed.",
            labels=["source"],
        )
        try:
            counts = read_error_counts(self._settings)
        except STORE_ERRORS as exc:
            _log.warning("metrics: cannot read the source health store: %s", exc)
            return  # no samples rather than wrong ones; the API keeps answering
        for row in counts:
            errors.add_metric([row.source], float(row.errors))
            runs.add_metric([row.source], float(row.runs_with_errors))
        yield errors
        yield runs

    def _deliveries(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "presswatch_alert_deliveries",
            "Alert deliveries in the outbox by channel and outcome: pending (not tried yet), delivered,"
            " failed (last attempt failed, will be retried), dead_lettered (given up).",
            labels=["channel", "outcome"],
        )
        try:
            counts = delivery_counts(self._settings)
        except STORE_ERRORS as exc:
            _log.warning("metrics: cannot read the alerts store: %s", exc)
            return
        for channel in sorted({*CHANNELS, *(c for c, _ in counts)}):
            for outcome in DELIVERY_OUTCOMES:
                family.add_metric([channel, outcome], float(counts.get((channel, outcome), 0)))
        yield family
