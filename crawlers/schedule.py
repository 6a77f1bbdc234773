"""When each source is crawled next: its own interval, and exponential backoff while it keeps failing.

Pure bookkeeping with the clock passed in, so it is tested without waiting; `crawlers.watch` runs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from presswatch.source_health import CrawlRun, SourceHealth

MAX_DOUBLINGS = 20  # 2**20 intervals is far beyond any backoff cap; keeps the arithmetic small


def retry_delay(*, every: timedelta, failures_in_a_row: int, max_backoff: timedelta) -> timedelta:
    """`every` while a source works; after n failures in a row, every × 2ⁿ, at most `max_backoff` (but
    never less than `every`, so backoff never crawls a source more often than it is due)."""
    if failures_in_a_row <= 0:
        return every
    backoff = every * (1 << min(failures_in_a_row, MAX_DOUBLINGS))
    return max(every, min(backoff, max_backoff))


@dataclass(kw_only=True)
class SourceState:
    """One source as the watcher sees it."""

    name: str
    every: timedelta
    next_run: datetime
    running: bool = False
    last_finished: datetime | None = None
    last_duration: timedelta | None = None
    wait: timedelta | None = None
    """The wait planned after its last run, from its end (its interval, or the backoff when it failed)."""
    last_run: CrawlRun | None = None
    runs: int = 0
    failures: int = 0
    failures_in_a_row: int = 0
    new_since_start: int = 0
    errors_since_start: int = 0

    @property
    def backing_off(self) -> bool:
        return self.failures_in_a_row > 0


@dataclass
class Schedule:
    """Every watched source's state; `due` says which to crawl now, `finished` plans each one's next run."""

    max_backoff: timedelta
    states: dict[str, SourceState] = field(default_factory=dict)

    def set_sources(
        self, intervals: Mapping[str, timedelta], *, now: datetime, history: Iterable[SourceHealth] = ()
    ) -> None:
        """Watch exactly these sources. A new one is due `every` after its last recorded crawl (now if it
        has none), in backoff if its last crawls failed; one already watched keeps its state and takes the
        new interval; one no longer listed is dropped."""
        known = {health.name: health for health in history}
        for name in list(self.states):
            if name not in intervals:
                del self.states[name]
        for name, every in intervals.items():
            state = self.states.get(name)
            if state is not None:
                if state.every != every and not state.running:
                    last = state.last_finished or now
                    state.next_run = last + self._delay(every, state.failures_in_a_row)
                state.every = every
                continue
            health = known.get(name)
            failures = health.failures_in_a_row if health else 0
            if health is not None and health.last_crawl_at is not None:
                next_run = max(now, health.last_crawl_at + self._delay(every, failures))
            else:
                next_run = now
            self.states[name] = SourceState(
                name=name,
                every=every,
                next_run=next_run,
                failures_in_a_row=failures,
                last_finished=health.last_crawl_at if health else None,
                last_run=health.last_run if health else None,
            )

    def due(self, now: datetime) -> list[str]:
        return [s.name for s in self.states.values() if not s.running and s.next_run <= now]

    def next_wake(self) -> datetime | None:
        waiting = [s.next_run for s in self.states.values() if not s.running]
        return min(waiting) if waiting else None

    def started(self, names: Iterable[str]) -> None:
        for name in names:
            if name in self.states:
                self.states[name].running = True

    def abandoned(self, name: str) -> None:
        """Its crawl was stopped before it recorded anything: it stays due."""
        if name in self.states:
            self.states[name].running = False

    def finished(self, run: CrawlRun, *, started: datetime) -> SourceState | None:
        """Plan a source's next run from what its crawl did: its interval from the start of this one (but
        not before it ended), or backoff from its end when it failed."""
        state = self.states.get(run.source)
        if state is None:  # dropped from sources.toml while it was being crawled
            return None
        state.running = False
        state.runs += 1
        state.last_run = run
        state.last_finished = run.finished_at
        state.last_duration = run.finished_at - started
        state.new_since_start += run.new
        state.errors_since_start += run.errors
        if run.failed:
            state.failures += 1
            state.failures_in_a_row += 1
            state.next_run = run.finished_at + self._delay(state.every, state.failures_in_a_row)
        else:
            state.failures_in_a_row = 0
            state.next_run = max(started + state.every, run.finished_at)
        state.wait = state.next_run - run.finished_at
        return state

    def _delay(self, every: timedelta, failures_in_a_row: int) -> timedelta:
        return retry_delay(every=every, failures_in_a_row=failures_in_a_row, max_backoff=self.max_backoff)
