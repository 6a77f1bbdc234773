"""A crafted semantic or hybrid cursor against `presswatch serve`: a 400 that says so, never a 500."""

from __future__ import annotations

import base64
import json

import pytest

from presswatch.config import Settings
from tests.serve_process import serving


def vector_cursor(**position: object) -> str:
    raw = json.dumps({"o": 0, "c": "1", **position}).encode()
    return "v" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


CRAFTED = {
    "a ceiling that is no rowid": vector_cursor(c="zzzz"),
    "a huge ceiling": vector_cursor(c="9" * 30),
    "a negative ceiling": vector_cursor(c="-1"),
    "a huge offset": vector_cursor(o=10**30),
    "a boolean offset": vector_cursor(o=True),
    "a long ceiling": vector_cursor(c="1" * 5000),
}


@pytest.mark.parametrize("mode", ["semantic", "hybrid"])
def test_a_crafted_vector_cursor_is_a_400(settings: Settings, mode: str) -> None:
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0", PRESSWATCH_API_KEYS='["k"]') as api:
        for n in range(3):
            ingested = api.post(
                "/ingest",
                headers={"X-API-Key": "k"},
                json={
                    "url": f"https://gov.example/news/{n}",
                    "title": f"Smugglers stopped at Dover {n}",
                    "text": f"Border Force officers stopped smugglers at Dover, case {n}.",
                },
                timeout=300,
            )
            assert ingested.status_code == 200, ingested.text
        params = {"q": "smugglers", "mode": mode, "limit": 1}
        first = api.get("/search", headers={"X-API-Key": "k"}, params=params).json()
        assert first["next_cursor"], first
        following = api.get(
            "/search", headers={"X-API-Key": "k"}, params={**params, "cursor": first["next_cursor"]}
        )
        assert following.status_code == 200 and following.json()["hits"], "a real cursor still pages"
        for name, cursor in CRAFTED.items():
            answer = api.get("/search", headers={"X-API-Key": "k"}, params={**params, "cursor": cursor})
            assert answer.status_code == 400 and "invalid cursor" in answer.json()["detail"], name
            page = api.get("/", headers={"X-API-Key": "k"}, params={**params, "cursor": cursor})
            assert page.status_code == 400 and "invalid cursor" in page.text, name
