"""The shared duplicates → NLP → index step, with the real model and a real SQLite index."""

from __future__ import annotations

from pathlib import Path

from crawlers.indexer import Indexer, enrich_capped
from nlp.pipeline import Extractor
from presswatch.document import Document
from search.sqlite import SQLiteBackend

FIRST = "The council will spend £40m on the port."
LATER = "The council will also spend £90m on new roads."


def long_document(*, source: str = "council") -> Document:
    filler = " ".join(["The committee met again and discussed the minutes of the last meeting."] * 40)
    return Document.from_page(
        url="https://council.example.org/news/budget",
        source=source,
        title="Council budget",
        body=f"{FIRST} {filler} {LATER}",
    )


def test_spacy_sees_only_the_capped_text_but_the_whole_body_is_kept(extractor: Extractor) -> None:
    document = long_document()
    [capped] = enrich_capped(extractor, [document], max_chars=1_000)
    assert capped.body == document.body
    assert [f.normalized for f in capped.figures] == ["40,000,000 GBP"]
    [whole] = enrich_capped(extractor, [document], max_chars=len(document.body))
    assert [f.normalized for f in whole.figures] == ["40,000,000 GBP", "90,000,000 GBP"]


def test_one_run_processes_an_article_once_and_records_every_source(
    extractor: Extractor, tmp_path: Path
) -> None:
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    try:
        run = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000)
        first = list(run.process([long_document(source="council"), long_document(source="press")]))
        assert [r.outcome for r in first] == ["duplicates", "indexed_new"]
        assert [r.source for r in first] == ["press", "council"]
        later = list(run.process([long_document(source="wire")]))
        assert [r.outcome for r in later] == ["duplicates"]
        stored = backend.get(long_document().id)
        assert stored is not None
        assert stored.source == "council" and stored.sources == ("council", "press", "wire")

        rerun = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000)
        assert [r.outcome for r in rerun.process([long_document(source="wire")])] == ["unchanged"]
        again = backend.get(long_document().id)
        assert again is not None and again.source == "council"
    finally:
        backend.close()


def test_every_outcome_is_a_reported_crawl_statistic() -> None:
    from typing import get_args

    from crawlers import stats
    from crawlers.indexer import Outcome

    assert set(get_args(Outcome)) <= set(stats.REPORTED)
