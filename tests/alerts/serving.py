"""`presswatch serve` as users run it (its own process, an API key, alert delivery in its background thread),
and bounded waits for what its delivery worker does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from alerts.store import AlertStore
from tests.demo_process import free_port

API_KEY = "writer"
KEYED = {"X-API-Key": API_KEY}
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed" / "article.txt"


@dataclass(frozen=True)
class Server:
    api: httpx.Client  # sends the API key
    process: subprocess.Popen[bytes]


@contextmanager
def serving(data_dir: Path, **extra_env: str) -> Iterator[Server]:
    """A `presswatch serve` process on a free loopback port with API key "writer", and a client with the key."""
    port = free_port()
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
    log = (data_dir.parent / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=KEYED, timeout=120)
    try:
        for _ in range(600):
            try:
                client.get("/health")
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    log.flush()
                    raise AssertionError(
                        "presswatch serve exited: " + (data_dir.parent / "serve.log").read_text()[-3000:]
                    ) from None
                time.sleep(0.1)
        yield Server(api=client, process=server)
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


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
        with AlertStore(path=data_dir / "alerts.sqlite3") as store:
            rows = store.deliveries()
        return bool(rows) and all(row.state != "pending" for row in rows)

    return settled
