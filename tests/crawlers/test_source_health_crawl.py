"""Extraction health from real crawls: a source whose publisher changes its layout (new pages whose body
is drawn by a script, so no article body is found) shows it in `presswatch sources` and `GET /sources`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.source_health import read_health
from tests.conftest import run_crawl, run_presswatch
from tests.crawlers.watched_site import WatchedSite
from tests.fixture_site import Reply

NEW_LAYOUT = """<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-02-01T09:00:00+00:00"></head>
<body><div id="app"></div><script src="/static/app.js"></script></body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[WatchedSite]:
    with WatchedSite(tmp_path) as server:
        yield server


def _sources(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return run_presswatch(settings, "sources", *args, timeout=120)


@pytest.mark.slow
def test_a_layout_change_shows_in_the_sources_health(settings: Settings, site: WatchedSite) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "ministry"\nurl = "{site.add_source("ministry")}"\n\n'
        f'[[source]]\nname = "quiet"\nurl = "{site.add_source("quiet")}"\n',
        encoding="utf-8",
    )
    for _ in range(2):
        site.publish("ministry")
    before = run_crawl(settings)
    assert before.returncode == 0, before.stderr[-3000:]
    [ministry, quiet] = read_health(settings, ["ministry", "quiet"])
    assert (ministry.pages, ministry.empty_body_share, ministry.documents) == (2, 0, 2)
    assert ministry.last_error is None and quiet.pages == 0 and quiet.empty_body_share is None

    broken = [site.publish("ministry") for _ in range(2)]  # the publisher's new layout
    for article in broken:
        page = NEW_LAYOUT.format(title=article.title).encode()
        site.extra_routes[article.path] = lambda page=page: Reply(page)
    after = run_crawl(settings)
    # Incremental: the two articles read before are not fetched again, so the new, broken pages are all this
    # crawl reads, and it says that the source gave nothing; the health says why.
    assert after.returncode == 1 and "no articles from ministry" in after.stderr, after.stderr[-3000:]

    [ministry] = read_health(settings, ["ministry"])
    assert ministry.last_run is not None and ministry.last_run.empty_body == 2
    assert ministry.empty_body_share == pytest.approx(2 / ministry.pages, abs=1e-4)
    assert ministry.empty_body_share >= 0.33  # 2 of 4 pages, or of 6 when unchanged pages are read again
    assert ministry.last_error is not None and "no article body found" in ministry.last_error
    assert any(article.path in ministry.last_error for article in broken)
    assert ministry.documents == 2 and ministry.failures_in_a_row == 1  # a run that indexed nothing failed

    shown = _sources(settings)
    assert shown.returncode == 0, shown.stderr
    row = next(line for line in shown.stdout.splitlines() if "ministry" in line)
    assert f"{ministry.empty_body_share:.0%}" in row and "no article" in row  # the error cell may fold
    quiet_row = next(line for line in shown.stdout.splitlines() if "quiet" in line)
    assert "%" not in quiet_row, "no page read: no share to show"
    as_json = _sources(settings, "--json", "--source", "ministry")
    assert json.loads(as_json.stdout)[0]["empty_body_share"] == ministry.empty_body_share

    with TestClient(create_app(settings)) as client:
        served = {s["name"]: s for s in client.get("/sources").json()["sources"]}
    assert served["ministry"]["empty_body_share"] == ministry.empty_body_share
    assert served["ministry"]["last_error"] == ministry.last_error
    assert served["quiet"]["pages"] == 0
