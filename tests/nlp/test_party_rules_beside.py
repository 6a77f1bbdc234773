"""Who a clause's sides act beside is no side, and an alliance named by its pact is a party where the
agreement is made with it. Written probes, scored once before the rule (4 of 10 exact): 'With our NATO allies,
we will negotiate with the Soviet Union' gave NATO as a side, 'a new agreement with the Warsaw Pact' nothing
(the pact read as the agreement itself). Each case on one side of a boundary."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import WHITE_HOUSE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # allies before the clause's subject, or 'together with': those the speaker acts beside
        (
            "With our NATO allies, we will negotiate with the Soviet Union on reducing forces in Europe.",
            sets(("United States", "Soviet Union")),
        ),
        (
            "Together with Britain, we will open negotiations with the Soviet Union on a test ban.",
            sets(("United States", "Soviet Union")),
        ),
        (  # allies stay beside, whatever the stage
            "Alongside our European allies, we signed an agreement with Japan on steel.",
            sets(("United States", "Japan")),
        ),
        # a country alone before the subject, or allies the agreement is made with, are the other side
        # a country beside the maker of an agreement already made made it too (found by a review)
        (
            "Together with France, Germany signed an agreement with Morocco on green hydrogen exports.",
            sets(("Germany", "France", "Morocco")),
        ),
        (
            "Alongside Japan, the United States signed a critical minerals agreement with Kenya in Nairobi.",
            sets(("United States", "Japan", "Kenya")),
        ),
        (
            "Together with Mexico and Canada we have completed a free trade agreement.",
            sets(("United States", "Mexico", "Canada")),
        ),
        (
            "With Mexico, we have concluded an agreement on the waters of the Colorado River.",
            sets(("United States", "Mexico")),
        ),
        (
            "We have reached agreement with our NATO allies on a new strategy.",
            sets(("United States", "North Atlantic Treaty Organization")),
        ),
        # an alliance named by its pact: a party on the other side or acting, the treaty when said alone
        (
            "With our NATO allies, we will seek a new agreement with the Warsaw Pact on reducing forces.",
            sets(("United States", "Warsaw Pact")),
        ),
        (
            "We will seek a new agreement with the Warsaw Pact on reducing forces in Central Europe.",
            sets(("United States", "Warsaw Pact")),
        ),
        (
            "The nations of the Warsaw Pact have agreed to negotiate with NATO on conventional forces.",
            sets(("North Atlantic Treaty Organization", "Warsaw Pact")),
        ),
        ("The Warsaw Pact was signed in 1955.", set()),
    ],
)
def test_sides_beside_and_alliances_named_by_their_pact(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == want
