"""Wakes this process's delivery workers as soon as an alert is queued in the SQLite store, instead of at
their next poll (the PostgreSQL store wakes every process's by LISTEN/NOTIFY instead).

Keyed by the alerts file, so the API's store and `presswatch serve`'s worker (separate store objects on one
file) find each other. Another process (a crawl) cannot ring: the worker still polls the outbox every
`alerts_poll_interval` seconds for what other processes queue.
"""

from __future__ import annotations

import threading
from pathlib import Path

_lock = threading.Lock()
_listeners: dict[Path, set[threading.Event]] = {}


def listen(path: Path) -> threading.Event:
    """An event set whenever an alert is queued in `path` by this process; `forget` it when done."""
    event = threading.Event()
    with _lock:
        _listeners.setdefault(path.resolve(), set()).add(event)
    return event


def forget(path: Path, event: threading.Event) -> None:
    with _lock:
        listeners = _listeners.get(path.resolve())
        if listeners is not None:
            listeners.discard(event)
            if not listeners:
                del _listeners[path.resolve()]


def ring(path: Path) -> None:
    """Something is due in the outbox of `path`."""
    with _lock:
        listeners = list(_listeners.get(path.resolve(), ()))
    for event in listeners:
        event.set()
