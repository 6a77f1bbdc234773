"""An agreement the text sets apart as earlier ('the previous agreement', 'the existing one') is another
agreement, not the new one it announces pointing back: 'signed a new air services agreement ... The previous
agreement expired in June' gave one agreement, ended. Written for the test in a New Zealand release's style."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document

NEW_ZEALAND = "https://www.beehive.govt.nz/release/earlier"


def agreements(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    document = Document.from_page(url=NEW_ZEALAND, source="test", title="", body=text)
    return [(a.status, sorted(a.parties)) for a in extractor.enrich(document).agreements]


def test_the_previous_agreement_is_another_one(extractor: Extractor) -> None:
    text = "New Zealand signed a new air services agreement with Fiji on Monday. The previous agreement expired in June."
    assert agreements(extractor, text) == [
        ("signed", ["Fiji", "New Zealand"]),
        ("ended", ["Fiji", "New Zealand"]),
    ]


def test_the_agreement_after_a_new_one_still_points_back_to_it(extractor: Extractor) -> None:
    text = "New Zealand and Fiji signed a new air services agreement on Monday. The agreement will take effect in May."
    assert agreements(extractor, text) == [
        ("signed", ["Fiji", "New Zealand"])
    ]  # one agreement, to take effect
