"""schemathesis with every check against a running `presswatch demo`: the API does what its schema says."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from tests.test_demo import free_port, get_json

EXAMPLES_PER_OPERATION = 40  # bounded, so CI spends about a minute here


@pytest.mark.slow
def test_schemathesis_finds_nothing_against_the_demo(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_CRAWL_START_DELAY": "0",
        "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",
    }
    log = (tmp_path / "demo.log").open("w")
    demo = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "demo", "--port", str(port), "--site-port", str(free_port())],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        health: dict[str, Any] = {}
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and demo.poll() is None:
            try:
                health = get_json(f"http://127.0.0.1:{port}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert health.get("status") == "ok", (
            "the demo did not come up:\n" + (tmp_path / "demo.log").read_text()
        )
        run = subprocess.run(
            [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(Path(__file__).with_name("schemathesis.toml")),
                "run",
                f"http://127.0.0.1:{port}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                str(EXAMPLES_PER_OPERATION),
                "--seed",
                "20260612",
                "--workers",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            cwd=tmp_path,
        )
        assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    finally:
        demo.send_signal(signal.SIGINT)
        try:
            demo.wait(timeout=30)
        except subprocess.TimeoutExpired:
            demo.kill()
        log.close()
