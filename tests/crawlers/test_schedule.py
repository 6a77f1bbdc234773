"""The watcher's schedule: each source on its own interval, exponential backoff while it keeps failing, and
a restart that resumes where the last watcher left off. Pure bookkeeping, with the clock passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawlers.schedule import Schedule, retry_delay
from presswatch.durations import format_duration, parse_duration
from presswatch.source_health import CrawlRun, SourceHealth

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def _run(
    source: str, *, at: datetime, took: timedelta = timedelta(seconds=10), failed: bool = False
) -> CrawlRun:
    return CrawlRun(
        source=source, started_at=at, finished_at=at + took, failed=failed, error="down" if failed else None
    )


def test_durations_read_as_written() -> None:
    assert parse_duration("15m") == timedelta(minutes=15)
    assert parse_duration("30s") == timedelta(seconds=30)
    assert parse_duration(" 2H ") == timedelta(hours=2)
    assert parse_duration("1.5d") == timedelta(hours=36)
    assert format_duration(timedelta(minutes=15)) == "15m"
    assert format_duration(timedelta(hours=2, minutes=30, seconds=5)) == "2h30m"
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("soon")


def test_backoff_doubles_per_failure_up_to_the_cap_and_never_below_the_interval() -> None:
    every, cap = timedelta(minutes=15), timedelta(hours=6)
    delays = [retry_delay(every=every, failures_in_a_row=n, max_backoff=cap) for n in range(7)]
    assert delays == [
        every,
        2 * every,
        4 * every,
        8 * every,
        16 * every,
        timedelta(hours=6),
        timedelta(hours=6),
    ]
    assert retry_delay(every=timedelta(days=1), failures_in_a_row=3, max_backoff=cap) == timedelta(days=1)


def test_each_source_runs_on_its_own_interval() -> None:
    schedule = Schedule(max_backoff=timedelta(hours=1))
    schedule.set_sources({"fast": MINUTE, "slow": 10 * MINUTE}, now=T0)
    assert schedule.due(T0) == ["fast", "slow"]  # never crawled: both at once
    schedule.started(["fast", "slow"])
    assert schedule.due(T0 + MINUTE) == []  # running sources are not due again
    schedule.finished(_run("fast", at=T0), started=T0)
    schedule.finished(_run("slow", at=T0), started=T0)
    assert schedule.due(T0 + MINUTE) == ["fast"]
    assert schedule.next_wake() == T0 + MINUTE
    assert schedule.due(T0 + 10 * MINUTE) == ["fast", "slow"]


def test_a_crawl_longer_than_the_interval_runs_again_as_soon_as_it_ends() -> None:
    schedule = Schedule(max_backoff=timedelta(hours=1))
    schedule.set_sources({"busy": MINUTE}, now=T0)
    schedule.started(["busy"])
    state = schedule.finished(_run("busy", at=T0, took=3 * MINUTE), started=T0)
    assert state is not None
    assert state.next_run == T0 + 3 * MINUTE


def test_a_failing_source_backs_off_and_recovers() -> None:
    schedule = Schedule(max_backoff=timedelta(minutes=30))
    schedule.set_sources({"dead": 5 * MINUTE, "ok": 5 * MINUTE}, now=T0)
    now = T0
    waits = []
    for _ in range(4):
        schedule.started(["dead"])
        state = schedule.finished(_run("dead", at=now, took=timedelta(0), failed=True), started=now)
        assert state is not None
        waits.append(state.next_run - now)
        now = state.next_run
    assert waits == [10 * MINUTE, 20 * MINUTE, 30 * MINUTE, 30 * MINUTE]
    assert (state.failures, state.failures_in_a_row, state.backing_off) == (4, 4, True)
    schedule.started(["dead"])
    state = schedule.finished(_run("dead", at=now, took=timedelta(0)), started=now)
    assert state is not None
    assert (state.failures, state.failures_in_a_row, state.backing_off) == (4, 0, False)
    assert state.next_run == now + 5 * MINUTE
    assert schedule.states["ok"].failures == 0  # the other source was never affected


def test_a_restart_resumes_each_schedule_and_backoff_from_the_recorded_runs() -> None:
    history = [
        SourceHealth(name="recent", last_crawl_at=T0 - 2 * MINUTE),
        SourceHealth(name="stale", last_crawl_at=T0 - timedelta(hours=3)),
        SourceHealth(name="failing", last_crawl_at=T0 - MINUTE, failures_in_a_row=2),
    ]
    schedule = Schedule(max_backoff=timedelta(hours=6))
    schedule.set_sources(
        {"recent": 15 * MINUTE, "stale": 15 * MINUTE, "failing": 15 * MINUTE, "new": 15 * MINUTE},
        now=T0,
        history=history,
    )
    assert schedule.due(T0) == ["stale", "new"]
    assert schedule.states["recent"].next_run == T0 + 13 * MINUTE
    assert schedule.states["failing"].next_run == T0 - MINUTE + 60 * MINUTE  # 15m × 2²


def test_reloaded_sources_keep_their_state_and_take_new_intervals() -> None:
    schedule = Schedule(max_backoff=timedelta(hours=1))
    schedule.set_sources({"a": MINUTE, "b": MINUTE}, now=T0)
    schedule.started(["a"])
    schedule.finished(_run("a", at=T0), started=T0)
    schedule.set_sources({"a": 10 * MINUTE, "c": MINUTE}, now=T0 + timedelta(seconds=20))
    assert set(schedule.states) == {"a", "c"}
    assert schedule.states["a"].runs == 1
    assert schedule.states["a"].next_run == T0 + timedelta(seconds=10) + 10 * MINUTE
    assert schedule.finished(_run("b", at=T0), started=T0) is None  # dropped while running: ignored
