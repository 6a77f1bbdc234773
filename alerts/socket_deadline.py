"""One chat message's or e-mail's send ends within its deadline, however its receiver answers.

Apprise's plugins post with requests (urllib3) and e-mail goes through smtplib; the timeouts of both bound
each connect, read and write on its own: a receiver that drips its answer (a byte within each read's timeout)
or stalls its TLS handshake (Apprise's URL sets its own connect timeout, `?cto=`) held the send as long as it
liked, past the row's lease, when another deliverer sent it again, and, with a few such targets, every sender
of the worker. While a message is sent (`ends_within`), each socket it opens (`opened_within`: urllib3's for a
chat message, `alerts.mail_send`'s for an e-mail) connects within what is left of the time, and when the time
is up each is shut down through a duplicate of it (the TLS layer keeps the socket of a handshake in progress
to itself): the connect, handshake, write or read waiting on it ends, the send fails, and the row is retried.
A socket asked for after the time is up is refused. Webhooks have the same bound (`alerts.send_deadline`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Send:
    ends_at: float
    sockets: list[socket.socket] = field(default_factory=list)  # duplicates of the send's connections
    over: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def end(self) -> None:
        with self.lock:  # held while shutting (which never blocks), so `close` cannot close one meanwhile
            self.over = True
            for sock in self.sockets:
                _shut(sock)

    def left(self) -> float:
        """Seconds until the send's end; OSError when the time is up."""
        left = self.ends_at - time.monotonic()
        if self.over or left <= 0:
            raise OSError("timed out: the receiver's answer did not end within the send's timeout")
        return left

    def note(self, sock: socket.socket) -> None:
        """Shut `sock` when the time is up (now, if it is)."""
        copy = sock.dup()  # shutdown acts on the connection, whichever descriptor names it
        with self.lock:
            self.sockets.append(copy)
            if self.over:
                _shut(copy)

    def close(self) -> None:
        with self.lock:
            for sock in self.sockets:
                sock.close()
            self.sockets.clear()


_send: ContextVar[_Send | None] = ContextVar("presswatch_socket_send", default=None)
_wrap_lock = threading.Lock()
_wrapped = False


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def ends_within(seconds: float) -> Iterator[_Send]:
    """While it lasts, the sockets this context opens through urllib3 or `opened_within` are shut `seconds`
    from now; the `_Send` yielded says whether the time ran out (`over`)."""
    _wrap_urllib3()
    send = _Send(ends_at=time.monotonic() + seconds)
    token = _send.set(send)
    timer = threading.Timer(seconds, send.end)
    timer.daemon = True
    timer.start()
    try:
        yield send
    finally:
        timer.cancel()
        _send.reset(token)
        send.close()


def opened_within(open_socket: Callable[[float | None], socket.socket], timeout: Any) -> socket.socket:
    """`open_socket(timeout)`, in a send: with `timeout` cut to what is left of its time, and the socket shut
    when the time is up. Outside a send, as it is. (`timeout` is whatever the caller has: a number, None or a
    library's own 'default' marker, which only a send replaces.)"""
    send = _send.get()
    if send is None:
        return open_socket(timeout)
    left = send.left()
    sock = open_socket(min(timeout, left) if isinstance(timeout, int | float) else left)
    send.note(sock)
    return sock


def _wrap_urllib3() -> None:
    """Wrap urllib3's HTTPConnection._new_conn (HTTPS's too) once, at the first send, never at import: a
    connection opened during a send is opened within it; any other is left as urllib3 makes it."""
    global _wrapped
    with _wrap_lock:
        if _wrapped:
            return
        from urllib3.connection import HTTPConnection

        HTTPConnection._new_conn = _within(HTTPConnection._new_conn)  # type: ignore[method-assign, assignment]
        _wrapped = True


def _within(new_conn: Callable[[Any], socket.socket]) -> Callable[[Any], socket.socket]:
    def new_conn_within(self: Any) -> socket.socket:
        def opened(timeout: float | None) -> socket.socket:
            self.timeout = timeout  # urllib3 connects (and shakes hands) with it, then sets its read timeout
            return new_conn(self)

        return opened_within(opened, self.timeout)

    return new_conn_within
