"""One chat message's send ends within its deadline, however the chat service answers.

Apprise's plugins post with requests, whose timeouts bound each connect and each read on its own: a service
that drips its answer (a byte within each read's timeout) held the send as long as it liked, past the row's
lease, when another deliverer sent it again, and, with a few such targets, every sender of the worker. While a
message is sent (`ends_within`), every connection urllib3 opens for it is noted, and when the time is up each
is shut down: the read waiting on it ends, the plugin reports a failure, and the row is retried. A
connection opened after the time is up is refused. Webhooks have the same bound (`alerts.send_deadline`).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Send:
    connections: list[Any] = field(default_factory=list)  # urllib3's HTTP(S)Connection objects
    over: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def end(self) -> None:
        with self.lock:
            self.over = True
            opened = list(self.connections)
        for connection in opened:
            _shut(connection)


_send: ContextVar[_Send | None] = ContextVar("presswatch_chat_send", default=None)
_wrap_lock = threading.Lock()
_wrapped = False


def _shut(connection: Any) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def ends_within(seconds: float) -> Iterator[_Send]:
    """While it lasts, the connections this context opens through urllib3 are shut `seconds` from now; the
    `_Send` yielded says whether the time ran out (`over`)."""
    _wrap_connect()
    send = _Send()
    token = _send.set(send)
    timer = threading.Timer(seconds, send.end)
    timer.daemon = True
    timer.start()
    try:
        yield send
    finally:
        timer.cancel()
        _send.reset(token)


def _wrap_connect() -> None:
    """Wrap urllib3's HTTPConnection.connect and HTTPSConnection.connect once (at the first chat send, never at
    import): a connection made during a chat send is noted for it; any other is left as urllib3 makes it."""
    global _wrapped
    with _wrap_lock:
        if _wrapped:
            return
        from urllib3.connection import HTTPConnection, HTTPSConnection

        for cls in (HTTPConnection, HTTPSConnection):
            cls.connect = _noted(cls.connect)  # type: ignore[method-assign, assignment]
        _wrapped = True


def _noted(connect: Callable[[Any], None]) -> Callable[[Any], None]:
    def noted_connect(self: Any) -> None:
        send = _send.get()
        if send is not None:
            with send.lock:
                if send.over:
                    raise OSError(
                        "timed out: the chat service's answer did not end within the send's timeout"
                    )
                send.connections.append(self)
        connect(self)

    return noted_connect
