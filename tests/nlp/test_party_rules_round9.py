"""Issue 19's ninth round of party rules, on the real model, from the kinds of the status probes whose parties
were missed: a foreign side that ratifies or approves an agreement the speaker's own legislature is still to act
on in the same sentence makes it with the speaker's government; a legislature known by its own name, or by a
country's possessive, acts for that country; who reports a clause that names its own subject first (', the UN
said') is no side. Each case on one side of a boundary."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import CANADA, WHITE_HOUSE, WIRE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "Japan has ratified the convention, and I ask the Senate to give its consent this year.",
            WHITE_HOUSE,
            sets(("Japan", "United States")),
        ),
        (
            "The Mexican Senate has approved the agreement, and I urge the Congress to do the same.",
            WHITE_HOUSE,
            sets(("Mexico", "United States")),
        ),
        # boundary: ratified alone, with no legislature of ours still to act, it may be one of many sides
        ("Japan has ratified the convention.", WHITE_HOUSE, set()),
        # boundary: on a wire no government speaks, so 'the Senate' is no side waiting
        ("Japan has ratified the convention, and the Senate is expected to follow.", WIRE, set()),
    ],
)
def test_a_foreign_ratification_ours_to_follow(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "The Knesset and the Senate have both ratified the treaty.",
            WHITE_HOUSE,
            sets(("Israel", "United States")),
        ),
        (
            "Peru's Congress ratified the free trade agreement with the United States on Tuesday.",
            WIRE,
            sets(("Peru", "United States")),
        ),
        # boundary: a possessive on something other than a legislature names no side
        (
            "Peru's exporters have welcomed the free trade agreement between Canada and Chile.",
            WIRE,
            sets(("Canada", "Chile")),
        ),
    ],
)
def test_legislatures_act_for_their_country(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "Ethiopia and Egypt have reached a deal on the dam, the African Union said.",
            WIRE,
            sets(("Egypt", "Ethiopia")),
        ),
        (
            "Thailand has signed a ceasefire agreement with Cambodia, Malaysia said on Monday.",
            WIRE,
            sets(("Cambodia", "Thailand")),
        ),
        # boundary: a reporter whose clause says 'it' is speaking of its own agreement
        ("India said it had signed a trade deal with Oman.", WIRE, sets(("India", "Oman"))),
    ],
)
def test_who_reports_it_is_no_side(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "Our delegates and those of Norway have agreed upon the text of a fisheries convention.",
            WHITE_HOUSE,
            sets(("Norway", "United States")),
        ),
        (
            "We will meet our treaty obligations to Thailand.",
            WHITE_HOUSE,
            sets(("Thailand", "United States")),
        ),
        (
            "Australia, our treaty ally, has sent ships to the exercise.",
            WHITE_HOUSE,
            sets(("Australia", "United States")),
        ),
        # boundary: 'those of' a country beside something other than its agents, and treaty obligations that are
        # not ours, name no side of the speaker's
        (
            "Our tariffs and those of Norway were settled by the fisheries convention.",
            WHITE_HOUSE,
            set(),
        ),
        (
            "Chile and Peru have honored their treaty obligations to each other.",
            WHITE_HOUSE,
            sets(("Chile", "Peru")),
        ),
    ],
)
def test_our_agents_and_bonds(extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "We will seek Japan's ratification of the fisheries convention this year.",
            WHITE_HOUSE,
            sets(("Japan", "United States")),
        ),
        (
            "Minister Joly and her Mexican counterpart are due to sign a mobility agreement on Friday.",
            CANADA,
            sets(("Canada", "Mexico")),
        ),
        # boundary: a possessive on anything else a side does not give names no side
        ("We welcome Japan's interest in the fisheries convention.", WHITE_HOUSE, set()),
        # boundary: one who signs with no foreign counterpart brings in no other side
        ("Minister Joly is due to sign a mobility agreement on Friday.", CANADA, set()),
    ],
)
def test_what_a_side_gives_and_who_will_sign(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Soviet-era treaty in a text that names Russia and never the Soviet state: Russia, not both
        (
            "The INF treaty between the United States and Russia collapsed in 2019.",
            sets(("Russia", "United States")),
        ),
        ("The INF Treaty was violated by Russia, the President said.", sets(("Russia", "United States"))),
        # boundary: where the text speaks of the Soviet state, history's side stays
        ("We signed the INF Treaty with the Soviet Union in 1987.", sets(("Soviet Union", "United States"))),
    ],
)
def test_a_side_history_gives_is_named_for_the_text_s_era(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WIRE) == want
