"""HEAD is answered wherever GET is (RFC 9110 9.1): the GET's status and headers, no content. It was a 405 on
every path, so an uptime monitor's HEAD /health, or a client checking that a document exists, read failure."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.search.test_elastic import make_doc


def test_head_answers_as_get_without_the_content(settings: Settings) -> None:
    document = make_doc("head", title="Kosovo statement", body="Kosovo and Serbia.")
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([document])
    backend.close()
    with TestClient(create_app(settings)) as client:
        for path in (f"/documents/{document.id}", "/search?q=Kosovo", "/health", "/documents/nope", "/"):
            got, head = client.get(path), client.head(path)
            assert head.status_code == got.status_code, path
            assert head.content == b"", path
            for name in ("content-type", "content-length", "etag", "cache-control"):
                assert head.headers.get(name) == got.headers.get(name), (path, name)
        assert client.head("/ingest").status_code == 405  # a POST-only path stays one


def test_head_needs_the_key_a_get_needs(settings: Settings) -> None:
    keyed = settings.model_copy(update={"api_keys": [SecretStr("k1")]})
    SQLiteBackend(path=settings.sqlite_path).close()
    with TestClient(create_app(keyed)) as client:
        assert client.head("/search?q=Kosovo").status_code == 401
        assert client.head("/search?q=Kosovo", headers={"X-API-Key": "k1"}).status_code == 200
