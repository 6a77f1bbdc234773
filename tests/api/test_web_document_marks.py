"""The document page marks what the search asked for: a phrase where its words stand together, not each of
its words wherever it is (a search for "school food" on a GOV.UK release marked 39 words: every "school",
"schools", "food" and "foods"), and a search holding HTML or regex characters marks plain words, escaped."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc

BODY = (
    "Improving food in hospitals and schools\n"
    "The School Food Plan sets standards for school food; hospital food will follow.\n"
    "Schools buy local food where they can."
)


def marks(client: TestClient, doc_id: str, q: str) -> list[str]:
    page = client.get(f"/ui/documents/{doc_id}", params={"q": q})
    assert page.status_code == 200, page.text
    return re.findall(r"<mark>(.*?)</mark>", page.text)


def test_a_phrase_is_marked_where_its_words_stand_together(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    food = doc("school-food", "Improving food in hospitals and schools", BODY)
    backend = SQLiteBackend(path=settings.data_dir / "index.sqlite3")
    try:
        backend.index([food])
    finally:
        backend.close()
    with TestClient(create_app(settings)) as client:
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
