"""The durable seen-URL store: what each URL answered last time (ETag, Last-Modified, content hash, when).

Listings (feeds, sitemaps, listing pages, search API pages) are fetched again with If-None-Match and
If-Modified-Since from here; an article found here is not fetched again unless its listing says it changed
since. An article is recorded only once the index worker has stored it, and a listing only once every
article of the crawl is stored, so a crawl killed half-way loses nothing: the rerun fetches what is missing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

FILE_NAME = "seen.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS completed_crawls (
    source TEXT PRIMARY KEY,
    finished_at TEXT NOT NULL
);
"""
# Every source a URL was fetched for (`seen.source` is only the latest): a source that lists an article another
# source brought in fetches it once, so the index learns that this source lists it too.
_SEEN_BY = """
CREATE TABLE seen_by (
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (url, source)
) WITHOUT ROWID;
INSERT INTO seen_by SELECT url, source FROM seen;
"""


@dataclass(frozen=True, kw_only=True)
class Fetched:
    """What one URL answered: its validators and a hash of its body."""

    url: str
    source: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    fetched_at: datetime

    def conditional_headers(self) -> dict[str, str]:
        """Headers for a conditional GET of the same URL: 304 if it has not changed since."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def changed_since(self, modified: datetime | None) -> bool:
        """Whether a listing's date for this URL says it changed after we fetched it (no date: not changed)."""
        if modified is None:
            return False
        aware = modified if modified.tzinfo else modified.replace(tzinfo=UTC)
        return aware > self.fetched_at


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def fetched_from(
    *, url: str, source: str, body: bytes, headers: Mapping[bytes, Any] | None = None
) -> Fetched:
    """A record of a 200 answer; `headers` as Scrapy's `Headers` (whose `get` gives the value as bytes)."""

    def header(name: bytes) -> str | None:
        value = (headers or {}).get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        return value.decode("latin-1").strip() or None if isinstance(value, bytes) else None

    return Fetched(
        url=url,
        source=source,
        etag=header(b"ETag"),
        last_modified=header(b"Last-Modified"),
        content_hash=content_hash(body),
        fetched_at=datetime.now(UTC),
    )


class SeenStore:
    """One SQLite file in the data dir, shared by the crawl's threads (WAL; one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        self._conn.execute("BEGIN IMMEDIATE")  # a store of an older presswatch gets seen_by filled once
        try:
            exists = self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'seen_by'").fetchone()
            if exists is None:
                for statement in filter(str.strip, _SEEN_BY.split(";")):
                    self._conn.execute(statement)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> Self:
        return cls(data_dir / FILE_NAME)

    def get(self, url: str) -> Fetched | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT url, source, etag, last_modified, content_hash, fetched_at FROM seen WHERE url = ?",
                (url,),
            ).fetchone()
        if row is None:
            return None
        return Fetched(
            url=row[0],
            source=row[1],
            etag=row[2],
            last_modified=row[3],
            content_hash=row[4],
            fetched_at=datetime.fromisoformat(row[5]),
        )

    def record(self, records: Iterable[Fetched]) -> None:
        """Store (or replace) these records in one transaction."""
        rows = [
            (r.url, r.source, r.etag, r.last_modified, r.content_hash, r.fetched_at.isoformat())
            for r in records
        ]
        if not rows:
            return
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?, ?)", rows)
                self._conn.executemany("INSERT OR IGNORE INTO seen_by VALUES (?, ?)", [r[:2] for r in rows])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def seen_by(self, url: str, source: str) -> bool:
        """Whether `url` was fetched (and stored) for `source`, not only for another source that lists it."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM seen_by WHERE url = ? AND source = ?", (url, source)
            ).fetchone()
        return row is not None

    def completed(self, source: str) -> bool:
        """Whether a crawl of `source` ever finished with every article stored: only then can a listing stop
        at the first article it has seen (before that, older pages may still hold articles never fetched)."""
        with self._lock:
            row = self._conn.execute("SELECT 1 FROM completed_crawls WHERE source = ?", (source,)).fetchone()
        return row is not None

    def mark_completed(self, source: str) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO completed_crawls VALUES (?, ?)",
                (source, datetime.now(UTC).isoformat()),
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
