"""One real PostgreSQL 15 per test session (per xdist worker), on loopback, and a fresh database per test.

The server runs from the image's `/usr/lib/postgresql/15/bin` (`PRESSWATCH_PG_BIN` to use another) in a
temporary folder, with its own socket folder and a free loopback TCP port, trust authentication for the
`postgres` superuser, and durability turned off (tests never need to survive a power cut). `initdb` refuses
root, so under root it runs as the `postgres` user. Each server's folder records the test run's pid: a run
that was killed leaves a folder whose owner is gone, and the next run stops that server and removes it.

When `CI=true` and the server cannot start, every PostgreSQL test fails with the reason; elsewhere they skip.
Use `postgres_url` (a URL to an empty database of the test's own), `postgres_server` (the session's server,
for tests that make several databases or stop it), or `store_settings` (Settings parametrised over the
embedded SQLite stores and PostgreSQL, for a store's contract suite).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from presswatch.config import Settings
from presswatch.database import close_pools
from tests.demo_process import free_port, stop

PG_BIN = Path(os.environ.get("PRESSWATCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "postgres"
# Under root, a folder the postgres user can traverse (root's own temporary folder may be closed to it).
ROOT = Path("/var/tmp" if os.geteuid() == 0 else tempfile.gettempdir()) / "presswatch-postgres"
OWNER_FILE = "owner.pid"
START_TIMEOUT = 60.0
_SETTINGS = (
    "listen_addresses = '127.0.0.1'\n"
    "fsync = off\n"
    "synchronous_commit = off\n"
    "full_page_writes = off\n"
    "max_connections = 200\n"
    "shared_buffers = 32MB\n"
    "log_min_messages = warning\n"
)


class PostgresStartError(RuntimeError):
    """The test server could not start; the message says why."""


def _as_postgres() -> dict[str, object]:
    """Popen arguments that run a command as the `postgres` user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return {}
    try:
        user = pwd.getpwnam(PG_USER)
    except KeyError:
        raise PostgresStartError(
            f"running as root and there is no {PG_USER!r} user to run PostgreSQL"
        ) from None
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


def _chown_to_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        user = pwd.getpwnam(PG_USER)
        os.chown(path, user.pw_uid, user.pw_gid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _postmaster_pid(data: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int((data / "postmaster.pid").read_text().splitlines()[0])
    return None


def stop_leftovers() -> None:
    """Stop and remove the servers of test runs that died without stopping theirs (by the pid each recorded)."""
    if not ROOT.is_dir():
        return
    for workdir in ROOT.iterdir():
        try:
            owner = int((workdir / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        pid = _postmaster_pid(workdir / "data")
        if pid is not None and _alive(pid) and Path(f"/proc/{pid}/comm").read_text().strip() == "postgres":
            os.kill(pid, signal.SIGQUIT)  # immediate shutdown: nothing there is worth keeping
            deadline = time.monotonic() + 30
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
        shutil.rmtree(workdir, ignore_errors=True)


class PostgresServer:
    """A real PostgreSQL on 127.0.0.1:`port`; `create_database()` gives each test an empty database."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").is_file():
            raise PostgresStartError(f"no PostgreSQL at {PG_BIN} (apt-get install postgresql-15)")
        ROOT.mkdir(parents=True, exist_ok=True)
        ROOT.chmod(0o755)
        self.workdir = Path(tempfile.mkdtemp(prefix="pg-", dir=ROOT))
        (self.workdir / OWNER_FILE).write_text(str(os.getpid()))
        self.workdir.chmod(0o755)
        self.data = self.workdir / "data"
        self.sockets = self.workdir / "sockets"
        self.sockets.mkdir()
        _chown_to_postgres(self.workdir)
        _chown_to_postgres(self.sockets)
        self.port = free_port()
        self.version = ""
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        as_user = _as_postgres()
        if not self.data.exists():
            result = subprocess.run(  # type: ignore[call-overload]
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", PG_USER, "--auth=trust", "-E", "UTF8"],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                cwd=self.workdir,
                **as_user,
            )
            if result.returncode != 0:
                raise PostgresStartError(f"initdb failed: {(result.stdout + result.stderr)[-2000:]}")
            with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.write(_SETTINGS)
        log = (self.workdir / "server.log").open("ab")
        self._process = subprocess.Popen(  # type: ignore[call-overload]
            [
                str(PG_BIN / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-k",
                str(self.sockets),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            start_new_session=True,
            **as_user,
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise PostgresStartError(
                    f"postgres exited with {self._process.returncode}: {self.log_tail()}"
                )
            try:
                with psycopg.connect(self.url(), connect_timeout=2) as conn:
                    row = conn.execute("SHOW server_version").fetchone()
                    self.version = str(row[0]) if row else "unknown"
                    return
            except psycopg.OperationalError:
                time.sleep(0.2)
        self.stop()
        raise PostgresStartError(
            f"PostgreSQL did not accept connections in {START_TIMEOUT:.0f} s: {self.log_tail()}"
        )

    def log_tail(self, chars: int = 3000) -> str:
        path = self.workdir / "server.log"
        return path.read_text(encoding="utf-8", errors="replace")[-chars:] if path.exists() else ""

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"pwtest_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a test database, ending whatever sessions are still connected to it."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with (
            contextlib.suppress(psycopg.OperationalError),
            psycopg.connect(self.url(), autocommit=True) as conn,
        ):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Fast shutdown (SIGINT: sessions are cut, not waited for), by the postmaster's pid."""
        process, self._process = self._process, None
        if process is not None:
            stop(process, sig=signal.SIGINT, timeout=30)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


_FAILED: list[str] = []


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL test server unavailable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL, started here (leftovers of killed runs are stopped first)."""
    if _FAILED:
        _unavailable(_FAILED[0])
    server: PostgresServer | None = None
    try:
        import psycopg  # noqa: F401  (the cluster extra; without it there is nothing to test)

        stop_leftovers()
        server = PostgresServer()
        server.start()
    except (PostgresStartError, OSError, subprocess.SubprocessError, ImportError) as exc:
        if server is not None:
            server.remove()
        _FAILED.append(str(exc))
        _unavailable(str(exc))
    assert server is not None
    try:
        yield server
    finally:
        close_pools()
        server.remove()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of an empty database of this test's own, dropped after it (with this process's pools)."""
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        close_pools()
        postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for the stores' contract suites, once per backend: the embedded SQLite files in a temporary
    data dir, then an empty PostgreSQL database of the test's own (`PRESSWATCH_DATABASE_URL`)."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return Settings(
        data_dir=tmp_path / "data",
        sources_file=tmp_path / "sources.toml",
        database_url=SecretStr(url) if url else None,
    )
