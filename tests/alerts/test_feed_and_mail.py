"""Issue 16, point 15: the Atom feed declares its charset and answers conditional GETs; an alert e-mail has
Date and Message-ID, a plain and an HTML part, readable figures and a link to manage the alert."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from alerts.delivery import DeliveryWorker
from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Figure, Mention
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Inbox
from tests.alerts.helpers import agreement, doc, index_and_match, ingest, place

KEY = {"X-API-Key": "alice-key"}
DASHED = doc(
    "kosovo-dash",
    "UK – Kosovo returns deal “planned”",
    "The UK will sign a deal with Kosovo.",
    entities=(place("Kosovo", "XK"),),
    agreements=(agreement("planned", "United Kingdom", "Kosovo"),),
)


@pytest.fixture
def client(alert_settings: Settings) -> Iterator[TestClient]:
    settings = alert_settings.model_copy(update={"api_keys": [SecretStr("alice-key")]})
    with TestClient(create_app(settings)) as opened:
        yield opened


def test_the_feed_has_a_charset_and_answers_conditional_gets(
    client: TestClient, alert_settings: Settings
) -> None:
    saved = client.post("/alerts", headers=KEY, json={"kind": "agreement", "party": "Kosovo"}).json()
    index_and_match(alert_settings, [DASHED])
    first = client.get(saved["feed_url"])
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert feedparser.parse(first.content).entries[0].title == DASHED.title  # the en dash, not mojibake
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert parsedate_to_datetime(modified).tzinfo is not None

    again = client.get(saved["feed_url"], headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get(saved["feed_url"], headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(saved["feed_url"], headers={"If-None-Match": '"other"'}).status_code == 200

    later = DASHED.model_copy(update={"agreements": (agreement("signed", "United Kingdom", "Kosovo"),)})
    index_and_match(alert_settings, [later])
    changed = client.get(saved["feed_url"], headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert len(feedparser.parse(changed.content).entries) == 2


def test_an_alert_email_is_a_proper_message(alert_settings: Settings, smtp_inbox: Inbox) -> None:
    body = "The Border Force gets £75m for new boats, the Home Office said."
    at = body.index("£75m")
    figure = Figure(kind="money", text="£75m", value=75e6, currency="GBP", start=at, end=at + 4)
    force = Mention(text="Border Force", label="ORG", normalized="Border Force", start=4, end=16)
    boats = doc("boats", "Border Force – new boats", body, entities=(force,), figures=(figure,))
    settings = alert_settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_inbox.port,
            "smtp_starttls": False,
            "smtp_from": "alerts@presswatch.example",
            "public_url": "https://presswatch.example/",
        }
    )
    backend = SQLiteBackend(path=settings.sqlite_path)
    with AlertService.open(settings, backend=backend) as service:
        spec = SavedSearchSpec(
            name="Boats", kind="figure", entity="Border Force", min_amount=1e6, email="me@example.test"
        )
        service.create(owner="o", spec=spec)
        ingest(service, backend, [boats])
        worker = DeliveryWorker(service=service, settings=settings)
        for _ in range(200):
            worker.run_once()
            if smtp_inbox.messages:
                break
        worker.close()
    backend.close()
    [(_, raw)] = smtp_inbox.messages
    message = message_from_bytes(raw, policy=default)
    assert parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["Message-ID"].endswith("@presswatch.example>")
    assert message["Subject"] == "[presswatch] Boats: Border Force – new boats"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for part in (text, html):
        assert "£75m (75,000,000 GBP)" in part
        assert "e+07" not in part
        assert "https://presswatch.example/ui/alerts" in part
        assert boats.url in part
    assert "<a href=" in html and "<h1>" in html


def test_feed_urls_are_under_the_public_url_as_the_cli_prints_them(alert_settings: Settings) -> None:
    """Behind a proxy the API is reached at an inner address: the feed URL it answers, the alerts page's link
    and the feed's own self link are under PRESSWATCH_PUBLIC_URL (as the feed's document links and the CLI's
    feed_url are), not under that inner address, which a feed reader elsewhere cannot reach."""
    public = "https://presswatch.example/desk"
    settings = alert_settings.model_copy(update={"public_url": public})
    with TestClient(create_app(settings), base_url="http://10.0.0.7:8000") as client:
        saved = client.post("/alerts", json={"kind": "agreement", "party": "Kosovo"}).json()
        index_and_match(settings, [DASHED])
        path = f"/alerts/{saved['id']}/feed.atom"
        assert saved["feed_url"].startswith(public + path + "?token=")
        feed = feedparser.parse(
            client.get(path, params={"token": saved["feed_url"].split("token=")[1]}).content
        )
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [saved["feed_url"]]
        assert feed.entries[0].links[-1].href.startswith(public + "/ui/documents/")
        page = client.get("/ui/alerts").text
    assert saved["feed_url"] in page.replace("&amp;", "&")
    assert "10.0.0.7" not in page
