"""Anything a person can type gives a result or a `QueryError`, never a crash or 'index unavailable'."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presswatch.document import Document
from search.base import Page, Query, QueryError
from search.parsed import ParsedQuery, parse_query
from search.sqlite import SQLiteBackend

SYNTAX = ['"', "-", "*", "(", ")", ":", "^", "+", "'", "NEAR", "OR", "AND", "NOT", "{", "}", ",", ".", "\\"]
WORDS = ["Kosovo", "Serbia", "agreement", "migra", "x", "é", "ﬁnance", "北京", "مرحبا", "🇬🇧", "ß"]
query_texts = st.lists(
    st.one_of(
        st.sampled_from(SYNTAX),
        st.sampled_from(WORDS),
        st.sampled_from([" ", " ", "\t", "\n"]),
        st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Po", "Sm", "So", "Mn", "Lo"]),
        st.text(max_size=4),
    ),
    max_size=16,
).map("".join)
BOUNDED = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteBackend]:
    backend = SQLiteBackend(path=tmp_path_factory.mktemp("fuzz") / "index.sqlite3")
    backend.index(
        [
            Document.from_page(
                url="https://gov.example/news/balkans",
                source="home-office",
                title="UK to sign agreements with Serbia and Kosovo",
                body="Migration and returns: the UK, Serbia and Kosovo sign agreements. ﬁnance é 北京",
                published=datetime(2026, 6, 12, 10, tzinfo=UTC),
            )
        ]
    )
    yield backend
    backend.close()


@BOUNDED
@given(text=query_texts)
def test_the_parser_returns_a_query_or_a_query_error(text: str) -> None:
    try:
        parsed = parse_query(text)
    except QueryError as exc:
        assert str(exc)
    else:
        assert isinstance(parsed, ParsedQuery) and (parsed.required or parsed.optional)


@BOUNDED
@given(text=query_texts)
def test_a_real_index_returns_a_page_or_a_query_error(backend: SQLiteBackend, text: str) -> None:
    try:
        page = backend.search(Query(text=text))
    except QueryError as exc:
        assert str(exc)
    else:
        assert isinstance(page, Page)
