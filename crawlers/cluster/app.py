"""The Celery app of cluster mode: queues, delivery guarantees and task names, built on demand (no app is
made at import time, so importing this costs nothing and the embedded default never needs Celery)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from presswatch.config import Settings
from presswatch.database import CLUSTER_EXTRA

if TYPE_CHECKING:
    from celery import Celery

CRAWL_QUEUE = "crawl"
INDEX_QUEUE = "index"
QUARANTINE_QUEUE = "quarantine"
"""Batches and crawls that cannot succeed, with their reason; no worker consumes it (see `quarantine`)."""
CRAWL_TASK = "presswatch.crawl"
INDEX_TASK = "presswatch.index"
TASK_QUEUES = {CRAWL_TASK: CRAWL_QUEUE, INDEX_TASK: INDEX_QUEUE}


class ClusterConfigError(RuntimeError):
    """Cluster mode is asked for but cannot run: no broker URL, or the cluster extra is missing."""


def make_app(settings: Settings) -> Celery:
    """A Celery app on `PRESSWATCH_BROKER_URL` with the delivery guarantees cluster mode relies on.

    Late acks, reject on a lost worker and a prefetch of one: a task is acknowledged only once it is done,
    so a worker killed mid-batch leaves its message to be redelivered to another one (at least once).
    Queues and messages are durable (a broker restart keeps them); publishes wait for the broker's confirm.
    No result backend: the outcome of a task is in the index, the stores and the counters.
    """
    url = settings.broker_dsn
    if url is None:
        raise ClusterConfigError("PRESSWATCH_BROKER_URL is not set: cluster mode needs RabbitMQ")
    try:
        from celery import Celery
        from kombu.entity import Queue
    except ImportError:
        raise ClusterConfigError(
            f"PRESSWATCH_BROKER_URL is set but Celery is not installed: {CLUSTER_EXTRA}"
        ) from None
    app = Celery("presswatch", broker=url, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        task_queues=[Queue(name, durable=True) for name in (CRAWL_QUEUE, INDEX_QUEUE, QUARANTINE_QUEUE)],
        task_default_queue=INDEX_QUEUE,
        task_routes={name: {"queue": queue} for name, queue in TASK_QUEUES.items()},
        task_default_delivery_mode="persistent",
        task_create_missing_queues=False,
        broker_transport_options={"confirm_publish": True},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        # A crawl or an NLP batch holds the worker; heartbeats keep the broker from closing the connection.
        broker_heartbeat=60,
    )
    return app
