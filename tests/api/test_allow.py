"""A wrong method is a 405 whose Allow header lists the path's documented methods (schemathesis checks this)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings


def test_405_lists_every_method_of_a_path_served_by_several_routes(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path))) as client:
        answers = {
            path: client.request("OPTIONS", path)
            for path in ("/alerts", "/alerts/some-id", "/alerts/dead-letters", "/search")
        }
    assert {path: r.status_code for path, r in answers.items()} == dict.fromkeys(answers, 405)
    # HEAD wherever GET is (api.head answers it; the Allow header left it out)
    assert answers["/alerts"].headers["allow"] == "GET, HEAD, POST"
    assert answers["/alerts/some-id"].headers["allow"] == "GET, HEAD, DELETE"
    assert answers["/alerts/dead-letters"].headers["allow"] == "GET, HEAD"
    assert answers["/search"].headers["allow"] == "GET, HEAD"


def test_405_on_a_page_names_every_method_of_its_routes_and_head(tmp_path: Path) -> None:
    """The pages are not in the OpenAPI description: Starlette named the first route's methods only (`/ui/alerts`
    said GET, though its form posts there), and HEAD nowhere."""
    with TestClient(create_app(Settings(data_dir=tmp_path))) as client:
        answers = {path: client.request("OPTIONS", path) for path in ("/ui/agreements", "/ui/alerts")}
    assert {path: r.status_code for path, r in answers.items()} == dict.fromkeys(answers, 405)
    assert answers["/ui/agreements"].headers["allow"] == "GET, HEAD"
    assert answers["/ui/alerts"].headers["allow"] == "GET, HEAD, POST"


def test_405_on_a_static_file_names_get_and_head_only(tmp_path: Path) -> None:
    """The static files' mount takes every method to refuse all but GET and HEAD itself: the Allow header of its
    405 named every method, the refused one too ('PUT is not allowed; allowed: ..., PUT, ...')."""
    with TestClient(create_app(Settings(data_dir=tmp_path))) as client:
        answers = [client.request(method, "/static/style.css") for method in ("PUT", "POST", "DELETE")]
        got = client.get("/static/style.css")
    assert got.status_code == 200
    assert [r.status_code for r in answers] == [405] * 3
    assert [r.headers["allow"] for r in answers] == ["GET, HEAD"] * 3


def test_the_path_table_is_built_once_per_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(Settings(data_dir=tmp_path))
    calls = []
    described = app.openapi

    def counted() -> dict[str, Any]:
        calls.append(1)
        return described()

    monkeypatch.setattr(app, "openapi", counted)
    with TestClient(app) as client:
        for _ in range(3):
            assert client.request("OPTIONS", "/alerts").headers["allow"] == "GET, HEAD, POST"
    assert len(calls) == 1
