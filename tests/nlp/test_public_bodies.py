"""Public bodies by every name, per country: the tables, their reading with the document's countries, and
`organisation_name`, the one way to turn any spelling into a body's full name."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from nlp.bodies import applicable, public_bodies, public_body
from nlp.organisations import organisation_name
from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, url: str, text: str) -> set[str]:
    document = Document.from_page(url=url, source="t", title="t", body=text)
    return {m.normalized for m in extractor.enrich(document).entities if m.label == "ORG"}


def test_every_table_names_its_country_and_each_body_once() -> None:
    bodies = public_bodies()
    owners = {b.country for b in bodies}
    assert {"United Kingdom", "Canada", "India", "Kenya", "South Africa", "European Union"} <= owners
    for owner in owners:
        names = [b.name for b in bodies if b.country == owner]
        assert len(names) == len(set(names)), owner


def test_a_full_name_is_one_body_anywhere() -> None:
    assert public_body("the Canada Revenue Agency", countries=("Kenya",)) == "Canada Revenue Agency"
    assert public_body("Ministry of Defence", countries=()) == "Ministry of Defence"


def test_an_acronym_is_read_with_the_documents_countries_in_order() -> None:
    assert public_body("HSE", countries=applicable("Ireland")) == "Health Service Executive"
    assert public_body("HSE", countries=applicable("United Kingdom")) is None  # GOV.UK never writes it alone
    assert public_body("MoD", countries=applicable("India")) == "Ministry of Defence"
    assert public_body("KRA", countries=applicable("United Kingdom", ["Kenya"])) == "Kenya Revenue Authority"
    assert public_body("KRA", countries=applicable("United Kingdom")) is None
    assert public_body("the DVLA", countries=applicable(None)) == "Driver and Vehicle Licensing Agency"
    # the EU's bodies are read everywhere
    assert public_body("ECB", countries=applicable("Canada")) == "European Central Bank"


def test_a_generic_name_a_table_marks_is_read_only_in_its_countrys_documents() -> None:
    assert public_body("the Supreme Court", countries=applicable("United Kingdom")) is None
    us = applicable(None, ["United States"])
    assert public_body("the Supreme Court", countries=us) == "Supreme Court of the United States"
    assert public_body("the State Department", countries=us) == "United States Department of State"
    assert public_body("Congress", countries=us) == "United States Congress"
    assert public_body("House of Representatives", countries=applicable("Nigeria")) == (
        "House of Representatives of Nigeria"
    )


def test_organisation_name_spells_out_what_the_document_or_a_table_defines() -> None:
    words = "The Japan International Cooperation Agency ( JICA ) will fund it . JICA said so .".split()
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert organisation_name("JICA", doc=doc) == "Japan International Cooperation Agency"
    assert organisation_name("the DVLA") == "Driver and Vehicle Licensing Agency"
    assert organisation_name("the Acme Trust") == "Acme Trust"
    assert organisation_name("EU") == "European Union"


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        (
            "https://www.canada.ca/en/news/x.html",
            "The CRA and the CBSA will share data with Statistics Canada.",
            {"Canada Revenue Agency", "Canada Border Services Agency", "Statistics Canada"},
        ),
        (
            "https://www.gov.ie/en/press-release/x",
            "The HSE said waiting lists fell, the Central Statistics Office said.",
            {"Health Service Executive", "Central Statistics Office"},
        ),
        (
            "https://www.gov.za/news/x",
            "SARS said collections rose and Eskom warned of load shedding.",
            {"South African Revenue Service", "Eskom"},
        ),
    ],
)
def test_a_countrys_release_expands_its_own_acronyms(
    extractor: Extractor, url: str, text: str, expected: set[str]
) -> None:
    assert organisations(extractor, url, text) == expected


def test_international_bodies_and_news_agencies_are_read_everywhere() -> None:
    for publisher in ("United Kingdom", "Canada", None):
        countries = applicable(publisher)
        assert public_body("KCNA", countries=countries) == "Korean Central News Agency"
        assert public_body("AFP", countries=countries) == "Agence France-Presse"
        assert public_body("the IAEA", countries=countries) == "International Atomic Energy Agency"
    assert public_body("the Security Council", countries=applicable("Canada")) == (
        "United Nations Security Council"
    )


def test_the_us_armed_forces_are_read_in_us_documents() -> None:
    us = applicable("United States")
    assert public_body("the Coast Guard", countries=us) == "United States Coast Guard"
    assert public_body("Air Force", countries=us) == "United States Air Force"
    assert public_body("Air Force", countries=applicable("Kenya")) is None
    assert public_body("the Department of Health, Education, and Welfare", countries=us) == (
        "United States Department of Health, Education, and Welfare"
    )


def test_a_news_report_reads_an_acronym_that_only_one_table_holds() -> None:
    news = applicable(None)
    assert public_body("NASA", countries=news) == "National Aeronautics and Space Administration"
    assert public_body("CNN", countries=news) == "Cable News Network"
    assert public_body("NASA", countries=applicable("United Kingdom")) is None  # a release reads its own
    assert public_body("StatCan", countries=news) is None  # no acronym in capitals: only in its country's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region or a country with no such body in its table: the text's own name, no other country's body
        ("Africa CDC said on Tuesday that 300 new cases of mpox were recorded.", {"Africa CDC"}),
        ("China CDC reported 40 cases, officials said.", {"China CDC"}),
        (
            "India's Supreme Court on Monday ordered the government to respond. The United States raised it.",
            {"Supreme Court"},
        ),
        ("Kenya's Treasury said the budget would grow by 4 per cent.", {"Treasury"}),
        # the owner's own table decides
        ("South Africa's Treasury will publish the budget on Wednesday.", {"National Treasury"}),
        (
            "The US CDC and the UK Treasury issued statements on Friday.",
            {"Centers for Disease Control and Prevention", "HM Treasury"},
        ),
    ],
)
def test_a_country_named_before_a_short_name_says_whose_body_it_is(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert organisations(extractor, "https://www.example.org/news/a", text) == expected


def test_without_an_owner_before_it_the_documents_countries_still_decide(extractor: Extractor) -> None:
    text = "CDC Director Mandy Cohen said the agency would act. The Supreme Court ruled last year."
    assert organisations(extractor, "https://www.cdc.gov/media/releases/a.html", text) == {
        "Centers for Disease Control and Prevention",
        "Supreme Court of the United States",
    }
    assert organisations(
        extractor, "https://www.gov.uk/government/news/a", "The Treasury said growth would return."
    ) == {"HM Treasury"}
