"""Organisations in US federal releases, wire reports and NZ, Australian and Canadian releases, round 12 of issue
19: a body whose name opens with a country's short form and goes on past an 'and' stays whole ('the U.S. Fish and
Wildlife Service'), two bodies the tables know joined by 'and' stay two, and a one-word company that comments
or acts in a wire report is a body where nothing says it is a person or a place. Each text was written for the
test, in the styles `bench/organisation_probes.py` (batch 25) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(
    extractor: Extractor, text: str, *, url: str = "https://apnews.com/article/round12"
) -> set[str]:
    return organisations_at(extractor, text, url=url)


# --- a country's short form opening a body's name, and 'and' inside one body ---


def test_a_body_opening_with_a_country_and_an_and_stays_whole(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The U.S. Fish and Wildlife Service listed the bird as endangered on Thursday."
    )
    assert found == {"United States Fish and Wildlife Service"}  # the guide: "U.S." written out


def test_two_bodies_joined_by_and_stay_two(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The FBI and the Department of Justice said the suspect had been charged with fraud."
    )
    assert len(found) == 2 and not any(" and " in name for name in found)


def test_a_body_word_and_its_of_go_on_past_a_known_body(extractor: Extractor) -> None:
    found = organisations(extractor, "The U.S. Army Corps of Engineers will rebuild the levee next year.")
    assert found == {"United States Army Corps of Engineers"}  # the guide: "U.S." written out


def test_a_known_body_alone_keeps_its_name(extractor: Extractor) -> None:
    found = organisations(extractor, "The U.S. Army said on Monday that two soldiers had been injured.")
    assert found == {"United States Army"}


def test_two_names_the_tables_know_joined_by_and_are_two(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Ministry of Business, Innovation and Employment and Te Whatu Ora will share the cost.",
        url="https://www.beehive.govt.nz/release/round12",
    )
    assert found == {"Ministry of Business, Innovation and Employment", "Health New Zealand"}


def test_one_name_the_tables_know_with_and_inside_stays_one(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Department of Health and Social Care will publish the figures on Tuesday.",
        url="https://www.gov.uk/government/news/round12",
    )
    assert found == {"Department of Health and Social Care"}


# --- one-word companies that comment or act ---


def test_a_one_word_company_that_declines_to_comment_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Shares in the miner fell 4% on Tuesday. Glencore declined to comment on the report."
    )
    assert found == {"Glencore"}


def test_a_one_word_company_that_welcomes_a_decision_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The regulator cut the price cap by 7%. Centrica welcomed the decision.",
        url="https://www.reuters.com/business/round12",
    )
    assert "Centrica" in found


def test_a_one_word_company_that_will_operate_a_plant_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Veolia will operate the new water plant under a 15-year contract, the council said."
    )
    assert found == {"Veolia"}


def test_a_surname_of_a_person_of_the_text_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Lewis Hamilton finished third in Monaco on Sunday. Hamilton declined to comment on the crash.",
    )
    assert "Hamilton" not in found


def test_a_place_of_the_text_that_speaks_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Floods closed two roads near Whanganui on Friday. Whanganui welcomed the extra funding.",
        url="https://www.rnz.co.nz/news/national/round12",
    )
    assert "Whanganui" not in found


def test_a_common_noun_opening_a_sentence_is_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "Officials confirmed the closure. Management declined to comment.")
    assert found == set()


def test_a_document_with_an_article_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Budget announces new funding for coastal towns.",
        url="https://www.gov.uk/government/publications/round12",
    )
    assert "Budget" not in found


def test_a_company_the_model_took_for_a_people_is_a_body_where_it_acts(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The bureau will build a new climate model. Telstra will provide the network, the agency said.",
        url="https://www.csiro.au/en/news/round12",
    )
    assert "Telstra" in found


def test_a_people_the_gazetteer_knows_is_no_body_where_it_speaks(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Voters went to the polls on Sunday. Chinese said the result was a surprise, a poll found."
    )
    assert "Chinese" not in found
