"""Round 5 of the agreement assembly and parties, on the real model: later stages of one agreement, plural
agreements with several counterparts, opening place phrases, bodies as sides."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document

WIRE = "https://www.reuters.com/world/x"
BEEHIVE = "https://www.beehive.govt.nz/release/x"
CANADA = "https://www.canada.ca/en/news/x"


def found_at(extractor: Extractor, text: str, url: str) -> set[tuple[tuple[str, ...], str]]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return {(tuple(sorted(a.parties)), a.status) for a in doc.agreements}


def expected(*pairs: tuple[tuple[str, ...], str]) -> set[tuple[tuple[str, ...], str]]:
    return {(tuple(sorted(parties)), status) for parties, status in pairs}


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
