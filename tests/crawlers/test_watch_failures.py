"""A crawl process that dies before it records anything still counts as a failed run of its sources, with
the reason it gave, and backs them off (the watcher's loop, without waiting for its schedule)."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from crawlers.schedule import SourceState
from crawlers.watch import Watcher
from crawlers.watch_display import LogLines
from presswatch.config import Settings
from presswatch.source_health import SourceHealthStore
from tests.conftest import crawl_env


def test_a_crawl_that_cannot_start_is_a_failure_with_its_reason(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in crawl_env(settings).items():
        monkeypatch.setenv(name, value)
    settings.sources_file.write_text(
        '[[source]]\nname = "home"\nurl = "https://gov.example/feed"\nevery = "10m"\n'
    )
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.mkdir()  # a folder where the index should be: `presswatch crawl` exits 2
    out, crawl_output = io.StringIO(), io.StringIO()
    watcher = Watcher(settings, only=None, display=LogLines(out), crawl_output=crawl_output)
    watcher.load_sources()
    before = datetime.now(UTC)

    watcher.crawl(["home"])

    [state] = watcher.states
    assert isinstance(state, SourceState)
    assert (state.runs, state.failures, state.failures_in_a_row) == (1, 1, 1)
    assert state.next_run >= before + timedelta(minutes=20)  # 10m × 2 after the first failure
    assert (
        "home: failed (1 in a row, 1 in all): the crawl process exited with status 2: presswatch:"
        in out.getvalue()
    )
    assert "cannot open the SQLite index" in crawl_output.getvalue()
    with SourceHealthStore.in_data_dir(settings.data_dir) as store:
        [home] = store.health(["home"])
    assert home.failures_in_a_row == 1 and home.last_run is not None and home.last_run.failed
    assert home.last_error is not None and "cannot open the SQLite index" in home.last_error


def test_a_bad_schedule_is_exit_2_with_the_entry_named(settings: Settings) -> None:
    settings.sources_file.write_text(
        '[[source]]\nname = "home"\nurl = "https://gov.example/feed"\nevery = "soon"\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "watch"],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "source #1 (every): Value error, 'soon' is not a duration such as '30s', '15m'" in result.stderr
    assert not (settings.data_dir / "source-health.sqlite3").exists()
