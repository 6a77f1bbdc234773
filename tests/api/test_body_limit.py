"""Request bodies are bounded before they are read: over the limit is a 413, declared or streamed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.bodylimit import DEFAULT_MAX_BODY
from presswatch.config import Settings

KEY = "body-key"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("body"), rate_limit_per_minute=0, api_keys=[SecretStr(KEY)]
    )
    with TestClient(create_app(settings), headers={"Origin": "http://testserver"}) as client:
        yield client


def _chunks(total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * 65536
        sent += 65536


def test_over_the_limit_is_413_whether_declared_or_streamed(client: TestClient) -> None:
    huge = b'{"name": "' + b"x" * (DEFAULT_MAX_BODY + 1) + b'"}'
    declared = client.post(
        "/alerts", content=huge, headers={"X-API-Key": KEY, "Content-Type": "application/json"}
    )
    assert declared.status_code == 413 and "over" in declared.json()["detail"]
    streamed = client.post(
        "/alerts",
        content=_chunks(4 * DEFAULT_MAX_BODY),
        headers={"X-API-Key": KEY, "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413
    form = client.post("/ui/alerts", data={"q": "x" * (DEFAULT_MAX_BODY + 1)})
    assert form.status_code == 413
    streamed_form = client.post(
        "/ui/session",
        content=_chunks(4 * DEFAULT_MAX_BODY),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert streamed_form.status_code == 413
    assert client.post("/ui/alerts", data={"q": "Kosovo", "name": "small"}).status_code != 413


def test_ingest_takes_a_large_page(client: TestClient) -> None:
    """POST /ingest has room for its 2,000,000 characters (no ingester here: 503 after the body is read)."""
    page = {"url": "https://news.example/big", "text": "Title\n" + "word " * 399_000}
    answer = client.post("/ingest", json=page, headers={"X-API-Key": KEY})
    assert answer.status_code == 503, answer.text[:300]
