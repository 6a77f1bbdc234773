"""Territories with an ISO 3166-1 code of their own (Hong Kong, Puerto Rico, Greenland, Gibraltar) are countries
as the annotation guide counts them ("the countries and territories the text names"): in the countries field, and
as a side of an agreement made with them. What an agreement is about stays no side of it, said on the participle
that makes it ('the agreement reached with the United Kingdom on Gibraltar') as on its noun, and no side of the
group a later sentence points back to ('Both sides will now ...')."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.agreement_cases import agreements_of
from tests.nlp.publishers import EU, WIRE


def _countries(extractor: Extractor, text: str) -> set[str]:
    document = extractor.enrich(Document.from_page(url=WIRE, source="t", title="t", body=text))
    return {m.code for m in document.entities if m.code}


def test_territories_are_counted_with_their_own_codes(extractor: Extractor) -> None:
    found = _countries(
        extractor,
        "Puerto Rico and Guam will receive disaster funds. Hong Kong's leader met officials from Greenland.",
    )
    assert {"PR", "GU", "HK", "GL"} <= found


def test_a_territory_is_a_side_of_an_agreement_made_with_it() -> None:
    assert agreements_of(WIRE, "Hong Kong signed a free trade agreement with Peru on Monday.") == {
        (frozenset({"Hong Kong", "Peru"}), "signed")
    }


def test_what_an_agreement_is_about_is_no_side_of_it_or_of_the_group_after_it() -> None:
    found = agreements_of(
        EU,
        "The Commission welcomes the agreement reached with the United Kingdom on Gibraltar. Both sides will now "
        "finalise the treaty text.",
    )
    assert all("Gibraltar" not in parties for parties, _ in found)
    assert (frozenset({"European Union", "United Kingdom"}), "agreed") in found
