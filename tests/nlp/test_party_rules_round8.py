"""Issue 19's eighth round of party rules, on the real model: what speeches leave to the reader. An alliance, an
understanding or a settlement made with a named side, and the speaker's commitments to one, are agreements; a
pact named by its sides' initials or a country at the head of its name names them; a foreign government that
agrees to act with no one else named undertakes it to the speaker's; the object of urging is who keeps the deal;
a clause joined by 'and' that joins or accedes to it names a side; who an agreement is proposed to is its other
side; a nation named by its people is read by era; 'the two superpowers' and 'served both nations' point back.
Each case on one side of a boundary."""

import pytest

from nlp.leaders import leaders_country, titled_leaders_country
from nlp.pipeline import Extractor
from tests.nlp.publishers import BEEHIVE, CANADA, STATE, WHITE_HOUSE, WIRE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # relations made with a named side are agreements; whom they are made against is no side
        (
            "In 1941 we concluded an alliance with Britain against Nazi Germany.",
            WHITE_HOUSE,
            sets(("United States", "United Kingdom")),
        ),
        (
            "The alliance we formed with France in 1778 won us our independence.",
            WHITE_HOUSE,
            sets(("United States", "France")),
        ),
        (
            "The settlement with Germany on war claims was signed in Bonn last month.",
            WHITE_HOUSE,
            sets(("United States", "Germany")),
        ),
        (
            "We will honor our commitments to NATO.",
            WHITE_HOUSE,
            sets(("United States", "North Atlantic Treaty Organization")),
        ),
        # ... but not where no side is named, nor the understanding of a memorandum of understanding
        (
            "Our alliance has never been stronger, and our friendship with the peoples of Europe is deeper than ever.",
            WHITE_HOUSE,
            set(),
        ),
        (
            "We will continue to search for a lasting settlement of the conflict in the Middle East.",
            WHITE_HOUSE,
            set(),
        ),
        ("Our commitment to Europe is unshakable.", WHITE_HOUSE, set()),
        (
            "During the visit, the Ministry of External Affairs signed memoranda of understanding with Ghana, Senegal "
            "and Nigeria.",
            "https://pib.gov.in/release/x",
            sets(("India", "Ghana"), ("India", "Senegal"), ("India", "Nigeria")),
        ),
    ],
)
def test_relations_made_with_a_side(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "The ANZUS pact remains the cornerstone of our security in the Pacific.",
            WHITE_HOUSE,
            sets(("United States", "Australia", "New Zealand")),
        ),
        (
            "The Panama Canal treaties will be before the Senate this spring.",
            WHITE_HOUSE,
            sets(("United States", "Panama")),
        ),
        # a name that is no country's heads nothing
        ("We ratified the Columbia River Treaty.", WHITE_HOUSE, set()),
    ],
)
def test_names_that_carry_their_sides(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a foreign government that agrees to act, naming no one it agrees with, undertakes it to the speaker's
        (
            "China has agreed to open its markets to American farm products.",
            WHITE_HOUSE,
            sets(("United States", "China")),
        ),
        (
            "North Korea has agreed to freeze its nuclear program and to allow international inspections.",
            WHITE_HOUSE,
            sets(("United States", "North Korea")),
        ),
        # ... not where it names its other side, or two agree together
        ("Iran has agreed to a ceasefire with Iraq.", WHITE_HOUSE, sets(("Iran", "Iraq"))),
        ("India and Japan agreed to begin talks.", WHITE_HOUSE, sets(("India", "Japan"))),
        # the object of urging keeps the deal; the subject of urging is no side
        (
            "We urged Turkey to honor its deal with the European Union on migrants.",
            WHITE_HOUSE,
            sets(("Turkey", "European Union")),
        ),
        (
            "Germany called on Russia to respect the ceasefire agreement with Ukraine.",
            WIRE,
            sets(("Russia", "Ukraine")),
        ),
        # ... while the one authorised to conclude it is a side
        (
            "The Congress authorized me to conclude an agreement with Greece.",
            WHITE_HOUSE,
            sets(("United States", "Greece")),
        ),
    ],
)
def test_who_undertakes_or_keeps_it(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a clause joined by 'and' that joins or accedes to it names a side, in the sentence or one pointing back
        (
            "We signed the treaty with Mexico last year, and Canada joined it this spring.",
            WHITE_HOUSE,
            sets(("United States", "Mexico", "Canada")),
        ),
        (
            "Norway ratified the fisheries convention in May, and Iceland acceded to it in June.",
            WIRE,
            sets(("Norway", "Iceland")),
        ),
        (
            "New Zealand and Fiji have signed a security pact. Australia welcomed the agreement, and Tonga has since "
            "joined it.",
            BEEHIVE,
            sets(("New Zealand", "Fiji", "Tonga")),
        ),
        # who an agreement is proposed to is its other side (not the legislature it is submitted to); a people by era
        (
            "The Soviet Union has massed troops in Europe. We have proposed a treaty to the Russians to reduce them.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "We negotiated a new arms control treaty with the Russians last year.",
            WHITE_HOUSE,
            sets(("United States", "Russia")),
        ),
        ("We have offered a new trade agreement to Japan.", WHITE_HOUSE, sets(("United States", "Japan"))),
        # a group pointed back to as the object, and 'the two superpowers'
        (
            "Japan is our most important ally in Asia. The treaty of mutual cooperation and security, now in its "
            "tenth year, has served both nations well.",
            WHITE_HOUSE,
            sets(("United States", "Japan")),
        ),
        (
            "The Soviet Union has built up its missile forces. Now the two superpowers have agreed to cut their "
            "strategic arsenals by half.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        ("Canada and Norway will cooperate on Arctic research.", CANADA, set()),
    ],
)
def test_sides_joined_proposed_and_pointed_back(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # sides history gives an agreement's name; Russia's by era (a Soviet leader named is the Soviet era)
        (
            "The SALT II treaty is now before the Senate, and I urge you to ratify it.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "I ask the Congress to approve the North American Free Trade Agreement this year.",
            WHITE_HOUSE,
            sets(("United States", "Canada", "Mexico")),
        ),
        (
            "The START treaty with Russia will cut our arsenals by a third.",
            WHITE_HOUSE,
            sets(("United States", "Russia")),
        ),
        (
            "The START Treaty, which President Gorbachev and I signed in Moscow, will cut strategic arsenals by a third.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        # the witness is no side
        (
            "The Camp David accords have brought peace between two old enemies.",
            WHITE_HOUSE,
            sets(("Egypt", "Israel")),
        ),
        # a lower-case 'start' is no treaty's name
        ("We will start talks on a treaty next year.", WHITE_HOUSE, set()),
    ],
)
def test_sides_history_names(extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a government that came to the speaker's or asked, in the sentence before, is the other side of what
        # the speaker agrees next
        (
            "The President of Mexico visited Washington in May. We agreed to build a new bridge across the border "
            "at El Paso.",
            WHITE_HOUSE,
            sets(("United States", "Mexico")),
        ),
        (
            "Iceland has asked for talks on our base at Keflavik. We will negotiate a new defense agreement this year.",
            WHITE_HOUSE,
            sets(("United States", "Iceland")),
        ),
        # ... not one that did something else
        ("Russia invaded Ukraine. We signed a security agreement.", WHITE_HOUSE, set()),
        # 'the two', 'the leaders' after two named leaders; a surname under a head of government's title
        (
            "Secretary Rubio met Indian External Affairs Minister Jaishankar in Washington. The two signed a "
            "framework for defense cooperation.",
            STATE,
            sets(("United States", "India")),
        ),
        (
            "Prime Minister Carney spoke with President Sheinbaum today. The leaders agreed to expand trade in energy.",
            CANADA,
            sets(("Canada", "Mexico")),
        ),
        # a seat of government the recogniser left untagged
        (
            "Kyiv and Warsaw signed an agreement on grain transit on Friday.",
            WIRE,
            sets(("Ukraine", "Poland")),
        ),
    ],
)
def test_the_other_side_in_context(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


def test_surnames_only_under_a_title() -> None:
    assert titled_leaders_country("Sheinbaum") == "Mexico"
    assert titled_leaders_country("Gandhi") == "India"
    assert titled_leaders_country("Johnson") is None  # a British and an American leader bear it
    assert leaders_country("Khan") is None  # without a title, a common surname names no one


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # two nationalities on the forces an agreement parts or stops are its sides; one is not
        (
            "Most recently came the agreement on the disengagement of Egyptian and Israeli military forces.",
            WHITE_HOUSE,
            sets(("Egypt", "Israel")),
        ),
        (
            "A ceasefire between Indian and Pakistani troops along the line of control took effect at midnight.",
            WIRE,
            sets(("India", "Pakistan")),
        ),
        (
            "We have signed an agreement with Jordan on the withdrawal of Iraqi forces from its border.",
            WHITE_HOUSE,
            sets(("United States", "Jordan")),
        ),
        ("The armistice has ended the fighting, and American troops are coming home.", WHITE_HOUSE, set()),
        # a conjunct of what an 'of' belongs to is no side either
        (
            "The conference met under the co-sponsorship of the United States and the Soviet Union, and the "
            "agreement on the disengagement of Egyptian and Israeli forces followed.",
            WHITE_HOUSE,
            sets(("Egypt", "Israel")),
        ),
        # the partner two sentences before, where the sentence between names no other country
        (
            "Our relations with Brazil are strong. Trade between us has doubled. Last month we concluded a new "
            "agreement on science.",
            WHITE_HOUSE,
            sets(("United States", "Brazil")),
        ),
        (
            "We met with the Soviet leaders in Geneva. The talks were frank. We agreed to meet again next year.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "Our relations with Brazil are strong. Argentina has built new ports. Last month we concluded a new "
            "agreement on science.",
            WHITE_HOUSE,
            set(),
        ),
    ],
)
def test_forces_and_partners_before(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    "text",
    [
        # an undertaking that concerns another country may be made with it
        "Egypt has agreed to withdraw its forces from Yemen.",
        # one commitment is a stance, not the agreements that bind
        "Our commitment to the United Nations remains firm.",
        # agreeing *that* after a visit is an opinion, not an agreement with the visitor
        "The President of France visited Washington in May. We agreed that much work remains.",
    ],
)
def test_no_agreement_with_the_speaker(extractor: Extractor, text: str) -> None:
    assert parties_at(extractor, text, WHITE_HOUSE) == set()
