"""Organisations in news reports, session 12 of issue 19: an acronym the text spells out in brackets means its
own body everywhere in the text, whatever a table says ('the Armed Forces of the Philippines (AFP)'); a report's
dateline with its agency ('LONDON (Reuters) -') is no body; a unit after its parent's possessive is the parent;
the sides of a match won by a margin are clubs; a name in the plural with a singular verb is a company; the
maker of a product ('developed by Valve') is a body; a place the parse makes a compound of closes a body's name
('the Minerals Council South Africa'); a country's name closing a name listed with bodies only is a body's ('and
Brain Canada'); a name after a kind of company is one though the model took it for a place. Each text was written for the test, in the styles
`bench/organisation_probes.py` (batch 30) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(
    extractor: Extractor, text: str, *, url: str = "https://www.reuters.com/world/news12"
) -> set[str]:
    return organisations_at(extractor, text, url=url)


# --- the text's own bracketed acronym wins over the tables' ---


def test_an_acronym_the_text_spells_out_is_its_own_body_everywhere(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Armed Forces of the Philippines (AFP) sent two more battalions to Basilan on Monday. "
        "AFP chief General Romeo Brawner said the island was calm.",
        url="https://www.inquirer.net/news12",
    )
    assert found == {"Armed Forces of the Philippines"}


def test_an_acronym_in_brackets_after_a_regulator_is_the_regulator(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Nigerian Civil Aviation Authority (NCAA) suspended the airline's licence. The NCAA said the "
        "suspension would last a month.",
        url="https://punchng.com/news12",
    )
    assert found == {"Nigerian Civil Aviation Authority"}


def test_the_tables_body_in_the_texts_words_keeps_the_tables_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The UN Office for the Coordination of Humanitarian Affairs (OCHA) said the appeal was underfunded. "
        "OCHA asked donors for $400 million.",
    )
    assert "United Nations Office for the Coordination of Humanitarian Affairs" in found
    assert "Office for the Coordination of Humanitarian Affairs" not in found


# --- datelines, units and the sides of a match ---


def test_a_dateline_before_the_agency_in_brackets_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "ZURICH (Reuters) - UBS said on Tuesday it would cut 3,000 jobs in Switzerland."
    )
    assert found == {"Reuters", "UBS"}


def test_a_unit_after_its_parents_possessive_is_the_parent(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The Nigerian Army's 7th Division said it had rescued 40 hostages near Maiduguri."
    )
    assert found == {"Nigerian Army"}


def test_the_sides_of_a_match_won_by_a_score_are_clubs(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Gor Mahia beat Bandari FC 2-1 in Mombasa on Sunday.",
        url="https://nation.africa/kenya/sports/news12",
    )
    assert found == {"Gor Mahia", "Bandari FC"}


def test_the_winner_by_a_margin_over_a_club_is_a_club(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Geelong beat the Sydney Swans by 30 points on Friday night.",
        url="https://www.abc.net.au/news/sport/news12",
    )
    assert {"Geelong", "Sydney Swans"} <= found


def test_two_people_in_a_match_stay_people(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Carlos Alcaraz beat Jannik Sinner 6-4, 6-2 in the final in Madrid on Sunday."
    )
    assert found == set()


# --- what a name does ---


def test_a_plural_name_with_a_singular_verb_is_a_company(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Nintendo and Capcom will attend the fair, while Electronic Arts has cancelled its stand.",
        url="https://en.wikinews.org/wiki/news12",
    )
    assert "Electronic Arts" in found


def test_the_maker_of_a_product_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The game, developed by Valve with a small studio in Seattle, sold a million copies.",
        url="https://en.wikinews.org/wiki/news12",
    )
    assert found == {"Valve"}


def test_a_place_the_parse_makes_a_compound_of_closes_a_bodys_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Minerals Council South Africa urged the unions to return to talks.",
        url="https://www.news24.com/fin24/news12",
    )
    assert found == {"Minerals Council South Africa"}


def test_a_place_that_opens_the_next_clause_stays_apart(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Ukraine's envoy told the Security Council Russia had fired 40 missiles."
    )
    assert found == {"United Nations Security Council"}


def test_a_country_closing_a_name_listed_with_bodies_only_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The trial was paid for by the Canadian Cancer Society and Brain Canada.",
        url="https://www.cbc.ca/news/news12",
    )
    assert found == {"Canadian Cancer Society", "Brain Canada"}


def test_a_name_after_a_kind_of_company_is_one_though_tagged_as_a_place(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Its owner, the conglomerate Astra, also runs the marketplace Tokopedia."
    )
    assert found == {"Astra", "Tokopedia"}


def test_a_model_named_before_a_kind_of_team_stays_a_product(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Two Tornado teams were sent to the prison, and G4S said a further seven Tornado teams would follow.",
        url="https://www.gov.uk/government/speeches/news12",
    )
    assert "Tornado" not in found


# --- products beside their makers ---


def test_the_last_words_and_initials_of_a_numbered_product_are_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Mozilla released Firefox Quantum 57 on Tuesday. Quantum is faster than Chrome, Mozilla said, and FQ "
        "users will get the update automatically.",
        url="https://en.wikinews.org/wiki/news12",
    )
    assert "Mozilla" in found and not {"Quantum", "FQ", "Firefox Quantum"} & found


def test_the_maker_opening_a_numbered_products_name_stays_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sony said sales of the Sony PlayStation 5 rose. PlayStation sales in Japan fell.",
        url="https://en.wikinews.org/wiki/news12",
    )
    assert found == {"Sony"}


def test_a_product_from_its_maker_is_no_body_wherever_named(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Copilot from Microsoft answered most questions correctly, the study found. Copilot was launched "
        "in 2023.",
        url="https://en.wikinews.org/wiki/news12",
    )
    assert found == {"Microsoft"}
