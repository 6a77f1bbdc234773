"""`presswatch alerts add|list|pause|resume|rm`, in-process through `main` (no model is loaded), on the SQLite
alerts store and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presswatch import cli
from presswatch.config import get_settings


@pytest.fixture(params=["sqlite", "postgres"])
def data_dir(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data dir, and on the "postgres" pass a database for the alerts store (PRESSWATCH_DATABASE_URL)."""
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    if request.param == "postgres":
        monkeypatch.setenv("PRESSWATCH_DATABASE_URL", request.getfixturevalue("postgres_url"))
    get_settings.cache_clear()
    yield tmp_path  # type: ignore[misc]
    get_settings.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["alerts", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_pause_resume_rm(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "add", "--name", "Kosovo deals", "--party", "kosovo")
    assert code == 0, err
    saved = json.loads(out)
    assert saved["spec"]["kind"] == "agreement" and saved["spec"]["party"] == "Kosovo"
    code, out, _ = run(capsys, "add", "--text", "frigates", "--owner", "someone")
    assert code == 0
    code, out, _ = run(capsys, "list")
    assert out.split()[:3] == [saved["id"], "active", "agreement"] and "frigates" not in out
    assert run(capsys, "pause", saved["id"])[0] == 0
    assert run(capsys, "list")[1].split()[1] == "paused"
    assert run(capsys, "resume", saved["id"])[0] == 0
    assert run(capsys, "rm", saved["id"])[0] == 0
    assert run(capsys, "list")[1] == ""
    code, _, err = run(capsys, "rm", saved["id"])
    assert code == 2 and f"no saved search {saved['id']}" in err
    assert (data_dir / "alerts.sqlite3").exists() == (get_settings().database_dsn is None)


def test_bad_alerts_are_refused_in_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "--name", "nothing")
    assert code == 2 and "text or at least one filter" in err
    code, _, err = run(capsys, "add", "--entity", "UK", "--webhook", "http://127.0.0.1:9/x")
    assert code == 2 and "loopback" in err


def test_add_with_chat_targets(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--apprise` (repeatable) saves chat targets Apprise can read, and refuses one it cannot."""
    urls = ["ntfy://ntfy.example/presswatch", "discord://1234/secrettoken"]
    code, out, err = run(capsys, "add", "--text", "frigates", "--apprise", urls[0], "--apprise", urls[1])
    assert code == 0, err
    assert json.loads(out)["spec"]["apprise_urls"] == urls
    code, _, err = run(capsys, "add", "--text", "frigates", "--apprise", "nonsense://x")
    assert code == 2 and "not a chat URL presswatch can send to" in err
    assert "frigates" in run(capsys, "list")[1]
