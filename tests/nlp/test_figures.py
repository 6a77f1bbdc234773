"""Money, counts and percentages on the real model: one readable case per rule."""

import pytest

from nlp.numbers import parse_number_words
from nlp.pipeline import Extractor
from presswatch.document import Document, Figure


def figures(extractor: Extractor, text: str) -> list[Figure]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    return list(doc.figures)


def normalized(extractor: Extractor, text: str) -> list[str]:
    return [f.normalized for f in figures(extractor, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an extra £75m for the Border Security Command", "75,000,000 GBP"),
        ("a deal worth $1.2 billion over ten years", "1,200,000,000 USD"),
        ("Germany will invest €3bn in the link.", "3,000,000,000 EUR"),
        ("funding of EUR 40 million for ports", "40,000,000 EUR"),
        ("they raised 40 million euros for schools", "40,000,000 EUR"),
        ("fines of £12,500 were issued", "12,500 GBP"),
        ("research worth ¥20 billion", "20,000,000,000 JPY"),
        ("more than £10m was seized", "at least 10,000,000 GBP"),
        ("up to £2.4bn over two years", "at most 2,400,000,000 GBP"),
        ("a C$16.4 million contract", "16,400,000 CAD"),
        ("HK$ 10.05 billion of bonds", "10,050,000,000 HKD"),
        ("shares rose 50 cents", "0.5 USD"),
        ("stamps cost 470 pence", "4.7 GBP"),
        ("a loan of five million yen", "5,000,000 JPY"),
        ("exports of 100 billion yuan", "100,000,000,000 CNY"),
        ("125 million Australian dollars", "125,000,000 AUD"),
        ("a hundred pounds each", "100 GBP"),
    ],
)
def test_money_is_normalised_to_value_and_iso_currency(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert expected in normalized(extractor, text)


def test_a_pound_of_flour_is_not_money(extractor: Extractor) -> None:
    assert [f for f in figures(extractor, "Add a pound of flour.") if f.kind == "money"] == []


def test_money_span_covers_symbol_number_and_scale(extractor: Extractor) -> None:
    text = "an extra £75m for the Border Security Command"
    [money] = [f for f in figures(extractor, text) if f.kind == "money"]
    assert text[money.start : money.end] == "£75m" == money.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 31,000 people have crossed the Channel.", "at least 31,000 person"),
        ("Almost 100,000 migrants were returned.", "about 100,000 migrant"),
        ("The Command made 1,450 arrests last year.", "1,450 arrest"),
        ("Border Force will recruit 1,000 new officers.", "1,000 officer"),
        ("It will bring electricity to 2 million people.", "2,000,000 person"),
        ("Forty British companies joined the mission.", "40 company"),
        ("fewer than 2,000 people arrived", "at most 2,000 person"),
    ],
)
def test_counts_name_the_counted_noun_and_qualifier(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


def test_years_dates_and_money_are_not_counts(extractor: Extractor) -> None:
    found = figures(extractor, "In 2024 the £75m fund paid for 300 investigators over 10 years.")
    counts = [f.normalized for f in found if f.kind == "count"]
    assert counts == ["300 investigator"]


def test_percentages(extractor: Extractor) -> None:
    assert normalized(extractor, "tariffs cut on 90% of goods and 14 per cent fewer crossings") == [
        "90%",
        "14%",
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "hundred"], 200),
        (["forty-five"], 45),
        (["a", "dozen"], 12),
        (["three", "million"], 3_000_000),
    ],
)
def test_number_words(words: list[str], value: int) -> None:
    assert parse_number_words(words) == value


def test_not_number_words() -> None:
    assert parse_number_words(["several"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "The two countries will share bases.",
        "Norway will buy Type 26 frigates.",
        "Both navies train together.",
    ],
)
def test_back_references_and_names_are_not_counts(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


def test_a_figure_restated_in_the_body_is_listed_once(extractor: Extractor) -> None:
    text = "An extra £75m for the Command.\n\nThe government is providing an extra £75m for the Command."
    assert normalized(extractor, text) == ["75,000,000 GBP"]
