"""`presswatch ingest`, and one-line exit-2 errors for every bad argument, run as users run them."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presswatch.config import Settings
from presswatch.document import document_id
from search.sqlite import SQLiteBackend
from tests.conftest import FIXTURES, crawl_env, run_presswatch
from tests.demo_process import free_port
from tests.test_cli import balkan_article_text

ARTICLE_URL = "https://www.gov.uk/government/news/uk-to-sign-new-agreements"


def presswatch(
    settings: Settings, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return run_presswatch(settings, *args, stdin=stdin.decode() if stdin is not None else None)


def test_ingest_text_indexes_it_once_by_its_url(settings: Settings) -> None:
    text = balkan_article_text().encode()
    first = presswatch(settings, "ingest", "-", "--url", ARTICLE_URL + "?utm_source=mail", stdin=text)
    assert first.returncode == 0, first.stderr[-3000:]
    doc_id = document_id(ARTICLE_URL)
    assert first.stdout.strip() == f"indexed (new) {doc_id} {ARTICLE_URL}"

    again = presswatch(settings, "ingest", "-", "--url", ARTICLE_URL, "--source", "cli", stdin=text)
    assert again.returncode == 0, again.stderr[-3000:]
    assert again.stdout.startswith(f"unchanged {doc_id}")

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        assert backend.count() == 1
        document = backend.get(doc_id)
        assert document is not None and document.source == "cli"
        assert "75,000,000 GBP" in [f.normalized for f in document.figures]
    finally:
        backend.close()


def test_ingest_html_uses_the_crawlers_extraction_and_canonical_url(settings: Settings) -> None:
    page = FIXTURES / "pages" / "meta-only-news.html"
    result = presswatch(
        settings, "ingest", str(page), "--html", "--url", "https://mirror.example.org/x", "--source", "mail"
    )
    assert result.returncode == 0, result.stderr[-3000:]
    canonical = "https://fisheries.example.org/news/norway-fisheries-deal"
    assert result.stdout.strip() == f"indexed (new) {document_id(canonical)} {canonical}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ingest", "-"), "the following arguments are required: --url"),
        (("ingest", "-", "--url", "ftp://example.org/a"), "not an http or https URL"),
        (("ingest", "-", "--url", "http://example.org:99999/a"), "not a usable URL"),
        (("ingest", "-", "--url", ARTICLE_URL, "--source", "Bad Name"), "bad source name"),
        (("ingest", "-", "--url", ARTICLE_URL, "--kind", "blog"), "invalid choice: 'blog'"),
        (("ingest", "/no/such/file.txt", "--url", ARTICLE_URL), "cannot read /no/such/file.txt"),
        (("ingest", "/", "--url", ARTICLE_URL), "cannot read /"),
        (("ingest", "-", "--url", ARTICLE_URL), "-: no text"),
        (("ingest", "-", "--html", "--url", ARTICLE_URL), "-: empty page"),
        (("extract", "-", "--url", "not a url"), "not an http or https URL"),
        (("crawl", "--source", "../etc"), "bad source name"),
        (("crawl", "--source", "nosuch"), "no such source"),
        (("crawl", "--bogus"), "unrecognized arguments: --bogus"),
        (("demo", "--port", "99999"), "port 99999 is outside 0-65535"),
        (("demo", "--site-port", "eighty"), "not a port number"),
        (("demo", "--host", "256.1.1.1", "--port", "0"), "cannot serve the API on 256.1.1.1:0"),
        (("nosuchcommand",), "invalid choice: 'nosuchcommand'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(settings: Settings, args: tuple[str, ...], message: str) -> None:
    settings.sources_file.write_text('[[source]]\nname = "only"\nurl = "http://127.0.0.1:9/feed.atom"\n')
    result = presswatch(settings, *args, stdin=b"")
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not settings.sqlite_path.exists(), "nothing was opened or indexed"


def test_a_json_line_of_an_unknown_kind_says_so_and_the_rest_are_indexed(settings: Settings) -> None:
    lines = [
        {"url": ARTICLE_URL + "-blog", "text": "Ministers met in Leeds.", "kind": "blog"},
        {"url": ARTICLE_URL, "text": "Ministers met in York.", "kind": "speech"},
    ]
    result = presswatch(
        settings, "ingest", "--jsonl", "-", stdin="".join(json.dumps(x) + "\n" for x in lines).encode()
    )
    assert result.returncode == 1, result.stderr[-3000:]
    assert "line 1: kind 'blog' is not one of press_release, news, speech, statement" in result.stderr
    assert f"indexed (new) {document_id(ARTICLE_URL)}" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PRESSWATCH_PORT", "abc", "PRESSWATCH_PORT: Input should be a valid integer"),
        ("PRESSWATCH_NLP_MAX_CHARS", "10", "PRESSWATCH_NLP_MAX_CHARS: Input should be greater than or equal"),
        ("PRESSWATCH_API_KEYS", "not json", "PRESSWATCH_API_KEYS is not valid JSON: write its list as JSON"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(
    settings: Settings, variable: str, value: str, message: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "crawl"],
        env={**crawl_env(settings), variable: value},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture
def api(settings: Settings, tmp_path: Path) -> Iterator[str]:
    """`presswatch serve` in its own process on a free port, on the test's index."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "serve", "--port", str(port)],
        env=crawl_env(settings),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                _get(base + "/health")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        yield base
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_ingested_document_is_served_at_once_by_a_running_api(settings: Settings, api: str) -> None:
    assert _get(api + "/health")["documents"] == 0
    assert _get(api + "/search?q=Kosovo")["total"] == 0

    ingested = presswatch(settings, "ingest", "-", "--url", ARTICLE_URL, stdin=balkan_article_text().encode())
    assert ingested.returncode == 0, ingested.stderr[-3000:]

    assert _get(api + "/health")["documents"] == 1
    [hit] = _get(api + "/search?q=Kosovo")["hits"]
    assert hit["id"] == document_id(ARTICLE_URL)
