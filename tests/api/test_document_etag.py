"""GET /documents/{id} carries an ETag and `Cache-Control: private, no-cache`: a client that keeps documents
(a mirror, a client library's cache) revalidates each with If-None-Match and gets a bodiless 304 until the
document changes. It had neither, so every poll downloaded every body again."""

from __future__ import annotations

from fastapi.testclient import TestClient

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
