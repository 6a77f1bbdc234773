"""One contract for every search backend: what a user can ask, and what every backend must answer.

Parametrised by `backend`. To add a backend, add its name to BACKENDS and a branch to `open_backend`; where it
cannot do something, list it in CANNOT with the reason (the test then checks that it refuses with a
QueryError, never that it silently answers differently).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from presswatch.document import Agreement, Document, Figure, Mention
from presswatch.encoder import DOC_MAX_TOKENS, encode_query, shared_encoder
from search.base import FACET_FIELDS, FACET_SAMPLE, DocumentNotFoundError, Query, QueryError, SearchBackend

BACKENDS = ["sqlite", "elasticsearch"]
# What a backend cannot do, with the reason its QueryError must give.
# Both backends now do text, semantic and hybrid search and similar documents (tests at the end).
CANNOT: dict[str, dict[str, str]] = {"sqlite": {}, "elasticsearch": {}}


def open_backend(name: str, folder: Path) -> SearchBackend:
    if name == "sqlite":
        from search.sqlite import SQLiteBackend

        return SQLiteBackend(path=folder / "index.sqlite3")
    raise AssertionError(f"no such backend in the contract suite: {name}")


def place(name: str, code: str) -> Mention:
    return Mention(text=name, label="GPE", normalized=name, code=code, start=0, end=1)


def person(name: str) -> Mention:
    return Mention(text=name, label="PERSON", normalized=name, start=0, end=1)


def org(name: str) -> Mention:
    return Mention(text=name, label="ORG", normalized=name, start=0, end=1)


def money(value: float, currency: str, *, value_max: float | None = None) -> Figure:
    return Figure(kind="money", text="", value=value, value_max=value_max, currency=currency, start=0, end=1)


def agreement(status: str, *parties: str) -> Agreement:
    return Agreement(text="", parties=parties, status=status, start=0, end=1)  # type: ignore[arg-type]


def doc(slug: str, title: str, body: str, *, day: int, hour: int = 9, **fields: object) -> Document:
    return Document.from_page(
        url=f"https://gov.example/news/{slug}",
        title=title,
        body=body,
        published=datetime(2026, 6, day, hour, tzinfo=UTC),
        **{"source": "home-office", "kind": "news", **fields},
    )


SERBIA = doc(
    "serbia-returns",
    "UK and Serbia sign returns deal",
    "A deal on migrants with Serbia was signed in Belgrade by the Home Secretary Helen Marsh. It is worth"
    " £75 million over three years.",
    day=16,
    kind="press_release",
    entities=(
        place("United Kingdom", "GB"),
        place("Serbia", "RS"),
        person("Helen Marsh"),
        org("Home Office"),
    ),
    figures=(money(75e6, "GBP"),),
    agreements=(agreement("signed", "United Kingdom", "Serbia"),),
    story_id="story-balkans",
)
ALL_WORDS = doc(
    "migration-agreement",
    "Serbia migration agreement reached",
    "The migration agreement with Serbia covers border security and returns.",
    day=14,
    source="fcdo",
    entities=(place("Serbia", "RS"), place("United Kingdom", "GB")),
    figures=(money(5e6, "EUR", value_max=8e6),),
    agreements=(agreement("planned", "United Kingdom", "Serbia"), agreement("signed", "France", "Serbia")),
    story_id="story-balkans",
)
KOSOVO = doc(
    "kosovo-trade",
    "Trade mission to Kosovo",
    "Forty firms visited Pristina. Cooperation on trade and energy was discussed.",
    day=12,
    hour=10,
    source="dbt",
    kind="speech",
    entities=(place("Kosovo", "XK"), person("Anna Novak")),
    figures=(money(2e6, "GBP"),),
    agreements=(agreement("agreed", "United Kingdom", "Kosovo"),),
)
FLOODS = doc(
    "floods",
    "Flood defences",
    "£2.4 billion to protect homes from flooding. Migrants were not mentioned. Border checks unchanged.",
    day=2,
    entities=(org("Environment Agency"),),
    figures=(money(2.4e9, "GBP"),),
)
NORWAY = doc(
    "norway",
    "Frigate deal with Norway",
    "Norway will buy British frigates in a deal worth £10 billion. <script>alert('x')</script>",
    day=28,
    source="mod",
    entities=(place("Norway", "NO"), place("United Kingdom", "GB")),
    figures=(money(10e9, "GBP"),),
    agreements=(agreement("signed", "United Kingdom", "Norway"),),
)
CORPUS = [SERBIA, ALL_WORDS, KOSOVO, FLOODS, NORWAY]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchBackend]:
    if request.param == "elasticsearch":  # the session's real server (tests/elastic_server.py), a fresh alias
        elastic: SearchBackend = request.getfixturevalue("elastic_backend")
        elastic.index(CORPUS)
        yield elastic
        return
    opened = open_backend(request.param, tmp_path)
    opened.index(CORPUS)
    yield opened
    opened.close()


def ids(backend: SearchBackend, **query: object) -> list[str]:
    return [hit.id for hit in backend.search(Query(**query)).hits]  # type: ignore[arg-type]


# Words, phrases, OR, exclusions, prefixes.


def test_plain_words_are_optional_and_all_words_rank_first(backend: SearchBackend) -> None:
    found = ids(backend, text="Serbia migration agreement")
    assert found[0] == ALL_WORDS.id, "the document with every word comes first"
    assert SERBIA.id in found, "a deal on migrants with Serbia matches 'Serbia migration agreement'"
    assert FLOODS.id not in found, "'migrants' and 'migration' have different stems; no other word matches"


def test_stemming(backend: SearchBackend) -> None:
    assert ids(backend, text="frigate") == [NORWAY.id]
    assert set(ids(backend, text="visiting")) == {KOSOVO.id}


def test_phrase_is_exact(backend: SearchBackend) -> None:
    assert ids(backend, text='"border security"') == [ALL_WORDS.id]
    assert ids(backend, text='"security border"') == []


def test_or_and_exclusion_and_prefix(backend: SearchBackend) -> None:
    assert set(ids(backend, text="Pristina OR Belgrade")) == {KOSOVO.id, SERBIA.id}
    assert set(ids(backend, text="Serbia -returns")) == set()
    assert set(ids(backend, text="deal -Norway")) == {SERBIA.id}
    assert set(ids(backend, text="Prist*")) == {KOSOVO.id}
    assert set(ids(backend, text='"trade mission" OR frigates')) == {KOSOVO.id, NORWAY.id}


def test_a_hyphenated_word_is_its_words_and_a_quoted_one_a_phrase(backend: SearchBackend) -> None:
    assert ids(backend, text="border-security") == [ALL_WORDS.id, FLOODS.id], "both words first, then one"
    assert ids(backend, text='"border-security"') == [ALL_WORDS.id]
    assert set(ids(backend, text="deal -border-security")) == {SERBIA.id, NORWAY.id}


def test_phrase_required_words_optional(backend: SearchBackend) -> None:
    found = ids(backend, text='"returns deal" Belgrade Pristina')
    assert found == [SERBIA.id], "the phrase is required; the plain words only rank"


def test_highlights_are_escaped_marks(backend: SearchBackend) -> None:
    [hit] = backend.search(Query(text="alert")).hits
    assert "<mark>alert</mark>" in hit.snippet and "<script>" not in hit.snippet


# Filters.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sources": ("fcdo", "dbt")}, {ALL_WORDS.id, KOSOVO.id}),
        ({"kinds": ("speech",)}, {KOSOVO.id}),
        (
            {"published_from": datetime(2026, 6, 12, 10, tzinfo=UTC)},
            {SERBIA.id, ALL_WORDS.id, KOSOVO.id, NORWAY.id},
        ),
        ({"published_to": datetime(2026, 6, 12, 9, 59, tzinfo=UTC)}, {FLOODS.id}),
        ({"entities": ("helen marsh",)}, {SERBIA.id}),
        ({"entities": ("Serbia", "United Kingdom")}, {SERBIA.id, ALL_WORDS.id}),
        ({"countries": ("RS",)}, {SERBIA.id, ALL_WORDS.id}),
        ({"countries": ("GB", "NO")}, {NORWAY.id}),
        ({"figure_currency": "EUR"}, {ALL_WORDS.id}),
        ({"figure_currency": "GBP", "figure_min": 1e9}, {FLOODS.id, NORWAY.id}),
        ({"figure_currency": "GBP", "figure_max": 5e6}, {KOSOVO.id}),
        ({"figure_min": 7e6, "figure_max": 7.5e6}, {ALL_WORDS.id}),
        ({"agreement_parties": ("Serbia",)}, {SERBIA.id, ALL_WORDS.id}),
        ({"agreement_parties": ("United Kingdom", "Serbia"), "agreement_status": ("signed",)}, {SERBIA.id}),
        ({"agreement_parties": ("France",), "agreement_status": ("planned",)}, set()),
        ({"agreement_status": ("signed",)}, {SERBIA.id, ALL_WORDS.id, NORWAY.id}),
        ({"agreement_status": ("agreed",)}, {KOSOVO.id}),
        ({"agreement_parties": ("Kosovo",), "agreement_status": ("agreed", "signed")}, {KOSOVO.id}),
        ({"agreement_parties": ("Kosovo",), "agreement_status": ("signed",)}, set()),
        ({"story_id": "story-balkans"}, {SERBIA.id, ALL_WORDS.id}),
        ({"ids": (KOSOVO.id, FLOODS.id, "unknown")}, {KOSOVO.id, FLOODS.id}),
        ({"text": "deal", "countries": ("NO",)}, {NORWAY.id}),
    ],
)
def test_filters(backend: SearchBackend, query: dict[str, object], expected: set[str]) -> None:
    page = backend.search(Query(**query))  # type: ignore[arg-type]
    assert {hit.id for hit in page.hits} == expected
    assert page.total == len(expected)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ({"figure_min": 10.0, "figure_max": 1.0}, "min_amount is more than max_amount"),
        (
            {
                "published_from": datetime(2026, 6, 2, tzinfo=UTC),
                "published_to": datetime(2026, 6, 1, tzinfo=UTC),
            },
            "'from' is after 'to'",
        ),
        ({"figure_currency": "POUNDS"}, "not an ISO 4217 code"),
        ({"countries": ("Serbia",)}, "not an ISO 3166-1 alpha-2 code"),
    ],
)
def test_impossible_queries_say_why(backend: SearchBackend, query: dict[str, object], reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        backend.search(Query(**query))  # type: ignore[arg-type]


def test_what_a_backend_cannot_do_it_refuses_with_the_reason(
    backend: SearchBackend, request: pytest.FixtureRequest
) -> None:
    name = request.node.callspec.params["backend"]
    for mode, reason in CANNOT.get(name, {}).items():
        with pytest.raises(QueryError, match=reason):
            backend.search(Query(text="Serbia", mode=mode))  # type: ignore[arg-type]


# Facets, sorting, pages.


def test_facets(backend: SearchBackend) -> None:
    facets = backend.search(Query(text="deal OR agreement OR trade OR flooding")).facets
    assert set(FACET_FIELDS) <= set(facets)
    counts = {name: {f.value: f.count for f in values} for name, values in facets.items()}
    assert counts["source"] == {"home-office": 2, "fcdo": 1, "dbt": 1, "mod": 1}
    assert counts["kind"] == {"news": 3, "press_release": 1, "speech": 1}
    assert counts["country"]["GB"] == 3 and counts["country"]["RS"] == 2 and counts["country"]["XK"] == 1
    assert counts["entity"]["Serbia"] == 2 and counts["entity"]["Helen Marsh"] == 1
    assert counts["person"] == {"Helen Marsh": 1, "Anna Novak": 1}
    assert counts["organisation"] == {"Environment Agency": 1, "Home Office": 1}
    assert counts["day"] == {
        "2026-06-28": 1,
        "2026-06-16": 1,
        "2026-06-14": 1,
        "2026-06-12": 1,
        "2026-06-02": 1,
    }
    filtered = backend.search(Query(countries=("RS",))).facets
    assert {f.value: f.count for f in filtered["source"]} == {"home-office": 1, "fcdo": 1}


def test_facets_count_the_newest_indexed_matches_when_there_are_more(backend: SearchBackend) -> None:
    """Past FACET_SAMPLE matches, facets count the newest indexed FACET_SAMPLE of them and say so; a page of
    a common word then costs no more than a rare one's (on Elasticsearch too: bench/elastic_search.py)."""
    older = [
        doc(f"older-{n}", f"Port report {n}", "The port report.", day=1, source="dft") for n in range(40)
    ]
    newer = [
        doc(f"newer-{n}", f"Port notice {n}", "The port notice.", day=2, source="mhclg")
        for n in range(FACET_SAMPLE)
    ]
    backend.index(older)
    time.sleep(0.01)  # the newer documents are indexed strictly later, to the millisecond
    backend.index(newer)
    page = backend.search(Query(text="port"))
    assert page.total == FACET_SAMPLE + len(older)
    assert page.facets_sampled == FACET_SAMPLE
    assert {f.value: f.count for f in page.facets["source"]} == {"mhclg": FACET_SAMPLE}
    assert {f.value: f.count for f in page.facets["day"]} == {"2026-06-02": FACET_SAMPLE}
    few = backend.search(Query(text="report"))  # 40 matches: every one counted
    assert few.facets_sampled is None
    assert {f.value: f.count for f in few.facets["source"]} == {"dft": 40}


def test_sort_by_date(backend: SearchBackend) -> None:
    assert ids(backend, text="deal OR agreement", sort="date") == [NORWAY.id, SERBIA.id, ALL_WORDS.id]
    assert ids(backend) == [NORWAY.id, SERBIA.id, ALL_WORDS.id, KOSOVO.id, FLOODS.id], "no text: newest first"


def more(number: int, *, day: int) -> Document:
    return doc(f"more-{number}", f"Serbia update {number}", "More on Serbia and the deal.", day=day)


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_cursor_pages_stay_stable_while_documents_are_added(backend: SearchBackend, sort: str) -> None:
    backend.index([more(n, day=1 + n % 27) for n in range(12)])
    expected = {h.id for h in backend.search(Query(text="Serbia", limit=100)).hits}
    seen: list[str] = []
    cursor = None
    for round_ in range(20):
        page = backend.search(Query(text="Serbia", sort=sort, limit=3, cursor=cursor))  # type: ignore[arg-type]
        seen += [h.id for h in page.hits]
        backend.index([more(100 + round_, day=27 - round_ % 20)])  # a newer and better match arrives
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)), "no document twice"
    assert set(seen) == expected, "every document that existed at the first page, once"


def test_a_foreign_cursor_is_a_query_error(backend: SearchBackend) -> None:
    with pytest.raises(QueryError, match="invalid cursor"):
        backend.search(Query(cursor="bm90LW91cnM"))


# get, count, upsert, delete.


def test_get_count_upsert_delete(backend: SearchBackend) -> None:
    assert backend.get(SERBIA.id) == SERBIA
    assert backend.get("missing") is None
    assert backend.count() == len(CORPUS)
    changed = FLOODS.model_copy(update={"body": "Now about drought.", "figures": ()})
    report = backend.index([changed])
    assert (report.added, report.updated) == (0, 1)
    assert backend.count() == len(CORPUS)
    assert ids(backend, text="drought") == [FLOODS.id]
    assert ids(backend, text="protect") == [], "the old text is gone"
    assert FLOODS.id not in ids(backend, figure_min=1e9, figure_currency="GBP")
    assert backend.delete(NORWAY.id) is True
    assert backend.delete(NORWAY.id) is False
    assert backend.get(NORWAY.id) is None and backend.count() == len(CORPUS) - 1
    assert ids(backend, text="frigates") == [] and ids(backend, countries=("NO",)) == []
    facets = backend.search(Query()).facets
    assert "mod" not in {f.value for f in facets["source"]}


def test_documents_per_source_counts_as_the_source_filter_does(backend: SearchBackend) -> None:
    names = [*sorted({d.source for d in CORPUS}), "nobody"]
    expected = {name: backend.search(Query(sources=(name,), limit=1, facets=False)).total for name in names}
    assert expected["nobody"] == 0 and sum(expected.values()) == len(CORPUS) and max(expected.values()) > 1
    assert backend.documents_per_source(names, timeout=5.0) == expected
    assert backend.documents_per_source([], timeout=5.0) == {}


def test_withdrawn_documents_are_kept_flagged_and_filterable(backend: SearchBackend) -> None:
    gone = KOSOVO.model_copy(update={"withdrawn": True})
    backend.index([gone])
    assert backend.get(KOSOVO.id) == gone, "kept, with its mark"
    every = {hit.id: hit.withdrawn for hit in backend.search(Query(text="Kosovo")).hits}
    assert every[KOSOVO.id] is True and not any(v for k, v in every.items() if k != KOSOVO.id)
    assert ids(backend, text="Kosovo", withdrawn=True) == [KOSOVO.id]
    assert KOSOVO.id not in ids(backend, text="Kosovo", withdrawn=False)
    assert set(ids(backend, withdrawn=False)) == {d.id for d in CORPUS} - {KOSOVO.id}, (
        "no text: filters alone"
    )
    assert ids(backend, withdrawn=True, sort="date") == [KOSOVO.id]
    backend.index([KOSOVO])  # back on its site
    assert ids(backend, withdrawn=True) == [] and KOSOVO.id in ids(backend, text="Kosovo", withdrawn=False)


# Similar documents, semantic and hybrid search: real MiniLM embeddings of the corpus (search/vectors.py).


@pytest.fixture(scope="session")
def embedded_corpus() -> list[Document]:
    vectors = shared_encoder().encode([f"{d.title}. {d.body}" for d in CORPUS], max_tokens=DOC_MAX_TOKENS)
    return [
        d.model_copy(update={"embedding": tuple(float(x) for x in v)})
        for d, v in zip(CORPUS, vectors, strict=True)
    ]


@pytest.fixture
def embedded(backend: SearchBackend, embedded_corpus: list[Document]) -> SearchBackend:
    """The backend with every corpus document re-indexed (upserted) with its embedding, but FLOODS without."""
    backend.index([d for d in embedded_corpus if d.id != FLOODS.id])
    return backend


def semantic(backend: SearchBackend, text: str, *, mode: str = "semantic", **query: object) -> list[str]:
    found = backend.search(Query(text=text, mode=mode, vector=encode_query(text), **query))  # type: ignore[arg-type]
    return [hit.id for hit in found.hits]


def test_similar_documents_are_nearest_by_meaning(embedded: SearchBackend) -> None:
    hits = embedded.similar(SERBIA.id, limit=3)
    assert hits[0].id == ALL_WORDS.id, "the other Serbia migration agreement is the nearest"
    assert SERBIA.id not in [h.id for h in hits] and FLOODS.id not in [h.id for h in hits]
    assert len(hits) == 3
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and all(-1.0 <= s <= 1.0 for s in scores)
    assert [h.id for h in embedded.similar(SERBIA.id, limit=1)] == [ALL_WORDS.id]
    filtered = embedded.similar(SERBIA.id, limit=5, filters=Query(sources=("dbt", "mod")))
    assert {h.id for h in filtered} == {KOSOVO.id, NORWAY.id}


def test_similar_documents_refuse_unknown_ids_and_documents_without_embedding(
    embedded: SearchBackend,
) -> None:
    with pytest.raises(DocumentNotFoundError):
        embedded.similar("no-such-document", limit=3)
    with pytest.raises(QueryError, match="has no embedding"):
        embedded.similar(FLOODS.id, limit=3)
    with pytest.raises(QueryError, match="limit"):
        embedded.similar(SERBIA.id, limit=0)


def test_similar_documents_follow_upserts_and_deletes(
    embedded: SearchBackend, embedded_corpus: list[Document]
) -> None:
    assert embedded.delete(ALL_WORDS.id) is True
    assert ALL_WORDS.id not in [h.id for h in embedded.similar(SERBIA.id, limit=4)]
    norway = next(d for d in embedded_corpus if d.id == NORWAY.id)
    serbia = next(d for d in embedded_corpus if d.id == SERBIA.id)
    embedded.index([norway.model_copy(update={"embedding": serbia.embedding})])  # now Norway reads as Serbia
    nearest = embedded.similar(SERBIA.id, limit=1)[0]
    assert nearest.id == NORWAY.id and nearest.score == pytest.approx(1.0, abs=2e-3)
    embedded.index([norway.model_copy(update={"embedding": None})])
    assert NORWAY.id not in [h.id for h in embedded.similar(SERBIA.id, limit=4)]


def test_semantic_search_finds_meaning_without_the_words(embedded: SearchBackend) -> None:
    assert ids(embedded, text="navy warships sale") == [], "no word matches"
    found = semantic(embedded, "navy warships sale")
    assert found[0] == NORWAY.id
    assert FLOODS.id not in found, "a document without an embedding is not ranked"
    in_order = [i for i in found if i in {KOSOVO.id, ALL_WORDS.id}]
    assert semantic(embedded, "navy warships sale", sources=("dbt", "fcdo")) == in_order, "filters hold"
    page = embedded.search(Query(text="navy warships", mode="semantic", vector=encode_query("navy warships")))
    assert page.total == 4 and page.total_exact and page.hits[0].score <= 1.0
    assert {f.value for f in page.facets["source"]} == {"home-office", "fcdo", "dbt", "mod"}


def test_semantic_pages_follow_the_cursor(embedded: SearchBackend) -> None:
    text = "border agreements with Balkan countries"
    everything = semantic(embedded, text, limit=10)
    first = embedded.search(Query(text=text, mode="semantic", vector=encode_query(text), limit=2))
    assert [h.id for h in first.hits] == everything[:2] and first.next_cursor
    second = embedded.search(
        Query(text=text, mode="semantic", vector=encode_query(text), limit=2, cursor=first.next_cursor)
    )
    assert [h.id for h in second.hits] == everything[2:4]


def test_hybrid_search_fuses_words_and_meaning(embedded: SearchBackend) -> None:
    found = semantic(embedded, "Serbia returns", mode="hybrid")
    assert found[0] == SERBIA.id, "first in both rankings"
    assert set(found) == {SERBIA.id, ALL_WORDS.id, KOSOVO.id, NORWAY.id}, (
        "the nearest count without the words"
    )
    assert FLOODS.id in semantic(embedded, "flood defences", mode="hybrid"), (
        "no embedding: found by its words"
    )
    excluded = semantic(embedded, "Serbia returns -Belgrade", mode="hybrid")
    assert SERBIA.id not in excluded and ALL_WORDS.id in excluded, "an exclusion holds in both rankings"
    assert semantic(embedded, "Serbia returns", mode="hybrid", kinds=("speech",)) == [KOSOVO.id]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ({"text": "Serbia", "mode": "semantic"}, "needs the query's embedding"),
        ({"text": "", "mode": "hybrid", "vector": (0.1,) * 384}, "needs words"),
        ({"text": "Serbia", "mode": "semantic", "vector": (0.1,) * 3}, "3 dimensions"),
        ({"text": "Serbia", "mode": "semantic", "vector": (0.1,) * 384, "sort": "date"}, "ordered by score"),
    ],
)
def test_semantic_queries_that_cannot_run_say_why(
    embedded: SearchBackend, query: dict[str, object], reason: str
) -> None:
    with pytest.raises(QueryError, match=reason):
        embedded.search(Query(**query))  # type: ignore[arg-type]


def test_semantic_search_without_any_embedding_says_why(backend: SearchBackend) -> None:
    with pytest.raises(QueryError, match="no document in the index has one"):
        semantic(backend, "Serbia")
