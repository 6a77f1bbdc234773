"""Issue 16, point 1: a document ingested through `POST /ingest` fires the saved searches it matches, as the
CLI and the crawl do (the API's ingest once had no alert listener, and the alert was lost for good), and is
analysed with the user's aliases file (it once was not)."""

from __future__ import annotations

from pathlib import Path

from alerts.delivery import SIGNATURE_HEADER, verify
from tests.alerts.conftest import Receiver
from tests.alerts.serving import SHARED_SEED, outbox_settled, serving, wait_until
from tests.conftest import require_shared


def seed_text() -> str:
    require_shared(SHARED_SEED)
    return SHARED_SEED.read_text(encoding="utf-8")


def test_post_ingest_fires_one_signed_webhook(tmp_path: Path, receiver: Receiver) -> None:
    text = seed_text()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "aliases.toml").write_text(
        '[[entity]]\nname = "Yvette Cooper"\naliases = ["Cooper"]\nrole = "Home Secretary (from aliases)"\n',
        encoding="utf-8",
    )
    with serving(data_dir) as server:
        api = server.api
        created = api.post(
            "/alerts",
            json={
                "name": "Kosovo deals",
                "kind": "agreement",
                "party": "Kosovo",
                "webhook_url": receiver.url,
            },
        )
        assert created.status_code == 201, created.text
        saved = created.json()

        ingested = api.post("/ingest", json={"url": "https://www.gov.example/news/balkans", "text": text})
        assert ingested.status_code == 200, ingested.text
        assert ingested.json()["outcome"] == "indexed_new"
        people = ingested.json()["document"]["entities"]
        assert any(
            m["normalized"] == "Yvette Cooper" and m["role"] == "Home Secretary (from aliases)"
            for m in people
        )

        assert receiver.arrived.wait(timeout=60), "no webhook arrived after POST /ingest"
        wait_until(outbox_settled(data_dir), what="the outbox settling")
        again = api.post("/ingest", json={"url": "https://www.gov.example/news/balkans", "text": text})
        assert again.json()["outcome"] == "unchanged"
        wait_until(outbox_settled(data_dir), what="the outbox settling")

    [alert] = receiver.accepted
    assert verify(secret=saved["secret"], header=alert.headers[SIGNATURE_HEADER], body=alert.body)
    body = alert.json()
    assert body["search_id"] == saved["id"]
    assert body["url"] == "https://www.gov.example/news/balkans"
    assert any("Kosovo" in reason for reason in body["reasons"])  # type: ignore[union-attr]


PLANNED = "The United Kingdom will sign a new returns agreement with Kosovo next month, the Home Office said on Monday."
SIGNED = "The United Kingdom signed a new returns agreement with Kosovo in Pristina on Monday, the Home Office said."


def test_an_edited_release_whose_agreement_is_now_signed_fires_again(
    tmp_path: Path, receiver: Receiver
) -> None:
    """A release edited from 'will sign' to 'signed' is news for an agreement watch: the pair fires again for the
    new reason (each document is its own story, and the story rule once swallowed it as a copy)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    url = "https://www.gov.example/news/kosovo-returns"
    with serving(data_dir) as server:
        api = server.api
        made = api.post("/alerts", json={"kind": "agreement", "party": "Kosovo", "webhook_url": receiver.url})
        assert made.status_code == 201, made.text
        for text, outcome in ((PLANNED, "indexed_new"), (SIGNED, "indexed_updated"), (SIGNED, "unchanged")):
            ingested = api.post("/ingest", json={"url": url, "text": text})
            assert ingested.status_code == 200, ingested.text
            assert ingested.json()["outcome"] == outcome
            wait_until(outbox_settled(data_dir), what="the outbox settling")
        fired = api.get(f"/alerts/{made.json()['id']}/alerts").json()

    assert [a.json()["reasons"] for a in receiver.accepted] == [
        ["agreement:Kosovo+United Kingdom:planned"],
        ["agreement:Kosovo+United Kingdom:signed"],
    ]
    assert [a["reasons"] for a in fired] == [
        ["agreement:Kosovo+United Kingdom:signed"],
        ["agreement:Kosovo+United Kingdom:planned"],
    ]
