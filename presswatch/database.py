"""PostgreSQL for cluster mode (`PRESSWATCH_DATABASE_URL`): one connection pool per process, each store's
schema applied once, and the advisory locks that keep one scheduler or story placer active and serialise
get → merge → write per document.

The embedded default never comes here: with no URL set every store stays a SQLite file in the data dir, and
psycopg (the `cluster` extra) is imported only when a URL is set, so a one-machine install never needs it.
What both kinds of store raise when they cannot be used (`STORE_ERRORS`), and whether such an error may pass
by itself (`waiting_helps`, the API's Retry-After), are defined here once for both.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from psycopg import Connection
    from psycopg_pool import ConnectionPool

    Conn = Connection[tuple[Any, ...]]
    Pool = ConnectionPool[Conn]

CONNECT_TIMEOUT = 10.0
"""Seconds a process waits for its first connection before it says the database is unreachable."""
POOL_MAX_SIZE = 8
"""Connections one process opens at most (a crawl's threads, an API worker's requests)."""
_SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS presswatch_schema (
    store TEXT PRIMARY KEY,
    version INTEGER NOT NULL
)
"""


CLUSTER_EXTRA = (
    "install presswatch with its cluster extra: pip install '.[cluster]' in the checkout (`make install`"
    " includes it), or pip install 'presswatch-<version>.whl[cluster]'"
)
"""How to get what cluster mode needs. presswatch is not on PyPI, so `pip install 'presswatch[cluster]'` finds
nothing there (or, one day, someone else's package of that name)."""


class DatabaseError(RuntimeError):
    """PostgreSQL is configured but cannot be used: psycopg is missing, the server is unreachable, or it refused.

    `passes`: whether the same request may succeed later by itself (the server out of reach or starting, too
    many connections, a lock); a wrong password, a missing database or a missing psycopg wait for someone."""

    def __init__(self, message: str, *, passes: bool = False) -> None:
        super().__init__(message)
        self.passes = passes


STORE_ERRORS = (sqlite3.Error, DatabaseError)
"""What a store of either kind raises when it cannot be read or written (PostgreSQL's as DatabaseError): the one
definition of "the store is unreadable", for the API's 503 and the commands' messages. SQLite's complaints
about a statement (IntegrityError, ProgrammingError...) are among them; the API leaves those a 500 (bugs)."""

_PASSING_STATES = ("08", "53", "57P01", "57P02", "57P03", "55P03", "40001", "40P01")
"""PostgreSQL's SQLSTATEs (classes or codes) that pass: connection exceptions, insufficient resources (too many
connections), the server shutting down or starting, a lock not available, serialization failure, deadlock."""

_PASSING_WORDS = (
    "connection refused",
    "could not connect",
    "no route to host",
    "network is unreachable",
    "timeout expired",
    "timed out",
    "too many clients",
    "too many connections",
    "remaining connection slots",
    "starting up",
    "shutting down",
    "in recovery",
    "server closed the connection",
    "terminating connection",
    "couldn't get a connection",  # the pool's timeout: all its connections busy, or none can be made now
    "locked",
    "busy",
)
"""The same in the words of libpq (which gives no SQLSTATE for a connection that failed) and of SQLite, whose
'database is locked' (a crawl's long write) is its only error that passes by itself."""


def waiting_helps(exc: BaseException) -> bool:
    """Whether a store error may pass by itself, so an answer may say when to try again (Retry-After).
    Anything else (a corrupt file, a disk I/O error, a wrong password, an error nobody foresaw) does not: a
    client told to retry would retry for ever what someone has to mend."""
    if isinstance(exc, DatabaseError):
        return exc.passes
    return isinstance(exc, sqlite3.OperationalError) and _passing_words(str(exc))


def _passing_words(message: str) -> bool:
    lowered = message.lower()
    return any(words in lowered for words in _PASSING_WORDS)


def _passes(exc: BaseException) -> bool:
    """Whether a psycopg error may pass by itself: by its SQLSTATE when the server sent one, else its words."""
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str) and state:
        return state.startswith(_PASSING_STATES)
    return _passing_words(str(exc))


_PASSWORD_PARAMETER = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)", re.IGNORECASE)


def redacted(url: str) -> str:
    """The URL (or libpq's `key=value` string) with its password replaced, for messages and logs."""
    url = _PASSWORD_PARAMETER.sub(r"\1***", url)  # `password=...` as a parameter or in the query
    parts = urlsplit(url)
    if "://" not in url or parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def _psycopg_pool() -> type[Pool]:
    try:
        from psycopg_pool import ConnectionPool
    except ImportError:
        raise DatabaseError(
            f"PRESSWATCH_DATABASE_URL is set but psycopg is not installed: {CLUSTER_EXTRA}"
        ) from None
    return ConnectionPool


def open_pool(url: str, *, max_size: int = POOL_MAX_SIZE, timeout: float = CONNECT_TIMEOUT) -> Pool:
    """A new pool on `url`, its first connection made (or `DatabaseError` naming the URL without password)."""
    pool_class = _psycopg_pool()  # first: the clear error when the cluster extra is missing
    from psycopg import Error as PsycopgError
    from psycopg_pool import PoolTimeout

    pool = pool_class(
        conninfo=url,
        min_size=1,
        max_size=max_size,
        open=False,
        check=pool_class.check_connection,  # a connection the server dropped (restart) is replaced
        name="presswatch",
    )
    try:
        pool.open(wait=True, timeout=timeout)
    except (PoolTimeout, PsycopgError) as exc:
        pool.close()
        reason: BaseException = exc
        passes = _passes(exc)
        if isinstance(exc, PoolTimeout):
            why = _why_not(url, timeout=timeout)
            # None: it connects now, so what failed was passing (a server that was starting, say).
            reason, passes = (why, _passes(why)) if why is not None else (exc, True)
        raise DatabaseError(
            f"cannot connect to PostgreSQL at {redacted(url)}: {reason}", passes=passes
        ) from None
    return pool


def _why_not(url: str, *, timeout: float) -> BaseException | None:
    """libpq's reason for a pool that could not connect (the pool only logs it and says it timed out): one
    connection of our own, so a wrong password is told apart from a server out of reach."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=max(1, int(timeout))).close()
    except psycopg.Error as exc:
        return exc
    return None


_POOLS: dict[tuple[str, int], Pool] = {}
_POOLS_LOCK = threading.Lock()


def pool_for(url: str) -> Pool:
    """This process's pool on `url`, opened on first use; a forked child (a Celery or NLP worker) opens its
    own, since a connection must never be shared across a fork."""
    key = (url, os.getpid())
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None or pool.closed:
            pool = _POOLS[key] = open_pool(url)
        return pool


def close_pools() -> None:
    """Close this process's pools (at shutdown, and between tests that drop their database)."""
    with _POOLS_LOCK:
        mine = [key for key in _POOLS if key[1] == os.getpid()]
        for key in mine:
            _POOLS.pop(key).close()


@contextmanager
def connection(pool: Pool) -> Iterator[Conn]:
    """A pooled connection (committed when the block ends without an error) whose psycopg errors reach the
    caller as `DatabaseError`, so stores of both kinds are handled alike (`STORE_ERRORS`)."""
    import psycopg

    try:
        with pool.connection() as conn:
            yield conn
    except psycopg.Error as exc:
        raise DatabaseError(f"PostgreSQL: {exc}", passes=_passes(exc)) from exc


def lock_key(name: str) -> int:
    """A signed 64-bit advisory-lock key for `name` (PostgreSQL's lock space is one bigint)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def apply_schema(pool: Pool, *, store: str, migrations: Sequence[str]) -> None:
    """Bring `store`'s tables to the last of `migrations` (each one SQL script, applied once, in order).

    Two processes starting at once must not both create the same table (PostgreSQL's CREATE ... IF NOT
    EXISTS can still fail on a concurrent create), so the check and the steps run under one advisory lock.
    """
    with connection(pool) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key("presswatch_schema"),))
        conn.execute(_SCHEMA_TABLE)
        row = conn.execute("SELECT version FROM presswatch_schema WHERE store = %s", (store,)).fetchone()
        version = int(row[0]) if row else 0
        for step in migrations[version:]:
            conn.execute(step.encode())  # bytes: several statements in one script, no parameters
        if len(migrations) > version:
            conn.execute(
                "INSERT INTO presswatch_schema (store, version) VALUES (%s, %s)"
                " ON CONFLICT (store) DO UPDATE SET version = EXCLUDED.version",
                (store, len(migrations)),
            )


def document_lock(doc_id: str) -> str:
    """The lock name under which a document's get → merge → write runs, the same in every process."""
    return f"document:{doc_id}"


@contextmanager
def locked_transaction(pool: Pool, name: str) -> Iterator[Conn]:
    """A transaction holding the advisory lock `name` (e.g. "document:<id>") until it commits or rolls back:
    two workers merging the same document take turns; different documents never wait for each other."""
    with connection(pool) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(name),))
        yield conn


class PooledStore:
    """Base of the PostgreSQL stores: they borrow this process's pool (`pool_for`), which outlives them, so
    closing one closes nothing; `with` works as for the SQLite stores they stand in for."""

    def close(self) -> None:
        """Nothing to close: the pool is the process's."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Leadership:
    """A session-level advisory lock on a connection of its own: one scheduler or placer is active, and a
    standby takes over when the leader's process or connection dies (the server frees the lock with it).

    `try_acquire()` never waits; `holding()` checks the connection still holds it (a leader cut off from the
    server must stop acting); `release()` lets a standby in at once.
    """

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.name = name
        self.key = lock_key(name)
        self._conn: Conn | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; True when this process holds it (also when it already did)."""
        if self.holding():
            return True
        self._close()
        _psycopg_pool()  # the clear error when the cluster extra is missing
        import psycopg

        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=int(CONNECT_TIMEOUT))
        except psycopg.Error as exc:
            raise DatabaseError(
                f"cannot connect to PostgreSQL at {redacted(self.url)}: {exc}", passes=_passes(exc)
            ) from None
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
        if row is None or not row[0]:
            conn.close()
            return False
        self._conn = conn
        return True

    def holding(self) -> bool:
        """Whether this process still holds the lock (its connection is alive and the lock is in pg_locks)."""
        if self._conn is None or self._conn.closed:
            return False
        import psycopg

        try:
            row = self._conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                " AND granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = %s",
                (self.key,),
            ).fetchone()
        except psycopg.Error:
            self._close()
            return False
        return bool(row and row[0])

    def release(self) -> None:
        self._close()  # closing the session frees its advisory locks

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.closed:
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
