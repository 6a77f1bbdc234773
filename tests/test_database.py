"""presswatch.database against a real PostgreSQL: schema steps applied once, the leadership lock, the per-key
transaction lock, and clear errors when the extra is missing or the server is unreachable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psycopg
import pytest

from presswatch.config import Settings
from presswatch.database import (
    DatabaseError,
    Leadership,
    apply_schema,
    lock_key,
    locked_transaction,
    open_pool,
    pool_for,
    redacted,
)
from tests.demo_process import free_port

STEPS = [
    "CREATE TABLE IF NOT EXISTS things (id TEXT PRIMARY KEY); INSERT INTO things VALUES ('first')",
    "ALTER TABLE things ADD COLUMN n INTEGER NOT NULL DEFAULT 0",
]


def test_unset_url_is_the_embedded_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSWATCH_DATABASE_URL", raising=False)
    assert Settings().database_dsn is None
    monkeypatch.setenv("PRESSWATCH_DATABASE_URL", "")
    assert Settings().database_dsn is None


def test_the_password_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_DATABASE_URL", "postgresql://pw:s3cret@db.example/presswatch")
    settings = Settings()
    assert settings.database_dsn == "postgresql://pw:s3cret@db.example/presswatch"
    assert "s3cret" not in repr(settings) and "s3cret" not in str(settings.model_dump())
    assert redacted(settings.database_dsn) == "postgresql://pw:***@db.example/presswatch"
    assert redacted("postgresql://db.example/p?sslmode=require&password=s3cret") == (
        "postgresql://db.example/p?sslmode=require&password=***"
    )
    assert redacted("host=db.example password='s3 cret' dbname=p") == "host=db.example password=*** dbname=p"
    assert redacted("host=db.example PASSWORD=s3cret") == "host=db.example PASSWORD=***"


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    url = f"postgresql://pw:s3cret@127.0.0.1:{free_port()}/presswatch"
    with pytest.raises(DatabaseError, match="cannot connect to PostgreSQL") as caught:
        open_pool(url, timeout=2)
    assert "s3cret" not in str(caught.value) and "pw:***@127.0.0.1" in str(caught.value)


def test_without_the_cluster_extra_the_error_names_it() -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.modules["psycopg"] = None
        sys.modules["psycopg_pool"] = None
        from presswatch.database import DatabaseError, pool_for
        try:
            pool_for("postgresql://127.0.0.1/x")
        except DatabaseError as exc:
            print(exc)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "pip install '.[cluster]'" in result.stdout


def test_schema_steps_apply_once_and_in_order(postgres_url: str) -> None:
    pool = pool_for(postgres_url)
    apply_schema(pool, store="things", migrations=STEPS[:1])
    apply_schema(pool, store="things", migrations=STEPS[:1])  # again: the INSERT would fail on its key
    apply_schema(pool, store="things", migrations=STEPS)
    with pool.connection() as conn:
        assert conn.execute("SELECT id, n FROM things").fetchall() == [("first", 0)]
        assert conn.execute("SELECT version FROM presswatch_schema WHERE store = 'things'").fetchone() == (2,)


def test_processes_starting_at_once_apply_the_schema_once(postgres_url: str) -> None:
    script = textwrap.dedent(
        f"""
        from presswatch.database import apply_schema, pool_for
        apply_schema(pool_for({postgres_url!r}), store="things", migrations={STEPS!r})
        """
    )
    starts = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(4)]
    for start in starts:
        _, errors = start.communicate(timeout=60)
        assert start.returncode == 0, errors.decode()
    with pool_for(postgres_url).connection() as conn:
        assert conn.execute("SELECT count(*) FROM things").fetchone() == (1,)


def test_one_leader_and_a_standby_takes_over(postgres_url: str) -> None:
    with Leadership(postgres_url, "scheduler") as first, Leadership(postgres_url, "scheduler") as second:
        assert first.try_acquire()
        assert first.try_acquire() and first.holding()
        assert not second.try_acquire() and not second.holding()
        with Leadership(postgres_url, "story-placer") as other:
            assert other.try_acquire()  # another name is another lock
        first.release()
        assert not first.holding()
        assert second.try_acquire() and second.holding()


def test_a_dead_leaders_lock_is_freed(postgres_url: str) -> None:
    leader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from presswatch.database import Leadership\n"
            f"lead = Leadership({postgres_url!r}, 'scheduler')\n"
            f"assert lead.try_acquire()\nprint('leading', flush=True)\ninput()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert leader.stdout is not None and leader.stdout.readline().strip() == "leading"
        with Leadership(postgres_url, "scheduler") as standby:
            assert not standby.try_acquire()
            leader.kill()
            leader.wait(timeout=30)
            deadline = time.monotonic() + 30  # the server notices the closed socket at once; bounded anyway
            while not standby.try_acquire() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert standby.holding()
    finally:
        leader.kill()
        leader.wait(timeout=30)


def test_a_leader_cut_off_from_the_server_knows_it(postgres_url: str) -> None:
    with Leadership(postgres_url, "scheduler") as lead:
        assert lead.try_acquire()
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()"
            )
        assert not lead.holding()


def _waiting_for(url: str, name: str) -> int:
    """Sessions waiting (not granted) for the advisory lock `name`."""
    key = lock_key(name)
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND ((classid::bigint << 32) | objid::bigint) = %s",
            (key,),
        ).fetchone()
    return int(row[0]) if row else 0


def test_the_per_key_transaction_lock_makes_writers_take_turns(postgres_url: str) -> None:
    pool = pool_for(postgres_url)
    apply_schema(pool, store="counter", migrations=["CREATE TABLE counter (id TEXT PRIMARY KEY, n INTEGER)"])
    with pool.connection() as conn:
        conn.execute("INSERT INTO counter VALUES ('doc', 0), ('other', 0)")

    def increment(key: str) -> None:  # read, then write: lost updates unless the lock serialises them
        with locked_transaction(pool, f"document:{key}") as conn:
            row = conn.execute("SELECT n FROM counter WHERE id = %s", (key,)).fetchone()
            assert row is not None
            conn.execute("UPDATE counter SET n = %s WHERE id = %s", (row[0] + 1, key))

    with locked_transaction(pool, "document:doc") as held:
        held.execute("UPDATE counter SET n = n + 10 WHERE id = 'doc'")
        waiter = threading.Thread(target=increment, args=("doc",))
        waiter.start()
        deadline = time.monotonic() + 30
        while _waiting_for(postgres_url, "document:doc") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _waiting_for(postgres_url, "document:doc") == 1  # blocked behind this transaction
        increment("other")  # another key does not wait
    waiter.join(timeout=30)
    with pool.connection() as conn:
        assert dict(conn.execute("SELECT id, n FROM counter").fetchall()) == {"doc": 11, "other": 1}


def test_a_killed_test_runs_server_is_stopped_at_the_next_start() -> None:
    from tests.postgres_server import _alive, _postmaster_pid, stop_leftovers

    run = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests.postgres_server import PostgresServer\n"
            "server = PostgresServer()\nserver.start()\nprint(server.workdir, flush=True)\ninput()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert run.stdout is not None
        workdir = Path(run.stdout.readline().strip())
        postmaster = _postmaster_pid(workdir / "data")
        assert postmaster is not None and _alive(postmaster)
    finally:
        run.kill()  # the test run dies; its server (in a session of its own) does not
        run.wait(timeout=30)
    assert _alive(postmaster)
    stop_leftovers()
    assert not _alive(postmaster) and not workdir.exists()
