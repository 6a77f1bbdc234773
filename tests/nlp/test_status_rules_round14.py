"""Round-14 status rules through the Extractor (rules alone), each boundary with an example on both sides:
'subscribed' an agreement signs it ('will subscribe' is planned, 'subscribes to' its principles signs nothing);
a sentence-case headline's present ('Laos ink deal') is its verb; agreements exchanged (as the passive's
subject) are signed, offers exchanged are not; a staff-level agreement concluded is agreed, an agreement
concluded with a side is signed; an end or a taking effect only ahead or supposed keeps the stage the text gave
('could collapse' after 'agreed on a framework'), while a said end or effect moves it; what 'this' is called in a
quote ('a landmark deal that will remove tariffs') is the agreement named before, not another in force."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of
from tests.nlp.publishers import WIRE_HOME as WIRE

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    (
        WIRE,
        "Mexico and Chile subscribed a memorandum of understanding on energy cooperation.",
        {(frozenset({"Mexico", "Chile"}), "signed")},
    ),
    (
        WIRE,
        "Mexico and Chile will subscribe a memorandum of understanding on energy cooperation.",
        {(frozenset({"Mexico", "Chile"}), "planned")},
    ),
    (
        WIRE,
        "Mexico and Chile subscribed to the Paris Agreement in 2016.",
        {(frozenset({"Mexico", "Chile"}), "in_force")},
    ),
    (
        WIRE,
        "Viet Nam, Laos ink deal on cross-border power trade",
        {(frozenset({"Vietnam", "Laos"}), "signed")},
    ),
    (
        WIRE,
        "MoUs were exchanged between India and Kenya in the fields of health and trade.",
        {(frozenset({"India", "Kenya"}), "signed")},
    ),
    (
        WIRE,
        "Proposals for a trade agreement were exchanged between India and Kenya.",
        {(frozenset({"India", "Kenya"}), "in_negotiation")},
    ),
    (
        WIRE,
        "Ghana has concluded a staff-level agreement with the International Monetary Fund.",
        {(frozenset({"Ghana", "International Monetary Fund"}), "agreed")},
    ),
    (
        WIRE,
        "Ghana has concluded a trade agreement with Togo.",
        {(frozenset({"Ghana", "Togo"}), "signed")},
    ),
    (
        WIRE,
        "Iran and the IAEA have agreed on a framework for inspections. Officials warned that the deal could "
        "collapse if sanctions returned.",
        {(frozenset({"Iran", "International Atomic Energy Agency"}), "agreed")},
    ),
    (
        WIRE,
        "Iran and the IAEA have agreed on a framework for inspections. Officials said the deal collapsed in "
        "March.",
        {(frozenset({"Iran", "International Atomic Energy Agency"}), "ended")},
    ),
    (
        WIRE,
        "Argentina and Brazil agreed Friday to cut tariffs on steel, ending a dispute. Officials said the deal "
        "would take effect Jan. 1.",
        {(frozenset({"Argentina", "Brazil"}), "agreed")},
    ),
    (
        WIRE,
        "Argentina and Brazil agreed Friday to cut tariffs on steel, ending a dispute. Officials said the deal "
        "took effect Jan. 1.",
        {(frozenset({"Argentina", "Brazil"}), "in_force")},
    ),
    (
        "https://www.beehive.govt.nz/",
        'New Zealand and India have concluded negotiations on a free trade agreement. "This is a landmark deal '
        'that will remove tariffs on our exports to India," the Minister said. The agreement is expected to be '
        "signed next year.",
        {(frozenset({"New Zealand", "India"}), "agreed")},
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_status(url: str, text: str, expected: set[AgreementKey]) -> None:
    assert agreements_of(url, text) == expected
