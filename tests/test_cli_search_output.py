"""`presswatch search` on a terminal or in a pipe: snippets in real characters, and a reader that goes away
(`| head`) ends it quietly."""

from __future__ import annotations

import subprocess
import sys

from presswatch.config import Settings
from tests.conftest import crawl_env

ADD_QUOTED = """
import sys
from pathlib import Path
from presswatch.document import Document
from search.sqlite import SQLiteBackend

backend = SQLiteBackend(path=Path(sys.argv[1]))
backend.index(
    Document.from_page(url=f"https://gov.example/q/{n}", source="ministry", title=f"Kosovo statement {n}",
                       body='The minister said "Kosovo & Serbia <agree>" on the returns deal, it\\'s done.')
    for n in range(30)
)
backend.close()
"""


def _indexed(settings: Settings) -> None:
    subprocess.run([sys.executable, "-c", ADD_QUOTED, str(settings.sqlite_path)], check=True, timeout=60)


def test_snippets_are_printed_as_characters_not_html(settings: Settings) -> None:
    _indexed(settings)
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "Kosovo", "--limit", "3"],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"*Kosovo* & Serbia <agree>"' in done.stdout and "it's done" in done.stdout, done.stdout
    assert "&quot;" not in done.stdout and "&amp;" not in done.stdout and "&#x27;" not in done.stdout


def test_a_closed_pipe_ends_the_search_quietly(settings: Settings) -> None:
    _indexed(settings)
    search = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "search", "Kosovo", "--limit", "30"],
        env=crawl_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert search.stdout is not None and search.stderr is not None
    search.stdout.close()  # the reader has gone before the first line, as `| head -n 0` does
    errors = search.stderr.read()
    assert search.wait(timeout=120) == 1
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
