"""Who the parties of an agreement are, on the real model: names, nationalities, pronouns and ministries that
stand for a country, and the sides an agreement's own 'between' phrase names."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import BEEHIVE, CANADA, EU, SINGAPORE, WHITE_HOUSE, WIRE


def found_at(extractor: Extractor, text: str, url: str) -> set[tuple[tuple[str, ...], str]]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return {(tuple(sorted(a.parties)), a.status) for a in doc.agreements}


def expected(*pairs: tuple[tuple[str, ...], str]) -> set[tuple[tuple[str, ...], str]]:
    return {(tuple(sorted(parties)), status) for parties, status in pairs}


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a nationality on the agreement noun names its other side; two name both sides
        (
            "The Japanese peace treaty will be signed at San Francisco next month.",
            WHITE_HOUSE,
            expected((("United States", "Japan"), "planned")),
        ),
        (
            "The Mexican water treaty was ratified by both governments last year.",
            WHITE_HOUSE,
            expected((("United States", "Mexico"), "in_force")),
        ),
        # a nationality on those who act for a country, whatever the recogniser made of the title
        (
            "In Geneva, American and Soviet negotiators continued their talks on a treaty to limit missiles.",
            WHITE_HOUSE,
            expected((("United States", "Soviet Union"), "in_negotiation")),
        ),
        (
            "Secretary Blinken and Kazakh Foreign Minister Nurtleu signed a memorandum of understanding.",
            "https://www.state.gov/x",
            expected((("United States", "Kazakhstan"), "signed")),
        ),
        (
            "Minister Peters signed an arrangement with his Fijian counterpart on police cooperation.",
            "https://www.beehive.govt.nz/release/x",
            expected((("New Zealand", "Fiji"), "signed")),
        ),
        # but not on those who do not act for it
        ("Japanese exporters welcomed the trade agreement with Peru.", "https://www.reuters.com/x", set()),
    ],
)
def test_a_nationality_stands_for_its_country(
    extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert found_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # the speaker's own government, said as a pronoun beside the other side
        (
            "The Philippine Government and ours have signed a mutual defense treaty.",
            WHITE_HOUSE,
            expected((("United States", "Philippines"), "signed")),
        ),
        (
            "The treaty between Japan and ourselves entered into force in June.",
            WHITE_HOUSE,
            expected((("United States", "Japan"), "in_force")),
        ),
        # a ministry or department acts for its government: the country is the party
        (
            "The Ministry of Power signed memoranda of understanding with Denmark, Sweden and Norway.",
            "https://pib.gov.in/PressReleasePage.aspx",
            expected(
                (("India", "Denmark"), "signed"),
                (("India", "Sweden"), "signed"),
                (("India", "Norway"), "signed"),
            ),
        ),
        (
            "The European Commission has signed a memorandum of understanding with Tunisia.",
            "https://www.reuters.com/x",
            expected((("European Union", "Tunisia"), "signed")),
        ),
        (
            "Japan's Ministry of Foreign Affairs signed an agreement with Chile on trade.",
            "https://www.reuters.com/x",
            expected((("Japan", "Chile"), "signed")),
        ),
    ],
)
def test_a_government_said_otherwise_is_its_country(
    extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert found_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # the agreement's own 'between' names every side: who welcomes or witnesses it is none
        (
            "The United States welcomes the agreement between Armenia and Azerbaijan to open the border.",
            "https://www.state.gov/x",
            {(("Armenia", "Azerbaijan"), "unknown")},
        ),
        # and a body the recogniser left untagged is named whole
        (
            "President Ruto witnessed the signing of a Memorandum of Understanding between the Kenya Ports "
            "Authority and DP World.",
            "https://www.president.go.ke/x",
            {(("DP World", "Kenya Ports Authority"), "signed")},
        ),
    ],
)
def test_the_sides_between_are_all_the_sides(
    extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, url)} == {parties for parties, _ in want}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # names history gives a country an agreement is made with
        (
            "We have strengthened our mutual defense treaties with Korea and the Republic of China.",
            expected(
                (("United States", "South Korea"), "in_force"), (("United States", "Taiwan"), "in_force")
            ),
        ),
        (
            "The Canada-Korea Free Trade Agreement entered into force in 2015.",
            expected((("Canada", "South Korea"), "in_force")),
        ),
    ],
)
def test_older_names_of_a_party(
    extractor: Extractor, text: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert found_at(extractor, text, WHITE_HOUSE) == want


def test_a_body_whose_name_holds_another_keeps_its_own(extractor: Extractor) -> None:
    text = "The Western European Union and Canada signed a cooperation accord in Brussels on Tuesday."
    assert {p for p, _ in found_at(extractor, text, "https://www.reuters.com/x")} == {
        ("Canada", "Western European Union")
    }


def test_the_us_is_not_us(extractor: Extractor) -> None:
    text = "The EU needs to complete free-trade agreements with the US and Japan."
    assert found_at(extractor, text, "https://www.gov.uk/x") == expected(
        (("European Union", "United States"), "in_negotiation"),
        (("European Union", "Japan"), "in_negotiation"),
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an agreement noun inside a body's name is no agreement, nor is 'in accord with'
        ("The Southeast Asia Treaty Organization has been established.", set()),
        ("Its execution shall be in full accord with the Charter of the United Nations.", set()),
        # a definite agreement noun with its own other side founds an agreement of its own
        (
            "The agreement reached at Moscow preserves this opportunity. The United States intends to preserve "
            "it when the treaties with Germany and Japan are drawn.",
            {(("Germany", "United States"), "unknown"), (("Japan", "United States"), "unknown")},
        ),
        # 'among' names every side, as 'between' does
        (
            "We welcome the formation of the Baghdad Pact among Turkey, Iraq, Iran, Pakistan and the United "
            "Kingdom.",
            {(("Iran", "Iraq", "Pakistan", "Turkey", "United Kingdom"), "unknown")},
        ),
        # each clause with an agreement of its own is its own agreement
        (
            "The Anzus treaty has strengthened ties with Australia and New Zealand, and a mutual security "
            "treaty with Japan has been signed.",
            expected(
                (("United States", "Australia", "New Zealand"), "in_force"),
                (("United States", "Japan"), "signed"),
            ),
        ),
        # the speaker's country bound by an agreement, said as a pronoun
        (
            "The ANZUS Treaty binds us to Australia and New Zealand.",
            expected((("United States", "Australia", "New Zealand"), "in_force")),
        ),
        # older names of a country
        (
            "The peace treaties with Rumania and Siam have been ratified.",
            expected((("United States", "Romania"), "in_force"), (("United States", "Thailand"), "in_force")),
        ),
    ],
)
def test_a_presidents_treaties(
    extractor: Extractor, text: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    got = found_at(extractor, text, WHITE_HOUSE)
    if want and next(iter(want))[1] == "unknown":  # the status is another rule's: parties only here
        assert {p for p, _ in got} == {tuple(sorted(p)) for p, _ in want}
    else:
        assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a semicolon closes a clause: the NATO alliance strengthened is no side of the Anzus treaty
        (
            "The NATO alliance has been strengthened; the Anzus treaty has strengthened ties with Australia and "
            "New Zealand.",
            {("Australia", "New Zealand", "United States")},
        ),
        # of several agreement nouns, the one that names its sides founds the agreement
        (
            "We have seen cooperation under the Southeast Asia Collective Defense Treaty and the formation of the "
            "Baghdad Pact among Turkey, Iraq and Pakistan.",
            {("Iraq", "Pakistan", "Turkey")},
        ),
        # the speaker who takes a deal as a guide is no side of it
        ("If we take the Canada free trade deal as a guide, we know it would be damaging.", set()),
    ],
)
def test_the_clause_that_names_the_sides(extractor: Extractor, text: str, want: set[tuple[str, ...]]) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a leader 'of' a country acts for it ('a China scholar with the Institute' works there: no party)
        (
            "At Camp David, President Sadat of Egypt and Prime Minister Begin of Israel signed a framework for peace.",
            {("Egypt", "Israel")},
        ),
        # 'this Government' beside another is the speaker's
        (
            "The Government of India and this Government have concluded an agreement for the sale of wheat.",
            {("India", "United States")},
        ),
        (
            "Our Nation and the Republic of Korea have signed a free trade agreement.",
            {("South Korea", "United States")},
        ),
        # a formal name the gazetteer lacks, cut by the recogniser at its 'of the'
        (
            "The treaty of friendship with the Republic of the Philippines will be submitted to the Senate.",
            {("Philippines", "United States")},
        ),
        (
            "The Kingdom of Saudi Arabia and the United States signed a defense pact.",
            {("Saudi Arabia", "United States")},
        ),
        # a former state the recogniser tagged without its compass point
        (
            "An international agreement signed by the United States, North Vietnam, and others in 1962 is being "
            "violated.",
            {("North Vietnam", "United States")},
        ),
    ],
)
def test_a_country_said_formally_or_by_its_leader(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a leader is the country the text names with any mention of them
        (
            "Soviet leader Leonid Brezhnev came to Washington in June. In November I negotiated the Vladivostok "
            "accord with General Secretary Brezhnev.",
            {("Soviet Union", "United States")},
        ),
        (
            "President Sadat of Egypt visited in May. Later, I signed the accords with President Sadat.",
            {("Egypt", "United States")},
        ),
        # where it never names one, a leader history knows stands for their country of the time
        (
            "In November I negotiated the Vladivostok accord with General Secretary Brezhnev.",
            {("Soviet Union", "United States")},
        ),
        ("Chancellor Merkel and President Macron signed a new friendship treaty.", {("France", "Germany")}),
        (
            "Prime Minister Modi met Prime Minister Kishida in Tokyo. The two leaders signed five agreements.",
            {("India", "Japan")},
        ),
        (
            "President Biden hosted Prime Minister Modi at the White House, where the two leaders announced a "
            "new defence partnership.",
            {("India", "United States")},
        ),
        # negotiating with a leader is negotiating with their country; holding talks with one is not
        (
            "I will continue negotiating with President Gorbachev on strategic arms.",
            {("Soviet Union", "United States")},
        ),
        ("I held talks with President Gorbachev in Reykjavik.", set()),
        # anyone else is no party
        ("In November I negotiated the accord with General Secretary Ivanov.", set()),
        ("We are negotiating with Mr. Smith on the lease.", set()),
    ],
)
def test_a_leader_stands_for_the_country_the_text_gives_them(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a deal to buy is made with the seller, and by the buyer named beside its subject
        (
            "Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's jets.",
            {("Boeing", "Emirates Airline")},
        ),
        ("Qantas signed a deal to buy 20 aircraft from Airbus.", {("Airbus", "Qantas")}),
        # where the goods come from is no seller
        ("Qantas signed a deal to buy 20 aircraft built in France.", set()),
    ],
)
def test_a_deal_to_buy_is_made_with_the_seller(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, "https://www.reuters.com/x")} == want


def test_what_belongs_to_a_country_is_no_party(extractor: Extractor) -> None:
    text = (
        "Emirates Airline signed a deal to buy 30 jets from Boeing. The deal reduces a prior commitment of jets "
        "from the U.S. plane-maker."
    )
    assert {parties for parties, _ in found_at(extractor, text, "https://www.reuters.com/x")} == {
        ("Boeing", "Emirates Airline")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an agreement the recogniser took for a body is no party of its own
        (
            "A lately signed Convention of Extradition with Peru has been ratified by the Peruvian Congress.",
            {("Peru", "United States")},
        ),
        # 'with us' is the speaker's government
        (
            "The Government of France ratified the agreement with us on July 27.",
            {("France", "United States")},
        ),
    ],
)
def test_an_agreement_is_no_party_and_us_is_the_speaker(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # combining forms and nationalities in an agreement's name are its sides
        (
            "In the Russo-Japanese Agreement relating to Manchuria, signed in 1910, we note peace.",
            {("Japan", "Russia")},
        ),
        ("The Sino-British Joint Declaration was signed in 1984.", {("China", "United Kingdom")}),
        # a nationality names the other side even where the sentence does not say how far along it is; what is
        # set beside the agreement is none
        (
            "And with a Mexican free trade agreement and our Enterprise for the Americas Initiative, we can help.",
            {("Mexico", "United States")},
        ),
    ],
)
def test_an_agreements_name_and_what_is_beside_it(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a nation of the United Kingdom makes agreements through its devolved government
        (
            "The government is committed to taking forward the St David's Day agreement for Wales.",
            {("United Kingdom", "Welsh Government")},
        ),
        (
            "The government began discussions on a revised Scottish fiscal framework.",
            {("Scottish Government", "United Kingdom")},
        ),
        # not where the nation only names a team or a place
        ("The UK and Wales rugby unions signed a deal.", set()),
    ],
)
def test_a_nation_of_the_united_kingdom_is_its_devolved_government(
    extractor: Extractor, text: str, want: set[tuple[str, ...]]
) -> None:
    assert {
        parties for parties, _ in found_at(extractor, text, "https://www.gov.uk/government/news/x")
    } == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 'them' and 'that government' on the other side stand for the foreign country named before
        (
            "We have made new proposals to the Soviet Union, and we have begun negotiations with them in Geneva "
            "on a treaty to reduce strategic arms.",
            {("Soviet Union", "United States")},
        ),
        (
            "The Congress authorized the settlement of the debt of the Government of Hungary. An agreement has "
            "since been concluded with that government.",
            {("Hungary", "United States")},
        ),
        # 'they' opening a sentence: the sides named together as the subject before
        (
            "India and Japan signed a memorandum on high-speed rail. They also agreed to begin negotiations on a "
            "civil nuclear agreement.",
            {("India", "Japan")},
        ),
        # 'our two nations': the speaker's and the one named before
        (
            "President Brezhnev will visit our country in June. At that time our two nations hope to conclude "
            "an agreement curbing the strategic arms race.",
            {("Soviet Union", "United States")},
        ),
        # the members of a pact are the alliance
        (
            "Together with our allies, we will be negotiating with the nations of the Warsaw Pact on a mutual "
            "reduction of forces.",
            {("United States", "Warsaw Pact")},
        ),
        # but 'this Government' is the speaker's own, and a pact by itself is no party
        (
            "This Government has concluded an agreement with Canada on the boundary waters.",
            {("Canada", "United States")},
        ),
        ("The Warsaw Pact was dissolved in 1991.", set()),
        # and 'they' with no sides named together before stands for nobody
        ("Kenya hosted the talks. They agreed to meet again in May.", set()),
    ],
)
def test_a_side_referred_to(extractor: Extractor, text: str, want: set[tuple[str, ...]]) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an agreement whose clause names no side takes those its context names: the other side of the
        # sentence's other clause, the subject group of the sentence before, the speaker's partner before
        (
            "The Congress authorized the settlement with the Government of Greece, and an agreement was "
            "concluded on May 10.",
            {("Greece", "United States")},
        ),
        (
            "At Potsdam, Marshal Stalin, Prime Minister Attlee, and I met to exchange views. As a result, "
            "agreements were reached on the policy of the Allied Control Council.",
            {("Soviet Union", "United Kingdom", "United States")},
        ),
        (
            "With Russia, we must continue to reduce our nuclear arsenals. The START II treaty will cut them by "
            "half.",
            {("Russia", "United States")},
        ),
        # the leader the speaker meets or welcomes
        (
            "I met Premier Khrushchev in Vienna, and we agreed that our negotiators would resume talks on a test "
            "ban treaty.",
            {("Soviet Union", "United States")},
        ),
        ("I met farmers in Iowa, and we agreed that a new trade agreement would help them.", set()),
        # nothing where the context names no side; a sentence pointing back adds no one who only welcomes it
        ("We met farmers in Iowa last week. A new trade agreement will be signed in May.", set()),
        # nor where the agreement points back, is signed by others, or the partner before is not the only one
        (
            "We welcomed President Macron to the White House. We discussed the climate agreement and trade.",
            set(),
        ),
        (
            "We are working with France on border security. The agreement on fisheries, signed by 40 nations "
            "in Rome, enters into force next year.",
            set(),
        ),
        ("With Germany and Italy, we fought two world wars. A peace treaty followed in 1919.", set()),
        (
            "Kenya and Uganda signed a border agreement. France welcomed the agreement.",
            {("Kenya", "Uganda")},
        ),
    ],
)
def test_sides_from_the_context(extractor: Extractor, text: str, want: set[tuple[str, ...]]) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


def test_who_welcomes_an_agreement_signed_between_others_is_no_party(extractor: Extractor) -> None:
    text = "New Zealand welcomes the peace agreement signed between Armenia and Azerbaijan."
    assert {p for p, _ in found_at(extractor, text, "https://www.beehive.govt.nz/release/x")} == {
        ("Armenia", "Azerbaijan")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a city named after its country is a place, not the country
        (
            "Our Ambassador in Mexico City has concluded an agreement with the Mexican Government on the claims.",
            {("Mexico", "United States")},
        ),
        # 'on the part of' a country names a side in treaty language, beside those 'between'
        (
            "The Convention between the United States and Canada, signed in January, has not yet been ratified "
            "on the part of Great Britain.",
            {("Canada", "United Kingdom", "United States")},
        ),
        # a clause joined by 'and' with a subject of its own keeps its own sides
        (
            "An armistice agreement with North Korea was signed at Panmunjom, and the treaty with Korea will be "
            "laid before the Senate.",
            {("North Korea", "United States"), ("South Korea", "United States")},
        ),
        # 'agreed to join us': the speaker's government is the other side
        (
            "The Soviet Union has agreed to join us in a ban on atmospheric tests.",
            {("Soviet Union", "United States")},
        ),
    ],
)
def test_places_and_the_speaker(extractor: Extractor, text: str, want: set[tuple[str, ...]]) -> None:
    assert {parties for parties, _ in found_at(extractor, text, WHITE_HOUSE)} == want


# Round 5: later stages of one agreement, plural agreements with several counterparts, opening place phrases,
# bodies as sides.


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a sentence pointing back carries the agreement on to a later stage
        (
            "New Zealand and Singapore signed a green economy agreement in March. The agreement entered into "
            "force on Friday after both parliaments approved it.",
            BEEHIVE,
            expected((("New Zealand", "Singapore"), "in_force")),
        ),
        (
            "Canada and Ukraine concluded negotiations on a modernized free trade agreement in January. The "
            "agreement was signed in Kyiv on Tuesday.",
            CANADA,
            expected((("Canada", "Ukraine"), "signed")),
        ),
        # never back to an earlier one, and an earlier stage of it said later is not a second agreement
        (
            "The treaty entered into force in 2019. The treaty had been signed in Lima by Peru and Chile.",
            WIRE,
            expected((("Chile", "Peru"), "in_force")),
        ),
        (
            "Peru and Indonesia agreed on a comprehensive economic partnership last year. The two governments "
            "will sign the text at the APEC summit.",
            WIRE,
            expected((("Indonesia", "Peru"), "agreed")),
        ),
        # a different agreement after 'the two countries' is a new one
        (
            "Spain and Morocco signed a fisheries agreement on Monday. The two countries will also sign a "
            "migration deal next year.",
            WIRE,
            expected((("Morocco", "Spain"), "signed"), (("Morocco", "Spain"), "planned")),
        ),
    ],
)
def test_stages_of_one_agreement(
    extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert found_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # plural agreement nouns with several counterparts: one agreement each; 'the authority' is the
        # publisher's own body, not a third party
        (
            "At a ceremony in Accra, the authority signed memoranda of understanding with Togo, Benin and "
            "Burkina Faso.",
            "https://www.mfa.go.ke/news/x",
            expected(
                (("Kenya", "Togo"), "signed"),
                (("Kenya", "Benin"), "signed"),
                (("Kenya", "Burkina Faso"), "signed"),
            ),
        ),
        (
            "Canada signed agreements with Chile, Peru and Colombia on clean energy cooperation.",
            CANADA,
            expected(
                (("Canada", "Chile"), "signed"),
                (("Canada", "Peru"), "signed"),
                (("Canada", "Colombia"), "signed"),
            ),
        ),
        # a singular noun with a list stays one
        (
            "Vietnam signed a trilateral agreement with Laos and Cambodia on the Mekong.",
            WIRE,
            expected((("Cambodia", "Laos", "Vietnam"), "signed")),
        ),
        # an opening place or participle phrase the parse hangs the sides on
        (
            "Speaking in Canberra, Australia and Indonesia signed a security agreement on Thursday.",
            WIRE,
            expected((("Australia", "Indonesia"), "signed")),
        ),
        (
            "In Brasilia, Brazil and Argentina signed a nuclear cooperation deal on Wednesday.",
            WIRE,
            expected((("Argentina", "Brazil"), "signed")),
        ),
        # but a place in an opening phrase is still no party
        (
            "In Geneva, the two delegations from Armenia and Azerbaijan signed a ceasefire agreement.",
            WIRE,
            expected((("Armenia", "Azerbaijan"), "signed")),
        ),
        # bodies as sides, under the name the text spells out
        (
            "The AfDB signed a financing agreement with Senegal on Monday. The African Development Bank said "
            "the loan would fund solar plants.",
            WIRE,
            expected((("African Development Bank", "Senegal"), "signed")),
        ),
        (
            "The CDB signed a loan agreement with Guyana on Monday. The Caribbean Development Bank said the "
            "loan would fund roads.",
            WIRE,
            expected((("Caribbean Development Bank", "Guyana"), "signed")),
        ),
        # a body the parse does not make the subject ('USAID' read as an adverb) still signs
        (
            "USAID signed a health agreement with Malawi.",
            WIRE,
            expected((("Malawi", "United States Agency for International Development"), "signed")),
        ),
        # those who act for two countries, 'from' them
        (
            "Delegations from Chile and Argentina signed an energy integration treaty on Friday.",
            WIRE,
            expected((("Argentina", "Chile"), "signed")),
        ),
        (
            "Negotiators from Australia and the United Kingdom signed a free trade agreement on Wednesday.",
            WIRE,
            expected((("Australia", "United Kingdom"), "signed")),
        ),
    ],
)
def test_sides(extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]) -> None:
    assert found_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://www.statehouse.go.ke/news/deals", expected((("Kenya", "United Arab Emirates"), "signed"))),
        (
            "https://www.gov.uk/government/news/deals",
            expected((("United Kingdom", "United Arab Emirates"), "signed")),
        ),
    ],
)
def test_a_treasury_named_by_one_word_is_the_publishers(
    extractor: Extractor, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    """'Treasury' names HM Treasury only where the text is the UK's or names it: on a Kenyan page it is Kenya's."""
    text = "The deals were signed by Treasury Cabinet Secretary John Mbadi and UAE Trade Minister Thani Al Zeyoudi."
    assert found_at(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # who hosts or brokers the making of an agreement is no side of it, even where no other is named there
        (
            "Thai and Cambodian defence ministers agreed on Saturday to an immediate ceasefire along their "
            "border. The agreement was reached at a meeting in Kuala Lumpur hosted by Malaysian Prime Minister "
            "Anwar Ibrahim, who chairs the Association of Southeast Asian Nations this year.",
            WIRE,
            expected((("Thailand", "Cambodia"), "agreed")),
        ),
        (
            "The ceasefire agreement, brokered by Qatar between Israel and Hamas, took effect on Sunday.",
            WIRE,
            expected((("Israel", "Hamas"), "in_force")),
        ),
        (
            "Oman hosted talks between Iran and the United States on a nuclear deal on Saturday.",
            WIRE,
            expected((("Iran", "United States"), "in_negotiation")),
        ),
        # a full name the leaders' table lacks is not the leader it lists under that surname (Penny Wong)
        (
            "Prime Minister Lawrence Wong and Vietnamese Prime Minister Pham Minh Chinh met in Hanoi today. The two "
            "leaders signed a memorandum of understanding on carbon credits.",
            SINGAPORE,
            expected((("Singapore", "Vietnam"), "signed")),
        ),
        # an office's portfolio ('Commissioner for Health') is no side named with 'for'
        (
            "The Commission welcomes the provisional political agreement reached today between the European "
            "Parliament and the Council on the Critical Medicines Act. The new rules will strengthen the security "
            "of supply of some 270 critical medicines.\n\n"
            "Commissioner for Health and Animal Welfare Olivér Várhelyi said: \"Today's agreement is a decisive "
            'step for patients across Europe."',
            EU,
            set(),
        ),
    ],
)
def test_hosts_brokers_and_portfolios_are_no_sides(
    extractor: Extractor, text: str, url: str, want: set[tuple[tuple[str, ...], str]]
) -> None:
    assert found_at(extractor, text, url) == want
