"""Round-17 agreement rules through the Extractor (rules alone), each boundary with an example on both sides,
from the kinds of error 19th-century US annual messages showed: an agreement that failed to receive (obtain,
secure) the consent its legislature had to give, that failed to be ratified, or that a legislature rejected,
ended (a bill beside it that failed moves nothing, nor a failure only supposed; a proposal rejected is no
agreement rejected); one that has not yet received that
consent is signed and pending; one said to be 'in (the) course (process) of negotiation' after its noun is in
negotiation, whatever the clause's verb does with it (talks during which it was signed leave it signed); a state
named by its people's adjective ('the Mexican Republic', 'the Argentine Republic') is its country, and the
treaty's date the recogniser read into the name ('... of the 2d of May, 1853') no part of it."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of

US = "https://www.whitehouse.gov/"

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    # refused: ended
    (
        US,
        "The commercial convention with Ecuador, signed at Quito in 1899, failed to secure the approval of the "
        "Ecuadorian Congress.",
        {(frozenset({"United States", "Ecuador"}), "ended")},
    ),
    (
        US,
        "A treaty of extradition with Bolivia was concluded in March, but it failed to receive the advice and "
        "consent of the Senate.",
        {(frozenset({"United States", "Bolivia"}), "ended")},
    ),
    (
        US,
        "A treaty of extradition with Bolivia was signed in March, but the tariff bill failed to receive the "
        "approval of the Senate.",
        {(frozenset({"United States", "Bolivia"}), "signed")},
    ),
    (
        US,
        "A treaty of commerce with Spain was concluded in 1884, but it failed to be ratified.",
        {(frozenset({"United States", "Spain"}), "ended")},
    ),
    (
        US,
        "The treaty with Spain, concluded in 1884, will fail to be ratified unless the Senate acts.",
        {(frozenset({"United States", "Spain"}), "signed")},
    ),
    (
        US,
        "The Senate rejected the arbitration treaty with Norway.",
        {(frozenset({"United States", "Norway"}), "ended")},
    ),
    (
        US,
        "Norway rejected our proposal for an arbitration treaty.",
        {(frozenset({"United States", "Norway"}), "unknown")},
    ),
    # consent still awaited: signed
    (
        US,
        "The consular convention with Sweden has not yet received the consent of the Senate.",
        {(frozenset({"United States", "Sweden"}), "signed")},
    ),
    # still under talks
    (
        US,
        "I shall soon lay before the Senate a treaty of commerce with Persia, now in the course of negotiation.",
        {(frozenset({"United States", "Iran"}), "in_negotiation")},
    ),
    (
        US,
        "A postal convention with Uruguay is in process of negotiation.",
        {(frozenset({"United States", "Uruguay"}), "in_negotiation")},
    ),
    (
        US,
        "In the course of negotiations at Lima, a postal convention with Peru was signed.",
        {(frozenset({"United States", "Peru"}), "signed")},
    ),
    # a state named by its people's adjective, a date read into its name
    (
        US,
        "The commission organized under the convention with the Argentine Republic of the 2d of May, 1853, has "
        "finished its work.",
        {(frozenset({"United States", "Argentina"}), "in_force")},
    ),
    (
        US,
        "A treaty of commerce with the Mexican Republic was signed at Mexico in December.",
        {(frozenset({"United States", "Mexico"}), "signed")},
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_agreements(url: str, text: str, expected: set[AgreementKey]) -> None:
    assert agreements_of(url, text) == expected
