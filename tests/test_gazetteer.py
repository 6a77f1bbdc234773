"""The gazetteer: countries with ISO codes, international bodies apart from countries."""

from __future__ import annotations

import pytest

from presswatch.gazetteer import canonical_name, countries, country, international_body


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
