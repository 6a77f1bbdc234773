"""Which addresses presswatch may connect to on a user's behalf: the crawler's links and the alert webhooks
share one rule (no loopback, private, link-local or reserved networks), so it lives in the core."""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def forbidden_network(address: str | IPAddress) -> str | None:
    """Why presswatch must not connect to `address` (loopback, private, ...), or None for a public address."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return f"not an IP address: {address!r}"
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address inside an IPv6 one is where it leads: ::ffff:127.0.0.1, and 2002:7f00:1:: (6to4,
        # which a host with a 6to4 tunnel sends to 127.0.0.1; Python calls it global).
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    for reason, hit in (
        ("non-routable (unspecified)", ip.is_unspecified),  # read after "a" in every message
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),  # fec0::/10: "global"
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if hit:
            return f"{reason} address {ip}"
    if not ip.is_global:  # shared address space (100.64/10), documentation and benchmarking ranges, ...
        return f"non-public address {ip}"
    return None
