"""`presswatch quarantine` meets whatever is on the queue: a message it cannot read (pickle, not JSON, not a
Celery task) is listed as unreadable and never replayed, and the readable ones around it still are; an
unreachable broker is one line naming it without its password."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import kombu
import pytest

from crawlers.cluster.app import INDEX_QUEUE, INDEX_TASK, QUARANTINE_QUEUE, make_app
from presswatch.config import Settings
from tests.cluster.conftest import queued
from tests.cluster.processes import run_cli


def _publish_raw(broker_url: str, body: bytes, *, content_type: str, headers: dict[str, object]) -> None:
    with kombu.Connection(broker_url) as connection:
        producer = connection.Producer()
        producer.publish(
            body,
            exchange="",
            routing_key=QUARANTINE_QUEUE,
            content_type=content_type,
            content_encoding="binary",
            headers=headers,
            declare=[kombu.Queue(QUARANTINE_QUEUE, durable=True)],
        )


@pytest.mark.slow
def test_hostile_messages_in_the_quarantine_are_listed_as_unreadable_and_never_replayed(
    tmp_path: Path, broker_url: str
) -> None:
    settings = Settings(data_dir=tmp_path, broker_url=broker_url)
    make_app(settings).send_task(
        INDEX_TASK,
        args=[[{"withdraw": {"url": "https://gov.example/a", "source": "ministry"}}]],
        kwargs={"quarantined": "earlier"},
        queue=QUARANTINE_QUEUE,
    )
    task = {"id": "evil-1", "task": INDEX_TASK}
    _publish_raw(
        broker_url,
        pickle.dumps(("os.system", "true")),
        content_type="application/x-python-serialize",
        headers=task,
    )
    _publish_raw(broker_url, b"{not json", content_type="application/json", headers={**task, "id": "evil-2"})
    _publish_raw(
        broker_url, b'[5, "x", null]', content_type="application/json", headers={**task, "id": "evil-3"}
    )

    listed = run_cli(tmp_path, "quarantine", "list", "--json", PRESSWATCH_BROKER_URL=broker_url)
    assert listed.returncode == 0, listed.stderr
    entries = {e["id"]: e for e in json.loads(listed.stdout)}
    assert len(entries) == 4
    for evil in ("evil-1", "evil-2", "evil-3"):
        assert entries[evil]["reason"].startswith("unreadable"), entries[evil]
        assert entries[evil]["args"] == []
    assert [e["reason"] for e in entries.values() if not e["id"].startswith("evil")] == ["earlier"]

    replayed = run_cli(tmp_path, "quarantine", "replay", "--all", PRESSWATCH_BROKER_URL=broker_url)
    assert replayed.returncode == 0, replayed.stderr
    assert "replayed 1 task(s)" in replayed.stdout
    assert queued(broker_url, INDEX_QUEUE) == 1, "only the readable task goes back to its queue"
    assert queued(broker_url, QUARANTINE_QUEUE) == 3, "the unreadable ones stay for the operator"


def test_quarantine_with_an_unreachable_broker_says_so_without_the_password(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "quarantine", "list", PRESSWATCH_BROKER_URL="amqp://pw:SECRET@127.0.0.1:9//")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "cannot reach the broker" in result.stderr and "127.0.0.1:9" in result.stderr
    assert "SECRET" not in result.stderr


@pytest.mark.slow
def test_the_text_listing_shows_control_characters_in_a_message_escaped(
    tmp_path: Path, broker_url: str
) -> None:
    """Headers come from whoever could publish to the broker: a terminal escape in an id or task name is shown
    as its escape, never sent to the operator's terminal (where it could retitle, clear or rewrite it)."""
    hostile = "evil-4\x1b]0;pwned\x07\x1b[2J\u202e"
    _publish_raw(
        broker_url,
        b"{not json",
        content_type="application/json",
        headers={"id": hostile, "task": "x\x1b[31m"},
    )
    listed = run_cli(tmp_path, "quarantine", "list", PRESSWATCH_BROKER_URL=broker_url)
    assert listed.returncode == 0, listed.stderr
    assert not any(c in listed.stdout for c in "\x1b\x07\u202e"), listed.stdout
    assert "evil-4\\x1b]0;pwned\\x07\\x1b[2J\\u202e" in listed.stdout
