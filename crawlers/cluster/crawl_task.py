"""The body of the `crawl` task: one source's crawl, in a fresh `presswatch crawl --source` process.

Twisted's reactor cannot restart, so a worker process cannot crawl twice; a child process per crawl also
keeps one source's politeness (its delays, its concurrency) in one place. The child inherits the worker's
environment, so it publishes its articles to the index queue (`crawlers.cluster.publisher`), and it dies
with the worker (a killed worker's crawl is redelivered, not left running beside its redelivery).
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1
CRAWL_TIMEOUT = 6 * 3600.0
"""Seconds one source's crawl may take before it is stopped (its articles so far are kept)."""


def _die_with_worker() -> None:
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def crawl_source(source: str, *, timeout: float = CRAWL_TIMEOUT) -> int:
    """Crawl one source; the exit status of `presswatch crawl` (0 done, 1 no articles and errors, 2 it
    could not start: no such source, no index), or -N when a signal N killed it."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "presswatch", "crawl", "--source", source],
            preexec_fn=_die_with_worker,
            timeout=timeout,
            check=False,
        ).returncode
    except subprocess.TimeoutExpired:
        return -int(signal.SIGKILL)
