"""Reading another process's SQLite store without ever creating or changing it (metrics, reports)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def query_if_exists(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]] | None:
    """The rows of one read-only query on the store at `path`; None when there is no such file.

    `mode=rw` never creates the file and `query_only` refuses any write, so a scrape cannot disturb the
    process that owns the store.
    """
    if not path.exists():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=2)
    try:
        conn.execute("PRAGMA query_only = ON")
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()
