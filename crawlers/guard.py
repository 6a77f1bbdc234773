"""The trust boundary inside Scrapy: a downloader middleware that refuses links a source may not follow (on
every request, so on every redirect too), and a DNS resolver that refuses non-public addresses at connect time.

Why both: the middleware sees the request (so it knows the operator's own source URL from a link a feed gave)
and resolves the host itself, through the resolver, before anything is sent. The resolver caches that answer
(Scrapy's DNS cache, which has no expiry), so the connection goes to the very address that was checked; and it
refuses non-public answers itself for every host that is not a source's own, so a DNS answer that changes
between check and connection (DNS rebinding) cannot reach a private network either.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future

from crawlers import stats
from crawlers.robots import is_robots_txt
from crawlers.trust import LinkPolicy, Refusal, forbidden_network, ip_literal, normalise_host

logger = logging.getLogger(__name__)

ALLOW_PRIVATE_NETWORKS = "PRESSWATCH_ALLOW_PRIVATE_NETWORKS"
"""Scrapy setting: connect to loopback, private, link-local and reserved addresses too (tests, the demo)."""


class RefusedRequest(IgnoreRequest):
    """A link the source may not follow; `refusal.reason` is the crawl statistic to count."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.detail)
        self.refusal = refusal


class RefusedAddressError(OSError):
    """The resolver found only an address the crawler may not connect to."""

    def __init__(self, message: str, *, address: str) -> None:
        super().__init__(message)
        self.address = address


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing non-public answers for every host but the sources' own."""

    def __init__(
        self, reactor: Any, cache_size: int, timeout: float, *, allow_private_networks: bool
    ) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.allow_private_networks = allow_private_networks
        self.trusted_hosts: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> Self:
        settings = crawler.settings
        return cls(
            reactor,
            settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0,
            settings.getfloat("DNS_TIMEOUT"),
            allow_private_networks=settings.getbool(ALLOW_PRIVATE_NETWORKS),
        )

    def trust(self, hosts: frozenset[str]) -> None:
        """Hosts of the operator's own source URLs: connected to whatever they resolve to."""
        self.trusted_hosts.update(hosts)

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802  (Twisted's interface)
        return super().getHostByName(name, timeout).addCallback(self._refuse_forbidden, name)

    def _refuse_forbidden(self, address: str, name: str) -> str:
        if self.allow_private_networks or normalise_host(name) in self.trusted_hosts:
            return address
        why = forbidden_network(address)
        if why is not None:
            logger.warning("refused to connect to %s: it resolves to a %s", name, why)
            raise RefusedAddressError(f"{name} resolves to a {why}", address=address)
        return address


def _installed_resolver() -> Any:
    from twisted.internet import reactor  # imported late: importing it installs a reactor

    return getattr(reactor, "resolver", None)


class LinkGuardMiddleware:
    """Refuses, before robots.txt or any byte is sent, a request its spider's `link_policy` does not allow.

    A spider states its policy as a `link_policy` attribute (a `crawlers.trust.LinkPolicy`); a spider without
    one gets the scheme and network checks only.
    """

    def __init__(self, *, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allow_private_networks = crawler.settings.getbool(ALLOW_PRIVATE_NETWORKS)
        self._registered: LinkPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler=crawler)

    def _policy(self) -> LinkPolicy:
        policy = getattr(self.crawler.spider, "link_policy", None)
        if not isinstance(policy, LinkPolicy):
            policy = LinkPolicy(allow_private_networks=self.allow_private_networks)
        if policy is not self._registered:
            resolver = _installed_resolver()
            if isinstance(resolver, GuardedResolver):
                resolver.trust(policy.trusted_hosts())
            self._registered = policy
        return policy

    async def process_request(self, request: Request) -> None:
        policy = self._policy()
        if is_robots_txt(request):  # RFC 9309 2.3.1.2: its redirects are followed "even across authorities"
            policy = replace(policy, domains=())
        refusal = policy.check_url(request.url)
        if refusal is None and request.url not in policy.trusted_urls:
            refusal = await self._check_resolved(policy, urlsplit(request.url).hostname or "")
        if refusal is not None:
            raise RefusedRequest(refusal)

    @staticmethod
    async def _check_resolved(policy: LinkPolicy, host: str) -> Refusal | None:
        if policy.allow_private_networks or ip_literal(host) is not None:
            return None  # nothing to resolve: check_url has checked the literal address
        resolver = _installed_resolver()
        if resolver is None:
            return None
        try:
            address = await maybe_deferred_to_future(resolver.getHostByName(host))
        except RefusedAddressError as exc:
            address = exc.address
        except Exception as exc:
            if normalise_host(host) in getattr(resolver, "trusted_hosts", ()):
                # The resolver would not check a source's own host at connect time: fail closed. A name that
                # does not resolve is a fetch error (a typo, a resolver down), not a private address, and may
                # pass by the next crawl.
                return Refusal(
                    reason=stats.FETCH_ERRORS,
                    detail=f"could not resolve {host} ({exc.__class__.__name__}): not fetched, tried again by the"
                    " next crawl",
                    transient=True,
                )
            return None  # an unknown host: the download itself fails and reports it
        refusal = policy.check_address(str(address))
        if refusal is not None:
            return Refusal(reason=refusal.reason, detail=f"{host} resolves to a {refusal.detail}")
        return None
