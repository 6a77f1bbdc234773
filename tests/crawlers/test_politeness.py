"""Politeness a user sets: a source's own delay and concurrency in sources.toml, and the PRESSWATCH_CRAWL_*
settings for every site, checked on what a real crawl asked of the loopback site (when each request came)."""

from __future__ import annotations

import itertools
from pathlib import Path

from crawlers.settings import scrapy_settings
from presswatch.config import Settings
from tests.conftest import run_crawl
from tests.crawlers.articles import write_article
from tests.fixture_site import FixtureSite

DELAY = 1.0
# Scrapy waits between 0.5 and 1.5 times the delay (RANDOMIZE_DOWNLOAD_DELAY, left on).
SHORTEST_GAP = 0.5 * DELAY - 0.05
ARTICLES = 4


def _site_articles(folder: Path) -> None:
    for n in range(ARTICLES):
        write_article(
            folder,
            slug=f"notice-{n}",
            title=f"Ferry timetable notice {n}",
            published=f"2026-03-0{n + 1}T09:00:00+00:00",
            paragraphs=[
                f"The harbour authority has published timetable notice {n} for the island ferry service.",
                "Sailings will run every two hours during the spring, and tickets can be bought on board.",
            ],
        )


def _gaps(site: FixtureSite) -> list[float]:
    """Seconds between consecutive requests the site answered (robots.txt, the feed, the articles)."""
    times = sorted(answer.at for answer in site.answers)
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def _crawl(settings: Settings, tmp_path: Path, *, source_options: str = "", **env: str) -> list[float]:
    _site_articles(tmp_path / "site")
    with FixtureSite(articles_dir=tmp_path / "site") as site:
        settings.sources_file.write_text(
            f'[[source]]\nname = "harbour"\nurl = "{site.feed_url}"\n{source_options}', encoding="utf-8"
        )
        crawl = run_crawl(settings, **env)
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert f"indexed new {ARTICLES}" in crawl.stdout, crawl.stdout[-2000:]
        assert len(site.answers) >= ARTICLES + 2, [a.path for a in site.answers]
        return _gaps(site)


def test_a_sources_own_delay_and_concurrency_space_its_requests_even_under_autothrottle(
    settings: Settings, tmp_path: Path
) -> None:
    """AutoThrottle stays on (with the tests' start delay of 0 it would fetch at once); the source's
    `download_delay` is a floor it never goes below, and `concurrency = 1` keeps one request in flight."""
    gaps = _crawl(settings, tmp_path, source_options=f"download_delay = {DELAY}\nconcurrency = 1\n")
    assert min(gaps) >= SHORTEST_GAP, gaps


def test_settings_for_every_site_turn_autothrottle_off_and_set_a_delay(
    settings: Settings, tmp_path: Path
) -> None:
    gaps = _crawl(
        settings,
        tmp_path,
        PRESSWATCH_CRAWL_AUTOTHROTTLE="false",
        PRESSWATCH_CRAWL_DOWNLOAD_DELAY=str(DELAY),
        PRESSWATCH_CRAWL_CONCURRENCY_PER_DOMAIN="1",
    )
    assert min(gaps) >= SHORTEST_GAP, gaps


def test_defaults_are_the_politeness_presswatch_always_had() -> None:
    scrapy = scrapy_settings(Settings(), worker=None)
    assert scrapy["AUTOTHROTTLE_ENABLED"] is True
    assert scrapy["AUTOTHROTTLE_START_DELAY"] == 1.0
    assert scrapy["AUTOTHROTTLE_MAX_DELAY"] == 30.0
    assert scrapy["AUTOTHROTTLE_TARGET_CONCURRENCY"] == 2.0
    assert scrapy["CONCURRENT_REQUESTS_PER_DOMAIN"] == 4
    assert scrapy["DOWNLOAD_DELAY"] == 0.0
    assert scrapy["DOWNLOAD_SLOTS"] == {}
