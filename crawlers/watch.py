"""`presswatch watch`: crawl every source on its own schedule until stopped.

Each due run is one `presswatch crawl --source ...` process, for every source due at that moment. Why a
process per run rather than one long-lived Scrapy process:

- Twisted's reactor cannot be restarted in a process, and the crawl and its index worker are built to run
  once and end (`crawlers.run`); a fresh process reuses exactly the crawl users run by hand.
- A run that leaks memory, hangs on a bad site or crashes takes nothing else with it: the watcher sees its
  exit status and counts a failure for the sources of that run, then backs off.
- Changes to sources.toml are picked up by the next run, with no restart.

The cost is starting Python, Scrapy and the NLP worker once per run: seconds, against intervals of minutes.

Runs go one at a time (crawls share the story store, and the index takes one writer best); sources due at
the same moment share a run. A source whose run fails (nothing but errors, or the crawl process died) waits
`every × 2ⁿ` after its n-th failure in a row, at most `PRESSWATCH_WATCH_MAX_BACKOFF`. Every crawl records
its runs in the source health store (`presswatch.source_health`), which the watcher reads for the display
and, at start, to resume each source's schedule where the last watcher left it.

SIGINT or SIGTERM stops it cleanly: no new run starts, and a running crawl gets one SIGINT, so Scrapy stops
fetching, and the articles it has read are still analysed and indexed before it ends; a second signal cuts
the crawl short (the index worker still finishes what it was given). The crawl runs in its own session,
so a terminal's Ctrl-C reaches the watcher alone and is forwarded exactly once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import IO

from crawlers.run import select_sources
from crawlers.schedule import Schedule, SourceState
from crawlers.sources import Source, SourceError
from crawlers.watch_display import Display, LiveDisplay, LogLines, run_summary
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS
from presswatch.durations import format_duration
from presswatch.source_health import CrawlRun, open_health, read_health

TICK = 0.5  # seconds between looks at the clock, the crawl and the stop flag
CRAWL_LOG = "watch-crawl.log"
MAX_CRAWL_LOG_BYTES = 10 * 1024 * 1024
TAIL_LINES = 40


def _now() -> datetime:
    return datetime.now(UTC)


def _exit_reason(code: int, tail: deque[str]) -> str:
    """Why a crawl process recorded nothing: its exit status and the last thing it said."""
    status = f"exited with status {code}"
    if code < 0:
        with contextlib.suppress(ValueError):
            status = f"was killed by {signal.Signals(-code).name}"
    said = next((line for line in reversed(tail) if line.startswith("presswatch:")), None)
    said = said or next((line for line in reversed(tail) if line.strip()), "")
    return f"the crawl process {status}" + (f": {said.strip()}" if said else "")


class Watcher:
    """The loop: reload sources when the file changes, crawl what is due, show progress, stop on a signal."""

    def __init__(
        self,
        settings: Settings,
        *,
        only: list[str] | None,
        display: Display,
        crawl_output: IO[str],
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self._settings = settings
        self._only = only
        self._display = display
        self._crawl_output = crawl_output
        self._clock = clock
        self._schedule = Schedule(max_backoff=settings.watch_max_backoff)
        self._sources_mtime: float | None = None
        self._stop_signals = 0

    def load_sources(self) -> list[Source]:
        """Read sources.toml now (a SourceError or ValueError says what is wrong)."""
        sources = select_sources(self._settings, only=self._only)
        self._sources_mtime = self._mtime()
        intervals = {s.name: s.every or self._settings.watch_every for s in sources}
        try:
            history = read_health(self._settings, intervals)
        except STORE_ERRORS as exc:  # an unreadable store costs the resumed schedule, not the watch
            self._event(f"could not read the source health store, so every source is due now: {exc}")
            history = []
        self._schedule.set_sources(intervals, now=self._clock(), history=history)
        return sources

    def run(self) -> int:
        """Until a signal: returns 0 once stopped cleanly."""
        previous = {s: signal.signal(s, self._stop_requested) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            while not self._stop_signals:
                self._reload_if_changed()
                due = self._schedule.due(self._clock())
                if due:
                    self.crawl(due)
                else:
                    self._show()
                    time.sleep(TICK)
            self._event("stopped")
            self._show()
            return 0
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _stop_requested(self, signum: int, frame: FrameType | None) -> None:
        self._stop_signals += 1

    def _event(self, text: str) -> None:
        self._display.event(text, at=self._clock())

    def _show(self) -> None:
        self._display.show(self._schedule.states.values(), now=self._clock())

    def _mtime(self) -> float | None:
        try:
            return self._settings.sources_file.stat().st_mtime
        except OSError:
            return None

    def _reload_if_changed(self) -> None:
        if self._mtime() == self._sources_mtime:
            return
        try:
            sources = self.load_sources()
        except (SourceError, ValueError) as exc:
            self._sources_mtime = self._mtime()  # say it once per change, not every tick
            self._event(f"{exc}; keeping the sources watched so far")
            return
        self._event(f"reloaded {self._settings.sources_file}: {len(sources)} source(s)")

    def crawl(self, names: list[str]) -> None:
        """One crawl process for `names`; returns once it has ended and each source's next run is planned."""
        launched = self._clock()
        self._schedule.started(names)
        self._event(f"crawling {', '.join(names)}")
        tail: deque[str] = deque(maxlen=TAIL_LINES)
        process = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "crawl", *(f"--source={name}" for name in names)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env={
                **os.environ,
                "PRESSWATCH_DATA_DIR": str(self._settings.data_dir),
                "PRESSWATCH_SOURCES_FILE": str(self._settings.sources_file),
            },
            start_new_session=True,  # a terminal's Ctrl-C goes to the watcher, which forwards it once
        )
        pump = threading.Thread(target=self._pump, args=(process, tail), name="crawl-output", daemon=True)
        pump.start()
        forwarded = 0
        while process.poll() is None:
            if self._stop_signals > forwarded:
                forwarded = self._stop_signals
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGINT)
                self._event(
                    "stopping: the running crawl finishes what it has read (stop again to cut it short)"
                    if forwarded == 1
                    else "cutting the running crawl short; its articles already read are still indexed"
                )
            self._show()
            time.sleep(TICK)
        pump.join(timeout=5)
        self._finished(names, launched=launched, code=process.returncode, tail=tail)

    def _pump(self, process: subprocess.Popen[str], tail: deque[str]) -> None:
        """The crawl's log, to the crawl output; its last lines kept to explain a crawl that died."""
        assert process.stdout is not None
        for line in process.stdout:
            tail.append(line.rstrip("\n"))
            with contextlib.suppress(OSError, ValueError):
                self._crawl_output.write(line)
                self._crawl_output.flush()

    def _finished(self, names: list[str], *, launched: datetime, code: int, tail: deque[str]) -> None:
        recorded = self._recorded_runs(names, since=launched)
        missing = [name for name in names if name not in recorded]
        if missing and self._stop_signals:
            for name in missing:  # stopped by us before it could record: not the source's failure
                self._schedule.abandoned(name)
            missing = []
        if missing:
            now = self._clock()
            reason = _exit_reason(code, tail)
            failures = [
                CrawlRun(
                    source=name,
                    started_at=launched,
                    finished_at=now,
                    errors=1,
                    failed=True,
                    error=reason,
                    error_at=now,
                )
                for name in missing
            ]
            self._record(failures)
            recorded.update((run.source, run) for run in failures)
        for name in names:
            if name not in recorded:
                continue
            state = self._schedule.finished(recorded[name], started=launched)
            if state is not None:
                self._event(run_summary(state))

    def _recorded_runs(self, names: list[str], *, since: datetime) -> dict[str, CrawlRun]:
        """The run each source's crawl recorded after `since` (none for a crawl that died first)."""
        found: dict[str, CrawlRun] = {}
        try:
            with open_health(self._settings) as store:
                for name in names:
                    newest = store.runs(name, limit=1)
                    if newest and newest[0].started_at >= since:
                        found[name] = newest[0]
        except STORE_ERRORS as exc:
            self._event(f"could not read the source health store: {exc}")
        return found

    def _record(self, runs: list[CrawlRun]) -> None:
        try:
            with open_health(self._settings) as store:
                store.record(runs)
        except (*STORE_ERRORS, OSError) as exc:
            self._event(f"could not record failed runs in the source health store: {exc}")

    @property
    def states(self) -> list[SourceState]:
        return list(self._schedule.states.values())


def _crawl_log(data_dir: Path) -> IO[str]:
    """The file crawl output goes to while the terminal shows the table; one old copy is kept."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CRAWL_LOG
    with contextlib.suppress(OSError):
        if path.stat().st_size > MAX_CRAWL_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
    return path.open("a", encoding="utf-8")


def watch(settings: Settings, *, only: list[str] | None = None, plain: bool = False) -> int:
    """Run the watcher on this terminal (a live table) or as plain log lines; 2 if it cannot start."""
    from rich.console import Console

    console = Console()
    live = not plain and console.is_terminal and not console.is_dumb_terminal
    try:
        crawl_output = _crawl_log(settings.data_dir) if live else sys.stderr
    except OSError as exc:
        print(f"presswatch: cannot write the crawl log in {settings.data_dir}: {exc}", file=sys.stderr)
        return 2
    where = f"crawl log: {settings.data_dir / CRAWL_LOG}" if live else "crawl output on stderr"
    display: Display = (
        LiveDisplay(console=console, footer=f"{where} · Ctrl-C stops after the running crawl")
        if live
        else LogLines(sys.stdout)
    )
    watcher = Watcher(settings, only=only, display=display, crawl_output=crawl_output)
    try:
        try:
            sources = watcher.load_sources()
        except (SourceError, ValueError) as exc:
            print(f"presswatch: {exc}", file=sys.stderr)
            return 2
        every = {s.name: s.every or settings.watch_every for s in sources}
        summary = ", ".join(f"{name} every {format_duration(interval)}" for name, interval in every.items())
        display.event(f"watching {summary} ({where})", at=_now())
        return watcher.run()
    finally:
        display.close()
        if crawl_output is not sys.stderr:
            crawl_output.close()
