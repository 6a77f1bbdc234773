"""Organisations in US addresses and other governments' releases, round 13 of issue 19 (us13o): a government
names its own body again without its country ('our Information Agency' after 'the United States Information
Agency'), a group of states is no body ('all the American Republics'), a panel named after a person with its
word in lower case is a body ('the Grace commission'), and 'the House' of a US government's text is the House
of Representatives. Each text was written for the test, in other words than the development set's sections."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations

WHITE_HOUSE = "https://www.whitehouse.gov/briefing-room/statements-releases/us13o"


# --- a body named again without its own government's country ---


def test_a_us_body_named_again_without_its_country_is_the_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The United States Travel Service will open two offices abroad. Our Travel Service expects more "
        "visitors than ever this year.",
        url=WHITE_HOUSE,
    )
    assert found == {"United States Travel Service"}


def test_a_body_named_again_without_its_demonym_in_its_governments_release(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Kenya Wildlife Trust Service counted 1,200 elephants in Tsavo. The Wildlife Trust Service will "
        "publish the full census in May.",
        url="https://www.environment.go.ke/news/us13o",
    )
    assert found == {"Kenya Wildlife Trust Service"}


def test_another_countrys_body_stays_apart_from_a_home_body_of_that_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Welsh Ambulance Trust Service and the Ambulance Trust Service of the county agreed to share crews.",
        url="https://www.gov.uk/government/news/us13o",
    )
    assert "Welsh Ambulance Trust Service" in found
    assert "Ambulance Trust Service" in found


# --- a group of states ---


def test_a_group_of_states_by_their_demonym_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The bank would join all the American Republics in one institution, with the help of the "
        "Organization of American States.",
        url=WHITE_HOUSE,
    )
    assert found == {"Organization of American States"}


# --- a panel named after a person ---


def test_a_panel_named_after_a_person_in_lower_case_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "We will carry out the reforms of the Packard commission before the next budget.",
        url=WHITE_HOUSE,
    )
    assert {f.casefold() for f in found} == {"packard commission"}


def test_a_known_bodys_committee_in_lower_case_is_that_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The Senate committee will hear the nominee on Tuesday.", url=WHITE_HOUSE
    )
    assert found == {"United States Senate"}


# --- 'the House' of a US text ---


def test_the_house_of_a_us_address_is_the_house_of_representatives(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The House approved the measure on Thursday, and the Senate should follow.",
        url=WHITE_HOUSE,
    )
    assert found == {"United States House of Representatives", "United States Senate"}


def test_the_house_in_a_us_title_is_the_house_of_representatives(extractor: Extractor) -> None:
    found = organisations(
        extractor, "I spoke with House Majority Whip Emmer about the schedule.", url=WHITE_HOUSE
    )
    assert found == {"United States House of Representatives"}


def test_the_white_house_is_no_chamber(extractor: Extractor) -> None:
    found = organisations(extractor, "The White House said the bill would be signed.", url=WHITE_HOUSE)
    assert found == {"White House"}


def test_the_house_in_news_is_no_chamber(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The House approved the measure on Thursday.", url="https://apnews.com/article/us13o"
    )
    assert "United States House of Representatives" not in found
