"""Round-16a agreement rules through the Extractor (rules alone), each boundary with an example on both sides,
from the kinds of error pre-1946 US annual messages showed: an agreement that has become void ended ('would
become void unless' ends nothing); ratifications said exchanged in an absolute clause put it in force; talks
that ended (were brought to a close) in an agreement made it, and a clause of taking effect on its other side
tells its stage; a sentence pointing back that puts it before a legislature or keeps it in force moves it on
('is to come into force next year' does not); a country naming talks ('with Brazil negotiations', so parsed) is
their other side; 'those' made with named sides after agreements made in the plural are one agreement per side;
'that Government' is the country named before, no party of its own; talks said to be 'in progress with'
a country are with it (a rule written after the round's aside score)."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of

US = "https://www.whitehouse.gov/"
UK = "https://www.gov.uk/government/news/x"

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    (
        US,
        "The consular convention with Paraguay was not approved by the Paraguayan Congress in time and has "
        "therefore become void.",
        {(frozenset({"United States", "Paraguay"}), "ended")},
    ),
    (
        US,
        "A treaty of commerce with Paraguay was signed in 1890. The treaty was ratified by the President of "
        "Paraguay, but did not receive the approval of its Congress, and has therefore become void.",
        {(frozenset({"United States", "Paraguay"}), "ended")},
    ),
    (
        UK,
        "The 2004 air services arrangement between the United Kingdom and Ghana is now null and void.",
        {(frozenset({"United Kingdom", "Ghana"}), "ended")},
    ),
    (
        US,
        "The extradition treaty with Paraguay, signed in May, would become void if the Senate failed to act "
        "upon it.",
        {(frozenset({"United States", "Paraguay"}), "signed")},
    ),
    (
        US,
        "The treaty of commerce with Bolivia, the ratifications having been exchanged at La Paz, is now "
        "transmitted to the Congress.",
        {(frozenset({"United States", "Bolivia"}), "in_force")},
    ),
    (
        US,
        "The negotiations with Uruguay were brought to an end in a convention with that Government, which took "
        "effect in March.",
        {(frozenset({"United States", "Uruguay"}), "in_force")},
    ),
    (
        UK,
        "Talks with Chile ended in a trade agreement with the Chilean government, which will take effect in "
        "2027.",
        {(frozenset({"United Kingdom", "Chile"}), "signed")},
    ),
    (
        US,
        "We have negotiated a treaty of extradition with Guatemala. This treaty is pending before the Senate.",
        {(frozenset({"United States", "Guatemala"}), "signed")},
    ),
    (
        UK,
        "The UK and Norway signed a youth mobility arrangement in 2022. The arrangement remains in force until "
        "2030.",
        {(frozenset({"United Kingdom", "Norway"}), "in_force")},
    ),
    (
        UK,
        "The UK and Norway signed a youth mobility arrangement in 2022. The arrangement is to come into force in "
        "2026.",
        {(frozenset({"United Kingdom", "Norway"}), "signed")},
    ),
    (
        US,
        "I propose to open with Ecuador negotiations for a new treaty of commerce.",
        {(frozenset({"United States", "Ecuador"}), "in_negotiation")},
    ),
    (
        US,
        "Negotiations are now in progress with Brazil for the settlement of the boundary.",
        {(frozenset({"United States", "Brazil"}), "in_negotiation")},
    ),
    (
        US,
        "Negotiations are now in progress for the settlement of the boundary.",
        set(),
    ),
    (
        US,
        "Arrangements for the payment of claims have been made with several governments. Those made with Peru "
        "and Chile have been approved by the Congress.",
        {
            (frozenset({"United States", "Peru"}), "in_force"),
            (frozenset({"United States", "Chile"}), "in_force"),
        },
    ),
    (
        US,
        "Arrangements for the payment of claims have been made with several governments. Those made with Peru "
        "and Chile will be submitted to the Senate.",
        {
            (frozenset({"United States", "Peru"}), "signed"),
            (frozenset({"United States", "Chile"}), "signed"),
        },
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_agreements(url: str, text: str, expected: set[AgreementKey]) -> None:
    assert agreements_of(url, text) == expected
