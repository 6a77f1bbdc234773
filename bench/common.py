"""Helpers shared by the benchmarks: where the public evaluation data is, timing, and printing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
T = TypeVar("T")


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
