"""A source's own host whose name cannot be resolved (a typo in sources.toml, a resolver that is down) is a
fetch error that says so, and the next crawl tries again: it was counted as `refused private network` ("could
not check the address of www.gov.uk"), which sent a user without DNS looking for a private network, and was
final, so a listing whose links failed so would have been remembered and its articles never fetched."""

from __future__ import annotations

from presswatch.config import Settings
from tests.conftest import run_crawl

HOST = "presswatch-test.invalid"  # RFC 6761: never resolves


def test_a_source_host_that_does_not_resolve_is_a_fetch_error(settings: Settings) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "govuk-typo"\ntype = "govuk"\nurl = "http://{HOST}"\n', encoding="utf-8"
    )
    crawl = run_crawl(settings, PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS="false")
    assert crawl.returncode == 1, crawl.stderr[-3000:]
    assert "govuk-typo: fetch errors 1" in crawl.stdout, crawl.stdout
    assert "refused private network" not in crawl.stdout
    assert f"could not resolve {HOST}" in crawl.stderr, crawl.stderr[-3000:]
