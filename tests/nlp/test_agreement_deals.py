"""Issue 19's twelfth round, on the real model: deals as news and procurement releases report them
(`nlp/agreements/deals.py`). A contract awarded to several companies is one agreement per awardee with the
awarding body; one won or secured is made with whom it comes from; an order or purchase is made with the
seller, the maker named in the goods, or the company bought; a sale is one agreement per buyer; the verbs
the deal hangs on give its stage. Each shape beside a sentence that names no deal. Written in the styles of
`bench/agreement_probes.py --round12`."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import GOV_UK, INDIA
from tests.nlp.publishers import WIRE_BUSINESS as WIRE

NASA = "National Aeronautics and Space Administration"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


def deals(extractor: Extractor, text: str, url: str) -> set[tuple[tuple[str, ...], str]]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return {(tuple(sorted(a.parties)), a.status) for a in doc.agreements}


def want(*pairs: tuple[tuple[str, ...], str]) -> set[tuple[tuple[str, ...], str]]:
    return {(tuple(sorted(parties)), status) for parties, status in pairs}


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        # an award to several: one agreement per awardee, the awarding body in each
        (
            "NASA awarded contracts to SpaceX, Blue Origin and Dynetics to develop lunar landers.",
            WIRE,
            want(
                ((NASA, "SpaceX"), "signed"),
                ((NASA, "Blue Origin"), "signed"),
                ((NASA, "Dynetics"), "signed"),
            ),
        ),
        # a ministry awarding on its government's page is the government
        (
            "The Ministry of Defence has awarded a £1.2 billion contract to Babcock to maintain the frigates.",
            GOV_UK,
            want((("United Kingdom", "Babcock"), "signed")),
        ),
        # a contract won from a client, whose department is its country
        (
            "Lockheed Martin won a $1.8 billion contract from the U.S. Defense Department to build missiles.",
            WIRE,
            want((("Lockheed Martin", "United States"), "signed")),
        ),
        (
            "Siemens Mobility has secured a £1.5 billion contract from Transport for London to build trains.",
            WIRE,
            want((("Siemens Mobility", "Transport for London"), "signed")),
        ),
        # a contract signed with a company
        (
            "The Ministry of Defence signed a contract with Bharat Electronics for the supply of radars.",
            INDIA,
            want((("India", "Bharat Electronics"), "signed")),
        ),
        # suppliers selected where the sentence names their contracts
        (
            "The European Space Agency selected Thales Alenia Space and Airbus to build satellites under "
            "contracts worth 1.47 billion euros.",
            WIRE,
            want(
                (("European Space Agency", "Thales Alenia Space"), "signed"),
                (("European Space Agency", "Airbus"), "signed"),
            ),
        ),
    ],
)
def test_contracts(
    extractor: Extractor, text: str, url: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    assert deals(extractor, text, url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the maker named in the goods is the seller, behind the model's number too
        (
            "Emirates placed an order for 50 Airbus A350 jets worth $16 billion on Monday.",
            want((("Emirates", "Airbus"), "signed")),
        ),
        # what the purchase hangs on gives its stage
        (
            "Qantas has agreed to buy 12 Airbus A350-1000 jets for its non-stop flights.",
            want((("Qantas", "Airbus"), "agreed")),
        ),
        (
            "IndiGo plans to order up to 100 more A350 aircraft from Airbus, its chief executive said.",
            want((("IndiGo", "Airbus"), "planned")),
        ),
        (
            "Saudi Arabia is in talks with Boeing over an order for as many as 40 wide-body jets.",
            want((("Saudi Arabia", "Boeing"), "in_negotiation")),
        ),
        (
            "Norwegian Air Shuttle cancelled its order for 92 Boeing 737 MAX jets.",
            want((("Norwegian Air Shuttle", "Boeing"), "ended")),
        ),
        # the company bought is the other side
        (
            "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in an all-cash deal.",
            want((("Microsoft", "Activision Blizzard"), "agreed")),
        ),
        # one sale per buyer; the reporter is who 'it' is
        (
            "Boeing said it had sold 20 737 MAX jets to Ryanair and 10 to Turkish Airlines in the quarter.",
            want((("Boeing", "Ryanair"), "signed"), (("Boeing", "Turkish Airlines"), "signed")),
        ),
    ],
)
def test_orders_purchases_and_sales(
    extractor: Extractor, text: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    assert deals(extractor, text, WIRE) == expected


@pytest.mark.parametrize(
    "text",
    [
        # figures without a counterpart, a court's order, a market share, an order given
        "Boeing shares fell 3% after the company said it had delivered 27 jets in March.",
        "The High Court ordered the company to pay £2 million in damages to its former employees.",
        "Airbus has a 60% share of the market for single-aisle jets, and an A320neo sells for $110 million.",
        "The minister ordered an inquiry into the contract after the audit.",
        "Officials placed an order for new computers.",
    ],
)
def test_no_deal(extractor: Extractor, text: str) -> None:
    assert deals(extractor, text, GOV_UK) == set()


@pytest.mark.parametrize(
    "text",
    [
        # an order a court or a president gives, an honour, and what is bought or sold as a rule
        "The court granted a restraining order to the woman against her former partner.",
        "President Biden signed an executive order on chips made by Intel.",
        "Airlines buy most of their wide-body jets from Boeing and Airbus.",
        "Consumers bought more Samsung phones than Apple ones last year.",
    ],
)
def test_no_purchase(extractor: Extractor, text: str) -> None:
    assert deals(extractor, text, WIRE) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cancellation that names no other side ends the deal its maker made before
        (
            "In May, NASA awarded task orders to Astrobotic and OrbitBeyond for lunar missions. Two months "
            "later, OrbitBeyond canceled its task order, citing internal business issues.",
            want(((NASA, "Astrobotic"), "signed"), ((NASA, "OrbitBeyond"), "ended")),
        ),
        # sales said after a deal, with no seller of their own, are the same seller's; a government named by
        # its people is its country
        (
            "Emirates Airline placed an order for 30 Boeing 787 jets. It comes in addition to five 787 sales "
            "earlier this week: two to Biman Bangladesh Airlines and three to the Ghanaian government.",
            want(
                (("Emirates Airline", "Boeing"), "signed"),
                (("Boeing", "Biman Bangladesh Airlines"), "signed"),
                (("Boeing", "Ghana"), "signed"),
            ),
        ),
        # 'it' is the company the sentence before is about, by the full name the text gives it
        (
            "Emirates Airline has a fleet of 270 aircraft. On Monday it announced an order of 50 Airbus A350 "
            "jets worth $16 billion.",
            want((("Emirates Airline", "Airbus"), "signed")),
        ),
    ],
)
def test_deals_pointing_back(
    extractor: Extractor, text: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    assert deals(extractor, text, WIRE) == expected


def test_trade_measured_is_no_sale(extractor: Extractor) -> None:
    """A sale of goods to a buyer is a deal; trade measured by its value or compared is none."""
    assert deals(extractor, "Embraer has sold C-390 transport aircraft to the Netherlands.", WIRE) == want(
        (("Embraer", "Netherlands"), "signed")
    )
    assert deals(extractor, "Scotland sold more whisky to India last year than ever before.", GOV_UK) == set()


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        # a contract as the subject of a passive: to whom, by whom (a ministry named by its people: the country)
        (
            "A $2.3 billion contract to build the submarines was awarded to Naval Group by the Dutch defence "
            "ministry.",
            WIRE,
            want((("Naval Group", "Netherlands"), "signed")),
        ),
        (
            "A contract worth £85 million has been awarded to Balfour Beatty to upgrade the A66.",
            GOV_UK,
            want((("United Kingdom", "Balfour Beatty"), "signed")),
        ),
        # a takeover by its noun: completed in force, announced signed; land is no company
        (
            "Chevron completed its acquisition of Hess on Friday.",
            WIRE,
            want((("Chevron", "Hess"), "in_force")),
        ),
        (
            "Nippon Steel announced its takeover of U.S. Steel in December.",
            WIRE,
            want((("Nippon Steel", "U.S. Steel"), "signed")),
        ),
        ("The acquisition of land for the new airport has been delayed by court challenges.", WIRE, set()),
    ],
)
def test_passives_and_takeovers(
    extractor: Extractor, text: str, url: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    assert deals(extractor, text, url) == expected


def test_a_product_is_no_maker(extractor: Extractor) -> None:
    """The maker in the goods is a body the text names, not a product's name."""
    assert deals(extractor, "Qantas cancelled its order for 20 Dreamliner jets.", WIRE) == set()
