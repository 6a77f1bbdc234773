"""`presswatch search` takes GET /search's filters (party, status, country, entity, currency and amount, dates,
kind, sort), read as the API and saved searches read them: pages ingested with `presswatch ingest --jsonl`,
each search its own process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from presswatch.config import Settings
from tests.conftest import crawl_env, run_presswatch

PAGES = [
    {
        "url": "https://www.gov.uk/government/news/uk-and-serbia-sign-returns-agreement",
        "title": "UK and Serbia sign returns agreement",
        "text": "UK and Serbia sign returns agreement\n"
        "The United Kingdom signed a returns agreement with Serbia on Monday. The agreement comes with "
        "£20 million for border security, the Home Office said.",
    },
    {
        "url": "https://www.gov.uk/government/news/uk-and-norway-to-negotiate-energy-deal",
        "title": "UK and Norway to open talks on energy",
        "text": "UK and Norway to open talks on energy\n"
        "The United Kingdom and Norway will negotiate an energy agreement next year, ministers said. "
        "A study costing £2 million will look at cables.",
    },
]


def _search(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return run_presswatch(settings, "search", *args, timeout=120)


def _urls(settings: Settings, *args: str) -> set[str]:
    done = _search(settings, *args, "--json")
    assert done.returncode == 0, done.stderr
    return {hit["url"] for hit in json.loads(done.stdout)["hits"]}


def test_the_cli_search_filters_as_the_api_does(settings: Settings, tmp_path: Path) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps(page) + "\n" for page in PAGES))
    ingested = subprocess.run(
        [sys.executable, "-m", "presswatch", "ingest", "--jsonl", str(pages)],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingested.returncode == 0, ingested.stderr
    serbia, norway = (page["url"] for page in PAGES)

    assert _urls(settings, "--party", "Serbia") == {serbia}
    assert _urls(settings, "--party", "UK", "--status", "signed") == {serbia}
    assert _urls(settings, "--party", "Norway", "--status", "in_negotiation") == {norway}
    assert _urls(settings, "--status", "signed", "--status", "in_negotiation") == {serbia, norway}
    assert _urls(settings, "--currency", "gbp", "--min-amount", "1e7") == {serbia}
    assert _urls(settings, "--country", "Norway") == {norway}
    assert _urls(settings, "agreement", "--country", "GB", "--max-amount", "5000000") == {norway}

    printed = _search(settings, "--party", "Serbia")
    assert printed.returncode == 0, printed.stderr
    assert "1 result(s)" in printed.stdout and "agreement (signed): " in printed.stdout, printed.stdout

    refused = _search(settings, "--status", "sealed")
    assert refused.returncode == 2 and "invalid choice: 'sealed'" in refused.stderr, refused.stderr
    bad_date = _search(settings, "--party", "Serbia", "--from", "June")
    assert bad_date.returncode == 2 and "bad search" in bad_date.stderr, bad_date.stderr


def test_an_unknown_country_is_refused_as_the_api_refuses_it(settings: Settings) -> None:
    """GET /search answers 400 for a country no one knows; the CLI searched for it and said '0 result(s)'."""
    for country in ("XX", "Atlantis"):
        refused = _search(settings, "Kosovo", "--country", "Serbia", "--country", country)
        assert refused.returncode == 2, refused.stdout
        assert f"country {country!r} is unknown" in refused.stderr and "(RS)" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
