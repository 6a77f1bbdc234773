"""Agreement cases read through the Extractor with the rules alone, as the round tests write them: one extractor
per test process, and a text's agreements as (parties, status) pairs."""

from __future__ import annotations

from functools import lru_cache

from nlp.pipeline import Extractor
from presswatch.document import Document

AgreementKey = tuple[frozenset[str], str]


@lru_cache(maxsize=1)
def rules() -> Extractor:
    return Extractor(use_classifier=False)


def agreements_of(url: str, text: str) -> set[AgreementKey]:
    """The parties and status of every agreement the rules find in `text`, published at `url`."""
    document = rules().enrich(Document.from_page(url=url, source="probe", title="", body=text))
    return {(frozenset(a.parties), a.status) for a in document.agreements}
