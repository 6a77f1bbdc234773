"""Prometheus metrics of the API process (GET /metrics), in a registry of their own so that several apps
in one process (the tests) share them without registering twice.

Search latency and ingest outcomes are counted here as they happen. What other processes do (crawls,
alert delivery) is read from their durable stores at each scrape (`api.store_metrics`), as is the number
of documents in the index.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

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
