"""Issue 16, points 3 and 4, through `presswatch serve` with real receivers: each delivery is its own.

A text that reaches a mail header cannot hold a control character (refused on save, in the API, the CLI and
the web form); a row that cannot be sent anyway (one stored before that rule) fails on its own row while the
others are delivered and recorded once; a receiver that hangs holds only its own delivery; and after a
crash only the send that was in flight is repeated.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

from alerts.model import SavedSearch, SavedSearchSpec
from alerts.store_sqlite import SQLiteAlertStore
from tests.alerts.conftest import Inbox, receiving
from tests.alerts.serving import outbox_settled, serving, wait_until

TEXT = "The United Kingdom will share intelligence with France to stop people smugglers, ministers said."
URL = "https://www.gov.example/news/uk-france-smugglers"


def _legacy(data_dir: Path, **spec: object) -> str:
    """A saved search written as an older presswatch stored it, before control characters were refused."""
    saved = SavedSearch(
        id=uuid.uuid4().hex[:16],
        owner="local",
        spec=SavedSearchSpec.model_construct(**{**dict(SavedSearchSpec()), **spec}),
        paused=False,
        created=datetime.now(UTC),
        secret="s",
    )
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        store.add(saved)
    return saved.id


def _rows(data_dir: Path) -> dict[str, tuple[str, str | None]]:
    """Each delivery's target → (state, last error)."""
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        return {d.target: (d.state, d.last_error) for d in store.deliveries()}


def test_a_row_that_cannot_be_sent_fails_alone_and_the_others_are_recorded_once(
    tmp_path: Path, smtp_inbox: Inbox
) -> None:
    data_dir = tmp_path / "data"
    smtp = {
        "PRESSWATCH_SMTP_HOST": "127.0.0.1",
        "PRESSWATCH_SMTP_PORT": str(smtp_inbox.port),
        "PRESSWATCH_SMTP_STARTTLS": "false",
    }
    with receiving() as hook, serving(data_dir, **smtp) as server:
        api = server.api
        webhook = api.post(
            "/alerts", json={"name": "hook", "kind": "mention", "entity": "UK", "webhook_url": hook.url}
        )
        mail = api.post(
            "/alerts", json={"name": "mail", "kind": "mention", "entity": "UK", "email": "good@example.test"}
        )
        assert webhook.status_code == mail.status_code == 201
        _legacy(data_dir, name="Legacy\r\nBcc: victim@example.test", kind="mention", entity="United Kingdom",
                email="legacy@example.test")  # fmt: skip
        broken = hook.url + "?\r\nX-Injected: 1"
        _legacy(data_dir, name="broken hook", kind="mention", entity="United Kingdom", webhook_url=broken)

        ingested = api.post("/ingest", json={"url": URL, "text": TEXT})
        assert ingested.status_code == 200, ingested.text
        wait_until(outbox_settled(data_dir), what="every delivery being recorded")
        rows = _rows(data_dir)

    assert len(hook.accepted) == 1, "the webhook was sent again: its delivery was not recorded"
    assert rows[hook.url] == ("delivered", None)
    assert rows["good@example.test"] == ("delivered", None)
    assert rows["legacy@example.test"] == ("delivered", None)
    state, error = rows[broken]
    assert state == "dead" and error and "non-printable" in error
    recipients = sorted(r for envelope, _ in smtp_inbox.messages for r in envelope.rcpt_tos)
    assert recipients == ["good@example.test", "legacy@example.test"]
    for _, raw in smtp_inbox.messages:
        message = message_from_bytes(raw, policy=default)
        assert message["Bcc"] is None and "\n" not in str(message["Subject"])
    legacy = [
        message_from_bytes(raw, policy=default)
        for e, raw in smtp_inbox.messages
        if e.rcpt_tos == ["legacy@example.test"]
    ]
    assert legacy[0]["Subject"].startswith("[presswatch] Legacy Bcc: victim@example.test: ")


def test_the_api_the_cli_and_the_web_form_refuse_control_characters(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = {"PRESSWATCH_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    cli = subprocess.run(
        [sys.executable, "-m", "presswatch", "alerts", "add", "--name", "a\rb", "--entity", "UK"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert cli.returncode == 2 and "control characters" in cli.stderr, cli.stderr
    with serving(data_dir) as server:
        for bad in (
            {"name": "Borders\r\nBcc: victim@example.test", "kind": "mention", "entity": "UK"},
            {"name": "ok", "kind": "mention", "entity": "UK\u2028Bcc: x", "email": "me@example.test"},
            {"name": "ok", "kind": "agreement", "party": "Kosovo\x00"},
            {"kind": "mention", "entity": "UK", "webhook_url": "http://127.0.0.1:9/?\r\nX-Injected: 1"},
        ):
            refused = server.api.post("/alerts", json=bad)
            assert refused.status_code == 422, refused.text
            assert "control characters" in refused.text
        assert server.api.get("/alerts").json() == []
    with serving(data_dir, PRESSWATCH_API_KEYS="[]") as server:
        web = server.api
        page = web.post(
            "/ui/alerts",
            data={"q": "smugglers", "name": "Borders\r\nBcc: victim@example.test"},
            headers={"Sec-Fetch-Site": "same-origin"},
        )
        assert page.status_code == 400 and "control characters" in page.text
        assert web.get("/alerts").json() == []


def test_a_hanging_receiver_holds_only_its_own_delivery_and_a_crash_repeats_only_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    timeout = {
        "PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT": "8"
    }  # the lease (2 x 8 + 1 s) brings it back after a crash
    with receiving() as fast, receiving() as slow:
        slow.hold = threading.Event()
        with serving(data_dir, **timeout) as server:
            api = server.api
            for name, target in (("slow", slow.url), ("fast", fast.url)):
                created = api.post(
                    "/alerts", json={"name": name, "kind": "mention", "entity": "UK", "webhook_url": target}
                )
                assert created.status_code == 201, created.text
            assert api.post("/ingest", json={"url": URL, "text": TEXT}).status_code == 200
            assert slow.in_flight.wait(timeout=60), "the slow receiver was never called"

            def fast_recorded_while_slow_in_flight() -> bool:
                rows = _rows(data_dir)
                return rows.get(fast.url) == ("delivered", None) and rows.get(slow.url) == ("pending", None)

            wait_until(fast_recorded_while_slow_in_flight, what="the fast delivery being recorded alone")
            server.process.send_signal(signal.SIGKILL)  # a crash mid-send
            server.process.wait(timeout=30)
        hold = slow.hold
        slow.hold = None  # the restarted server's attempt is answered
        hold.set()
        with serving(data_dir, **timeout):
            wait_until(outbox_settled(data_dir), seconds=90, what="the in-flight send being repeated")
        assert len(fast.accepted) == 1, "a delivery recorded before the crash was sent again"
        assert len(slow.accepted) == 1 and slow.attempts == 2


def test_a_hanging_receiver_with_a_backlog_does_not_take_every_sender(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with receiving() as fast, receiving() as slow:
        slow.hold = threading.Event()
        with serving(data_dir, PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT="60") as server:
            api = server.api
            created = api.post(
                "/alerts", json={"name": "slow", "kind": "mention", "entity": "UK", "webhook_url": slow.url}
            )
            assert created.status_code == 201, created.text
            for n in range(10):  # more alerts for the hanging receiver than there are senders
                ingested = api.post("/ingest", json={"url": f"{URL}-{n}", "text": TEXT})
                assert ingested.status_code == 200, ingested.text
            assert slow.in_flight.wait(timeout=60), "the slow receiver was never called"
            created = api.post(
                "/alerts", json={"name": "fast", "kind": "mention", "entity": "UK", "webhook_url": fast.url}
            )
            assert created.status_code == 201, created.text
            assert api.post("/ingest", json={"url": f"{URL}-last", "text": TEXT}).status_code == 200

            def fast_delivered_while_no_slow_send_ended() -> bool:
                with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
                    rows = store.deliveries()
                slow_rows = [d for d in rows if d.target == slow.url]
                return any(d.target == fast.url and d.state == "delivered" for d in rows) and all(
                    d.state == "pending" and d.last_error is None for d in slow_rows
                )

            wait_until(fast_delivered_while_no_slow_send_ended, what="the fast delivery beside the held ones")
            assert len(fast.accepted) == 1
