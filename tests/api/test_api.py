"""The HTTP API over a real SQLite index filled by the real extraction pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from crawlers.extract import extract_page
from nlp.pipeline import Extractor
from presswatch.config import Settings
from presswatch.demo.server import NewsroomServer
from presswatch.document import Document
from search.sqlite import SQLiteBackend


@pytest.fixture
def indexed(settings: Settings, extractor: Extractor) -> Settings:
    """The demo newsroom's articles, extracted and indexed exactly as the crawler does."""
    server = NewsroomServer()  # not started: its pages are rendered directly
    documents = []
    for article in server.articles:
        page = extract_page(server.reply(article.path).body, url=server.base_url + article.path)
        documents.append(
            Document.from_page(
                url=page.url,
                source="demo-newsroom",
                kind=page.kind or "news",
                title=page.title,
                body=page.body,
                published=page.published,
            )
        )
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(extractor.enrich_many(documents))
    backend.close()
    server.close()
    return settings


@pytest.fixture
def client(indexed: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(indexed)) as client:
        yield client


def test_search_kosovo_finds_the_balkan_agreements_first(client: TestClient) -> None:
    response = client.get("/search", params={"q": "Kosovo"})
    assert response.status_code == 200
    top = response.json()["hits"][0]
    assert top["title"].startswith("UK to sign new agreements with Serbia, North Macedonia and Kosovo")
    assert "<mark>Kosovo</mark>" in top["snippet"]
    figures = [f["normalized"] for f in top["figures"]]
    assert "75,000,000 GBP" in figures
    assert "at least 31,000 person" in figures
    planned = {frozenset(a["parties"]) for a in top["agreements"] if a["status"] == "planned"}
    assert {frozenset({"United Kingdom", c}) for c in ("Serbia", "North Macedonia", "Kosovo")} <= planned
    assert ("Helen Marsh", "Home Secretary") in [(q["speaker"], q["role"]) for q in top["quotes"]]


def test_filters_and_entity_aliases(client: TestClient) -> None:
    by_alias = client.get("/search", params={"entity": ["UK", "Kosovo"], "kind": "press_release"}).json()
    assert by_alias["total"] >= 1
    assert all(h["kind"] == "press_release" and "Kosovo" in h["entities"] for h in by_alias["hits"])
    dated = client.get("/search", params={"q": "agreement", "from": "2026-06-01", "to": "2026-06-30"}).json()
    assert dated["hits"] and all(h["published"].startswith("2026-06") for h in dated["hits"])


def test_documents_by_id(client: TestClient) -> None:
    hit = client.get("/search", params={"q": "Norway frigates"}).json()["hits"][0]
    document = client.get(f"/documents/{hit['id']}").json()
    assert document["id"] == hit["id"] and document["body"]
    missing = client.get("/documents/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": '"unclosed'}, "unbalanced"),
        ({"q": "-only"}, "not excluded"),
        ({"cursor": "zzz"}, "invalid cursor"),
    ],
)
def test_bad_queries_are_400_with_a_reason(client: TestClient, params: dict[str, str], message: str) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_invalid_parameters_are_422(client: TestClient) -> None:
    assert client.get("/search", params={"limit": 1000}).status_code == 422
    assert client.get("/search", params={"kind": "blog"}).status_code == 422
    assert client.get("/search", params={"from": "last tuesday"}).status_code == 422


def test_health_and_openapi(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health == {
        "status": "ok",
        "version": "0.1.0",
        "backend": "sqlite",
        "documents": 21,
        "detail": None,
    }
    spec = client.get("/openapi.json").json()
    assert {"/search", "/documents/{doc_id}", "/health"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_api_keys(indexed: Settings) -> None:
    locked = indexed.model_copy(update={"api_keys": [SecretStr("s3cret")]})
    with TestClient(create_app(locked)) as client:
        assert client.get("/search", params={"q": "Kosovo"}).status_code == 401
        assert (
            client.get("/search", params={"q": "Kosovo"}, headers={"X-API-Key": "wrong"}).status_code == 401
        )
        assert (
            client.get("/search", params={"q": "Kosovo"}, headers={"X-API-Key": "s3cret"}).status_code == 200
        )
        assert client.get("/health").status_code == 200, "health stays open for load balancers"


def test_an_unreadable_index_is_503_and_recovers(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"this is not a database" * 100)
    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json()["status"] == "unavailable" and "index.sqlite3" in health.json()["detail"]
        search = client.get("/search", params={"q": "Kosovo"})
        assert search.status_code == 503 and "search index unavailable" in search.json()["detail"]
        settings.sqlite_path.unlink()
        assert client.get("/health").json()["status"] == "ok", "the API recovers once the index is back"


def test_a_backend_that_is_not_built_is_503_with_the_reason(settings: Settings) -> None:
    configured = settings.model_copy(update={"search_backend": "elasticsearch"})
    with TestClient(create_app(configured)) as client:
        health = client.get("/health")
        assert health.status_code == 503 and "not available yet" in health.json()["detail"]
        assert client.get("/search", params={"q": "Kosovo"}).status_code == 503
