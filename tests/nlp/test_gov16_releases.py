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


def test_a_quote_after_background_paragraphs_that_name_no_one_else_goes_on(extractor: Extractor) -> None:
    text = (
        "Associate Education Minister Mere Tane has announced three new charter schools.\n\n"
        "“These schools will give families real choice,” says Ms Tane.\n\n"
        "Hillcrest College will focus on students who have left school early.\n\n"
        "Riverside Academy offers a bilingual programme for primary pupils.\n\n"
        "Southgate School will teach through the creative arts.\n\n"
        "“I want to thank the boards for their careful work on every application.”"
    )
    quotes = _document(extractor, text, BEEHIVE).quotes
    assert [q.speaker for q in quotes] == ["Mere Tane", "Mere Tane"]


def test_a_quote_after_paragraphs_that_name_someone_else_is_not_carried_on(extractor: Extractor) -> None:
    text = (
        "Associate Education Minister Mere Tane has announced three new charter schools.\n\n"
        "“These schools will give families real choice,” says Ms Tane.\n\n"
        "Hillcrest College was founded by Aroha Williams in 2010.\n\n"
        "Riverside Academy offers a bilingual programme for primary pupils.\n\n"
        "Southgate School will teach through the creative arts.\n\n"
        "“I want to thank the boards for their careful work on every application.”"
    )
    quotes = _document(extractor, text, BEEHIVE).quotes
    assert quotes[-1].speaker != "Mere Tane"


# --- names in New Zealand's and Australia's releases ---


def test_a_maori_name_is_one_body_and_no_person(extractor: Extractor) -> None:
    text = (
        "The funding will be delivered through Te Rūnanga o Ngāi Tahu, and Hemi Walker chairs Ngā Pōtiki ā "
        "Tamapahore Trust, Minister Tama Potaka says."
    )
    document = _document(extractor, text, BEEHIVE)
    assert {m.normalized for m in document.entities if m.label == "ORG"} == {
        "Te Rūnanga o Ngāi Tahu",
        "Ngā Pōtiki ā Tamapahore Trust",
    }
    assert {m.normalized for m in document.entities if m.label == "PERSON"} == {"Hemi Walker", "Tama Potaka"}


def test_the_place_of_an_office_the_model_read_as_a_first_name(extractor: Extractor) -> None:
    text = "The two governments will fund the program, the Premier of Victoria John Brumby announced today."
    people = [
        (m.normalized, m.role) for m in _document(extractor, text, AUSTRALIA).entities if m.label == "PERSON"
    ]
    assert people == [("John Brumby", "Premier of Victoria")]


def test_a_relations_acronym_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The leaders launched the New Zealand-Singapore Comprehensive Strategic Partnership (CSP) today. "
        "The CSP will deepen cooperation, and Enterprise Singapore will open an Auckland office.",
        url=BEEHIVE,
    )
    assert "Comprehensive Strategic Partnership" not in found and "CSP" not in found


def test_a_body_described_in_capitals_is_no_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "They are a world class Police Force, and the Metropolitan Police Service agreed.",
        url=BEEHIVE,
    )
    assert found == {"Metropolitan Police"}  # the UK table's name


def test_a_table_of_appointees_read_as_one_line(extractor: Extractor) -> None:
    text = (
        "Name Current role Sarah Mitchell Barrister and director of Mitchell Law. Peter Grant Chartered member "
        "of Engineering New Zealand. David Chen Solicitor, and director of Chen Legal."
    )
    people = {
        (m.normalized, m.role) for m in _document(extractor, text, BEEHIVE).entities if m.label == "PERSON"
    }
    assert people == {
        ("Sarah Mitchell", "Barrister and director of Mitchell Law"),
        ("Peter Grant", "Chartered member of Engineering New Zealand"),
        ("David Chen", "Solicitor"),
    }


def test_a_three_word_name_before_its_verb_keeps_its_last_word(extractor: Extractor) -> None:
    text = "Sarah Jane Dean said the review was fair, and Mary Ann Bishop agreed."
    people = {m.normalized for m in _document(extractor, text, BEEHIVE).entities if m.label == "PERSON"}
    assert people == {"Sarah Jane Dean", "Mary Ann Bishop"}


def test_the_commonwealth_is_australia_as_a_party(extractor: Extractor) -> None:
    text = (
        "The Commonwealth has signed an agreement with Tasmania on hospital funding, the Prime Minister said."
    )
    agreements = _document(extractor, text, AUSTRALIA).agreements
    assert [(set(a.parties), a.status) for a in agreements] == [({"Australia", "Tasmania"}, "signed")]


def test_he_said_far_from_any_name_gives_the_quote_no_one(extractor: Extractor) -> None:
    """'he said' of a background sentence is the person near it only: here the union's lawyer, whom the text
    does not name, not the prosecutor named paragraphs before (a wire report on texts outside the devset)."""
    text = (
        "Prosecutor Daniel Reyes said the charges against the two guards were filed on Monday.\n\n"
        "The hearing lasted two hours. Supporters of the guards filled the public gallery.\n\n"
        "The union's lawyer spoke to reporters outside the courthouse afterwards.\n\n"
        "Sometimes staff do not follow every rule, he said. “But does that mean they should go to jail?”"
    )
    quotes = _document(extractor, text, "https://www.usatoday.com/story/news/x").quotes
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [(None, "But")]
