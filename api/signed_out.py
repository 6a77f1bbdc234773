"""Sessions ended by signing out, kept on the server until they would have expired anyway.

A session cookie is a dated HMAC (`api.session`): nothing on the server knows it exists, so deleting it from
the browser leaves a copy (a stolen one, another tab's) valid for its whole life. Sign-out records the
cookie's MAC here, in `<data_dir>/web-sessions.sqlite3`, and a recorded MAC no longer signs anyone in. Rows
go once their cookie has expired, so the table holds at most a week of sign-outs.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from presswatch.read_only import query_if_exists

_SCHEMA = "CREATE TABLE IF NOT EXISTS signed_out (mac TEXT PRIMARY KEY, expires INTEGER NOT NULL)"


def store_path(data_dir: Path) -> Path:
    return data_dir / "web-sessions.sqlite3"


def sign_out(data_dir: Path, *, mac: str, expires: int) -> None:
    """Record that the session with this MAC has ended (and forget sessions that have expired since)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(store_path(data_dir), timeout=10)) as conn, conn:
        conn.execute(_SCHEMA)
        conn.execute("INSERT OR REPLACE INTO signed_out (mac, expires) VALUES (?, ?)", (mac, expires))
        conn.execute("DELETE FROM signed_out WHERE expires < ?", (int(time.time()),))


def has_signed_out(data_dir: Path, mac: str) -> bool:
    """Whether the session with this MAC was ended on the server (never creates the store)."""
    try:
        found = query_if_exists(store_path(data_dir), "SELECT 1 FROM signed_out WHERE mac = ?", (mac,))
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # the file exists, the table not yet
            return False
        raise  # locked or unreadable: never taken as "not signed out"
    return bool(found)
