"""Currencies by symbol, name and publisher: the table's readings, and money in each government's releases."""

import re

import pytest
import spacy

from nlp.components import doc_extension
from nlp.currencies import local_currency, resolve
from nlp.figures import FigureSpans
from nlp.figures.money import trie_pattern
from nlp.pipeline import Extractor
from presswatch.document import Document, Figure


@pytest.mark.parametrize(
    ("government", "code"),
    [
        ("New Zealand", "NZD"),
        ("Canada", "CAD"),
        ("Singapore", "SGD"),
        ("Namibia", "NAD"),  # the rand is tender there too; the country's own dollar is meant
        ("European Union", "EUR"),
        ("United Kingdom", "GBP"),
        (None, None),
    ],
)
def test_a_government_has_its_own_currency(government: str | None, code: str | None) -> None:
    assert local_currency(government) == code


@pytest.mark.parametrize(
    ("form", "local", "code"),
    [
        ("$", None, "USD"),
        ("$", "NZD", "NZD"),
        ("$", "GBP", "USD"),  # a UK release's '$' is still the US dollar
        ("Rs", None, "INR"),
        ("Rs", "PKR", "PKR"),
        ("KSh", None, "KES"),
        ("GH₵", None, "GHS"),
        ("N$", None, "NAD"),
        ("naira", None, "NGN"),
        ("kr", None, None),  # shared by three Nordic currencies: no reading without a publisher
        ("kr", "SEK", "SEK"),
    ],
)
def test_a_shared_symbol_takes_the_publishers_reading(form: str, local: str | None, code: str | None) -> None:
    assert resolve(form, local=local) == code


def _figures(text: str, publisher: str | None) -> list[Figure]:
    """The money rules alone, on a tokenised text: they need no parse."""
    doc_extension("publisher")
    doc_extension("figures")
    doc = spacy.blank("en").make_doc(text)
    doc._.publisher = publisher
    return list(FigureSpans()(doc)._.figures)


def _money(text: str, publisher: str | None) -> list[tuple[float, str | None]]:
    return [(f.value, f.currency) for f in _figures(text, publisher) if f.kind == "money"]


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        ("The Government is investing $50 million in homes.", "New Zealand", (50e6, "NZD")),
        ("The Government is investing $50 million in homes.", "United Kingdom", (50e6, "USD")),
        ("a KSh 2 billion housing fund", None, (2e9, "KES")),
        ("Ksh. 15.6 billion to the counties", None, (15.6e9, "KES")),
        ("Rs 40 crore for the scheme", None, (4e8, "INR")),
        ("Rs 10 billion for laptops", "Pakistan", (1e10, "PKR")),
        ("N$300 million for drought relief", None, (3e8, "NAD")),
        ("JA$20 million for road repairs", None, (2e7, "JMD")),  # as Jamaica's papers write it
        ("GH₵ 5m for schools", None, (5e6, "GHS")),
        ("GHS 120 million to the assemblies", None, (1.2e8, "GHS")),
        ("₦25,000 each to households", None, (25e3, "NGN")),
        ("UGX 50 billion to youth groups", None, (5e10, "UGX")),
        ("2 billion naira for roads", None, (2e9, "NGN")),
        ("R1.2 billion to build houses", "South Africa", (1.2e9, "ZAR")),  # a lone letter: only its own
        ("N300 billion for roads", "Nigeria", (3e11, "NGN")),
        ("RM500 million to small firms", "Malaysia", (5e8, "MYR")),
        ("Counties will receive Sh400 billion", "Kenya", (4e11, "KES")),  # three shillings write 'Sh'
    ],
)
def test_local_currencies_are_money(text: str, publisher: str | None, expected: tuple[float, str]) -> None:
    assert _money(text, publisher) == [expected]


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("R1.2 billion to build houses", None),  # 'R' is the rand only in South Africa's releases
        ("Route N300 runs north", "United Kingdom"),
        ("ALL 5 schools reopened", None),  # an ISO code that is also a word
        ("Chelsea FC 2 Arsenal 1", None),
        ("Counties will receive Sh400 billion", None),  # Kenya's, Uganda's or Tanzania's: no reading
    ],
)
def test_letters_before_numbers_are_not_money_elsewhere(text: str, publisher: str | None) -> None:
    assert _money(text, publisher) == []


def test_a_release_reads_the_dollar_of_its_government(extractor: Extractor) -> None:
    """Through the extractor, as a crawl runs it: the publisher comes from the page's URL."""
    text = "Minister Willis said the $2.1 billion package would fund 500 more police officers."
    by_url = {
        "https://www.beehive.govt.nz/release/x": "NZD",
        "https://www.canada.ca/en/news/x": "CAD",
        "https://www.mof.gov.sg/news/x": "SGD",
        "https://www.state.gov/x": "USD",
        "https://www.theguardian.com/x": "USD",
    }
    for url, code in by_url.items():
        doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
        assert [(f.value, f.currency) for f in doc.figures if f.kind == "money"] == [(2.1e9, code)], url


def test_a_prefix_tree_matches_what_the_alternation_matched() -> None:
    """The money patterns' symbol lists are prefix trees; each word still matches whole, the longest first."""
    words = ["KSh", "KShs", "Ksh", "Kz", "K", "US$", "$"]
    pattern = re.compile(rf"(?:{trie_pattern(words)})(?=\d)")
    assert [pattern.match(f"{w}5")[0] for w in words] == words  # type: ignore[index]
    assert pattern.match("Kq5") is None


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        ("₱1.5 billion to 250,000 families", "Philippines", ("₱1.5 billion", None)),
        ("RM500 million to 2,000 small firms", "Malaysia", ("RM500 million", None)),
        ("£5m to £8m", None, ("£5m to £8m", 8e6)),
        ("£5 to 8 million", None, ("£5 to 8 million", 8e6)),
    ],
)
def test_a_bare_number_after_to_is_no_top_of_a_range(
    text: str, publisher: str | None, expected: tuple[str, float | None]
) -> None:
    """After a scaled amount, 'to' and a number with no currency or scale of its own says where the money goes."""
    assert [(f.text, f.value_max) for f in _figures(text, publisher)] == [expected]
