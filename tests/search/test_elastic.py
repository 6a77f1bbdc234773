"""The Elasticsearch backend against a real server (tests/elastic_server.py starts one per session)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from presswatch.document import Agreement, Document, Figure, Mention
from search.base import BackendUnavailableError, Query, QueryError
from search.elastic import ElasticsearchBackend, QueryCompiler, _has_english, choose_analysis, mappings
from search.parsed import parse_query
from tests.elastic_server import ElasticSession


def make_doc(
    n: int | str,
    *,
    title: str = "",
    body: str = "",
    source: str = "gov",
    kind: Any = "press_release",
    published: datetime | None = None,
    entities: Iterable[Mention] = (),
    figures: Iterable[Figure] = (),
    agreements: Iterable[Agreement] = (),
    **extra: Any,
) -> Document:
    return Document.from_page(
        url=f"https://example.org/news/{n}",
        source=source,
        kind=kind,
        title=title or f"Announcement {n}",
        body=body or f"Routine announcement number {n}.",
        published=published,
        entities=tuple(entities),
        figures=tuple(figures),
        agreements=tuple(agreements),
        **extra,
    )


def mention(name: str, label: Any, code: str | None = None) -> Mention:
    return Mention(text=name, label=label, normalized=name, start=0, end=len(name), code=code)


def money(value: float, currency: str) -> Figure:
    return Figure(kind="money", text=f"{value} {currency}", value=value, currency=currency, start=0, end=1)


def ids(backend: ElasticsearchBackend, **query: Any) -> set[str]:
    page = backend.search(Query(limit=100, facets=False, **query))
    return {hit.id for hit in page.hits}


# --- the analysis choice (no server needed) --------------------------------------------------------


def test_the_english_analyzer_is_used_where_the_server_has_it() -> None:
    assert choose_analysis(True) == "english"
    assert choose_analysis(False) == "stems"
    english = mappings("english")["properties"]
    assert english["body"]["analyzer"] == "english"
    assert "body_stems" not in english
    stems = mappings("stems")["properties"]
    assert stems["body"]["analyzer"] == "standard"
    assert stems["body_stems"]["analyzer"] == "whitespace"


def test_queries_target_the_fields_of_the_analysis_in_use() -> None:
    parsed = parse_query("agreements")
    english = str(QueryCompiler("english").text(parsed))
    stems = str(QueryCompiler("stems").text(parsed))
    assert "'agreements'" in english and "body_stems" not in english
    assert "'agreement'" in stems and "body_stems" in stems


# --- the real server ------------------------------------------------------------------------------


def test_this_server_has_no_english_analyzer_so_stems_are_used(
    elasticsearch_server: ElasticSession, elastic_backend: ElasticsearchBackend
) -> None:
    client = Elasticsearch(elasticsearch_server.url)
    try:
        has_english = _has_english(client)
    finally:
        client.close()
    elastic_backend.index([make_doc(1)])
    expected = "english" if has_english else "stems"
    meta = elastic_backend.client.indices.get_mapping(index=elastic_backend.alias)
    (mapping,) = meta.body.values()
    assert mapping["mappings"]["_meta"]["text_analysis"] == expected


def test_words_match_other_forms_of_the_same_word(elastic_backend: ElasticsearchBackend) -> None:
    signed = make_doc(1, title="Treaty", body="The ministers signed two agreements on Tuesday.")
    other = make_doc(2, body="Nothing relevant here.")
    elastic_backend.index([signed, other])
    assert ids(elastic_backend, text="agreement") == {signed.id}
    assert ids(elastic_backend, text="signing") == {signed.id}
    assert ids(elastic_backend, text='"signs two agreement"') == {signed.id}


def test_documents_with_all_words_come_first_then_those_with_most(
    elastic_backend: ElasticsearchBackend,
) -> None:
    all_three = make_doc(1, body="Serbia signs a migration agreement with the United Kingdom.")
    two = make_doc(2, body="A deal on migration with Serbia, and more " + "text " * 40)
    one = make_doc(3, body="Serbia wins the football match.")
    none = make_doc(4, body="Weather report for Tuesday.")
    elastic_backend.index([one, none, two, all_three])
    page = elastic_backend.search(Query(text="Serbia migration agreement", limit=10))
    assert [h.id for h in page.hits] == [all_three.id, two.id, one.id]
    assert page.total == 3


def test_phrases_or_exclusions_and_prefixes_are_exact(elastic_backend: ElasticsearchBackend) -> None:
    border = make_doc(1, body="New funding for border security was announced.")
    reversed_ = make_doc(2, body="Security at the border of the park is tight.")
    kosovo = make_doc(3, body="Talks with Kosovo resumed.")
    migrants = make_doc(4, body="Migrants crossed the Channel.")
    elastic_backend.index([border, reversed_, kosovo, migrants])
    assert ids(elastic_backend, text='"border security"') == {border.id}
    assert ids(elastic_backend, text="Kosovo OR Channel") == {kosovo.id, migrants.id}
    assert ids(elastic_backend, text="border -park") == {border.id}
    assert ids(elastic_backend, text='border -"border security"') == {reversed_.id}
    assert ids(elastic_backend, text="migr*") == {migrants.id}
    assert ids(elastic_backend, text="kos*") == {kosovo.id}


def test_snippets_are_escaped_html_with_marks(elastic_backend: ElasticsearchBackend) -> None:
    doc = make_doc(1, body="Ministers <script>alert(1)</script> agreed & signed the agreements today.")
    elastic_backend.index([doc])
    (hit,) = elastic_backend.search(Query(text="agreement")).hits
    assert "<mark>agreements</mark>" in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "<script>" not in hit.snippet
    assert "&amp;" in hit.snippet


def test_every_filter(elastic_backend: ElasticsearchBackend) -> None:
    uk_serbia_planned = Agreement(
        text="x", parties=("United Kingdom", "Serbia"), status="planned", start=0, end=1
    )
    france_signed = Agreement(text="y", parties=("France", "Germany"), status="signed", start=0, end=1)
    a = make_doc(
        "a",
        source="home-office",
        kind="press_release",
        published=datetime(2025, 3, 1, 23, 59, tzinfo=UTC),
        entities=[mention("United Kingdom", "GPE", "GB"), mention("Keir Starmer", "PERSON")],
        figures=[money(75_000_000, "GBP")],
        agreements=[uk_serbia_planned, france_signed],
        story_id="s1",
    )
    b = make_doc(
        "b",
        source="bbc",
        kind="news",
        published=datetime(2025, 3, 2, 8, 0),
        entities=[mention("Serbia", "GPE", "RS")],
        figures=[money(5_000_000, "EUR")],
        agreements=[Agreement(text="z", parties=("Serbia", "France"), status="signed", start=0, end=1)],
    )
    elastic_backend.index([a, b])
    assert ids(elastic_backend, sources=("bbc",)) == {b.id}
    assert ids(elastic_backend, kinds=("press_release",)) == {a.id}
    assert ids(elastic_backend, published_to=datetime(2025, 3, 1, 23, 59, tzinfo=UTC)) == {a.id}
    assert ids(elastic_backend, published_from=datetime(2025, 3, 2)) == {b.id}
    assert ids(elastic_backend, entities=("keir starmer",)) == {a.id}
    assert ids(elastic_backend, countries=("RS",)) == {b.id}
    assert ids(elastic_backend, figure_currency="GBP") == {a.id}
    assert ids(elastic_backend, figure_min=10_000_000) == {a.id}
    assert ids(elastic_backend, figure_max=10_000_000) == {b.id}
    assert ids(elastic_backend, figure_currency="EUR", figure_min=10_000_000) == set()
    assert ids(elastic_backend, agreement_parties=("Serbia",)) == {a.id, b.id}
    assert ids(elastic_backend, agreement_parties=("Serbia",), agreement_status=("signed",)) == {b.id}
    # party and status must hold on the SAME agreement: a's Serbia deal is planned, its signed one is not Serbia's
    assert ids(elastic_backend, agreement_parties=("United Kingdom",), agreement_status=("signed",)) == set()
    assert ids(elastic_backend, story_id="s1") == {a.id}
    assert ids(elastic_backend, ids=(b.id, "unknown")) == {b.id}


def test_facets(elastic_backend: ElasticsearchBackend) -> None:
    docs = [
        make_doc(
            1,
            source="bbc",
            published=datetime(2025, 3, 1, 10),
            entities=[
                mention("Serbia", "GPE", "RS"),
                mention("Keir Starmer", "PERSON"),
                mention("Serbia", "GPE", "RS"),
            ],
        ),
        make_doc(
            2,
            source="bbc",
            kind="news",
            published=datetime(2025, 3, 1, 12),
            entities=[mention("Home Office", "ORG"), mention("Serbia", "GPE", "RS")],
        ),
        make_doc(3, source="gov", published=datetime(2025, 3, 3), entities=[mention("2025", "DATE")]),
    ]
    elastic_backend.index(docs)
    facets = elastic_backend.search(Query()).facets

    def counts(name: str) -> dict[str, int]:
        return {f.value: f.count for f in facets[name]}

    assert counts("source") == {"bbc": 2, "gov": 1}
    assert counts("kind") == {"press_release": 2, "news": 1}
    assert counts("entity") == {"Serbia": 2, "Keir Starmer": 1, "Home Office": 1}
    assert counts("person") == {"Keir Starmer": 1}
    assert counts("organisation") == {"Home Office": 1}
    assert counts("country") == {"RS": 2}
    assert counts("day") == {"2025-03-01": 2, "2025-03-03": 1}
    assert facets["entity"][0].value == "Serbia"


def test_sort_by_date_and_empty_text_lists_newest_first(elastic_backend: ElasticsearchBackend) -> None:
    old = make_doc(1, body="budget budget budget budget", published=datetime(2024, 1, 1))
    new = make_doc(2, body="budget", published=datetime(2025, 1, 1))
    undated = make_doc(3, body="budget")
    elastic_backend.index([old, new, undated])
    assert [h.id for h in elastic_backend.search(Query(text="budget", sort="date")).hits] == [
        new.id,
        old.id,
        undated.id,
    ]
    assert [h.id for h in elastic_backend.search(Query()).hits] == [new.id, old.id, undated.id]
    assert elastic_backend.search(Query(text="budget")).hits[0].id == old.id


def test_cursor_pages_stay_stable_while_documents_are_added(elastic_backend: ElasticsearchBackend) -> None:
    elastic_backend.index(
        make_doc(i, body=f"report {i}", published=datetime(2025, 1, 1 + i)) for i in range(25)
    )
    first = elastic_backend.search(Query(text="report", limit=10))
    assert first.total == 25 and first.next_cursor
    elastic_backend.index(
        make_doc(100 + i, body="report report", published=datetime(2026, 1, 1)) for i in range(5)
    )
    seen = [h.id for h in first.hits]
    cursor = first.next_cursor
    while cursor:
        page = elastic_backend.search(Query(text="report", limit=10, cursor=cursor))
        assert page.total == 25
        seen.extend(h.id for h in page.hits)
        cursor = page.next_cursor
    assert len(seen) == 25 and len(set(seen)) == 25
    assert elastic_backend.search(Query(text="report", limit=100)).total == 30


def test_bad_cursor_and_semantic_mode_are_query_errors(elastic_backend: ElasticsearchBackend) -> None:
    elastic_backend.index([make_doc(1)])
    with pytest.raises(QueryError, match="cursor"):
        elastic_backend.search(Query(text="announcement", cursor="garbage"))
    with pytest.raises(QueryError, match="mode=semantic"):
        elastic_backend.search(Query(text="announcement", mode="semantic"))
    with pytest.raises(QueryError):
        elastic_backend.search(Query(text='"unbalanced'))


def test_get_count_upsert_delete_and_embedding(elastic_backend: ElasticsearchBackend) -> None:
    vector = tuple([1.0] + [0.0] * 383)
    doc = make_doc(1, body="first version", embedding=vector)
    first = elastic_backend.index([doc, make_doc(2)])
    assert (first.added, first.updated, first.failed) == (2, 0, {})
    again = elastic_backend.index([doc.model_copy(update={"body": "second version"})])
    assert (again.added, again.updated) == (0, 1)
    assert elastic_backend.count() == 2
    stored = elastic_backend.get(doc.id)
    assert stored is not None and stored.body == "second version" and stored.embedding == vector
    assert ids(elastic_backend, text="first") == set()
    assert elastic_backend.delete(doc.id) is True
    assert elastic_backend.delete(doc.id) is False
    assert elastic_backend.get(doc.id) is None
    assert elastic_backend.count() == 1
    assert elastic_backend.get("nope") is None


def test_credentials_in_the_url_never_reach_a_message(tmp_path: Any) -> None:
    backend = ElasticsearchBackend(
        url="http://elastic:s3cret@127.0.0.1:9", index="x", outbox_path=tmp_path / "o.sqlite3"
    )
    with pytest.raises(BackendUnavailableError) as caught:
        backend.count()
    assert "s3cret" not in str(caught.value) and "127.0.0.1:9" in str(caught.value)
    backend.outbox.close()


def test_matches_are_counted_up_to_the_limit_and_the_page_says_the_total_is_a_floor(
    elastic_backend: ElasticsearchBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting every match keeps Lucene from skipping what cannot reach the page; like SQLite, the count
    stops at TOTAL_LIMIT (10,000; 5 here, to need few documents) and `total_exact` says so."""
    monkeypatch.setattr("search.elastic.TOTAL_LIMIT", 5)
    elastic_backend.index([make_doc(n) for n in range(8)])
    page = elastic_backend.search(Query(text="routine announcement", limit=3))
    assert (page.total, page.total_exact) == (5, False)
    assert len(page.hits) == 3 and page.next_cursor is not None
    few = elastic_backend.search(Query(text='"number 1"', limit=3))
    assert (few.total, few.total_exact) == (1, True)
