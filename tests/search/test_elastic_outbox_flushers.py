"""The Elasticsearch outbox with several processes on one data directory: only writers replay it, one at a time,
and a replay never puts an older version of a document over a newer one.

Every process flushed it when it closed the index, `presswatch search` too, so two processes could send the
same queued writes at once, and one whose replay was slow put an older text over the newer one another
process had written meanwhile."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from elasticsearch import Elasticsearch

from presswatch.document import Document
from search.outbox import Outbox
from tests.elastic_server import ElasticSession, drop_alias
from tests.search.test_elastic import make_doc

UNREACHABLE = "http://127.0.0.1:9"
BULK_DELAY = 4.0
"""Seconds the slow flusher's replay takes to reach the server: long enough for another process to write."""

_WRITE = """
import sys
from presswatch.config import Settings
from presswatch.document import Document
from search.factory import open_backend
backend = open_backend(Settings())
print(backend.index([Document.from_json(sys.stdin.read())]).model_dump_json())
backend.close()
"""
"""A writer process: what `presswatch ingest` does with its document once the NLP has run."""

_CLOSE = """
from presswatch.config import Settings
from search.factory import open_backend
open_backend(Settings()).close()
"""
"""A writer process with nothing of its own to write: it replays the outbox as it closes the index."""


class _SlowBulkProxy:
    """Forwards every request to Elasticsearch; `_bulk` requests wait `BULK_DELAY` seconds first."""

    def __init__(self, target: str) -> None:
        self.bulk_arrived = threading.Event()
        proxy = self
        parts = urlsplit(target)

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "_bulk" in self.path:
                    proxy.bulk_arrived.set()
                    time.sleep(BULK_DELAY)
                upstream = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                upstream.close()

            def do_GET(self) -> None:
                self._forward()

            def do_HEAD(self) -> None:
                self._forward()

            def do_POST(self) -> None:
                self._forward()

            def do_PUT(self) -> None:
                self._forward()

            def do_DELETE(self) -> None:
                self._forward()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _SlowBulkProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _env(data: Path, url: str, alias: str) -> dict[str, str]:
    return {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data),
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
    }


def _write(document: Document, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _WRITE], input=document.to_json(), env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture
def alias(elasticsearch_server: ElasticSession) -> Iterator[str]:
    name = f"pwtest-{uuid.uuid4().hex[:12]}"
    yield name
    drop_alias(elasticsearch_server.url, name)


def _queued(data: Path) -> int:
    outbox = Outbox(path=data / "elasticsearch-outbox.sqlite3")
    try:
        return outbox.size()
    finally:
        outbox.close()


def test_a_slow_replay_does_not_put_an_older_text_over_a_newer_one(
    elasticsearch_server: ElasticSession, alias: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    old = make_doc("outbox-race", title="Old text of the statement")
    new = old.model_copy(update={"title": "New text of the statement"})
    assert '"queued":1' in _write(old, _env(data, UNREACHABLE, alias)), "the first write waits in the outbox"
    client = Elasticsearch(elasticsearch_server.url)
    with _SlowBulkProxy(elasticsearch_server.url) as proxy:
        slow = subprocess.Popen(
            [sys.executable, "-c", _CLOSE],
            env=_env(data, proxy.url, alias),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proxy.bulk_arrived.wait(120), "the slow process replays the queued write"
            _write(new, _env(data, elasticsearch_server.url, alias))  # meanwhile, a newer text, directly
            _, stderr = slow.communicate(timeout=120)
            assert slow.returncode == 0, stderr[-3000:]
        finally:
            if slow.poll() is None:
                slow.kill()
                slow.wait()
    try:
        stored = client.get(index=alias, id=old.id)["_source"]
        assert stored["doc"]["title"] == "New text of the statement"
        assert _queued(data) == 0, "the refused older write is not kept to be sent again"
    finally:
        client.close()


def test_a_search_leaves_the_outbox_to_the_writers(
    elasticsearch_server: ElasticSession, alias: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _write(make_doc("outbox-first", title="Kosovo statement"), _env(data, elasticsearch_server.url, alias))
    queued = make_doc("outbox-queued", title="Kosovo queued statement")
    assert '"queued":1' in _write(queued, _env(data, UNREACHABLE, alias))
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "Kosovo"],
        env=_env(data, elasticsearch_server.url, alias),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert _queued(data) == 1, "a reader does not replay the writers' queue"
    client = Elasticsearch(elasticsearch_server.url)
    try:
        assert not client.exists(index=alias, id=queued.id)
    finally:
        client.close()
    subprocess.run(
        [sys.executable, "-c", _CLOSE], env=_env(data, elasticsearch_server.url, alias), check=True
    )
    assert _queued(data) == 0, "a writer does"


def test_reindex_keeps_the_versions_a_late_replay_is_judged_by(
    elasticsearch_server: ElasticSession, alias: str, tmp_path: Path
) -> None:
    """Two writers on two data directories (two machines) share one index. One queued an older text while it
    could not reach the server; `presswatch reindex` then rebuilt the index; that older text, replayed after
    it, must still lose to the newer one: reindex copies each document's version (it wrote them anew, at 1)."""
    away, here = tmp_path / "away", tmp_path / "here"
    old = make_doc("outbox-reindex", title="Old text of the statement")
    assert '"queued":1' in _write(old, _env(away, UNREACHABLE, alias))
    _write(
        old.model_copy(update={"title": "New text of the statement"}),
        _env(here, elasticsearch_server.url, alias),
    )
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "reindex"],
        env=_env(here, elasticsearch_server.url, alias),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"alias {alias} now points at {alias}-2" in done.stdout
    subprocess.run(
        [sys.executable, "-c", _CLOSE], env=_env(away, elasticsearch_server.url, alias), check=True
    )
    assert _queued(away) == 0
    client = Elasticsearch(elasticsearch_server.url)
    try:
        assert client.get(index=alias, id=old.id)["_source"]["doc"]["title"] == "New text of the statement"
    finally:
        client.close()
