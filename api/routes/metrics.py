"""GET /metrics: Prometheus text format."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from api.cluster_metrics import ClusterTasksCollector
from api.deps import get_backend
from api.metrics import registry_for_scrape
from api.store_metrics import StoresCollector
from search.base import BackendUnavailableError

router = APIRouter(tags=["metrics"])
_log = logging.getLogger(__name__)


class _IndexCollector(Collector):
    """The documents in the index (and whether it answered), read at scrape time."""

    def __init__(self, request: Request) -> None:
        self._request = request

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("presswatch_index_up", "1 when the search index answers, else 0.")
        documents = GaugeMetricFamily("presswatch_documents_indexed", "Documents in the search index.")
        try:
            documents.add_metric([], float(get_backend(self._request).count()))
            up.add_metric([], 1.0)
        except BackendUnavailableError as exc:
            _log.warning("metrics: index unavailable: %s", exc)
            up.add_metric([], 0.0)
        yield up
        yield documents


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}},
)
def metrics(request: Request) -> Response:
    scrape = CollectorRegistry(auto_describe=False)
    scrape.register(_IndexCollector(request))
    settings = request.app.state.settings
    scrape.register(StoresCollector(settings))
    if settings.database_dsn:
        scrape.register(ClusterTasksCollector(settings.database_dsn))
    body = generate_latest(registry_for_scrape()) + generate_latest(scrape)
    return Response(content=body, media_type=CONTENT_TYPE_LATEST)
