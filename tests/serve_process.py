"""`presswatch serve` as users run it: its own process on a free loopback port, polled until /health answers."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from presswatch.config import Settings
from tests.conftest import crawl_env
from tests.demo_process import free_port


@contextmanager
def serving(settings: Settings, **env: str) -> Iterator[httpx.Client]:
    """A client of a `presswatch serve` on `settings` plus `env` (PRESSWATCH_* variables); stopped after."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "serve", "--port", str(port)],
        env=crawl_env(settings, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    try:
        for _ in range(600):
            try:
                client.get("/health")
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise AssertionError(f"presswatch serve exited: {server.stderr.read()}") from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield client
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
