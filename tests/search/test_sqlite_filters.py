"""The SQLite backend's filters (tokens of the full-text index plus exact checks) against their plain meaning.

Random documents and random filters; what the index returns must be exactly what each filter says, read
off the documents in Python. Then newest-first pages in every way the reader can make them (all matches
ordered, or the date index walked in chunks), followed by cursor to the end.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import search.sqlite as sqlite_module
import search.sqlite_compile as compile_module
from presswatch.document import Agreement, Document, Figure, Mention
from search.base import Query
from search.sqlite import SQLiteBackend
from search.stored import country_code, utc_text

SOURCES = ("home-office", "fcdo", "dbt")
KINDS = ("press_release", "news", "speech")
PLACES = (("Kosovo", "XK"), ("Serbia", "RS"), ("France", "FR"), ("Albania", "AL"))
PEOPLE = ("Keir Starmer", "Yvette Cooper", "Émile Zola")
PARTIES = ("United Kingdom", "Kosovo", "Serbia", "North Macedonia")
STATUSES = ("planned", "signed", "in_force", "ended")
CURRENCIES = ("GBP", "EUR", "USD")
WORDS = ("border", "security", "funding", "agreement", "migration", "trade")
# Amounts on both sides of powers of ten, and the powers themselves.
AMOUNTS = (0.5, 1.0, 9.0, 10.0, 950.0, 1_000.0, 75_000_000.0, 10_000_000.0, 9_999_999.0, 2e15, 3e16)


def _moment(rng: random.Random) -> datetime | None:
    if rng.random() < 0.1:
        return None
    base = datetime(2025, 12, 31, 23, 30, tzinfo=UTC) + timedelta(hours=rng.randint(-24 * 400, 24 * 40))
    zone = timezone(timedelta(hours=rng.choice((0, 1, -5))))
    return base.astimezone(zone)


def _document(rng: random.Random, number: int) -> Document:
    body = " ".join(rng.choice(WORDS) for _ in range(12))
    mentions = [Mention(text=p, label="GPE", normalized=p, start=0, end=1) for p, _ in rng.sample(PLACES, 2)]
    mentions += [Mention(text=p, label="PERSON", normalized=p, start=0, end=1) for p in rng.sample(PEOPLE, 1)]
    figures = []
    for _ in range(rng.randint(0, 3)):
        value = rng.choice(AMOUNTS)
        high = rng.choice((None, value * 2, value))
        figures.append(
            Figure(
                kind="money",
                text="£",
                value=value,
                value_max=high,
                currency=rng.choice(CURRENCIES),
                start=0,
                end=1,
            )
        )
    agreements = [
        Agreement(
            text="deal", parties=tuple(rng.sample(PARTIES, 2)), status=rng.choice(STATUSES), start=0, end=1
        )
        for _ in range(rng.randint(0, 2))
    ]
    return Document.from_page(
        url=f"https://gov.example/news/{number}",
        source=rng.choice(SOURCES),
        kind=rng.choice(KINDS),
        title=f"Announcement {number}",
        body=body,
        published=_moment(rng),
        entities=tuple(mentions),
        figures=tuple(figures),
        agreements=tuple(agreements),
        story_id=rng.choice((None, "story-a", "story-b")),
    )


def _expected(doc: Document, query: Query) -> bool:
    """Each filter as the API documents it, read off the document."""
    folded = {m.normalized.casefold() for m in doc.entities}
    codes = {country_code(m.label, m.normalized, m.code) for m in doc.entities}
    published = utc_text(doc.published)
    money = [f for f in doc.figures if f.kind == "money" and f.currency]
    return (
        (not query.sources or doc.source in query.sources)
        and (not query.kinds or doc.kind in query.kinds)
        and (query.story_id is None or doc.story_id == query.story_id)
        and all(name.casefold() in folded for name in query.entities)
        and all(code in codes for code in query.countries)
        and (
            query.published_from is None
            or (published is not None and published >= (utc_text(query.published_from) or ""))
        )
        and (
            query.published_to is None
            or (published is not None and published <= (utc_text(query.published_to) or ""))
        )
        and (
            (query.figure_currency is None and query.figure_min is None and query.figure_max is None)
            or any(
                (query.figure_currency is None or f.currency == query.figure_currency)
                and (
                    query.figure_min is None
                    or (f.value_max if f.value_max is not None else f.value) >= query.figure_min
                )
                and (query.figure_max is None or f.value <= query.figure_max)
                for f in money
            )
        )
        and (
            (not query.agreement_parties and not query.agreement_status)
            or any(
                (not query.agreement_status or a.status in query.agreement_status)
                and {p.casefold() for p in query.agreement_parties} <= {p.casefold() for p in a.parties}
                for a in doc.agreements
            )
        )
        and (not query.ids or doc.id in query.ids)
    )


def _random_query(rng: random.Random, docs: list[Document]) -> Query:
    fields: dict[str, object] = {}
    for _ in range(rng.randint(1, 3)):
        pick = rng.randrange(9)
        if pick == 0:
            fields["sources"] = tuple(rng.sample(SOURCES, rng.randint(1, 2)))
        elif pick == 1:
            fields["kinds"] = tuple(rng.sample(KINDS, rng.randint(1, 2)))
        elif pick == 2:
            fields["entities"] = (rng.choice([*PEOPLE, "émile ZOLA", "keir starmer"]),)
        elif pick == 3:
            fields["countries"] = tuple(code for _, code in rng.sample(PLACES, rng.randint(1, 2)))
        elif pick == 4:
            moment = _moment(rng) or datetime(2025, 6, 1, tzinfo=UTC)
            if rng.random() < 0.5:  # the API sends whole days: midnight, or the last second of a day
                moment = moment.replace(hour=0, minute=0, second=0)
            fields[rng.choice(("published_from", "published_to"))] = moment
        elif pick == 5:
            fields["figure_currency"] = rng.choice(CURRENCIES)
        elif pick == 6:
            fields[rng.choice(("figure_min", "figure_max"))] = rng.choice(AMOUNTS)
        elif pick == 7:
            fields["agreement_parties"] = tuple(rng.sample(PARTIES, rng.randint(1, 2)))
            if rng.random() < 0.5:
                fields["agreement_status"] = tuple(rng.sample(STATUSES, rng.randint(1, 2)))
        else:
            fields["ids"] = tuple(d.id for d in rng.sample(docs, 5))
    low, high = fields.get("figure_min"), fields.get("figure_max")
    if isinstance(low, float) and isinstance(high, float) and low > high:
        fields["figure_min"], fields["figure_max"] = high, low
    start, end = fields.get("published_from"), fields.get("published_to")
    if isinstance(start, datetime) and isinstance(end, datetime) and start > end:
        fields["published_from"], fields["published_to"] = end, start
    return Query(limit=100, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SQLiteBackend, list[Document]]]:
    rng = random.Random(20261130)
    docs = [_document(rng, n) for n in range(90)]
    backend = SQLiteBackend(path=Path(tmp_path_factory.mktemp("filters")) / "index.sqlite3")
    backend.index(docs)
    yield backend, docs
    backend.close()


def test_every_filter_returns_exactly_what_it_says(indexed: tuple[SQLiteBackend, list[Document]]) -> None:
    backend, docs = indexed
    rng = random.Random(7)
    for _ in range(400):
        query = _random_query(rng, docs)
        for text in ("", "border"):
            asked = query.model_copy(update={"text": text})
            found = {hit.id for hit in backend.search(asked).hits}
            wanted = {d.id for d in docs if _expected(d, asked) and (not text or text in d.body)}
            assert found == wanted, asked


def _all_pages(backend: SQLiteBackend, query: Query) -> list[str]:
    ids: list[str] = []
    cursor = None
    for _ in range(200):
        page = backend.search(query.model_copy(update={"cursor": cursor}))
        ids.extend(hit.id for hit in page.hits)
        cursor = page.next_cursor
        if cursor is None:
            return ids
    raise AssertionError("the pages never ended")


@pytest.mark.parametrize("total_limit", [1000, 3], ids=["all-matches-ordered", "date-index-walked"])
def test_newest_first_pages_follow_the_dates_to_the_end(
    indexed: tuple[SQLiteBackend, list[Document]], monkeypatch: pytest.MonkeyPatch, total_limit: int
) -> None:
    backend, docs = indexed
    for module in (compile_module, sqlite_module):
        monkeypatch.setattr(module, "TOTAL_LIMIT", total_limit)
        monkeypatch.setattr(module, "RANK_WINDOW", 4)
    monkeypatch.setattr(sqlite_module, "DATE_CHUNK", 5)
    order = {d.id: n for n, d in enumerate(docs)}  # rowids follow the order of indexing
    for query in (
        Query(text="border", sort="date", limit=7),
        Query(text="border", sort="date", limit=7, sources=("fcdo", "dbt")),
        Query(countries=("XK",), limit=4),
        Query(limit=9),
    ):
        wanted = sorted(
            (d for d in docs if _expected(d, query) and (not query.text or query.text in d.body)),
            key=lambda d: (utc_text(d.published) or "", order[d.id]),
            reverse=True,
        )
        assert _all_pages(backend, query) == [d.id for d in wanted], query
