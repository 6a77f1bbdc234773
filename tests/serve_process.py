"""`presswatch serve` as users run it: its own process on a free loopback port, polled until /health answers."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from presswatch.config import Settings
from tests.conftest import crawl_env
from tests.demo_process import free_port, stop


@dataclass(frozen=True)
class Server:
    api: httpx.Client
    process: subprocess.Popen[bytes]


@contextmanager
def serve_process(
    env: Mapping[str, str], *, log_path: Path, headers: Mapping[str, str] | None = None, timeout: float = 30
) -> Iterator[Server]:
    """A `presswatch serve` run with `env` (its output in `log_path`) and a client of it; stopped after."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "serve", "--port", str(port)],
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=timeout)
        try:
            for _ in range(600):
                try:
                    client.get("/health")
                    break
                except httpx.TransportError:
                    if server.poll() is not None:
                        log.flush()
                        raise AssertionError(
                            "presswatch serve exited: " + log_path.read_text()[-3000:]
                        ) from None
                    time.sleep(0.1)
            yield Server(api=client, process=server)
        finally:
            client.close()
            stop(server)


@contextmanager
def serving(settings: Settings, **env: str) -> Iterator[httpx.Client]:
    """A client of a `presswatch serve` on `settings` plus `env` (PRESSWATCH_* variables)."""
    with serve_process(crawl_env(settings, **env), log_path=settings.data_dir.parent / "serve.log") as server:
        yield server.api
