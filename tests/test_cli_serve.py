"""`presswatch serve --host H --port P`: the settings it serves with (those the alert delivery in `serve`
writes its links from) say where it listens, unless PRESSWATCH_PUBLIC_URL names the public address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presswatch import cli, serve
from presswatch.config import Settings, get_settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Settings]]:
    """Runs `serve` up to the server: the settings it would serve with, instead of serving."""
    seen: list[Settings] = []

    def record(settings: Settings, *, host: str, port: int, workers: int) -> int:
        seen.append(settings)
        return 0

    monkeypatch.setattr(serve, "serve", record)
    get_settings.cache_clear()
    yield seen
    get_settings.cache_clear()


def test_alert_links_point_where_serve_listens(
    served: list[Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSWATCH_PUBLIC_URL", raising=False)
    assert cli.main(["serve", "--host", "127.0.0.2", "--port", "9123"]) == 0
    [settings] = served
    assert settings.base_url == "http://127.0.0.2:9123"


def test_a_public_url_still_wins(served: list[Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_PUBLIC_URL", "https://presswatch.example/")
    assert cli.main(["serve", "--port", "9123"]) == 0
    assert served[0].base_url == "https://presswatch.example"
