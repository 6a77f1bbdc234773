"""The OpenAPI description lists the statuses the API really answers, so schema-driven clients and
schemathesis expect them: a 401 wherever a wrong API key gets one, a 413 wherever a body can be over its limit,
the bodiless 304 of a feed's conditional GET. Each is found by asking the app itself, route by route."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.config import Settings

KEY = {"X-API-Key": "alice-key"}


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    keyed = settings.model_copy(update={"api_keys": [SecretStr("alice-key")], "rate_limit_per_minute": 6000})
    with TestClient(create_app(keyed)) as opened:
        yield opened


def _operations(client: TestClient) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(method, path template, a URL of it, the operation) for every documented operation."""
    for template, item in client.get("/openapi.json").json()["paths"].items():
        for method, operation in item.items():
            yield method.upper(), template, re.sub(r"\{[^}]+\}", "x", template), operation


def test_every_401_a_wrong_key_gets_is_documented(client: TestClient) -> None:
    answered = {
        f"{method} {template}": operation["responses"]
        for method, template, url, operation in _operations(client)
        if client.request(method, url, params={"token": "t"}, headers={"X-API-Key": "wrong"}).status_code
        == 401
    }
    assert "GET /alerts/{search_id}/feed.atom" in answered  # a route with a credential of its own
    assert {op: sorted(r) for op, r in answered.items() if "401" not in r} == {}


def test_every_operation_with_a_body_documents_its_413(client: TestClient) -> None:
    with_bodies = [(m, t, u, op) for m, t, u, op in _operations(client) if "requestBody" in op]
    assert {f"{m} {t}" for m, t, _, _ in with_bodies} >= {"POST /alerts", "POST /ingest"}
    for method, template, url, operation in with_bodies:
        response = client.request(
            method,
            url,
            content=b"x" * (13 * 1024 * 1024),
            headers={**KEY, "Content-Type": "application/json"},
        )
        assert response.status_code == 413, (template, response.status_code)
        assert "413" in operation["responses"], f"{method} {template} answers 413 but does not document it"


def test_a_feed_s_304_is_documented(client: TestClient) -> None:
    saved = client.post("/alerts", headers=KEY, json={"kind": "mention", "entity": "Kosovo"}).json()
    first = client.get(saved["feed_url"])
    again = client.get(saved["feed_url"], headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    feed = client.get("/openapi.json").json()["paths"]["/alerts/{search_id}/feed.atom"]["get"]
    assert "304" in feed["responses"]


@pytest.mark.parametrize("keyed", [False, True])
def test_operation_ids_are_the_route_names(settings: Settings, keyed: bool) -> None:
    """A generated client names its methods after the operationIds: FastAPI's default spelled the path and
    method into them (`get_document_documents__doc_id__get`). Each is its route function's name, and unique."""
    configured = settings.model_copy(update={"api_keys": [SecretStr("alice-key")]}) if keyed else settings
    with TestClient(create_app(configured)) as opened:
        ids = [operation["operationId"] for _, _, _, operation in _operations(opened)]
    assert len(ids) == len(set(ids)), sorted(ids)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids
    assert {"search", "get_document", "similar_documents", "create_alert", "ingest", "health"} <= set(ids)
