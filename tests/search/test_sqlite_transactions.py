"""Reads never hold a snapshot: what another connection commits is seen at once, and the WAL stays small."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from presswatch.document import Document
from search.base import Query
from search.sqlite import SQLiteBackend

WORDS = "border security agreement migration returns funding police cooperation treaty".split()


def numbered(number: int) -> Document:
    body = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(400)) + f" marker{number}"
    return Document.from_page(
        url=f"https://gov.example/news/{number}",
        source="home-office",
        title=f"Announcement {number} on Kosovo",
        body=body,
        published=datetime(2026, 6, 1 + number % 28, 10, tzinfo=UTC),
    )


def test_search_then_index_on_one_backend(tmp_path: Path) -> None:
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    backend.index([numbered(1)])
    assert backend.search(Query(text="Kosovo")).total == 1
    report = backend.index([numbered(2)])
    assert report.added == 1 and not report.failed
    assert backend.search(Query(text="Kosovo")).total == 2
    backend.close()


def test_a_reader_sees_what_another_connection_commits(tmp_path: Path) -> None:
    reader = SQLiteBackend(path=tmp_path / "index.sqlite3")
    writer = SQLiteBackend(path=tmp_path / "index.sqlite3")
    for number in range(3):
        assert reader.search(Query(text="Kosovo")).total == number
        assert reader.count() == number
        writer.index([numbered(number)])
    assert reader.search(Query(text="marker2")).total == 1
    reader.close()
    writer.close()


def test_the_wal_stays_bounded_while_reads_go_on(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    reader = SQLiteBackend(path=path)
    writer = SQLiteBackend(path=path)
    largest = 0
    for number in range(300):
        writer.index([numbered(number)])
        reader.search(Query(text="Kosovo"))
        largest = max(largest, Path(f"{path}-wal").stat().st_size)
    # SQLite checkpoints at 1,000 pages (4 MiB); a reader that kept its snapshot would stop that for good.
    assert largest < 6 * 1024 * 1024, f"the WAL grew to {largest:,} bytes"
    assert reader.count() == 300
    reader.close()
    writer.close()
