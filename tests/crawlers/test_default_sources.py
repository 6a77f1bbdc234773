"""The default sources.toml names real newsrooms that cannot be reached from here: it must parse, every
source must be valid, and each kind and each publisher the project promises must be in it."""

from __future__ import annotations

from collections import Counter

from crawlers.sources import load_sources
from tests.conftest import ROOT


def test_default_sources_parse_and_cover_every_kind_and_publisher() -> None:
    sources = load_sources(ROOT / "sources.toml")
    kinds = Counter(s.type for s in sources)
    assert set(kinds) == {"feed", "sitemap", "listing", "govuk"}, kinds
    govuk = {tuple(s.organisations) for s in sources if s.type == "govuk"}
    assert {(), ("home-office",), ("foreign-commonwealth-development-office",), ("cabinet-office",)} <= govuk
    assert ("department-for-business-and-trade",) in govuk
    hosts = {s.url.host for s in sources}
    for publisher in (
        "ec.europa.eu",
        "www.state.gov",
        "www.srbija.gov.rs",
        "vlada.mk",
        "kryeministri.rks-gov.net",
    ):
        assert publisher in hosts, publisher
    assert {"feeds.bbci.co.uk", "www.theguardian.com"} <= hosts
    assert all(s.url.scheme == "https" for s in sources)
    assert all(s.url.host not in ("127.0.0.1", "localhost") for s in sources)
