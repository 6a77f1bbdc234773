"""Round-18 party rules through the Extractor (rules alone), each boundary with an example on both sides: a former
state the gazetteer's `former_states.tsv` names is a party by its own name ('the Sublime Porte' → Ottoman Empire,
'the Two Sicilies', 'Austria-Hungary', whose hyphen sets nothing off), one whose bare name is a place today
('Bavaria') only where the agreement is made with it, and a former state a state today continues is that state
('New Granada' → Colombia); a foreign monarch's bare title ('The Sultan') as the subject stands for the foreign
country named before, and so does 'That Government' (a former state's government named by its people's
adjective, 'The Ottoman Government', too); a body the entities step named where the model saw a person or nothing
('the bus operator Stagecoach') is a side as the bodies it tagged are."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of
from tests.nlp.publishers import GOV_UK, WHITE_HOUSE, WIRE

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    # former states that no state continues keep their names
    (
        WHITE_HOUSE,
        "A convention with the Sublime Porte respecting the rights of naturalized citizens was signed in August.",
        {(frozenset({"United States", "Ottoman Empire"}), "signed")},
    ),
    (
        WHITE_HOUSE,
        "A consular convention has been negotiated with the Kingdom of the Two Sicilies and will be submitted to "
        "the Senate.",
        {(frozenset({"United States", "Two Sicilies"}), "agreed")},
    ),
    (
        WHITE_HOUSE,
        "The postal convention with the North German Confederation went into operation in January.",
        {(frozenset({"United States", "North Germany"}), "in_force")},
    ),
    (
        WHITE_HOUSE,
        "A treaty of naturalization with the King of Wurtemberg has been ratified.",
        {(frozenset({"United States", "Wurtemberg"}), "in_force")},
    ),
    # a hyphen inside a state's name sets off no list; one agreement per counterpart
    (
        WHITE_HOUSE,
        "Conventions for the extradition of criminals were concluded with Austria-Hungary and with Belgium.",
        {
            (frozenset({"United States", "Austria-Hungary"}), "signed"),
            (frozenset({"United States", "Belgium"}), "signed"),
        },
    ),
    # a former state that a state today continues is that state
    (
        WHITE_HOUSE,
        "The claims convention with the Granadine Confederation has been ratified by both Governments.",
        {(frozenset({"United States", "Colombia"}), "in_force")},
    ),
    # a bare name that is a place today is a side only as a place is: where the agreement is made with it
    (
        GOV_UK,
        "The UK and Japan signed a trade agreement to support car plants in Bavaria and the Midlands.",
        {(frozenset({"United Kingdom", "Japan"}), "signed")},
    ),
    # a foreign monarch's bare title stands for the foreign country named before; a realm of its own is its own
    (
        WHITE_HOUSE,
        "Our consul was received at the court of Persia in the spring. The Shah has since agreed to a convention "
        "securing the rights of American missionaries.",
        {(frozenset({"United States", "Iran"}), "agreed")},
    ),
    (
        WHITE_HOUSE,
        "Our consul was received at the court of Persia in the spring. The Sultan of Oman has since agreed to a "
        "treaty of commerce.",
        {(frozenset({"United States", "Oman"}), "agreed")},
    ),
    # a former state's government by its people's adjective, and 'That Government' as the subject, point back
    (
        WHITE_HOUSE,
        "The Ottoman Government gave notice of its desire to end the old arrangement. That Government has invited "
        "negotiations toward the conclusion of a new treaty.",
        {(frozenset({"United States", "Ottoman Empire"}), "in_negotiation")},
    ),
    (  # two sentences back where the sentence between names no one (as before for a country the parse reads)
        WHITE_HOUSE,
        "We have had a long correspondence with Brazil. No reply has yet been received to our last note. That "
        "Government has proposed negotiations for a new treaty.",
        {(frozenset({"United States", "Brazil"}), "in_negotiation")},
    ),
    (
        WHITE_HOUSE,
        "The Prussian Government has recalled its minister from Washington. No reply has yet been received to our "
        "last note. That Government has proposed negotiations for a new treaty.",
        {(frozenset({"United States", "Prussia"}), "in_negotiation")},
    ),
    (  # the speaker's own government, named after its leader, is no foreign side to point back to
        WHITE_HOUSE,
        "The Albanese Government has long pressed its claims. That Government has now proposed a new treaty.",
        set(),
    ),
    # bodies the entities step named where the model did not
    (
        WIRE,
        "The union Unite and the bus operator Stagecoach struck a pay deal on Friday, ending a three-week strike.",
        {(frozenset({"Unite", "Stagecoach"}), "agreed")},
    ),
]


@pytest.mark.parametrize(("url", "text", "want"), CASES)
def test_round18_parties(url: str, text: str, want: set[AgreementKey]) -> None:
    assert agreements_of(url, text) == want
