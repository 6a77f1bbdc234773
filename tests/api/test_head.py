"""HEAD is answered wherever GET is (RFC 9110 9.1): the GET's status and headers, no content. It was a 405 on
every path, so an uptime monitor's HEAD /health, or a client checking that a document exists, read failure."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.deps import get_backend
from presswatch.config import Settings
from search.base import Page, Query, SearchBackend
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


class _Counted:
    """The app's backend, its searches counted (an export reads one page of 100 a search)."""

    def __init__(self, backend: SearchBackend) -> None:
        self.backend = backend
        self.searches = 0

    def search(self, query: Query) -> Page:
        self.searches += 1
        return self.backend.search(query)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)


@pytest.mark.parametrize("path", ["/search?q=Kosovo&format=csv", "/ui/export?q=Kosovo&format=jsonl"])
def test_head_on_an_export_does_not_run_the_export(settings: Settings, path: str) -> None:
    """It ran to its end (every page of the search read, every row written) for headers alone."""
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([make_doc(n, title=f"Kosovo {n}", body="Kosovo and Serbia.") for n in range(450)])
    counted = _Counted(backend)
    app = create_app(settings)
    app.dependency_overrides[get_backend] = lambda: counted
    with TestClient(app) as client:
        got = client.get(path)
        by_get, counted.searches = counted.searches, 0
        head = client.head(path)
    backend.close()
    assert got.status_code == head.status_code == 200
    assert len(got.text.splitlines()) >= 450
    assert head.content == b""
    for name in ("content-type", "content-disposition", "cache-control"):
        assert head.headers.get(name) == got.headers.get(name), name
    assert by_get >= 5
    assert counted.searches <= 2, f"HEAD read {counted.searches} pages of the search, GET {by_get}"


def test_openapi_lists_head_beside_every_get(settings: Settings) -> None:
    """A schema-driven client (and the 405's Allow header, `api.allow`) knew nothing of HEAD."""
    SQLiteBackend(path=settings.sqlite_path).close()
    with TestClient(create_app(settings)) as client:
        paths = client.get("/openapi.json").json()["paths"]
        options = client.request("OPTIONS", "/documents/some-id")
    gets = {template: item["get"] for template, item in paths.items() if "get" in item}
    assert {"/search", "/documents/{doc_id}", "/health"} <= set(gets)
    for template, get in gets.items():
        head = paths[template]["head"]
        assert head["operationId"] == f"{get['operationId']}_head"
        assert head.get("parameters") == get.get("parameters")
        assert set(head["responses"]) == set(get["responses"])
        assert not any("content" in answer for answer in head["responses"].values()), template
    assert not any("head" in item for item in paths.values() if "get" not in item)  # POST /ingest: none
    assert options.status_code == 405 and options.headers["allow"] == "GET, HEAD"
