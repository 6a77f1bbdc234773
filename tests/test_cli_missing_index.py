"""`presswatch search` reads the index: pointed at a data directory with none, it says so (exit 2) instead of
creating an empty one and answering "0 result(s)" (a mistyped PRESSWATCH_DATA_DIR looked like an empty
newsroom). A bad query is still reported first. Commands that write (reindex here; crawl, ingest) create it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _presswatch(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_search_without_an_index_says_so_and_creates_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "mistyped"
    for args in (("search", "Kosovo"), ("search", "--party", "Serbia", "--json")):
        done = _presswatch(data_dir, *args)
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stdout == "" and done.stderr.count("\n") == 1, done.stderr
        assert f"no index at {data_dir / 'index.sqlite3'}" in done.stderr
        assert "PRESSWATCH_DATA_DIR" in done.stderr
    assert not data_dir.exists()
    bad = _presswatch(data_dir, "search", '"unclosed')
    assert bad.returncode == 2 and "unbalanced quotation mark" in bad.stderr


def test_a_command_that_writes_creates_the_index(tmp_path: Path) -> None:
    data_dir = tmp_path / "new"
    assert _presswatch(data_dir, "reindex").returncode == 0
    assert (data_dir / "index.sqlite3").is_file()
    found = _presswatch(data_dir, "search", "Kosovo")
    assert found.returncode == 0 and found.stdout.startswith("0 result(s)"), found.stderr
