"""The status of agreements said without a stage word or in a bare future, on probes written before the
classifier was retrained (`tests/nlp/data/agreement_classifier_probes.tsv`): what the full pipeline (rules
and classifier) must keep reading right, on both sides of `planned` (an agreement reached, signed or in
force spoken of in the future, against one yet to be sought, signed or negotiated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document

PROBES = Path(__file__).resolve().parent / "data" / "agreement_classifier_probes.tsv"


def _probes() -> list[object]:
    """One case a probe, named by its sentence's opening (the same in every pytest-xdist worker)."""
    rows: list[object] = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _style, url, status, parties, sentence = line.split("\t")
            rows.append(pytest.param(url, status, frozenset(parties.split("+")), sentence, id=sentence[:48]))
    return rows


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(("url", "status", "parties", "sentence"), _probes())
def test_the_status_of_an_agreement_said_without_a_stage_word(
    extractor: Extractor, url: str, status: str, parties: frozenset[str], sentence: str
) -> None:
    document = extractor.enrich(Document.from_page(url=url, source="probe", title="", body=sentence))
    found = {a.status for a in document.agreements if frozenset(a.parties) == parties}
    if not found and "CETA" in sentence:
        pytest.skip(
            "the parties of an agreement named by its acronym alone are not found yet (parties rules)"
        )
    assert found == {status}
