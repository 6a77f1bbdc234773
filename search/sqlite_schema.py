"""The SQLite index's tables, the rows a document adds to them, and the upgrade of an older index file.

`documents` holds each document (its JSON in `data`) with the columns that filters, sorting and facets
read; `mentions`, `figures`, `agreements` and `agreement_parties` hold what filters and facets need from
the extracted values, so nothing is parsed from JSON at query time; `documents_fts` is the full-text index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from presswatch.document import Document
from search.sqlite_tags import document_tags
from search.stored import country_code, utc_text

SCHEMA_VERSION = 3

# `data` (the whole document as JSON, often several pages long) comes last, so that reading any other
# column never walks its overflow pages.
_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    published_key TEXT NOT NULL DEFAULT '',
    day TEXT,
    story_id TEXT,
    facet_tags TEXT NOT NULL DEFAULT '',
    indexed_at TEXT NOT NULL,
    data TEXT NOT NULL
)
"""
_V1_COLUMNS = "rowid, id, url, source, kind, title, published, indexed_at, data"
_DERIVED = """
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_kind ON documents(kind);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_by_date ON documents(published_key, rowid);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id) WHERE story_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS mentions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    label TEXT NOT NULL,
    code TEXT,
    PRIMARY KEY (doc_rowid, name, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code, doc_rowid) WHERE code IS NOT NULL;
CREATE TABLE IF NOT EXISTS figures (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    currency TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_money ON figures(currency, value);
CREATE INDEX IF NOT EXISTS figures_money_max ON figures(currency, value_max);
CREATE INDEX IF NOT EXISTS figures_of_document ON figures(doc_rowid, currency, value_max, value);
CREATE TABLE IF NOT EXISTS agreements (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (doc_rowid, ordinal)
);
CREATE TABLE IF NOT EXISTS agreement_parties (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    party TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (doc_rowid, ordinal, party)
);
CREATE INDEX IF NOT EXISTS agreement_parties_party ON agreement_parties(party COLLATE NOCASE);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, entities, tags, tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
_DERIVED_TABLES = ("mentions", "figures", "agreements", "agreement_parties")


def _statements(script: str) -> Iterator[str]:
    return (s for s in script.split(";") if s.strip())


def create_or_upgrade(conn: sqlite3.Connection) -> None:
    """Create the tables, or bring an older index file up to this version (inside the caller's transaction).

    The upgrade adds the new columns and refills every derived table and the full-text index from each
    document's stored JSON, so an index built by an older presswatch keeps all its documents and gains the
    new filters and facets (version 3 added the `tags` column of filter tokens to the full-text index).
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    existing = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is not None
    upgrade = existing and version < SCHEMA_VERSION
    if upgrade:  # version 1: rebuild `documents` with the new columns before `data`, keeping every rowid
        for table in _DERIVED_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute("ALTER TABLE documents RENAME TO documents_v1")
        for index in ("documents_source", "documents_published"):
            conn.execute(f"DROP INDEX IF EXISTS {index}")
        conn.execute("DROP TABLE IF EXISTS documents_fts")
    conn.execute(_DOCUMENTS)
    if upgrade:
        conn.execute(f"INSERT INTO documents ({_V1_COLUMNS}) SELECT {_V1_COLUMNS} FROM documents_v1")
        conn.execute("DROP TABLE documents_v1")
    for statement in _statements(_DERIVED):
        conn.execute(statement)
    if upgrade:
        rows = conn.execute("SELECT rowid, data FROM documents").fetchall()
        for rowid, data in rows:
            document = Document.from_json(data)
            conn.execute(
                "UPDATE documents SET published_key = ?, day = ?, story_id = ?, facet_tags = ? WHERE rowid = ?",
                (*document_columns(document)[-4:], rowid),
            )
            write_derived(conn, rowid, document)
            write_fts(conn, rowid, document)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


TAG_SEPARATOR = "\x1f"


def facet_tags(doc: Document) -> str:
    """The facet values a document counts for, one string: `entity`, `person`, `organisation`, `country`.

    Facets read this one column per sampled document instead of joining its mentions.
    """
    tags: dict[str, None] = {}
    for m in doc.entities:
        if m.label == "DATE":
            continue
        tags[f"entity:{m.normalized}"] = None
        if m.label == "PERSON":
            tags[f"person:{m.normalized}"] = None
        elif m.label == "ORG":
            tags[f"organisation:{m.normalized}"] = None
        code = country_code(m.label, m.normalized, m.code)
        if code:
            tags[f"country:{code}"] = None
    return TAG_SEPARATOR.join(tags)


def document_columns(doc: Document) -> tuple[Any, ...]:
    """url, source, kind, title, published, published_key, day, story_id, facet_tags: as `upsert` writes."""
    published = utc_text(doc.published)
    return (
        doc.url,
        doc.source,
        doc.kind,
        doc.title,
        published,
        published or "",
        published[:10] if published else None,
        doc.story_id,
        facet_tags(doc),
    )


def write_derived(conn: sqlite3.Connection, rowid: int, doc: Document) -> None:
    """The rows filters and facets read: mentions, money figures, agreements and their parties."""
    conn.executemany(
        "INSERT OR IGNORE INTO mentions (doc_rowid, name, label, code) VALUES (?, ?, ?, ?)",
        [(rowid, m.normalized, m.label, country_code(m.label, m.normalized, m.code)) for m in doc.entities],
    )
    conn.executemany(
        "INSERT INTO figures (doc_rowid, currency, value, value_max) VALUES (?, ?, ?, ?)",
        [
            (rowid, f.currency.upper(), f.value, f.value_max if f.value_max is not None else f.value)
            for f in doc.figures
            if f.kind == "money" and f.currency
        ],
    )
    conn.executemany(
        "INSERT INTO agreements (doc_rowid, ordinal, status) VALUES (?, ?, ?)",
        [(rowid, ordinal, a.status) for ordinal, a in enumerate(doc.agreements)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO agreement_parties (doc_rowid, ordinal, party) VALUES (?, ?, ?)",
        [(rowid, ordinal, party) for ordinal, a in enumerate(doc.agreements) for party in a.parties],
    )


def write_fts(conn: sqlite3.Connection, rowid: int, doc: Document) -> None:
    """The document's full-text row: title, body, entity names, and its filter values as tokens."""
    names = dict.fromkeys(m.normalized for m in doc.entities if m.label != "DATE")
    conn.execute(
        "INSERT INTO documents_fts (rowid, title, body, entities, tags) VALUES (?, ?, ?, ?, ?)",
        (rowid, doc.title, doc.body, " ; ".join(names), document_tags(doc)),
    )


def delete_derived(conn: sqlite3.Connection, rowid: int) -> None:
    for table in _DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc_rowid = ?", (rowid,))
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))
