"""serve --workers: a worker holding more connections than another leaves a new one to it, for a while."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from presswatch import balanced_accept
from presswatch.balanced_accept import BOARD_ENV, BalancedAcceptLoop, Board, make_board


class Counting(asyncio.Protocol):
    made: ClassVar[list[asyncio.BaseTransport]] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        Counting.made.append(transport)


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "board"
    make_board(path, workers=2)
    monkeypatch.setenv(BOARD_ENV, str(path))
    Counting.made = []
    yield path


def test_the_board_tells_each_worker_the_fewest_connections_elsewhere(board: Path) -> None:
    first, second = Board(board), Board(board)  # two slots (both claimed by this live process)
    assert first.fewest_elsewhere() == 0 and second.fewest_elsewhere() == 0
    first.publish(3)
    second.publish(1)
    assert first.fewest_elsewhere() == 1
    assert second.fewest_elsewhere() == 3


class Worker:
    """A BalancedAcceptLoop serving a listening socket, beside another worker's slot on the board."""

    def __init__(self, board: Path) -> None:
        self.other = Board(board)
        self.other.publish(0)
        self.loop = BalancedAcceptLoop()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.clients: list[socket.socket] = []
        self.server = self.loop.run_until_complete(self.loop.create_server(Counting, sock=self.listener))

    def connect_and_run(self, seconds: float) -> None:
        self.clients.append(socket.create_connection(self.listener.getsockname()))
        self.loop.run_until_complete(asyncio.sleep(seconds))

    def close(self) -> None:
        for client in self.clients:
            client.close()
        for transport in Counting.made:
            transport.close()
        self.server.close()
        self.listener.close()
        self.loop.close()


@pytest.fixture
def worker(board: Path) -> Iterator[Worker]:
    opened = Worker(board)
    try:
        yield opened
    finally:
        opened.close()


def test_a_busier_worker_leaves_a_new_connection_to_the_other(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(balanced_accept, "DEFER_SECONDS", 60.0)
    worker.connect_and_run(0.2)  # as many as the other worker (none): taken at once
    assert len(Counting.made) == 1
    worker.connect_and_run(0.2)  # now one more than the other: left in the queue for it
    assert len(Counting.made) == 1
    worker.listener.setblocking(False)
    taken, _ = worker.listener.accept()  # as the other worker would
    taken.close()


def test_a_connection_no_other_worker_takes_is_accepted_after_the_delay(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(balanced_accept, "DEFER_SECONDS", 0.05)
    worker.connect_and_run(0.2)
    worker.connect_and_run(1.0)  # one more than the other, which never accepts: taken after the delay
    assert len(Counting.made) == 2
