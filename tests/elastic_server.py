"""One real Elasticsearch per test session, on loopback, from the Maven Central artifact.

The integration-test distribution (core server only, no bundled JDK) is fetched once with `mvn` into
`~/.m2`, unpacked once into a cache folder, and started with its own config, data path and free ports, on the
machine's Java 17. Elasticsearch refuses to run as root, so under root (CI) it runs as an unprivileged user,
created when missing. `PRESSWATCH_ELASTICSEARCH_URL` points the suite at a cluster of your own instead.

When `CI=true` and the server cannot start, every Elasticsearch test fails with the reason; elsewhere they
skip with it. The terminal summary prints the server version and how many Elasticsearch tests ran.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.elastic import ElasticsearchBackend
from tests.demo_process import free_port, stop

VERSION = "8.19.21"
ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{VERSION}:zip"
M2_ZIP = (
    Path.home()
    / ".m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch"
    / VERSION
    / f"elasticsearch-{VERSION}.zip"
)
ES_USER = "presswatch-es"
START_TIMEOUT = 180.0
FIXTURE = "elasticsearch_server"


class ElasticStartError(RuntimeError):
    """The test server could not be fetched or started; the message says why."""


def _cache_root() -> Path:
    """A folder the unprivileged user can traverse: root's home is closed to it."""
    if os.geteuid() == 0:
        return Path("/var/tmp/presswatch-elasticsearch")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "presswatch-elasticsearch"


def _fetch_artifact() -> Path:
    if M2_ZIP.is_file():
        return M2_ZIP
    if shutil.which("mvn") is None:
        raise ElasticStartError("mvn is not installed: it fetches the Elasticsearch test server")
    result = subprocess.run(
        ["mvn", "-q", "-B", "dependency:get", f"-Dartifact={ARTIFACT}", "-Dtransitive=false"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0 or not M2_ZIP.is_file():
        raise ElasticStartError(f"mvn could not fetch {ARTIFACT}: {(result.stdout + result.stderr)[-2000:]}")
    return M2_ZIP


def _unpack(archive: Path) -> Path:
    """Unpack once (to a temporary folder, renamed into place), keeping the archive's execute bits."""
    home = _cache_root() / f"elasticsearch-{VERSION}"
    if (home / "bin" / "elasticsearch").is_file():
        return home
    home.parent.mkdir(parents=True, exist_ok=True)
    home.parent.chmod(0o755)
    staging = Path(tempfile.mkdtemp(dir=home.parent, prefix="unpack-"))
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            target = Path(zipped.extract(member, staging))
            mode = (member.external_attr >> 16) & 0o777
            if mode and not member.is_dir():
                target.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    (top,) = list(staging.iterdir())
    for path in [top, *top.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    with contextlib.suppress(OSError):  # another session unpacked it first
        top.rename(home)
    shutil.rmtree(staging, ignore_errors=True)
    return home


def _java_home() -> Path:
    """The machine's Java 17 (ES_JAVA_HOME or JAVA_HOME when set, else the `java` on PATH)."""
    for name in ("ES_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(name):
            return Path(os.environ[name])
    candidates = sorted(Path("/usr/lib/jvm").glob("java-17-openjdk*"))
    if candidates:
        return candidates[0]
    java = shutil.which("java")
    if java is None:
        raise ElasticStartError(
            "no Java found: install a Java 17 runtime (apt-get install openjdk-17-jre-headless)"
        )
    return Path(java).resolve().parent.parent


def _ensure_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(ES_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(ES_USER)


def _get_json(url: str, *, timeout: float = 5.0) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        data: dict[str, object] = json.load(response)
    return data


class ElasticServer:
    """A real single-node Elasticsearch on loopback; `stop()` and `start()` again keep its data.

    `workdir` keeps config, data and logs in a folder of the caller's (a benchmark's index, reused between
    runs; `remove()` then only stops the server); by default a fresh folder is made and removed.
    """

    def __init__(self, *, workdir: Path | None = None) -> None:
        self.home = _unpack(_fetch_artifact())
        self.java_home = _java_home()
        self.kept = workdir is not None
        if workdir is None:
            workdir = Path(tempfile.mkdtemp(prefix="presswatch-es-", dir=_cache_root()))
        self.workdir = workdir
        self.http_port = free_port()
        self.transport_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.version = VERSION
        self._process: subprocess.Popen[bytes] | None = None
        self._prepare()

    def _prepare(self) -> None:
        conf = self.workdir / "config"
        shutil.copytree(self.home / "config", conf, dirs_exist_ok=True)
        (self.workdir / "data").mkdir(parents=True, exist_ok=True)
        (self.workdir / "logs").mkdir(exist_ok=True)
        (conf / "elasticsearch.yml").write_text(
            "\n".join(
                [
                    "cluster.name: presswatch-test",
                    "discovery.type: single-node",
                    "xpack.security.enabled: false",
                    "network.host: 127.0.0.1",
                    f"http.port: {self.http_port}",
                    f"transport.port: {self.transport_port}",
                    f"path.data: {self.workdir / 'data'}",
                    f"path.logs: {self.workdir / 'logs'}",
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.destructive_requires_name: false",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        self.workdir.chmod(0o755)
        if os.geteuid() == 0:
            user = _ensure_user()
            for path in [self.workdir, *self.workdir.rglob("*")]:
                os.chown(path, user.pw_uid, user.pw_gid)

    def start(self) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ES_JAVA_HOME": str(self.java_home),
            "ES_PATH_CONF": str(self.workdir / "config"),
            "ES_JAVA_OPTS": "-Xms512m -Xmx512m",
            "HOME": str(self.workdir),
        }
        as_user: dict[str, object] = {}
        if os.geteuid() == 0:
            user = _ensure_user()
            as_user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        log = (self.workdir / "stdout.log").open("ab")
        self._process = subprocess.Popen(  # type: ignore[call-overload]
            [str(self.home / "bin" / "elasticsearch")],
            env=env,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **as_user,
        )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise ElasticStartError(
                    f"Elasticsearch exited with {self._process.returncode}: {self.log_tail()}"
                )
            with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
                health = _get_json(f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=1s")
                if health.get("status") in ("yellow", "green"):
                    return
            time.sleep(0.5)
        self.stop()
        raise ElasticStartError(
            f"Elasticsearch did not become healthy in {START_TIMEOUT:.0f} s: {self.log_tail()}"
        )

    def log_tail(self, chars: int = 3000) -> str:
        path = self.workdir / "stdout.log"
        return path.read_text(encoding="utf-8", errors="replace")[-chars:] if path.exists() else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            stop(process, timeout=60)

    def remove(self) -> None:
        self.stop()
        if not self.kept:
            shutil.rmtree(self.workdir, ignore_errors=True)


class ElasticSession:
    """What the fixture yields: the URL, the version, and the server when this session started it."""

    def __init__(self, *, url: str, version: str, server: ElasticServer | None) -> None:
        self.url = url
        self.version = version
        self.server = server


def _server_version(url: str) -> str:
    nodes = _get_json(f"{url}/_nodes/_local/none")
    entries = nodes.get("nodes")
    if isinstance(entries, dict):
        for node in entries.values():
            if isinstance(node, dict) and "version" in node:
                return str(node["version"])
    return "unknown"


_RAN: dict[str, int] = {}
_VERSION: list[str] = []
_STARTED: list[ElasticSession] = []
_FAILED: list[str] = []


@pytest.fixture(scope="session")
def elasticsearch_server() -> Iterator[ElasticSession]:
    """The session's Elasticsearch: the user's own (PRESSWATCH_ELASTICSEARCH_URL) or one started here."""
    if _FAILED:
        _unavailable(_FAILED[0])
    own = os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    if own:
        session = ElasticSession(url=own, version=_server_version(own), server=None)
        _VERSION.append(session.version)
        yield session
        return
    server: ElasticServer | None = None
    try:
        server = ElasticServer()
        server.start()
    except (ElasticStartError, OSError, subprocess.SubprocessError) as exc:
        if server is not None:
            server.remove()
        _FAILED.append(str(exc))
        _unavailable(str(exc))
    assert server is not None
    session = ElasticSession(url=server.url, version=_server_version(server.url), server=server)
    _VERSION.append(session.version)
    try:
        yield session
    finally:
        server.remove()


def _unavailable(reason: str) -> None:
    message = f"Elasticsearch test server unavailable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# Each Elasticsearch test carries this user property (its reports do too, also from an xdist worker to
# the controller that prints the summary): "" until the server has answered, then its version, or why not.
_PROPERTY = "elasticsearch"


def uses_server(item: pytest.Item) -> bool:
    return FIXTURE in getattr(item, "fixturenames", ()) or "[elasticsearch" in item.nodeid


@pytest.hookimpl(tryfirst=True)  # before xdist's loadgroup reads the group markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under xdist: the Elasticsearch tests on one worker (one server), every other test with its file's
    tests (a module's fixtures, such as a built wheel or a loaded model, are made once)."""
    for item in items:
        if uses_server(item):
            item.user_properties.append((_PROPERTY, ""))
            item.add_marker(pytest.mark.xdist_group("elasticsearch"))
        else:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def pytest_runtest_call(item: pytest.Item) -> None:
    if any(name == _PROPERTY for name, _ in item.user_properties):
        state = _VERSION[0] if _VERSION else f"not started ({_FAILED[0][:200]})" if _FAILED else ""
        item.user_properties.append((_PROPERTY, state))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    states = [value for name, value in report.user_properties if name == _PROPERTY]
    if not states:
        return
    if report.when == "call" or report.outcome != "passed":
        _RAN[report.outcome] = _RAN.get(report.outcome, 0) + 1
    if states[-1] and not _VERSION:
        _VERSION.append(str(states[-1]))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _RAN and not _FAILED:
        return
    ran = sum(_RAN.values())
    outcomes = ", ".join(f"{n} {k}" for k, n in sorted(_RAN.items()))
    version = _VERSION[0] if _VERSION else f"not started ({_FAILED[0][:200]})" if _FAILED else "not started"
    terminalreporter.write_line(
        f"Elasticsearch {version}: {ran} Elasticsearch tests ran ({outcomes or 'none'})"
    )


@pytest.fixture
def elastic_backend(elasticsearch_server: ElasticSession, tmp_path: Path) -> Iterator[ElasticsearchBackend]:
    """An empty ElasticsearchBackend on its own alias, writes visible to search at once; removed afterwards."""
    alias = f"pwtest-{uuid.uuid4().hex[:12]}"
    backend = ElasticsearchBackend(
        url=elasticsearch_server.url, index=alias, outbox_path=tmp_path / "outbox.sqlite3", refresh=True
    )
    try:
        yield backend
    finally:
        drop_alias(elasticsearch_server.url, alias)
        backend.close()


def drop_alias(url: str, alias: str) -> None:
    """Delete every index of a test alias and its template (reaching the server only if it is up)."""
    client = Elasticsearch(url)
    try:
        client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=alias)
    except Exception:  # cleanup after a test that stopped the server: nothing to do
        pass
    finally:
        client.close()
