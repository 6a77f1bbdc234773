"""A run of thousands of characters with no space reaches spaCy's tokenizer cut, offsets unchanged.

spaCy's prefix and suffix search is quadratic in such a run ('=' * 8,000 took 24 s, '_' * 8,000 13 s before the
cut; the 100,000 characters a crawl sends spaCy from one page, about an hour), and a crawled page can hold one.
"""

from __future__ import annotations

import json
import subprocess
import sys

from spacy.language import Language
from spacy.tokens import Doc

from nlp.long_runs import LONGEST_RUN, bounded_runs
from nlp.pipeline import Extractor
from presswatch.document import Document, document_id

_SEEN: list[str] = []


@Language.component("test_record_text")
def _record_text(doc: Doc) -> Doc:
    _SEEN.append(doc.text)
    return doc


def _longest_run(text: str) -> int:
    return max((len(run) for run in text.split()), default=0)


def test_runs_are_cut_to_the_longest_allowed_and_the_text_keeps_its_length() -> None:
    for text in ("=" * 5_000, "a " + "_" * 403 + " b", "x" * (LONGEST_RUN + 1), "$" * (2 * LONGEST_RUN + 2)):
        cut = bounded_runs(text)
        assert len(cut) == len(text)
        assert _longest_run(cut) <= LONGEST_RUN
    ordinary = "The Treasury released KSh 450 million on 3 June; see https://www.treasury.go.ke/budget-2026."
    assert bounded_runs(ordinary) == ordinary
    assert bounded_runs("y" * LONGEST_RUN) == "y" * LONGEST_RUN


def test_the_extractor_hands_spacy_the_cut_text() -> None:
    extractor = Extractor(use_encoder=False)
    extractor.nlp.add_pipe("test_record_text", first=True)
    body = "Signed. " + "=" * 5_000 + " The fund is worth £5m."
    url = "https://www.gov.uk/government/news/long-run"
    extractor.enrich(Document(id=document_id(url), url=url, source="t", kind="news", title="t", body=body))
    assert len(_SEEN[-1]) == len(body)
    assert _longest_run(_SEEN[-1]) <= LONGEST_RUN


def test_extract_keeps_offsets_into_the_body_past_a_long_run() -> None:
    body = "Form:" + "_" * 1_500 + "\nThe ministry will spend £5m on 40 schools, the Home Office said.\n"
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "extract", "-"],
        input=body.encode(),
        capture_output=True,
        check=True,
    )
    document = json.loads(result.stdout)
    found = {f["text"]: f for f in document["figures"]}
    assert set(found) == {"£5m", "40 schools"}
    for figure in found.values():
        assert body[figure["start"] : figure["end"]] == figure["text"]
