"""Issue 20, item 6: chat targets through Apprise, sent by `presswatch serve`'s delivery worker to real
loopback receivers (json:// as a Slack-style webhook, ntfy://), under the webhooks' network rule."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
import time
from pathlib import Path

from alerts.chat import CHAT_PLUGINS
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.helpers import agreement, doc, index_and_match, kosovo_deals, watch_kosovo
from tests.alerts.serving import deliver_once, outbox_settled, serving, wait_until

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
        # Apprise can send these, but on this machine (syslog) or by UDP to any address (rsyslog, which
        # reached a loopback receiver with private networks refused): outside the network rule.
        local_or_raw = [
            server.api.post("/alerts", json={"query": {"q": "x"}, "apprise_urls": [url]})
            for url in ("rsyslog://127.0.0.1:5140/", "syslog://", "mailto://user:pass@example.com")
        ]
        listed = server.api.get("/alerts")
    assert unknown.status_code == 400 and "Apprise" in unknown.json()["detail"], unknown.text
    for local in local_or_raw:
        assert local.status_code == 400 and "not a chat URL presswatch can send to" in local.text, local.text
    assert broken.status_code in (400, 422) and "control characters" in broken.text, broken.text
    assert listed.json() == []


def test_every_accepted_chat_service_posts_through_requests() -> None:
    """The network rule hooks the name lookup requests (urllib3) makes: each accepted plugin, or a class it
    builds on, must send with it."""
    for name in sorted(CHAT_PLUGINS):
        module = importlib.import_module(name)
        sources = [
            inspect.getsource(sys.modules[c.__module__])
            for cls in vars(module).values()
            if isinstance(cls, type) and cls.__module__ == name
            for c in cls.__mro__
            if c.__module__.startswith("apprise.plugins.") and c.__module__ != "apprise.plugins.base"
        ]
        assert any(
            "requests.post(" in s or "requests.request(" in s or "requests.get(" in s for s in sources
        ), name


def test_a_crawled_title_cannot_ping_a_whole_channel(tmp_path: Path) -> None:
    """A page's own "@channel" or Slack's "<!channel>" reached a Mattermost (Slack-style) webhook as written,
    so any site whose page matched a saved search could notify everyone in the channel."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    loud = "@channel Reservoir levels fall <!channel>\nThe reservoir is low, @here said; write to press@gov.example or https://social.example/@press."
    with chat_receiver() as slack_like, serving(data_dir) as server:
        created = server.api.post(
            "/alerts",
            json={
                "query": {"q": "reservoir"},
                "apprise_urls": [f"mmost://127.0.0.1:{slack_like.port}/t0k3n"],
            },
        )
        assert created.status_code == 201, created.text
        ingested = server.api.post("/ingest", json={"url": "https://news.example/loud", "text": loud})
        assert ingested.status_code == 200, ingested.text
        wait_until(lambda: bool(slack_like.received()), what="the chat target receiving")
    [body] = slack_like.received()
    text = json.loads(body)["text"]
    assert "Reservoir levels fall" in text
    assert "press@gov.example" in text and "https://social.example/@press" in text  # addresses work
    for mention in ("@channel", "<!channel>", "@here"):
        assert mention not in text, text
    assert "@\u200bchannel" in text  # it reads the same


def test_a_chat_message_says_why_the_alert_fired(alert_settings: Settings) -> None:
    """As the e-mail does: the saved search, and the reason (a new agreement involving Kosovo; the same release
    edited from 'will sign' to 'signed', which fires again for that reason alone)."""
    planned = doc(
        "kosovo",
        "UK and Kosovo to sign a returns deal",
        "The UK will sign a returns deal with Kosovo.",
        agreements=(agreement("planned", "United Kingdom", "Kosovo"),),
    )
    signed = planned.model_copy(update={"agreements": (agreement("signed", "United Kingdom", "Kosovo"),)})
    with chat_receiver() as chat:
        watch_kosovo(alert_settings, {"Kosovo deals": f"json://127.0.0.1:{chat.port}/hook"})
        for version in (planned, signed):
            assert index_and_match(alert_settings, [version]) == 1
            assert deliver_once(Path(alert_settings.data_dir), as_of=time.time()) == 1
        sent = [json.loads(body) for body in chat.received()]

    assert [m["title"] for m in sent] == [
        "[presswatch] Kosovo deals: UK and Kosovo to sign a returns deal"
    ] * 2
    first, second = (m["message"] for m in sent)
    assert "Why it matched:\n- agreement (planned): United Kingdom, Kosovo: " in first
    assert "Why it matched:\n- agreement (signed): United Kingdom, Kosovo: " in second
    assert "(planned)" not in second


def test_a_chat_message_with_many_reasons_stays_within_the_services_length(alert_settings: Settings) -> None:
    """A release naming forty agreements with Kosovo listed all forty under 'Why it matched': a message longer
    than the service takes (Mattermost 4,000 characters, Rocket.Chat 1,000, Pushover 1,024, Discord 2,000),
    which it refuses, so the alert was retried until it died."""
    from apprise.plugins.mattermost import NotifyMattermost

    many = tuple(
        agreement("signed", "United Kingdom", "Kosovo").model_copy(
            update={"text": f"The United Kingdom and Kosovo signed memorandum number {n} on returns, " * 3}
        )
        for n in range(40)
    )
    release = doc(
        "kosovo-many", "UK and Kosovo sign forty memoranda", "Forty memoranda were signed.", agreements=many
    )
    with chat_receiver() as chat:
        watch_kosovo(alert_settings, {"Kosovo deals": f"mmost://127.0.0.1:{chat.port}/t0k3n"})
        assert index_and_match(alert_settings, [release]) == 1
        assert deliver_once(Path(alert_settings.data_dir), as_of=time.time()) == 1
        [body] = chat.received()

    text = json.loads(body)["text"]
    assert len(text) <= NotifyMattermost.body_maxlen, len(text)
    assert "memorandum number 0 " in text  # why it fired, as far as the message has room


def test_a_chat_message_is_cut_to_a_small_services_length(alert_settings: Settings) -> None:
    """Rocket.Chat takes 1,000 characters: five reasons of 200 characters, the title and the links went whole,
    which the service refuses, so the alert was retried until it died. A URL that chooses its own overflow
    keeps it (`overflow=upstream`: a self-hosted server that takes longer posts)."""
    from apprise.plugins.rocketchat import NotifyRocketChat

    limit = NotifyRocketChat.body_maxlen
    release = kosovo_deals("many", 8)
    with chat_receiver() as cut, chat_receiver() as whole:
        watch_kosovo(
            alert_settings,
            {
                "Deals": f"rocket://abc/def@127.0.0.1:{cut.port}",
                "Deals whole": f"rocket://abc/def@127.0.0.1:{whole.port}?overflow=upstream",
            },
            delivery="immediate",
        )
        assert index_and_match(alert_settings, [release]) == 2
        assert deliver_once(Path(alert_settings.data_dir), as_of=time.time()) == 2
        [sent] = [json.loads(b)["text"] for b in cut.received()]
        [kept] = [json.loads(b)["text"] for b in whole.received()]
    assert len(sent) <= limit, len(sent)
    assert sent.startswith("[presswatch] Deals: UK and Kosovo sign memoranda") and release.url in sent
    assert "Why it matched:\n- agreement (signed)" in sent
    assert len(kept) > limit and "and 3 more, on the page" in kept and kept.endswith("by both governments.")


def test_a_chat_digest_is_cut_to_a_small_services_length(alert_settings: Settings) -> None:
    """Twenty releases in an hour's digest, each its title and two links: 4,000 characters to a service that
    takes 1,000."""
    from apprise.plugins.rocketchat import NotifyRocketChat

    releases = [kosovo_deals(f"batch-{n}", 1) for n in range(20)]
    with chat_receiver() as chat:
        watch_kosovo(alert_settings, {"Deals": f"rocket://abc/def@127.0.0.1:{chat.port}"}, delivery="hourly")
        assert index_and_match(alert_settings, releases) == 20
        assert deliver_once(Path(alert_settings.data_dir), as_of=time.time() + 3600) == 1
        [sent] = [json.loads(b)["text"] for b in chat.received()]
    assert len(sent) <= NotifyRocketChat.body_maxlen, len(sent)
    assert sent.startswith("[presswatch] Deals: 20 documents")
    # The documents that fit, each whole, and how many more there are: cut by Apprise, the message ended in
    # the middle of a document's links and did not say that 17 were left out.
    listed = [release for release in releases if f"{release.url}\n" in sent]
    assert 0 < len(listed) < 20
    assert sent.endswith(f"\n\nand {20 - len(listed)} more at {alert_settings.base_url}/ui/alerts"), sent
    for release in listed:
        assert f"{release.url}\nIn presswatch: {alert_settings.base_url}/ui/documents/{release.id}\n" in sent
