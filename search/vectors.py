"""What semantic search, hybrid search and similar documents mean on every backend.

- **semantic**: the documents whose embeddings are nearest (cosine) to `Query.vector`, the embedding of the
  query's text, among those that pass the filters. Only the `SEMANTIC_WINDOW` nearest are ranked (pages,
  total and facets cover them), as Elasticsearch's kNN ranks its `k` nearest.
- **hybrid**: the text ranking (the backend's BM25 with its matching rules) and the semantic ranking, each cut
  at `SEMANTIC_WINDOW`, fused by reciprocal rank fusion (score = sum of 1 / (RRF_K + rank)). A document found
  by only one of them still counts, so "Serbia migration agreement" finds the article about a "deal on
  migrants with Serbia". Fusion runs in the client on both backends: RRF is a paid Elasticsearch feature.
- **similar**: the documents nearest to one document's embedding, the document itself left out.

Semantic and hybrid results are ordered by score; `sort=date` is refused rather than silently ignored.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from search.base import Query, QueryError

DIMENSIONS = 384
SEMANTIC_WINDOW = 200
SIMILAR_LIMIT_MAX = 100
RRF_K = 60
MAX_CEILING_CHARS = 64  # a rowid's digits or an ISO time

Key = TypeVar("Key", bound=Hashable)
Vector = npt.NDArray[np.float32]


def query_vector(query: Query) -> Vector:
    """The query's embedding, L2-normalised; a QueryError saying why when the query cannot be run so."""
    if query.mode == "text":
        raise QueryError("mode=text has no query vector")
    if query.sort == "date":
        raise QueryError(f"sort=date is not available with mode={query.mode}: results are ordered by score")
    if not query.text.strip():
        raise QueryError(f"mode={query.mode} needs words to search for")
    if query.vector is None:
        raise QueryError(
            f"mode={query.mode} needs the query's embedding (Query.vector): compute it with"
            " presswatch.encoder.encode_query"
        )
    return unit_vector(query.vector)


def unit_vector(values: Sequence[float]) -> Vector:
    """A float32 vector of length one; QueryError when it has the wrong size or no direction."""
    vector = np.asarray(values, dtype=np.float32)
    if vector.shape != (DIMENSIONS,):
        raise QueryError(f"the query vector has {vector.size} dimensions; the index holds {DIMENSIONS}")
    norm = float(np.linalg.norm(vector))
    if not np.isfinite(norm) or norm == 0.0:
        raise QueryError("the query vector is zero or not finite")
    normalised: Vector = vector / norm
    return normalised


def check_similar_limit(limit: int) -> None:
    if not 1 <= limit <= SIMILAR_LIMIT_MAX:
        raise QueryError(f"limit must be between 1 and {SIMILAR_LIMIT_MAX}")


def reciprocal_rank_fusion(*rankings: Sequence[Key], k: int = RRF_K) -> list[tuple[Key, float]]:
    """Keys by fused score, best first; ties keep the order in which keys were first seen."""
    scores: dict[Key, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


@dataclass(frozen=True, slots=True)
class VectorCursor:
    """The next page of a semantic or hybrid search: an offset in the ranking, and a `ceiling` that keeps
    documents added after the first page out of it (the newest rowid on SQLite, a time on Elasticsearch)."""

    offset: int
    ceiling: str

    def encode(self) -> str:
        raw = json.dumps({"o": self.offset, "c": self.ceiling}, separators=(",", ":")).encode()
        return "v" + base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor: str | None) -> VectorCursor | None:
        if not cursor:
            return None
        try:
            if not cursor.startswith("v"):
                raise ValueError(cursor)
            body = cursor[1:]
            data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            offset, ceiling = data["o"], data["c"]
            if not (
                isinstance(offset, int)
                and not isinstance(offset, bool)
                and 0 <= offset <= 2 * SEMANTIC_WINDOW  # a fused ranking holds at most this many hits
                and isinstance(ceiling, str)
                and len(ceiling) <= MAX_CEILING_CHARS
            ):
                raise ValueError(cursor)
        except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise invalid_cursor() from None
        return cls(offset=offset, ceiling=ceiling)

    def ceiling_rowid(self) -> int:
        """The ceiling as SQLite's newest rowid then (a cursor we did not make is a QueryError, not a crash)."""
        if not (self.ceiling.isascii() and self.ceiling.isdigit()) or int(self.ceiling) > 2**63 - 1:
            raise invalid_cursor()
        return int(self.ceiling)

    def ceiling_time(self) -> str:
        """The ceiling as Elasticsearch's `indexed_at` then, an ISO time with its zone."""
        try:
            if datetime.fromisoformat(self.ceiling).tzinfo is None:
                raise ValueError(self.ceiling)
        except ValueError:
            raise invalid_cursor() from None
        return self.ceiling


def invalid_cursor() -> QueryError:
    return QueryError("invalid cursor: pass back the next_cursor of a previous page")
