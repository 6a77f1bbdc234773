"""Helpers shared by the benchmarks: where the public evaluation data is, timing, and printing."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
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


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system, waited-for children included) of `root` and its living descendants."""
    total, pending = 0.0, [root]
    while pending:
        pid = pending.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / _TICKS
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    return total


def busy_slices(samples: list[tuple[float, float]], seconds: float, *, slices: int = 10) -> list[float]:
    """Cores kept busy in each tenth of a run, from (seconds since start, CPU seconds so far) samples."""
    busy = []
    for k in range(slices):
        lo, hi = seconds * k / slices, seconds * (k + 1) / slices
        inside = [s for s in samples if lo <= s[0] <= hi]
        if len(inside) >= 2:
            busy.append((inside[-1][1] - inside[0][1]) / max(inside[-1][0] - inside[0][0], 1e-9))
        else:
            busy.append(float("nan"))
    return busy


def run_watched(
    command: list[str], *, env: dict[str, str], stdin: str | None = None
) -> tuple[subprocess.CompletedProcess[str], float, list[float]]:
    """Runs `command` to its end, sampling its process tree's CPU twice a second: (result, wall seconds,
    cores busy in each tenth of the run). The tree's CPU is its own, whatever else the machine runs."""
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
    cpu = 0.0
    outputs: list[tuple[str, str]] = []
    reader = threading.Thread(target=lambda: outputs.append(process.communicate(stdin)), daemon=True)
    reader.start()
    while process.poll() is None:
        cpu = max(cpu, tree_cpu_seconds(process.pid))  # a descendant's CPU leaves with it
        samples.append((time.perf_counter() - start, cpu))
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    reader.join()
    stdout, stderr = outputs[0]
    return (
        subprocess.CompletedProcess(command, process.returncode, stdout, stderr),
        seconds,
        busy_slices(samples, seconds),
    )
