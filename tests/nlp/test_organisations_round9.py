"""Organisations in short news reports, round 9 of issue 19 (precision): a short or partial second mention is the
body named in full before, and products, venues, exams, units, storms, diseases, prizes and schemes the small
model tags as bodies are none. Each text was written for the test, in the styles `bench/organisation_probes.py`
(batches 21-23) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(extractor: Extractor, text: str) -> set[str]:
    return organisations_at(extractor, text, url="https://en.wikinews.org/wiki/round9")


# --- a second mention is the body said in full before ---


def test_an_organisation_word_alone_is_the_body_it_heads(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The University of Otago said on Monday it would cut 200 jobs. The University blamed falling "
        "enrolments.",
    )
    assert found == {"University of Otago"}


def test_a_name_short_of_its_last_organisation_word_is_the_full_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Toronto Police Service officers arrested two men on Friday. Toronto Police said both were 19.",
    )
    assert found == {"Toronto Police Service"}


def test_an_acronym_after_a_legal_form_is_the_company(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Canadian National Railway Co. (CN) locked out 9,300 workers on Thursday. CN said it had offered "
        "wage rises.",
    )
    assert found == {"Canadian National Railway"}


def test_a_brands_product_is_no_body_beside_the_company_with_its_legal_form(extractor: Extractor) -> None:
    found = organisations(extractor, "Google Inc. said Google Maps would show traffic in 40 more cities.")
    assert found == {"Google"}


# --- short, acronym-like and single words that name no body ---


def test_sports_positions_and_honours_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Philadelphia Eagles' QB threw for 310 yards on Sunday. He was named the NFL's MVP last season.",
    )
    assert "MVP" not in found and not any("QB" in name for name in found)


def test_an_examination_named_by_its_acronym_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Uganda National Examinations Board (UNEB) released the UCE results on Friday.",
    )
    assert found == {"Uganda National Examinations Board"}


def test_a_unit_after_of_is_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "Emissions of CO2 fell by 12 Mt over the year, Eurostat said.")
    assert found == {"Eurostat"}


def test_a_product_between_its_owner_and_a_product_noun_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Samsung said it would add its Gauss assistant to every copy of Tizen sold from June.",
    )
    assert found == {"Samsung"}


def test_a_factory_named_by_its_town_is_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "Siemens said the order would secure 700 jobs at its Goole factory.")
    assert found == {"Siemens"}


def test_examples_of_apps_and_names_listed_with_people_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Users were told to download apps like Couch to 5K. Pilgrims honour Zeus, Hera, Poseidon, "
        "Aphrodite, and Athena.",
    )
    assert found == set()


# --- names of events, diseases, buildings, prizes and schemes ---


def test_storms_diseases_and_telescopes_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Rwanda has confirmed 26 cases of Marburg Virus Disease, the ministry said. The observatory runs the "
        "MeerKAT Radio Telescope, which will be folded into the array. Cyclone Gabrielle struck on Tuesday.",
    )
    assert found == set()


def test_a_sports_centre_and_a_stadium_after_at_are_venues(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Liverpool beat Everton 2-0 at Goodison Park on Saturday. The Lambeth Council opened the Brixton "
        "Leisure Centre to residents.",
    )
    assert "Goodison Park" not in found and "Brixton Leisure Centre" not in found


def test_a_prize_named_for_people_and_a_scheme_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Her novel was shortlisted for the Women's Prize for Fiction. The Ministry of Rural Development said "
        "3 million homes were built under the Pradhan Mantri Awas Yojana. "
        "The Gaganyaan 2 mission flies next year.",
    )
    assert found == {"Ministry of Rural Development"}


def test_names_the_text_sells_or_releases_are_products(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Nintendo said the Wii was released in 2006. The Xbox and the Wii sold well at Christmas.",
    )
    assert found == {"Nintendo"}


def test_a_school_named_through_its_university_is_the_university(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Researchers at Harvard Medical School said on Monday the drug worked. Harvard University will fund "
        "a trial.",
    )
    assert found == {"Harvard University"}


def test_a_name_goes_on_after_a_plurals_apostrophe(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Australian Workers' Union backed the deal. The Philadelphia Eagles' coach was sacked.",
    )
    assert "Australian Workers' Union" in found


def test_a_share_symbol_and_a_state_code_are_no_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Lockheed Martin Corp. (NYSE: LMT) delivered 12 jets. The senator won the NH primary and spoke in "
        "Concord, NH, on Monday.",
    )
    assert not {"LMT", "NH"} & found


def test_a_spacecraft_is_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "The Mars Reconnaissance Orbiter sent new images on Friday.")
    assert found == set()


def test_an_owners_apps_given_as_examples_are_products_but_a_brand_stays_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "People were told to download our apps like Couch to 5K. The Commission said Apple had stopped "
        "music streaming apps such as Spotify from telling users about offers.",
    )
    assert "Spotify" in found and not any("Couch" in name for name in found)
