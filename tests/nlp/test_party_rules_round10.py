"""Issue 19's tenth round of party rules, on the real model: the counterpart said by a description or an older
name. A bloc by the name of its time is the bloc that continues it ('the European Community' is the European
Union); the members of an alliance stand for it ('our NATO allies'); the speaker's neighbour on one side of
the compass is that country; a foreign leader who agrees to a new treaty with no one named undertakes it to
the speaker's government; a leader of the speaker's partner met before the agreement is its other side ('I
will meet the Soviet leader'); a participle's 'by' naming two makers gives all the sides (who welcomes it is
none). Each case on one side of a boundary."""

import pytest

from nlp.leaders import leaders_country, titled_leaders_country
from nlp.pipeline import Extractor
from tests.nlp.publishers import CANADA, KENYA, STATE, WHITE_HOUSE, WIRE
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a bloc by the name of its time is the bloc that continues it
        (
            "We have concluded a new trade agreement with the European Community.",
            WHITE_HOUSE,
            sets(("United States", "European Union")),
        ),
        (
            "Canada signed an agreement with the European Economic Community on fisheries.",
            CANADA,
            sets(("Canada", "European Union")),
        ),
        # the members of an alliance stand for it where the agreement is made with them
        (
            "We have agreed with our NATO allies to establish a multilateral nuclear force.",
            WHITE_HOUSE,
            sets(("United States", "North Atlantic Treaty Organization")),
        ),
        # ... but an alliance's members named for what they do are no side
        ("Our NATO allies have increased their defense spending.", WHITE_HOUSE, set()),
    ],
)
def test_blocs_and_their_members(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (
            "We have concluded a treaty with our neighbor to the north on the waters of the Columbia River.",
            WHITE_HOUSE,
            sets(("United States", "Canada")),
        ),
        (
            "With our neighbor to the south we have signed an agreement to curb the traffic in narcotics.",
            WHITE_HOUSE,
            sets(("United States", "Mexico")),
        ),
        (
            "Canada has signed a new agreement on border security with our southern neighbour.",
            CANADA,
            sets(("Canada", "United States")),
        ),
        # neighbours with no side of the compass name no one; nor does the compass on a page of no government
        (
            "Our neighbors in the hemisphere have joined us in a new pact against drug trafficking.",
            WHITE_HOUSE,
            set(),
        ),
        ("The company signed a deal with our neighbor to the north.", "https://probe.test/x", set()),
    ],
)
def test_neighbours_by_the_compass(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a foreign leader agrees to a new treaty with no one named: undertaken to the speaker's government
        (
            "Chairman Khrushchev has agreed to a treaty banning nuclear tests in the atmosphere.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        # ... not to 'the' convention it may join with many others, nor where its other side is named
        ("Britain has agreed to the convention on the law of the sea.", WHITE_HOUSE, set()),
        ("Iran has agreed to a ceasefire with Iraq.", WHITE_HOUSE, sets(("Iran", "Iraq"))),
        # the leader the speaker meets before the agreement is its other side, named by nationality too
        (
            "I will meet the Soviet leader in Reykjavik next week. We hope the meeting will lead to an agreement on intermediate-range missiles.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "President Ruto held talks with President Museveni in Nairobi. The two leaders signed an agreement on the oil pipeline.",
            KENYA,
            sets(("Kenya", "Uganda")),
        ),
    ],
)
def test_who_the_speaker_faces(extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # 'by' two makers: they are every side, who welcomes it is none
        (
            "The United States welcomes the ceasefire agreed by Armenia and Azerbaijan.",
            STATE,
            sets(("Armenia", "Azerbaijan")),
        ),
        (
            "We welcome the agreement signed by Egypt and Israel at the White House.",
            WHITE_HOUSE,
            sets(("Egypt", "Israel")),
        ),
        # makers counted, not named, give no side
        ("We welcome the treaty signed by forty nations in Ottawa.", CANADA, set()),
    ],
)
def test_made_by_two(extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]) -> None:
    assert parties_at(extractor, text, url) == want


def test_leaders_added_are_read_by_name_only_where_unique() -> None:
    assert leaders_country("President Museveni") == "Uganda"
    assert leaders_country("King Hussein") == "Jordan"
    assert titled_leaders_country("Hussein") is None  # Jordan's king and Iraq's president
    assert leaders_country("Prabowo") == "Indonesia"


def test_wire_capitals_still_read_by_the_era() -> None:
    extractor = Extractor(use_classifier=False)
    assert parties_at(
        extractor, "Moscow and Beijing signed a 30-year gas supply deal on Wednesday.", WIRE
    ) == sets(("Russia", "China"))


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # 'the three governments', 'both delegations' point back as 'the two countries' does
        (
            "Representatives of France, Britain and the United States met in London. The three powers agreed on a plan for the western zones of Germany.",
            WHITE_HOUSE,
            sets(("United States", "United Kingdom", "France")),
        ),
        (
            "Our negotiators in Geneva have met with their Soviet counterparts for eight months. Both delegations have now agreed on the text of a treaty to eliminate intermediate-range missiles.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        # ... a group named nowhere before is no one
        (
            "The four powers have not agreed on anything this year, and Berlin remains divided.",
            WHITE_HOUSE,
            set(),
        ),
        # where the two sentences before name no other side, the two before those
        (
            "Our relations with Japan are close. Trade between us has grown. Our scientists work together in many fields. Last month the two governments concluded an agreement on energy research.",
            WHITE_HOUSE,
            sets(("United States", "Japan")),
        ),
    ],
)
def test_groups_that_point_back(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # 'the Alliance' and 'our allies' are the alliance the text names
        (
            "The North Atlantic Treaty Organization is the shield of the free world. This year the Alliance agreed with us to modernize its nuclear forces.",
            WHITE_HOUSE,
            sets(("United States", "North Atlantic Treaty Organization")),
        ),
        (
            "NATO remains strong. We have reached agreement with our allies on a new strategy for the defense of Europe.",
            WHITE_HOUSE,
            sets(("United States", "North Atlantic Treaty Organization")),
        ),
        # ... allies with no alliance named are no side; nor allies the agreement is not made with
        (
            "We have reached agreement with our allies on a new strategy for the defense of Europe.",
            WHITE_HOUSE,
            set(),
        ),
        ("Our allies have been generous, and we are grateful to them.", WHITE_HOUSE, set()),
        # the Kremlin is the government of its era; the Commission the EU on its own page
        (
            "The Soviet Union has tested a new missile. The Kremlin has at last agreed to negotiate with us on intermediate-range forces.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "The Commission has concluded negotiations with the four Mercosur countries.",
            "https://ec.europa.eu/commission/presscorner/x",
            sets(("European Union", "Mercosur")),
        ),
    ],
)
def test_descriptions_of_blocs_and_seats(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # the two Vietnams by their formal names, and Hanoi in a text that speaks of North Vietnam
        (
            "We have concluded an agreement with the Republic of Vietnam on economic aid.",
            WHITE_HOUSE,
            sets(("United States", "South Vietnam")),
        ),
        (
            "North Vietnam has refused every offer of peace. We will not accept an agreement with Hanoi that abandons the South.",
            WHITE_HOUSE,
            sets(("United States", "North Vietnam")),
        ),
        ("Vietnam and Japan signed a trade deal in Hanoi.", WIRE, sets(("Vietnam", "Japan"))),
        # the side or leadership of a nationality acts for its country
        (
            "The Soviet side has agreed to resume the talks on strategic arms in March.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        (
            "The Soviet leadership has accepted our proposal for a treaty on chemical weapons.",
            WHITE_HOUSE,
            sets(("United States", "Soviet Union")),
        ),
        # 'our' friends or neighbours of a nationality are its country, where they make the agreement
        (
            "Our Canadian friends have joined us in a new agreement to protect the caribou herds.",
            WHITE_HOUSE,
            sets(("United States", "Canada")),
        ),
        (
            "We have negotiated a new treaty with our Mexican neighbors on the waters of the Rio Grande.",
            WHITE_HOUSE,
            sets(("United States", "Mexico")),
        ),
        (
            "Our Canadian friends visited the White House last week, and our talks were warm.",
            WHITE_HOUSE,
            set(),
        ),
        # a country the parse hangs on the 'of' of a formal name still leads
        (
            "The Republic of Korea and Japan have normalized their relations under a treaty signed in Tokyo.",
            WHITE_HOUSE,
            sets(("South Korea", "Japan")),
        ),
        # allies beside whom the speaker negotiates are no side
        (
            "NATO is strong. Together with our allies, we will be negotiating with the nations of the Warsaw Pact on the reduction of forces in Europe.",
            WHITE_HOUSE,
            sets(("United States", "Warsaw Pact")),
        ),
    ],
)
def test_formal_and_familiar_names(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a leader whose family name comes first, under a head of government's title
        (
            "Premier Chou and I signed a communique in Shanghai that opened a new era in our relations.",
            WHITE_HOUSE,
            sets(("United States", "China")),
        ),
        (
            "President Park and I signed an agreement on the status of our forces in Korea.",
            WHITE_HOUSE,
            sets(("United States", "South Korea")),
        ),
        # a leader who takes a stance on it acts for the country
        (
            "President Thieu has accepted our proposal for a cease-fire agreement.",
            WHITE_HOUSE,
            sets(("United States", "South Vietnam")),
        ),
        # ... a surname two countries' leaders bear, or one with no title, is no one's
        (
            "Mr. Kim and his family have moved to Ohio, where they signed a lease on a farm.",
            WHITE_HOUSE,
            set(),
        ),
    ],
)
def test_leaders_by_family_name(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


def test_family_name_first_only_where_one_country_bears_it() -> None:
    assert titled_leaders_country("Xi") == "China"
    assert titled_leaders_country("Park") == "South Korea"
    assert titled_leaders_country("Kim") is None  # North and South Korea's
    assert titled_leaders_country("Lee") is None
