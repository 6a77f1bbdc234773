"""Where an alert may be sent: the crawler's network rule (presswatch.network) applied to the address a
target's host resolves to, unless `PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS` allows every address (tests).

Checked twice: on the URL when it is saved and before each send (a clear error for the owner), and on the very
name resolution the send's socket connects with (`checked_addresses`), so a host that re-points between the
check and the connection (DNS rebinding) cannot reach a private network either.
"""

from __future__ import annotations

import contextvars
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from presswatch.network import forbidden_network


class TargetRefusedError(ValueError):
    """A webhook URL presswatch will not send to; the message says why."""


def private_address_refused(target: str, why: str) -> TargetRefusedError:
    """The error for `target` ('webhook host X', 'chat target Y') resolving to a non-public address."""
    return TargetRefusedError(
        f"{target} resolves to a {why} (set PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS=true to allow)"
    )


def check_webhook_url(url: str, *, allow_private_networks: bool, resolve: bool = True) -> None:
    """Refuse a URL that is not http(s) with a host, or whose host resolves to a non-public address.

    Checked when the search is saved and again before every delivery (DNS answers change); the send itself runs
    under `checked_addresses`, which covers a host that re-points between this check and the connection.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise TargetRefusedError(f"unreadable webhook URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise TargetRefusedError("a webhook URL must be http(s) with a host")
    if allow_private_networks or not resolve:
        return
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise TargetRefusedError(f"cannot resolve the webhook host {host}: {exc}") from None
    for *_, sockaddr in answers:
        why = forbidden_network(str(sockaddr[0]))
        if why is not None:
            raise private_address_refused(f"webhook host {host}", why)


# Set while this thread sends an alert: the list where refused hosts are noted. A context variable, because
# Apprise runs a send with a deadline on its own worker thread, in a copy of the caller's context.
_refusals: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "presswatch_alert_refusals", default=None
)
_install_lock = threading.Lock()
_original_getaddrinfo: Callable[..., Any] | None = None


@contextmanager
def checked_addresses(*, enabled: bool) -> Iterator[list[str]]:
    """While it lasts, name resolution in this context (this thread, and Apprise's workers for it) refuses
    hosts with a non-public address; yields the reasons found (httpx and Apprise wrap the error the refusal
    raises, so the reason is kept here). The address checked is the one the socket then connects to."""
    refused: list[str] = []
    if not enabled:
        yield refused
        return
    _install()
    token = _refusals.set(refused)
    try:
        yield refused
    finally:
        _refusals.reset(token)


def _install() -> None:
    """Wrap socket.getaddrinfo once (on the first checked send, never at import): outside a checked send it
    only passes the call on."""
    global _original_getaddrinfo
    with _install_lock:
        if _original_getaddrinfo is not None:
            return
        _original_getaddrinfo = original = socket.getaddrinfo

        def checked(*args: Any, **kwargs: Any) -> Any:
            answers = original(*args, **kwargs)
            refusals = _refusals.get()
            if refusals is None:
                return answers
            for *_, sockaddr in answers:
                why = forbidden_network(str(sockaddr[0]))
                if why is not None:
                    refusals.append(why)
                    raise OSError(f"refused: {args[0]} resolves to a {why}")
            return answers

        socket.getaddrinfo = checked
