"""Banded LSH over MinHash signatures whose lookups stay bounded on templated text.

datasketch's `MinHashLSH` returns every key in every colliding bucket: on a corpus of near-identical pages
all documents share all buckets, so each lookup returns the whole corpus. Here each bucket yields only its
`bucket_cap` newest keys, and candidates are ranked by how many bands they share (a band of r rows
collides with probability Jaccard^r, so more shared bands means likelier similar). A bucket of a rare band
(text only two documents share) is small and kept whole; only template-wide buckets are cut.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

import numpy as np
import numpy.typing as npt


class BandIndex:
    """Keys by their signature's bands; insertion order is kept so capped buckets yield the newest."""

    def __init__(self, *, bands: int, rows: int, bucket_cap: int) -> None:
        self._rows = rows
        self._cap = bucket_cap
        self._buckets: list[dict[bytes, dict[str, None]]] = [{} for _ in range(bands)]
        self._keys: dict[str, list[bytes]] = {}

    def _bands(self, hashvalues: npt.NDArray[np.uint64] | npt.NDArray[np.uint32]) -> list[bytes]:
        values = np.asarray(hashvalues, dtype=np.uint64)
        rows = self._rows
        return [values[i * rows : (i + 1) * rows].tobytes() for i in range(len(self._buckets))]

    def __len__(self) -> int:
        return len(self._keys)

    def insert(self, key: str, hashvalues: npt.NDArray[np.uint64] | npt.NDArray[np.uint32]) -> None:
        """Index `key` (again, as the newest, if it was already indexed)."""
        self.remove(key)
        bands = self._bands(hashvalues)
        for buckets, band in zip(self._buckets, bands, strict=True):
            buckets.setdefault(band, {})[key] = None
        self._keys[key] = bands

    def remove(self, key: str) -> None:
        bands = self._keys.pop(key, None)
        if bands is None:
            return
        for buckets, band in zip(self._buckets, bands, strict=True):
            bucket = buckets[band]
            del bucket[key]
            if not bucket:
                del buckets[band]

    def candidates(
        self, hashvalues: npt.NDArray[np.uint64] | npt.NDArray[np.uint32], *, limit: int
    ) -> list[str]:
        """At most `limit` keys sharing a band with this signature, those sharing the most bands first."""
        shared: Counter[str] = Counter()
        for buckets, band in zip(self._buckets, self._bands(hashvalues), strict=True):
            bucket = buckets.get(band)
            if bucket:
                shared.update(islice(reversed(bucket), self._cap))
        return [key for key, _ in shared.most_common(limit)]
