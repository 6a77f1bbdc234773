"""Stories: a press release and the news reports that repeat it, linked under one `story_id`.

Bodies are compared as sets of word 3-shingles, estimated with MinHash and looked up with banded LSH
(`crawlers.story_bands`), so a new document is compared only with the few earlier ones that share enough of
its text, and never with more than `MAX_CANDIDATES` of them: on templated pages (a newsroom's near-identical
statistics notices) every band collides, and an unbounded lookup made placement quadratic in the corpus. A body that
is exactly an earlier one (after normalising whitespace and case) on another URL is a copy of it.

Signatures live in SQLite in the data dir (`stories.sqlite3`), so grouping carries across crawls; the LSH
index is rebuilt in memory from them when the store opens (about 1 KB per document). In cluster mode
(`PRESSWATCH_DATABASE_URL`) they live in PostgreSQL (`PostgresSignatures`): each placement runs under one
advisory lock, first catching up on what other placers stored, so placement keeps its order whichever
process does it, and a standby placer takes over with nothing lost.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

import numpy as np
from datasketch import MinHash

from crawlers.story_bands import BandIndex
from presswatch.config import Settings
from presswatch.database import apply_schema, connection, lock_key, pool_for
from presswatch.document import Document
from presswatch.sqlite_store import add_missing_columns, connect_wal

if TYPE_CHECKING:
    from presswatch.database import Conn, Pool

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


class SignatureRows(Protocol):
    """Where a `StoryStore` keeps its signatures: a SQLite file, or PostgreSQL shared by several placers."""

    def placing(self, *, batch: bool) -> AbstractContextManager[list[Row]]:
        """A placement (one document, or a `batch` of them in one transaction): what other processes stored
        since this one last looked, to add to the memory index before placing."""
        ...

    def load(self) -> list[Row]: ...
    def story_of(self, doc_id: str) -> str | None: ...
    def members(self, story_id: str) -> list[str]: ...
    def copy_of(self, doc_id: str, digest: str) -> tuple[str, str] | None: ...
    def move_story(self, old: str, new: str) -> None: ...
    def shared(self, story_id: str) -> bool:
        """Whether more than one document is in the story (without listing a large one)."""
        ...

    def remember(
        self, doc_id: str, story_id: str, digest: str, size: int, hashvalues: bytes, compared: int
    ) -> None: ...
    def close(self) -> None: ...


Row = tuple[str, bytes, int]
"""A stored signature: the document's id, its MinHash values (uint32 bytes), its shingle count."""


class SQLiteSignatures:
    """`stories.sqlite3` in the data dir: one writer at a time (the crawl)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = connect_wal(path, timeout=5.0)
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)
        # a store written before placement was bounded lacks `compared`
        add_missing_columns(self._db, {"signatures": {"compared": "INTEGER NOT NULL DEFAULT 0"}})

    @contextmanager
    def placing(self, *, batch: bool) -> Iterator[list[Row]]:
        if not batch:
            yield []
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield []
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def load(self) -> list[Row]:
        rows = self._db.execute("SELECT doc_id, hashvalues, shingle_count FROM signatures ORDER BY rowid")
        return [(str(doc_id), bytes(values), int(count)) for doc_id, values, count in rows]

    def story_of(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT story_id FROM signatures WHERE doc_id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else None

    def members(self, story_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT doc_id FROM signatures WHERE story_id = ? ORDER BY rowid", (story_id,)
        )
        return [str(row[0]) for row in rows]

    def copy_of(self, doc_id: str, digest: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT doc_id, story_id FROM signatures WHERE body_hash = ? AND doc_id != ? ORDER BY rowid LIMIT 1",
            (digest, doc_id),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def move_story(self, old: str, new: str) -> None:
        self._db.execute("UPDATE signatures SET story_id = ? WHERE story_id = ?", (new, old))

    def shared(self, story_id: str) -> bool:
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM signatures WHERE story_id = ? LIMIT 2)", (story_id,)
        ).fetchone()
        return bool(count > 1)

    def remember(
        self, doc_id: str, story_id: str, digest: str, size: int, hashvalues: bytes, compared: int
    ) -> None:
        self._db.execute(
            "INSERT INTO signatures (doc_id, story_id, body_hash, shingle_count, hashvalues, compared) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET story_id = excluded.story_id, "
            "body_hash = excluded.body_hash, shingle_count = excluded.shingle_count, "
            "hashvalues = excluded.hashvalues, compared = excluded.compared",
            (doc_id, story_id, digest, size, hashvalues, compared),
        )

    def close(self) -> None:
        self._db.close()


_PG_SCHEMA = [
    """
    CREATE SEQUENCE story_changes;
    CREATE TABLE story_signatures (
        doc_id TEXT PRIMARY KEY,
        position BIGSERIAL,
        changed BIGINT NOT NULL DEFAULT nextval('story_changes'),
        story_id TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        shingle_count INTEGER NOT NULL,
        hashvalues BYTEA NOT NULL,
        compared INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX story_signatures_by_hash ON story_signatures (body_hash);
    CREATE INDEX story_signatures_by_story ON story_signatures (story_id);
    CREATE INDEX story_signatures_by_change ON story_signatures (changed);
    """
]
PLACEMENT_LOCK = "story-placement"
"""The advisory lock every placement holds: one placer at a time, in order."""


def _rows_of(found: Iterable[tuple[object, ...]]) -> list[Row]:
    return [(str(doc_id), bytes(values), int(count)) for doc_id, values, count in found]  # type: ignore[call-overload]


class PostgresSignatures:
    """The signatures in PostgreSQL. `changed` (from a sequence, bumped by every write of a signature) lets
    a placer catch up on what others stored; writers hold `PLACEMENT_LOCK`, so no change commits unseen."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        self._conn: Conn | None = None  # the placement's connection while one runs
        self._seen_change = 0
        apply_schema(pool, store="stories", migrations=_PG_SCHEMA)

    @contextmanager
    def _connection(self) -> Iterator[Conn]:
        if self._conn is not None:
            yield self._conn
            return
        with connection(self._pool) as conn:
            yield conn

    @contextmanager
    def placing(self, *, batch: bool) -> Iterator[list[Row]]:
        with connection(self._pool) as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(PLACEMENT_LOCK),))
            theirs = _rows_of(
                conn.execute(
                    "SELECT doc_id, hashvalues, shingle_count FROM story_signatures WHERE changed > %s"
                    " ORDER BY changed",
                    (self._seen_change,),
                ).fetchall()
            )
            self._conn = conn
            try:
                yield theirs
            finally:
                self._conn = None
            self._seen_change = self._last_change(conn)  # ours too: nobody else wrote meanwhile

    @staticmethod
    def _last_change(conn: Conn) -> int:
        row = conn.execute("SELECT coalesce(max(changed), 0) FROM story_signatures").fetchone()
        return int(row[0]) if row else 0

    def load(self) -> list[Row]:
        with connection(self._pool) as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock_shared(%s)", (lock_key(PLACEMENT_LOCK),))
            found = conn.execute(
                "SELECT doc_id, hashvalues, shingle_count FROM story_signatures ORDER BY position"
            ).fetchall()
            self._seen_change = self._last_change(conn)
        return _rows_of(found)

    def story_of(self, doc_id: str) -> str | None:
        with self._connection() as conn:
            row = conn.execute(
                "SELECT story_id FROM story_signatures WHERE doc_id = %s", (doc_id,)
            ).fetchone()
        return str(row[0]) if row else None

    def members(self, story_id: str) -> list[str]:
        with self._connection() as conn:
            found = conn.execute(
                "SELECT doc_id FROM story_signatures WHERE story_id = %s ORDER BY position", (story_id,)
            ).fetchall()
        return [str(row[0]) for row in found]

    def copy_of(self, doc_id: str, digest: str) -> tuple[str, str] | None:
        with self._connection() as conn:
            row = conn.execute(
                "SELECT doc_id, story_id FROM story_signatures WHERE body_hash = %s AND doc_id <> %s"
                " ORDER BY position LIMIT 1",
                (digest, doc_id),
            ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def move_story(self, old: str, new: str) -> None:
        with self._connection() as conn:
            conn.execute("UPDATE story_signatures SET story_id = %s WHERE story_id = %s", (new, old))

    def shared(self, story_id: str) -> bool:
        with self._connection() as conn:
            row = conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM story_signatures WHERE story_id = %s LIMIT 2) AS two",
                (story_id,),
            ).fetchone()
        return bool(row and row[0] > 1)

    def remember(
        self, doc_id: str, story_id: str, digest: str, size: int, hashvalues: bytes, compared: int
    ) -> None:
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO story_signatures (doc_id, story_id, body_hash, shingle_count, hashvalues, compared)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (doc_id) DO UPDATE SET"
                " story_id = EXCLUDED.story_id, body_hash = EXCLUDED.body_hash,"
                " shingle_count = EXCLUDED.shingle_count, hashvalues = EXCLUDED.hashvalues,"
                " compared = EXCLUDED.compared, changed = nextval('story_changes')",
                (doc_id, story_id, digest, size, hashvalues, compared),
            )

    def close(self) -> None:
        """Nothing to close: the pool is the process's (`presswatch.database.pool_for`)."""


def open_stories(settings: Settings) -> StoryStore:
    """The configured store: PostgreSQL when `PRESSWATCH_DATABASE_URL` is set, else `stories.sqlite3`."""
    if settings.database_dsn:
        return StoryStore(PostgresSignatures(pool_for(settings.database_dsn)))
    return StoryStore.in_data_dir(settings.data_dir)


class StoryStore:
    """Assigns documents to stories and remembers their signatures (`SignatureRows`)."""

    def __init__(
        self, rows: SignatureRows, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM
    ) -> None:
        self._rows = rows
        self._threshold = threshold
        self._num_perm = num_perm
        self._load()

    def _load(self) -> None:
        """The in-memory LSH index, rebuilt from the stored signatures."""
        self._lsh = BandIndex(bands=BANDS, rows=ROWS, bucket_cap=BUCKET_CAP)
        self._signatures: dict[str, tuple[MinHash, int]] = {}
        self._add(self._rows.load())

    def _add(self, rows: Iterable[Row]) -> None:
        for doc_id, hashvalues, count in rows:
            values = np.frombuffer(hashvalues, dtype=_HASH_DTYPE)
            minhash = MinHash(num_perm=self._num_perm, hashvalues=values, scheme=SCHEME)
            self._signatures[doc_id] = (minhash, int(count))
            self._lsh.insert(doc_id, minhash.hashvalues)

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> StoryStore:
        return cls(SQLiteSignatures(data_dir / "stories.sqlite3"))

    def close(self) -> None:
        self._rows.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._signatures)

    def story_of(self, doc_id: str) -> str | None:
        return self._rows.story_of(doc_id)

    def members(self, story_id: str) -> list[str]:
        return self._rows.members(story_id)

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
        copy = self._rows.copy_of(doc_id, digest)
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
                    self._rows.move_story(other, story)
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
        return current if self._rows.shared(current) else doc_id

    def _remember(self, doc_id: str, match: StoryMatch, digest: str, minhash: MinHash, size: int) -> None:
        self._signatures[doc_id] = (minhash, size)
        self._lsh.insert(doc_id, minhash.hashvalues)
        self._rows.remember(
            doc_id,
            match.story_id,
            digest,
            size,
            minhash.hashvalues.astype(_HASH_DTYPE).tobytes(),
            match.compared,
        )

    def assign_all(self, documents: Iterable[tuple[str, str]]) -> dict[str, StoryMatch]:
        """`assign` for (doc_id, body) pairs in order, in one transaction."""
        with self._placing(batch=True):
            return {doc_id: self.assign(doc_id, body) for doc_id, body in documents}

    @contextmanager
    def _placing(self, *, batch: bool) -> Iterator[None]:
        """A placement with what other placers stored since in memory; undone in memory if it fails."""
        try:
            with self._rows.placing(batch=batch) as theirs:
                self._add(theirs)
                yield
        except BaseException:
            self._load()  # the memory index must not keep what the store rolled back
            raise

    def place(self, document: Document) -> tuple[Document, StoryMatch]:
        """The document with its `story_id` set, and where it landed (for the pipeline to relabel merged
        stories in the index)."""
        with self._placing(batch=False):
            match = self.assign(document.id, document.body)
        return document.model_copy(update={"story_id": match.story_id}), match
