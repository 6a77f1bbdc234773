"""A 503 says when to try again where waiting can help: an index that is down or locked answers the API, the
browser's page and /health with a Retry-After, as a 429 already did; one that waiting cannot mend (a corrupt
file, no ingester) answers without one, so a client does not retry for ever. The OpenAPI document describes the
header on every 503. Before, no 503 carried it, so a client could only guess when the index would be back."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from crawlers.ingest import PageIngester
from presswatch.config import Settings
from presswatch.source_health import FILE_NAME
from search.sqlite import SQLiteBackend
from tests.api.ingest_settings import WRITER_KEY, fetching
from tests.demo_process import free_port

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ROUTES: list[tuple[str, dict[str, str]]] = [
    ("/search?q=Kosovo", {}),
    ("/documents/abc", {}),
    ("/entities", {}),
    ("/health", {}),
    ("/?q=Kosovo", BROWSER),  # the page
]


def _answers(
    settings: Settings, routes: list[tuple[str, dict[str, str]]] = ROUTES
) -> Iterator[tuple[str, int, str | None]]:
    with TestClient(create_app(settings)) as client:
        for path, headers in routes:
            response = client.get(path, headers=headers)
            yield path, response.status_code, response.headers.get("Retry-After")


def test_an_index_that_is_down_says_when_to_try_again(settings: Settings) -> None:
    down = settings.model_copy(
        update={"search_backend": "elasticsearch", "elasticsearch_url": "http://127.0.0.1:9"}
    )
    assert list(_answers(down)) == [(path, 503, "10") for path, _ in ROUTES]


class _Overloaded(BaseHTTPRequestHandler):
    """Every request answered as Elasticsearch answers when its queues are full."""

    status = 429
    error: ClassVar[dict[str, str]] = {
        "type": "es_rejected_execution_exception",
        "reason": "rejected execution: queue full",
    }

    def _reject(self) -> None:
        body = json.dumps({"error": self.error, "status": self.status}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._reject()

    def do_HEAD(self) -> None:
        self._reject()

    def do_POST(self) -> None:
        self._reject()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Refusing(_Overloaded):
    """Every request answered as Elasticsearch answers wrong credentials (401) or a role without the privilege
    (403, set per test)."""

    status = 401
    error: ClassVar[dict[str, str]] = {
        "type": "security_exception",
        "reason": "unable to authenticate user [presswatch]",
    }


def _stand_in(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def overloaded() -> Iterator[str]:
    yield from _stand_in(_Overloaded)


def test_an_overloaded_elasticsearch_is_a_503_that_says_when_to_try_again(
    settings: Settings, overloaded: str
) -> None:
    """Elasticsearch's 429 (its search queue full) came through as a 500."""
    busy = settings.model_copy(update={"search_backend": "elasticsearch", "elasticsearch_url": overloaded})
    assert list(_answers(busy)) == [(path, 503, "10") for path, _ in ROUTES]
    with TestClient(create_app(busy)) as client:
        assert client.get("/search", params={"q": "Kosovo"}).json() == {
            "detail": "search index unavailable: Elasticsearch is overloaded"
        }


@pytest.mark.parametrize("status", [401, 403])
def test_elasticsearch_refusing_the_credentials_is_a_503_without_retry_after(
    settings: Settings, status: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong credentials (401) or a role that may not read (403) were a 500 on every route, /health too;
    waiting does not mend them, so no Retry-After."""
    monkeypatch.setattr(_Refusing, "status", status)
    for url in _stand_in(_Refusing):
        refused = settings.model_copy(update={"search_backend": "elasticsearch", "elasticsearch_url": url})
        assert list(_answers(refused)) == [(path, 503, None) for path, _ in ROUTES]
        with TestClient(create_app(refused)) as client:
            assert client.get("/search", params={"q": "Kosovo"}).json() == {
                "detail": f"search index unavailable: Elasticsearch refused presswatch's credentials (HTTP {status})"
            }


def test_an_index_waiting_cannot_mend_has_no_retry_after(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"this is not a database" * 100)
    (settings.data_dir / FILE_NAME).write_bytes(b"nor is this" * 100)
    routes = [*ROUTES, ("/sources", {})]
    assert list(_answers(settings, routes)) == [(path, 503, None) for path, _ in routes]


def test_another_programs_sqlite_file_has_no_retry_after(settings: Settings) -> None:
    """A SQLite file whose `documents` table is not ours said 'the index cannot be read' with a Retry-After,
    so a client retried for ever what only someone moving the file can mend."""
    settings.data_dir.mkdir(parents=True)
    foreign = sqlite3.connect(settings.sqlite_path)
    foreign.execute("CREATE TABLE documents (title TEXT)")
    foreign.commit()
    foreign.close()
    assert list(_answers(settings)) == [(path, 503, None) for path, _ in ROUTES]
    with TestClient(create_app(settings)) as client:
        assert "not a presswatch index" in client.get("/search", params={"q": "Kosovo"}).json()["detail"]


def test_a_corrupt_alerts_store_is_a_503_without_retry_after(settings: Settings) -> None:
    """The saved searches' store corrupt was a 500 on every /alerts route and page, as if the server had a bug."""
    settings.data_dir.mkdir(parents=True)
    settings.alerts_path.write_bytes(b"this is not a database" * 100)
    with TestClient(create_app(settings)) as client:
        listed = client.get("/alerts")
        made = client.post("/alerts", json={"query": {"text": "Kosovo"}})
        page = client.get("/ui/alerts", headers=BROWSER)
    for response in (listed, made):
        assert (response.status_code, response.headers.get("Retry-After")) == (503, None), response.text
        assert response.json() == {"detail": "the alerts store cannot be read"}
    assert page.status_code == 503 and "the alerts store cannot be read" in page.text
    assert "Retry-After" not in page.headers


def test_an_ingest_into_a_locked_index_says_when_to_try_again(settings: Settings) -> None:
    """A crawl's long write holds the SQLite index past the wait for its lock."""
    writer = fetching(settings)
    SQLiteBackend(path=writer.sqlite_path).close()
    holder = sqlite3.connect(writer.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with TestClient(create_app(writer, ingester=PageIngester(writer))) as client:
            response = client.post(
                "/ingest",
                json={"url": "https://gov.example/news/a", "text": "A title\n\nA body."},
                headers=WRITER_KEY,
            )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503, response.text
    assert "the index is locked by another process" in response.json()["detail"]
    assert response.headers["Retry-After"] == "10"


def test_no_ingester_is_a_503_without_retry_after(settings: Settings) -> None:
    with TestClient(create_app(fetching(settings))) as client:
        response = client.post(
            "/ingest", json={"url": "https://gov.example/a", "text": "A\n\nB"}, headers=WRITER_KEY
        )
    assert response.status_code == 503, response.text
    assert "Retry-After" not in response.headers


@pytest.mark.parametrize("keyed", [False, True])
def test_every_503_documents_retry_after(settings: Settings, keyed: bool) -> None:
    configured = fetching(settings) if keyed else settings
    with TestClient(create_app(configured)) as client:
        paths = client.get("/openapi.json").json()["paths"]
    documented = {
        f"{method.upper()} {path}": operation["responses"]["503"]
        for path, item in paths.items()
        for method, operation in item.items()
        if "503" in operation["responses"]
    }
    assert {"GET /search", "GET /health", "POST /ingest", "GET /documents/{doc_id}"} <= set(documented)
    assert {op: r for op, r in documented.items() if "Retry-After" not in r.get("headers", {})} == {}


def test_an_index_error_nobody_foresaw_has_no_retry_after(settings: Settings) -> None:
    """An SQLite error outside the known ones ('disk I/O error'; here 'interrupted', which a test can cause)
    said 'the index cannot be read' with a Retry-After; waiting is not known to mend it, so a client must not
    be told to retry for ever. A lock still says when to try again (the ingest test above)."""
    SQLiteBackend(path=settings.sqlite_path).close()
    with TestClient(create_app(settings)) as client:
        assert client.get("/search", params={"q": "Kosovo"}).status_code == 200
        backend = client.app.state.backend  # type: ignore[attr-defined]
        backend._conn.set_progress_handler(lambda: 1, 1)  # every statement stops: sqlite3's 'interrupted'
        response = client.get("/search", params={"q": "Kosovo"})
    assert response.status_code == 503, response.text
    assert response.json() == {"detail": "search index unavailable: the index cannot be read"}
    assert "Retry-After" not in response.headers


def test_a_postgresql_that_refuses_is_a_503_without_retry_after(
    settings: Settings, postgres_url: str
) -> None:
    """Every PostgreSQL error said Retry-After, a missing database (or a wrong password) too: only a server out
    of reach, starting, or out of connections passes by itself."""
    missing = postgres_url.rsplit("/", 1)[0] + "/pwtest_no_such_database"
    unreachable = f"postgresql://presswatch:s3cret@127.0.0.1:{free_port()}/presswatch"
    for url, waits in ((missing, None), (unreachable, "10")):
        configured = settings.model_copy(update={"database_url": SecretStr(url)})
        with TestClient(create_app(configured)) as client:
            for path in ("/sources", "/alerts"):
                response = client.get(path)
                assert (response.status_code, response.headers.get("Retry-After")) == (503, waits), url
