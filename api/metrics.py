"""Prometheus metrics of the API process (GET /metrics), in a registry of their own so that several apps
in one process (the tests) share them without registering twice.

Search latency and ingest outcomes are counted here as they happen; the number of documents is read from
the index at each scrape. Crawl errors and alert deliveries happen in other processes (the crawl, the
alert runner): their counters are declared here so dashboards have stable names, and they read zero until
those processes report into this registry (see the README).
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
CRAWL_ERRORS = Counter(
    "presswatch_crawl_errors",
    "Pages a crawl could not read, by reason, as reported to this process.",
    ["reason"],
    registry=REGISTRY,
)
ALERT_DELIVERIES = Counter(
    "presswatch_alert_deliveries",
    "Alert deliveries, by channel and outcome, as reported to this process.",
    ["channel", "outcome"],
    registry=REGISTRY,
)
