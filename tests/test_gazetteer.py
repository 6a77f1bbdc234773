"""The gazetteer: countries with ISO codes, international bodies apart from countries."""

from __future__ import annotations

import pytest

from api.filters import normalize_entity
from presswatch.gazetteer import (
    canonical_name,
    countries,
    country,
    demonym,
    demonym_of,
    former_state,
    international_body,
    still_a_place,
)


@pytest.mark.parametrize(
    ("written", "name", "code"),
    [
        ("UK", "United Kingdom", "GB"),
        ("the U.K.", "United Kingdom", "GB"),
        ("Britain", "United Kingdom", "GB"),
        ("Kosovo", "Kosovo", "XK"),
        ("Türkiye", "Turkey", "TR"),
        ("macedonia", "North Macedonia", "MK"),
        # the names of the 1950s treaties: 'Korea' alone is the Republic of Korea, 'the Republic of China' Taiwan
        ("Korea", "South Korea", "KR"),
        ("the Republic of China", "Taiwan", "TW"),
        ("People's Republic of China", "China", "CN"),
        # territories with their own codes, as the annotation guide counts them; 'Porto Rico' as 1898-1932 wrote it
        ("Hong Kong SAR", "Hong Kong", "HK"),
        ("Porto Rico", "Puerto Rico", "PR"),
        ("the Falklands", "Falkland Islands", "FK"),
    ],
)
def test_countries_resolve_to_name_and_iso_code(written: str, name: str, code: str) -> None:
    place = country(written)
    assert place is not None
    assert (place.name, place.code) == (name, code)


def test_the_western_european_union_is_not_the_european_union() -> None:
    body = international_body("the Western European Union")
    assert body is not None
    assert body.name == "Western European Union"


def test_the_eu_is_an_international_body_not_a_country() -> None:
    assert country("EU") is None
    body = international_body("the EU")
    assert body is not None
    assert body.name == "European Union"


def test_codes_are_unique_two_letter_codes() -> None:
    codes = [c.code for c in countries()]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isupper() for c in codes)


def test_unknown_names_come_back_trimmed() -> None:
    assert canonical_name("  Border   Security Command ") == "Border Security Command"


def test_every_country_has_its_people_named() -> None:
    """A demonym for every country of the table: 86 had none, so 'up to 10,000 Papua New Guineans' gave an
    organisation 'Papua New Guineans' (the rules tell a people from a body by this table)."""
    # 'Vatican' names the state itself, so the Holy See has none
    assert [c.name for c in countries() if demonym_of(c.code) is None and c.code != "VA"] == []
    found = demonym("Papua New Guineans")
    assert found is not None and found.code == "PG"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("the Sublime Porte", "Ottoman Empire"),
        ("the Kingdom of Prussia", "Prussia"),
        ("the North German Union", "North Germany"),
        ("Württemberg", "Wurtemberg"),
        ("the Kingdom of the Two Sicilies", "Two Sicilies"),
        ("Austria-Hungary", "Austria-Hungary"),
    ],
)
def test_former_states_have_one_name_and_no_country_code(written: str, name: str) -> None:
    """A former state no state continues is named one way (the API's entity filter too: `entity=the Kingdom of
    Prussia` filters as Prussia), and is no country of the countries field, having no ISO code."""
    state = former_state(written)
    assert state is not None and state.name == name and state.code == ""
    assert country(written) is None
    assert canonical_name(written) == name == normalize_entity(written)


def test_former_states_that_a_state_continues_are_that_state() -> None:
    """'the Argentine Confederation' is Argentina (AR), 'New Granada' Colombia (CO): the guide names a counterpart
    as the state it is today where that state continues."""
    assert [(p.name, p.code) for p in map(country, ["the Argentine Confederation", "New Granada"]) if p] == [
        ("Argentina", "AR"),
        ("Colombia", "CO"),
    ]
    assert former_state("New Granada") is None


def test_a_former_state_whose_name_is_a_place_today_says_so() -> None:
    bavaria, porte = former_state("Bavaria"), former_state("Sublime Porte")
    assert bavaria is not None and still_a_place(bavaria)
    assert porte is not None and not still_a_place(porte)
