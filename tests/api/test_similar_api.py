"""GET /documents/{id}/similar and /search?mode=semantic|hybrid over the demo newsroom, embedded by the real
pipeline (loaded once per module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crawlers.extract import extract_page
from nlp.pipeline import Extractor
from presswatch.config import Settings
from presswatch.demo.server import NewsroomServer
from presswatch.document import Document
from search.sqlite import SQLiteBackend

UNEMBEDDED = Document(
    id="plain", url="https://news.example/plain", source="s", title="Plain", body="No vector."
)


def module_settings(folder: Path) -> Settings:
    return Settings(data_dir=folder / "data", sources_file=folder / "sources.toml", crawl_start_delay=0.0)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[TestClient]:
    settings = module_settings(tmp_path_factory.mktemp("similar-api"))
    server = NewsroomServer()  # not started: its pages are rendered directly
    documents = []
    for article in server.articles:
        page = extract_page(server.reply(article.path).body, url=server.base_url + article.path)
        documents.append(page.to_document(source="demo-newsroom", default_kind="news"))
    server.close()
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([*extractor.enrich_many(documents), UNEMBEDDED])
    backend.close()
    with TestClient(create_app(settings)) as client:
        yield client


def title_id(client: TestClient, words: str) -> str:
    hit = client.get("/search", params={"q": words}).json()["hits"][0]
    return str(hit["id"])


def test_similar_documents_of_an_announcement(client: TestClient) -> None:
    balkans = title_id(client, '"Serbia, North Macedonia and Kosovo"')
    response = client.get(f"/documents/{balkans}/similar", params={"limit": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == balkans and len(body["hits"]) == 3
    titles = [h["title"] for h in body["hits"]]
    assert balkans not in [h["id"] for h in body["hits"]]
    migration = ("albania", "small boat", "returns", "balkans", "border", "migration")
    assert all(any(word in title.lower() for word in migration) for title in titles), titles
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)
    only = client.get(f"/documents/{balkans}/similar", params={"kind": "speech", "limit": 20}).json()
    assert only["hits"] and all(h["kind"] == "speech" for h in only["hits"])


def test_similar_documents_errors(client: TestClient) -> None:
    missing = client.get("/documents/nope/similar")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]
    plain = client.get("/documents/plain/similar")
    assert plain.status_code == 400 and "has no embedding" in plain.json()["detail"]
    assert client.get(f"/documents/{UNEMBEDDED.id}/similar", params={"limit": 101}).status_code == 422
    assert client.get(f"/documents/{UNEMBEDDED.id}/similar", params={"limit": 0}).status_code == 422


def test_semantic_and_hybrid_search(client: TestClient) -> None:
    text = client.get("/search", params={"q": "warships for the navy"}).json()
    semantic = client.get("/search", params={"q": "warships for the navy", "mode": "semantic"})
    assert semantic.status_code == 200
    top = semantic.json()["hits"][0]["title"]
    assert "frigate" in top, (top, [h["title"] for h in text["hits"]])
    hybrid = client.get("/search", params={"q": "frigate deal", "mode": "hybrid", "limit": 5}).json()
    assert "frigate" in hybrid["hits"][0]["title"] and "<mark>" in hybrid["hits"][0]["snippet"]
    assert hybrid["facets"]["source"] and hybrid["total"] >= 5


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"mode": "semantic"}, "need words"),
        ({"mode": "hybrid", "q": "frigates", "sort": "date"}, "ordered by score"),
    ],
)
def test_semantic_search_that_cannot_run_is_400(
    client: TestClient, params: dict[str, str], reason: str
) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400 and reason in response.json()["detail"]


def test_semantic_search_over_documents_without_embeddings_is_400(tmp_path: Path) -> None:
    settings = module_settings(tmp_path)
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([UNEMBEDDED])
    backend.close()
    with TestClient(create_app(settings)) as client:
        response = client.get("/search", params={"q": "vector", "mode": "semantic"})
    assert response.status_code == 400 and "no document in the index has one" in response.json()["detail"]
