"""An empty filter value (`entity=`, `source=`, `party=`, `story=`: a client filling its parameters from empty
fields) is a 422 that names the parameter, as `currency=` and `from=` are, on every listing route: it matched
no document, so the answer was an empty page that looked like no news."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index)) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/search", "entity"),
        ("/search", "source"),
        ("/search", "party"),
        ("/search", "story"),
        ("/agreements", "party"),
        ("/entities", "entity"),
        ("/figures", "source"),
    ],
)
def test_an_empty_filter_value_is_a_422_naming_it(client: TestClient, path: str, name: str) -> None:
    assert client.get(path, params={"q": "Kosovo"}).status_code == 200
    response = client.get(path, params={"q": "Kosovo", name: ""})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["query", name]
