"""Organisations in short news reports, where the small model takes companies and clubs for people or places:
the boundaries `bench/organisation_probes.py` found, on the real model."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(extractor: Extractor, text: str) -> set[str]:
    return organisations_at(extractor, text, url="https://news.test/story")


def test_a_company_after_a_lower_case_role_and_of_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sarah Kline, president and chief executive officer of Dynetics, said the first lander would fly "
        "in 2027.",
    )
    assert "Dynetics" in found


def test_a_title_of_a_body_is_still_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The Head of Operations and the Minister for Inter Provincial Coordination met."
    )
    assert found == set()


def test_names_ending_in_a_company_word_are_bodies_not_people(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The agency picked nine firms a year ago: Astrobotic, Deep Space Systems, Draper, Firefly Aerospace, "
        "Intuitive Machines, Masten Space Systems, Moon Express and OrbitBeyond. Indian Railways will run "
        "the new trains.",
    )
    assert {"Intuitive Machines", "Masten Space Systems", "Moon Express", "Indian Railways"} <= found


def test_a_plural_name_alone_is_still_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "The rules cover Crown Dependencies and Building Regulations.")
    assert found == set()


def test_clubs_the_model_takes_for_people_are_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Manchester United have sacked their manager after a heavy defeat, the club said. Former Ajax coach "
        "Erik Holm is expected to replace him. Munster head coach Graham Rowntree said his side had erred.",
    )
    assert {"Manchester United", "Ajax", "Munster"} <= found


def test_people_stay_people_beside_those_rules(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Jane Holloway and Peter Grant have resigned. Mr Holloway said he would stay on. Dr Grant told "
        "reporters the board had met.",
    )
    assert found == set()


def test_names_listed_with_companies_or_speaking_are_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Dell and HP both reported higher sales. Easyjet and Lufthansa also warned of disruption. Ticketmaster "
        "said refunds would be issued. Sky Sports reported that the board met.",
    )
    assert {"Dell", "HP", "Easyjet", "Lufthansa", "Ticketmaster", "Sky Sports"} <= found


def test_places_listed_after_a_preposition_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Work has begun towards the City Deals for Cardiff, Aberdeen and Inverness, and on the ScotRail and "
        "Caledonian Sleeper franchises.",
    )
    assert not {"Cardiff", "Aberdeen", "ScotRail"} & found


def test_a_countrys_ministry_named_by_its_subject_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Japan's defence ministry said a drone flew near Okinawa. The French foreign ministry said the flight "
        "was routine. The South Korean unification ministry urged calm.",
    )
    assert {
        "Japanese Defence Ministry",
        "French Foreign Ministry",
        "South Korean Unification Ministry",
    } <= found


def test_a_ministry_of_no_country_names_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "The ministry said the foreign ministry had not been told.")
    assert found == set()


def test_the_general_assembly_is_the_united_nations(extractor: Extractor) -> None:
    found = organisations(extractor, "The General Assembly passed a resolution calling for a ceasefire.")
    assert found == {"United Nations General Assembly"}


def test_a_name_where_something_is_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Médecins Sans Frontières said its hospital in El Fasher had been shelled. An Associated Press "
        "journalist reported gunfire near the fuel plant in Senkata.",
    )
    assert not {"El Fasher", "Senkata"} & found
    assert {"Médecins Sans Frontières", "Associated Press"} <= found


def test_a_group_named_by_its_people_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Democratic Alliance and the Economic Freedom Fighters hope to gain seats.\n\nSuccessful "
        "Stormtroopers share a high-five.",
    )
    assert "Economic Freedom Fighters" in found
    assert "Successful Stormtroopers" not in found


def test_a_maker_is_a_body_and_its_product_is_not(extractor: Extractor) -> None:
    found = organisations(extractor, "Epic Games, the maker of Fortnite, welcomed the law.")
    assert found == {"Epic Games"}


def test_a_place_closing_a_name_belongs_to_it_and_ordinances_are_laws(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Police made the arrests under the Safeguarding National Security Ordinance. Two reporters from "
        "Radio Television Hong Kong were briefly detained.",
    )
    assert found == {"Radio Television Hong Kong"}


def test_a_body_named_with_an_article_and_its_head_first_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "At that conference the nations drew up plans for an International Bank for Reconstruction and "
        "Development. I recommend that you provide for a Bureau of Corporations in the new Department of "
        "Commerce and Labor.",
    )
    assert {
        "International Bank for Reconstruction and Development",
        "Bureau of Corporations",
        "Department of Commerce and Labor",
    } <= found
    assert "Labor" not in found


def test_a_kind_of_thing_with_an_article_is_still_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "She opened a Lifetime ISA and was awarded an MBE.")
    assert found == set()


def test_rounds_of_talks_are_no_bodies_and_the_warsaw_pact_is_one(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Kennedy Round of tariff negotiations was the most successful in history. The Warsaw Pact still "
        "keeps three times as many tanks in Europe.",
    )
    assert found == {"Warsaw Pact"}


def test_a_countrys_ministry_leaves_the_country_a_mention(extractor: Extractor) -> None:
    document = Document.from_page(
        url="https://news.test/story",
        source="t",
        title="t",
        body="Russia's foreign ministry said it regretted the move.",
    )
    entities = extractor.enrich(document).entities
    assert {m.normalized for m in entities if m.label == "ORG"} == {"Russian Foreign Ministry"}
    assert "Russia" in {m.normalized for m in entities if m.label == "GPE"}


def test_a_list_of_people_stays_people(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Judge Oluwatoyin Taiwo said the evidence against Chukwuemeka Obi, Babatunde Adeyemi and Musa Ibrahim "
        "was overwhelming.",
    )
    assert found == set()


def test_a_short_name_after_whose_body_it_is_is_the_full_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "A soldier crossed the border on Tuesday, the South Korean Joint Chiefs of Staff said. The Joint Chiefs "
        "said the man was taken into custody.",
    )
    assert found == {"South Korean Joint Chiefs of Staff"}


def test_post_nominal_letters_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Dame Sarah Jones DBE, chair of the Arts Council, opened the gallery. Professor Amina Rahman OBE FRS "
        "and Sir David Clark KC spoke.",
    )
    assert found == {"Arts Council"}


def test_a_document_or_identifier_names_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Applicants need an Aadhaar card and a PAN card, the Income Tax Department said. An NHS number is "
        "also accepted.",
    )
    assert found == {"Income Tax Department", "National Health Service"}


def test_the_subject_of_an_index_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Mo Ibrahim Foundation said the Ibrahim Index of African Governance showed stagnation.",
    )
    assert found == {"Mo Ibrahim Foundation"}


def test_a_known_bodys_name_opening_a_forum_keeps_the_forum(extractor: Extractor) -> None:
    found = organisations(extractor, "Delegates attended the ASEAN Regional Forum's annual meeting.")
    assert found == {"ASEAN Regional Forum"}


def test_a_presidential_archive_reads_the_united_states_bodies(extractor: Extractor) -> None:
    found = organisations_at(
        extractor,
        "I ask the Congress to ratify the treaty. The Justice Department will prosecute any violation.",
        url="https://www.presidency.ucsb.edu/documents/address",
    )
    assert found == {"United States Congress", "United States Department of Justice"}


def test_a_country_closing_an_acting_name_is_a_national_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sport New Zealand will fund the programme. Netball New Zealand welcomed it. Yesterday Australia "
        "said nothing, and Western Australia stayed quiet.",
    )
    assert found == {"Sport New Zealand", "Netball New Zealand"}


def test_a_country_qualified_as_a_state_or_an_era_is_still_the_country(extractor: Extractor) -> None:
    text = (
        "Red China is not a member. Free France fought on. Imperial Japan attacked the fleet. "
        "Mainland China now produces more steel. Greater Britain was a phrase of the empire. "
        "Mainland China launched a satellite. Red China will fund the dam."
    )
    document = Document.from_page(url="https://news.test/story", source="t", title="t", body=text)
    entities = extractor.enrich(document).entities
    assert not [m.normalized for m in entities if m.label == "ORG"]
    assert {m.normalized for m in entities if m.label == "GPE"} >= {"China", "France", "Japan"}


def test_a_treaty_named_by_a_place_names_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Australia has ratified the Convention of Belem, the Department of Foreign Affairs and Trade said. "
        "The Charter of the United Nations binds every member.",
    )
    assert found == {"Department of Foreign Affairs and Trade", "United Nations"}
