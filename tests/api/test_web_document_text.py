"""The document page's text as an analyst checks it: a phrase marked where its words stand together, not each
of its words wherever it is (a search for "school food" on a GOV.UK release marked 39 words: every "school",
"schools", "food" and "foods"); a search holding HTML or regex characters marks plain words, escaped; and the
text in its own language and direction (an Arabic GOV.UK release was `lang="en"` from the page and laid out
left to right, so screen readers read it with an English voice and its punctuation landed at the wrong end)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Document
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc

BODY = (
    "Improving food in hospitals and schools\n"
    "The School Food Plan sets standards for school food; hospital food will follow.\n"
    "Schools buy local food where they can."
)


TITLE = "المملكة المتحدة والولايات المتحدة تفرضان عقوبات"
ARABIC = f"{TITLE}\nفرضت المملكة المتحدة والولايات المتحدة اليوم عقوبات على شخصيات بارزة."


def marks(client: TestClient, doc_id: str, q: str) -> list[str]:
    page = client.get(f"/ui/documents/{doc_id}", params={"q": q})
    assert page.status_code == 200, page.text
    return re.findall(r"<mark>(.*?)</mark>", page.text)


def client_over(tmp_path: Path, document: Document) -> TestClient:
    """A client of the app over an index holding only `document` (enter it to start the app)."""
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    backend = SQLiteBackend(path=settings.data_dir / "index.sqlite3")
    try:
        backend.index([document])
    finally:
        backend.close()
    return TestClient(create_app(settings))


def test_a_phrase_is_marked_where_its_words_stand_together(tmp_path: Path) -> None:
    food = doc("school-food", "Improving food in hospitals and schools", BODY)
    with client_over(tmp_path, food) as client:
        assert marks(client, food.id, '"school food"') == ["School Food", "school food"]
        assert marks(client, food.id, '"school food" hospital') == [
            "hospitals",
            "School Food",
            "school food",
            "hospital",
        ]
        assert marks(client, food.id, "schools") == [
            "schools",
            "School",
            "school",
            "Schools",
        ]  # words as before
        hostile = client.get(f"/ui/documents/{food.id}", params={"q": "<b>food</b> (.*) [a-"})
    assert hostile.status_code == 200 and "<b>food" not in hostile.text
    assert re.findall(r"<mark>(.*?)</mark>", hostile.text).count("food") == 4


def test_an_arabic_document_reads_right_to_left_in_its_language(tmp_path: Path) -> None:
    arabic = doc("sanctions-ar", TITLE, ARABIC, language="ar")
    with client_over(tmp_path, arabic) as client:
        page = client.get(f"/ui/documents/{arabic.id}", params={"q": "المملكة"})
        results = client.get("/", params={"q": "المملكة"})
    assert page.status_code == results.status_code == 200
    assert f'<h1 lang="ar" dir="auto">{TITLE}</h1>' in page.text
    assert '<div class="body" lang="ar"><p id="p1" dir="auto">' in page.text
    assert "<mark>المملكة</mark>" in page.text
    assert '<h3 dir="auto"><a href="/ui/documents/' in results.text
