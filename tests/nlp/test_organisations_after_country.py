"""A body's name the model tags nothing of but the country's short name opening it: 'the U.S. Trade and
Development Agency' gave the country alone and no organisation."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def _organisations(extractor: Extractor, text: str) -> list[str]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/o", source="t", title="t", body=text))
    return [m.normalized for m in doc.entities if m.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The agreement with the U.S. Trade and Development Agency covers a port in Mombasa.",
            "United States Trade and Development Agency",
        ),
        (
            "Growers met officials of the U.S. Foreign Agricultural Service on Tuesday.",
            "United States Foreign Agricultural Service",
        ),
    ],
)
def test_a_body_opened_by_its_country_is_named_whole(extractor: Extractor, text: str, body: str) -> None:
    assert body in _organisations(extractor, text)


def test_a_title_after_a_country_is_no_body(extractor: Extractor) -> None:
    assert _organisations(extractor, "She met the U.S. Ambassador and the UK Trade Envoy in London.") == []
