"""Government releases outside the UK (the gov16 tune texts' kinds: New Zealand's beehive.govt.nz, Australia's
Prime Minister): the state by its constitutional names ('the Crown', Australia's 'the Commonwealth') is the
country, not a body; a state's government in a plural beside it ('the Commonwealth and Victorian Governments')
is a body; an arrangement is an agreement's name; a percentage in words ('a two per cent drop') or signed in a
statistics table ('-58%') is read. Each text was written for the test, in the styles `bench/organisation_probes.py`
(batches 46 and 47) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import AUSTRALIA, BEEHIVE, CANADA, GOV_UK
from tests.nlp.test_organisation_rules import organisations


def _document(extractor: Extractor, text: str, url: str) -> Document:
    return extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))


# --- the state by its constitutional names ---


def test_the_crown_in_a_realms_release_is_its_country_not_a_body(extractor: Extractor) -> None:
    text = "The settlement marks a renewed relationship between the iwi and the Crown, Minister Paul Goldsmith says."
    document = _document(extractor, text, BEEHIVE)
    assert not {m.normalized for m in document.entities if m.label == "ORG"}
    assert {m.code for m in document.entities if m.label == "GPE"} == {"NZ"}
    assert "Crown" not in organisations(
        extractor, "The Crown and the Mohawk Council signed a deal.", url=CANADA
    )


def test_the_crowns_own_bodies_stay_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Crown Prosecution Service charged him, and the Crown Estate sold the land.",
        url=GOV_UK,
    )
    assert "Crown Prosecution Service" in found


def test_the_commonwealth_in_an_australian_release_is_australia(extractor: Extractor) -> None:
    text = "Under the agreement, the Commonwealth will contribute $120 million to the Tasmanian Government's plan."
    document = _document(extractor, text, AUSTRALIA)
    assert "Commonwealth" not in {m.normalized for m in document.entities if m.label == "ORG"}
    assert "AU" in {m.code for m in document.entities if m.label == "GPE"}


def test_the_commonwealth_and_a_states_government_in_a_plural(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Commonwealth and Victorian Governments had agreed to jointly fund the clean-up program.",
        url=AUSTRALIA,
    )
    assert found == {"Victorian Government"}


def test_the_commonwealth_elsewhere_is_still_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Commonwealth Secretariat praised Birmingham, which the Commonwealth chose.",
        url=GOV_UK,
    )
    assert "Commonwealth Secretariat" in found


# --- an agreement named like a body ---


def test_an_arrangement_is_an_agreements_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The agreement builds on the Mutual Logistics Support Arrangement, Defence Minister Judith Collins says. "
        "The New Zealand Defence Force will lead the first exercise.",
        url=BEEHIVE,
    )
    assert found == {"New Zealand Defence Force"}


# --- percentages ---


def _percentages(extractor: Extractor, text: str) -> list[tuple[float, str]]:
    return [
        (f.value, f.qualifier) for f in _document(extractor, text, BEEHIVE).figures if f.kind == "percent"
    ]


def test_a_percentage_in_words(extractor: Extractor) -> None:
    found = _percentages(
        extractor, "Crime fell with a two per cent drop, and burglaries by about twenty-five percent."
    )
    assert found == [(2.0, "exact"), (25.0, "about")]


def test_a_signed_percentage_in_a_table_is_no_range(extractor: Extractor) -> None:
    found = _percentages(
        extractor, "Ram raids 495 207 -58% Foot patrols 56,134 78,830 +40% Assaults 5,432 5,397 0%"
    )
    assert found == [(-58.0, "exact"), (40.0, "exact"), (0.0, "exact")]


def test_a_range_keeps_its_dash(extractor: Extractor) -> None:
    found = _percentages(extractor, "Prices rose 5-10% in March and 3 - 4% in April.")
    assert [value for value, _ in found] == [5.0, 3.0]


# --- quotes in release style ---


def test_a_paragraph_quote_after_she_says_is_hers(extractor: Extractor) -> None:
    text = (
        "The two countries will sign a defence agreement this week, Defence Minister Ana Pereira says.\n\n"
        "Ms Pereira will travel to Manila today to sign the agreement, which shows the value we place on our "
        "partners, she says.\n\n"
        "“It sets the legal framework for our militaries to train together in each other’s territory.”"
    )
    quotes = _document(extractor, text, BEEHIVE).quotes
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [("Ana Pereira", "It")]
