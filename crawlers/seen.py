"""The durable seen-URL store: what each URL answered last time (ETag, Last-Modified, content hash, when).

Listings (feeds, sitemaps, listing pages, search API pages) are fetched again with If-None-Match and
If-Modified-Since from here; an article found here is not fetched again unless its listing says it changed
since. An article is recorded only once the index worker has stored it, and a listing only once every
article of the crawl is stored, so a crawl killed half-way loses nothing: the rerun fetches what is missing.

Two implementations of one protocol (`SeenURLs`), chosen by `open_seen(settings)`: a SQLite file in the data
dir (`SeenStore`, the embedded default), and PostgreSQL (`PostgresSeenStore`) when `PRESSWATCH_DATABASE_URL`
is set. In cluster mode sources are crawled by different workers at once, so the first fetch of an article
is *claimed*: of two sources that list one URL, only the one whose claim is granted fetches it; the other
records that it lists it too (`listers`), so the index learns both sources without a second request.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from presswatch.config import Settings
from presswatch.database import PooledStore, apply_schema, connection, pool_for
from presswatch.sqlite_store import connect_wal

if TYPE_CHECKING:
    from presswatch.database import Pool

FILE_NAME = "seen.sqlite3"
CLAIM_LEASE = timedelta(hours=1)
"""A claim on a URL that was never stored (its crawl died) may be taken by another source after this long;
the same source takes its own claim again at once (a rerun of its crawl)."""

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


def _fetched(row: Any, *, fetched_at: datetime) -> Fetched:
    """A record from a row of (url, source, etag, last_modified, content_hash, fetched_at)."""
    return Fetched(
        url=row[0],
        source=row[1],
        etag=row[2],
        last_modified=row[3],
        content_hash=row[4],
        fetched_at=fetched_at,
    )


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


class SeenURLs(Protocol):
    """What the crawl keeps about each URL it fetched, whatever holds it."""

    claims_urls: bool
    """Whether `claim` can refuse: only where several crawl processes run at once (PostgreSQL)."""

    def get(self, url: str) -> Fetched | None: ...
    def record(self, records: Iterable[Fetched]) -> None: ...
    def seen_by(self, url: str, source: str) -> bool: ...
    def completed(self, source: str) -> bool: ...
    def mark_completed(self, source: str) -> None: ...
    def claim(self, url: str, source: str) -> bool:
        """Whether `source` may fetch `url` for the first time (no other source has it, fetched or in flight);
        either way `source` is recorded among the URL's `listers`."""
        ...

    def listers(self, url: str) -> tuple[str, ...]:
        """Sources that listed `url` without fetching it (their claim went to another source)."""
        ...

    def note_listed(self, url: str, sources: Iterable[str]) -> None:
        """These sources are on the stored document of `url` now: seen for them, as if they had fetched it."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def open_seen(settings: Settings) -> SeenURLs:
    """The configured store: PostgreSQL when `PRESSWATCH_DATABASE_URL` is set, else `seen.sqlite3`."""
    if settings.database_dsn:
        return PostgresSeenStore(pool_for(settings.database_dsn))
    return SeenStore.in_data_dir(settings.data_dir)


class SeenStore:
    """One SQLite file in the data dir, shared by the crawl's threads (WAL; one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = connect_wal(path, timeout=30, check_same_thread=False)
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
        return _fetched(row, fetched_at=datetime.fromisoformat(row[5])) if row else None

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

    claims_urls = False

    def claim(self, url: str, source: str) -> bool:
        """Always granted: one crawl process reads every source, and a second source fetches an article
        again so that the index learns it lists it too."""
        return True

    def listers(self, url: str) -> tuple[str, ...]:
        return ()

    def note_listed(self, url: str, sources: Iterable[str]) -> None:
        with self._lock:
            self._conn.executemany("INSERT OR IGNORE INTO seen_by VALUES (?, ?)", [(url, s) for s in sources])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


_PG_SCHEMA = [
    """
    CREATE TABLE seen (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        fetched_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE seen_by (url TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (url, source));
    CREATE TABLE completed_crawls (source TEXT PRIMARY KEY, finished_at TIMESTAMPTZ NOT NULL);
    CREATE TABLE url_claims (url TEXT PRIMARY KEY, source TEXT NOT NULL, claimed_at TIMESTAMPTZ NOT NULL);
    CREATE TABLE url_listers (
        url TEXT NOT NULL,
        source TEXT NOT NULL,
        listed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (url, source)
    );
    """
]
# Granted when nobody claimed the URL, or the claim is this source's own (a rerun of its crawl), or an
# abandoned one (older than the lease, never stored); never when another source already stored it.
_CLAIM = """
INSERT INTO url_claims AS c (url, source, claimed_at)
SELECT %(url)s, %(source)s, now()
WHERE NOT EXISTS (SELECT 1 FROM seen_by WHERE url = %(url)s AND source <> %(source)s)
ON CONFLICT (url) DO UPDATE SET source = EXCLUDED.source, claimed_at = EXCLUDED.claimed_at
WHERE c.source = EXCLUDED.source
   OR (c.claimed_at < now() - %(lease)s AND NOT EXISTS (SELECT 1 FROM seen_by WHERE url = c.url))
RETURNING c.source
"""


class PostgresSeenStore(PooledStore):
    """The seen URLs in PostgreSQL, shared by every crawl worker; statements autocommit one by one."""

    claims_urls = True

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        apply_schema(pool, store="seen", migrations=_PG_SCHEMA)

    def get(self, url: str) -> Fetched | None:
        with connection(self._pool) as conn:
            row = conn.execute(
                "SELECT url, source, etag, last_modified, content_hash, fetched_at FROM seen WHERE url = %s",
                (url,),
            ).fetchone()
        return _fetched(row, fetched_at=row[5]) if row else None

    def record(self, records: Iterable[Fetched]) -> None:
        rows = [(r.url, r.source, r.etag, r.last_modified, r.content_hash, r.fetched_at) for r in records]
        if not rows:
            return
        with connection(self._pool) as conn, conn.transaction(), conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO seen VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (url) DO UPDATE SET"
                " source = EXCLUDED.source, etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,"
                " content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at",
                rows,
            )
            cursor.executemany(
                "INSERT INTO seen_by VALUES (%s, %s) ON CONFLICT DO NOTHING", [r[:2] for r in rows]
            )

    def seen_by(self, url: str, source: str) -> bool:
        with connection(self._pool) as conn:
            row = conn.execute(
                "SELECT 1 FROM seen_by WHERE url = %s AND source = %s", (url, source)
            ).fetchone()
        return row is not None

    def completed(self, source: str) -> bool:
        with connection(self._pool) as conn:
            row = conn.execute("SELECT 1 FROM completed_crawls WHERE source = %s", (source,)).fetchone()
        return row is not None

    def mark_completed(self, source: str) -> None:
        with connection(self._pool) as conn:
            conn.execute(
                "INSERT INTO completed_crawls VALUES (%s, now())"
                " ON CONFLICT (source) DO UPDATE SET finished_at = EXCLUDED.finished_at",
                (source,),
            )

    def claim(self, url: str, source: str) -> bool:
        with connection(self._pool) as conn, conn.transaction():
            conn.execute(
                "INSERT INTO url_listers (url, source) VALUES (%s, %s) ON CONFLICT DO NOTHING", (url, source)
            )
            granted = conn.execute(_CLAIM, {"url": url, "source": source, "lease": CLAIM_LEASE}).fetchone()
        return granted is not None

    def listers(self, url: str) -> tuple[str, ...]:
        with connection(self._pool) as conn:
            rows = conn.execute(
                "SELECT l.source FROM url_listers l WHERE l.url = %s AND l.source IS DISTINCT FROM"
                " (SELECT source FROM url_claims WHERE url = %s) ORDER BY l.listed_at, l.source",
                (url, url),
            ).fetchall()
        return tuple(str(row[0]) for row in rows)

    def note_listed(self, url: str, sources: Iterable[str]) -> None:
        with connection(self._pool) as conn, conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO seen_by VALUES (%s, %s) ON CONFLICT DO NOTHING", [(url, s) for s in sources]
            )
