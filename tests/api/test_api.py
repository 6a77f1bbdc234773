"""The HTTP API over a real SQLite index filled by the real extraction pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Document
from search.sqlite import SQLiteBackend


@pytest.fixture
def indexed(demo_index: Settings) -> Settings:
    """The demo newsroom's articles, extracted and indexed exactly as the crawler does (once a session)."""
    return demo_index


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
        ({"q": "Kosovo\x00x"}, "control character (U+0000)"),
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
        "outbox": None,
    }
    spec = client.get("/openapi.json").json()
    assert {"/search", "/documents/{doc_id}", "/health"} <= set(spec["paths"])
    assert "404" in spec["paths"]["/documents/{doc_id}"]["get"]["responses"]
    assert "securitySchemes" not in spec.get("components", {}), (
        "no API key is asked for when none is configured"
    )
    assert "security" not in spec["paths"]["/search"]["get"]
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
        spec = client.get("/openapi.json").json()
        assert spec["components"]["securitySchemes"]["APIKeyHeader"]["name"] == "X-API-Key"
        assert "401" in spec["paths"]["/search"]["get"]["responses"]
        assert "security" not in spec["paths"]["/health"]["get"]


def test_an_unreadable_index_is_503_and_recovers(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"this is not a database" * 100)
    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json()["status"] == "unavailable"
        assert (
            health.json()["detail"]
            == "the index file is not a presswatch index (corrupt or another kind of file)"
        )
        search = client.get("/search", params={"q": "Kosovo"})
        assert (
            search.status_code == 503
            and "search index unavailable: the index file is not" in search.json()["detail"]
        )
        for body in (health.text, search.text):
            assert str(settings.data_dir) not in body and "file is not a database" not in body, body
        logged = " ".join(r.getMessage() for r in caplog.records)
        assert str(settings.sqlite_path) in logged and "file is not a database" in logged, (
            "the detail is logged"
        )
        settings.sqlite_path.unlink()
        assert client.get("/health").json()["status"] == "ok", "the API recovers once the index is back"


def test_an_unreachable_elasticsearch_is_503_with_the_reason(settings: Settings) -> None:
    configured = settings.model_copy(
        update={"search_backend": "elasticsearch", "elasticsearch_url": "http://127.0.0.1:9"}
    )
    with TestClient(create_app(configured)) as client:
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json()["status"] == "unavailable"
        assert health.json()["detail"] == "Elasticsearch cannot be reached"  # the URL goes to the log only
        search = client.get("/search", params={"q": "Kosovo"})
        assert search.status_code == 503
        assert "127.0.0.1:9" not in search.text


def test_a_date_without_a_time_is_the_whole_day(settings: Settings) -> None:
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(
        [
            Document.from_page(
                url="https://gov.example/news/release",
                source="home-office",
                title="Returns agreement with Kosovo",
                body="A release published at ten in the morning.",
                published=datetime(2026, 6, 12, 10, tzinfo=UTC),
            )
        ]
    )
    backend.close()
    with TestClient(create_app(settings)) as client:

        def total(**params: str) -> int:
            response = client.get("/search", params={"q": "Kosovo", **params})
            assert response.status_code == 200, response.text
            return int(response.json()["total"])

        assert total(to="2026-06-12") == 1, "to=<date> runs to the end of that day"
        assert total(**{"from": "2026-06-12"}) == 1
        assert total(**{"from": "2026-06-12", "to": "2026-06-12"}) == 1
        assert total(to="2026-06-11") == 0
        assert total(**{"from": "2026-06-13"}) == 0
        assert total(to="2026-06-12T09:59:59Z") == 0, "a date-time is an exact moment"
        assert total(to="2026-06-12T11:00:00+02:00") == 0, "09:00 UTC is before the release"
        assert total(to="2026-06-12T12:00:00+02:00") == 1


def test_filters_by_country_money_agreement_story_and_date_order(client: TestClient) -> None:
    def search(**params: object) -> dict[str, Any]:
        response = client.get("/search", params=params)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    serbia = search(country="RS", limit=100)
    assert serbia["total"] >= 1 and all("Serbia" in h["entities"] for h in serbia["hits"])
    assert search(country="Serbia", limit=100)["total"] == serbia["total"], "a name is its ISO code"
    balkans = search(party=["UK", "Kosovo"], status="planned")
    assert any(h["title"].startswith("UK to sign new agreements") for h in balkans["hits"])
    assert all(
        any(
            a["status"] == "planned" and {"United Kingdom", "Kosovo"} <= set(a["parties"])
            for a in h["agreements"]
        )
        for h in balkans["hits"]
    )
    rich = search(currency="gbp", min_amount=50_000_000, limit=100)
    assert rich["hits"] and all(
        any(
            f["kind"] == "money" and f["currency"] == "GBP" and f["value"] >= 50_000_000 for f in h["figures"]
        )
        for h in rich["hits"]
    )
    dated = [h["published"] for h in search(q="agreement", sort="date", limit=100)["hits"]]
    assert dated == sorted(dated, reverse=True)
    assert search(story="no-such-story")["total"] == 0
    assert {"source", "kind", "entity", "person", "organisation", "country", "day"} <= set(
        search(q="UK")["facets"]
    )


@pytest.mark.parametrize(
    "params",
    [
        {"currency": "POUNDS"},
        {"status": "done"},
        {"sort": "best"},
        {"min_amount": "-1"},
        {"max_amount": "lots"},
    ],
)
def test_invalid_filter_values_are_422(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/search", params=params).status_code == 422


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"min_amount": "10", "max_amount": "1"}, "min_amount is more than max_amount"),
        ({"from": "2026-06-12", "to": "2026-06-01"}, "'from' is after 'to'"),
        ({"country": "Atlantis"}, "country 'Atlantis' is unknown"),
    ],
)
def test_impossible_queries_are_400_with_the_reason(
    client: TestClient, params: dict[str, str], reason: str
) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400 and reason in response.json()["detail"]
