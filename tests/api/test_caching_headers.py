"""GET /documents/{id} carries an ETag and `Cache-Control: private, no-cache`: a client that keeps documents
(a mirror, a client library's cache) revalidates each with If-None-Match and gets a bodiless 304 until the
document changes. It had neither, so every poll downloaded every body again. And every other answer but the
static files is `private, no-cache` unless its route says otherwise (api/cache_control.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.search.test_elastic import make_doc


def test_a_kept_document_is_revalidated_with_its_etag(settings: Settings) -> None:
    first = make_doc("etag", title="Budget statement", body="The first text.")
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([first])
    with TestClient(create_app(settings)) as client:
        fresh = client.get(f"/documents/{first.id}")
        assert fresh.status_code == 200, fresh.text
        etag = fresh.headers["ETag"]
        assert etag.startswith('"') and etag.endswith('"')
        assert fresh.headers["Cache-Control"] == "private, no-cache"

        again = client.get(f"/documents/{first.id}", headers={"If-None-Match": etag})
        assert (again.status_code, again.content, again.headers["ETag"]) == (304, b"", etag)
        assert client.get(f"/documents/{first.id}", headers={"If-None-Match": f"W/{etag}"}).status_code == 304
        other = client.get(f"/documents/{first.id}", headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200 and other.json() == fresh.json()

        backend.index([first.model_copy(update={"body": "The corrected text."})])  # re-ingested
        changed = client.get(f"/documents/{first.id}", headers={"If-None-Match": etag})
    backend.close()
    assert changed.status_code == 200, changed.text
    assert changed.json()["body"] == "The corrected text."
    assert changed.headers["ETag"] != etag


def test_the_schema_describes_the_etag_and_the_304(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        operation = client.get("/openapi.json").json()["paths"]["/documents/{doc_id}"]["get"]
    assert "ETag" in operation["responses"]["200"]["headers"]
    assert "304" in operation["responses"]


def test_keyed_answers_are_not_for_shared_caches(settings: Settings) -> None:
    """X-API-Key is not the Authorization header: a shared cache in front of the API may keep an answer that
    says nothing of caching (Varnish does, for two minutes) and serve one key's search to anyone."""
    keyed = settings.model_copy(update={"api_keys": [SecretStr("k1")]})
    SQLiteBackend(path=settings.sqlite_path).close()
    with TestClient(create_app(keyed)) as client:
        for path in ("/search?q=Kosovo", "/entities", "/search?q=Kosovo&format=csv", "/health"):
            response = client.get(path, headers={"X-API-Key": "k1"})
            assert response.status_code == 200, (path, response.text)
            assert response.headers["Cache-Control"] == "private, no-cache", path
        refused = client.get("/search?q=Kosovo")
        assert (refused.status_code, refused.headers["Cache-Control"]) == (401, "private, no-cache")
        style = client.get("/static/style.css")
    assert style.status_code == 200 and "private" not in style.headers.get("Cache-Control", "")
