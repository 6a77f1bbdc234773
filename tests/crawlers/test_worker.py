"""The index worker process: a crawl survives losing it, and reports what it could not index."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from presswatch.config import Settings
from tests.conftest import crawl_env, run_crawl, write_sources
from tests.crawlers.test_crawl import LISTED, _count, indexed_urls
from tests.crawlers.test_two_sources import totals
from tests.fixture_site import FixtureSite


def children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_crawl_that_loses_its_worker_reports_errors_and_a_rerun_loses_nothing(settings: Settings) -> None:
    with FixtureSite(article_delay=0.3) as slow:
        write_sources(settings, slow.feed_url)
        crawl = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "crawl"],
            env=crawl_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and _count(settings) < 2:
                time.sleep(0.1)
            [worker] = children(crawl.pid)
            Path(f"/proc/{worker}/cmdline").read_bytes().index(b"crawlers.worker")
            os.kill(worker, signal.SIGKILL)
            stdout, stderr = crawl.communicate(timeout=240)
        finally:
            if crawl.poll() is None:
                crawl.kill()
        assert crawl.returncode == 0, stderr[-3000:]
        part = _count(settings)
        errors = int(re.search(r"index errors (\d+)", stdout).group(1))  # type: ignore[union-attr]
        # Every article is indexed or reported (one indexed just before the kill may be reported too).
        assert errors > 0 and part + errors >= LISTED, stdout
        assert "the index worker stopped" in stderr

        rerun = run_crawl(settings)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert f"indexed new {LISTED - part}" in rerun.stdout, rerun.stdout
        # Stored articles are either remembered as seen (not fetched again) or fetched and found unchanged.
        counts = totals(rerun.stdout)
        assert counts["seen before"] + counts["unchanged"] == part, rerun.stdout
        urls = indexed_urls(settings)
        assert len(urls) == len(set(urls)) == LISTED
