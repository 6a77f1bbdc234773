"""Issue 20, item 6: digests, through the routes people use. Saved searches made and fed through
`presswatch serve` (its own delivery off) send nothing until their period ends; then each
`presswatch alerts deliver --once --as-of TIME` process, TIME past the end of the hour or the day, sends one
message per target listing every document the search fired, once: to a Slack-style webhook (Mattermost's
incoming webhook, Slack's `{"text": ...}` body), ntfy, a signed webhook and a real SMTP server. `--as-of` is
the operator's way to send a period's digests early, so no test-only clock is needed."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from alerts.delivery import SIGNATURE_HEADER, verify
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.conftest import Inbox, Receiver
from tests.alerts.helpers import index_and_match, kosovo_deals, watch_kosovo
from tests.alerts.serving import deliver_once, serving

DOCUMENTS = {
    "https://news.example/reservoirs": "Reservoir levels fall across the Danube basin\n"
    "The water ministry said reservoir levels in the Danube basin fell for a third month.",
    "https://other.example/dams": "Two dams to be rebuilt before winter\n"
    "Engineers will rebuild two dams so that the reservoir behind them holds more water.",
    "https://other.example/rail": "Rail line reopens after floods\n"
    "The line between the two cities reopened on Tuesday after repairs to the track.",
}
MATCHED = list(DOCUMENTS)[:2]  # "reservoir" is in these two
TITLES = ("Reservoir levels fall across the Danube basin", "Two dams to be rebuilt before winter")
HOUR, DAY = 3600, 86400


def _lists_the_two_once(text: str) -> None:
    """Each matched document's link once (an e-mail's summary may repeat its title), the third not at all."""
    for title in TITLES:
        assert title in text, text
    for url in MATCHED:
        assert text.count(url) == 1, text
    assert "Rail line" not in text and "2 documents" in text, text


def test_digests_reach_every_target_once_when_their_period_ends(
    tmp_path: Path, receiver: Receiver, smtp_inbox: Inbox
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    smtp = {
        "PRESSWATCH_SMTP_HOST": "127.0.0.1",
        "PRESSWATCH_SMTP_PORT": str(smtp_inbox.port),
        "PRESSWATCH_SMTP_STARTTLS": "false",
        "PRESSWATCH_SMTP_FROM": "alerts@presswatch.example",
    }
    t0 = time.time()  # before anything fired: no period holding an alert has ended by t0
    with chat_receiver() as slack_like, chat_receiver() as ntfy:
        urls = [f"mmost://127.0.0.1:{slack_like.port}/t0k3n", f"ntfy://127.0.0.1:{ntfy.port}/water"]
        with serving(data_dir, PRESSWATCH_ALERTS_DELIVER_IN_SERVE="false", **smtp) as server:
            water = {"query": {"q": "reservoir"}}
            hourly = server.api.post(
                "/alerts",
                json={
                    **water,
                    "name": "Water",
                    "delivery": "hourly",
                    "apprise_urls": urls,
                    "webhook_url": receiver.url,
                },
            )
            daily = server.api.post(
                "/alerts",
                json={**water, "name": "Water daily", "delivery": "daily", "email": "analyst@example.org"},
            )
            assert hourly.status_code == daily.status_code == 201, (hourly.text, daily.text)
            for url, text in DOCUMENTS.items():
                ingested = server.api.post("/ingest", json={"url": url, "text": text})
                assert ingested.status_code == 200, ingested.text
            fired = [server.api.get(f"/alerts/{s.json()['id']}/alerts").json() for s in (hourly, daily)]
        last_fired = time.time()
        for history in fired:  # recorded (and in the feed) at once
            assert {a["url"] for a in history} == set(MATCHED)

        assert deliver_once(data_dir, as_of=t0, **smtp) == 0  # no period is over
        end_of_hour = last_fired // HOUR * HOUR + HOUR
        assert deliver_once(data_dir, as_of=end_of_hour, **smtp) >= 3  # the hour is
        assert deliver_once(data_dir, as_of=end_of_hour, **smtp) == 0  # and again: nothing new
        mails_by_the_hour = len(smtp_inbox.messages)
        end_of_day = last_fired // DAY * DAY + DAY
        deliver_once(data_dir, as_of=end_of_day, **smtp)
        assert deliver_once(data_dir, as_of=end_of_day, **smtp) == 0

    # The daily digest waited for midnight (the end of the hour is midnight once a day).
    assert mails_by_the_hour == (1 if end_of_hour % DAY == 0 else 0)
    for received in (slack_like.received(), ntfy.received()):
        assert len(received) == 1, received
    [slack_body] = slack_like.received()
    assert slack_like.paths == ["/hooks/t0k3n"]  # a Slack-compatible incoming webhook
    _lists_the_two_once(json.loads(slack_body)["text"])
    for title in TITLES:
        assert slack_body.count(title) == ntfy.received()[0].count(title) == 1
    _lists_the_two_once(ntfy.received()[0])

    [webhook] = receiver.accepted  # a DigestPayload, signed like an alert
    body = webhook.json()
    assert webhook.headers["X-Presswatch-Digest"] == str(body["digest_id"])
    assert sorted(a["url"] for a in body["alerts"]) == sorted(MATCHED)  # type: ignore[union-attr,index]
    assert verify(secret=hourly.json()["secret"], header=webhook.headers[SIGNATURE_HEADER], body=webhook.body)

    [(envelope, raw)] = smtp_inbox.messages
    assert envelope.rcpt_tos == ["analyst@example.org"]
    mail = message_from_bytes(raw, policy=default)
    assert isinstance(mail, EmailMessage)
    assert mail["Subject"] == "[presswatch] Water daily: 2 documents"
    text = mail.get_content() if not mail.is_multipart() else mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    _lists_the_two_once(mail["Subject"] + "\n" + text)
    page = mail.get_body(("html",))  # a mail client showing HTML lists the same, each title a link
    assert page is not None and page.get_content_subtype() == "html"
    markup = page.get_content()
    for url in MATCHED:
        assert markup.count(f'href="{html.escape(url)}"') == 1, markup
    assert "pause or delete it" in markup

    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        rows = store.deliveries()
        assert sorted((d.channel, d.state) for d in rows) == [
            ("chat", "delivered"),
            ("chat", "delivered"),
            ("email", "delivered"),
            ("webhook", "delivered"),
        ]
        assert store.awaiting_digest() == []


def test_as_of_is_checked(tmp_path: Path) -> None:
    """A time that is not ISO 8601, or --as-of on the running worker, is a clear error (exit 2)."""
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PATH": ""}
    command = [sys.executable, "-m", "presswatch", "alerts", "deliver"]
    unreadable = subprocess.run(
        [*command, "--once", "--as-of", "tomorrow"], env=env, capture_output=True, text=True, check=False
    )
    running = subprocess.run(
        [*command, "--as-of", "2026-12-06T18:00"], env=env, capture_output=True, text=True, check=False
    )
    assert unreadable.returncode == 2 and "not an ISO 8601 time: 'tomorrow'" in unreadable.stderr
    assert running.returncode == 2 and "--as-of needs --once" in running.stderr


def test_a_paused_search_sends_no_digest_until_it_is_resumed(tmp_path: Path, receiver: Receiver) -> None:
    """Pausing says "stop sending me this": a digest whose period ends while its search is paused waits,
    and the first period to end after the resume sends it, with every document it fired before."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with serving(data_dir, PRESSWATCH_ALERTS_DELIVER_IN_SERVE="false") as server:
        saved = server.api.post(
            "/alerts",
            json={
                "query": {"q": "reservoir"},
                "name": "Water",
                "delivery": "hourly",
                "webhook_url": receiver.url,
            },
        )
        assert saved.status_code == 201, saved.text
        search_id = saved.json()["id"]
        for url, text in DOCUMENTS.items():
            assert server.api.post("/ingest", json={"url": url, "text": text}).status_code == 200
        last_fired = time.time()
        assert server.api.post(f"/alerts/{search_id}/pause").json()["paused"] is True

        end_of_hour = last_fired // HOUR * HOUR + HOUR
        assert deliver_once(data_dir, as_of=end_of_hour) == 0
        assert receiver.accepted == []

        assert server.api.post(f"/alerts/{search_id}/resume").json()["paused"] is False
        assert deliver_once(data_dir, as_of=end_of_hour + HOUR) == 1
        assert deliver_once(data_dir, as_of=end_of_hour + HOUR) == 0

    [webhook] = receiver.accepted
    assert sorted(a["url"] for a in webhook.json()["alerts"]) == sorted(MATCHED)  # type: ignore[union-attr,index]


def test_a_digest_says_why_each_document_matched(alert_settings: Settings, smtp_inbox: Inbox) -> None:
    """As a single alert does, in the e-mail's two parts and the chat message: each document's agreements with
    Kosovo, at most five, each cut to 200 characters, and how many more the page has."""
    smtp = {
        "PRESSWATCH_SMTP_HOST": "127.0.0.1",
        "PRESSWATCH_SMTP_PORT": str(smtp_inbox.port),
        "PRESSWATCH_SMTP_STARTTLS": "false",
        "PRESSWATCH_SMTP_FROM": "alerts@presswatch.example",
    }
    many, one = kosovo_deals("many", 8), kosovo_deals("one", 1)
    with chat_receiver() as chat:
        watch_kosovo(
            alert_settings,
            {"Kosovo deals": f"mmost://127.0.0.1:{chat.port}/t0k3n"},
            delivery="hourly",
            email="analyst@example.org",
        )
        assert index_and_match(alert_settings, [many, one]) == 2
        assert deliver_once(alert_settings.data_dir, as_of=time.time() + HOUR, **smtp) == 2
        [chat_text] = [json.loads(body)["text"] for body in chat.received()]

    [(_, raw)] = smtp_inbox.messages
    mail = message_from_bytes(raw, policy=default)
    assert isinstance(mail, EmailMessage)
    plain = mail.get_body(("plain",))
    markup = mail.get_body(("html",))
    assert plain is not None and markup is not None
    reason = (
        "agreement (signed): United Kingdom, Kosovo: The United Kingdom and Kosovo signed memorandum number"
    )
    for text in (plain.get_content(), html.unescape(markup.get_content()), chat_text):
        assert text.count("Why it matched:") == 2, text
        assert text.count(f"{reason} 0 on returns") == 2, text  # each document's first agreement
        assert f"{reason} 4 on returns" in text and f"{reason} 5 on returns" not in text, text
        assert text.count("and 3 more, on the page") == 1, text
        assert (
            "memorandum number 0 on returns, The United Kingdom and Kosovo signed memorandum number 0 on returns, The"
            in text
        )
        assert "memorandum number 0 on returns, " * 3 not in text, text  # a reason is cut to 200 characters
