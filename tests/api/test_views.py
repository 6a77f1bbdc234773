"""GET /entities, /entities/{name}, /figures, /agreements, /metrics, the export formats of /search, rate
limits, CORS and read keys, through TestClient(create_app(...)) over the real demo index."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.config import Settings


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index)) as client:
        yield client


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_csv_export_is_every_match_one_row_each_with_flattened_figures_and_agreements(
    client: TestClient,
) -> None:
    total = ok(client.get("/search", params={"q": "agreement", "limit": 1}))["total"]
    response = client.get("/search", params={"q": "agreement", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total > 1
    assert len({r["id"] for r in rows}) == total
    balkans = next(r for r in rows if r["title"].startswith("UK to sign new agreements with Serbia"))
    assert "75,000,000 GBP" in balkans["figures"].split("; ")
    assert "United Kingdom + Serbia [planned]" in balkans["agreements"].split("; ")
    assert "Kosovo" in balkans["entities"].split("; ")


def test_jsonl_export_keeps_the_structure_and_max_rows_bounds_it(client: TestClient) -> None:
    response = client.get("/search", params={"q": "agreement", "format": "jsonl", "max_rows": 3})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 3
    assert all(isinstance(line["figures"], list) and "entities" in line for line in lines)


def test_export_errors_come_before_the_stream(client: TestClient) -> None:
    assert client.get("/search", params={"q": '"open', "format": "csv"}).status_code == 400
    assert client.get("/search", params={"format": "xml"}).status_code == 422
    assert client.get("/search", params={"format": "csv", "max_rows": 0}).status_code == 422


def test_entities_by_type(client: TestClient) -> None:
    people = ok(client.get("/entities", params={"type": "person"}))
    assert people["documents"] == 21
    assert "Helen Marsh" in [e["name"] for e in people["entities"]]
    assert all(e["type"] == "person" and e["documents"] >= 1 for e in people["entities"])
    places = ok(client.get("/entities", params={"type": "country", "q": "Kosovo"}))
    kosovo = next(e for e in places["entities"] if e["name"] == "Kosovo")
    assert kosovo["code"] == "XK"
    assert ok(client.get("/entities", params={"limit": 3}))["entities"].__len__() == 3
    assert client.get("/entities", params={"type": "planet"}).status_code == 422
    assert client.get("/entities", params={"country": "Atlantis"}).status_code == 400


def test_one_entity_over_time_with_company_roles_and_quotes(client: TestClient) -> None:
    uk = ok(client.get("/entities/UK"))
    assert uk["name"] == "United Kingdom" and uk["type"] == "country" and uk["code"] == "GB"
    assert (
        sum(d["documents"] for d in uk["mentions_over_time"]) <= uk["timeline_documents"] == uk["documents"]
    )
    days = [d["day"] for d in uk["mentions_over_time"]]
    assert days == sorted(days) and len(days) >= 2
    assert "Kosovo" in [e["name"] for e in uk["co_occurring"]]
    assert "United Kingdom" not in [e["name"] for e in uk["co_occurring"]]
    marsh = ok(client.get("/entities/Helen Marsh"))
    assert marsh["type"] == "person"
    assert "Home Secretary" in marsh["roles"]
    assert marsh["quotes"] and all(q["document_id"] for q in marsh["quotes"])
    missing = client.get("/entities/Nobody Atall")
    assert missing.status_code == 404 and "Nobody Atall" in missing.json()["detail"]


def test_figures_filter_inside_documents_and_page_without_gaps(client: TestClient) -> None:
    rich = ok(client.get("/figures", params={"currency": "gbp", "min_amount": 50_000_000, "limit": 100}))
    assert rich["items"]
    assert all(
        i["figure"]["kind"] == "money" and i["figure"]["currency"] == "GBP" and i["figure"]["value"] >= 5e7
        for i in rich["items"]
    )
    assert all(i["document"]["id"] and i["document"]["title"] for i in rich["items"])
    everything = ok(client.get("/figures", params={"limit": 100}))["items"]
    paged, cursor = [], None
    for _ in range(200):
        page = ok(client.get("/figures", params={"limit": 7, **({"cursor": cursor} if cursor else {})}))
        paged += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert paged[: len(everything)] == everything
    percents = ok(client.get("/figures", params={"figure_kind": "percent", "limit": 100}))["items"]
    assert all(i["figure"]["kind"] == "percent" for i in percents)
    assert client.get("/figures", params={"cursor": "bm90IG91cnM"}).status_code == 400


def test_agreements_by_party_and_status_with_evidence(client: TestClient) -> None:
    found = ok(client.get("/agreements", params={"party": ["UK", "Kosovo"], "status": "planned"}))
    assert found["items"]
    for item in found["items"]:
        agreement = item["agreement"]
        assert {"United Kingdom", "Kosovo"} <= set(agreement["parties"]) and agreement["status"] == "planned"
        assert agreement["evidence"] and item["document"]["url"].startswith("http")
    signed = ok(client.get("/agreements", params={"status": "signed", "limit": 100}))["items"]
    assert all(i["agreement"]["status"] == "signed" for i in signed)
    assert client.get("/agreements", params={"status": "maybe"}).status_code == 422
    agreed = ok(client.get("/agreements", params={"status": "agreed", "limit": 100}))["items"]
    assert all(i["agreement"]["status"] == "agreed" for i in agreed)
    page = client.get("/ui/agreements", params={"status": "agreed"})
    assert page.status_code == 200 and '<option value="agreed" selected>agreed</option>' in page.text


def test_metrics_in_prometheus_format(client: TestClient) -> None:
    client.get("/search", params={"q": "Kosovo"})
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "presswatch_documents_indexed 21.0" in text
    assert "presswatch_index_up 1.0" in text
    count = next(line for line in text.splitlines() if line.startswith("presswatch_search_seconds_count"))
    assert float(count.split()[-1]) >= 1
    assert "# TYPE presswatch_alert_deliveries gauge" in text  # no alerts store yet: zeros, not an error
    assert 'presswatch_alert_deliveries{channel="webhook",outcome="delivered"} 0.0' in text


def test_rate_limit_per_key_answers_429_with_retry_after(demo_index: Settings) -> None:
    limited = demo_index.model_copy(
        update={"rate_limit_per_minute": 3, "api_keys": [SecretStr("k1"), SecretStr("k2")]}
    )
    with TestClient(create_app(limited)) as client:
        one = {"X-API-Key": "k1"}
        assert [client.get("/entities", headers=one).status_code for _ in range(3)] == [200] * 3
        refused = client.get("/search", params={"q": "Kosovo"}, headers=one)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 20
        assert "rate limit" in refused.json()["detail"]
        assert client.get("/entities", headers={"X-API-Key": "k2"}).status_code == 200, "each key its own"
        assert client.get("/health").status_code == 200, "health is not rate limited"
        spec = client.get("/openapi.json").json()
        assert "429" in spec["paths"]["/search"]["get"]["responses"]


def test_cors_and_open_reads(demo_index: Settings) -> None:
    configured = demo_index.model_copy(
        update={
            "cors_origins": ["https://newsroom.example"],
            "api_keys": [SecretStr("k")],
            "api_open_reads": True,
        }
    )
    with TestClient(create_app(configured)) as client:
        preflight = client.options(
            "/search",
            headers={"Origin": "https://newsroom.example", "Access-Control-Request-Method": "GET"},
        )
        assert preflight.headers["access-control-allow-origin"] == "https://newsroom.example"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        assert client.get("/search", params={"q": "Kosovo"}).status_code == 200, "reads open by config"
        write = client.post("/ingest", json={"url": "https://gov.example/a", "text": "Hello"})
        assert write.status_code == 401, "writes still need a key"


def test_web_pages_render(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "<form" in home.text and 'id="q"' in home.text
    found = client.get("/", params={"q": "Kosovo", "kind": "press_release"})
    assert "<mark>Kosovo</mark>" in found.text and "format=csv" in found.text
    hit = ok(client.get("/search", params={"q": "Kosovo"}))["hits"][0]
    page = client.get(f"/ui/documents/{hit['id']}")
    assert page.status_code == 200 and "Home Secretary" in page.text and "Similar documents" in page.text
    entity = client.get("/ui/entities/Kosovo")
    assert entity.status_code == 200 and "<svg" in entity.text and 'role="group"' in entity.text
    table = client.get("/ui/agreements", params={"party": "Kosovo", "status": "planned"})
    assert table.status_code == 200 and "United Kingdom" in table.text
    assert client.get("/ui/alerts").status_code == 200
    assert client.get("/ui/documents/nope").status_code == 404
    assert client.get("/ui/entities/Nobody Atall").status_code == 404
    bad = client.get("/", params={"q": '"open'})
    assert bad.status_code == 400 and 'role="alert"' in bad.text
    assert client.get("/", params={"from": "yesterday"}).status_code == 400
    assert client.get("/static/style.css").status_code == 200
