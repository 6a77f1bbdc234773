"""Helpers shared by the benchmarks: where the public evaluation data is, timing, and printing."""

from __future__ import annotations

import functools
import os
import resource
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

EVAL_DIR_VARIABLE = "PRESSWATCH_EVAL_DIR"


@functools.cache
def eval_dir() -> Path:
    """The public evaluation data: `PRESSWATCH_EVAL_DIR` when set, else `../shared/eval` beside the checkout.

    The one place that says where it is (benchmarks and tests read `EVAL`): a checkout elsewhere (a worktree,
    a CI runner with the data in another folder) points the variable at it instead of finding nothing.

    A relative `PRESSWATCH_EVAL_DIR` is resolved once, against the directory the user ran the command from
    (this process's working directory when first asked), and the variable is set to that absolute path, so
    the processes this one starts elsewhere (pytest and benchmark subprocesses run from the checkout) read
    the same folder rather than resolving it again against their own directory."""
    configured = os.environ.get(EVAL_DIR_VARIABLE, "").strip()
    if configured:
        resolved = Path(configured).expanduser().resolve()
        os.environ[EVAL_DIR_VARIABLE] = str(resolved)
        return resolved
    return Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


EVAL = eval_dir()
T = TypeVar("T")
_TICKS = os.sysconf("SC_CLK_TCK")


def timed(run: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(title: str, rows: list[tuple[str, str, str]], ratio: tuple[str, float]) -> None:
    """Prints a small table (measure, presswatch, baseline) and the headline ratio to the baseline."""
    print(f"\n## {title}")
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'presswatch':>14}  {'baseline':>14}")
    for name, ours, base in rows:
        print(f"{name:{width}}  {ours:>14}  {base:>14}")
    print(f"ratio, {ratio[0]}: {ratio[1]:.3f}")


def tree_pids(root: int) -> list[int]:
    """`root` and its living descendants."""
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
        found.append(pid)
    return found


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system, waited-for children included) of `root` and its living descendants."""
    total = 0.0
    for pid in tree_pids(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / _TICKS
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    return total


def process_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of `pid` itself, all its threads, none of its children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:13]) / _TICKS


def process_role(pid: int, root: int) -> str | None:
    """What a process of a run's tree is: the command itself, a multiprocessing worker, or its helper (None
    once it has exited and not yet been waited for: its command line is gone, its CPU figures are not)."""
    if pid == root:
        return "main"
    command = Path(f"/proc/{pid}/cmdline").read_bytes()
    return None if not command else "worker" if b"spawn_main" in command else "helper"


def record_wanted(pids: list[int], wanted: dict[tuple[int, int], float]) -> None:
    """Updates, per thread of `pids`, the seconds it has wanted a core: on one, or runnable and waiting for
    one (/proc/<pid>/task/<tid>/schedstat). Unlike CPU seconds this does not shrink when the machine is
    shared: a thread that would keep a core busy on a quiet machine wants one all the time on a busy one.
    It overstates what a quiet machine would keep busy (on a busy one every wake-up waits in the run queue),
    but a run whose threads never want fewer cores than the machine has was never left waiting for work."""
    for pid in pids:
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                on_cpu, waiting, _ = (task / "schedstat").read_text().split()
                wanted[(pid, int(task.name))] = (int(on_cpu) + int(waiting)) / 1e9
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue


def busy_slices(samples: list[tuple[float, float]], seconds: float, *, slices: int = 10) -> list[float]:
    """Cores kept busy in each of `slices` equal parts of the first `seconds` of a run, from (seconds since
    start, CPU seconds so far) samples."""
    busy = []
    for k in range(slices):
        lo, hi = seconds * k / slices, seconds * (k + 1) / slices
        inside = [s for s in samples if lo <= s[0] <= hi]
        if len(inside) >= 2:
            busy.append((inside[-1][1] - inside[0][1]) / max(inside[-1][0] - inside[0][0], 1e-9))
        else:
            busy.append(float("nan"))
    return busy


def last_indexed(data_dir: Path) -> float:
    """When a run indexed its last document (epoch seconds, to the second), from the SQLite index it wrote."""
    with sqlite3.connect(data_dir / "index.sqlite3") as conn:
        [latest] = conn.execute("SELECT MAX(indexed_at) FROM documents").fetchone()
    return datetime.fromisoformat(latest).replace(tzinfo=UTC).timestamp()


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_until(samples: list[tuple[float, float]], seconds: float) -> float:
    """CPU seconds the run had used `seconds` after its start (the last sample at or before it)."""
    return max((cpu for at, cpu in samples if at <= seconds), default=0.0)


@dataclass(frozen=True)
class Watched:
    """A finished run: its output, wall time, when it started (epoch seconds), and its process tree's CPU
    sampled twice a second as (seconds since start, CPU seconds so far), and the same for the seconds its
    threads wanted a core."""

    result: subprocess.CompletedProcess[str]
    seconds: float
    started: float
    samples: list[tuple[float, float]]
    wanted_samples: list[tuple[float, float]]  # (seconds since start, thread-seconds wanting a core so far)
    processes: dict[int, tuple[str, float]]  # pid -> (role, its own CPU seconds when last sampled)
    line_times: list[float]  # seconds since start at which each line of its output arrived

    def cpu_of(self, role: str) -> list[float]:
        """The CPU seconds of each process in `role` ("main", "worker", "helper"), as last sampled."""
        return [cpu for r, cpu in self.processes.values() if r == role]

    @property
    def cpu(self) -> float:
        return self.samples[-1][1] if self.samples else 0.0

    def busy(self, *, until: float | None = None, slices: int = 10) -> list[float]:
        """Cores busy in each tenth of the run (or of its first `until` seconds)."""
        return busy_slices(self.samples, self.seconds if until is None else until, slices=slices)

    def wanted(self, *, until: float | None = None, slices: int = 10) -> list[float]:
        """Cores the run's threads wanted (running or runnable) in each tenth (see `record_wanted`)."""
        return busy_slices(self.wanted_samples, self.seconds if until is None else until, slices=slices)


def run_watched(command: list[str], *, env: dict[str, str], stdin: str | None = None) -> Watched:
    """Runs `command` to its end, sampling its process tree's CPU twice a second (and each process's own,
    so a pool's writer and workers can be told apart), and noting when each line of its output arrives.
    The tree's CPU is its own, whatever else the machine runs; pool workers count too (their CPU passes to
    their parent when they end)."""
    before = _children_cpu_seconds()
    started = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    samples: list[tuple[float, float]] = []
    wanted_samples: list[tuple[float, float]] = []
    wanted: dict[tuple[int, int], float] = {}
    processes: dict[int, tuple[str, float]] = {}
    cpu = 0.0
    lines: list[str] = []
    line_times: list[float] = []
    errors: list[str] = []

    def read_output() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            line_times.append(time.perf_counter() - start)
            lines.append(line)

    def read_errors() -> None:
        assert process.stderr is not None
        errors.append(process.stderr.read())

    def write_input() -> None:
        assert process.stdin is not None
        with process.stdin:
            process.stdin.write(stdin or "")

    readers = [
        threading.Thread(target=read_output, daemon=True),
        threading.Thread(target=read_errors, daemon=True),
    ]
    readers += [threading.Thread(target=write_input, daemon=True)] if stdin is not None else []
    for reader in readers:
        reader.start()
    while process.poll() is None:
        pids = tree_pids(process.pid)
        cpu = max(cpu, tree_cpu_seconds(process.pid))  # a descendant's CPU leaves with it
        record_wanted(pids, wanted)  # a thread that ends keeps its last figure
        for pid in pids:
            try:
                known = processes[pid][0] if pid in processes else None
                role = known or process_role(pid, process.pid) or "helper"
                processes[pid] = (role, process_cpu_seconds(pid))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
        now = time.perf_counter() - start
        samples.append((now, cpu))
        wanted_samples.append((now, sum(wanted.values())))
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    for reader in readers:
        reader.join()
    # all of the tree's CPU, its last half second included: it is this process's children's once waited for
    samples.append((seconds, max(cpu, _children_cpu_seconds() - before)))
    return Watched(
        result=subprocess.CompletedProcess(command, process.returncode, "".join(lines), "".join(errors)),
        seconds=seconds,
        started=started,
        samples=samples,
        wanted_samples=wanted_samples,
        processes=processes,
        line_times=line_times,
    )
