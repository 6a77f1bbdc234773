"""Issue 16, point 16: a saved search keeps everything its owner said (conditions combine, or a 400 says
why), names nobody can match are refused with the nearest known ones, `query` takes GET /search's names, the
CLI shows feed URLs and what fired, dead letters say when and about what, and a test alert can be sent from
the API, the CLI and the web page."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from alerts.delivery import SIGNATURE_HEADER, verify
from alerts.service import AlertService
from api.app import create_app
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.conftest import Receiver
from tests.alerts.helpers import agreement, doc, index_and_match, place

KEY = {"X-API-Key": "alice-key"}


@contextmanager
def redirecting(location: str) -> Iterator[str]:
    """A webhook on loopback that has moved: it answers every POST with a 308 to `location`."""

    class Moved(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(308)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


def kosovo_deal(slug: str, body: str) -> object:
    return doc(
        slug,
        f"UK and Kosovo: {slug}",
        body,
        entities=(place("Kosovo", "XK"), place("United Kingdom", "GB")),
        agreements=(agreement("planned", "United Kingdom", "Kosovo"),),
    )


SMUGGLERS = kosovo_deal("smugglers", "The UK and Kosovo will work together against people smugglers.")
TRADE = kosovo_deal("trade", "The UK and Kosovo will sign a trade deal on steel.")


@pytest.fixture
def settings(alert_settings: Settings) -> Settings:
    return alert_settings.model_copy(update={"api_keys": [SecretStr("alice-key")]})


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as opened:
        yield opened


def _fired(client: TestClient, search_id: str) -> list[str]:
    return [a["doc_id"] for a in client.get(f"/alerts/{search_id}/alerts", headers=KEY).json()]


def test_a_watch_and_its_query_combine(client: TestClient, settings: Settings) -> None:
    made = client.post(
        "/alerts", headers=KEY, json={"kind": "agreement", "party": "Kosovo", "query": {"q": "smugglers"}}
    )
    assert made.status_code == 201, made.text
    assert made.json()["spec"]["query"]["text"] == "smugglers"
    index_and_match(settings, [SMUGGLERS, TRADE])
    assert _fired(client, made.json()["id"]) == [SMUGGLERS.id]  # type: ignore[attr-defined]


def test_what_a_kind_cannot_use_or_a_contradiction_is_a_400_that_says_why(client: TestClient) -> None:
    cases = {
        "currency is not used by a mention watch": {"kind": "mention", "entity": "UK", "currency": "GBP"},
        "party is not used by a saved search": {"query": {"q": "boats"}, "party": "Kosovo"},
        "min_amount 5000000.0 contradicts query.figure_min 1.0": {
            "kind": "figure", "currency": "GBP", "min_amount": 5e6, "query": {"min_amount": 1.0},
        },
    }  # fmt: skip
    for reason, body in cases.items():
        answer = client.post("/alerts", headers=KEY, json=body)
        assert answer.status_code == 400, answer.text
        assert reason in answer.json()["detail"]
    figure = client.post("/alerts", headers=KEY, json={"kind": "figure", "entity": "UK", "currency": "GBP"})
    assert figure.status_code == 201, "a currency alone makes a figure watch"


def test_unmatchable_names_are_refused_with_the_nearest_known_ones(
    client: TestClient, settings: Settings
) -> None:
    party = client.post("/alerts", headers=KEY, json={"kind": "agreement", "party": "Kosvo"})
    assert party.status_code == 400 and "did you mean Kosovo" in party.json()["detail"]
    country = client.post("/alerts", headers=KEY, json={"query": {"q": "returns", "country": "Serbai"}})
    assert country.status_code == 400 and "did you mean Serbia" in country.json()["detail"]
    named = client.post("/alerts", headers=KEY, json={"query": {"q": "returns", "country": ["Serbia", "UK"]}})
    assert named.status_code == 201, named.text
    assert named.json()["spec"]["query"]["countries"] == ["RS", "GB"]
    both = client.post("/alerts", headers=KEY, json={"query": {"q": "a", "text": "b"}})
    assert both.status_code == 422 and "twice" in both.text
    eac = doc(
        "eac",
        "EAC",
        "A deal.",
        agreements=(agreement("planned", "United Kingdom", "East African Community"),),
    )
    index_and_match(settings, [eac])
    indexed = client.post(
        "/alerts", headers=KEY, json={"kind": "agreement", "party": "East African Community"}
    )
    assert indexed.status_code == 201, "a party of an indexed agreement is known"


def test_test_alerts_and_dead_letters_through_the_api(
    client: TestClient, settings: Settings, receiver: Receiver
) -> None:
    saved = client.post(
        "/alerts", headers=KEY, json={"kind": "mention", "entity": "Kosovo", "webhook_url": receiver.url}
    ).json()
    [result] = client.post(f"/alerts/{saved['id']}/test", headers=KEY).json()
    assert result == {"channel": "webhook", "target": receiver.url, "delivered": True, "error": None}
    [got] = receiver.accepted
    assert verify(secret=saved["secret"], header=got.headers[SIGNATURE_HEADER], body=got.body)
    assert got.json()["alert_id"] == 0 and got.json()["reasons"] == ["test"]
    receiver.fail_first = 10**6
    [failed] = client.post(f"/alerts/{saved['id']}/test", headers=KEY).json()
    assert failed["delivered"] is False and failed["error"] == "webhook answered 503"
    feed_only = client.post("/alerts", headers=KEY, json={"kind": "mention", "entity": "UK"}).json()
    assert client.post(f"/alerts/{feed_only['id']}/test", headers=KEY).status_code == 400
    with redirecting("https://hooks.example.net/new/secret-path") as moved:
        kept = client.post(
            "/alerts", headers=KEY, json={"kind": "mention", "entity": "Kosovo", "webhook_url": moved}
        ).json()
        [redirected] = client.post(f"/alerts/{kept['id']}/test", headers=KEY).json()
        assert client.delete(f"/alerts/{kept['id']}", headers=KEY).status_code == 204
    assert redirected["delivered"] is False
    assert redirected[
        "error"
    ] == (  # the host it points to, not its path (logs show errors; paths hold tokens)
        "webhook answered 308, a redirect to hooks.example.net: presswatch does not follow redirects (the"
        " address it would reach is not checked), so save the URL it points to"
    )

    from alerts.delivery import DeliveryWorker

    dead_settings = settings.model_copy(  # retried at once until it gives up, however fast the 503 comes
        update={"alerts_retry_for": 0.01, "alerts_retry_base": 0.001, "alerts_retry_max": 0.002}
    )
    index_and_match(settings, [SMUGGLERS])
    backend = SQLiteBackend(path=settings.sqlite_path)
    with AlertService.open(dead_settings, backend=backend) as service:
        worker = DeliveryWorker(service=service, settings=dead_settings)
        deadline = time.monotonic() + 60  # a bound on a hang: rounds with nothing due yet are quick
        while not service.store.deliveries(state="dead") and time.monotonic() < deadline:
            worker.run_once()
            time.sleep(0.01)
        worker.close()
    backend.close()
    [dead] = client.get("/alerts/dead-letters", headers=KEY).json()
    assert dead["doc_id"] == SMUGGLERS.id and dead["title"] == SMUGGLERS.title  # type: ignore[attr-defined]
    assert dead["url"] == SMUGGLERS.url and dead["attempted_at"]  # type: ignore[attr-defined]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
           "PRESSWATCH_PUBLIC_URL": "https://presswatch.example", "PATH": "/usr/bin:/bin"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "presswatch", "alerts", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_cli_keeps_every_option_prints_the_feed_and_lists_what_fired(
    settings: Settings, receiver: Receiver
) -> None:
    added = _cli(
        settings.data_dir, "add", "--text", "smugglers", "--party", "Kosovo", "--webhook", receiver.url
    )
    assert added.returncode == 0, added.stderr
    saved = json.loads(added.stdout)
    assert saved["spec"]["kind"] == "agreement" and saved["spec"]["query"]["text"] == "smugglers"
    assert saved["feed_url"].startswith(f"https://presswatch.example/alerts/{saved['id']}/feed.atom?token=")
    figure = json.loads(_cli(settings.data_dir, "add", "--entity", "UK", "--currency", "gbp").stdout)
    assert figure["spec"]["kind"] == "figure" and figure["spec"]["currency"] == "gbp"
    listed = _cli(settings.data_dir, "list").stdout
    assert saved["feed_url"] in listed
    index_and_match(settings.model_copy(update={"api_keys": []}), [SMUGGLERS, TRADE])
    fired = _cli(settings.data_dir, "fired", saved["id"]).stdout
    assert SMUGGLERS.title in fired and TRADE.title not in fired  # type: ignore[attr-defined]
    assert "agreement:Kosovo+United Kingdom:planned" in fired
    tested = _cli(settings.data_dir, "test", saved["id"])
    assert tested.returncode == 0 and f"webhook {receiver.url}: delivered" in tested.stdout
    unknown = _cli(settings.data_dir, "add", "--party", "Kosvo")
    assert unknown.returncode == 2 and "did you mean Kosovo" in unknown.stderr


def test_the_web_page_sends_a_test_alert(settings: Settings, receiver: Receiver) -> None:
    local = settings.model_copy(update={"api_keys": []})
    with TestClient(
        create_app(local), follow_redirects=False, headers={"Origin": "http://testserver"}
    ) as web:
        saved = web.post(
            "/alerts", json={"kind": "mention", "entity": "UK", "webhook_url": receiver.url}
        ).json()
        assert f'action="/ui/alerts/{saved["id"]}/test"' in web.get("/ui/alerts").text
        sent = web.post(f"/ui/alerts/{saved['id']}/test")
        assert sent.status_code == 303 and "Test alert delivered." in web.get(sent.headers["location"]).text
        assert len(receiver.accepted) == 1
        receiver.fail_first = 10**6
        refused = web.post(f"/ui/alerts/{saved['id']}/test")
        assert refused.status_code == 502 and "webhook answered 503" in refused.text
