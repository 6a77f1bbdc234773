"""Cluster tests share the session's broker (each starts with the cluster's queues empty) and Elasticsearch
(each writes under an alias of its own)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import kombu
import pytest

from crawlers.cluster.app import CRAWL_QUEUE, INDEX_QUEUE, QUARANTINE_QUEUE
from tests.elastic_server import ElasticSession, drop_alias


def queued(broker_url: str, queue: str) -> int:
    """Messages waiting in `queue` (declared durable, as the workers declare it)."""
    with kombu.Connection(broker_url) as connection:
        declared = kombu.Queue(queue, durable=True)(connection.channel()).queue_declare()
        return int(declared.message_count)


def purge(broker_url: str) -> None:
    with kombu.Connection(broker_url) as connection:
        channel = connection.channel()
        for name in (CRAWL_QUEUE, INDEX_QUEUE, QUARANTINE_QUEUE):
            bound = kombu.Queue(name, durable=True)(channel)
            bound.declare()
            bound.purge()


@pytest.fixture
def broker_url(rabbitmq_server: str) -> Iterator[str]:
    purge(rabbitmq_server)
    yield rabbitmq_server
    purge(rabbitmq_server)


@pytest.fixture
def alias(elasticsearch_server: ElasticSession) -> Iterator[str]:
    name = f"pwtest-{uuid.uuid4().hex[:12]}"
    yield name
    drop_alias(elasticsearch_server.url, name)
