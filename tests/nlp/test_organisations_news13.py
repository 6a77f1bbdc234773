"""Organisations in news reports, session 13 of issue 19: a role said in place of a name leaves the body it names
('the chief executive of Coastal Mutual Holdings'); a hyphenated pair before a deal's noun is the deal's two sides,
not one group; a name the model cuts before its company word is one name; a possessive on a name the text also
writes bare is no part of it; a name's last word written before the longer name is a body of its own ('Tribune'
before 'the Chicago Tribune'); an acronym that leaves out a body's place is the body; a statehouse is a building;
an office named for a title keeps the title ("the Mayor's Office of ..."); an outlet named by its web address
is a body; a newspaper the model reads as a person is a newspaper; a person's possessive is no body. Each text
was written for the test, in the styles `bench/organisation_probes.py` (batch 37) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(
    extractor: Extractor, text: str, *, url: str = "https://apnews.com/article/news13"
) -> set[str]:
    return organisations_at(extractor, text, url=url)


def test_a_body_inside_a_role_said_for_the_name_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Shares rose after the results. “Demand is back,” said Lena Ortiz, the chief executive of Brightmoor "
        "Capital Partners, on Thursday. The chief executive of Brightmoor Capital Partners said more was to come.",
    )
    assert found == {"Brightmoor Capital Partners"}


def test_a_hyphenated_pair_before_a_merger_is_its_two_sides(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Shareholders backed the Halden-Marlow merger on Monday. Halden Shipping and Marlow Freight will keep "
        "separate fleets until 2026.",
    )
    assert found == {"Halden Shipping", "Marlow Freight"}


def test_a_hyphenated_group_name_stays_one_group(extractor: Extractor) -> None:
    found = organisations(extractor, "Air France-KLM said on Tuesday that bookings had recovered.")
    assert found == {"Air France-KLM"}


def test_a_name_cut_before_its_company_word_is_one_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Investors in the newspaper chains Tronc and GateHouse Media were told on Friday that the sale was final.",
    )
    assert "GateHouse Media" in found
    assert "GateHouse" not in found


def test_a_possessive_on_a_name_written_bare_is_no_part_of_it(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "McClatchy said it could not pay into its pension fund. A merger would have balanced McClatchy’s stable "
        "of smaller metro newspapers.",
    )
    assert found == {"McClatchy"}


def test_a_last_word_written_before_the_longer_name_is_a_body_of_its_own(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Alden became the largest shareholder of Tribune on Tuesday. Tribune, the owner of the Chicago Tribune "
        "and the Baltimore Sun, said the board would meet next week.",
    )
    assert {"Tribune", "Chicago Tribune", "Baltimore Sun"} <= found


def test_an_acronym_without_the_bodys_place_is_the_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The California Public Utilities Commission held a hearing on Wednesday. Consumer groups urged the PUC "
        "to require backup power.",
    )
    assert found == {"California Public Utilities Commission"}


def test_a_statehouse_is_a_building(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Several thousand teachers surrounded the Kansas Statehouse on Tuesday to call for better pay.",
    )
    assert found == set()


def test_an_office_named_for_a_title_keeps_the_title(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The California Governor's Office of Emergency Services said the response had been unacceptable.",
    )
    assert found == {"California Governor's Office of Emergency Services"}


def test_an_outlet_named_by_its_web_address_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sources in the camp told Polygraph.info that the claims were false. Details are at www.example.org.",
    )
    assert found == {"Polygraph"}  # the body, without its domain (the guide)


def test_a_newspaper_the_model_reads_as_a_person_is_a_newspaper(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "McClatchy, a chain of 30 newspapers including the Sacramento Bee and Miami Herald, reported a loss.",
    )
    assert "Miami Herald" in found


def test_a_persons_possessive_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "President Donald Trump spoke on Monday. Lawmakers asked about Trump’s July 25 call with the Ukrainian "
        "leader.",
    )
    assert "Trump" not in found


def test_the_federal_broadcaster_by_its_acronym_is_voice_of_america(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "A VOA reporter's source inside the camp said the claims were false, the Pentagon correspondent said.",
        url="https://www.polygraph.info/a/news13",
    )
    assert "Voice of America" in found
    assert "VOA" not in found


def test_a_court_or_department_named_for_an_office_keeps_the_office(extractor: Extractor) -> None:
    """ "Westminster Magistrate's Court" and "the County Sheriff's Department" are named for the office they serve:
    the possessive is inside the name (the model stops the first at its "'s"); a company's possessive still
    ends the company's name."""
    found = organisations(
        extractor,
        "The activist appeared at Westminster Magistrate's Court on Monday. The Harris County Sheriff's "
        "Department said a deputy was hurt. Google's Android team said it would fix the bug.",
    )
    assert "Westminster Magistrate's Court" in found
    assert "Harris County Sheriff's Department" in found
    assert "Google" in found
    assert not found & {"Westminster Magistrate", "Harris County Sheriff", "Google's Android"}
