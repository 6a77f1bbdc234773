"""`search_as_filed`: a filter's acronym finds what the index files under the full name, and a search whose
names are filed as given costs one query (it used to cost one or two more per name, on every filtered search)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from presswatch.document import Agreement, Document, Mention
from search.base import Page, Query
from search.sqlite import SQLiteBackend
from search.stored_names import READ_AT_MOST, search_as_filed

FULL = "Japan International Cooperation Agency"
TEXT = f"The {FULL} (JICA) signed a grant agreement with Malawi. JICA will fund a water system."


class CountingBackend(SQLiteBackend):
    """The real SQLite backend, counting the searches it is asked for."""

    searches = 0

    def search(self, query: Query) -> Page:
        self.searches += 1
        return super().search(query)


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[CountingBackend]:
    store = CountingBackend(path=tmp_path / "index.sqlite3")
    document = Document.from_page(
        url="https://example.org/jica", source="test", title="JICA grant", body=TEXT
    )
    mentions = [
        Mention(text=FULL, label="ORG", normalized=FULL, start=4, end=4 + len(FULL)),
        Mention(text="JICA", label="ORG", normalized=FULL, start=TEXT.index("JICA)"), end=TEXT.index(")")),
        Mention(text="Malawi", label="GPE", normalized="Malawi", start=TEXT.index("Malawi"), end=0),
    ]
    agreement = Agreement(text=TEXT, parties=(FULL, "Malawi"), status="signed", start=0, end=len(TEXT))
    store.index([document.model_copy(update={"entities": tuple(mentions), "agreements": (agreement,)})])
    store.searches = 0
    yield store
    store.close()


@pytest.mark.parametrize(
    "query",
    [
        Query(agreement_parties=("Malawi",)),
        Query(entities=("Malawi", FULL)),
        Query(agreement_parties=(FULL,)),
    ],
)
def test_names_filed_as_given_cost_one_search(backend: CountingBackend, query: Query) -> None:
    assert len(search_as_filed(backend, query).hits) == 1
    assert backend.searches == 1


@pytest.mark.parametrize("name", ["JICA", "jica", "the JICA"])
def test_an_acronym_finds_what_is_filed_under_its_full_name(backend: CountingBackend, name: str) -> None:
    assert len(search_as_filed(backend, Query(agreement_parties=(name,))).hits) == 1
    assert len(search_as_filed(backend, Query(entities=(name, "Malawi"))).hits) == 1


def test_a_name_nothing_is_filed_under_finds_nothing(backend: CountingBackend) -> None:
    assert search_as_filed(backend, Query(agreement_parties=("UNICEF",))).hits == []
    assert search_as_filed(backend, Query(agreement_parties=("Malawi",), text="pipeline")).hits == []


def test_a_query_of_many_words_reads_only_the_first_few_names(backend: CountingBackend) -> None:
    """Each name read is a few searches and document reads inside the search limiter: a crafted query of
    20 common words reads at most READ_AT_MOST of them, and still finds nothing rather than failing."""
    words = ("said", "will", "also", "that", "from", "with", "have", "been", "were", "into") * 2
    assert search_as_filed(backend, Query(entities=words)).hits == []
    assert backend.searches <= 1 + READ_AT_MOST * 3 + 1
