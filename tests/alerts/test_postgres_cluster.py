"""Cluster mode's alerts through the routes people use: `presswatch serve` and two `presswatch alerts deliver`
processes on one PostgreSQL (`PRESSWATCH_DATABASE_URL`), a real webhook receiver on loopback, and documents
sent with `POST /ingest`: each alert arrives exactly once, though three deliverers share the outbox.

Every deliverer polls only once an hour here, so what they send they were woken for by LISTEN/NOTIFY from
another process (the API's ingest), and all three wake for the same rows at once: the claims (SKIP LOCKED
plus the lease) decide who sends each. `serve` delivers too, without its single-host delivery lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg

from alerts.delivery import SIGNATURE_HEADER, verify
from alerts.store_postgres import PostgresAlertStore
from presswatch.config import Settings
from presswatch.serve import DELIVERY_LOCK
from tests.alerts.conftest import Receiver
from tests.alerts.serving import serving, wait_until
from tests.demo_process import stop
from tests.postgres_server import PostgresServer

HOURLY_POLL = {"PRESSWATCH_ALERTS_POLL_INTERVAL": "3600"}


TEXTS = (  # each its own story: copies of one story would make one alert with several outlets
    "Border Force officers at Dover stopped a lorry carrying smugglers and forty migrants on Tuesday.",
    "A court in Leeds jailed three smugglers who hid cigarettes inside furniture shipped from Poland.",
    "Coastguard crews rescued a dinghy off Kent after smugglers abandoned it in heavy fog overnight.",
    "The minister for security announced new funding to disrupt gangs of people smugglers in the Balkans.",
    "Customs teams in Felixstowe found cocaine worth millions, and police arrested two suspected smugglers.",
    "Wildlife smugglers trafficking ivory through Heathrow were caught by a specialist detection dog.",
    "French and British police signed a plan to share intelligence on smugglers operating near Calais.",
    "A parliamentary committee criticised delays in prosecuting smugglers caught at northern ports.",
    "Investigators traced payments from smugglers through shell companies registered in three countries.",
    "Fishermen in Cornwall reported suspicious night landings, and officers later detained the smugglers.",
    "An inquiry heard that smugglers used stolen passports to move workers into farms in Lincolnshire.",
    "Scottish prosecutors charged smugglers who shipped counterfeit medicines through a Glasgow warehouse.",
)
MATCHING = len(TEXTS)


@contextmanager
def _delivering(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A `presswatch alerts deliver` process, stopped (SIGTERM: its sends in flight finish) afterwards."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "alerts", "deliver"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            stop(process)


def test_serve_and_two_deliverers_on_postgres_deliver_each_ingested_alert_once(
    tmp_path: Path, postgres_url: str, receiver: Receiver
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = {"PRESSWATCH_DATABASE_URL": postgres_url, **HOURLY_POLL}
    deliver_env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
        "PRESSWATCH_ALERTS_WEBHOOK_TIMEOUT": "5",
        **database,
    }
    with ExitStack() as running:
        server = running.enter_context(serving(data_dir, **database))
        created = server.api.post(
            "/alerts", json={"name": "smugglers", "query": {"q": "smugglers"}, "webhook_url": receiver.url}
        )
        assert created.status_code == 201, created.text
        saved = created.json()
        deliverers = [
            running.enter_context(_delivering(deliver_env, tmp_path / f"deliver-{i}.log")) for i in range(2)
        ]
        settings = Settings(data_dir=data_dir, database_url=postgres_url)
        with PostgresAlertStore.open(settings) as store:
            wait_until(  # both have opened the store (and LISTEN) before the first alert is queued
                lambda: all(p.poll() is None for p in deliverers) and _listeners(postgres_url) >= 3,
                seconds=120,
                what="serve's and both deliverers' LISTEN",
            )
            for n in range(MATCHING):
                url = f"https://www.gov.example/news/smugglers-{n}"
                ingested = server.api.post("/ingest", json={"url": url, "text": TEXTS[n]})
                assert ingested.status_code == 200, ingested.text
                assert ingested.json()["outcome"] == "indexed_new"
            other = server.api.post(
                "/ingest",
                json={
                    "url": "https://www.gov.example/news/roads",
                    "text": "The council repaired forty roads.",
                },
            )
            assert other.status_code == 200, other.text
            again = server.api.post("/ingest", json={"url": url, "text": TEXTS[-1]})
            assert again.json()["outcome"] == "unchanged"
            wait_until(
                lambda: len(store.deliveries(state="delivered")) >= MATCHING,
                seconds=120,
                what="every alert delivered",
            )
            assert all(p.poll() is None for p in deliverers), "a deliverer exited"
        # Every deliverer stops here, its sends in flight finished: a second send of a row would be in now.
    with PostgresAlertStore.open(settings) as store:
        rows = store.deliveries(limit=1000)
    assert len(rows) == MATCHING and {(r.state, r.attempts) for r in rows} == {("delivered", 1)}
    assert receiver.attempts == MATCHING
    ids = sorted(r.headers["X-Presswatch-Alert"] for r in receiver.accepted)
    assert len(set(ids)) == MATCHING
    assert sorted(r.json()["url"] for r in receiver.accepted) == sorted(
        f"https://www.gov.example/news/smugglers-{n}" for n in range(MATCHING)
    )
    assert all(
        verify(secret=saved["secret"], header=r.headers[SIGNATURE_HEADER], body=r.body)
        for r in receiver.accepted
    )
    assert not (data_dir / DELIVERY_LOCK).exists()  # no single-host election with PostgreSQL
    for log in tmp_path.glob("deliver-*.log"):
        assert "Traceback" not in log.read_text(), log.read_text()[-3000:]  # stopped cleanly, LISTEN and all


def test_serve_started_before_its_database_delivers_once_the_database_is_up(
    tmp_path: Path, postgres_server: PostgresServer, receiver: Receiver
) -> None:
    """The database `serve` names does not exist yet when it starts (a cluster coming up in any order): its
    delivery waits for it, and delivers once it is there (it once gave up for good, a traceback in a thread)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    url = postgres_server.url(f"pwtest_late_{uuid.uuid4().hex[:12]}")
    log = tmp_path / "serve.log"
    try:
        with serving(data_dir, PRESSWATCH_DATABASE_URL=url) as server:
            # serve's delivery has tried the database and given up on that try (DatabaseError's words)
            wait_until(lambda: "cannot connect to PostgreSQL" in log.read_text(), what="a failed first try")
            with psycopg.connect(postgres_server.url(), autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{url.rsplit("/", 1)[1]}"')
            created = server.api.post(
                "/alerts", json={"query": {"q": "smugglers"}, "webhook_url": receiver.url}
            )
            assert created.status_code == 201, created.text
            ingested = server.api.post(
                "/ingest", json={"url": "https://www.gov.example/news/a", "text": TEXTS[0]}
            )
            assert ingested.status_code == 200, ingested.text
            assert receiver.arrived.wait(timeout=60), "serve never delivered: " + log.read_text()[-2000:]
    finally:
        postgres_server.drop_database(url)
    assert len(receiver.accepted) == 1
    assert "Traceback" not in log.read_text()


def _listeners(url: str) -> int:
    """How many sessions LISTEN on the alerts channel (serve's worker and each deliverer hold one)."""
    with psycopg.connect(url) as conn:
        [(count,)] = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND query LIKE 'LISTEN presswatch_alerts%%'"
        ).fetchall()
    return int(count)
