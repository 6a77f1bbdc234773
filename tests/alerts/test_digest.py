"""Issue 20, item 6: digests. An hourly saved search made and fed through `presswatch serve` sends nothing
until its period ends, then one message per target listing every document it fired, once; the delivery
worker (`presswatch alerts deliver`'s) runs here with a clock moved past the hour instead of waiting for it."""

from __future__ import annotations

import time
from pathlib import Path

from alerts.delivery import SIGNATURE_HEADER, verify
from alerts.store_sqlite import SQLiteAlertStore
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.conftest import Receiver
from tests.alerts.serving import deliver_once, serving

DOCUMENTS = {
    "https://news.example/reservoirs": "Reservoir levels fall across the Danube basin\n"
    "The water ministry said reservoir levels in the Danube basin fell for a third month.",
    "https://other.example/dams": "Two dams to be rebuilt before winter\n"
    "Engineers will rebuild two dams so that the reservoir behind them holds more water.",
    "https://other.example/rail": "Rail line reopens after floods\n"
    "The line between the two cities reopened on Tuesday after repairs to the track.",
}


def test_hourly_digest_reaches_chat_targets_once(tmp_path: Path, receiver: Receiver) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    t0 = time.time()  # before anything fired: the hour it falls in has not ended at t0
    with chat_receiver() as slack_like, chat_receiver() as ntfy:
        urls = [
            f"json://127.0.0.1:{slack_like.port}/hooks/T0/B0/token",
            f"ntfy://127.0.0.1:{ntfy.port}/water",
        ]
        with serving(data_dir, PRESSWATCH_ALERTS_DELIVER_IN_SERVE="false") as server:
            created = server.api.post(
                "/alerts",
                json={
                    "name": "Water",
                    "query": {"q": "reservoir"},
                    "delivery": "hourly",
                    "apprise_urls": urls,
                    "webhook_url": receiver.url,
                },
            )
            assert created.status_code == 201, created.text
            for url, text in DOCUMENTS.items():
                ingested = server.api.post("/ingest", json={"url": url, "text": text})
                assert ingested.status_code == 200, ingested.text
            fired = server.api.get(f"/alerts/{created.json()['id']}/alerts").json()
        assert {a["url"] for a in fired} == set(list(DOCUMENTS)[:2])  # recorded (and in the feed) at once

        deliver_once(data_dir, now=t0)  # the period is not over
        assert slack_like.received() == [] and ntfy.received() == [] and receiver.accepted == []
        deliver_once(data_dir, now=t0 + 7200)  # it is
        deliver_once(data_dir, now=t0 + 7200)  # and again: nothing new to send

    for received in (slack_like.received(), ntfy.received()):
        assert len(received) == 1, received
        [message] = received
        assert message.count("Reservoir levels fall across the Danube basin") == 1
        assert message.count("Two dams to be rebuilt before winter") == 1
        assert "https://other.example/dams" in message and "Rail line" not in message
        assert "2 documents" in message
    [webhook] = receiver.accepted  # a DigestPayload, signed like an alert
    body = webhook.json()
    assert webhook.headers["X-Presswatch-Digest"] == str(body["digest_id"])
    assert sorted(a["url"] for a in body["alerts"]) == sorted(list(DOCUMENTS)[:2])  # type: ignore[union-attr,index]
    assert verify(
        secret=created.json()["secret"], header=webhook.headers[SIGNATURE_HEADER], body=webhook.body
    )
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        rows = store.deliveries()
        assert sorted((d.channel, d.state) for d in rows) == [("chat", "delivered")] * 2 + [
            ("webhook", "delivered")
        ]
        assert store.awaiting_digest() == []
