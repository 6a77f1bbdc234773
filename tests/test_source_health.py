"""The source health store: what each crawl recorded per source, and the shares that reveal a layout change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from presswatch import source_health
from presswatch.source_health import CrawlRun, SourceHealthStore, read_health

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _run(source: str, minute: int, **figures: object) -> CrawlRun:
    start = T0 + timedelta(minutes=minute)
    return CrawlRun.model_validate(
        {"source": source, "started_at": start, "finished_at": start + timedelta(seconds=30), **figures}
    )


def test_no_store_is_no_runs_and_reading_creates_nothing(tmp_path: Path) -> None:
    [health] = read_health(tmp_path, ["alpha"])
    assert health.last_crawl_at is None and health.empty_body_share is None
    assert read_health(tmp_path) == []
    assert not (tmp_path / source_health.FILE_NAME).exists()


def test_shares_follow_a_layout_change_within_the_newest_pages(tmp_path: Path) -> None:
    with SourceHealthStore.in_data_dir(tmp_path) as store:
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
    alpha, beta = read_health(tmp_path, ["alpha", "beta"])
    # the newest runs until 20 pages: the broken run (10 pages) and the good one before it (30 pages)
    assert alpha.pages == 40
    assert alpha.empty_body_share == 0.25 and alpha.no_date_share == 0.075 and alpha.no_title_share == 0
    assert alpha.last_error == "skipped x: no article body found"
    assert alpha.last_error_at == T0 + timedelta(minutes=30, seconds=30)
    assert alpha.documents == 30  # the newest count recorded
    assert alpha.runs == 3 and alpha.failures_in_a_row == 0
    assert alpha.last_crawl_at == T0 + timedelta(minutes=30, seconds=30)
    assert beta.pages == 4 and beta.empty_body_share == 0
    assert read_health(tmp_path)[0].name == "alpha"  # every recorded source, by name


def test_failures_in_a_row_count_back_to_the_last_run_that_worked(tmp_path: Path) -> None:
    with SourceHealthStore.in_data_dir(tmp_path) as store:
        store.record([_run("dead", 0, pages=1)])
        for minute in (1, 2, 3):
            store.record([_run("dead", minute, failed=True, errors=1, error=f"refused {minute}")])
        [dead] = store.health(["dead"])
    assert dead.failures_in_a_row == 3
    assert dead.last_error == "refused 3"
    assert dead.last_run is not None and dead.last_run.failed


def test_old_runs_are_forgotten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_health, "KEEP_RUNS", 3)
    with SourceHealthStore.in_data_dir(tmp_path) as store:
        for minute in range(5):
            store.record([_run("alpha", minute, pages=minute)])
        assert [run.pages for run in store.runs("alpha")] == [4, 3, 2]
