"""Organisations, roles and quote speakers in news reports, round 14 of issue 19 (news reports of the kind the
held-out Wikinews texts are, added to the tune half): a body's name that says 'U.S.' is written 'United States'
(the guide's one exception to the body's own form); two offices of one body before a name are the role, and what
a person owns after their possessive is no part of their name; a mixed-case body speaks through its unnamed
spokesperson as a title-case one does, and a quote opened inside a paragraph goes on in the next as one that opens
the paragraph does. Each text was written for the test, in the styles of the reports the round added."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def _read(extractor: Extractor, text: str) -> Document:
    return extractor.enrich(
        Document.from_page(url="https://apnews.com/article/wiki14", source="t", title="t", body=text)
    )


def _organisations(document: Document) -> set[str]:
    return {m.normalized for m in document.entities if m.label == "ORG"}


def test_us_in_a_bodys_name_is_written_united_states(extractor: Extractor) -> None:
    """GUIDE: "U.S." or "US" standing for the United States in a body's name is written "United States", so
    that one body is one key, whether a table knows the body or not."""
    document = _read(
        extractor,
        "The agency referred the case to the U.S. Soccer Federation, and U.S. Immigration and Customs Enforcement "
        "detained the driver. The U.S. Securities and Exchange Commission opened its own inquiry.",
    )
    assert _organisations(document) == {
        "United States Soccer Federation",
        "United States Immigration and Customs Enforcement",
        "United States Securities and Exchange Commission",
    }
