"""The SQLite FTS5 backend on a real file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from presswatch.document import Document, Mention
from search.base import BackendUnavailableError, Query, QueryError
from search.sqlite import SQLiteBackend


def doc(
    slug: str,
    title: str,
    body: str,
    *,
    source: str = "home-office",
    day: int = 1,
    kind: str = "news",
    entities: tuple[str, ...] = (),
) -> Document:
    return Document.from_page(
        url=f"https://gov.example/news/{slug}",
        source=source,
        kind=kind,
        title=title,
        body=body,
        published=datetime(2026, 6, day, 9, tzinfo=UTC),
        entities=tuple(Mention(text=e, label="GPE", normalized=e, start=0, end=len(e)) for e in entities),
    )


CORPUS = [
    doc(
        "balkans",
        "UK to sign agreements with Serbia and Kosovo",
        "The UK will sign agreements with Serbia and Kosovo.",
        day=16,
        kind="press_release",
        entities=("United Kingdom", "Serbia", "Kosovo"),
    ),
    doc(
        "trade",
        "Trade mission to the Western Balkans",
        "Forty firms visited Serbia, Albania and Kosovo.",
        source="trade",
        day=14,
        entities=("Serbia", "Albania", "Kosovo"),
    ),
    doc("floods", "Flood defences", "£2.4 billion to protect homes from flooding.", day=2),
    doc(
        "norway",
        "Frigate deal with Norway",
        "Norway will buy British frigates.",
        day=28,
        entities=("Norway",),
    ),
    doc("xss", "Escaping test", "Kosovo <script>alert('x')</script> & more text here.", day=3),
]


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[SQLiteBackend]:
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    backend.index(CORPUS)
    yield backend
    backend.close()


def test_index_is_an_upsert_by_id(backend: SQLiteBackend) -> None:
    changed = CORPUS[2].model_copy(update={"body": "Now about drought, not floods."})
    report = backend.index([changed])
    assert (report.added, report.updated, report.failed) == (0, 1, {})
    assert backend.count() == len(CORPUS)
    assert backend.search(Query(text="drought")).total == 1
    assert backend.search(Query(text="protect")).total == 0, "the old text is gone from the full-text index"


def test_get_returns_the_whole_document(backend: SQLiteBackend) -> None:
    assert backend.get(CORPUS[0].id) == CORPUS[0]
    assert backend.get("no-such-id") is None


def test_title_matches_rank_first(backend: SQLiteBackend) -> None:
    page = backend.search(Query(text="Kosovo"))
    assert page.total == 3
    assert page.hits[0].id == CORPUS[0].id
    assert all(h.score > 0 for h in page.hits)


def test_snippets_are_escaped_and_highlighted(backend: SQLiteBackend) -> None:
    [hit] = backend.search(Query(text="alert")).hits
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>alert</mark>" in hit.snippet
    assert "&amp;" in hit.snippet


def test_stemming_and_prefixes(backend: SQLiteBackend) -> None:
    assert backend.search(Query(text="sign")).total == 1  # 'sign' in the body of the first
    assert backend.search(Query(text="frigate")).total == 1  # title has 'Frigate', body 'frigates'
    assert backend.search(Query(text="Alban*")).total == 1


@pytest.mark.parametrize(
    ("text", "total"),
    [('"Western Balkans"', 1), ("Norway OR Albania", 2), ("Kosovo -Albania", 2), ("serbia kosovo", 3)],
)
def test_query_syntax(backend: SQLiteBackend, text: str, total: int) -> None:
    assert backend.search(Query(text=text)).total == total


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("NEAR(", '"NEAR"'),
        ("a:b", '("a" OR "b")'),
        ("^x", '"x"'),
        ("title:kosovo", '("title" OR "kosovo")'),
        ("kosovo*:", '"kosovo"'),
        ("💥 Kosovo", '"Kosovo"'),
        ('say "x""y" NEAR(a', '("say" OR "x" OR "y" OR "NEAR" OR "a")'),
        (
            'migra* "border force" -"small boats" x OR y',
            '("border force" AND ("x" OR "y") AND "migra"*) NOT "small boats"',
        ),
    ],
)
def test_hostile_text_never_reaches_fts_as_syntax(backend: SQLiteBackend, text: str, expression: str) -> None:
    """Every term is quoted by the compiler: the MATCH expression holds only quoted terms and our operators."""
    compiled = backend.compile(Query(text=text))
    assert compiled.match == expression
    assert expression in compiled.newest.params, "the expression travels as a parameter, not as SQL"
    assert expression not in compiled.newest.sql
    backend.read(compiled)


@pytest.mark.parametrize("text", ["(", "'", "AND", '""', "NOT OR AND"])
def test_text_with_no_words_is_a_query_error(backend: SQLiteBackend, text: str) -> None:
    with pytest.raises(QueryError, match="no words"):
        backend.compile(Query(text=text))


def test_an_fts5_complaint_is_a_query_error_not_an_outage(backend: SQLiteBackend) -> None:
    compiled = backend.compile(Query(text="Kosovo"))
    broken = replace(compiled, match='"unterminated')
    with pytest.raises(QueryError, match="cannot read this query"):
        backend.read(broken)


@pytest.mark.parametrize(
    ("text", "message"),
    [('"unclosed', "unbalanced quotation mark"), ("-kosovo", "not excluded"), ("!!!", "no words")],
)
def test_bad_queries_explain_themselves(backend: SQLiteBackend, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        backend.search(Query(text=text))


def test_plain_words_are_optional_and_all_words_rank_first(backend: SQLiteBackend) -> None:
    page = backend.search(Query(text="serbia kosovo"))
    assert {h.id for h in page.hits[:2]} == {CORPUS[0].id, CORPUS[1].id}, "both words first"
    assert page.hits[2].id == CORPUS[4].id, "then Kosovo alone"


def test_filters(backend: SQLiteBackend) -> None:
    assert backend.search(Query(text="Kosovo", sources=("trade",))).total == 1
    assert backend.search(Query(text="Kosovo", kinds=("press_release",))).total == 1
    assert backend.search(Query(entities=("kosovo",))).total == 2, "entity names match case-insensitively"
    assert backend.search(Query(entities=("Kosovo", "Albania"))).total == 1
    june_10_on = backend.search(Query(published_from=datetime(2026, 6, 10, tzinfo=UTC)))
    assert {h.id for h in june_10_on.hits} == {CORPUS[0].id, CORPUS[1].id, CORPUS[3].id}
    early = backend.search(Query(published_to=datetime(2026, 6, 2, 23, tzinfo=UTC)))
    assert [h.id for h in early.hits] == [CORPUS[2].id]


def test_no_text_lists_newest_first(backend: SQLiteBackend) -> None:
    page = backend.search(Query())
    assert [h.published for h in page.hits] == sorted((h.published for h in page.hits), reverse=True)  # type: ignore[type-var]


def test_cursor_pages_through_everything_once(backend: SQLiteBackend) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        page = backend.search(Query(limit=2, cursor=cursor))
        seen += [h.id for h in page.hits]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(d.id for d in CORPUS)


def test_foreign_cursor_is_a_query_error(backend: SQLiteBackend) -> None:
    with pytest.raises(QueryError, match="invalid cursor"):
        backend.search(Query(cursor="not-ours"))


def test_facets(backend: SQLiteBackend) -> None:
    facets = backend.search(Query(text="Kosovo")).facets
    assert {f.value: f.count for f in facets["source"]} == {"home-office": 2, "trade": 1}
    assert {f.value: f.count for f in facets["entity"]}["Serbia"] == 2


def test_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    first = SQLiteBackend(path=path)
    first.index(CORPUS)
    first.close()
    again = SQLiteBackend(path=path)
    assert again.count() == len(CORPUS)
    assert again.search(Query(text="Norway")).hits[0].id == CORPUS[3].id
    again.close()


def test_unopenable_index_is_unavailable(tmp_path: Path) -> None:
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(BackendUnavailableError, match="cannot open the SQLite index"):
        SQLiteBackend(path=tmp_path / "dir.sqlite3")


FAILING_CALLS = {
    "search": lambda b: b.search(Query(text="Kosovo")),
    "list": lambda b: b.search(Query()),
    "get": lambda b: b.get(CORPUS[0].id),
    "count": lambda b: b.count(),
    "index": lambda b: b.index(CORPUS[:1]),
}


@pytest.mark.parametrize("call", sorted(FAILING_CALLS))
def test_every_call_on_a_failing_index_says_it_is_unavailable(tmp_path: Path, call: str) -> None:
    """Any SQLite failure, not only OperationalError, is the index being unavailable (a 503, not a 500)."""
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    backend.index(CORPUS)
    backend.close()  # every call now fails inside sqlite3, with ProgrammingError
    with pytest.raises(BackendUnavailableError, match=r"index\.sqlite3"):
        FAILING_CALLS[call](backend)


# The schema of presswatch 0.1's index file (user_version 0), as main shipped it.
V1_SCHEMA = """
CREATE TABLE documents (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL,
    source TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, published TEXT, indexed_at TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE mentions (doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, label TEXT NOT NULL, PRIMARY KEY (doc_rowid, name, label));
CREATE INDEX mentions_name ON mentions(name COLLATE NOCASE);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, entities,
    tokenize = 'porter unicode61 remove_diacritics 2');
"""


def test_an_index_from_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA)
    for rowid, document in enumerate(CORPUS, start=7):
        old.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                document.id,
                document.url,
                document.source,
                document.kind,
                document.title,
                document.published.isoformat(timespec="seconds")[:19] if document.published else None,
                "2026-06-01T00:00:00",
                document.to_json(),
            ),
        )
        old.execute(
            "INSERT INTO documents_fts (rowid, title, body, entities) VALUES (?, ?, ?, ?)",
            (rowid, document.title, document.body, ""),
        )
    old.commit()
    old.close()
    backend = SQLiteBackend(path=path)
    assert backend.count() == len(CORPUS)
    assert {h.id for h in backend.search(Query(text="Kosovo")).hits} == {
        CORPUS[0].id,
        CORPUS[1].id,
        CORPUS[4].id,
    }
    assert {h.id for h in backend.search(Query(countries=("AL",))).hits} == {CORPUS[1].id}, (
        "mentions refilled"
    )
    assert backend.search(Query(sort="date")).hits[0].id == CORPUS[3].id
    facets = backend.search(Query()).facets
    assert {f.value: f.count for f in facets["day"]}["2026-06-16"] == 1
    backend.index([CORPUS[2].model_copy(update={"body": "drought"})])
    assert backend.search(Query(text="drought")).total == 1 and backend.count() == len(CORPUS)
    backend.close()
