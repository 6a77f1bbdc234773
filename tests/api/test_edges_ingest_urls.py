"""POST /ingest on `presswatch serve` and `presswatch ingest` refuse the same URLs, with a 400 (exit 2) that
says why: not http(s), or a host spelled so that parsers disagree on it. Nothing is indexed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from presswatch.config import Settings
from tests.conftest import crawl_env
from tests.serve_process import serving

UNREADABLE = ["http://0177.0.0.1/", "http://\u0661\u0662\u0667.0.0.1/", "http://\uff11\uff12\uff17.0.0.1/a"]
NOT_HTTP = [
    "javascript:alert(document.cookie)//x",
    "data:text/html,hi",
    "file:///etc/passwd",
    "mailto:a@b.example",
]
KEY = {"X-API-Key": "writer"}


def test_ingest_refuses_unreadable_and_non_http_urls_with_a_400(settings: Settings) -> None:
    env = {"PRESSWATCH_API_KEYS": '["writer"]', "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0"}
    with serving(settings, **env) as api:
        for url in UNREADABLE:
            answer = api.post("/ingest", headers=KEY, json={"url": url})
            assert answer.status_code == 400 and "not a usable URL" in answer.json()["detail"], url
        for url in [*UNREADABLE, *NOT_HTTP]:
            for body in ({"text": "Title\nKosovo and Serbia agree."}, {"html": "<h1>T</h1><p>Kosovo.</p>"}):
                answer = api.post("/ingest", headers=KEY, json={"url": url, **body})
                assert answer.status_code == 400, (url, body, answer.text)
        assert api.get("/health").json()["documents"] == 0, "nothing was indexed"


@pytest.mark.parametrize("url", [UNREADABLE[0], UNREADABLE[1], NOT_HTTP[0]])
def test_the_cli_refuses_the_same_urls(settings: Settings, url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "ingest", "--url", url, "-"],
        input="Title\nKosovo and Serbia agree.",
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "--url" in done.stderr, done.stderr


@pytest.mark.parametrize("host", ["a" * 64 + ".example", "news..example"])
def test_a_host_name_that_cannot_be_looked_up_is_refused_for_what_it_is(
    settings: Settings, host: str
) -> None:
    """A label over 63 characters or an empty one cannot even be encoded for the resolver: the 400 says so. It
    was "resolves to a no address", after a traceback in the server's log (the resolver's thread died of it)."""
    env = {"PRESSWATCH_API_KEYS": '["writer"]', "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0"}
    with serving(settings, **env) as api:
        answer = api.post("/ingest", headers=KEY, json={"url": f"http://{host}/story"})
    detail = answer.json()["detail"]
    assert answer.status_code == 400, detail
    assert f"{host} is not a host name that can be looked up: label empty or too long" in detail
    assert "Traceback" not in (settings.data_dir.parent / "serve.log").read_text()
