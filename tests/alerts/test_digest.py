"""Issue 20, item 6: digests. An hourly saved search made and fed through `presswatch serve` sends nothing
until its period ends, then one message per target listing every document it fired, once; the delivery
worker (`presswatch alerts deliver`'s) runs here with a clock moved past the hour instead of waiting for it."""

from __future__ import annotations

import time
from pathlib import Path

from alerts.delivery import DeliveryWorker
from alerts.store import AlertStore
from presswatch.alerts_cli import _service
from presswatch.config import Settings
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.serving import serving

DOCUMENTS = {
    "https://news.example/reservoirs": "Reservoir levels fall across the Danube basin\n"
    "The water ministry said reservoir levels in the Danube basin fell for a third month.",
    "https://other.example/dams": "Two dams to be rebuilt before winter\n"
    "Engineers will rebuild two dams so that the reservoir behind them holds more water.",
    "https://other.example/rail": "Rail line reopens after floods\n"
    "The line between the two cities reopened on Tuesday after repairs to the track.",
}


def test_hourly_digest_reaches_chat_targets_once(tmp_path: Path) -> None:
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
                },
            )
            assert created.status_code == 201, created.text
            for url, text in DOCUMENTS.items():
                ingested = server.api.post("/ingest", json={"url": url, "text": text})
                assert ingested.status_code == 200, ingested.text
            fired = server.api.get(f"/alerts/{created.json()['id']}/alerts").json()
        assert {a["url"] for a in fired} == set(list(DOCUMENTS)[:2])  # recorded (and in the feed) at once

        settings = Settings(data_dir=data_dir, alerts_allow_private_networks=True, alerts_webhook_timeout=5.0)
        with _service(settings) as service:
            for now in (t0, t0 + 7200, t0 + 7200):  # the period not over; over; over again (nothing new)
                worker = DeliveryWorker(service=service, settings=settings, clock=lambda now=now: now)
                try:
                    worker.run_once()
                finally:
                    worker.close()
                if now == t0:
                    assert slack_like.received() == [] and ntfy.received() == []

    for received in (slack_like.received(), ntfy.received()):
        assert len(received) == 1, received
        [message] = received
        assert message.count("Reservoir levels fall across the Danube basin") == 1
        assert message.count("Two dams to be rebuilt before winter") == 1
        assert "https://other.example/dams" in message and "Rail line" not in message
        assert "2 documents" in message
    with AlertStore(path=data_dir / "alerts.sqlite3") as store:
        rows = store.deliveries()
        assert [(d.channel, d.state) for d in rows] == [("chat", "delivered")] * 2
        assert store.awaiting_digest() == []
