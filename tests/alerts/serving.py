"""`presswatch serve` as users run it (its own process, an API key, alert delivery in its background thread),
and bounded waits for what its delivery worker does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alerts.store_sqlite import SQLiteAlertStore
from tests.conftest import SHARED_EVAL
from tests.serve_process import Server, serve_process

API_KEY = "writer"
KEYED = {"X-API-Key": API_KEY}
SHARED_SEED = SHARED_EVAL / "seed" / "article.txt"


@contextmanager
def serving(data_dir: Path, **extra_env: str) -> Iterator[Server]:
    """A `presswatch serve` process on a free loopback port with API key "writer", and a client with the key."""
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_API_KEYS": f'["{API_KEY}"]',
        "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0",
        "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",  # the receivers are on loopback
        "PRESSWATCH_ALERTS_POLL_INTERVAL": "0.05",
        "PRESSWATCH_ALERTS_RETRY_BASE": "0.05",
        "PRESSWATCH_ALERTS_RETRY_MAX": "0.2",
        **extra_env,
    }
    with serve_process(env, log_path=data_dir.parent / "serve.log", headers=KEYED, timeout=120) as server:
        yield server


def wait_until(condition: Callable[[], bool], *, seconds: float = 60, what: str = "the condition") -> None:
    """Poll `condition` until it holds; fail after `seconds` (a bound on a hang, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds:g} s")
        time.sleep(0.05)


def outbox_settled(data_dir: Path) -> Callable[[], bool]:
    """True once the alerts store has deliveries and none of them is pending any more."""

    def settled() -> bool:
        with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
            rows = store.deliveries()
        return bool(rows) and all(row.state != "pending" for row in rows)

    return settled


def deliver_once(data_dir: Path, *, as_of: float, **extra_env: str) -> int:
    """Run `presswatch alerts deliver --once --as-of TIME` over `data_dir` in its own process (the digests
    whose period ended by `as_of`, a POSIX time, are sent), receivers on loopback allowed. Returns the
    deliveries it says it attempted."""
    from datetime import UTC, datetime

    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
        "PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT": "5",
        **extra_env,
    }
    moment = datetime.fromtimestamp(as_of, tz=UTC).isoformat()
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "alerts", "deliver", "--once", "--as-of", moment],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[:1] == ["attempted"], done.stdout
    return int(words[1])
