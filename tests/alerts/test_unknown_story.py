"""A story watch (or a search's story filter) of a story the index does not hold is a 404 that names the field
and the story: it was saved and could never fire. A story the index holds is saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from alerts.service import AlertService
from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc, ingest

KEY = {"X-API-Key": "alice-key"}
IN_STORY = doc("water-loan", "Moldova signs a water loan", "The loan rebuilds pipes.", story_id="story-water")


@pytest.fixture
def client(alert_settings: Settings) -> Iterator[TestClient]:
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        ingest(service, backend, [IN_STORY])
    backend.close()
    settings = alert_settings.model_copy(update={"api_keys": [SecretStr("alice-key")]})
    with TestClient(create_app(settings)) as opened:
        yield opened


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"kind": "story", "story_id": "no-such-story"}, "story_id"),
        ({"query": {"q": "water", "story": "no-such-story"}}, "query.story_id"),
    ],
)
def test_a_story_the_index_does_not_hold_is_a_404_naming_the_field(
    client: TestClient, body: dict[str, object], where: str
) -> None:
    refused = client.post("/alerts", headers=KEY, json=body)
    assert refused.status_code == 404, refused.text
    assert refused.json()["detail"].startswith(f"{where} 'no-such-story' is no story of the index")
    assert client.get("/alerts", headers=KEY).json() == []


def test_a_story_the_index_holds_is_watched(client: TestClient) -> None:
    made = client.post("/alerts", headers=KEY, json={"kind": "story", "story_id": "story-water"})
    assert made.status_code == 201, made.text
    assert made.json()["spec"]["story_id"] == "story-water"


def test_the_cli_refuses_it_in_one_line(
    alert_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from presswatch import cli
    from presswatch.config import get_settings

    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(alert_settings.data_dir))
    get_settings.cache_clear()
    try:
        code = cli.main(["alerts", "add", "--story", "no-such-story"])
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert code == 2 and "'no-such-story' is no story of the index" in err, err
