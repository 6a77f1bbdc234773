"""The query index never drops a true match: `CandidateMatcher` against running every search, on both backends.

Many generated saved searches (words in several inflections, phrases taken from the documents, OR, exclusions,
prefixes, and every filter, in the case and spelling variants people type) meet generated documents; both
matchers run on the same index and must find exactly the same (search, document, reasons).
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.matcher import BruteForceMatcher, CandidateMatcher, Match, restricted
from alerts.model import SavedSearch, SavedSearchSpec
from alerts.prefilter import document_keys
from presswatch.document import Agreement, Document, Figure, Mention
from search.base import Query, SearchBackend

# Inflections that stem alike in one stemmer and not in another (Porter: dying → dy; Porter2: dying → die).
WORD_GROUPS = (
    ("migrant", "migrants", "migration", "migrate", "Migrating"),
    ("flood", "floods", "flooding", "Flooded"),
    ("die", "dies", "dying", "died"),
    ("lie", "lying", "lies"),
    ("agreement", "agreements", "agreed", "AGREE"),
    ("café", "cafe", "Cafés"),
    ("cross-border", "border", "borders"),
    ("co-operation", "cooperation", "operation"),
    ("trade", "trading", "trader"),
    ("security", "secure", "securing"),
    ("university", "universities"),
    ("sky", "skies"),
    ("news", "new"),
    ("generous", "generously", "generosity"),
    ("ugly", "early", "only"),
    ("Starmer's", "Starmer"),
    ("2026", "£5m", "5m"),
)
WORDS = [w for group in WORD_GROUPS for w in group]
# (normalized name, label, code): codes given, missing (the gazetteer knows France), and in lower case.
ENTITIES = (
    ("United Kingdom", "GPE", "GB"),
    ("Kosovo", "GPE", "XK"),
    ("France", "GPE", None),
    ("Albania", "GPE", "al"),
    ("Home Office", "ORG", None),
    ("home office", "ORG", None),
    ("Société Générale", "ORG", None),
    ("Yvette Cooper", "PERSON", None),
    ("Île-de-France", "LOC", None),
    ("June 2026", "DATE", None),
)
QUERY_ENTITIES = (
    "United Kingdom",
    "HOME OFFICE",
    "Home Office",
    "societe generale",
    "Société Générale",
    "France",
    "June 2026",
    "Yvette Cooper",
)
PARTIES = ("United Kingdom", "Kosovo", "France", "kosovo", "Albania")
QUERY_PARTIES = ("United Kingdom", "Kosovo", "KOSOVO", "France", "Albania")
STATUSES = ("planned", "in_negotiation", "signed", "in_force", "ended")
CURRENCIES = ("GBP", "EUR", "gbp", None)
SOURCES = ("home-office", "fcdo", "bbc")
KINDS = ("press_release", "news", "speech", "statement")
STORIES = (None, "story-a", "story-b")
DAY = datetime(2026, 6, 1, tzinfo=UTC)


def documents(rng: random.Random, count: int) -> list[Document]:
    out = []
    for n in range(count):
        picked = rng.sample(ENTITIES, rng.randint(0, 3))
        names = [name for name, _, _ in picked]
        body = " ".join(rng.choices(WORDS + names, k=rng.randint(6, 18)))
        figures = []
        for _ in range(rng.randint(0, 2)):
            value = float(rng.choice((1e5, 5e6, 2e7, 9e7)))
            figures.append(
                Figure(
                    kind=rng.choice(("money", "money", "count")),
                    text=f"{value:g}",
                    value=value,
                    value_max=value * 2 if rng.random() < 0.3 else None,
                    currency=rng.choice(CURRENCIES),
                    start=0,
                    end=1,
                )
            )
        agreements = [
            Agreement(
                text="An agreement.",
                parties=tuple(rng.sample(PARTIES, rng.randint(1, 2))),
                status=rng.choice(STATUSES),  # type: ignore[arg-type]
                start=0,
                end=1,
            )
            for _ in range(rng.randint(0, 2))
        ]
        out.append(
            Document.from_page(
                url=f"https://gov.example/prefilter/{n}",
                source=rng.choice(SOURCES),
                kind=rng.choice(KINDS),
                title=" ".join(rng.choices(WORDS, k=rng.randint(2, 5))),
                body=body,
                published=DAY + timedelta(days=rng.randint(0, 20)),
                story_id=rng.choice(STORIES),
                entities=tuple(
                    Mention(text=name, label=label, normalized=name, code=code, start=0, end=1)  # type: ignore[arg-type]
                    for name, label, code in picked
                ),
                figures=tuple(figures),
                agreements=tuple(agreements),
            )
        )
    return out


def text(rng: random.Random, docs: list[Document]) -> str:
    """Words, a phrase from a document, an OR group, a prefix, and sometimes an exclusion."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(WORDS))
        elif roll < 0.55:
            words = rng.choice(docs).body.split()
            at = rng.randrange(len(words) - 1)
            parts.append('"' + " ".join(words[at : at + 2]).replace('"', "") + '"')
        elif roll < 0.75:
            parts.append(f"{rng.choice(WORDS)} OR {rng.choice(WORDS)}")
        elif roll < 0.85:
            parts.append(rng.choice(WORDS)[:3].lower() + "*")
        else:
            parts.append(f'{rng.choice(WORDS)} OR "{rng.choice(WORDS)} {rng.choice(WORDS)}"')
    if rng.random() < 0.25:
        parts.append("-" + rng.choice(WORDS))
    return " ".join(parts)


def query(rng: random.Random, docs: list[Document]) -> Query:
    fields: dict[str, object] = {}
    chance = 0.3
    if rng.random() < 0.7:
        fields["text"] = text(rng, docs)
    if rng.random() < chance:
        fields["sources"] = tuple(rng.sample(SOURCES, rng.randint(1, 2)))
    if rng.random() < chance:
        fields["kinds"] = tuple(rng.sample(KINDS, rng.randint(1, 2)))
    if rng.random() < chance:
        fields["entities"] = (rng.choice(QUERY_ENTITIES),)
    if rng.random() < chance:
        fields["countries"] = (rng.choice(("GB", "XK", "FR", "AL", "gb")),)
    if rng.random() < chance / 2:
        fields["published_from"] = DAY + timedelta(days=rng.randint(0, 10))
    if rng.random() < chance / 2:
        fields["published_to"] = DAY + timedelta(days=rng.randint(10, 20))
    if rng.random() < chance:
        fields["figure_currency"] = rng.choice(("GBP", "EUR", "gbp"))
    if rng.random() < chance:
        fields["figure_min"] = rng.choice((1e6, 1e7))
    if rng.random() < chance / 2:
        fields["figure_max"] = rng.choice((1e7, 1e8))
    if rng.random() < chance:
        fields["agreement_parties"] = tuple(rng.sample(QUERY_PARTIES, rng.randint(1, 2)))
    if rng.random() < chance / 2:
        fields["agreement_status"] = tuple(rng.sample(STATUSES, rng.randint(1, 2)))
    if rng.random() < chance / 2:
        fields["story_id"] = rng.choice(("story-a", "story-b"))
    if rng.random() < 0.05:
        fields["ids"] = tuple(d.id for d in rng.sample(docs, 3))
    if not fields:
        fields["sources"] = (rng.choice(SOURCES),)
    if "figure_min" in fields and "figure_max" in fields and fields["figure_min"] > fields["figure_max"]:  # type: ignore[operator]
        del fields["figure_max"]
    return Query.model_validate(fields)


def spec(rng: random.Random, docs: list[Document]) -> SavedSearchSpec:
    roll = rng.random()
    if roll < 0.6:
        return SavedSearchSpec(query=query(rng, docs))
    if roll < 0.7:
        return SavedSearchSpec(
            kind="agreement",
            party=rng.choice(QUERY_PARTIES),
            statuses=tuple(rng.sample(STATUSES, rng.randint(0, 2))),
        )  # type: ignore[arg-type]
    if roll < 0.8:
        return SavedSearchSpec(
            kind="figure",
            entity=rng.choice((None, *QUERY_ENTITIES)),
            currency=rng.choice(("GBP", "eur", None)),
            min_amount=rng.choice((1e6, 1e7)),
        )
    if roll < 0.9:
        return SavedSearchSpec(kind="mention", entity=rng.choice(QUERY_ENTITIES))
    return SavedSearchSpec(kind="story", story_id=rng.choice(("story-a", "story-b")))


def saved(rng: random.Random, docs: list[Document], count: int) -> list[SavedSearch]:
    created = datetime(2026, 6, 1, tzinfo=UTC)
    return [
        SavedSearch(id=f"s{n}", owner="o", spec=spec(rng, docs), paused=False, created=created, secret="-")
        for n in range(count)
    ]


def found(matches: list[Match]) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(m.search.id, m.hit.id, m.reasons) for m in matches}


@pytest.mark.parametrize(("documents_count", "searches_count"), [(48, 400)])
def test_the_query_index_finds_every_match_the_searches_find_on_sqlite(
    tmp_path: Path, documents_count: int, searches_count: int
) -> None:
    from search.sqlite import SQLiteBackend

    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    try:
        compare(backend, seed=10, documents_count=documents_count, searches_count=searches_count)
    finally:
        backend.close()


def test_the_query_index_finds_every_match_the_searches_find_on_elasticsearch(
    elastic_backend: SearchBackend,
) -> None:
    compare(elastic_backend, seed=11, documents_count=32, searches_count=50)
    # The combined search (named clauses) and its fallback (_msearch) answer as one search per query.
    from search.elastic import ElasticsearchBackend
    from search.elastic_match import search_many

    assert isinstance(elastic_backend, ElasticsearchBackend)
    rng = random.Random(12)
    docs = list(elastic_backend.documents())
    queries = [
        q
        for s in saved(rng, docs, 20)
        for q in restricted(s.spec.effective_query(), [d.id for d in rng.sample(docs, 24)])
    ]
    one_each = [ids_of(elastic_backend.search(q).hits) for q in queries]
    assert sum(map(len, one_each)) > 10, "enough hits to compare"
    assert [ids_of(r) for r in search_many(elastic_backend, queries)] == one_each
    assert [ids_of(r) for r in search_many(elastic_backend, queries, combined=False)] == one_each


def ids_of(hits: object) -> set[str]:
    assert isinstance(hits, list), hits
    return {h.id for h in hits}


def compare(backend: SearchBackend, *, seed: int, documents_count: int, searches_count: int) -> None:
    rng = random.Random(seed)
    docs = documents(rng, documents_count)
    searches = saved(rng, docs, searches_count)
    assert not backend.index(docs).failed
    brute = BruteForceMatcher(backend=backend)
    started = time.perf_counter()
    expected = found(brute.match(brute.prepare(searches), docs))  # one run over every id
    brute_seconds = time.perf_counter() - started
    candidates = CandidateMatcher(backend=backend)
    prepared = candidates.prepare(searches)
    assert prepared.terms is not None, "this backend's text terms are reproduced: text searches are keyed"
    got: set[tuple[str, str, tuple[str, ...]]] = set()
    considered = 0
    for start in range(0, len(docs), 16):
        batch = docs[start : start + 16]
        assert prepared.index is not None
        considered += len(prepared.index.candidates(document_keys(batch, terms=prepared.terms)))
        got |= found(candidates.match(prepared, batch))
    print(
        f"brute force {brute_seconds:.2f} s, query index {time.perf_counter() - started - brute_seconds:.2f} s"
    )
    assert len(expected) > searches_count // 4, "the generated searches match often enough to mean something"
    assert got == expected, f"missed {sorted(expected - got)[:5]}, extra {sorted(got - expected)[:5]}"
    batches = -(-len(docs) // 16)
    assert considered < 0.8 * searches_count * batches, "the query index skips searches that cannot match"
