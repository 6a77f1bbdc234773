"""Who the parties of an agreement are, on the real model: names, nationalities, pronouns and ministries that
stand for a country, and the sides an agreement's own 'between' phrase names."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document

WHITE_HOUSE = "https://www.whitehouse.gov/briefings/address"


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
