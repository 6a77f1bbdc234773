"""An office holder the text gives no country signs for the publishing government, as releases name their own
ministers bare and others' with their country: 'Secretary Rubio and Australia signed' on the State
Department's site gave no agreement, and a foreign minister's title beside her name was a party of its own
('Foreign Minister'). Written for the test in the State Department's style."""

from __future__ import annotations

import pytest

from nlp.pipeline import Extractor
from tests.nlp.test_agreement_parties_round6 import parties_at, sets

STATE = "https://www.state.gov/releases/office-of-the-spokesperson/x"


@pytest.mark.parametrize(
    "text",
    [
        "Secretary Rubio and Australia signed a memorandum of understanding on critical minerals.",
        "Foreign Minister Penny Wong of Australia and Secretary Rubio signed a memorandum of understanding.",
        "Secretary Rubio and Foreign Minister Wong of Australia signed a memorandum of understanding.",
    ],
)
def test_a_bare_office_holder_signs_for_the_publisher(extractor: Extractor, text: str) -> None:
    assert parties_at(extractor, text, STATE) == sets(("United States", "Australia"))


def test_a_bare_office_holder_in_a_news_report_is_no_country(extractor: Extractor) -> None:
    text = "Secretary Rubio and Australia signed a memorandum of understanding on critical minerals."
    assert parties_at(extractor, text, "https://apnews.com/article/x") == set()
