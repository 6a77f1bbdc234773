"""The crawler trust boundary, tested with real crawls: a feed is someone else's content, so the links it gives
are checked (scheme, domain, network after DNS, on every redirect) before anything is fetched."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawlers import stats
from crawlers.guard import GuardedResolver, RefusedAddressError
from crawlers.sources import Source
from crawlers.trust import LinkPolicy, forbidden_network, registrable_domain
from presswatch.config import Settings
from presswatch.demo.server import Reply
from tests.conftest import FIXTURES, run_crawl
from tests.fixture_site import FixtureSite

SECRET = "The launch codes are 0000 and nobody must read this secret file"
ARTICLE = "/news/uk-agreements-serbia-north-macedonia-kosovo"


def _rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>{i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    )


@pytest.fixture
def hostile_site(tmp_path: Path) -> Iterator[FixtureSite]:
    secret = tmp_path / "secret.html"
    page = (FIXTURES / "pages" / "cp1252-statement.html").read_bytes().decode("cp1252")
    secret.write_text(page.replace("<body>", f"<body><p>{SECRET}</p>", 1), encoding="utf-8")
    server = FixtureSite()
    base, port = server.base_url, server.port
    links = [
        secret.as_uri(),  # a local file
        "http://offsite.example/news/story",  # not on the source's domains
        f"http://localhost:{port}{ARTICLE}",  # on an allowed domain, but it resolves to loopback
        f"{base}/fixtures/cp1252",  # on the feed's own host: a loopback IP literal
        f"http://[::1]:{port}/fixtures/cp1252",  # an IPv6 loopback literal
        f"{base}/fixtures/away",  # redirects to another site
    ]
    server.extra_routes.update(
        {
            "/fixtures/feed.rss": lambda: Reply(_rss(links), "application/rss+xml"),
            "/fixtures/cp1252": lambda: Reply(
                (FIXTURES / "pages" / "cp1252-statement.html").read_bytes(), "text/html"
            ),
            "/fixtures/away": lambda: Reply(
                b"", status=302, headers={"Location": "http://offsite.example/news/away"}
            ),
            # a source URL that redirects to a name resolving to loopback
            "/fixtures/moved.rss": lambda: Reply(
                b"", status=302, headers={"Location": f"http://localhost:{port}/fixtures/feed.rss"}
            ),
        }
    )
    with server:
        yield server


def _sources(settings: Settings, site: FixtureSite, *, path: str = "/fixtures/feed.rss") -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "hostile"\nurl = "{site.base_url}{path}"\n'
        'allowed_domains = ["127.0.0.1", "localhost", "::1"]\n',
        encoding="utf-8",
    )


def _documents(settings: Settings) -> list[tuple[str, str]]:
    if not settings.sqlite_path.exists():
        return []
    with sqlite3.connect(settings.sqlite_path) as conn:
        return [(str(u), str(b)) for u, b in conn.execute("SELECT url, data FROM documents")]


def test_feed_links_to_files_other_sites_and_private_networks_are_refused_and_counted(
    settings: Settings, hostile_site: FixtureSite
) -> None:
    _sources(settings, hostile_site)
    result = run_crawl(settings, PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS="false")

    assert _documents(settings) == [], "nothing a hostile feed points at is indexed"
    summary = result.stdout
    assert "refused scheme 1" in summary, summary
    assert "refused offsite 1" in summary, summary
    assert "refused private network 4" in summary, summary
    assert result.returncode == 1, "a source whose every link was refused failed"
    log = result.stderr
    assert "scheme 'file' is not http(s)" in log
    assert "offsite.example is not on the allowed domains" in log
    assert "localhost resolves to a loopback address 127.0.0.1" in log
    assert "loopback address ::1" in log
    # only the operator's feed URL was fetched: not even robots.txt for the refused links
    assert hostile_site.requests == ["/robots.txt", "/fixtures/feed.rss"]


def test_with_private_networks_allowed_only_the_domain_and_scheme_rules_remain(
    settings: Settings, hostile_site: FixtureSite
) -> None:
    _sources(settings, hostile_site)
    result = run_crawl(settings, PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS="true")

    assert result.returncode == 0, result.stderr[-3000:]
    documents = _documents(settings)
    assert len(documents) == 2  # the statement via localhost and the page via 127.0.0.1 ([::1] is not served)
    assert not any(SECRET in body for _, body in documents)
    assert "refused scheme 1" in result.stdout
    assert "refused offsite 2" in result.stdout, "the link and the redirect to another site"
    assert "offsite.example is not on the allowed domains" in result.stderr
    assert "refused private network" not in result.stdout


def test_a_redirect_to_a_private_address_is_refused(settings: Settings, hostile_site: FixtureSite) -> None:
    _sources(settings, hostile_site, path="/fixtures/moved.rss")
    result = run_crawl(settings, PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS="false")

    assert "refused private network 1" in result.stdout, result.stdout
    assert "localhost resolves to a loopback address 127.0.0.1" in result.stderr
    assert "/fixtures/feed.rss" not in hostile_site.requests, "the redirect was not followed"
    assert _documents(settings) == []


def test_the_resolver_refuses_private_answers_for_every_host_but_the_sources_own() -> None:
    resolver = GuardedResolver(None, 0, 5.0, allow_private_networks=False)
    resolver.trust(frozenset({"feeds.example.org"}))
    assert resolver._refuse_forbidden("10.1.2.3", "feeds.example.org") == "10.1.2.3"
    assert resolver._refuse_forbidden("93.184.215.14", "news.example.org") == "93.184.215.14"
    with pytest.raises(RefusedAddressError, match=r"private address 10\.1\.2\.3"):
        resolver._refuse_forbidden("10.1.2.3", "news.example.org")
    with pytest.raises(RefusedAddressError, match="loopback"):
        resolver._refuse_forbidden("127.0.0.1", "rebound.example.org")
    allowing = GuardedResolver(None, 0, 5.0, allow_private_networks=True)
    assert allowing._refuse_forbidden("127.0.0.1", "localhost") == "127.0.0.1"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.8", "private"),
        ("192.168.1.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("0.0.0.0", "non-routable (unspecified)"),  # read after "a" in every message
        ("100.64.0.1", "non-public"),
        ("240.0.0.1", "reserved"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("::ffff:127.0.0.1", "loopback"),
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str) -> None:
    why = forbidden_network(address)
    assert why is not None and why.startswith(reason)


@pytest.mark.parametrize("address", ["93.184.215.14", "2a00:1450:4009:81f::200e"])
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_network(address) is None


def test_policy_checks_scheme_domain_and_literal_addresses_but_trusts_the_source_url() -> None:
    policy = LinkPolicy.for_source(
        url="http://127.0.0.1:8080/feed", domains=("gov.uk", "127.0.0.1"), allow_private_networks=False
    )
    assert policy.check_url("http://127.0.0.1:8080/feed") is None
    assert policy.check_url("http://127.0.0.1:8080/robots.txt") is None

    def reason(url: str) -> str | None:
        refusal = policy.check_url(url)
        return refusal.reason if refusal else None

    assert reason("https://www.gov.uk/news/a") is None
    assert reason("https://assets.publishing.service.gov.uk/a.html") is None
    assert reason("http://127.0.0.1:8080/other") == stats.REFUSED_PRIVATE_NETWORK
    assert reason("ftp://www.gov.uk/a") == stats.REFUSED_SCHEME
    assert reason("data:text/html,<p>x</p>") == stats.REFUSED_SCHEME
    assert reason("https://gov.uk.evil.example/a") == stats.REFUSED_OFFSITE
    assert reason("https://evilgov.uk/a") == stats.REFUSED_OFFSITE
    assert reason("https://www.gov.uk:99999/a") == stats.REFUSED_BAD_URL


def test_default_allowed_domains_are_the_feeds_registrable_domain() -> None:
    assert Source(name="b", url="https://feeds.bbci.co.uk/news/rss.xml").link_domains() == ("bbci.co.uk",)
    assert Source(name="g", url="https://www.gov.uk/x.atom").link_domains() == ("www.gov.uk",)
    assert registrable_domain("ec.europa.eu") == "europa.eu"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"


RESOLVE = """
import json
from twisted.internet import defer, reactor
from crawlers.guard import GuardedResolver, RefusedAddressError

resolver = GuardedResolver(reactor, 100, 5.0, allow_private_networks=False)
resolver.trust(frozenset({"127.0.0.1"}))
results = []

@defer.inlineCallbacks
def main():
    for name in ("localhost", "127.0.0.1", "2130706433", "localhost"):
        try:
            results.append([name, (yield resolver.getHostByName(name))])
        except RefusedAddressError as exc:
            results.append([name, "refused: " + str(exc)])
    reactor.stop()

reactor.callWhenRunning(main)
reactor.run()
print(json.dumps(results))
"""


def test_the_resolver_refuses_on_a_real_reactor_even_from_its_cache() -> None:
    """The resolver Scrapy connects through: a source's own host resolves, any other name for a loopback
    address (a decimal literal included) is refused, and a cached answer is checked again."""
    done = subprocess.run(
        [sys.executable, "-c", RESOLVE], capture_output=True, text=True, timeout=60, check=True
    )
    results = json.loads(done.stdout.splitlines()[-1])
    assert results[0] == ["localhost", "refused: localhost resolves to a loopback address 127.0.0.1"]
    assert results[1] == ["127.0.0.1", "127.0.0.1"]
    assert results[2][1].startswith("refused: 2130706433 resolves to a loopback address")
    assert results[3] == results[0], "the cached answer is checked too"
