"""The document page and the results in the document's own language and direction: an Arabic press release
(GOV.UK publishes them) was marked `lang="en"` from the page and laid out left to right, so screen readers
read it with an English voice and its paragraphs' punctuation landed at the wrong end."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc

TITLE = "المملكة المتحدة والولايات المتحدة تفرضان عقوبات"
BODY = f"{TITLE}\nفرضت المملكة المتحدة والولايات المتحدة اليوم عقوبات على شخصيات بارزة."


def test_an_arabic_document_reads_right_to_left_in_its_language(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    arabic = doc("sanctions-ar", TITLE, BODY, language="ar")
    backend = SQLiteBackend(path=settings.data_dir / "index.sqlite3")
    try:
        backend.index([arabic])
    finally:
        backend.close()
    with TestClient(create_app(settings)) as client:
        page = client.get(f"/ui/documents/{arabic.id}", params={"q": "المملكة"})
        results = client.get("/", params={"q": "المملكة"})
    assert page.status_code == results.status_code == 200
    assert f'<h1 lang="ar" dir="auto">{TITLE}</h1>' in page.text
    assert '<div class="body" lang="ar"><p id="p1" dir="auto">' in page.text
    assert "<mark>المملكة</mark>" in page.text
    assert '<h3 dir="auto"><a href="/ui/documents/' in results.text
