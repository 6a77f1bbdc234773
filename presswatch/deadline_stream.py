"""A connection whose every read, write and TLS handshake ends by one deadline.

httpx's timeouts bound each read and write on its own, so a peer that drips its answer (a byte within each
read's timeout) holds a request as long as it likes. POST /ingest's page fetch (`crawlers.fetch`) and an
alert's webhook send (`alerts.send_deadline`) both wrap their httpcore streams in this one, each with its own
way of saying what is left of its deadline; it lives in the core because both layers use it.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

import httpcore

Within = Callable[[float | None], float | None]
"""`timeout` cut to what is left of the deadline; raises httpcore.ReadTimeout when nothing is."""


class DeadlineStream(httpcore.NetworkStream):
    """`stream` with every call's timeout cut by `within`."""

    def __init__(self, stream: httpcore.NetworkStream, *, within: Within) -> None:
        self._stream = stream
        self._within = within

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._within(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._within(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        secured = self._stream.start_tls(ssl_context, server_hostname, self._within(timeout))
        return DeadlineStream(secured, within=self._within)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)
