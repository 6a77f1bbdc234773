"""`PRESSWATCH_EVAL_DIR` says where the shared evaluation data is, for the benchmarks and the tests alike (a
checkout whose `../shared/eval` is elsewhere, such as a worktree); a test that reads it still skips, naming
the folder and the variable, when it is missing, and fails under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# A test that reads the shared data (feedparser's corpus) and needs no model: quick to run in a subprocess.
READER = "tests/crawlers/test_feeds.py::test_every_file_of_feedparsers_corpus_reads_or_is_refused_clearly"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PRESSWATCH_EVAL_DIR")}
    return {**env, **extra}


def test_the_benchmarks_read_the_folder_the_variable_names(tmp_path: Path) -> None:
    code = "from bench.common import EVAL; print(EVAL)"
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(PRESSWATCH_EVAL_DIR=str(tmp_path)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert run.stdout.strip() == str(tmp_path.resolve())


def test_a_relative_folder_is_the_one_beside_where_the_user_ran(tmp_path: Path) -> None:
    """Resolved once, in the directory the user ran from: a process started from the checkout (as the tests
    start pytest and the benchmarks) reads the same folder, not one beside the checkout."""
    child = "from bench.common import EVAL; print(EVAL)"
    code = (
        "import subprocess, sys\n"
        "from bench.common import EVAL\n"
        "print(EVAL, flush=True)\n"
        f"subprocess.run([sys.executable, '-c', {child!r}], cwd={str(ROOT)!r}, check=True)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(PRESSWATCH_EVAL_DIR="eval", PYTHONPATH=str(ROOT)),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert run.stdout.split() == [str((tmp_path / "eval").resolve())] * 2, run.stdout


def _pytest(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", READER],
        env=_env(**env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_reader_skips_naming_the_variable_and_fails_under_ci(tmp_path: Path) -> None:
    empty = tmp_path / "eval"
    empty.mkdir()
    skipped = _pytest(PRESSWATCH_EVAL_DIR=str(empty))
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout, skipped.stdout[-2000:]
    assert f"{empty}/feeds-feedparser is missing" in skipped.stdout
    assert "PRESSWATCH_EVAL_DIR" in skipped.stdout
    failed = _pytest(PRESSWATCH_EVAL_DIR=str(empty), CI="true")
    assert failed.returncode == 1 and "1 failed" in failed.stdout, failed.stdout[-2000:]
