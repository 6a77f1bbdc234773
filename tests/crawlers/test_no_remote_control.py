"""A real crawl opens no control port into itself: neither Scrapy's telnet console nor its remote-control
web service (which runs Python code sent over HTTP and leaves its token in a job file)."""

from __future__ import annotations

from pathlib import Path

from presswatch.config import Settings
from tests.conftest import run_crawl, write_sources
from tests.fixture_site import FixtureSite


def test_a_crawl_starts_no_console_or_remote_control(
    settings: Settings, newsroom: FixtureSite, tmp_path: Path
) -> None:
    write_sources(settings, newsroom.feed_url)
    state = tmp_path / "state"
    done = run_crawl(settings, XDG_STATE_HOME=str(state))
    assert done.returncode == 0, done.stderr[-3000:]
    log = done.stdout + done.stderr
    assert "Enabled extensions" in log, "Scrapy's log lists its extensions"
    assert "RemoteControl" not in log and "remote_control" not in log
    assert "TelnetConsole" not in log and "Telnet console listening" not in log
    assert not (state / "scrapy" / "job_files").exists() or not any(
        (state / "scrapy" / "job_files").iterdir()
    )
