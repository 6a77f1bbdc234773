"""The seen-URL store (SQLite and PostgreSQL alike): what each URL answered, which sources it was fetched for,
kept across an upgrade of an older SQLite store; in PostgreSQL, a URL two sources list is claimed once."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from crawlers import seen as seen_module
from crawlers.seen import Fetched, PostgresSeenStore, SeenStore, open_seen
from presswatch.config import Settings
from presswatch.database import pool_for

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)


def test_every_source_a_url_was_fetched_for_is_kept(store_settings: Settings) -> None:
    with open_seen(store_settings) as seen:
        seen.record([Fetched(url="https://a.example/1", source="first", fetched_at=NOW)])
        seen.record([Fetched(url="https://a.example/1", source="second", fetched_at=NOW)])
        assert seen.seen_by("https://a.example/1", "first") and seen.seen_by("https://a.example/1", "second")
        assert not seen.seen_by("https://a.example/1", "third")
        assert not seen.seen_by("https://a.example/2", "first")


def test_a_store_written_before_seen_by_existed_keeps_what_it_knew(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "seen.sqlite3") as conn:  # the schema of an older presswatch
        conn.executescript(
            "CREATE TABLE seen (url TEXT PRIMARY KEY, source TEXT NOT NULL, etag TEXT, last_modified TEXT,"
            " content_hash TEXT, fetched_at TEXT NOT NULL);"
            f"INSERT INTO seen VALUES ('https://a.example/1', 'first', NULL, NULL, 'h', '{NOW.isoformat()}');"
        )
    with SeenStore.in_data_dir(tmp_path) as seen:
        assert seen.seen_by("https://a.example/1", "first")
        assert seen.get("https://a.example/1") is not None
    with SeenStore.in_data_dir(tmp_path) as seen:  # opened again: nothing done twice
        assert seen.seen_by("https://a.example/1", "first")


def test_records_read_back_and_are_replaced(store_settings: Settings) -> None:
    first = Fetched(url="https://a.example/1", source="a", etag='"e1"', content_hash="h1", fetched_at=NOW)
    later = Fetched(
        url="https://a.example/1",
        source="a",
        last_modified="Mon, 30 Nov 2026 10:00:00 GMT",
        content_hash="h2",
        fetched_at=NOW + timedelta(hours=1),
    )
    with open_seen(store_settings) as seen:
        assert seen.get(first.url) is None
        seen.record([first])
        assert seen.get(first.url) == first
        seen.record([later])
        assert seen.get(first.url) == later
        assert not seen.completed("a")
        seen.mark_completed("a")
        seen.mark_completed("a")
        assert seen.completed("a") and not seen.completed("b")


def test_the_embedded_store_grants_every_claim(tmp_path: Path) -> None:
    """One crawl process reads every source: a second source fetches an article again, as before."""
    with SeenStore.in_data_dir(tmp_path) as seen:
        assert seen.claim("https://a.example/1", "a") and seen.claim("https://a.example/1", "b")
        assert seen.listers("https://a.example/1") == ()


def test_a_url_two_sources_list_is_claimed_once(postgres_url: str) -> None:
    seen = PostgresSeenStore(pool_for(postgres_url))
    url = "https://a.example/1"
    assert seen.claim(url, "a")
    assert not seen.claim(url, "b")
    assert seen.claim(url, "a"), "a rerun of the claiming source's crawl takes its own claim again"
    assert seen.listers(url) == ("b",)
    seen.record([Fetched(url=url, source="a", fetched_at=NOW)])
    assert not seen.claim(url, "c"), "stored for another source: never fetched again for this one"
    assert seen.listers(url) == ("b", "c")


def test_concurrent_claims_grant_exactly_one(postgres_url: str) -> None:
    stores = [PostgresSeenStore(pool_for(postgres_url)) for _ in range(8)]
    start = threading.Barrier(len(stores))
    granted: list[str] = []

    def claim(index: int) -> None:
        start.wait()
        for number in range(50):
            if stores[index].claim(f"https://a.example/{number}", f"source-{index}"):
                granted.append(f"{number}")

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(granted, key=int) == [str(n) for n in range(50)]


def test_an_abandoned_claim_passes_to_another_source_after_the_lease(postgres_url: str) -> None:
    seen = PostgresSeenStore(pool_for(postgres_url))
    assert seen.claim("https://a.example/1", "a") and seen.claim("https://a.example/2", "a")
    seen.record([Fetched(url="https://a.example/2", source="a", fetched_at=NOW)])
    with psycopg.connect(postgres_url, autocommit=True) as conn:  # both claims made long ago
        conn.execute("UPDATE url_claims SET claimed_at = now() - %s", (seen_module.CLAIM_LEASE * 2,))
    assert seen.claim("https://a.example/1", "b"), "a never stored it: b may fetch it"
    assert not seen.claim("https://a.example/2", "b"), "stored: never fetched again for b"
