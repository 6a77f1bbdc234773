"""An agreement noun inside a definite phrase ('the treaty text', 'the deal terms') points back to the agreement
named before, as 'the treaty' would, and founds no second one; a phrase that names its own ('the 2019 treaty
text', 'a treaty text') or a first mention still founds one."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of
from tests.nlp.publishers import GOV_UK

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    (
        GOV_UK,
        "The agreement reached with Serbia on Kosovo was welcomed by ministers. Both sides will now finalise the "
        "treaty text.",
        {(frozenset({"United Kingdom", "Serbia"}), "agreed")},
    ),
    (
        GOV_UK,
        "The UK signed a returns deal with Albania on Monday. Officials said the deal terms would be published "
        "next week.",
        {(frozenset({"United Kingdom", "Albania"}), "signed")},
    ),
    # an agreement noun before another is part of that one's name: the head decides
    (
        GOV_UK,
        "The EU and Japan signed a security and defence partnership, five years after their economic "
        "partnership agreement entered into force.",
        {
            (frozenset({"European Union", "Japan"}), "signed"),
            (frozenset({"European Union", "Japan"}), "in_force"),
        },
    ),
    # a first mention founds one, definite or not
    (
        GOV_UK,
        "The UK and Norway will begin the treaty negotiations in March.",
        {(frozenset({"United Kingdom", "Norway"}), "in_negotiation")},
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), CASES)
def test_an_agreement_noun_in_a_definite_phrase_points_back(
    url: str, text: str, expected: set[AgreementKey]
) -> None:
    assert agreements_of(url, text) == expected
