"""Stories: a press release and the news reports that repeat it, linked under one `story_id`.

Bodies are compared as sets of word 3-shingles, estimated with MinHash and looked up with banded LSH
(`crawlers.story_bands`), so a new document is compared only with the few earlier ones that share enough of
its text, and never with more than `MAX_CANDIDATES` of them: on templated pages (a newsroom's near-identical
statistics notices) every band collides, and an unbounded lookup made placement quadratic in the corpus. A body that
is exactly an earlier one (after normalising whitespace and case) on another URL is a copy of it.

Signatures live in SQLite in the data dir (`stories.sqlite3`), so grouping carries across crawls; the LSH
index is rebuilt in memory from them when the store opens (about 1 KB per document).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

import numpy as np
from datasketch import MinHash

from crawlers.story_bands import BandIndex
from presswatch.document import Document

SHINGLE_WORDS = 3
NUM_PERM = 128
# Two bodies tell the same story when most of the shorter one's shingles are in the longer one (the
# overlap coefficient |A ∩ B| / min(|A|, |B|), estimated from MinHash's Jaccard and the set sizes): a report
# keeps part of a release and adds its own framing, which Jaccard punishes and the overlap does not.
# Unrelated articles of one department (shared boilerplate) stay far below it. LSH looks candidates up at
# a lower Jaccard so that a short report of a long release is still found.
THRESHOLD = 0.45
CANDIDATE_JACCARD = 0.15
MIN_WORDS = 25
# The bands datasketch's MinHashLSH picks for CANDIDATE_JACCARD at 128 permutations (51 bands of 2 rows).
BANDS, ROWS = 51, 2
# Work per document is bounded whatever the corpus: each band's lookup yields at most BUCKET_CAP of the
# newest documents in its bucket, and at most MAX_CANDIDATES candidates (those sharing the most bands, the
# likeliest matches) are compared exactly.
BUCKET_CAP = 64
MAX_CANDIDATES = 96
# datasketch's hashing scheme, fixed so stored signatures stay comparable with new ones across versions.
SCHEME = "affine32"
_HASH_DTYPE = np.uint32
_WORD = re.compile(r"\w+")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS signatures (
    doc_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    shingle_count INTEGER NOT NULL,
    hashvalues BLOB NOT NULL,
    compared INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS signatures_by_hash ON signatures (body_hash);
CREATE INDEX IF NOT EXISTS signatures_by_story ON signatures (story_id);
"""


@dataclass(frozen=True, kw_only=True)
class StoryMatch:
    """Where a document landed: its story, the document it exactly copies (if any), the closest earlier
    document and its similarity (1.0 for a copy, None for a new story), and the stories it joined into
    this one (a release that arrives after two reports of it that did not match each other bridges
    them): documents of `merged` stories now belong to `story_id`, and an index must relabel them."""

    story_id: str
    copy_of: str | None = None
    similar_to: str | None = None
    similarity: float | None = None
    merged: tuple[str, ...] = ()
    compared: int = 0  # earlier documents compared exactly to place it (at most MAX_CANDIDATES)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    return _shingles_of(words(text), size=size)


def _shingles_of(tokens: list[str], *, size: int = SHINGLE_WORDS) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def signature(text: str, *, num_perm: int = NUM_PERM) -> MinHash:
    minhash = MinHash(num_perm=num_perm, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def overlap(jaccard: float, size_a: int, size_b: int) -> float:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard similarity and the two set sizes."""
    if not size_a or not size_b:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, intersection / min(size_a, size_b))


def body_hash(text: str) -> str:
    return _hash_of(words(text))


def _hash_of(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode()).hexdigest()


class StoryStore:
    """Assigns documents to stories and remembers them in SQLite. One writer at a time (the crawl)."""

    def __init__(self, path: Path, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(signatures)")}
        if "compared" not in columns:  # a store written before placement was bounded
            self._db.execute("ALTER TABLE signatures ADD COLUMN compared INTEGER NOT NULL DEFAULT 0")
        self._threshold = threshold
        self._num_perm = num_perm
        self._load()

    def _load(self) -> None:
        """The in-memory LSH index, rebuilt from the stored signatures."""
        self._lsh = BandIndex(bands=BANDS, rows=ROWS, bucket_cap=BUCKET_CAP)
        self._signatures: dict[str, tuple[MinHash, int]] = {}
        rows = self._db.execute("SELECT doc_id, hashvalues, shingle_count FROM signatures ORDER BY rowid")
        for doc_id, hashvalues, count in rows:
            values = np.frombuffer(hashvalues, dtype=_HASH_DTYPE)
            minhash = MinHash(num_perm=self._num_perm, hashvalues=values, scheme=SCHEME)
            self._signatures[doc_id] = (minhash, int(count))
            self._lsh.insert(doc_id, minhash.hashvalues)

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> StoryStore:
        return cls(data_dir / "stories.sqlite3")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._signatures)

    def story_of(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT story_id FROM signatures WHERE doc_id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else None

    def members(self, story_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT doc_id FROM signatures WHERE story_id = ? ORDER BY rowid", (story_id,)
        )
        return [str(row[0]) for row in rows]

    def _copy_of(self, doc_id: str, digest: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT doc_id, story_id FROM signatures WHERE body_hash = ? AND doc_id != ? ORDER BY rowid LIMIT 1",
            (digest, doc_id),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def _matching(self, doc_id: str, minhash: MinHash, size: int) -> tuple[list[tuple[float, str]], int]:
        """Earlier documents telling the same story, most similar first, and how many were compared."""
        found = []
        candidates = [
            c for c in self._lsh.candidates(minhash.hashvalues, limit=MAX_CANDIDATES + 1) if c != doc_id
        ][:MAX_CANDIDATES]
        for candidate in candidates:
            theirs, their_size = self._signatures[candidate]
            score = overlap(float(minhash.jaccard(theirs)), size, their_size)
            if score >= self._threshold:
                found.append((score, str(candidate)))
        return sorted(found, reverse=True), len(candidates)

    def assign(self, doc_id: str, body: str) -> StoryMatch:
        """The story of `doc_id` with this body, recorded. A document seen before keeps its story when its
        body still matches it; a body too short to compare (under MIN_WORDS words) is its own story."""
        tokens = words(body)
        digest = _hash_of(tokens)
        copy = self._copy_of(doc_id, digest)
        its_shingles = _shingles_of(tokens)
        minhash = MinHash(num_perm=self._num_perm, scheme=SCHEME)
        minhash.update_batch(list(its_shingles))
        size = len(its_shingles)
        compared = 0
        if copy is not None:
            match = StoryMatch(story_id=copy[1], copy_of=copy[0], similar_to=copy[0], similarity=1.0)
        elif len(tokens) < MIN_WORDS:
            match = StoryMatch(story_id=self.story_of(doc_id) or doc_id)
        else:
            matching, compared = self._matching(doc_id, minhash, size)
            if not matching:
                match = StoryMatch(story_id=self._own_story(doc_id), compared=compared)
            else:
                score, closest = matching[0]
                story = self.story_of(closest) or closest
                others = {self.story_of(other) or other for _, other in matching[1:]} - {story}
                for other in sorted(others):
                    self._db.execute("UPDATE signatures SET story_id = ? WHERE story_id = ?", (story, other))
                match = StoryMatch(
                    story_id=story,
                    similar_to=closest,
                    similarity=score,
                    merged=tuple(sorted(others)),
                    compared=compared,
                )
        self._remember(doc_id, match, digest, minhash, size)
        return match

    def _own_story(self, doc_id: str) -> str:
        """A document that matches nothing else: its own story, unless others already joined its story."""
        current = self.story_of(doc_id)
        if current is None:
            return doc_id
        (shared,) = self._db.execute(  # whether anyone else is in it, without listing a large story
            "SELECT COUNT(*) FROM (SELECT 1 FROM signatures WHERE story_id = ? LIMIT 2)", (current,)
        ).fetchone()
        return current if shared > 1 else doc_id

    def _remember(self, doc_id: str, match: StoryMatch, digest: str, minhash: MinHash, size: int) -> None:
        self._signatures[doc_id] = (minhash, size)
        self._lsh.insert(doc_id, minhash.hashvalues)
        self._db.execute(
            "INSERT INTO signatures (doc_id, story_id, body_hash, shingle_count, hashvalues, compared) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET story_id = excluded.story_id, "
            "body_hash = excluded.body_hash, shingle_count = excluded.shingle_count, "
            "hashvalues = excluded.hashvalues, compared = excluded.compared",
            (
                doc_id,
                match.story_id,
                digest,
                size,
                minhash.hashvalues.astype(_HASH_DTYPE).tobytes(),
                match.compared,
            ),
        )

    def assign_all(self, documents: Iterable[tuple[str, str]]) -> dict[str, StoryMatch]:
        """`assign` for (doc_id, body) pairs in order, in one transaction."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            matches = {doc_id: self.assign(doc_id, body) for doc_id, body in documents}
        except BaseException:
            self._db.execute("ROLLBACK")
            self._load()  # the memory index must not keep what the store rolled back
            raise
        self._db.execute("COMMIT")
        return matches

    def place(self, document: Document) -> tuple[Document, StoryMatch]:
        """The document with its `story_id` set, and where it landed (for the pipeline to relabel merged
        stories in the index)."""
        match = self.assign(document.id, document.body)
        return document.model_copy(update={"story_id": match.story_id}), match
