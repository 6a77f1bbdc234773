"""The gazetteer: countries with ISO codes, international bodies apart from countries."""

from __future__ import annotations

import pytest

from presswatch.gazetteer import canonical_name, countries, country, demonym, demonym_of, international_body


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
