"""Agreement parties and status on the real model."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Agreement, Document


def agreements(extractor: Extractor, text: str) -> list[Agreement]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    return list(doc.agreements)


@pytest.mark.parametrize(
    ("text", "status", "parties"),
    [
        (
            "The UK will sign new agreements with Serbia, North Macedonia and Kosovo to tackle illegal migration.",
            "planned",
            {"United Kingdom", "Serbia", "North Macedonia", "Kosovo"},
        ),
        (
            "UK to sign new agreements with Serbia and Kosovo.",
            "planned",
            {"United Kingdom", "Serbia", "Kosovo"},
        ),
        (
            "Britain and France signed a treaty on the return of migrants.",
            "signed",
            {"United Kingdom", "France"},
        ),
        ("The UK and India have signed a free trade agreement.", "signed", {"United Kingdom", "India"}),
        (
            "The UK and Canada are negotiating an agreement on critical minerals.",
            "in_negotiation",
            {"United Kingdom", "Canada"},
        ),
        (
            "The US and Japan are expected to sign a memorandum of understanding next week.",
            "planned",
            {"United States", "Japan"},
        ),
    ],
)
def test_status_and_parties(extractor: Extractor, text: str, status: str, parties: set[str]) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status
    assert set(found.parties) == parties


def test_cities_are_places_not_parties(extractor: Extractor) -> None:
    [found] = agreements(extractor, "In London, the UK and Norway signed a defence agreement.")
    assert set(found.parties) == {"United Kingdom", "Norway"}


def test_parties_come_from_the_signing_clause(extractor: Extractor) -> None:
    text = "That is why the UK has signed agreements with Serbia and Kosovo, and why we are working with Italy and Greece."
    [found] = agreements(extractor, text)
    assert "Italy" not in found.parties
    assert {"Serbia", "Kosovo"} <= set(found.parties)


def test_a_restatement_is_not_a_second_agreement(extractor: Extractor) -> None:
    text = (
        "The UK will sign new agreements with Serbia and Kosovo.\n"
        "The minister said the agreements with Serbia and Kosovo would help."
    )
    assert len(agreements(extractor, text)) == 1


def test_no_agreement_without_one(extractor: Extractor) -> None:
    assert agreements(extractor, "The UK and France held talks about the weather in Paris.") == []


def test_agreeing_to_act_is_an_agreement(extractor: Extractor) -> None:
    [found] = agreements(extractor, "The UK and Germany have agreed to build an electricity interconnector.")
    assert set(found.parties) == {"United Kingdom", "Germany"}


def test_a_time_clause_names_no_party(extractor: Extractor) -> None:
    text = "This is the biggest trade deal the UK has struck since leaving the European Union."
    assert all("European Union" not in a.parties for a in agreements(extractor, text))
