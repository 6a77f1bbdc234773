"""Shared fixtures: the real model (loaded once), settings in a temporary folder, crawl helpers, and (from
tests.elastic_server and tests.postgres_server) one real Elasticsearch and one real PostgreSQL per session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.common import EVAL, EVAL_DIR_VARIABLE
from nlp.pipeline import Extractor
from presswatch.cli import demo_sources_toml
from presswatch.config import Settings
from tests.fixture_site import FixtureSite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = EVAL  # PRESSWATCH_EVAL_DIR, else ../shared/eval beside the checkout (bench.common.eval_dir)


def require_shared(path: Path) -> None:
    """Skip the test when `path` (a folder or file) of the shared evaluation data is missing (a user's clone);
    under CI, where it must be, fail instead."""
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing; CI must have the shared evaluation data (set {EVAL_DIR_VARIABLE})")
    pytest.skip(
        f"{path} is missing: the shared evaluation data is not at {SHARED_EVAL}"
        f" (set {EVAL_DIR_VARIABLE} to its folder)"
    )


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
        # One NLP process unless a test asks for the pool (tests/test_nlp_pool.py): a test machine with many
        # cores would otherwise load the models once per core for every crawl.
        "PRESSWATCH_NLP_WORKERS": "1",
        **extra,
    }


def write_sources(settings: Settings, feed_url: str, *, extra: str = "") -> None:
    settings.sources_file.write_text(demo_sources_toml(feed_url) + extra, encoding="utf-8")


def run_presswatch(
    settings: Settings, *args: str, stdin: str | None = None, timeout: float = 300, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """A `presswatch` command in its own process on `settings`, as users run it; its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        input=stdin,
        env=crawl_env(settings, **extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_crawl(settings: Settings, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """`presswatch crawl` in its own process, as users run it (Twisted's reactor runs once per process)."""
    return run_presswatch(settings, "crawl", **extra_env)


def index_demo_newsroom(settings: Settings, extractor: Extractor) -> None:
    """The demo newsroom's articles, extracted and indexed exactly as the crawler does."""
    from crawlers.extract import extract_page
    from presswatch.demo.server import NewsroomServer
    from search.sqlite import SQLiteBackend

    server = NewsroomServer()  # not started: its pages are rendered directly
    documents = []
    for article in server.articles:
        page = extract_page(server.reply(article.path).body, url=server.base_url + article.path)
        documents.append(page.to_document(source="demo-newsroom", default_kind="news"))
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(extractor.enrich_many(documents))
    backend.close()
    server.close()


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Settings:
    """One read-only index of the demo newsroom for the API views and the browser test (tests that write
    use their own)."""
    root = tmp_path_factory.mktemp("demo-index")
    settings = Settings(data_dir=root / "data", sources_file=root / "sources.toml", rate_limit_per_minute=0)
    index_demo_newsroom(settings, extractor)
    return settings


pytest_plugins = ["tests.elastic_server", "tests.postgres_server", "tests.rabbitmq_server"]
