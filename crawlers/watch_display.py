"""What `presswatch watch` shows: a live table per source on a terminal, plain log lines otherwise.

On a terminal, rich's `Live` redraws one table in place (per source: interval, last run, pages, new
documents, errors, failures, next run, last error) with the newest events beneath it. Anywhere else (a
pipe, a file, docker's log) each event is one timestamped line, so nothing redraws and every line greps.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from typing import IO, Protocol

from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from crawlers.schedule import SourceState
from presswatch.durations import format_duration

RECENT_EVENTS = 6
MAX_ERROR_CHARS = 80


class Display(Protocol):
    def event(self, text: str, *, at: datetime) -> None:
        """Something happened: a crawl started or ended, a source failed, the watcher is stopping."""

    def show(self, states: Iterable[SourceState], *, now: datetime) -> None:
        """The current state of every source (called about twice a second)."""

    def close(self) -> None: ...


def _ago(moment: datetime | None, now: datetime) -> str:
    return "never" if moment is None else f"{format_duration(now - moment)} ago"


def _next(state: SourceState, now: datetime) -> str:
    if state.running:
        return "running…"
    wait = "now" if state.next_run <= now else f"in {format_duration(state.next_run - now)}"
    return f"{wait} (backoff)" if state.backing_off else wait


def _short(text: str | None) -> str:
    if not text:
        return ""
    line = " ".join(text.split())
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "…"


def source_table(states: Iterable[SourceState], *, now: datetime) -> Table:
    """One row per source; figures are those of its last run, `failures` counts failed runs since start."""
    table = Table(title="presswatch watch", title_justify="left", expand=False)
    for header in ("source", "every", "last run", "pages", "new", "errors", "failures", "next run"):
        table.add_column(
            header, no_wrap=True, justify="right" if header in ("pages", "new", "errors") else "left"
        )
    table.add_column("last error", overflow="ellipsis", no_wrap=True, max_width=MAX_ERROR_CHARS)
    for state in states:
        run = state.last_run
        failures = f"{state.failures_in_a_row} in a row, {state.failures} in all" if state.failures else "0"
        table.add_row(
            state.name,
            format_duration(state.every),
            _ago(state.last_finished, now),
            str(run.pages) if run else "-",
            str(run.new) if run else "-",
            str(run.errors) if run else "-",
            Text(failures, style="red" if state.failures_in_a_row else ""),
            _next(state, now),
            Text(_short(run.error if run else None), style="red" if run and run.failed else "yellow"),
        )
    return table


class LiveDisplay:
    """The table, redrawn in place on a terminal, and the newest events under it."""

    def __init__(self, *, console: Console | None = None, footer: str = "") -> None:
        self._console = console or Console()
        self._events: deque[str] = deque(maxlen=RECENT_EVENTS)
        self._footer = footer
        self._live = Live(console=self._console, auto_refresh=False, transient=False)
        self._live.start()

    def event(self, text: str, *, at: datetime) -> None:
        self._events.append(f"{at:%H:%M:%S} {text}")

    def show(self, states: Iterable[SourceState], *, now: datetime) -> None:
        parts: list[Table | Text] = [source_table(states, now=now)]
        parts.extend(Text(line) for line in self._events)
        if self._footer:
            parts.append(Text(self._footer, style="dim"))
        self._live.update(Group(*parts), refresh=True)

    def close(self) -> None:
        self._live.stop()


class LogLines:
    """One line per event, with its UTC time; the table is never drawn."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def event(self, text: str, *, at: datetime) -> None:
        self._stream.write(f"{at:%Y-%m-%dT%H:%M:%SZ} {text}\n")
        self._stream.flush()

    def show(self, states: Iterable[SourceState], *, now: datetime) -> None:
        """Plain output shows events only."""

    def close(self) -> None:
        self._stream.flush()


def run_summary(state: SourceState) -> str:
    """The event line for a source whose crawl just ended."""
    run = state.last_run
    assert run is not None
    at = f"{state.next_run:%H:%M:%S}Z"
    if run.failed:
        reason = f": {_short(run.error)}" if run.error else ""
        wait = format_duration(state.wait or state.every)
        return (
            f"{state.name}: failed ({state.failures_in_a_row} in a row, {state.failures} in all){reason};"
            f" backing off {wait}, next run at {at}"
        )
    figures = f"{run.pages} pages, {run.new} new, {run.updated} updated, {run.unchanged} unchanged, {run.errors} errors"
    error = f"; last error: {_short(run.error)}" if run.errors and run.error else ""
    return f"{state.name}: {figures}{error}; next run at {at}"
