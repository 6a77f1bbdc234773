"""Issue 20, item 6: chat targets through Apprise, sent by `presswatch serve`'s delivery worker to real
loopback receivers (json:// as a Slack-style webhook, ntfy://), under the webhooks' network rule."""

from __future__ import annotations

from pathlib import Path

from alerts.store_sqlite import SQLiteAlertStore
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.serving import outbox_settled, serving, wait_until

TEXT = (
    "Reservoir levels fall across the Danube basin\n"
    "The water ministry said on Monday that reservoir levels in the Danube basin fell for a third month."
)


def test_chat_targets_receive_the_alert_through_serve(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with chat_receiver() as slack_like, chat_receiver() as ntfy, serving(data_dir) as server:
        json_url = f"json://127.0.0.1:{slack_like.port}/hooks/T000/B000/secrettoken"
        ntfy_url = f"ntfy://127.0.0.1:{ntfy.port}/presswatch-water"
        created = server.api.post(
            "/alerts",
            json={"name": "Reservoirs", "query": {"q": "reservoir"}, "apprise_urls": [json_url, ntfy_url]},
        )
        assert created.status_code == 201, created.text
        assert created.json()["spec"]["apprise_urls"] == [json_url, ntfy_url]  # its owner sees them
        ingested = server.api.post("/ingest", json={"url": "https://news.example/reservoirs", "text": TEXT})
        assert ingested.status_code == 200, ingested.text
        wait_until(
            lambda: bool(slack_like.received() and ntfy.received()), what="both chat targets receiving"
        )
        wait_until(outbox_settled(data_dir), what="the outbox settling")
        listed = server.api.get("/alerts", headers={"X-API-Key": "someone-else"})
    [to_slack] = slack_like.received()
    [to_ntfy] = ntfy.received()
    for body in (to_slack, to_ntfy):
        assert "Reservoir levels fall across the Danube basin" in body
        assert "https://news.example/reservoirs" in body
    assert "presswatch-water" in to_ntfy  # the topic
    assert "secrettoken" not in listed.text
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        assert {(d.channel, d.state) for d in store.deliveries()} == {("chat", "delivered")}


def test_a_private_chat_target_is_refused_without_the_allowance(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with (
        chat_receiver() as ntfy,
        serving(data_dir, PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS="false") as server,
    ):
        created = server.api.post(
            "/alerts", json={"query": {"q": "reservoir"}, "apprise_urls": [f"ntfy://127.0.0.1:{ntfy.port}/t"]}
        )
        assert created.status_code == 201, created.text  # the rule is checked where Apprise connects
        ingested = server.api.post("/ingest", json={"url": "https://news.example/reservoirs", "text": TEXT})
        assert ingested.status_code == 200, ingested.text
        wait_until(outbox_settled(data_dir), what="the outbox settling")
    assert ntfy.received() == []
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        [dead] = store.deliveries()
    assert dead.state == "dead"
    assert "loopback address 127.0.0.1" in (dead.last_error or "")


def test_chat_urls_are_checked_on_save(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with serving(data_dir) as server:
        unknown = server.api.post("/alerts", json={"query": {"q": "x"}, "apprise_urls": ["nonsense://a/b"]})
        broken = server.api.post(
            "/alerts", json={"query": {"q": "x"}, "apprise_urls": ["ntfy://h/t\r\nX: y"]}
        )
        listed = server.api.get("/alerts")
    assert unknown.status_code == 400 and "Apprise" in unknown.json()["detail"], unknown.text
    assert broken.status_code in (400, 422) and "control characters" in broken.text, broken.text
    assert listed.json() == []
