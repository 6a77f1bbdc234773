"""Issue 20, item 6: one alert per story. Three outlets publish the same story (the indexer links them under
one `story_id`); through `presswatch serve`, a saved search fires once, and that alert names the three outlets:
its history at once, and an hourly digest sent to a chat target after the hour."""

from __future__ import annotations

import time
from pathlib import Path

from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.conftest import Receiver
from tests.alerts.serving import deliver_once, outbox_settled, serving, wait_until

STORY = (
    "The government of Moldova and the European Investment Bank signed a loan of 120 million euros on Monday to "
    "rebuild the water network of Chisinau, replacing 300 kilometres of pipes laid in the 1970s and building two "
    "new treatment plants that will serve more than half a million residents by the end of 2028."
)
OUTLETS = {
    "gov-md": ("https://gov.example.md/news/water-loan", "Moldova signs water loan with EIB"),
    "balkan-wire": (
        "https://wire.example.com/2026/moldova-water",
        "EIB lends Moldova 120 million euros for water",
    ),
    "daily-east": ("https://east.example.org/chisinau-pipes", "Chisinau to get new water pipes"),
}


def test_a_story_from_three_outlets_fires_one_alert_naming_them(tmp_path: Path, receiver: Receiver) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with chat_receiver() as chat:
        with serving(data_dir, PRESSWATCH_ALERTS_DELIVER_IN_SERVE="false") as server:
            at_once = server.api.post(
                "/alerts", json={"query": {"q": "Chisinau water"}, "webhook_url": receiver.url}
            )
            hourly = server.api.post(
                "/alerts",
                json={
                    "query": {"q": "Chisinau water"},
                    "delivery": "hourly",
                    "apprise_urls": [f"json://127.0.0.1:{chat.port}/hook"],
                },
            )
            assert at_once.status_code == hourly.status_code == 201, (at_once.text, hourly.text)
            stories = set()
            for source, (url, title) in OUTLETS.items():
                ingested = server.api.post(
                    "/ingest", json={"url": url, "title": title, "text": STORY, "source": source}
                )
                assert ingested.status_code == 200, ingested.text
                stories.add(ingested.json()["document"]["story_id"])
            assert len(stories) == 1 and None not in stories  # the index linked the three copies
            history = [server.api.get(f"/alerts/{s.json()['id']}/alerts").json() for s in (at_once, hourly)]
        for fired in history:
            [alert] = fired  # the first copy fired; the others joined its alert
            assert {o["source"] for o in alert["outlets"]} == set(OUTLETS)

        # A `presswatch alerts deliver --once --as-of` process, past the end of the hour: the webhook and the
        # digest go out.
        deliver_once(data_dir, as_of=time.time() // 3600 * 3600 + 3600)
        wait_until(outbox_settled(data_dir), what="the outbox settling")

    [webhook] = receiver.accepted
    assert webhook.json()["url"] == OUTLETS["gov-md"][0]
    [digest] = chat.received()
    for url, _ in OUTLETS.values():
        assert digest.count(url) == 1, digest
