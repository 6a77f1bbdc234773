"""Roles, round 7 (written probes, bench/people_probes.py batch 15): a role that names listed before it
share ('A and B, both professors at ...'), and where 'both' names no role."""

from nlp.pipeline import Extractor
from tests.nlp.test_roles import roles


def test_names_listed_before_both_and_a_plural_role_each_hold_it(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "Kevin Otieno and Alice Mbeki, both professors at the University of Nairobi, wrote the report.",
    )
    role = "professors at the University of Nairobi"
    assert found.get("Kevin Otieno") == role
    assert found.get("Alice Mbeki") == role


def test_a_description_between_listed_names_does_not_stop_the_shared_role(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "American Kevin King and Australian Timothy Weeks, both lecturers at the American University of "
        "Kabul, were released on Tuesday.",
    )
    assert (
        found.get("Kevin King")
        == found.get("Timothy Weeks")
        == "lecturers at the American University of Kabul"
    )


def test_both_before_no_role_gives_none(extractor: Extractor) -> None:
    found = roles(extractor, "Ann Wells and Tom Vale, both 34, were rescued from the boat on Sunday.")
    assert found.get("Ann Wells") is None
    assert found.get("Tom Vale") is None


def test_a_military_rank_is_no_part_of_the_name(extractor: Extractor) -> None:
    found = roles(extractor, "“Nobody was hurt,” said Sergeant Major Tom Ellis, who commands the base.")
    assert found == {"Tom Ellis": "Sergeant Major"}


def test_a_rank_gives_way_to_the_fuller_role_after_the_name(extractor: Extractor) -> None:
    found = roles(extractor, "“The ship was never in danger,” said Lieutenant Mark Dube, a navy spokesman.")
    assert found == {"Mark Dube": "navy spokesman"}


def test_a_surname_that_is_no_rank_stays_in_the_name(extractor: Extractor) -> None:
    assert "John Major" in roles(extractor, "John Major said the talks had failed.")


def test_a_surname_that_ends_places_names_is_a_person_described_as_one(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "In an interview with Wikinews, local resident Peter Hall described the scene. The concert was held "
        "at the Royal Albert Hall.",
    )
    assert "Peter Hall" in found
    assert "Royal Albert Hall" not in found and "Albert Hall" not in found


def test_a_capitalised_word_of_a_body_before_the_role_stays_in_it(extractor: Extractor) -> None:
    found = roles(extractor, "Air New Zealand spokesperson Jane Wilson said flights would resume at noon.")
    assert found == {"Jane Wilson": "Air New Zealand spokesperson"}


def test_praise_in_lower_case_is_still_no_part_of_the_role(extractor: Extractor) -> None:
    found = roles(extractor, "Anne Dufour, the new mayor of Lyon, said the festival would go ahead.")
    assert found == {"Anne Dufour": "mayor of Lyon"}


def test_a_participle_inside_the_role_does_not_end_it(extractor: Extractor) -> None:
    found = roles(
        extractor, "Priya Shah, co-founder of the start-up Farmlink, said the money would hire engineers."
    )
    assert found == {"Priya Shah": "co-founder of the start-up Farmlink"}


def test_professor_in_lower_case_after_the_name_is_an_office(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "Michael Chen, professor of economics at the University of Toronto, said the figures were worrying.",
    )
    assert found == {"Michael Chen": "professor of economics at the University of Toronto"}


def test_the_body_after_a_role_and_of_is_no_person(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "“We are delighted with the result,” said Tom Baker, manager of Hamilton Wanderers, after the match.",
    )
    assert found == {"Tom Baker": "manager of Hamilton Wanderers"}


def test_the_body_a_lower_case_office_is_of_stays_in_the_role(extractor: Extractor) -> None:
    found = roles(
        extractor, "National Parks Service director General Amina Yusuf said the park would reopen on Monday."
    )
    assert found == {"Amina Yusuf": "National Parks Service director General"}


def test_two_offices_joined_by_and_before_the_name(extractor: Extractor) -> None:
    found = roles(
        extractor, "Investors asked whether Farmlink founder and former CEO Dan Brooks had sold shares early."
    )
    assert found == {"Dan Brooks": "Farmlink founder and former CEO"}


def test_a_title_that_opens_the_next_clause_is_not_the_role_of_the_name_before(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "After a meeting with Queen Juliana, the Prime Minister returned to The Hague. Ann Vos, the Home "
        "Secretary, said the plan was fair.",
    )
    assert found.get("Juliana") != "Prime Minister"
    assert found.get("Ann Vos") == "Home Secretary"


def test_a_lower_case_agent_noun_before_the_name_is_the_role(extractor: Extractor) -> None:
    found = roles(extractor, "Three of the heroes, including cosplayer Jessica Anderson, posed for photos.")
    assert found == {"Jessica Anderson": "cosplayer"}


def test_kin_before_the_name_is_no_role(extractor: Extractor) -> None:
    found = roles(extractor, "Dev Patel opened the shop in 1998. His brother Tom Patel joined him in 2004.")
    assert found.get("Tom Patel") is None


def test_local_is_no_part_of_the_office(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "Local shop owner Dev Patel said traffic had grown. As Stephen Kinnock, the local MP, has said, "
        "steel matters.",
    )
    assert found == {"Dev Patel": "shop owner", "Stephen Kinnock": "MP"}


def test_a_role_after_and_is_the_next_names_not_a_fragment_of_this_ones(extractor: Extractor) -> None:
    found = roles(
        extractor, "The club's chairman, Peter Moss, and its manager, Ian Holt, both resigned on Monday."
    )
    assert found == {"Peter Moss": "chairman", "Ian Holt": "manager"}
