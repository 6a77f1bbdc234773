"""A `PRESSWATCH_*` variable that names no setting is reported at start, with the setting it is nearest to; one
that may be a misspelled guard (`PRESSWATCH_API_KEY` for `PRESSWATCH_API_KEYS`) stops the command, since the
service would otherwise run open while its owner believes it protected. Both were ignored in silence.

And the README's configuration table names every setting the code reads, and nothing else."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

from presswatch.config import Settings
from presswatch.unknown_settings import NOT_SETTINGS, PREFIX
from tests.conftest import crawl_env, run_presswatch

README = Path(__file__).resolve().parent.parent / "README.md"


def test_a_misspelled_api_keys_variable_stops_the_command(settings: Settings) -> None:
    done = run_presswatch(settings, "sources", PRESSWATCH_API_KEY='["s3cret"]')
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr == (
        "presswatch: bad configuration: PRESSWATCH_API_KEY is not a presswatch setting and is ignored;"
        " did you mean PRESSWATCH_API_KEYS?\n"
    )
    assert "s3cret" not in done.stderr


def test_another_unknown_variable_is_a_warning_naming_the_nearest_setting(settings: Settings) -> None:
    settings.sources_file.write_text('[[source]]\nname = "a"\nurl = "https://example.org/feed"\n')
    done = run_presswatch(settings, "sources", PRESSWATCH_WATCH_EVRY="5m", PRESSWATCH_NOTHING_LIKE_IT="1")
    assert done.returncode == 0, done.stderr
    assert (
        "presswatch: warning: PRESSWATCH_WATCH_EVRY is not a presswatch setting and is ignored;"
        " did you mean PRESSWATCH_WATCH_EVERY?\n" in done.stderr
    )
    assert "presswatch: warning: PRESSWATCH_NOTHING_LIKE_IT is not a presswatch setting and is ignored\n" in (
        done.stderr
    )


def test_the_warning_comes_once_per_run_not_again_from_each_crawl_watch_starts(settings: Settings) -> None:
    """`watch` warned, then each crawl process it started warned again, into the same output."""
    settings.sources_file.write_text('[[source]]\nname = "home"\nurl = "http://127.0.0.1:9/feed"\n')
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.mkdir()  # a folder where the index should be: the crawl exits 2 at once
    watching = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "watch", "--plain"],
        env=crawl_env(settings, PRESSWATCH_NOTHING_LIKE_IT="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watching.stdout is not None
        for line in watching.stdout:  # the watcher's log lines, until its first crawl has ended
            if "home: failed" in line:
                break
    finally:
        watching.send_signal(signal.SIGINT)
        try:
            _, errors = watching.communicate(timeout=60)
        finally:
            watching.kill()
    warning = "presswatch: warning: PRESSWATCH_NOTHING_LIKE_IT is not a presswatch setting and is ignored"
    assert "cannot open the SQLite index" in errors  # the crawl's own output, relayed
    assert errors.count(warning) == 1, errors


def test_a_misspelling_in_the_env_file_is_caught_too(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("PRESSWATCH_API_OPEN_READ=true\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "sources"],
        cwd=tmp_path,
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "did you mean PRESSWATCH_API_OPEN_READS?" in done.stderr


def _table_variables() -> set[str]:
    """Every variable the README's configuration table names, its shorthand (`_RETRY_BASE` after
    `PRESSWATCH_ALERTS_RETRY_FOR`) written out."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n### ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first_cell = line.split(" | ", 1)[0]
        written = re.findall(r"`(PRESSWATCH_[A-Z0-9_]+|_[A-Z0-9_]+)`", first_cell)
        group = "_".join(written[0].split("_")[:2])  # PRESSWATCH_SMTP, PRESSWATCH_ALERTS
        names.update(name if name.startswith(PREFIX) else group + name for name in written)
    return names


def test_the_configuration_table_names_every_setting_and_only_settings() -> None:
    fields = {PREFIX + name.upper() for name in Settings.model_fields}
    table = _table_variables()
    assert fields - table == set(), "settings the README does not document"
    assert table - fields - NOT_SETTINGS == set(), "documented variables that are not settings"
