"""The `presswatch` command, run as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presswatch.demo.site import load_articles
from tests.conftest import FIXTURES


def presswatch(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )


def balkan_article_text() -> str:
    [article] = [a for a in load_articles() if a.slug == "uk-agreements-serbia-north-macedonia-kosovo"]
    return "\n\n".join([article.title, *article.paragraphs])


def test_extract_from_text_prints_figures_and_agreement() -> None:
    result = presswatch("extract", "-", stdin=balkan_article_text().encode())
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    figures = [f["normalized"] for f in document["figures"]]
    assert "75,000,000 GBP" in figures and "at least 31,000 person" in figures
    planned = {frozenset(a["parties"]) for a in document["agreements"] if a["status"] == "planned"}
    assert planned == {frozenset({"United Kingdom", c}) for c in ("Serbia", "North Macedonia", "Kosovo")}
    assert document["title"].startswith("UK to sign new agreements")


def test_extract_html_uses_the_crawlers_extraction(tmp_path: Path) -> None:
    page = FIXTURES / "pages" / "meta-only-news.html"
    result = presswatch("extract", str(page), "--html")
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    assert document["url"] == "https://fisheries.example.org/news/norway-fisheries-deal"
    assert document["title"] == "Ministers agree new fisheries deal with Norway"
    assert "about 120,000,000 GBP" in [f["normalized"] for f in document["figures"]]


def test_extract_reads_windows_1252_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes("Council statement\n\nThe council will spend \xa340m on the port.".encode("latin-1"))
    result = presswatch("extract", str(path))
    assert result.returncode == 0
    assert "not UTF-8" in result.stderr.decode()
    assert "40,000,000 GBP" in [f["normalized"] for f in json.loads(result.stdout)["figures"]]


def test_extract_errors_are_clear() -> None:
    missing = presswatch("extract", "/no/such/file.txt")
    assert missing.returncode == 2 and b"cannot read /no/such/file.txt" in missing.stderr
    empty = presswatch("extract", "-", "--html", stdin=b"<html><body></body></html>")
    assert empty.returncode == 2 and b"no article body" in empty.stderr


def test_extract_refuses_huge_input(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<p>words</p>" * 2_000)
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "extract", str(path), "--html"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PRESSWATCH_MAX_PAGE_BYTES": "4096"},
    )
    assert result.returncode == 2 and "more than PRESSWATCH_MAX_PAGE_BYTES" in result.stderr


def test_search_command(tmp_path: Path) -> None:
    env_dir = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", '"unclosed'],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PRESSWATCH_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and "unbalanced quotation mark" in result.stderr
    unreachable = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "Kosovo"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            "PRESSWATCH_DATA_DIR": str(env_dir),
            "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
            "PRESSWATCH_ELASTICSEARCH_URL": "http://127.0.0.1:9",
            "PATH": "/usr/bin:/bin",
        },
    )
    assert (
        unreachable.returncode == 2
        and "Elasticsearch at http://127.0.0.1:9 is unavailable" in unreachable.stderr
    )
    assert "Traceback" not in unreachable.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--limit", "101"), "--limit: must be between 1 and 100, not 101"),
        (("--limit", "0"), "--limit: must be between 1 and 100, not 0"),
        (("--limit", "ten"), "--limit: must be a whole number, not 'ten'"),
        (("--frobnicate",), "unrecognized arguments: --frobnicate"),
    ],
)
def test_bad_search_arguments_are_exit_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = _presswatch(tmp_path, "search", "Kosovo", *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("workers", "message"),
    [
        ("0", "must be between 1 and 64, not 0"),
        ("65", "must be between 1 and 64, not 65"),
        ("two", "must be a whole number, not 'two'"),
    ],
)
def test_bad_serve_workers_are_exit_2_with_one_line(tmp_path: Path, workers: str, message: str) -> None:
    result = _presswatch(tmp_path, "serve", "--workers", workers)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"--workers: {message}" in result.stderr, result.stderr


def _presswatch(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PRESSWATCH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize("variable", ["PRESSWATCH_API_KEYS", "PRESSWATCH_CORS_ORIGINS"])
def test_a_list_setting_that_is_not_json_names_the_variable_and_its_form(
    tmp_path: Path, variable: str
) -> None:
    """`PRESSWATCH_API_KEYS=k1` said 'error parsing value for field "api_keys" from source
    "EnvSettingsSource"': neither the variable nor that it takes a JSON list."""
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "Kosovo"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PRESSWATCH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", variable: "k1"},
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"presswatch: bad configuration: {variable} is not valid JSON: write its list as JSON, e.g."
        f' {variable}=\'["one", "two"]\'\n'
    )


@pytest.mark.parametrize(
    ("keys", "why"),
    [
        ('["the-key", ""]', "an API key is empty"),
        ('["  "]', "an API key is empty"),
        ('["the-key "]', "no X-API-Key header can carry it"),
    ],
)
def test_an_empty_api_key_is_a_bad_configuration(tmp_path: Path, keys: str, why: str) -> None:
    """An empty key is one everyone knows: an empty X-API-Key header read the pages, and anyone could sign a
    session cookie with it; one with a space around it could never be sent (HTTP strips a header's spaces).
    `'[]'` is no keys, as unset is, and still runs."""
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "presswatch", "search", "Kosovo"]
    result = subprocess.run(
        run, capture_output=True, text=True, timeout=60, check=False, env={**env, "PRESSWATCH_API_KEYS": keys}
    )
    assert result.returncode == 2
    assert result.stderr.startswith("presswatch: bad configuration: PRESSWATCH_API_KEYS: ")
    assert why in result.stderr and "the-key" not in result.stderr
    none = subprocess.run(
        run, capture_output=True, text=True, timeout=60, check=False, env={**env, "PRESSWATCH_API_KEYS": "[]"}
    )
    assert "bad configuration" not in none.stderr
