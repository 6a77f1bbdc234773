"""sources.toml reads `every` and `since` with one duration parser: what one accepts, the other does too."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from crawlers.sources import Source
from presswatch.config import Settings
from tests.conftest import crawl_env


@pytest.mark.parametrize("age", ["30m", "90s", "36h", "7d", "2w", "1.5h"])
def test_presswatch_reads_the_same_ages_for_every_and_since(settings: Settings, age: str) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "maps"\ntype = "sitemap"\nurl = "https://gov.example/sitemap.xml"\n'
        f'since = "{age}"\nevery = "{age}"\n',
        encoding="utf-8",
    )
    shown = subprocess.run(
        [sys.executable, "-m", "presswatch", "sources", "--json"],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr


def test_since_is_that_long_before_the_crawl() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    source = Source(name="s", type="sitemap", url="https://gov.example/sitemap.xml", since="30m", every="30m")
    assert source.cutoff(now=now) == now - timedelta(minutes=30) and source.every == timedelta(minutes=30)
    with pytest.raises(ValueError, match="neither a date"):
        Source(name="s", type="sitemap", url="https://gov.example/sitemap.xml", since="soon")
