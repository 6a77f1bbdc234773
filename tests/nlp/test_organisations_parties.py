"""A party's name with 'party' written in lower case after it is the party, in its own form ('the Labour party' →
Labour Party, 'the Communist party of China' → Communist Party of China); a country's people before 'party' is
that country's side in a statement, no party."""

from __future__ import annotations

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, text: str) -> set[str]:
    document = Document.from_page(url="https://www.example.org/news/a", source="t", title="t", body=text)
    return {m.normalized for m in extractor.enrich(document).entities if m.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Labour party said it would oppose the bill.", {"Labour Party"}),
        ("The Communist party of China said the plenum would meet in October.", {"Communist Party of China"}),
        (
            "The Liberal Democrat party and the Green party backed the motion.",
            {"Liberal Democrat Party", "Green Party"},
        ),
        ("The Chinese party agreed to expand trade, the joint statement said.", set()),
    ],
)
def test_a_name_before_party_in_lower_case_is_the_party(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert organisations(extractor, text) == expected
