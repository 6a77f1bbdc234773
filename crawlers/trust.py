"""What the crawler may follow. A feed is content someone else controls, so every link it gives is checked:
the scheme (http and https only), the host (on the source's allowed domains) and the address it resolves to
(no loopback, private, link-local or reserved networks). Plain functions; `crawlers.guard` wires them into
Scrapy.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract
from w3lib.url import safe_url_string

from crawlers import stats
from presswatch.network import forbidden_network as forbidden_network  # the shared rule, re-exported

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """The public suffix list bundled with tldextract: never fetched, never cached on disk."""
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def normalise_host(host: str) -> str:
    """Lower case, no trailing dot, no IPv6 brackets: the form every comparison here uses."""
    return host.strip().strip("[]").rstrip(".").lower()


def ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(normalise_host(host))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """The domain a registrant controls: `www.gov.uk` for www.gov.uk (gov.uk is a public suffix),
    `bbc.co.uk` for news.bbc.co.uk. An IP address or a name without a public suffix (`localhost`) is its own.
    """
    host = normalise_host(host)
    if ip_literal(host) is not None:
        return host
    return _extractor()(host).top_domain_under_public_suffix or host


def on_domains(host: str, domains: tuple[str, ...]) -> bool:
    """`host` is one of `domains` or a subdomain of one."""
    host = normalise_host(host)
    return any(host == d or host.endswith("." + d) for d in domains)


def same_site(url: str, other: str) -> bool:
    """Both URLs are on one registrable domain (what a page may claim as its canonical address)."""
    try:
        one, two = urlsplit(url).hostname, urlsplit(other).hostname
    except ValueError:
        return False
    return bool(one and two) and registrable_domain(one or "") == registrable_domain(two or "")


@dataclass(frozen=True, kw_only=True)
class Refusal:
    """A link not followed: `reason` is a crawl statistic (see crawlers.stats), `detail` says why in words;
    `transient` when it may pass by the next crawl (its site's robots.txt unreachable), so it is tried again."""

    reason: str
    detail: str
    transient: bool = False


@dataclass(frozen=True, kw_only=True)
class LinkPolicy:
    """The links one source may follow.

    `trusted_urls` are the operator's own (the source URL and its robots.txt): fetched whatever their address.
    Everything else must be http(s), on `domains` (when given) and, unless `allow_private_networks`, resolve
    to a public address.
    """

    domains: tuple[str, ...] = ()
    trusted_urls: frozenset[str] = field(default_factory=frozenset)
    allow_private_networks: bool = False

    @classmethod
    def for_source(cls, *, url: str, domains: tuple[str, ...], allow_private_networks: bool) -> LinkPolicy:
        url = safe_url_string(url)  # as Scrapy spells the request's URL
        parts = urlsplit(url)
        robots = f"{parts.scheme}://{parts.netloc}/robots.txt"
        return cls(
            domains=domains,
            trusted_urls=frozenset({url, robots}),
            allow_private_networks=allow_private_networks,
        )

    def trusted_hosts(self) -> frozenset[str]:
        return frozenset(normalise_host(urlsplit(u).hostname or "") for u in self.trusted_urls)

    def check_url(self, url: str) -> Refusal | None:
        """The checks that need no DNS: scheme, host, domain, and the address of an IP-literal host."""
        if url in self.trusted_urls:
            return None
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018  (raises ValueError on a port out of range)
        except ValueError as exc:
            return Refusal(reason=stats.REFUSED_BAD_URL, detail=f"unreadable URL: {exc}")
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return Refusal(reason=stats.REFUSED_SCHEME, detail=f"scheme {parts.scheme!r} is not http(s)")
        if not host:
            return Refusal(reason=stats.REFUSED_BAD_URL, detail="no host")
        if self.domains and not on_domains(host, self.domains):
            return Refusal(
                reason=stats.REFUSED_OFFSITE,
                detail=f"{host} is not on the allowed domains ({', '.join(self.domains)})",
            )
        literal = ip_literal(host)
        if literal is not None:
            return self.check_address(literal)
        return None

    def check_address(self, address: str | IPAddress) -> Refusal | None:
        """The check after DNS: the address the request would connect to."""
        if self.allow_private_networks:
            return None
        why = forbidden_network(address)
        if why is None:
            return None
        return Refusal(
            reason=stats.REFUSED_PRIVATE_NETWORK,
            detail=f"{why} (set PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS=true to allow)",
        )
