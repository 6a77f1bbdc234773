"""`presswatch watch` for real: fixture sources on loopback that publish while it runs, on different
schedules; its live table read from a real terminal (a pty, rendered by the pyte terminal emulator); plain
log lines, backoff of a dead source and a clean stop in the middle of a crawl when not on a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyte
import pytest

from presswatch.config import Settings
from presswatch.demo.site import Article
from presswatch.source_health import SourceHealthStore
from tests.conftest import crawl_env
from tests.crawlers.watched_site import WatchedSite, indexed_by_source

ROWS, COLUMNS = 40, 200
BATCH = 40  # articles published at once for the crawl that gets stopped
DEADLINE = 240  # seconds any one wait may take on a loaded machine before the test gives up


def _wait_for(condition: Callable[[], bool], *, what: str, log: Callable[[], str]) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}; the watcher said:\n{log()[-4000:]}")
        time.sleep(0.2)


class Terminal:
    """A command on its own pseudo-terminal (its controlling tty), the screen rendered as a user sees it."""

    def __init__(self, argv: list[str], *, env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self._stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self.pid, self._fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal before the program looks at it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(argv[0], argv, env)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.status: int | None = None

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._fd, 65536)
            except OSError:  # EIO: the program ended
                return
            if not data:
                return
            with self._lock:
                self._stream.feed(data)

    def text(self) -> str:
        with self._lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def row(self, first_cell: str) -> list[str] | None:
        """The cells of the table row that starts with `first_cell`."""
        for line in self.text().splitlines():
            cells = [c.strip() for c in line.split("│")[1:-1]]
            if cells and cells[0] == first_cell:
                return cells
        return None

    def press_ctrl_c(self) -> None:
        os.write(self._fd, b"\x03")  # the line discipline turns it into SIGINT for the foreground group

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                self._reader.join(timeout=5)
                return self.status
            time.sleep(0.1)
        raise TimeoutError(f"still running after {timeout}s:\n{self.text()}")

    def kill(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self._fd)


def _sources_toml(entries: dict[str, tuple[str, str]]) -> str:
    return "".join(
        f'[[source]]\nname = "{name}"\nurl = "{url}"\nevery = "{every}"\n\n'
        for name, (url, every) in entries.items()
    )


@pytest.fixture
def site(tmp_path: Path) -> Iterator[WatchedSite]:
    with WatchedSite(tmp_path) as server:
        yield server


@pytest.mark.slow
def test_watch_crawls_each_source_on_its_schedule_and_shows_them_live(
    settings: Settings, site: WatchedSite
) -> None:
    fast_url, slow_url = site.add_source("fast"), site.add_source("slow")
    settings.sources_file.write_text(_sources_toml({"fast": (fast_url, "1s"), "slow": (slow_url, "1h")}))
    site.publish("fast")
    site.publish("slow")
    env = crawl_env(settings, TERM="xterm-256color")
    for name in ("COLUMNS", "LINES", "NO_COLOR", "CI"):  # let rich size and draw for the pty alone
        env.pop(name, None)
    terminal = Terminal([sys.executable, "-m", "presswatch", "watch"], env=env)
    crawl_log = settings.data_dir / "watch-crawl.log"

    def said() -> str:
        log = crawl_log.read_text(errors="replace")[-3000:] if crawl_log.exists() else ""
        return f"{terminal.text()}\n--- crawl log ---\n{log}"

    def indexed(source: str) -> list[str]:
        return indexed_by_source(settings.sqlite_path).get(source, [])

    try:
        _wait_for(lambda: len(indexed("fast")) == len(indexed("slow")) == 1, what="the first crawl", log=said)
        second_fast, second_slow = site.publish("fast"), site.publish("slow")
        _wait_for(lambda: len(indexed("fast")) == 2, what="the fast source's next crawl", log=said)
        assert len(indexed("slow")) == 1, "the slow source is not due for an hour"
        assert site.feed_requests()["/slow.atom"] == 1
        _wait_for(lambda: (terminal.row("fast") or [""] * 5)[4] == "1", what="the table to show it", log=said)
        waiting_row = terminal.row("slow")

        # An edited sources.toml is read again while watching: the slow source is now due every 2 s.
        settings.sources_file.write_text(_sources_toml({"fast": (fast_url, "1s"), "slow": (slow_url, "2s")}))
        _wait_for(lambda: len(indexed("slow")) == 2, what="the slow source's next crawl", log=said)
        _wait_for(lambda: (terminal.row("slow") or [""] * 5)[4] == "1", what="the table to show it", log=said)
        fast_row, slow_row = terminal.row("fast"), terminal.row("slow")
        screen = terminal.text()
        terminal.press_ctrl_c()
        assert terminal.wait(timeout=DEADLINE) == 0, terminal.text()
    finally:
        terminal.kill()

    everything = indexed_by_source(settings.sqlite_path)
    assert f"{site.base_url}{second_fast.path}" in everything["fast"]
    assert f"{site.base_url}{second_slow.path}" in everything["slow"]
    assert all(
        url.startswith(f"{site.base_url}/{name}/") for name, urls in everything.items() for url in urls
    )
    assert site.feed_requests()["/fast.atom"] > site.feed_requests()["/slow.atom"] == 2

    header = next(line for line in screen.splitlines() if "next run" in line)
    for column in ("source", "every", "last run", "pages", "new", "errors", "failures", "next run"):
        assert column in header, screen
    assert waiting_row is not None and waiting_row[1] == "1h", screen
    waiting = re.fullmatch(r"in (\d+)m(\d+s)?", waiting_row[7])  # due an hour after its first crawl
    assert waiting is not None and int(waiting[1]) >= 30, screen
    assert fast_row is not None and slow_row is not None, screen
    assert fast_row[1] == "1s" and slow_row[1] == "2s", screen
    assert slow_row[4] == "1" and slow_row[5] == "0" and slow_row[6] == "0", screen  # new, errors, failures
    assert int(slow_row[3]) >= 1 and slow_row[2].endswith(" ago"), screen  # pages read, last run
    assert "reloaded" in screen and "stopped" in terminal.text()
    assert "Traceback" not in crawl_log.read_text()


@pytest.mark.slow
def test_watch_backs_off_a_dead_source_and_stops_cleanly_mid_crawl(
    settings: Settings, tmp_path: Path
) -> None:
    with WatchedSite(tmp_path, article_delay=2.0) as site:
        settings.sources_file.write_text(
            _sources_toml(
                {"dead": ("http://127.0.0.1:9/feed.atom", "1s"), "news": (site.add_source("news"), "1s")}
            )
        )
        site.publish("news")
        stderr = (tmp_path / "watch.stderr").open("w")
        watch = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "watch"],
            # well above the article delay: a page that takes 2 s must not time out on a loaded machine
            env=crawl_env(settings, PRESSWATCH_DOWNLOAD_TIMEOUT="30"),
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(watch.stdout or ()), daemon=True)
        reader.start()

        def said() -> str:
            return "".join(lines) + "\n--- stderr ---\n" + (tmp_path / "watch.stderr").read_text()[-3000:]

        def fetched(articles: list[Article]) -> int:
            return sum(1 for a in articles if a.path in site.requests)

        try:
            _wait_for(lambda: "dead: failed (2 in a row" in "".join(lines), what="a second failure", log=said)
            # A long crawl: 2 s a page, 4 at a time. More pages than Scrapy's downloader takes in at once (16):
            # a stopped crawl finishes the requests it has started, and drops the ones still scheduled.
            batch = [site.publish("news") for _ in range(BATCH)]
            _wait_for(lambda: fetched(batch) >= 6, what="the long crawl to be under way", log=said)
            watch.send_signal(signal.SIGTERM)
            assert watch.wait(timeout=DEADLINE) == 0, said()
        finally:
            if watch.poll() is None:
                watch.kill()
            reader.join(timeout=10)
            stderr.close()

    log = "".join(lines)
    assert "watching dead every 1s, news every 1s" in log
    # robots.txt is asked first, and a site whose robots.txt cannot be reached is left alone (RFC 9309); the
    # line shows the reason's first 80 characters
    assert (
        "dead: failed (1 in a row, 1 in all): not following http://127.0.0.1:9/feed.atom:"
        " http://127.0.0.1:9/robots.txt"
    ) in log
    assert "backing off 2s, next run at" in log and "backing off 4s, next run at" in log
    assert "stopping: the running crawl finishes what it has read" in log
    assert log.index("stopping:") < log.rindex("news: ") < log.index("stopped")
    assert all(line[:4].isdigit() for line in lines), "plain lines, each with its time"
    assert "Spider closed (shutdown)" in said(), "the crawl was stopped while it was fetching"

    with SourceHealthStore.in_data_dir(settings.data_dir) as store:
        news_runs = store.runs("news")
        [dead] = store.health(["dead"])
    indexed = indexed_by_source(settings.sqlite_path).get("news", [])
    assert indexed, f"nothing from news was indexed; the watcher said:\n{said()[-4000:]}"
    assert len(indexed) == len(set(indexed))
    # nothing lost: every article page each run read (the stopped one too) is in the index, new or unchanged
    assert sum(run.new for run in news_runs) == len(indexed)
    assert all(run.pages == run.new + run.unchanged for run in news_runs), news_runs
    assert news_runs[0].new >= 1 and len(indexed) < BATCH + 1, (
        "the stopped crawl indexed what it had read, no more"
    )
    assert dead.failures_in_a_row >= 2 and dead.last_error is not None
    assert (
        "http://127.0.0.1:9/robots.txt could not be read (DownloadConnectionRefusedError" in dead.last_error
    )
