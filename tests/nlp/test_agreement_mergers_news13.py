"""Company mergers said by their noun and agreeing to a meeting, session 13 of issue 19: 'the merger of A and B,
which became final' is an agreement in force between A and B, 'the proposed merger of' a planned one, a merger
named again ('the A-B merger') no second agreement; 'agree to a meeting' makes no agreement. Each text was written
for the test, in the styles `bench/agreement_probes.py --round16` probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def _agreements(extractor: Extractor, text: str) -> list[tuple[frozenset[str], str]]:
    document = extractor.enrich(
        Document.from_page(url="https://apnews.com/article/news13", source="t", title="t", body=text)
    )
    return [(frozenset(a.parties), a.status) for a in document.agreements]


def test_a_merger_said_final_is_in_force(extractor: Extractor) -> None:
    found = _agreements(
        extractor,
        "The merger of the regional grocers Corvell Foods and Danmore Retail Group, which became final on Friday, "
        "will close twelve stores. Analysts asked what the owners would do with the savings of the "
        "Corvell-Danmore merger.",
    )
    assert found == [(frozenset({"Corvell Foods", "Danmore Retail Group"}), "in_force")]


def test_a_proposed_merger_is_planned(extractor: Extractor) -> None:
    found = _agreements(
        extractor, "Regulators will rule in May on the proposed merger of Eastwick Energy and Fulton Power."
    )
    assert found == [(frozenset({"Eastwick Energy", "Fulton Power"}), "planned")]


def test_agreeing_to_a_meeting_is_no_agreement(extractor: Extractor) -> None:
    found = _agreements(
        extractor,
        "Officials from Ghana said they would need guarantees before the government would agree to a meeting "
        "with Togo's president.",
    )
    assert found == []
