"""The speaker's bond with another country is no agreement: 'Our partnership with the Philippines has never been
stronger' came out as an agreement in force (found trying a fresh Canadian release). A partnership named by its
subject or kind, qualified, or made, signed or to be signed, stays one. Written before the rule: 3 of 8 wrong."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import BEEHIVE as NZ
from tests.nlp.publishers import CANADA_GLOBAL_AFFAIRS as CANADA
from tests.nlp.publishers import GOV_UK as UK
from tests.nlp.publishers import INDIA_MEA_RELEASES as INDIA
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        ("Our partnership with the Philippines has never been stronger.", CANADA, set()),
        ("Our partnership with Japan continues to grow across trade, science and defence.", NZ, set()),
        ("India values its partnership with France, which rests on shared values.", INDIA, set()),
        (
            "The UK and Norway have signed a new green shipping partnership.",
            UK,
            sets(("United Kingdom", "Norway")),
        ),
        (
            "Our green shipping partnership with Norway will invest £20 million in zero-emission ferries.",
            UK,
            sets(("United Kingdom", "Norway")),
        ),
        ("Canada and Germany launched a hydrogen partnership in 2022.", CANADA, sets(("Canada", "Germany"))),
        (
            "Our partnership with Singapore on food security, agreed last year, is already delivering results.",
            NZ,
            sets(("New Zealand", "Singapore")),
        ),
    ],
)
def test_a_bond_is_no_agreement_and_a_made_partnership_is_one(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want
