"""Prometheus metrics of the API process (GET /metrics), in a registry of their own so that several apps
in one process (the tests) share them without registering twice.

Search latency and ingest outcomes are counted here as they happen. Under `presswatch serve --workers N`
each worker writes them to files in `PROMETHEUS_MULTIPROC_DIR` (prometheus_client's multiprocess mode,
switched on by that variable before this module is imported) and a scrape sums every worker's files. What other processes do (crawls,
alert delivery) is read from their durable stores at each scrape (`api.store_metrics`), as is the number
of documents in the index.
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess

REGISTRY = CollectorRegistry(auto_describe=True)

SEARCH_SECONDS = Histogram(
    "presswatch_search_seconds",
    "Time to answer one GET /search page (exports not included).",
    registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
INGESTED = Counter(
    "presswatch_ingested",
    "Documents sent to POST /ingest, by outcome (indexed_new, indexed_updated, unchanged, or an error kind).",
    ["outcome"],
    registry=REGISTRY,
)


def registry_for_scrape() -> CollectorRegistry:
    """What GET /metrics reports: this process's registry, or every worker's when they share a directory."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        return REGISTRY
    summed = CollectorRegistry(auto_describe=True)
    multiprocess.MultiProcessCollector(summed, path=folder)  # type: ignore[no-untyped-call]
    return summed
