"""Whole names of several words in short news reports, on the real model: the recall and boundary probe
batches 18-20 (`bench/organisation_probes.py`): teams, bands and parties named in the plural, names the model
cut at 'and' or after a country's name, and names of three words or more that a verb makes bodies."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_boundaries import organisations


def test_a_name_of_three_words_that_reports_something_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Yorkshire Evening Post first reported the closure. Kelley Blue Book, which Cox owns, reported "
        "similar figures.",
    )
    assert {"Yorkshire Evening Post", "Kelley Blue Book"} <= found


def test_a_team_named_in_the_plural_is_one_body_and_its_short_name_the_same(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Chicago White Sox beat the Detroit Tigers 6-2 on Saturday. Tigers manager A. J. Hinch said the "
        "team had run out of ideas. The Sacramento Kings signed forward Malik Osei, the team said; he spent "
        "last season with the Charlotte Hornets.",
    )
    assert {"Chicago White Sox", "Detroit Tigers", "Sacramento Kings", "Charlotte Hornets"} <= found
    assert not {"Tigers", "Detroit Tigers 6-2"} & found


def test_a_plural_name_is_no_body_where_the_text_speaks_of_no_team_or_writes_it_in_lower_case(
    extractor: Extractor,
) -> None:
    assert (
        organisations(
            extractor,
            "The Crown Dependencies have their own laws. The Overseas Territories are small territories.",
        )
        == set()
    )
    assert "Overseas Territories" not in organisations(
        extractor,
        "The team visited the Overseas Territories, three territories in the Atlantic, in June.",
    )


def test_a_name_cut_at_and_goes_on_to_its_organisation_word(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Patients were moved to Moi Teaching and Referral Hospital in Eldoret. Members of the National "
        "Association of Software and Service Companies met in Pune.",
    )
    assert {
        "Moi Teaching and Referral Hospital",
        "National Association of Software and Service Companies",
    } <= found


def test_a_countrys_name_the_model_cut_off_opens_the_bodys_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Nurses at Kenyatta National Hospital walked out on Monday. The Kenya National Union of Nurses said "
        "the strike would spread to Moi Teaching and Referral Hospital in Eldoret by Wednesday.",
    )
    assert found == {
        "Kenyatta National Hospital",
        "Kenya National Union of Nurses",
        "Moi Teaching and Referral Hospital",
    }


def test_a_name_before_a_companys_head_and_the_person_who_is_it_is_the_company(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Virgin Money agreed to a takeover by Nationwide Building Society on Thursday. Virgin Money chief "
        "executive David Duffy said the deal was good for customers.",
    )
    assert found == {"Virgin Money", "Nationwide Building Society"}
    assert (
        organisations(
            extractor, "Donald Trump chief of staff Susie Wiles said on Monday that Trump was pleased."
        )
        == set()
    )  # a person whose surname the text writes alone


def test_those_a_body_deals_with_listed_after_include_are_bodies(extractor: Extractor) -> None:
    found = organisations(extractor, "The festival's sponsors include Virgin Money and Johnnie Walker.")
    assert found == {"Virgin Money", "Johnnie Walker"}


def test_a_name_after_a_kind_of_body_takes_the_whole_title_the_model_found(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Data of two million users of the dating website Plenty of Fish was posted online."
    )
    assert found == {"Plenty of Fish"}


def test_a_subject_of_capitalised_words_joined_by_for_or_of_that_speaks_is_a_body(
    extractor: Extractor,
) -> None:
    found = organisations(
        extractor,
        "Transport for Greater Manchester said tram services were suspended. Friends of the Earth said the "
        "plan was too weak.",
    )
    assert found == {"Transport for Greater Manchester", "Friends of the Earth"}


def test_a_possessive_inside_a_name_of_people_or_a_saint_is_the_names(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Salvation Army and Women's Refuge said demand had doubled. Surgeons at St Mary's Hospital "
        "in Manchester separated the twins. The council will give $2 million to the Auckland City Mission, "
        "Mayor Wayne Brown said.",
    )
    assert {"Salvation Army", "Women's Refuge", "St Mary's Hospital", "Auckland City Mission"} <= found
    assert not {"Women", "St Mary"} & found


def test_capitalised_words_ending_in_an_organisation_word_the_model_missed_are_a_body(
    extractor: Extractor,
) -> None:
    found = organisations(
        extractor,
        "Nurses at Kenyatta National Hospital walked out on Monday. Grants from the Strategic Innovation "
        "Fund were cut.",
    )
    assert found == {"Kenyatta National Hospital"}  # a fund is a programme's word


def test_the_sides_of_a_score_are_teams_and_a_short_name_is_the_long_ones(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Crystal Palace won the FA Cup on Saturday, beating Manchester City 1-0. Palace chairman Steve "
        "Parish said it was the club's greatest day.",
    )
    assert {"Crystal Palace", "Manchester City"} <= found
    assert "Palace" not in found


def test_a_website_after_its_kind_and_the_papers_that_report_something_are_bodies(
    extractor: Extractor,
) -> None:
    found = organisations(
        extractor,
        "The investigative website Bellingcat identified the unit responsible for the strike, the group said "
        "on Friday. Its findings were also reported by The Insider.",
    )
    assert found == {"Bellingcat", "Insider"}


def test_a_name_the_model_stopped_short_goes_on_to_its_body_word(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Doctors at the All India Institute of Medical Sciences in New Delhi went on strike. The Employment "
        "and Labour Relations Court on Tuesday stopped the transfers. The Bank of England's Prudential "
        "Regulation Authority must approve it.",
    )
    assert {
        "All India Institute of Medical Sciences",
        "Employment and Labour Relations Court",
        "Bank of England",
        "Prudential Regulation Authority",
    } <= found
    assert not {"All India Institute", "Labour Relations Court"} & found


def test_two_names_the_model_joined_at_and_are_two_bodies(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Firefly Aerospace and Relativity Space are also competing for launches. The Ministry of Electronics "
        "and Information Technology signed the agreement.",
    )
    assert found == {
        "Firefly Aerospace",
        "Relativity Space",
        "Ministry of Electronics and Information Technology",
    }


def test_a_name_an_appositive_calls_a_kind_of_body_is_no_person(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "She joined Walton Harris, a law firm in Leeds, in 2019. Jane Roe, a company director, said the "
        "deal was fair.",
    )
    assert found == {"Walton Harris"}
