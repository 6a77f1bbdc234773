"""Extraction health per source, kept in `<data dir>/source-health.sqlite3`.

Every crawl records one `CrawlRun` per source (pages read, pages without a body, title or date, new
documents, errors, the last error); `presswatch watch` records a run whose crawl process died. From the
newest runs, `SourceHealth` says what share of a source's recent pages came out empty, untitled or undated,
so a publisher's layout change shows up as a jump in a share rather than as silence. It lives here, in the
core, because the crawler writes it and the API reads it, and those two never import each other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from pydantic import BaseModel, Field

from presswatch.read_only import query_if_exists

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
    documents: int | None = Field(default=None, description="Documents in the index, as of its last crawl.")


def _text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _run(row: sqlite3.Row) -> CrawlRun:
    return CrawlRun.model_validate({name: row[name] for name in _COLUMNS})


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
    )


class SourceHealthStore:
    """The runs table; one connection, autocommit, a busy timeout so a crawl and a reader can share it."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only:
            # mode=rw: never creates the file; a WAL database needs its readers to write its -shm index.
            self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=10, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.executescript(_SCHEMA)
        self._conn.row_factory = sqlite3.Row

    @classmethod
    def in_data_dir(cls, data_dir: Path, *, read_only: bool = False) -> Self:
        return cls(data_dir / FILE_NAME, read_only=read_only)

    def record(self, runs: Iterable[CrawlRun]) -> None:
        """Adds runs in one transaction, then forgets each source's runs beyond the newest `KEEP_RUNS`."""
        rows = [
            (
                r.source,
                _text(r.started_at),
                _text(r.finished_at),
                r.pages,
                r.empty_body,
                r.no_title,
                r.no_date,
                r.new,
                r.updated,
                r.unchanged,
                r.errors,
                int(r.failed),
                r.error,
                _text(r.error_at),
                r.documents,
            )
            for r in runs
        ]
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
        wanted = list(names) if names is not None else self.names()
        totals = dict(self._conn.execute("SELECT source, count(*) FROM runs GROUP BY source").fetchall())
        return [summarise(name, self.runs(name), total_runs=int(totals.get(name, 0))) for name in wanted]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def read_health(data_dir: Path, names: Iterable[str] | None = None) -> list[SourceHealth]:
    """Health for readers (the API, `presswatch sources`): never creates the file; no file is no runs."""
    path = data_dir / FILE_NAME
    if not path.exists():
        return [SourceHealth(name=name) for name in names or ()]
    with SourceHealthStore(path, read_only=True) as store:
        return store.health(names)


class SourceErrorCounts(BaseModel):
    """A source's errors over its kept runs (the newest `KEEP_RUNS`), for metrics."""

    source: str
    errors: int = Field(description="Pages or feeds that could not be fetched, read or indexed.")
    runs_with_errors: int = Field(description="Runs that had at least one error or failed.")
    runs: int = Field(description="Runs kept.")


def read_error_counts(data_dir: Path) -> list[SourceErrorCounts]:
    """Per source, the errors of its kept runs, in one query; never creates the file; no file is no runs."""
    rows = query_if_exists(
        data_dir / FILE_NAME,
        "SELECT source, sum(errors), sum(errors > 0 OR failed), count(*) FROM runs GROUP BY source ORDER BY source",
    )
    return [SourceErrorCounts(source=r[0], errors=r[1], runs_with_errors=r[2], runs=r[3]) for r in rows or ()]
