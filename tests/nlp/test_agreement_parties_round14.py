"""Issue 19's fourteenth round of party rules, on the real model: sides named as releases outside the UK and the
US name them. A state's, province's or city's government signs by its place's name ('the Government of Punjab',
'the state of Victoria'); a ministry signs for its country, a bare one on a government's own site for that
government; a country's body named after it ("Japan's Tokyo Metropolitan Government") is the side, not the
country; a project an agreement pays for, a company's legal form and a letter's being a letter are no side.
Each case on one side of the boundary."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.publishers import GHANA, WIRE
from tests.nlp.publishers import INDIA_MEA as INDIA
from tests.nlp.publishers import KENYA_TREASURY as KENYA
from tests.nlp.publishers import PHILIPPINES_ENERGY as PHILIPPINES
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # sub-national governments sign by their place's name
        (
            "Alberta and Saskatchewan signed an agreement on carbon capture.",
            WIRE,
            sets(("Alberta", "Saskatchewan")),
        ),
        (
            "The Government of Punjab signed a memorandum of understanding with Tata Steel on green steel.",
            INDIA,
            sets(("Punjab", "Tata Steel")),
        ),
        (
            "The Australian state of Victoria signed a partnership agreement with Japan's Osaka Prefectural "
            "Government.",
            WIRE,
            sets(("Victoria", "Osaka Prefectural Government")),
        ),
        # a ministry signs for its country; a bare one on a government's own site for that government
        (
            "The National Treasury signed a loan agreement with the African Development Bank.",
            KENYA,
            sets(("Kenya", "African Development Bank")),
        ),
        (
            "The Department of Energy signed a supply contract with Aboitiz Power Ltd.",
            PHILIPPINES,
            sets(("Philippines", "Aboitiz Power")),
        ),
        (
            "The Ministry of Agriculture of Peru and the Ministry of Agriculture of Chile signed an agreement on "
            "plant health.",
            WIRE,
            sets(("Peru", "Chile")),
        ),
        # the formal name of a government, and a body the recogniser took for a place
        (
            "A memorandum of understanding was signed between the Government of India and the Government of the "
            "Republic of Rwanda on agriculture.",
            INDIA,
            sets(("India", "Rwanda")),
        ),
        (
            "The Ghana Ports and Harbours Authority signed an agreement with the Port of Rotterdam.",
            WIRE,
            sets(("Ghana Ports and Harbours Authority", "Port of Rotterdam")),
        ),
        # a company named after its country, with a plural name
        ("Ghana signed a deal with Ghana Airways.", WIRE, sets(("Ghana", "Ghana Airways"))),
        # what the agreement pays for is no side; a letter of intent is an agreement
        (
            "The Government signed a loan agreement with the World Bank for the Accra Sanitation Project.",
            GHANA,
            sets(("Ghana", "World Bank")),
        ),
        (
            "Kenya and Finland inked a letter of intent on Tuesday to cooperate in forestry.",
            WIRE,
            sets(("Kenya", "Finland")),
        ),
        # a place named as its unit, or by its own government; a capital's government is its country's
        (
            "The province of Mendoza and China's Sichuan Province signed a memorandum of understanding on wine.",
            WIRE,
            sets(("Mendoza", "Sichuan Province")),
        ),
        (
            "Cebu City signed a sister city agreement with the city of Tokyo on Monday.",
            WIRE,
            sets(("Cebu City", "Tokyo")),
        ),
        ("The Lagos government signed an agreement with Siemens.", WIRE, sets(("Lagos", "Siemens"))),
        (
            "The City of Durban signed a sister city agreement with the City of Bremen.",
            WIRE,
            sets(("Durban", "Bremen")),
        ),
        ("The State of Israel signed an agreement with Bahrain.", WIRE, sets(("Israel", "Bahrain"))),
        (
            "Nakuru County signed a partnership agreement with Japan's Shizuoka Prefecture.",
            WIRE,
            sets(("Nakuru County", "Shizuoka Prefecture")),
        ),
        ("The Beijing government signed an agreement with Laos.", WIRE, sets(("China", "Laos"))),
        # a title after a body's name, its holder named after a comma, is no co-signer
        (
            "The agreement was signed by the Minister for Finance, Ken Ofori-Atta, and the IMF Mission Chief, "
            "Stephane Roudet.",
            GHANA,
            sets(("Ghana", "International Monetary Fund")),
        ),
        # an untagged company's name with a number in it, not its country's
        (
            "EDL signed a power purchase agreement with Laos's Nam Ngum 3 Power Company on Monday.",
            WIRE,
            sets(("EDL", "Nam Ngum 3 Power Company")),
        ),
        # an untagged proper noun that signs is a side; not one who signs on a party's behalf
        ("Safaricom signed an agreement with Vodafone on Monday.", WIRE, sets(("Safaricom", "Vodafone"))),
        (
            "Dangote Cement signed a gas supply deal with the Nigerian National Petroleum Company.",
            WIRE,
            sets(("Dangote Cement", "Nigerian National Petroleum Company")),
        ),
        ("Mudavadi signed the agreement with Japan on behalf of Kenya.", WIRE, sets(("Japan", "Kenya"))),
        (
            "COMESA and the African Development Bank signed a grant agreement.",
            WIRE,
            sets(("COMESA", "African Development Bank")),
        ),
        # Mexico's ministries on Mexico's own site
        (
            "The Ministry of Economy and the Ministry of Economy of Chile signed an agreement on trade in services.",
            "https://www.gob.mx/se/prensa/x",
            sets(("Mexico", "Chile")),
        ),
    ],
)
def test_sides_outside_the_uk_and_us(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


def test_a_ministry_of_no_known_country_leaves_no_placeholder(extractor: Extractor) -> None:
    """'signed between the Ministry of Health and the WHO' on a news site: the ministry stands for the announcing
    government, which a news site has none of; no party is the placeholder that stands for it."""
    text = (
        "A memorandum was signed between the Ministry of Health and the World Health Organization on Monday."
    )
    found = parties_at(extractor, text, WIRE)
    assert not any(name.startswith("\x00") for parties in found for name in parties)
