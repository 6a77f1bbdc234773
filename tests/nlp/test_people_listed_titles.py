"""People in a list of titled surnames, round 13 of issue 19 (us13o): 'Speaker of the House O'Neill, Senate
Majority Leader Baker, ...' gave Baker the role 'Speaker of the House O'Neill, Senate Majority Leader' and lost
O'Neill; a capitalised office running into the next name is that name's, not the one before's; a surname the
model tags as nothing after an office ends the phrase. Each text was written for the test."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_roles import roles


def test_a_comma_ends_a_role_that_is_whole(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "I met with Speaker of the House Rayburn, Senate Majority Leader Mansfield, and the governors.",
    )
    assert found.get("Mansfield") == "Senate Majority Leader"


def test_a_surname_after_an_office_of_the_house_is_a_person(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "I met with Speaker of the House Rayburn, Senate Majority Leader Mansfield, and the governors.",
    )
    assert found.get("Rayburn") == "Speaker of the House"


def test_an_office_running_into_the_next_name_is_that_names(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "The Prime Minister met Opposition Leader Dutton, Speaker of the House Dick, and the premiers.",
    )
    assert found.get("Dutton") == "Opposition Leader"


def test_an_untagged_surname_after_an_office_is_a_person(extractor: Extractor) -> None:
    found = roles(extractor, "The bill was praised by House Minority Whip Clyburn.")
    assert found.get("Clyburn") == "House Minority Whip"


def test_an_office_in_the_plural_is_no_name(extractor: Extractor) -> None:
    found = roles(extractor, "Their Executive Directors have recommended an increase in each quota.")
    assert "Directors" not in found


def test_an_office_opened_by_chief_is_no_name(extractor: Extractor) -> None:
    found = roles(extractor, "Our Chief Planner helped draw up the plan for the islands.")
    assert "Planner" not in found
