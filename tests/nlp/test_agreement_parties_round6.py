"""Issue 19's sixth round of party rules, on the real model: the speaker who makes an agreement, those who act
for the speaker's government, titled names the recogniser missed, a second agreement said with 'the agreement',
'our two countries', seats of government by era, and agreements named as an understanding or a modus vivendi.
Each rule with a case on each side of its boundary."""

import pytest

from nlp.agreements.parties import seat_country
from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import CANADA, WHITE_HOUSE, WIRE


def parties_at(extractor: Extractor, text: str, url: str) -> set[tuple[str, ...]]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return {tuple(sorted(a.parties)) for a in doc.agreements}


def sets(*parties: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {tuple(sorted(p)) for p in parties}


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # the speaker signs or agrees to it, in a relative clause on the agreement noun
        (
            "The Panama Canal treaties, which I signed with General Torrijos, will be before the Senate this spring.",
            WHITE_HOUSE,
            sets(("United States", "Panama")),
        ),
        (
            "Any long-term deal we agree to with Iran must be based on verifiable action.",
            WHITE_HOUSE,
            sets(("United States", "Iran")),
        ),
        # the speaker only speaks of an agreement others made
        (
            "The canal treaty between Panama and Colombia, which I welcomed last year, is now in force.",
            WHITE_HOUSE,
            sets(("Panama", "Colombia")),
        ),
        # those who act for the speaker's government are its side, not others making it
        (
            "Our negotiators in Geneva have reached agreement with the Soviet delegation on a treaty to reduce "
            "intermediate-range forces.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        # a title on a name the recogniser missed makes a person who signs with a foreign counterpart
        (
            "Minister Ng and her Korean counterpart concluded negotiations on a digital partnership agreement.",
            CANADA,
            sets(("Canada", "South Korea")),
        ),
        ("Korean exporters concluded negotiations on a digital partnership agreement.", CANADA, set()),
    ],
)
def test_the_speakers_side(extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(extractor, text, url) == want


def test_the_agreement_another_government_ratifies_is_another_agreement(extractor: Extractor) -> None:
    text = (
        "The act of Congress authorized the settlement with the Government of Greece, and an agreement was "
        "concluded on May 10. The Government of Italy ratified the agreement with us on July 27."
    )
    assert parties_at(extractor, text, WHITE_HOUSE) == sets(
        ("United States", "Greece"), ("United States", "Italy")
    )


def test_the_agreement_another_government_only_welcomes_is_the_same(extractor: Extractor) -> None:
    text = "Our treaty with Greece was ratified in May. The Government of Italy welcomed the treaty in June."
    assert parties_at(extractor, text, WHITE_HOUSE) == sets(("United States", "Greece"))


def test_our_two_countries_are_the_speakers_and_the_seat_named_before(extractor: Extractor) -> None:
    text = "Moscow has walked away from the New START Treaty, which our two countries signed in 2010."
    assert parties_at(extractor, text, WHITE_HOUSE) == sets(("United States", "Russia"))


def test_a_seat_of_government_is_the_state_of_the_text_s_era(extractor: Extractor) -> None:
    soviet = extractor.nlp.make_doc("The Soviet leaders in Moscow agreed.")
    today = extractor.nlp.make_doc("Officials in Moscow agreed.")
    assert seat_country("Moscow", soviet) == "Soviet Union"
    assert seat_country("Moscow", today) == "Russia"
    assert seat_country("Peking", today) == "China"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "We have reached an understanding with Peking on the exchange of journalists.",
            sets(("United States", "China")),
        ),
        (
            "This Government has entered into a modus vivendi with Mexico regarding fisheries on the Pacific coast.",
            sets(("United States", "Mexico")),
        ),
        # an understanding that is no agreement
        (
            "Our exchanges have brought a better understanding between our peoples and the people of China.",
            set(),
        ),
    ],
)
def test_an_understanding_reached_and_a_modus_vivendi_are_agreements(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == want


def test_a_wire_report_s_we_is_not_a_government(extractor: Extractor) -> None:
    text = "The treaties, which we signed with Oman, will be reviewed, the shipping group said."
    assert parties_at(extractor, text, WIRE) == set()


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # another government's stance on an agreement the clause gives no other side faces the speaker's
        (
            "The Soviet leaders have rejected our proposal for a treaty banning all nuclear tests.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "The Soviets want an agreement on intermediate-range missiles, and so do we.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "Mexico is seeking a new agreement on migrant workers.",
            WHITE_HOUSE,
            sets(("United States", "Mexico")),
        ),
        # signing is no stance; a named other side stays the other side; in news no government speaks
        ("Iran has signed the Treaty on the Non-Proliferation of Nuclear Weapons.", WHITE_HOUSE, set()),
        (
            "Egypt wants a peace treaty with Israel, and we will help both sides reach it.",
            WHITE_HOUSE,
            sets(("Egypt", "Israel")),
        ),
        ("Venezuela rejected the agreement on Friday.", WIRE, set()),
    ],
)
def test_a_foreign_governments_stance_faces_the_speakers(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what the speaker proposes or offers a government, it would make with it
        (
            "Last year I proposed to the Soviet Union a treaty banning chemical weapons.",
            sets(("United States", "Soviet Union")),
        ),
        ("We have offered Japan a new agreement on beef and citrus.", sets(("United States", "Japan"))),
        # not what it presents to its own people or sends to its legislature; nor an agreement whose name
        # joins its sides
        ("We presented the trade agreement to American farmers at the state fair.", set()),
        ("I will send the agreement to the Congress next week.", set()),
        (
            "We will seek an ambitious outcome to the negotiation of the Canada-EU Comprehensive Economic and "
            "Trade Agreement.",
            sets(("Canada", "European Union")),
        ),
    ],
)
def test_what_the_speaker_proposes_or_offers(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an agreement pointing back takes the one partner the speaker's government works with just before
        (
            "We have worked with Canada for two years on acid rain. The agreement we reached in March will cut "
            "emissions by half.",
            sets(("United States", "Canada")),
        ),
        (
            "Our relations with Japan have never been better. Last month we signed a new agreement on trade.",
            sets(("United States", "Japan")),
        ),
        # not a leader met there, nor a country the sentence before is merely about
        (
            "We welcomed President Macron in April. The climate agreement will be reviewed next year.",
            set(),
        ),
        (
            "The Soviet Union has built up its forces in Europe. No arms control agreement can ignore that fact.",
            set(),
        ),
    ],
)
def test_the_partner_in_the_sentence_before(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a monarch named by its realm is the realm, whatever the recogniser tagged
        (
            "The treaty of commerce with His Majesty the King of Siam has been signed.",
            sets(("United States", "Thailand")),
        ),
        (
            "A convention with the Emperor of Japan for the protection of trademarks was signed at Washington.",
            sets(("United States", "Japan")),
        ),
        ("The Sultan of Oman has agreed to a treaty of amity with us.", sets(("United States", "Oman"))),
        # a subject that holds the agreement noun is its own name, not others making it
        (
            "The status of forces agreement with the Japanese government was renewed in June.",
            sets(("United States", "Japan")),
        ),
        # others making it stay others
        (
            "The ministers of Chile and Peru renewed their fisheries agreement in June.",
            sets(("Chile", "Peru")),
        ),
    ],
)
def test_monarchs_and_the_agreements_own_phrase(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # what the sides agree to do names no side
        (
            "Mr. Khrushchev and I agreed in Vienna to support a neutral and independent Laos.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "New Zealand and Australia agreed to send a joint mission to Tonga.",
            "https://www.beehive.govt.nz/release/x",
            sets(("New Zealand", "Australia")),
        ),
        (
            "Canada and the European Union agreed to deepen their support for Ukraine.",
            CANADA,
            sets(("Canada", "European Union")),
        ),
        # but an agreement or talks that clause makes keeps its other side
        ("Japan agreed to sign a trade treaty with Korea.", WIRE, sets(("Japan", "South Korea"))),
        (
            "Chile and Peru agreed to open negotiations with Bolivia on a railway.",
            WIRE,
            sets(("Chile", "Peru", "Bolivia")),
        ),
    ],
)
def test_what_the_sides_agree_to_do_names_no_side(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want
