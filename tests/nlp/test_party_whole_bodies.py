"""An agreement's party is the body the entities step named whole, not the pieces the model cut it into: 'The US
Agency for International Development and the Kenya Red Cross Society signed an agreement' gave 'US Agency',
'Kenya', 'Red Cross Society' and 'International Development' (found by a fresh-eyes review). A country ruled
('the Emperor of Japan') and several bodies named at once ('the Scottish and Welsh Governments') stay read as
before."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import KENYA, STATE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "The US Agency for International Development and the Kenya Red Cross Society signed an agreement.",
            KENYA,
            sets(("United States Agency for International Development", "Kenya Red Cross Society")),
        ),
        (
            # one word opening a body's name before the publisher's country: the company, with the country
            "The Government has signed a new agreement with Air New Zealand to keep regional routes flying.",
            "https://www.beehive.govt.nz/release/x",
            sets(("New Zealand", "Air New Zealand")),
        ),
        (
            "A convention with the Emperor of Japan for the protection of trademarks in Korea was signed at "
            "Washington.",
            STATE,
            sets(("United States", "Japan")),
        ),
    ],
)
def test_a_party_is_the_body_named_whole(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want
