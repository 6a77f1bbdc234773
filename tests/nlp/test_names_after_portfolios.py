"""A person named after an office and a portfolio the body tables do not know: 'Minister for Trade and Export
Growth Todd McClay' gave no person (the model tagged nothing, or took the name into a body's span with the
portfolio); a double office lost its first half, a portfolio's comma ended the role, and the title before the
name came out as a body."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.test_roles import roles


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Minister for Housing and Urban Renewal Aroha Tane opened the first 40 homes in Porirua.",
            "Aroha Tane",
            "Minister for Housing and Urban Renewal",
        ),
        (
            "Cabinet Secretary for Water, Sanitation and Irrigation Eric Mugaa toured the dam site.",
            "Eric Mugaa",
            "Cabinet Secretary for Water, Sanitation and Irrigation",
        ),
        (  # a name of three words after a portfolio
            "Minister of Water and Sanitation Pemmy Castelina Majodina said the dams were full.",
            "Pemmy Castelina Majodina",
            "Minister of Water and Sanitation",
        ),
        (  # the place an office is held for ends the portfolio
            "Chief Minister of Punjab Bhagwant Mann said the canal would be repaired before the monsoon.",
            "Bhagwant Mann",
            "Chief Minister of Punjab",
        ),
        (  # two offices, each with its portfolio, held by one person
            "The Minister of Trade and Minister of Industry, Jelani Okafor, said the levy would go.",
            "Jelani Okafor",
            "Minister of Trade and Minister of Industry",
        ),
        (  # an office of a place before 'and' is another person's
            "The Prime Minister of Canada and Premier of Ontario Doug Ford announced the plan.",
            "Doug Ford",
            "Premier of Ontario",
        ),
        (  # the first words of the title hang on it across 'and'
            "Foreign and Defence Affairs Minister Kofi Mensah met the delegation in Accra.",
            "Kofi Mensah",
            "Foreign and Defence Affairs Minister",
        ),
        (  # portfolio words the model tags as a person's name belong to the office before an honorific
            "Union Minister of Fisheries, Animal Husbandry and Dairying Shri Rajiv Ranjan Singh said that fish "
            "production had reached a record.",
            "Rajiv Ranjan Singh",
            "Union Minister of Fisheries, Animal Husbandry and Dairying",
        ),
        (  # two portfolios joined before one title (the parse hangs the first on the title as 'nmod')
            "Trade and Investment Minister Todd McClay announced the deal today.",
            "Todd McClay",
            "Trade and Investment Minister",
        ),
        (  # a title between the office's comma and the name is no office of its own
            "The Minister of Budget and Economic Planning, Senator Abubakar Bagudu, said that N15.8 trillion "
            "had been allocated to capital expenditure.",
            "Abubakar Bagudu",
            "Minister of Budget and Economic Planning",
        ),
        (  # a surname that is also a town's name, after a forename no lexicon has
            "Minister of State Neale Richmond will travel to Chad next week to visit refugee camps.",
            "Neale Richmond",
            "Minister of State",
        ),
        (  # the seat an MP is elected for, though the model tags it as a person
            "Nia Griffith, MP for Llanelli, said the steelworks needed a plan.",
            "Nia Griffith",
            "MP for Llanelli",
        ),
    ],
)
def test_the_name_after_a_portfolio_is_the_office_holder(
    extractor: Extractor, text: str, name: str, role: str
) -> None:
    assert roles(extractor, text).get(name) == role


@pytest.mark.parametrize(
    "text",
    [
        "Minister for Health and Social Care announced 2,000 more nurses on Monday.",
        "The Premier of New South Wales said the bridge would reopen in June.",
        "Secretary of State for Energy Security and Net Zero said the auction was a success.",
        "Minister for Europe Stephen Doughty Visits Kyiv",  # a headline: 'Visits Kyiv' is no name
    ],
)
def test_a_portfolio_alone_names_nobody(extractor: Extractor, text: str) -> None:
    assert roles(extractor, text) == {}


def names(extractor: Extractor, url: str, text: str, label: str) -> list[str]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return [m.normalized for m in doc.entities if m.label == label]


def test_the_title_before_the_name_is_no_body(extractor: Extractor) -> None:
    url = "https://www.interior.go.ke/x"
    text = (
        "Cabinet Secretary for Public Service and Human Capital Development Justin Muturi opened the office."
    )
    assert names(extractor, url, text, "ORG") == []
    assert names(extractor, url, text, "PERSON") == ["Justin Muturi"]


def test_an_amount_the_model_tags_as_a_body_is_none(extractor: Extractor) -> None:
    text = "The minister said that N15.8 trillion had been allocated to capital expenditure."
    assert names(extractor, "https://statehouse.gov.ng/news/x", text, "ORG") == []
