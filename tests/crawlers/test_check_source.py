"""`presswatch check-source NAME` against the loopback newsroom: it prints what it extracted of a few items
and writes neither the index nor the crawl state."""

from __future__ import annotations

import re
import subprocess
import sys

from presswatch.config import Settings
from tests.conftest import crawl_env, write_sources
from tests.fixture_site import FixtureSite


def _check(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", "check-source", *args],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_source_prints_what_it_extracted(settings: Settings, newsroom: FixtureSite) -> None:
    write_sources(settings, newsroom.feed_url)
    result = _check(settings, "demo-newsroom", "--items", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "checking demo-newsroom (feed" in out
    newest = [a for a in newsroom.articles if a.listed and not a.path.startswith("/drafts/")][:2]
    for article in newest:
        assert article.title in out and newsroom.base_url + article.path in out
    bodies = [int(n) for n in re.findall(r"body (\d+) characters", out)]
    entities = [int(n) for n in re.findall(r"entities (\d+)", out)]
    assert len(bodies) == 2 and min(bodies) > 200, out
    assert len(entities) == 2 and min(entities) > 0, out
    assert "language en" in out and "published 2026-" in out
    assert "demo-newsroom: 2 items read" in out
    article_requests = [p for p in newsroom.requests if p in {a.path for a in newsroom.articles}]
    assert len(article_requests) == 2
    assert not settings.sqlite_path.exists(), "check-source indexes nothing"
    assert not (settings.data_dir / "seen.sqlite3").exists(), "check-source keeps no crawl state"


def test_check_source_of_an_unknown_name_says_so(settings: Settings, newsroom: FixtureSite) -> None:
    write_sources(settings, newsroom.feed_url)
    result = _check(settings, "nope")
    assert result.returncode == 2
    assert "no such source" in result.stderr and "nope" in result.stderr
