"""The source health store (SQLite and PostgreSQL alike): what each crawl recorded per source, and the shares
that reveal a layout change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from presswatch import source_health
from presswatch.config import Settings
from presswatch.source_health import CrawlRun, open_health, read_error_counts, read_health

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _run(source: str, minute: int, **figures: object) -> CrawlRun:
    start = T0 + timedelta(minutes=minute)
    return CrawlRun.model_validate(
        {"source": source, "started_at": start, "finished_at": start + timedelta(seconds=30), **figures}
    )


def test_no_store_is_no_runs_and_reading_creates_nothing(store_settings: Settings) -> None:
    [health] = read_health(store_settings, ["alpha"])
    assert health.last_crawl_at is None and health.empty_body_share is None
    assert read_health(store_settings) == []
    assert not (store_settings.data_dir / source_health.FILE_NAME).exists()
    assert read_error_counts(store_settings) == []


def test_shares_follow_a_layout_change_within_the_newest_pages(store_settings: Settings) -> None:
    with open_health(store_settings) as store:
        store.record([_run("alpha", 0, pages=30, no_date=3, new=30, documents=30)])
        store.record([_run("alpha", 15)])  # read nothing (nothing new): does not dilute the shares
        store.record(
            [
                _run(
                    "alpha", 30, pages=10, empty_body=10, errors=10, error="skipped x: no article body found"
                ),
                _run("beta", 30, pages=4, new=4, documents=4),
            ]
        )
    alpha, beta = read_health(store_settings, ["alpha", "beta"])
    # the newest runs until 20 pages: the broken run (10 pages) and the good one before it (30 pages)
    assert alpha.pages == 40
    assert alpha.empty_body_share == 0.25 and alpha.no_date_share == 0.075 and alpha.no_title_share == 0
    assert alpha.last_error == "skipped x: no article body found"
    assert alpha.last_error_at == T0 + timedelta(minutes=30, seconds=30)
    assert alpha.documents == 30  # the newest count recorded
    assert alpha.runs == 3 and alpha.failures_in_a_row == 0
    assert alpha.last_crawl_at == T0 + timedelta(minutes=30, seconds=30)
    assert beta.pages == 4 and beta.empty_body_share == 0
    assert read_health(store_settings)[0].name == "alpha"  # every recorded source, by name


def test_failures_in_a_row_count_back_to_the_last_run_that_worked(store_settings: Settings) -> None:
    with open_health(store_settings) as store:
        store.record([_run("dead", 0, pages=1)])
        for minute in (1, 2, 3):
            store.record([_run("dead", minute, failed=True, errors=1, error=f"refused {minute}")])
        [dead] = store.health(["dead"])
    assert dead.failures_in_a_row == 3
    assert dead.last_error == "refused 3"
    assert dead.last_run is not None and dead.last_run.failed


def test_old_runs_are_forgotten(store_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_health, "KEEP_RUNS", 3)
    with open_health(store_settings) as store:
        for minute in range(5):
            store.record([_run("alpha", minute, pages=minute)])
        assert [run.pages for run in store.runs("alpha")] == [4, 3, 2]


def test_error_counts_per_source_for_metrics(store_settings: Settings) -> None:
    with open_health(store_settings) as store:
        store.record([_run("alpha", 0, pages=3, errors=2), _run("beta", 0, pages=1)])
        store.record([_run("alpha", 1, failed=True), _run("beta", 1, pages=2)])
    counts = {c.source: (c.errors, c.runs_with_errors, c.runs) for c in read_error_counts(store_settings)}
    assert counts == {"alpha": (2, 2, 2), "beta": (0, 0, 2)}


def test_runs_read_back_as_recorded(store_settings: Settings) -> None:
    run = _run("alpha", 0, pages=5, new=4, failed=True, error="boom", error_at=T0, documents=None)
    with open_health(store_settings) as store:
        store.record([run])
        assert store.runs("alpha") == [run] and store.names() == ["alpha"]
