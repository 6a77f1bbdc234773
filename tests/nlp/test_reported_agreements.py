"""Who reports an agreement whose clause names both its sides is no side: 'Egypt, Qatar and the United States
said that Israel and Hamas had agreed to a ceasefire deal' gave five parties. Who reports one it made itself
('Qatar said it had signed a deal with Turkey') still is. Written for the test in wire reports' style."""

from __future__ import annotations

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import AL_JAZEERA as WIRE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Egypt, Qatar and the United States said on Wednesday that Israel and Hamas had agreed to the first"
            " phase of a ceasefire deal.",
            sets(("Israel", "Hamas")),
        ),
        ("Qatar said Israel and Hamas had signed a ceasefire deal.", sets(("Israel", "Hamas"))),
        ("Qatar said it had signed a deal with Turkey.", sets(("Qatar", "Turkey"))),
    ],
)
def test_who_reports_an_agreement_of_two_named_sides_is_no_side(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WIRE) == want
