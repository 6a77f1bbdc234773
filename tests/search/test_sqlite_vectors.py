"""The SQLite index's embeddings: exact nearest neighbours that stay right under upserts, deletes, other
processes writing, a trimmed change log, and an index file made before embeddings had their own table."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from presswatch.document import Document
from search import sqlite_vectors
from search.sqlite import SQLiteBackend

ROOT = Path(__file__).resolve().parents[2]


def unit(seed: int) -> tuple[float, ...]:
    vector = np.random.default_rng(seed).standard_normal(384)
    return tuple(float(x) for x in vector / np.linalg.norm(vector))


def doc(n: int, *, seed: int | None = None) -> Document:
    return Document(
        id=f"d{n}",
        url=f"https://news.example/{n}",
        source="s",
        title=f"Title {n}",
        body=f"Body {n}",
        embedding=unit(n if seed is None else seed),
    )


def exact(docs: list[Document], probe: Document, k: int) -> list[str]:
    """Nearest by exact cosine over the documents' own vectors (float64)."""
    query = np.asarray(probe.embedding)
    others = [d for d in docs if d.id != probe.id and d.embedding is not None]
    others.sort(key=lambda d: -float(np.asarray(d.embedding) @ query))
    return [d.id for d in others[:k]]


def test_nearest_is_exact_and_grows_past_its_first_allocation(tmp_path: Path) -> None:
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    docs = [doc(n) for n in range(150)]  # more rows than the matrix first holds
    backend.index(docs)
    for probe in docs[:20]:
        assert [h.id for h in backend.similar(probe.id, limit=5)] == exact(docs, probe, 5)
    backend.close()


def test_another_connection_sees_writes_upserts_and_deletes_without_reopening(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    writer, reader = SQLiteBackend(path=path), SQLiteBackend(path=path)
    docs = [doc(n) for n in range(30)]
    writer.index(docs)
    assert [h.id for h in reader.similar("d0", limit=3)] == exact(docs, docs[0], 3)
    twin = doc(7, seed=0)  # d7 now has d0's vector
    writer.index([twin])
    assert reader.similar("d0", limit=1)[0].id == "d7"
    writer.delete("d7")
    docs = [d for d in docs if d.id != "d7"]
    assert [h.id for h in reader.similar("d0", limit=3)] == exact(docs, docs[0], 3)
    writer.index([docs[5].model_copy(update={"embedding": None})])
    assert docs[5].id not in [h.id for h in reader.similar("d0", limit=30)]
    assert reader.vectors.size == 28
    writer.close()
    reader.close()


def test_a_reader_behind_a_trimmed_change_log_reloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_vectors, "_LOG_KEEP", 3)
    path = tmp_path / "index.sqlite3"
    writer, reader = SQLiteBackend(path=path), SQLiteBackend(path=path)
    writer.index([doc(0), doc(1)])
    reader.similar("d0", limit=1)
    docs = [doc(n) for n in range(40)]
    for one in docs[2:]:
        writer.index([one])
    with writer._read() as conn:
        oldest = conn.execute("SELECT min(seq) FROM embedding_changes").fetchone()[0]
    assert oldest > 3, "the log was trimmed past what the reader saw"
    assert [h.id for h in reader.similar("d0", limit=5)] == exact(docs, docs[0], 5)
    assert reader.vectors.size == 40
    writer.close()
    reader.close()


def test_a_crawler_process_writing_is_seen_by_the_serving_process(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    serving = SQLiteBackend(path=path)
    serving.index([doc(0)])
    assert serving.similar("d0", limit=5) == []
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from search.sqlite import SQLiteBackend
        from tests.search.test_sqlite_vectors import doc
        backend = SQLiteBackend(path=Path({str(path)!r}))
        backend.index([doc(1, seed=0), doc(2)])
        backend.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=120)
    assert serving.similar("d0", limit=5)[0].id == "d1"
    serving.close()


def test_an_index_made_before_the_embeddings_table_gets_it_filled(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    old = SQLiteBackend(path=path)
    docs = [doc(n) for n in range(10)]
    old.index(docs)
    with old._transaction() as conn:
        for name in ("embeddings_added", "embeddings_changed", "embeddings_removed"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE embeddings")
        conn.execute("DROP TABLE embedding_changes")
    old.close()
    upgraded = SQLiteBackend(path=path)
    assert [h.id for h in upgraded.similar("d3", limit=4)] == exact(docs, docs[3], 4)
    upgraded.close()
