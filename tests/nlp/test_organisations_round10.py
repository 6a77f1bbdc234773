"""Organisations in news reports, round 10 of issue 19: acronyms of well-known bodies the tables expand (leagues,
agencies, parties, armed forces), a nationality's party ('Scottish Labour') as one name, and a name that ends in
a possessive ("Sainsbury's") kept whole. Each text was written for the test, in the styles
`bench/organisation_probes.py` (batch 24) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations as organisations_at


def organisations(
    extractor: Extractor, text: str, *, url: str = "https://en.wikinews.org/wiki/round10"
) -> set[str]:
    return organisations_at(extractor, text, url=url)


# --- acronyms of well-known bodies ---


def test_a_sports_league_s_acronym_is_the_league(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The NHL suspended a Boston defenceman for six games on Monday. The NFL said it would review its own "
        "rules on hits to the head.",
    )
    assert {"National Hockey League", "National Football League"} <= found
    assert not found & {"NHL", "NFL"}


def test_the_gop_is_the_republican_party(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "GOP senators in Washington said on Tuesday they would oppose the spending bill.",
        url="https://www.reuters.com/world/us/round10",
    )
    assert "Republican Party" in found and "GOP" not in found


def test_esa_is_the_european_space_agency(extractor: Extractor) -> None:
    found = organisations(
        extractor, "ESA said on Friday that its Mars orbiter had lost contact for six hours."
    )
    assert found == {"European Space Agency"}


def test_an_acronym_the_text_defines_as_a_law_is_no_table_s_body(extractor: Extractor) -> None:
    """The text's own meaning wins over a table's: 'ESA' spelled out as an act is no space agency."""
    found = organisations(
        extractor,
        "The Endangered Species Act (ESA) protections for the gray wolf will be restored, a judge ruled. "
        "The ESA has protected the species since 1974.",
        url="https://apnews.com/article/round10",
    )
    assert "European Space Agency" not in found and "ESA" not in found
    agency = organisations(
        extractor, "The European Space Agency (ESA) said its Mars orbiter had lost contact."
    )
    assert agency == {"European Space Agency"}  # boundary: spelled out as the body, it is the body


def test_the_raf_is_the_royal_air_force_in_uk_news(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The RAF said two of its pilots had been rescued off the coast of Norfolk on Sunday.",
        url="https://www.bbc.co.uk/news/round10",
    )
    assert found == {"Royal Air Force"}


def test_the_fed_is_the_federal_reserve_in_a_us_report(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Fed raised interest rates by a quarter point on Wednesday, its third rise this year in the "
        "United States.",
    )
    assert "Federal Reserve" in found and "Fed" not in found


# --- a nation's party ---


def test_a_nation_s_adjective_and_a_party_s_name_is_one_party(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Scottish Labour and the Scottish Greens backed the bill at Holyrood on Thursday, but the Scottish "
        "Conservatives voted against it.",
        url="https://www.heraldscotland.com/news/round10",
    )
    assert found == {"Scottish Labour", "Scottish Greens", "Scottish Conservatives"}


def test_a_nation_s_party_before_its_leader_s_name_is_the_party(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Welsh Conservatives leader Rhian Price said the plan would hurt farmers in Powys.",
        url="https://www.walesonline.co.uk/news/round10",
    )
    assert "Welsh Conservatives" in found


# --- a name written with its "'s" ---


def test_a_name_the_text_writes_with_its_possessive_keeps_it(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sainsbury's said on Tuesday it would cut the price of bread. Sainsbury's shares rose 3 percent. "
        "The charity Barnardo's said the cut would help families.",
    )
    assert found == {"Sainsbury's", "Barnardo's"}


def test_an_owner_s_possessive_is_still_no_part_of_its_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Tesco's profits rose 9 percent, and Unilever's chief executive said prices would stay high.",
    )
    assert found == {"Tesco", "Unilever"}


# --- a body the model takes for a person ---


def test_a_plural_looking_name_coordinated_with_a_body_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Tesco and Morrisons said on Friday they would freeze the price of bread until March.",
    )
    assert found == {"Tesco", "Morrisons"}


def test_a_plural_of_people_before_a_possessive_is_inside_the_name(extractor: Extractor) -> None:
    """'The National Cattlemen's Beef Association' is one body (a possessive owned by a plural of people, as in
    "Women's Refuge"); a body's own possessive still owns what follows (boundary)."""
    found = organisations(extractor, "The National Cattlemen's Beef Association said ranchers would appeal.")
    assert found == {"National Cattlemen's Beef Association"}
    owner = organisations(extractor, "The Nuclear Industry Association's annual conference opened in London.")
    assert owner == {"Nuclear Industry Association"}
