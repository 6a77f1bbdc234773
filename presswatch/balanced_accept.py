"""Spreading `serve --workers N`'s connections evenly over its workers.

Every worker's event loop watches the one listening socket, and asyncio's accepts every pending connection
at once, so a burst of connections (a pool of keep-alive clients starting up) went to whichever worker woke
first: 34 or 49 of wrk's 50 to one worker, and that worker's requests waited two to three times as long as
the other's (the p99 of bench/serve_search.py). Here each worker publishes how many connections it holds on
a shared board (a small file, one slot per worker), accepts one connection per wake-up, and leaves a pending
connection for a short while to a worker holding fewer; if none takes it by then, it accepts it itself.
"""

from __future__ import annotations

import asyncio
import fcntl
import mmap
import os
import struct
from pathlib import Path
from typing import Any

BOARD_ENV = "PRESSWATCH_SERVE_ACCEPT_BOARD"
# How long a worker that holds more connections than another leaves a pending one to it.
DEFER_SECONDS = 0.01
_SLOT = struct.Struct("=qq")  # pid, open connections


def make_board(path: Path, *, workers: int) -> None:
    """An empty board for `workers` workers (the supervisor makes it before starting them)."""
    path.write_bytes(bytes(_SLOT.size * workers))


class Board:
    """This worker's slot on the shared board, claimed by pid (a restarted worker takes a dead one's slot)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDWR)
        size = os.fstat(self._fd).st_size
        self._map = mmap.mmap(self._fd, size)
        self._slots = size // _SLOT.size
        self._mine = self._claim()

    def _claim(self) -> int:
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            for slot in range(self._slots):
                pid, _ = _SLOT.unpack_from(self._map, slot * _SLOT.size)
                if pid == 0 or not _alive(pid):
                    _SLOT.pack_into(self._map, slot * _SLOT.size, os.getpid(), 0)
                    return slot
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        raise RuntimeError("no free slot on the accept board: more workers than it was made for")

    def publish(self, connections: int) -> None:
        _SLOT.pack_into(self._map, self._mine * _SLOT.size, os.getpid(), connections)

    def fewest_elsewhere(self) -> int | None:
        """The fewest connections another live worker holds (None with no other worker yet)."""
        counts = [
            count
            for slot in range(self._slots)
            if slot != self._mine
            for pid, count in [_SLOT.unpack_from(self._map, slot * _SLOT.size)]
            if pid != 0
        ]
        return min(counts, default=None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BalancedAcceptLoop(asyncio.SelectorEventLoop):
    """asyncio's selector loop with a balanced accept (see the module docstring); uvicorn's `loop=` for the
    workers. It overrides asyncio's private `_accept_connection` (the same signature from 3.8 to 3.13):
    the public API has no hook between a listening socket's readiness and its accept."""

    def __init__(self) -> None:
        super().__init__()
        path = os.environ.get(BOARD_ENV)
        self._board = Board(Path(path)) if path else None
        self._deferred = False

    def _accept_connection(
        self,
        protocol_factory: Any,
        sock: Any,
        sslcontext: Any = None,
        server: Any = None,
        backlog: int = 100,
        *args: Any,
    ) -> None:
        if self._board is not None:
            mine = len(self._transports)  # type: ignore[attr-defined]
            self._board.publish(mine)
            fewest = self._board.fewest_elsewhere()
            if fewest is not None and mine > fewest and not self._deferred:
                self._deferred = True
                self._remove_reader(sock.fileno())  # type: ignore[attr-defined]
                self.call_later(
                    DEFER_SECONDS, self._watch_again, protocol_factory, sock, sslcontext, server, *args
                )
                return
        self._deferred = False
        super()._accept_connection(  # type: ignore[misc]
            protocol_factory, sock, sslcontext, server, 1, *args
        )
        if self._board is not None:
            self._board.publish(len(self._transports))  # type: ignore[attr-defined]

    def _watch_again(
        self, protocol_factory: Any, sock: Any, sslcontext: Any, server: Any, *args: Any
    ) -> None:
        if sock.fileno() < 0 or self.is_closed():  # the server stopped meanwhile
            return
        self._add_reader(  # type: ignore[attr-defined]
            sock.fileno(), self._accept_connection, protocol_factory, sock, sslcontext, server, 1, *args
        )
