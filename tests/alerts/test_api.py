"""The /alerts routes: an API key owns its saved searches; the Atom feed validates as Atom."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from xml.etree import ElementTree

import feedparser
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from alerts.service import AlertService
from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Document
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import agreement, doc, ingest, place

KEYS = {"alice": {"X-API-Key": "alice-key"}, "bob": {"X-API-Key": "bob-key"}}
KOSOVO = doc(
    "kosovo",
    "UK and Kosovo plan a deal",
    "The UK will sign a deal with Kosovo.",
    entities=(place("Kosovo", "XK"),),
    agreements=(agreement("planned", "United Kingdom", "Kosovo"),),
)


@pytest.fixture
def client(alert_settings: Settings) -> Iterator[TestClient]:
    settings = alert_settings.model_copy(update={"api_keys": [SecretStr("alice-key"), SecretStr("bob-key")]})
    with TestClient(create_app(settings)) as opened:
        yield opened


def test_crud_pause_resume_per_api_key(client: TestClient) -> None:
    assert client.post("/alerts", json={"kind": "agreement", "party": "Kosovo"}).status_code == 401
    made = client.post(
        "/alerts",
        headers=KEYS["alice"],
        json={"name": "Kosovo deals", "kind": "agreement", "party": "kosovo"},
    )
    assert made.status_code == 201, made.text
    saved = made.json()
    assert saved["spec"]["party"] == "Kosovo" and not saved["paused"] and saved["secret"]
    search = client.post(
        "/alerts",
        headers=KEYS["alice"],
        json={"query": {"text": "frigates", "figure_currency": "GBP", "figure_min": 1e7}},
    )
    assert search.status_code == 201, search.text
    assert [s["id"] for s in client.get("/alerts", headers=KEYS["alice"]).json()] == [
        saved["id"],
        search.json()["id"],
    ]
    assert client.get("/alerts", headers=KEYS["bob"]).json() == []
    assert client.get(f"/alerts/{saved['id']}", headers=KEYS["bob"]).status_code == 404
    assert client.delete(f"/alerts/{saved['id']}", headers=KEYS["bob"]).status_code == 404
    assert client.post(f"/alerts/{saved['id']}/pause", headers=KEYS["alice"]).json()["paused"] is True
    assert client.post(f"/alerts/{saved['id']}/resume", headers=KEYS["alice"]).json()["paused"] is False
    assert client.delete(f"/alerts/{saved['id']}", headers=KEYS["alice"]).status_code == 204
    assert client.get(f"/alerts/{saved['id']}", headers=KEYS["alice"]).status_code == 404


def test_bad_saved_searches_are_400_with_the_reason(client: TestClient) -> None:
    empty = client.post("/alerts", headers=KEYS["alice"], json={})
    assert empty.status_code == 400 and "text or at least one filter" in empty.json()["detail"]
    partyless = client.post("/alerts", headers=KEYS["alice"], json={"kind": "agreement"})
    assert partyless.status_code == 400 and partyless.json()["detail"] == "an agreement watch needs party"
    semantic = client.post(
        "/alerts", headers=KEYS["alice"], json={"query": {"text": "x", "mode": "semantic"}}
    )
    assert semantic.status_code == 400 and "semantic" in semantic.json()["detail"]  # says why it cannot run


@pytest.mark.parametrize(
    "query",
    [
        {"q": "Kosovo", "entity": ""},
        {"q": "Kosovo", "source": [" "]},
        {"party": ["Kosovo", ""]},
        {"story": ""},
    ],
)
def test_a_saved_search_with_an_empty_name_is_refused(client: TestClient, query: dict[str, object]) -> None:
    """It was saved, and matched nothing ever: an alert that never fires, and no one told."""
    refused = client.post("/alerts", headers=KEYS["alice"], json={"query": query})
    assert refused.status_code == 400, refused.text
    assert "would never fire" in refused.json()["detail"]
    assert client.get("/alerts", headers=KEYS["alice"]).json() == []


def test_the_atom_feed_lists_the_alerts_and_validates(client: TestClient, alert_settings: Settings) -> None:
    saved = client.post(
        "/alerts", headers=KEYS["alice"], json={"name": "Kosovo", "kind": "agreement", "party": "Kosovo"}
    ).json()
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        ingest(service, backend, [KOSOVO])
    backend.close()
    assert client.get(f"/alerts/{saved['id']}/feed.atom", params={"token": "wrong"}).status_code == 404
    response = client.get(saved["feed_url"])
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    [entry] = feed.entries
    assert entry.link == KOSOVO.url and entry.title == KOSOVO.title
    assert "agreement:Kosovo+United Kingdom:planned" in entry.summary
    fired = client.get(f"/alerts/{saved['id']}/alerts", headers=KEYS["alice"]).json()
    assert [a["doc_id"] for a in fired] == [KOSOVO.id]


def test_what_fired_pages_back_through_every_alert(client: TestClient, alert_settings: Settings) -> None:
    saved = client.post("/alerts", headers=KEYS["alice"], json={"kind": "mention", "entity": "Kosovo"}).json()
    releases = [
        doc(f"kosovo-{n}", f"Kosovo release {n}", "Kosovo said so.", entities=(place("Kosovo", "XK"),))
        for n in range(55)
    ]
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        ingest(service, backend, releases)
    backend.close()
    path = f"/alerts/{saved['id']}/alerts"
    newest = client.get(path, headers=KEYS["alice"]).json()
    assert len(newest) == 50  # the default page
    read, before = [], None
    while True:
        params = {"limit": 20} if before is None else {"limit": 20, "before": before}
        page = client.get(path, headers=KEYS["alice"], params=params).json()
        if not page:
            break
        assert len(page) <= 20
        read += page
        before = page[-1]["alert_id"]
    assert [a["alert_id"] for a in read] == sorted((a["alert_id"] for a in read), reverse=True)
    assert {a["doc_id"] for a in read} == {d.id for d in releases}
    assert read[:50] == newest
    assert client.get(path, headers=KEYS["alice"], params={"limit": 0}).status_code == 422
    # an id past what the store's integers hold is a bad request, not SQLite's OverflowError as a 500
    assert client.get(path, headers=KEYS["alice"], params={"before": 2**64}).status_code == 422
    assert client.get(path, headers=KEYS["bob"], params={"before": before}).status_code == 404


def test_the_feed_of_an_alert_on_a_page_dated_by_its_day_alone(
    client: TestClient, alert_settings: Settings
) -> None:
    """A page that states only its day is published at a time with no zone; its alert broke the whole feed
    (500: feedgen refuses a naive time), so the reader saw nothing more from that search."""
    dated = KOSOVO.model_copy(update={"published": datetime(2026, 11, 25)})
    [entry] = _feed_of_a_mention_alert_on(client, alert_settings, dated).entries
    assert entry.published == "2026-11-25T00:00:00+00:00"


def test_the_feed_of_an_alert_on_a_title_holding_control_characters(
    client: TestClient, alert_settings: Settings
) -> None:
    """XML cannot hold NUL or most C0 controls: a crawled (or ingested) title with one answered 500 for the
    whole feed from then on."""
    broken = KOSOVO.model_copy(update={"title": "UK and Kosovo\x00 plan\x0b a deal\x1f"})
    [entry] = _feed_of_a_mention_alert_on(client, alert_settings, broken).entries
    assert entry.title == "UK and Kosovo plan a deal"


def _feed_of_a_mention_alert_on(
    client: TestClient, alert_settings: Settings, document: Document
) -> feedparser.FeedParserDict:
    """The Atom feed, fetched through its route, of a mention alert on Kosovo after `document` fired it."""
    saved = client.post("/alerts", headers=KEYS["alice"], json={"kind": "mention", "entity": "Kosovo"}).json()
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with AlertService.open(alert_settings, backend=backend) as service:
        ingest(service, backend, [document])
    backend.close()
    response = client.get(saved["feed_url"])
    assert response.status_code == 200, response.text
    return feedparser.parse(response.content)
