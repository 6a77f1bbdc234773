"""Fetch one page outside a crawl (POST /ingest of a URL) under the crawler's network rules.

The same `LinkPolicy` as the crawl decides: http(s) only, and no loopback, private, link-local or reserved
address unless `crawl_allow_private_networks`. The address is checked where the connection is made: the
transport resolves the host itself, checks every answer, and connects to the very address it checked (so a
DNS answer that changes between check and connect cannot reach an internal service), for the first request
and for every redirect, each of which is also checked as a URL before it is followed. No proxy is used:
a proxy would resolve names where these checks cannot see. robots.txt is obeyed as a crawl obeys it
(`crawlers.robots`), for the URL and for every redirect, and fetched under the same rules.

One fetch has `timeout` seconds in all: every name resolution, robots.txt and every redirect share them. A
deadline per request let a chain of slow redirects hold the caller for (hops + robots.txt) × timeout; httpx's
own timeouts are per read, so a server dripping a byte at a time would hold it for ever; and `getaddrinfo` has
no timeout at all, so each resolution runs in a thread the fetch stops waiting for when the time is up.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import httpcore
import httpx

from crawlers.robots import ROBOTS_TXT_MAX_REDIRECTS, RobotsRules
from crawlers.trust import LinkPolicy, ip_literal
from presswatch.deadline_stream import DeadlineStream

MAX_REDIRECTS = 5
DECODED = frozenset({"identity", "gzip", "deflate"})
"""The Content-Encodings read: httpx decodes each network read (64 KiB) in one piece, which gzip and deflate
expand to about 64 MB at most, Brotli without bound (841 bytes to 1 GiB); the page limit is checked after."""
ROBOTS_TXT_MAX_BYTES = 500 * 1024
"""How much of a robots.txt is read (RFC 9309's least parsing limit, Google's): the rest is ignored. Parsing
10 MB of rules took seconds of the API's CPU; one larger than the page limit was ignored whole."""
Resolver = Callable[[str, int], list[str]]
MAX_RESOLVING = 32
"""Name lookups the process lets wait at once, those the fetches gave up on included: a lookup cannot be
stopped, so each keeps its thread until getaddrinfo ends, which a resolver that does not answer may never
let it do. Past this, a fetch fails at once instead of adding a thread."""
_resolving = threading.BoundedSemaphore(MAX_RESOLVING)


class FetchRefusedError(ValueError):
    """The URL (or a redirect) may not be fetched under the network rules; says why."""


class RobotsDisallowedError(FetchRefusedError):
    """The site's robots.txt disallows the URL (or a redirect's target) for our user agent."""


class FetchFailedError(RuntimeError):
    """The page could not be fetched (connection, timeout, HTTP error, too large, not HTML)."""


class TooManyRedirectsError(FetchFailedError):
    """The redirects went on past the limit."""


class FetchStatusError(FetchFailedError):
    """The server answered with an HTTP error; `status` is its code."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class RobotsUnreachableError(FetchFailedError):
    """The site's robots.txt answered a server error (5xx) or could not be reached: RFC 9309 (2.3.1.4) reads
    that as a complete disallow, so nothing of the site is fetched until it answers."""


@dataclass(frozen=True, kw_only=True)
class Fetched:
    url: str
    body: bytes
    content_type: str | None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`."""
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in answers))


def resolve_within(resolve: Resolver, host: str, port: int, *, seconds: float) -> list[str]:
    """`resolve(host, port)`, or FetchFailedError when it has not answered within `seconds`. It runs in a
    daemon thread: a stuck `getaddrinfo` cannot be interrupted, only left to end by itself; at most
    MAX_RESOLVING of them at once.

    A name the resolver cannot even encode (a label empty or over 63 characters: the idna codec's UnicodeError)
    is the caller's, a FetchRefusedError; it escaped the thread as a traceback in the log and left no answer,
    which read as "resolves to a no address"."""
    if not _resolving.acquire(blocking=False):
        raise FetchFailedError(
            f"cannot resolve {host}: {MAX_RESOLVING} name lookups are still waiting for the resolver, which is"
            " not answering; try again later"
        )
    answer: list[list[str]] = []
    error: list[FetchRefusedError | FetchFailedError] = []
    done = threading.Event()

    def run() -> None:
        try:
            answer.append(resolve(host, port))
        except OSError as exc:
            error.append(FetchFailedError(f"cannot resolve {host}: {exc.strerror or exc}"))
        except UnicodeError as exc:
            why = exc.__cause__ or exc
            error.append(FetchRefusedError(f"{host[:200]} is not a host name that can be looked up: {why}"))
        finally:
            _resolving.release()
            done.set()

    try:
        threading.Thread(target=run, name=f"resolve {host[:50]}", daemon=True).start()
    except RuntimeError as exc:  # no thread to be had
        _resolving.release()
        raise FetchFailedError(f"cannot resolve {host}: {exc}") from None
    if not done.wait(seconds):
        raise FetchFailedError(f"cannot resolve {host}: no answer within the download timeout")
    if error:
        raise error[0]
    return answer[0] if answer else []


class _Deadline:
    """When the whole fetch must be over: `seconds` after it started, whatever it asked for meanwhile."""

    def __init__(self, *, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def within(self, timeout: float | None) -> float:
        """`timeout` cut to what is left, or ReadTimeout when nothing is."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the download timeout ran out")
        return left if timeout is None else min(timeout, left)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects to the checked address; refuses when no answer is allowed."""

    def __init__(self, *, policy: LinkPolicy, resolve: Resolver, deadline: _Deadline) -> None:
        self._policy = policy
        self._resolve = resolve
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if ip_literal(host) is not None:
            addresses = [host.strip("[]")]
        else:
            addresses = resolve_within(self._resolve, host, port, seconds=self._deadline.within(timeout))
        refusals = [self._policy.check_address(a) for a in addresses]
        allowed = [a for a, r in zip(addresses, refusals, strict=True) if r is None]
        if not addresses:
            raise FetchFailedError(f"cannot resolve {host}: no address")
        if not allowed:
            detail = next(r.detail for r in refusals if r is not None)
            raise FetchRefusedError(f"{host} resolves to a {detail}")
        stream = super().connect_tcp(
            allowed[0], port, self._deadline.within(timeout), local_address, socket_options
        )
        return DeadlineStream(stream, within=self._deadline.within)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, *, policy: LinkPolicy, resolve: Resolver, deadline: _Deadline) -> None:
        super().__init__(retries=0)
        # httpx has no public hook for the network backend: its pool is rebuilt with ours (httpx < 1).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_GuardedBackend(policy=policy, resolve=resolve, deadline=deadline),
            max_connections=4,
        )


def fetch_page(
    url: str,
    *,
    policy: LinkPolicy,
    timeout: float,
    max_bytes: int,
    user_agent: str,
    resolve: Resolver = system_resolver,
) -> Fetched:
    """GET `url`, following up to MAX_REDIRECTS redirects, each checked (network rules, then robots.txt) before
    it is requested; all of it (names resolved, robots.txt, redirects) ends within `timeout` seconds."""
    deadline = _Deadline(seconds=timeout)
    transport = _GuardedTransport(policy=policy, resolve=resolve, deadline=deadline)
    headers = {
        "User-Agent": user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",  # DECODED
    }
    with httpx.Client(transport=transport, timeout=timeout, trust_env=False, headers=headers) as client:

        def robots_txt(where: str) -> bytes | None:
            try:
                return _get(
                    client,
                    where,
                    policy=policy,
                    max_bytes=ROBOTS_TXT_MAX_BYTES,
                    deadline=deadline,
                    cut=True,
                    max_redirects=ROBOTS_TXT_MAX_REDIRECTS,
                ).body
            except FetchRefusedError:
                return None  # not ours to read (a redirect off the network rules): as none
            except TooManyRedirectsError:
                return None  # RFC 9309 2.3.1.2: past five redirects robots.txt is unavailable, as a crawl reads it
            except FetchStatusError as exc:
                if exc.status < 500:
                    return None  # RFC 9309 2.3.1.3: an unavailable (4xx) robots.txt allows everything
                raise RobotsUnreachableError(_unreachable(where, f"answered HTTP {exc.status}")) from None
            except FetchFailedError as exc:
                raise RobotsUnreachableError(_unreachable(where, str(exc))) from None

        robots = RobotsRules(get=robots_txt, user_agent=user_agent)
        return _get(client, url, policy=policy, max_bytes=max_bytes, deadline=deadline, robots=robots)


def _unreachable(where: str, why: str) -> str:
    return (
        f"{where[:200]} could not be read ({why[:300]}): a robots.txt that cannot be reached disallows the"
        " whole site (RFC 9309, 2.3.1.4); try again when it answers"
    )


def _get(
    client: httpx.Client,
    url: str,
    *,
    policy: LinkPolicy,
    max_bytes: int,
    deadline: _Deadline,
    robots: RobotsRules | None = None,
    cut: bool = False,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    for _ in range(max_redirects + 1):
        refusal = policy.check_url(url)
        if refusal is not None:
            raise FetchRefusedError(f"{url[:200]}: {refusal.detail}")
        ruled_by = robots.disallowed_by(url) if robots is not None else None
        if ruled_by is not None:
            raise RobotsDisallowedError(
                f"{url[:200]}: {ruled_by} disallows it (robots.txt is obeyed, as in a crawl)"
            )
        try:
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(str(response.url), response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchStatusError(
                        f"{url[:200]} answered HTTP {response.status_code}", status=response.status_code
                    )
                return Fetched(
                    url=str(response.url),
                    body=_bounded_body(response, max_bytes=max_bytes, cut=cut),
                    content_type=response.headers.get("content-type"),
                )
        except httpx.InvalidURL as exc:  # not an HTTPError: a URL httpx cannot read is the caller's
            raise FetchRefusedError(f"{url[:200]}: unreadable URL: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchFailedError(f"{url[:200]}: {exc.__class__.__name__}: {exc}") from None
    raise TooManyRedirectsError(f"more than {max_redirects} redirects")


def _bounded_body(response: httpx.Response, *, max_bytes: int, cut: bool = False) -> bytes:
    """The body, refused when larger than `max_bytes`; or, with `cut`, its whole lines within them. One in
    another encoding than DECODED is refused undecoded."""
    encodings = [
        e.strip().lower() for e in response.headers.get("content-encoding", "").split(",") if e.strip()
    ]
    unread = [e for e in encodings if e not in DECODED]
    if unread:
        raise FetchFailedError(f"the page is sent with Content-Encoding {', '.join(unread)[:100]}, not read")
    declared = response.headers.get("content-length", "")
    if not cut and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailedError(f"the page is {int(declared):,} bytes, more than {max_bytes:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        chunks.append(chunk)
        if size > max_bytes:
            if not cut:
                raise FetchFailedError(f"the page is more than {max_bytes:,} bytes")
            head = b"".join(chunks)[:max_bytes]
            return head[: head.rfind(b"\n") + 1]
    return b"".join(chunks)
