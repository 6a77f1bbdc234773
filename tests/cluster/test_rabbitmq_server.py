"""The test broker itself: loopback only, and a killed session's broker is stopped by the next one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import kombu
import pytest

from tests import rabbitmq_server

ROOT = Path(__file__).resolve().parents[2]


def _listening(pids: set[int]) -> set[str]:
    """Local addresses that `pids` listen on (from `ss`)."""
    out = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=True).stdout
    return {
        line.split()[3].rsplit(":", 1)[0]
        for line in out.splitlines()
        if any(f"pid={pid}," in line for pid in pids)
    }


def _group(pgid: int) -> set[int]:
    return {
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and _pgid(int(entry.name)) == pgid
    }


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def test_a_killed_sessions_broker_is_stopped_at_the_next_start_and_listened_on_loopback_only() -> None:
    """A session killed with its broker running leaves it behind; the next start stops it (and its epmd)."""
    if not rabbitmq_server.SERVER.is_file():
        pytest.skip("rabbitmq-server is not installed (.ci/cluster-prereqs installs it)")
    script = textwrap.dedent(
        """
        import json, os, sys, kombu
        from tests.rabbitmq_server import RabbitServer
        server = RabbitServer()
        server.start()
        with kombu.Connection(server.url) as connection:
            connection.connect()
        print(json.dumps([pgid for pgid, _ in server._groups]), flush=True)
        sys.stdin.read()  # killed here, without stopping its broker
        """
    )
    session = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert session.stdout is not None
    groups = [int(pgid) for pgid in json.loads(session.stdout.readline() or "[]")]
    try:
        assert len(groups) == 2, "the session could not start its broker"
        pids = set().union(*(_group(pgid) for pgid in groups))
        assert _listening(pids) <= {"127.0.0.1", "[::1]"}, "the broker or its epmd listens beyond loopback"
        session.send_signal(signal.SIGKILL)
        session.wait(timeout=10)
        assert all(_group(pgid) for pgid in groups), "the broker died with its session"

        stopped = rabbitmq_server.stop_leftovers(rabbitmq_server._state_root())

        assert set(groups) <= set(stopped)
        assert not any(_group(pgid) for pgid in groups)
    finally:
        for pgid in groups:
            rabbitmq_server._stop_group(pgid, grace=1.0)


def test_the_session_broker_takes_messages(rabbitmq_server: str) -> None:
    with kombu.Connection(rabbitmq_server) as connection:
        queue = connection.SimpleQueue("pwtest-roundtrip")
        queue.put({"hello": "broker"})
        assert queue.get(timeout=10).payload == {"hello": "broker"}
        queue.close()
