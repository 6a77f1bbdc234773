"""An entity's mentions per day are counted on the UTC day, the day GET /search's `from`/`to` and its day facet
put a document in, so each day of the entity page's chart (and its link narrowing the dates) finds its
documents: a release published at 00:30 in Paris on 1 March (23:30 UTC on 28 February) was counted on
1 March, where `from=2026-03-01&to=2026-03-01` finds nothing. A time with no zone is UTC there too, whatever
the server's own zone (the attention chart read it in the server's zone)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Mention
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc

PARIS_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server's own zone is Tokyo's (UTC+9): a time with no zone read in it lands on the day before."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("published", "day"),
    [
        (datetime(2026, 3, 1, 0, 30, tzinfo=PARIS_WINTER), "2026-02-28"),
        (datetime(2026, 3, 1), "2026-03-01"),  # a page that states only its day: UTC, as the index stores it
    ],
)
@pytest.mark.usefixtures("in_tokyo")
def test_the_entity_timeline_counts_the_day_the_date_filters_find(
    tmp_path: Path, published: datetime, day: str
) -> None:
    body = "Zanzibar will get new ferry services."
    release = doc(
        "zanzibar-ferries",
        "Ferries to Zanzibar",
        body,
        entities=(Mention(text="Zanzibar", label="GPE", normalized="Zanzibar", start=0, end=8),),
    ).model_copy(update={"published": published})
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        backend.index([release])
    finally:
        backend.close()
    with TestClient(create_app(settings)) as client:
        timeline = client.get("/entities/Zanzibar").json()["mentions_over_time"]
        assert timeline == [{"day": day, "documents": 1}]
        found = client.get("/search", params={"entity": "Zanzibar", "from": day, "to": day})
        assert found.json()["total"] == 1
        page = client.get("/ui/entities/Zanzibar")
        assert f"/?entity=Zanzibar&amp;from={day}&amp;to={day}" in page.text
        counted = client.get("/ui/attention.csv", params={"entity": "Zanzibar", "from": day, "to": day})
        assert counted.text.splitlines()[1].split(",")[:4] == [day, day, "all matches", "1"], counted.text
