"""Status boundaries found running fresh releases and addresses through the Extractor (rules alone), each with
an example on both sides: an agreement whose own clause says it lapsed and whose renewal is denied has ended
(a renewal ahead is a plan); what a new step builds on exists; what talks under way will result in is being
negotiated."""

from __future__ import annotations

import pytest

from tests.nlp.agreement_cases import AgreementKey, agreements_of
from tests.nlp.publishers import STATE, WHITE_HOUSE

CASES: list[tuple[str, str, set[AgreementKey]]] = [
    (
        WHITE_HOUSE,
        "The reciprocity arrangement with France, which expired in June, has not been renewed.",
        {(frozenset({"United States", "France"}), "ended")},
    ),
    (
        WHITE_HOUSE,
        "The reciprocity arrangement with France, which expired in June, will be renewed.",
        {(frozenset({"United States", "France"}), "planned")},
    ),
    (
        STATE,
        "The memorandum builds on the 2024 agreement between the U.S. Geological Survey and Kazakhstan's Ministry "
        "of Industry and Construction.",
        {(frozenset({"United States Geological Survey", "Kazakhstan"}), "in_force")},
    ),
    (
        WHITE_HOUSE,
        "Negotiations with Great Britain for the settlement of the boundary are still in progress, and I trust "
        "they will soon result in an agreement satisfactory to both nations.",
        {(frozenset({"United States", "United Kingdom"}), "in_negotiation")},
    ),
    (  # 'both nations' are the side the sentence holds talks with and the government, not Japan named before
        "https://www.presidency.ucsb.edu/documents/annual-message",
        "The treaty of commerce with Japan has been ratified by both Governments. Negotiations with Great Britain "
        "for the settlement of the boundary are still in progress, and I trust they will soon result in an "
        "agreement satisfactory to both nations.",
        {
            (frozenset({"United States", "Japan"}), "in_force"),
            (frozenset({"United States", "United Kingdom"}), "in_negotiation"),
        },
    ),
    (  # talks that have resulted in an agreement reached it
        WHITE_HOUSE,
        "The negotiations with Germany have resulted in an agreement on the terms of a commercial arrangement.",
        {(frozenset({"United States", "Germany"}), "agreed")},
    ),
    (
        WHITE_HOUSE,
        "We will sign an agreement with Great Britain that will result in lower tariffs.",
        {(frozenset({"United States", "United Kingdom"}), "planned")},
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), CASES)
def test_status(url: str, text: str, expected: set[AgreementKey]) -> None:
    assert agreements_of(url, text) == expected
