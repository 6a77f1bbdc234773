"""Where a webhook may be sent: the crawler's network rule (presswatch.network) applied to the address the
target's host resolves to, unless `PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS` allows every address (tests)."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

from presswatch.network import forbidden_network


class TargetRefusedError(ValueError):
    """A webhook URL presswatch will not send to; the message says why."""


def check_webhook_url(url: str, *, allow_private_networks: bool, resolve: bool = True) -> None:
    """Refuse a URL that is not http(s) with a host, or whose host resolves to a non-public address.

    Checked when the search is saved and again before every delivery (DNS answers change). The check and the
    connection resolve separately, so a host that re-points between them (DNS rebinding) is a residual risk.
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
            raise TargetRefusedError(
                f"webhook host {host} resolves to a {why} (set PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS=true to allow)"
            )
