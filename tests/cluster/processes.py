"""Cluster processes for the tests: each `presswatch` command in its own process group with its log in a
file, so a test can read what it did, SIGKILL it, and stop whatever it started."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.demo_process import stop


class ClusterProcess:
    """One `presswatch ...` process; its output (stdout and stderr) goes to `log`."""

    def __init__(self, name: str, args: list[str], *, env: Mapping[str, str], logs: Path) -> None:
        self.name = name
        self.log = logs / f"{name}.log"
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "presswatch", *args],
                env=dict(env),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL the process and its children (a crawl's child, a prefork pool), as an outage would."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        stop(self.process, timeout=30)
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # anything it left behind


@contextmanager
def cluster_processes(env: Mapping[str, str], logs: Path) -> Iterator[Callable[..., ClusterProcess]]:
    """`start(name, *args)` starts `presswatch *args`; every process started is stopped at the end."""
    started: list[ClusterProcess] = []

    def start(name: str, *args: str) -> ClusterProcess:
        process = ClusterProcess(name, list(args), env=env, logs=logs)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in reversed(started):
            process.stop()


def wait_for(condition: Callable[[], object], *, seconds: float, what: str, poll: float = 0.2) -> object:
    """Poll `condition` until it gives something truthy (returned); fail after `seconds` (a bound on a hang,
    not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds:g} s")
        time.sleep(poll)


def started_batches(log: str) -> list[tuple[str, bool]]:
    """(task id, redelivered) of every index batch a worker's log says it started."""
    return [
        (m.group(1), m.group(2) == "True")
        for m in re.finditer(r"index batch (\S+): starting \(\d+ messages, redelivered=(\w+)", log)
    ]


def done_batches(log: str) -> list[str]:
    return re.findall(r"index batch (\S+): done", log)


def run_cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`presswatch *args` to its end, with no PRESSWATCH_ variable but the data dir and `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRESSWATCH_")}
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        env={**clean, "PRESSWATCH_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
