"""A crafted cursor against `presswatch serve`: a 400 that says so on every route that pages, never a 500."""

from __future__ import annotations

import base64
import json

import pytest

from presswatch.config import Settings
from tests.api.test_serve_process import add_documents
from tests.serve_process import serving


def crafted(**position: object) -> str:
    raw = json.dumps({"c": None, "o": 0, "a": None, **position}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


CRAFTED = {
    "huge ceiling": crafted(c=10**30),
    "huge offset": crafted(o=10**30),
    "huge rowid after a date": crafted(a=["2026-06-01", 10**30]),
    "negative rowid": crafted(c=-(10**30)),
    "a boolean": crafted(o=True),
    "not a pair": crafted(a=["2026-06-01"]),
    "a long key": crafted(a=["9" * 5000, 1]),
}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_crafted_cursor_is_a_400_on_search_and_on_the_page(settings: Settings, sort: str) -> None:
    add_documents(settings, 0, 3)
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        for name, cursor in CRAFTED.items():
            params = {"q": "Kosovo", "sort": sort, "cursor": cursor}
            answer = api.get("/search", params=params)
            assert answer.status_code == 400 and "invalid cursor" in answer.json()["detail"], name
            page = api.get("/", params=params)
            assert page.status_code == 400 and "invalid cursor" in page.text, name
            export = api.get("/search", params={**params, "format": "csv"})
            assert export.status_code == 400, name
        first = api.get("/search", params={"q": "Kosovo", "sort": sort, "limit": 1}).json()
        assert api.get(
            "/search", params={"q": "Kosovo", "sort": sort, "cursor": first["next_cursor"]}
        ).json()["hits"], "a real cursor still pages"


def test_a_crafted_listing_cursor_is_a_400_on_figures_and_agreements(settings: Settings) -> None:
    add_documents(settings, 0, 3)
    listing = [
        base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        for raw in (
            '{"p":null,"d":Infinity,"i":0}',
            '{"p":null,"d":0,"i":1e400}',
            '{"p":null,"d":true,"i":0}',
        )
    ]
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        for path in ("/figures", "/agreements"):
            for cursor in [*listing, crafted(c=10**30)]:
                answer = api.get(path, params={"cursor": cursor})
                assert answer.status_code == 400 and "invalid cursor" in answer.json()["detail"], (
                    path,
                    cursor,
                )
