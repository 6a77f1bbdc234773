"""`presswatch scheduler`: one active by a PostgreSQL advisory lock, a standby takes over when it dies, and
each source's crawl is enqueued when it is due (not again before its interval); a crawl worker never crawls
a source that another is still crawling."""

from __future__ import annotations

import os
import socket
import socketserver
import threading
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from crawlers.cluster.app import CRAWL_QUEUE, CRAWL_TASK, make_app
from presswatch.config import Settings
from presswatch.database import Leadership
from presswatch.task_counts import read_counts
from tests.cluster.conftest import queued
from tests.cluster.processes import cluster_processes, wait_for
from tests.demo_process import free_port

SOURCES = "".join(
    f'[[source]]\nname = "s{k}"\ntype = "feed"\nurl = "http://127.0.0.1:9/feed-{k}.xml"\nevery = "6h"\n\n'
    for k in range(3)
)


def _env(tmp_path: Path, *, sources: Path, broker_url: str, postgres_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_SOURCES_FILE": str(sources),
        "PRESSWATCH_BROKER_URL": broker_url,
        "PRESSWATCH_DATABASE_URL": postgres_url,
    }


def test_one_scheduler_is_active_and_a_standby_takes_over_when_it_is_killed(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    env = _env(tmp_path, sources=sources, broker_url=broker_url, postgres_url=postgres_url)
    with cluster_processes(env, tmp_path) as start:
        first = start("first", "scheduler")
        wait_for(lambda: "scheduler: active" in first.text(), seconds=60, what="the first scheduler leading")
        second = start("second", "scheduler")
        wait_for(lambda: "scheduler: standby" in second.text(), seconds=60, what="the second standing by")
        wait_for(lambda: queued(broker_url, "crawl") == 3, seconds=30, what="3 crawls enqueued")
        assert "enqueued" not in second.text()

        first.kill()
        wait_for(lambda: "scheduler: active" in second.text(), seconds=60, what="the standby taking over")
        # The new leader reads when each source is next due from PostgreSQL: nothing is due for 6 hours.
        third = start("third", "scheduler")
        wait_for(lambda: "scheduler: standby" in third.text(), seconds=60, what="a third standing by")
        assert queued(broker_url, "crawl") == 3
        assert "enqueued" not in second.text()

        sources.write_text(
            SOURCES + SOURCES.replace('"s0"', '"s9"').split("\n\n")[0] + "\n", encoding="utf-8"
        )
        wait_for(lambda: queued(broker_url, "crawl") == 4, seconds=30, what="the new source's crawl enqueued")
        assert "enqueued the crawl of s9" in second.text()


def test_a_source_still_being_crawled_is_not_crawled_twice_at_once(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    """A crawl that outlasts its interval holds its source's lock: the next crawl task of it is skipped."""
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    env = _env(tmp_path, sources=sources, broker_url=broker_url, postgres_url=postgres_url)
    settings = Settings(broker_url=broker_url, database_url=postgres_url)
    with Leadership(postgres_url, "crawl:s0") as running, cluster_processes(env, tmp_path) as start:
        assert running.try_acquire()
        make_app(settings).send_task(CRAWL_TASK, args=["s0"], queue=CRAWL_QUEUE)
        worker = start("crawl", "worker", "--queue", "crawl")
        wait_for(lambda: "crawl of s0: skipped" in worker.text(), seconds=60, what="the second crawl skipped")
        assert "crawl of s0: starting" not in worker.text()
    assert read_counts(postgres_url)[("s0", "crawl_skipped")] == 1


class _LateBroker:
    """A loopback port that refuses connections until `open()`, then forwards each to the real broker: a
    broker that is down when the scheduler starts and comes back (a restart, a network cut)."""

    def __init__(self, broker_url: str) -> None:
        parts = urlsplit(broker_url)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 5672)
        self.port = free_port()
        self.url = urlunsplit(
            parts._replace(netloc=f"{parts.netloc.rsplit('@', 1)[0]}@127.0.0.1:{self.port}")
        )
        self._server: socketserver.ThreadingTCPServer | None = None

    def open(self) -> None:
        upstream = self._upstream

        class Forward(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with socket.create_connection(upstream) as remote:
                    pump = threading.Thread(target=_pump, args=(remote, self.request), daemon=True)
                    pump.start()
                    _pump(self.request, remote)
                    pump.join(timeout=5)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Forward)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    with suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def test_a_scheduler_rides_out_a_broker_that_is_down_and_enqueues_once_it_is_back(
    tmp_path: Path, postgres_url: str, broker_url: str
) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    late = _LateBroker(broker_url)
    env = _env(tmp_path, sources=sources, broker_url=late.url, postgres_url=postgres_url)
    try:
        with cluster_processes(env, tmp_path) as start:
            scheduler = start("scheduler", "scheduler")
            wait_for(
                lambda: scheduler.text().count("trying again") >= 2, seconds=120, what="two failed attempts"
            )
            assert scheduler.process.poll() is None, scheduler.text()
            assert "Traceback" not in scheduler.text()
            late.open()
            wait_for(lambda: queued(broker_url, CRAWL_QUEUE) == 3, seconds=120, what="3 crawls enqueued")
            assert scheduler.process.poll() is None
    finally:
        late.close()
