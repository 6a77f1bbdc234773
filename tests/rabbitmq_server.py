"""One real RabbitMQ per test session, on loopback, from Debian's `rabbitmq-server` package.

Everything it listens on is set explicitly to 127.0.0.1 and a free port: AMQP, Erlang distribution (which
binds 0.0.0.0 unless told) and its own epmd (started here, so it is ours to stop); its node name, database,
logs, config and Erlang cookie live in a temporary folder. Under root (CI) it runs as the package's
`rabbitmq` user. It is ready when its AMQP port answers (3–4 s here; `rabbitmq-diagnostics` would boot an
Erlang VM per call). The process groups are recorded with the pid of the session that owns them, so a run
that was killed leaves nothing behind for long: the next session stops what a dead session started.
`PRESSWATCH_TEST_BROKER_URL` points the suite at a broker of your own instead.

When `CI=true` and the server cannot start, every test that needs it fails with the reason; elsewhere they
skip with it.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.demo_process import free_port
from tests.postgres_server import _alive

SERVER = Path("/usr/lib/rabbitmq/bin/rabbitmq-server")
USER = "rabbitmq"
START_TIMEOUT = 60.0


class RabbitStartError(RuntimeError):
    """The test broker could not be started; the message says why."""


def _state_root() -> Path:
    """Where the brokers' folders and the record of their process groups live (readable by `rabbitmq`)."""
    if os.geteuid() == 0:
        return Path("/var/tmp/presswatch-rabbitmq")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "presswatch-rabbitmq"


def _stop_group(pgid: int, *, grace: float = 10.0) -> None:
    """SIGTERM the process group (RabbitMQ's script then stops the VM cleanly), SIGKILL what is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):  # reap the leader when it is our child
                os.waitpid(pgid, os.WNOHANG)
            os.killpg(pgid, 0)  # raises ProcessLookupError once the whole group is gone
            time.sleep(0.1)
        os.killpg(pgid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pgid, 0)


def _ours(pgid: int, marker: str) -> bool:
    """Whether the group's leader still runs our command (a pid can be reused after a reboot)."""
    try:
        cmdline = Path(f"/proc/{pgid}/cmdline").read_bytes()
    except OSError:
        return False
    return marker.encode() in cmdline


def stop_leftovers(root: Path) -> list[int]:
    """Stop brokers (and their epmd) started by sessions that are no longer running; their groups."""
    stopped: list[int] = []
    for record in root.glob("*.json"):
        try:
            state = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if _alive(int(state["owner"])):
            continue  # a session running beside this one (another engineer, another xdist worker)
        for pgid, marker in state["groups"]:
            if _ours(int(pgid), str(marker)):
                _stop_group(int(pgid), grace=5.0)
                stopped.append(int(pgid))
        shutil.rmtree(state["workdir"], ignore_errors=True)
        record.unlink(missing_ok=True)
    return stopped


class RabbitServer:
    """A real RabbitMQ node on loopback with its own epmd; `stop()` stops both by their process groups."""

    def __init__(self) -> None:
        if not SERVER.is_file():
            raise RabbitStartError(
                f"{SERVER} is missing: install rabbitmq-server (apt-get, .ci/cluster-prereqs)"
            )
        self.root = _state_root()
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)
        stop_leftovers(self.root)
        self.name = f"pwtest-{uuid.uuid4().hex[:10]}"
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir=self.root))
        self.workdir.chmod(0o755)
        self.port = free_port()
        self.dist_port = free_port()
        self.epmd_port = free_port()
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}//"
        self._groups: list[tuple[int, str]] = []
        self._record = self.root / f"{self.name}.json"

    def _as_user(self) -> dict[str, object]:
        if os.geteuid() != 0:
            return {}
        try:
            user = pwd.getpwnam(USER)
        except KeyError as exc:
            raise RabbitStartError(f"no `{USER}` user: install rabbitmq-server") from exc
        for path in [self.workdir, *self.workdir.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid)
        return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}

    def _env(self) -> dict[str, str]:
        base = self.workdir
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(base),  # Erlang keeps its cookie here: not shared with any other node
            "LANG": "C.UTF-8",
            "RABBITMQ_NODENAME": f"{self.name}@localhost",
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "ERL_EPMD_PORT": str(self.epmd_port),
            # The distribution port listens on every address unless told the interface.
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
            "RABBITMQ_MNESIA_BASE": str(base / "mnesia"),
            "RABBITMQ_LOG_BASE": str(base / "log"),
            "RABBITMQ_CONFIG_FILE": str(base / "rabbitmq"),  # .conf is added; the system's is not read
            "RABBITMQ_ADVANCED_CONFIG_FILE": str(base / "advanced.config"),
            "RABBITMQ_CONF_ENV_FILE": str(base / "rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins"),
            "RABBITMQ_PID_FILE": str(base / "rabbitmq.pid"),
            "RABBITMQ_LOGS": str(base / "log" / "rabbit.log"),
        }

    def _prepare(self) -> None:
        (self.workdir / "mnesia").mkdir()
        (self.workdir / "log").mkdir()
        (self.workdir / "rabbitmq.conf").write_text(
            f"loopback_users = none\nlisteners.tcp.default = 127.0.0.1:{self.port}\nconsumer_timeout = 25200000\n",
            encoding="utf-8",
        )
        (self.workdir / "rabbitmq-env.conf").write_text("", encoding="utf-8")
        (self.workdir / "enabled_plugins").write_text("[].\n", encoding="utf-8")

    def _spawn(self, command: list[str], *, log: str, marker: str) -> subprocess.Popen[bytes]:
        output = (self.workdir / log).open("ab")
        process = subprocess.Popen(  # type: ignore[call-overload]
            command,
            env=self._env(),
            cwd=self.workdir,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped whole, and by that id after a crash
            **self._as_user(),
        )
        output.close()
        self._groups.append((process.pid, marker))
        self._record.write_text(
            json.dumps({"owner": os.getpid(), "workdir": str(self.workdir), "groups": self._groups}),
            encoding="utf-8",
        )
        return process  # type: ignore[no-any-return]

    def start(self) -> None:
        self._prepare()
        epmd = shutil.which("epmd") or "/usr/bin/epmd"
        self._spawn(
            [epmd, "-address", "127.0.0.1", "-port", str(self.epmd_port)], log="epmd.log", marker="epmd"
        )
        self._wait_port(self.epmd_port, what="epmd", timeout=10.0)
        self._server = self._spawn([str(SERVER)], log="stdout.log", marker="rabbitmq-server")
        self._wait_port(self.port, what="RabbitMQ", timeout=START_TIMEOUT)

    def _wait_port(self, port: int, *, what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1.0):
                return
            for pgid, _ in self._groups:
                if not _alive(pgid):
                    raise RabbitStartError(f"{what} exited at start: {self.log_tail()}")
            time.sleep(0.1)
        raise RabbitStartError(f"{what} did not answer on port {port} in {timeout:.0f} s: {self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        text = ""
        for name in ("stdout.log", "epmd.log", "log/rabbit.log"):
            path = self.workdir / name
            if path.exists():
                text += f"\n--- {name}\n" + path.read_text(encoding="utf-8", errors="replace")[-chars:]
        return text

    def stop(self) -> None:
        for pgid, _ in reversed(self._groups):  # the broker first, then its epmd
            _stop_group(pgid)
        self._groups = []
        self._record.unlink(missing_ok=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


_FAILED: list[str] = []


@pytest.fixture(scope="session")
def rabbitmq_server() -> Iterator[str]:
    """The session's broker URL: the user's own (PRESSWATCH_TEST_BROKER_URL) or a RabbitMQ started here."""
    if _FAILED:
        _unavailable(_FAILED[0])
    own = os.environ.get("PRESSWATCH_TEST_BROKER_URL")
    if own:
        yield own
        return
    server: RabbitServer | None = None
    try:
        server = RabbitServer()
        server.start()
    except (RabbitStartError, OSError, subprocess.SubprocessError) as exc:
        if server is not None:
            server.remove()
        _FAILED.append(str(exc))
        _unavailable(str(exc))
    assert server is not None
    try:
        yield server.url
    finally:
        server.remove()


def _unavailable(reason: str) -> None:
    message = f"RabbitMQ test server unavailable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
