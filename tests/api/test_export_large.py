"""An export of 10,000 documents streams every one of them, once, with its figures and agreements."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bench.corpus import export_releases
from presswatch.config import Settings
from search.sqlite import SQLiteBackend

N = 10_000


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root: Path = tmp_path_factory.mktemp("export")
    settings = Settings(data_dir=root / "data", rate_limit_per_minute=0)
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(export_releases(N))
    backend.close()
    return settings


def test_a_csv_export_of_10000_documents(big_index: Settings) -> None:
    with (
        TestClient(create_app(big_index)) as client,
        client.stream(
            "GET", "/search", params={"q": "frigates", "format": "csv", "sort": "date"}
        ) as response,
    ):
        assert response.status_code == 200
        text = "".join(response.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == N
    assert len({r["id"] for r in rows}) == N
    published = [r["published"] for r in rows]
    assert published == sorted(published, reverse=True)
    assert rows[0]["figures"] == f"{(N - 1) * 1_000_000:,} GBP"
    assert rows[0]["agreements"] == "United Kingdom + Norway [signed]"


def test_the_export_cap_holds(big_index: Settings) -> None:
    capped = big_index.model_copy(update={"export_max_rows": 150})
    with TestClient(create_app(capped)) as client:
        response = client.get("/search", params={"format": "jsonl", "max_rows": 5000})
    assert len(response.text.splitlines()) == 150
