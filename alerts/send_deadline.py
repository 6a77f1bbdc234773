"""One webhook send ends within its deadline, however its receiver answers.

httpx's timeouts bound each read and write on its own, so a receiver that drips its answer (a byte within
each read's timeout) held a send for as long as it liked: past the row's lease, when another deliverer
claimed the row and sent it again, and, with a few such targets, every sender of the worker (everyone's
alerts waited). The webhook client's connections cut every read and write to what is left of the deadline
the sending thread set (`within`), as `crawlers.fetch` bounds a page fetched for POST /ingest.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from presswatch.deadline_stream import DeadlineStream

_deadline: ContextVar[float | None] = ContextVar("presswatch_send_deadline", default=None)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """While it lasts, this thread's sends through `deadline_transport` end `seconds` from now."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _left(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the deadline (none set: as it is); ReadTimeout when nothing is."""
    at = _deadline.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("timed out: the receiver's answer did not end within the send's timeout")
    return left if timeout is None else min(timeout, left)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, _left(timeout), local_address, socket_options)
        return DeadlineStream(stream, within=_left)


def deadline_transport() -> httpx.HTTPTransport:
    """httpx's transport with its defaults and no CA bundle from the environment, its connections bounded
    by `within`."""
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no public hook for the network backend: its pool is rebuilt with ours (httpx < 1).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=100,  # httpx's own limits
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_DeadlineBackend(),
    )
    return transport
