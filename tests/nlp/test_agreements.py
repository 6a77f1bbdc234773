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
    found = agreements(extractor, text)
    assert {a.parties for a in found} == {("United Kingdom", "Serbia"), ("United Kingdom", "Kosovo")}


def test_a_restatement_is_not_a_second_agreement(extractor: Extractor) -> None:
    text = (
        "The UK will sign new agreements with Serbia and Kosovo.\n"
        "The minister said the agreements with Serbia and Kosovo would help."
    )
    assert len(agreements(extractor, text)) == 2


def test_no_agreement_without_one(extractor: Extractor) -> None:
    assert agreements(extractor, "The UK and France held talks about the weather in Paris.") == []


def test_agreeing_to_act_is_an_agreement(extractor: Extractor) -> None:
    [found] = agreements(extractor, "The UK and Germany have agreed to build an electricity interconnector.")
    assert set(found.parties) == {"United Kingdom", "Germany"}


def test_a_time_clause_names_no_party(extractor: Extractor) -> None:
    text = "This is the biggest trade deal the UK has struck since leaving the European Union."
    assert all("European Union" not in a.parties for a in agreements(extractor, text))


def parties_and_status(found: list[Agreement]) -> set[tuple[tuple[str, ...], str]]:
    return {(a.parties, a.status) for a in found}


@pytest.mark.parametrize(
    "text",
    [
        "The UK will sign new agreements with Serbia, North Macedonia and Kosovo to tackle illegal migration.",
        "UK to sign new agreements with Serbia, North Macedonia and Kosovo.",
    ],
)
def test_plural_agreements_with_several_countries_are_one_per_country(
    extractor: Extractor, text: str
) -> None:
    assert parties_and_status(agreements(extractor, text)) == {
        (("United Kingdom", "Serbia"), "planned"),
        (("United Kingdom", "North Macedonia"), "planned"),
        (("United Kingdom", "Kosovo"), "planned"),
    }


def test_a_singular_agreement_of_several_parties_is_one_joint_agreement(extractor: Extractor) -> None:
    [found] = agreements(extractor, "The treaty between Germany, France and Italy was signed in Rome.")
    assert (found.parties, found.status) == (("Germany", "France", "Italy"), "signed")


def test_a_sentence_pointing_back_adds_its_parties_and_evidence(extractor: Extractor) -> None:
    text = (
        "Australia will sign a new agreement to protect shipping lanes. "
        "The memorandum will cover joint patrols with Indonesia."
    )
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("Australia", "Indonesia"), "planned")
    assert len(found.evidence) == 2
    assert found.subject == "protect shipping lanes"


def test_the_announcing_government_is_a_party(extractor: Extractor) -> None:
    text = (
        "Britain is stepping up its response to smuggling. "
        "The government will sign a memorandum of understanding with Serbia next week."
    )
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("United Kingdom", "Serbia"), "planned")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("France already has a returns agreement with Albania.", ("France", "Albania")),
        ("The existing agreement between Norway and Iceland covers fishing.", ("Norway", "Iceland")),
        (
            "Under the 2019 agreement with Albania, the UK returned 5,000 people.",
            ("United Kingdom", "Albania"),
        ),
    ],
)
def test_existing_agreements_are_in_force(extractor: Extractor, text: str, parties: tuple[str, ...]) -> None:
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (parties, "in_force")


def test_states_that_have_signed_treaties_long_ago_are_not_planning_one(extractor: Extractor) -> None:
    text = "Egypt and Jordan are the only two Arab states to have signed peace treaties with Israel."
    assert parties_and_status(agreements(extractor, text)) == {
        (("Egypt", "Israel"), "in_force"),
        (("Jordan", "Israel"), "in_force"),
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia suspended the grain deal with Ukraine.", "suspended"),
        ("The United States withdrew from the nuclear agreement with Iran in 2018.", "ended"),
        ("Japan and the EU are in talks on a new digital trade agreement.", "in_negotiation"),
    ],
)
def test_suspended_ended_and_negotiated(extractor: Extractor, text: str, status: str) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


def test_to_deal_with_is_not_a_deal(extractor: Extractor) -> None:
    assert agreements(extractor, "Ministers met to deal with the crisis in Sudan and Chad.") == []


def test_a_country_invaded_is_not_a_party(extractor: Extractor) -> None:
    text = "The UK and Poland signed a defence pact in response to Russia's invasion of Ukraine."
    [found] = agreements(extractor, text)
    assert found.parties == ("United Kingdom", "Poland")


def test_a_headline_is_its_own_sentence(extractor: Extractor) -> None:
    text = "New deals with Balkan states\n\nThe UK and Norway signed a defence agreement on Monday."
    [found] = agreements(extractor, text)
    assert found.evidence == ("The UK and Norway signed a defence agreement on Monday.",)


def agreements_at(extractor: Extractor, text: str, url: str) -> list[Agreement]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return list(doc.agreements)


def test_the_publishing_government_is_the_announcing_party(extractor: Extractor) -> None:
    text = "The government is making good progress towards a deal with Cornwall."
    [found] = agreements_at(extractor, text, "https://www.gov.uk/government/news/cornwall")
    assert (set(found.parties), found.status) == ({"United Kingdom", "Cornwall"}, "in_negotiation")
    assert agreements_at(extractor, text, "https://news.example/cornwall") == []


def test_working_towards_deals_with_named_bodies_is_a_negotiation(extractor: Extractor) -> None:
    text = (
        "The government is working towards further devolution deals with the Sheffield City Region and "
        "Liverpool City Region."
    )
    found = agreements_at(extractor, text, "https://www.gov.uk/budget")
    assert {(a.parties, a.status) for a in found} == {
        (("United Kingdom", "Sheffield City Region"), "in_negotiation"),
        (("United Kingdom", "Liverpool City Region"), "in_negotiation"),
    }


def test_bodies_that_sign_are_parties_even_unrecognised(extractor: Extractor) -> None:
    text = "Network Rail and First MTR have signed a formal alliancing agreement to create joint teams."
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("Network Rail", "First MTR"), "signed")


def test_an_acronym_in_brackets_is_not_another_party(extractor: Extractor) -> None:
    text = (
        "The UK government has agreed a memorandum with the Greater London Authority (GLA) and London "
        "Councils. The agreement includes joint working with the GLA on transport."
    )
    [found] = agreements(extractor, text)
    assert set(found.parties) == {"United Kingdom", "Greater London Authority", "London Councils"}


def test_questions_and_comparisons_announce_no_agreement(extractor: Extractor) -> None:
    assert agreements(extractor, "Surely Britain will get a better deal than Canada or Switzerland?") == []


def test_a_deal_someone_has_struck_is_signed(extractor: Extractor) -> None:
    text = "Even the most ambitious trade deal the EU has ever struck – with Canada – falls short of that."
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == ({"European Union", "Canada"}, "signed")


def test_leaders_of_countries_sign_for_them(extractor: Extractor) -> None:
    text = (
        "We, the Prime Ministers of Canada and of the United Kingdom, have together endorsed this second "
        "Joint Declaration between our two countries."
    )
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == ({"Canada", "United Kingdom"}, "signed")
