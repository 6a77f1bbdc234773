"""Issue 19's seventh round of party rules, on the real model: what a relative clause, a participle or a clause
joined by 'and' says of something else names no side of the agreement (the wrong counterpart country), while
one that makes the agreement, is on those who act for a country, or is the only place a side is named, does;
and a country in what an agreement is about ('on salmon in the waters off Alaska') is no side. Each case on
one side of the boundary."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import CANADA, EU, INDIA, KENYA, WHITE_HOUSE, WIRE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a relative clause on the agreement or its side, saying something else: no side
        (
            "The treaty with Panama, which Colombia had long opposed, has now been ratified.",
            WHITE_HOUSE,
            sets(("United States", "Panama")),
        ),
        (
            "The European Union signed a partnership agreement with Chile, whose copper exports go mostly to China.",
            EU,
            sets(("European Union", "Chile")),
        ),
        # a participle on a venue or an apposition
        (
            "Canada signed a free trade agreement with Ukraine at a ceremony hosted by Poland.",
            CANADA,
            sets(("Canada", "Ukraine")),
        ),
        (
            "Australia signed a security pact with Papua New Guinea, a move seen as countering China.",
            WIRE,
            sets(("Australia", "Papua New Guinea")),
        ),
        (
            "At talks hosted by Egypt in Cairo, Israel and Hamas agreed to a ceasefire deal.",
            WIRE,
            sets(("Israel", "Hamas")),
        ),
        # a clause joined by 'and' with a subject of its own that only welcomes it
        (
            "We have signed an agreement with Egypt to help build a power plant on the Nile, and Israel has "
            "welcomed it.",
            WHITE_HOUSE,
            sets(("United States", "Egypt")),
        ),
        # the other side of the boundary: a clause that makes the agreement names its sides
        (
            "The Panama Canal treaties, which I signed with General Torrijos, will be before the Senate this spring.",
            WHITE_HOUSE,
            sets(("United States", "Panama")),
        ),
        # a participle on those who act for a country keeps them
        (
            "Delegates representing Japan and Korea signed a fisheries agreement.",
            WIRE,
            sets(("Japan", "South Korea")),
        ),
        # a participle on the agreement noun itself keeps its other side
        (
            "We have signed an agreement governing trade with Japan.",
            WHITE_HOUSE,
            sets(("United States", "Japan")),
        ),
        # where nothing else names a side but the speaker, the country such a clause names is the reading
        (
            "Any long-term deal we agree to must be based on verifiable action that convinces us and the "
            "international community that Iran is not building a nuclear bomb.",
            WHITE_HOUSE,
            sets(("United States", "Iran")),
        ),
    ],
)
def test_what_is_said_of_something_else(text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(Extractor(use_classifier=False), text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a country in what the agreement is about is no side
        (
            "We have signed an agreement with Canada on the protection of salmon in the waters off Alaska and Russia.",
            WHITE_HOUSE,
            sets(("United States", "Canada")),
        ),
        (
            "India signed an agreement with Bhutan on hydropower exports to Bangladesh.",
            INDIA,
            sets(("India", "Bhutan")),
        ),
        (
            "Kenya signed a memorandum of understanding with Ethiopia on the transport corridor to South Sudan.",
            KENYA,
            sets(("Kenya", "Ethiopia")),
        ),
        (
            "We have agreed with Israel on a plan for economic aid to Jordan.",
            WHITE_HOUSE,
            sets(("United States", "Israel")),
        ),
        (
            "India and Japan signed an agreement on a high-speed rail link between Mumbai and Ahmedabad.",
            INDIA,
            sets(("India", "Japan")),
        ),
        # the other side: a side named inside what it is about, or the only one named there
        ("We signed an agreement on trade with Japan.", WHITE_HOUSE, sets(("United States", "Japan"))),
        (
            "We have concluded an agreement on fisheries with Iceland.",
            WHITE_HOUSE,
            sets(("United States", "Iceland")),
        ),
    ],
)
def test_what_the_agreement_is_about(text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(Extractor(use_classifier=False), text, url) == want
