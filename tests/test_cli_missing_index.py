"""`presswatch search` reads the index: pointed at a data directory with none, it says so (exit 2) instead of
creating an empty one and answering "0 result(s)" (a mistyped PRESSWATCH_DATA_DIR looked like an empty
newsroom). A bad query is still reported first. So do the other commands that read or change what is stored
(reindex, alerts list/fired/dead/pause/resume/rm/test/retry): they created an empty index and alerts store
and answered as if nothing had been saved. Commands that add (alerts add here; crawl, ingest) create them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.sqlite import SQLiteBackend


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


def test_without_an_index_it_says_where_the_demo_s_is(tmp_path: Path) -> None:
    """After `make demo` (the README's first command), `presswatch search` looks in the data directory, not in
    the `demo` folder the demo indexed into: it said "nothing has been crawled" and no more."""
    demo = tmp_path / "demo"
    SQLiteBackend(path=demo / "index.sqlite3").close()
    for args in (("search", "Kosovo"), ("reindex",)):
        done = _presswatch(tmp_path, *args)
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert (
            f"`presswatch demo` indexed into {demo}: set PRESSWATCH_DATA_DIR={demo} to use that one"
            in done.stderr
        )
    assert not (tmp_path / "index.sqlite3").exists()


STORED = [
    (("reindex",), "no index at {data}/index.sqlite3"),
    (("alerts", "list"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "fired", "0123456789abcdef"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "dead"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "pause", "0123456789abcdef"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "rm", "0123456789abcdef"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "test", "0123456789abcdef"), "no alerts store at {data}/alerts.sqlite3"),
    (("alerts", "retry", "1"), "no alerts store at {data}/alerts.sqlite3"),
]


@pytest.mark.parametrize(("args", "missing"), STORED, ids=[" ".join(args[:2]) for args, _ in STORED])
def test_a_command_on_what_is_stored_says_it_is_missing_and_creates_nothing(
    tmp_path: Path, args: tuple[str, ...], missing: str
) -> None:
    data_dir = tmp_path / "mistyped"
    done = _presswatch(data_dir, *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1, done.stderr
    assert missing.format(data=data_dir) in done.stderr and "PRESSWATCH_DATA_DIR" in done.stderr
    assert not data_dir.exists()


def test_a_command_that_adds_creates_the_index_and_the_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "new"
    added = _presswatch(data_dir, "alerts", "add", "--text", "Kosovo")
    assert added.returncode == 0, added.stderr
    assert (data_dir / "index.sqlite3").is_file() and (data_dir / "alerts.sqlite3").is_file()
    found = _presswatch(data_dir, "search", "Kosovo")
    assert found.returncode == 0 and found.stdout.startswith("0 result(s)"), found.stderr
    listed = _presswatch(data_dir, "alerts", "list")
    assert listed.returncode == 0 and "Kosovo" in listed.stdout, listed.stderr
    assert _presswatch(data_dir, "reindex").returncode == 0


def test_the_saved_searches_stay_in_reach_when_the_index_is_missing(tmp_path: Path) -> None:
    """Listing, pausing or removing a saved search reads the alerts store, never the documents: an index
    deleted to crawl again (or kept elsewhere while the alerts are in PostgreSQL) must not lock them away. They
    were refused with "no index ... nothing has been crawled", the saved searches there all along."""
    data_dir = tmp_path / "data"
    added = _presswatch(data_dir, "alerts", "add", "--text", "Kosovo")
    assert added.returncode == 0, added.stderr
    search_id = json.loads(added.stdout)["id"]
    (data_dir / "index.sqlite3").unlink()
    listed = _presswatch(data_dir, "alerts", "list")
    assert listed.returncode == 0 and search_id in listed.stdout and "Kosovo" in listed.stdout, listed.stderr
    paused = _presswatch(data_dir, "alerts", "pause", search_id)
    assert paused.returncode == 0 and paused.stdout == f"{search_id} paused\n", paused.stderr
    dead = _presswatch(data_dir, "alerts", "dead")
    assert dead.returncode == 0, dead.stderr
    removed = _presswatch(data_dir, "alerts", "rm", search_id)
    assert removed.returncode == 0 and removed.stdout == f"{search_id} removed\n", removed.stderr
    assert not (data_dir / "index.sqlite3").exists(), "a command on saved searches created an index"
