"""The browser's pages answer an index that cannot be opened with a page of their own (503, HTML, the reason in
words, the pages' security headers), as they answer a missing document: a browser showed the API's raw JSON
body. The API routes and the page's download routes keep their JSON 503, whatever the Accept header."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PAGES = ["/", "/?q=Kosovo", "/ui/documents/abc", "/ui/entities/Serbia", "/ui/agreements", "/ui/alerts"]
JSON_ROUTES = ["/search?q=Kosovo", "/documents/abc", "/ui/export?format=csv", "/ui/attention.csv"]


@pytest.fixture
def client(settings: Settings) -> TestClient:
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"this is not a database" * 100)
    return TestClient(create_app(settings))


@pytest.mark.parametrize("path", PAGES)
def test_a_page_answers_an_unavailable_index_as_a_page(
    client: TestClient, settings: Settings, path: str
) -> None:
    with client:
        response = client.get(path, headers=BROWSER)
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("text/html"), response.text
    assert "<h1>Search is unavailable</h1>" in response.text
    assert "the index file is not a presswatch index" in response.text
    assert str(settings.data_dir) not in response.text  # the path goes to the log only
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", JSON_ROUTES)
def test_the_api_keeps_its_json_503(client: TestClient, path: str) -> None:
    with client:
        for headers in (BROWSER, {"Accept": "*/*"}):
            response = client.get(path, headers=headers)
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/json"
            assert response.json()["detail"].startswith("search index unavailable: the index file is not")
