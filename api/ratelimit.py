"""Per-key rate limits: a token bucket per API key (or client address), kept in memory.

In memory because one `presswatch serve` process answers; several processes behind a balancer would each
allow the full rate (say so to whoever scales it out). The table is bounded: the longest-idle buckets go.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_TRACKED = 10_000


class RateLimiter:
    """`per_minute` requests a minute for each caller, in bursts of up to `per_minute`."""

    def __init__(self, *, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._capacity = float(per_minute)
        self._per_second = per_minute / 60.0
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # who -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, who: str) -> float | None:
        """Spend one request of `who`'s budget: None when allowed, else the seconds until one is free."""
        with self._lock:
            now = self._clock()
            tokens, at = self._buckets.pop(who, (self._capacity, now))
            tokens = min(self._capacity, tokens + (now - at) * self._per_second)
            if tokens >= 1:
                self._buckets[who] = (tokens - 1, now)
                wait = None
            else:
                self._buckets[who] = (tokens, now)
                wait = (1 - tokens) / self._per_second
            while len(self._buckets) > MAX_TRACKED:
                self._buckets.popitem(last=False)
            return wait
