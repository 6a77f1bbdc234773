"""Done-when #1: `presswatch demo` serves the newsroom, crawls it, and answers /search?q=Kosovo."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.demo_process import free_port, get_json, running_demo


def test_demo_serves_the_balkan_agreements_first(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path / "data"), "PRESSWATCH_CRAWL_START_DELAY": "0"}
    command = [sys.executable, "-m", "presswatch"]
    with running_demo(command, port=port, env=env, log_path=tmp_path / "demo.log") as health:
        assert health["documents"] == 20

        top = get_json(f"http://127.0.0.1:{port}/search?q=Kosovo")["hits"][0]
        assert top["title"].startswith("UK to sign new agreements with Serbia, North Macedonia and Kosovo")
        assert "<mark>Kosovo</mark>" in top["snippet"]
        figures = [f["normalized"] for f in top["figures"]]
        assert "75,000,000 GBP" in figures and "at least 31,000 person" in figures
        planned = {frozenset(a["parties"]) for a in top["agreements"] if a["status"] == "planned"}
        assert {frozenset({"United Kingdom", c}) for c in ("Serbia", "North Macedonia", "Kosovo")} <= planned
