"""A short form in brackets after a body's name is that body, when its words give their first few letters
('KETRACO': Kenya Electricity Transmission Company) or it is written in mixed case ('KeRRA', 'AfDB'): both
came out as a second organisation beside the full name. Written before the rule, in the styles of Kenyan,
African and UK releases; a bracket that abbreviates no words of the name stays apart."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, text: str) -> set[str]:
    doc = extractor.enrich(
        Document.from_page(url="https://www.mfa.go.ke/news/x", source="t", title="t", body=text)
    )
    return {m.normalized for m in doc.entities if m.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Kenya Electricity Transmission Company (KETRACO) built the line. KETRACO said it would finish "
            "by June.",
            {"Kenya Electricity Transmission Company"},
        ),
        (
            "The Kenya Rural Roads Authority (KeRRA) built the road. KeRRA said it would finish by June.",
            {"Kenya Rural Roads Authority"},
        ),
        ("The African Development Bank (AfDB) approved the loan.", {"African Development Bank"}),
        (
            "The Kenya Power and Lighting Company (KPLC) and the Kenya Electricity Generating Company (KenGen) "
            "signed the deal.",
            {"Kenya Power and Lighting Company", "Kenya Electricity Generating Company"},
        ),
    ],
)
def test_a_short_form_in_brackets_is_the_body_it_follows(
    extractor: Extractor, text: str, want: set[str]
) -> None:
    assert organisations(extractor, text) == want


def test_a_bracket_that_abbreviates_no_words_of_the_name_stays_apart(extractor: Extractor) -> None:
    found = organisations(extractor, "Acme Holdings (UK) said profits rose.")
    assert "Acme Holdings" in found and "United Kingdom" not in found
