"""The page's download routes (what its export buttons and chart link call: /ui/export, /ui/agreements/export,
/ui/attention.csv) answer errors as every JSON route does, `{"detail": "..."}` as application/json: a query that
cannot run is a 400, an index that cannot be opened a 503, a missing or unknown format a 422 (they answered the
400 as bare text/plain)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings

ROUTES = [
    "/ui/export?format=csv",
    "/ui/export?format=jsonl",
    "/ui/agreements/export?format=csv",
    "/ui/agreements/export?format=jsonl",
    "/ui/attention.csv?",
]


def _detail(response: object) -> str:
    assert response.headers["content-type"] == "application/json", response.text  # type: ignore[attr-defined]
    detail = response.json()["detail"]  # type: ignore[attr-defined]
    assert isinstance(detail, str) and detail
    return detail


@pytest.mark.parametrize("route", ROUTES)
def test_a_query_that_cannot_run_is_a_json_400(settings: Settings, route: str) -> None:
    with TestClient(create_app(settings)) as client:
        response = client.get(route + '&q="unclosed')
    assert response.status_code == 400
    assert "unbalanced quotation mark" in _detail(response)


@pytest.mark.parametrize("route", ROUTES)
def test_an_index_that_cannot_open_is_a_json_503(tmp_path: Path, route: str) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    broken = Settings(data_dir=tmp_path / "data", rate_limit_per_minute=0)
    with TestClient(create_app(broken)) as client:
        response = client.get(route + "&q=Kosovo")
    assert response.status_code == 503
    assert _detail(response).startswith("search index unavailable")
