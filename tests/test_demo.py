"""Done-when #1: `presswatch demo` serves the newsroom, crawls it, and answers /search?q=Kosovo."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_demo_serves_the_balkan_agreements_first(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path / "data"), "PRESSWATCH_CRAWL_START_DELAY": "0"}
    log = (tmp_path / "demo.log").open("w")
    demo = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "demo", "--port", str(port), "--site-port", "0"],
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
            "the demo did not come up:\n" + (tmp_path / "demo.log").read_text()[-3000:]
        )
        assert health["documents"] == 20

        top = get_json(f"http://127.0.0.1:{port}/search?q=Kosovo")["hits"][0]
        assert top["title"].startswith("UK to sign new agreements with Serbia, North Macedonia and Kosovo")
        assert "<mark>Kosovo</mark>" in top["snippet"]
        figures = [f["normalized"] for f in top["figures"]]
        assert "75,000,000 GBP" in figures and "at least 31,000 person" in figures
        planned = {frozenset(a["parties"]) for a in top["agreements"] if a["status"] == "planned"}
        assert {frozenset({"United Kingdom", c}) for c in ("Serbia", "North Macedonia", "Kosovo")} <= planned
    finally:
        demo.send_signal(signal.SIGINT)
        try:
            demo.wait(timeout=30)
        except subprocess.TimeoutExpired:
            demo.kill()
        log.close()
