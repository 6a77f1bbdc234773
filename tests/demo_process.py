"""`presswatch demo` as a user runs it: a process on free loopback ports, polled until /health answers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[Any], *, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Ask `process` to stop with `sig`, wait `timeout` seconds, then kill it (a no-op if it has exited)."""
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@contextmanager
def running_demo(
    command: Sequence[str | Path],
    *,
    port: int,
    env: dict[str, str],
    log_path: Path,
    cwd: Path | None = None,
    timeout: float = 240,
) -> Iterator[dict[str, Any]]:
    """Start the demo, wait for its API, yield the /health body (asserted ok); stop it with Ctrl-C after."""
    with log_path.open("w") as log:
        demo = subprocess.Popen(
            [*command, "demo", "--port", str(port), "--site-port", str(free_port())],
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            health: dict[str, Any] = {}
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and demo.poll() is None:
                try:
                    health = get_json(f"http://127.0.0.1:{port}/health")
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.5)
            assert health.get("status") == "ok", "the demo did not come up:\n" + log_path.read_text()[-3000:]
            yield health
        finally:
            stop(demo, sig=signal.SIGINT)
