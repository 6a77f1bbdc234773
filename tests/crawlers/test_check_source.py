"""`presswatch check-source NAME` against the loopback newsroom: it prints what it extracted of a few items
and writes neither the index nor the crawl state."""

from __future__ import annotations

import re
import subprocess

import pytest

from presswatch.cli import build_parser, cmd_check_source
from presswatch.config import Settings
from tests.conftest import run_presswatch, write_sources
from tests.fixture_site import FixtureSite


def _check(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return run_presswatch(settings, "check-source", *args)


def test_check_source_prints_what_it_extracted(settings: Settings, newsroom: FixtureSite) -> None:
    write_sources(settings, newsroom.feed_url)
    result = _check(settings, "demo-newsroom", "--items", "3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Warning" not in result.stderr, "nothing to warn of (Scrapy's deprecated install_root_handler did)"
    out = result.stdout
    assert "checking demo-newsroom (feed" in out
    # The feed's three newest links: one is a draft that robots.txt disallows, so two items are read.
    printed = re.findall(r"^\d+\. (.+)\n   (http\S+)$", out, flags=re.MULTILINE)
    titles = {newsroom.base_url + a.path: a.title for a in newsroom.articles}
    assert len(printed) == 2, out
    for title, url in printed:
        assert titles[url] == title
    bodies = [int(n) for n in re.findall(r"body (\d+) characters", out)]
    entities = [int(n) for n in re.findall(r"entities (\d+)", out)]
    assert len(bodies) == 2 and min(bodies) > 200, out
    assert len(entities) == 2 and min(entities) > 0, out
    assert "language en" in out and "published 2026-" in out
    assert "demo-newsroom: 2 items read; ignored 1" in out
    article_requests = [p for p in newsroom.requests if p in {a.path for a in newsroom.articles}]
    assert len(article_requests) == 2
    assert not settings.sqlite_path.exists(), "check-source indexes nothing"
    assert not (settings.data_dir / "seen.sqlite3").exists(), "check-source keeps no crawl state"


def test_check_source_of_an_unknown_name_says_so(
    settings: Settings, newsroom: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    write_sources(settings, newsroom.feed_url)
    args = build_parser().parse_args(["check-source", "nope"])
    assert cmd_check_source(args, settings) == 2
    error = capsys.readouterr().err
    assert "no such source" in error and "nope" in error
    assert newsroom.requests == []


def test_check_source_reads_the_aliases_file_as_a_crawl_does(
    settings: Settings, newsroom: FixtureSite
) -> None:
    """It shows what a crawl would store, so it uses the user's aliases file: an unusable one is refused
    up front, as `crawl` and `ingest` refuse it (check-source once skipped the file)."""
    write_sources(settings, newsroom.feed_url)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "aliases.toml").write_text("[[entity]\nname = 1", encoding="utf-8")
    result = _check(settings, "demo-newsroom", "--items", "1")
    assert result.returncode == 2, result.stdout[-2000:]
    assert "aliases.toml: not valid TOML" in result.stderr
    assert not newsroom.requests, "nothing is fetched once the extractor cannot be built"
