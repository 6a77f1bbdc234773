"""The seen-URL store: which sources each URL was fetched for, kept across an upgrade of an older store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crawlers.seen import Fetched, SeenStore

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)


def test_every_source_a_url_was_fetched_for_is_kept(tmp_path: Path) -> None:
    with SeenStore.in_data_dir(tmp_path) as seen:
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
