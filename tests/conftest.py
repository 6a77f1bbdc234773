"""Shared fixtures: the real model (loaded once), settings in a temporary folder, crawl helpers, and (from
tests.elastic_server) one real Elasticsearch per session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlp.pipeline import Extractor
from presswatch.cli import demo_sources_toml
from presswatch.config import Settings
from tests.fixture_site import FixtureSite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", sources_file=tmp_path / "sources.toml", crawl_start_delay=0.0)


@pytest.fixture
def newsroom() -> Iterator[FixtureSite]:
    with FixtureSite() as server:
        yield server


def crawl_env(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(settings.data_dir),
        "PRESSWATCH_SOURCES_FILE": str(settings.sources_file),
        "PRESSWATCH_CRAWL_START_DELAY": "0",
        "PRESSWATCH_CRAWL_RETRY_BACKOFF": "0.1",
        "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",  # the fixture sites are on loopback
        **extra,
    }


def write_sources(settings: Settings, feed_url: str, *, extra: str = "") -> None:
    settings.sources_file.write_text(demo_sources_toml(feed_url) + extra, encoding="utf-8")


def run_crawl(settings: Settings, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """`presswatch crawl` in its own process, as users run it (Twisted's reactor runs once per process)."""
    return subprocess.run(
        [sys.executable, "-m", "presswatch", "crawl"],
        env=crawl_env(settings, **extra_env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


pytest_plugins = ["tests.elastic_server"]
