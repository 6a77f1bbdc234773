"""Extraction health per source, kept in `<data dir>/source-health.sqlite3`.

Every crawl records one `CrawlRun` per source (pages read, pages without a body, title or date, new
documents, errors, the last error); `presswatch watch` records a run whose crawl process died. From the
newest runs, `SourceHealth` says what share of a source's recent pages came out empty, untitled or undated,
so a publisher's layout change shows up as a jump in a share rather than as silence. It lives here, in the
core, because the crawler writes it and the API reads it, and those two never import each other.

`open_health(settings)` gives the configured store: that SQLite file, or PostgreSQL (`PostgresHealthStore`)
when `PRESSWATCH_DATABASE_URL` is set, so every crawl worker of a cluster records into one place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self

from pydantic import BaseModel, Field

from presswatch.config import Settings
from presswatch.database import PooledStore, apply_schema, connection, pool_for
from presswatch.read_only import query_if_exists
from presswatch.sqlite_store import connect_wal

if TYPE_CHECKING:
    from presswatch.database import Pool

FILE_NAME = "source-health.sqlite3"
WINDOW_PAGES = 20
"""Shares are taken over the newest runs that together read at least this many pages (or all there are)."""
KEEP_RUNS = 500
"""Runs kept per source; older ones are deleted as new ones arrive."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    pages INTEGER NOT NULL,
    empty_body INTEGER NOT NULL,
    no_title INTEGER NOT NULL,
    no_date INTEGER NOT NULL,
    new INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    error TEXT,
    error_at TEXT,
    documents INTEGER
);
CREATE INDEX IF NOT EXISTS runs_by_source ON runs (source, id);
"""
_COLUMNS = (
    "source",
    "started_at",
    "finished_at",
    "pages",
    "empty_body",
    "no_title",
    "no_date",
    "new",
    "updated",
    "unchanged",
    "errors",
    "failed",
    "error",
    "error_at",
    "documents",
)


class CrawlRun(BaseModel):
    """What one crawl did for one source."""

    source: str
    started_at: datetime
    finished_at: datetime
    pages: int = Field(default=0, ge=0, description="Article pages read (extracted or not).")
    empty_body: int = Field(default=0, ge=0, description="Pages in which no article body was found.")
    no_title: int = Field(default=0, ge=0, description="Pages in which no title was found.")
    no_date: int = Field(default=0, ge=0, description="Articles read without a publication date.")
    new: int = Field(default=0, ge=0, description="Documents added to the index.")
    updated: int = Field(default=0, ge=0, description="Documents whose content changed.")
    unchanged: int = Field(default=0, ge=0, description="Articles read again, unchanged.")
    errors: int = Field(
        default=0, ge=0, description="Pages or feeds that could not be fetched, read or indexed."
    )
    failed: bool = Field(default=False, description="The source gave nothing but errors, or its crawl died.")
    error: str | None = Field(default=None, description="The last error of the run, in words.")
    error_at: datetime | None = None
    documents: int | None = Field(
        default=None,
        description="Documents of this source in the index after the run, when it could be counted.",
    )


class SourceHealth(BaseModel):
    """How a source has been doing, from its recorded runs."""

    name: str
    last_crawl_at: datetime | None = Field(default=None, description="When its last crawl finished.")
    last_run: CrawlRun | None = None
    runs: int = Field(default=0, description="Crawls recorded (the newest 500 are kept).")
    failures_in_a_row: int = Field(default=0, description="Failed crawls since the last one that worked.")
    pages: int = Field(default=0, description="Pages the shares below are taken over (the newest runs).")
    empty_body_share: float | None = Field(
        default=None, description="Share of those pages with no article body; None before any page was read."
    )
    no_title_share: float | None = None
    no_date_share: float | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    documents: int | None = Field(
        default=None,
        description="Its documents in the index, counted when asked (`search.source_counts`); as its last crawl"
        " counted them when the index cannot be asked.",
    )
    documents_counted_by: Literal["index", "crawl"] | None = Field(
        default=None,
        description="Who counted `documents`: the index when asked, or its last crawl (the index did not answer"
        " in time, or there is none).",
    )


def _text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _run(row: sqlite3.Row | dict[str, Any]) -> CrawlRun:
    return CrawlRun.model_validate({name: row[name] for name in _COLUMNS})


def _row(run: CrawlRun) -> tuple[Any, ...]:
    return (
        run.source,
        _text(run.started_at),
        _text(run.finished_at),
        run.pages,
        run.empty_body,
        run.no_title,
        run.no_date,
        run.new,
        run.updated,
        run.unchanged,
        run.errors,
        int(run.failed),
        run.error,
        _text(run.error_at),
        run.documents,
    )


def summarise(name: str, newest_first: list[CrawlRun], *, total_runs: int | None = None) -> SourceHealth:
    """The health of one source from its runs, newest first."""
    if not newest_first:
        return SourceHealth(name=name)
    window: list[CrawlRun] = []
    pages = 0
    for run in newest_first:
        if run.pages:
            window.append(run)
            pages += run.pages
        if pages >= WINDOW_PAGES:
            break
    failures = 0
    for run in newest_first:
        if not run.failed:
            break
        failures += 1
    with_error = next((run for run in newest_first if run.error), None)
    counted = next((run.documents for run in newest_first if run.documents is not None), None)

    def share(count: int) -> float | None:
        return round(count / pages, 4) if pages else None

    return SourceHealth(
        name=name,
        last_crawl_at=newest_first[0].finished_at,
        last_run=newest_first[0],
        runs=total_runs if total_runs is not None else len(newest_first),
        failures_in_a_row=failures,
        pages=pages,
        empty_body_share=share(sum(r.empty_body for r in window)),
        no_title_share=share(sum(r.no_title for r in window)),
        no_date_share=share(sum(r.no_date for r in window)),
        last_error=with_error.error if with_error else None,
        last_error_at=(with_error.error_at or with_error.finished_at) if with_error else None,
        documents=counted,
        documents_counted_by=None if counted is None else "crawl",
    )


class HealthStore(Protocol):
    """The runs of every source, wherever they are kept."""

    def record(self, runs: Iterable[CrawlRun]) -> None: ...
    def runs(self, source: str, *, limit: int = KEEP_RUNS) -> list[CrawlRun]: ...
    def names(self) -> list[str]: ...
    def health(self, names: Iterable[str] | None = None) -> list[SourceHealth]: ...
    def error_counts(self) -> list[SourceErrorCounts]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def _healths(store: HealthStore, names: Iterable[str] | None, totals: dict[str, int]) -> list[SourceHealth]:
    wanted = list(names) if names is not None else store.names()
    return [summarise(name, store.runs(name), total_runs=int(totals.get(name, 0))) for name in wanted]


def open_health(settings: Settings, *, read_only: bool = False) -> HealthStore:
    """The configured store: PostgreSQL when `PRESSWATCH_DATABASE_URL` is set, else the file in the data
    dir (`read_only`: never created or changed, for readers)."""
    if settings.database_dsn:
        return PostgresHealthStore(pool_for(settings.database_dsn))
    return SourceHealthStore.in_data_dir(settings.data_dir, read_only=read_only)


class SourceHealthStore:
    """The runs table; one connection, autocommit, a busy timeout so a crawl and a reader can share it."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only:
            # mode=rw: never creates the file; a WAL database needs its readers to write its -shm index.
            self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = connect_wal(path, timeout=10)
            self._conn.executescript(_SCHEMA)
        self._conn.row_factory = sqlite3.Row

    @classmethod
    def in_data_dir(cls, data_dir: Path, *, read_only: bool = False) -> Self:
        return cls(data_dir / FILE_NAME, read_only=read_only)

    def record(self, runs: Iterable[CrawlRun]) -> None:
        """Adds runs in one transaction, then forgets each source's runs beyond the newest `KEEP_RUNS`."""
        rows = [_row(run) for run in runs]
        if not rows:
            return
        placeholders = ", ".join("?" for _ in _COLUMNS)
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany(f"INSERT INTO runs ({', '.join(_COLUMNS)}) VALUES ({placeholders})", rows)
            for source in {row[0] for row in rows}:
                self._conn.execute(
                    "DELETE FROM runs WHERE source = ? AND id NOT IN"
                    " (SELECT id FROM runs WHERE source = ? ORDER BY id DESC LIMIT ?)",
                    (source, source, KEEP_RUNS),
                )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def runs(self, source: str, *, limit: int = KEEP_RUNS) -> list[CrawlRun]:
        """A source's runs, newest first."""
        rows = self._conn.execute(
            "SELECT * FROM runs WHERE source = ? ORDER BY id DESC LIMIT ?", (source, limit)
        ).fetchall()
        return [_run(row) for row in rows]

    def names(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT DISTINCT source FROM runs ORDER BY source")]

    def health(self, names: Iterable[str] | None = None) -> list[SourceHealth]:
        """Each named source's health (every recorded source when None), in the order given."""
        totals = dict(self._conn.execute("SELECT source, count(*) FROM runs GROUP BY source").fetchall())
        return _healths(self, names, totals)

    def error_counts(self) -> list[SourceErrorCounts]:
        return _error_counts(self._conn.execute(_ERROR_COUNTS).fetchall())

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def read_health(settings: Settings, names: Iterable[str] | None = None) -> list[SourceHealth]:
    """Health for readers (the API, `presswatch sources`): never creates the file; no file is no runs."""
    if not settings.database_dsn and not (settings.data_dir / FILE_NAME).exists():
        return [SourceHealth(name=name) for name in names or ()]
    with open_health(settings, read_only=True) as store:
        return store.health(names)


class SourceErrorCounts(BaseModel):
    """A source's errors over its kept runs (the newest `KEEP_RUNS`), for metrics."""

    source: str
    errors: int = Field(description="Pages or feeds that could not be fetched, read or indexed.")
    runs_with_errors: int = Field(description="Runs that had at least one error or failed.")
    runs: int = Field(description="Runs kept.")


_ERROR_COUNTS = (
    "SELECT source, sum(errors), sum(CASE WHEN errors > 0 OR failed <> 0 THEN 1 ELSE 0 END), count(*)"
    " FROM runs GROUP BY source ORDER BY source"
)


def _error_counts(rows: Iterable[Any]) -> list[SourceErrorCounts]:
    return [
        SourceErrorCounts(source=r[0], errors=int(r[1]), runs_with_errors=int(r[2]), runs=int(r[3]))
        for r in rows
    ]


def read_error_counts(settings: Settings) -> list[SourceErrorCounts]:
    """Per source, the errors of its kept runs, in one query; never creates the file; no file is no runs."""
    if settings.database_dsn:
        with open_health(settings) as store:
            return store.error_counts()
    return _error_counts(query_if_exists(settings.data_dir / FILE_NAME, _ERROR_COUNTS) or ())


# The same table; PostgreSQL numbers rows with a sequence where SQLite uses the rowid.
_PG_SCHEMA = [
    _SCHEMA.replace("IF NOT EXISTS ", "").replace("id INTEGER PRIMARY KEY", "id BIGSERIAL PRIMARY KEY")
]


class PostgresHealthStore(PooledStore):
    """The runs table in PostgreSQL, written by every crawl worker of a cluster (the same columns as the
    SQLite file, times as ISO text, so both stores read back the same runs)."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        apply_schema(pool, store="source_health", migrations=_PG_SCHEMA)

    def record(self, runs: Iterable[CrawlRun]) -> None:
        rows = [_row(run) for run in runs]
        if not rows:
            return
        placeholders = ", ".join("%s" for _ in _COLUMNS)
        with connection(self._pool) as conn, conn.transaction(), conn.cursor() as cursor:
            cursor.executemany(f"INSERT INTO runs ({', '.join(_COLUMNS)}) VALUES ({placeholders})", rows)
            for source in sorted({row[0] for row in rows}):
                cursor.execute(
                    "DELETE FROM runs WHERE source = %s AND id NOT IN"
                    " (SELECT id FROM runs WHERE source = %s ORDER BY id DESC LIMIT %s)",
                    (source, source, KEEP_RUNS),
                )

    def runs(self, source: str, *, limit: int = KEEP_RUNS) -> list[CrawlRun]:
        from psycopg.rows import dict_row

        with connection(self._pool) as conn, conn.cursor(row_factory=dict_row) as cursor:
            rows = cursor.execute(
                "SELECT * FROM runs WHERE source = %s ORDER BY id DESC LIMIT %s", (source, limit)
            ).fetchall()
        return [_run(row) for row in rows]

    def names(self) -> list[str]:
        with connection(self._pool) as conn:
            return [str(row[0]) for row in conn.execute("SELECT DISTINCT source FROM runs ORDER BY source")]

    def health(self, names: Iterable[str] | None = None) -> list[SourceHealth]:
        with connection(self._pool) as conn:
            totals = {
                str(r[0]): int(r[1])
                for r in conn.execute("SELECT source, count(*) FROM runs GROUP BY source")
            }
        return _healths(self, names, totals)

    def error_counts(self) -> list[SourceErrorCounts]:
        with connection(self._pool) as conn:
            return _error_counts(conn.execute(_ERROR_COUNTS).fetchall())
