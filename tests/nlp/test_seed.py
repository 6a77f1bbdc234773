"""The whole pipeline on the seed report (`../shared/eval/seed/`), against what an analyst expects of it.

The report is read from the shared evaluation folder, never copied into the repository. It is the held-out
judge: no rule is fitted to it (each rule has its own small case in the other tests).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.conftest import SHARED_EVAL, require_shared

SEED = SHARED_EVAL / "seed"


@pytest.fixture(scope="module")
def seed() -> tuple[Document, dict[str, Any]]:
    require_shared(SEED / "article.txt")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    document = Document.from_page(url="https://example.test/seed", source="seed", title="", body=text)
    return Extractor().enrich(document), expected


def test_agreements_one_per_counterpart_with_the_announcing_government(
    seed: tuple[Document, dict[str, Any]],
) -> None:
    document, expected = seed
    found = {(frozenset(a.parties), a.status) for a in document.agreements}
    wanted = {(frozenset(a["parties"]), a["status"]) for a in expected["agreements"]}
    assert found == wanted


def test_agreements_carry_their_evidence_and_subject(seed: tuple[Document, dict[str, Any]]) -> None:
    document, _ = seed
    planned = [a for a in document.agreements if a.status == "planned"]
    assert all(len(a.evidence) >= 2 for a in planned)  # the founding sentence and "The deals will ..."
    assert all(a.subject for a in document.agreements)


def test_money_with_what_it_is_about(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    money = [f for f in document.figures if f.kind == "money"]
    assert [(f.value, f.currency, f.qualifier) for f in money] == [
        (m["value"], m["currency"], m["qualifier"]) for m in expected["money"]
    ]
    assert money[0].about is not None and "Border Security Command" in money[0].about
    assert money[0].about.startswith("funding for")


def test_the_four_counts_and_nothing_else(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    counts = [(f.value, f.unit, f.qualifier) for f in document.figures if f.kind == "count"]
    qualifiers = {"approximately, just under": "just_under"}
    assert counts == [
        (c["value"], c["unit"], qualifiers.get(c["qualifier"], c["qualifier"])) for c in expected["counts"]
    ]


def test_years_and_days_are_not_figures(seed: tuple[Document, dict[str, Any]]) -> None:
    document, _ = seed
    texts = " ".join(f.text for f in document.figures)
    assert "2022" not in texts
    assert "Thursday" not in texts
    assert len(document.figures) == 5


def test_the_two_people_with_their_roles(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    people = {(m.normalized, m.role) for m in document.entities if m.label == "PERSON"}
    assert people == {(p["name"], p["role"]) for p in expected["people"]}


def test_every_way_the_prime_minister_is_written_is_one_person(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    [starmer] = [p for p in expected["people"] if "as_written" in p]
    texts = {m.text.casefold() for m in document.entities if m.normalized == starmer["name"]}
    assert "the prime minister" in texts
    assert "keir" in texts  # "Sir Keir" without the honorific
    assert "keir starmer" in texts


def test_organisations_one_per_body(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    organisations = {m.normalized for m in document.entities if m.label == "ORG"}
    assert organisations == set(expected["organisations"])
    acronyms = {m.text: m.normalized for m in document.entities if m.label == "ORG" and m.text.isupper()}
    for name, aliases in expected["organisation_aliases"].items():
        assert all(acronyms[a] == name for a in aliases)


def test_countries_with_iso_codes_and_cities_as_places(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    found = {(m.normalized, m.code) for m in document.entities if m.label == "GPE"}
    codes = {"United Kingdom": "GB", "Serbia": "RS", "North Macedonia": "MK", "Kosovo": "XK"}
    codes |= {"Albania": "AL", "Turkey": "TR", "Russia": "RU", "Ukraine": "UA"}
    assert found == {(name, codes[name]) for name in expected["countries"]}
    places = {m.text for m in document.entities if m.label == "LOC"}
    assert "Budapest" in places  # a city is a place, not a country; "Hungarian" names no country
    assert not any(m.normalized == "Hungary" for m in document.entities)


def test_all_five_quotes_with_speakers_and_roles(seed: tuple[Document, dict[str, Any]]) -> None:
    document, expected = seed
    found = [(q.speaker, q.role, q.text[:30]) for q in document.quotes]
    assert found == [(q["speaker"], q["role"], q["starts"][:30]) for q in expected["quotes"]]
    assert [q.partial for q in document.quotes] == [False, True, True, False, False]
