"""An agreement's own name as the text writes it. Each text was written for the test, in the styles of New
Zealand, Indian and Canadian releases."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def names(extractor: Extractor, text: str) -> list[str | None]:
    document = Document.from_page(
        url="https://www.gov.example/news/names", source="test", title="", body=text
    )
    return [agreement.name for agreement in extractor.enrich(document).agreements]


def test_a_name_with_of_inside_is_read_whole(extractor: Extractor) -> None:
    text = "New Zealand and the Philippines have concluded negotiations on a Status of Visiting Forces Agreement."
    assert names(extractor, text) == ["Status of Visiting Forces Agreement"]


def test_a_name_opening_with_two_sides_joined_by_a_hyphen_keeps_both(extractor: Extractor) -> None:
    text = "Canada and the European Union announced that the Canada-EU Digital Trade Agreement has entered into force."
    assert names(extractor, text) == ["Canada-EU Digital Trade Agreement"]


def test_a_name_ends_in_the_noun_its_agreement_word_qualifies(extractor: Extractor) -> None:
    text = "India and Oman today signed a Comprehensive Economic Partnership Agreement (CEPA) in Muscat."
    assert names(extractor, text) == ["Comprehensive Economic Partnership Agreement"]


def test_a_headline_in_title_case_keeps_its_verb_and_its_conjunction_out(extractor: Extractor) -> None:
    assert "UK And" not in str(names(extractor, "UK And Serbia Sign Returns Agreement"))
