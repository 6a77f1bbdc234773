"""The terms an index makes of a text, by the index's own analysis: for a prefilter that must never miss a
document the index would match (alerts/prefilter.py asks "can this saved search's word be in this batch?").

- SQLite: FTS5's own tokenizer, run on an in-memory FTS5 table created with the tokenizer the index file
  declares (read from its schema), so the terms are FTS5's by construction, whatever that tokenizer becomes.
- Elasticsearch with Python stems (the core-only server): search/stems.py, the function both of its sides use.
- Anything else (Elasticsearch's own `english` analyzer, another backend): None, the caller keys no text.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from search.base import SearchBackend
from search.stems import stem, tokens

_TOKENIZE = re.compile(r"tokenize\s*=\s*'((?:[^']|'')*)'", re.IGNORECASE)
FTS_TABLE = "documents_fts"


class IndexTerms(Protocol):
    def terms(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """The index terms of each text."""
        ...


class StemTerms:
    """Elasticsearch's `*_stems` fields: Snowball stems of the \\w+ words, query and index alike."""

    def terms(self, texts: Sequence[str]) -> list[frozenset[str]]:
        return [frozenset(stem(m.group()) for m in tokens(text)) for text in texts]


class Fts5Terms:
    """FTS5's tokenizer (`tokenize` as the index declares it), run on an in-memory table; thread-safe."""

    def __init__(self, *, tokenize: str) -> None:
        self.tokenize = tokenize
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        quoted = tokenize.replace("'", "''")
        self._conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{quoted}')")
        self._conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")

    @classmethod
    def of_index(cls, path: Path) -> Fts5Terms | None:
        """The tokenizer of the index file at `path`, or None when its schema cannot be read."""
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            return None
        found = _TOKENIZE.search(row[0]) if row and row[0] else None
        if found is None:
            return None
        try:
            return cls(tokenize=found.group(1).replace("''", "'"))
        except sqlite3.Error:
            return None

    def terms(self, texts: Sequence[str]) -> list[frozenset[str]]:
        found: list[set[str]] = [set() for _ in texts]
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                self._conn.executemany(
                    "INSERT INTO t (rowid, x) VALUES (?, ?)", [(i + 1, t) for i, t in enumerate(texts)]
                )
                for doc, term in self._conn.execute("SELECT doc, term FROM v"):
                    found[int(doc) - 1].add(str(term))
            finally:
                self._conn.execute("ROLLBACK")  # the table stays empty between calls
        return [frozenset(f) for f in found]

    def close(self) -> None:
        self._conn.close()


def index_terms(backend: SearchBackend) -> IndexTerms | None:
    """How `backend` turns text into terms, when that can be reproduced exactly; else None."""
    sqlite = sys.modules.get("search.sqlite")
    if sqlite is not None and isinstance(backend, sqlite.SQLiteBackend):
        return Fts5Terms.of_index(backend.path)
    elastic = sys.modules.get("search.elastic")
    if elastic is not None and isinstance(backend, elastic.ElasticsearchBackend):
        return StemTerms() if backend.text_analysis() == "stems" else None
    return None
