"""The shared duplicates → NLP → index step, with the real model and a real SQLite index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from crawlers.indexer import Indexer, enrich_capped
from nlp.pipeline import Extractor
from presswatch.document import Document
from search.sqlite import SQLiteBackend

FIRST = "The council will spend £40m on the port."
LATER = "The council will also spend £90m on new roads."


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[SQLiteBackend]:
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    yield backend
    backend.close()


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
    extractor: Extractor, backend: SQLiteBackend
) -> None:
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


def test_every_outcome_is_a_reported_crawl_statistic() -> None:
    from typing import get_args

    from crawlers import stats
    from crawlers.indexer import Outcome

    assert set(get_args(Outcome)) <= set(stats.REPORTED)


def release(n: int, *, source: str = "council") -> Document:
    return Document.from_page(
        url=f"https://council.example.org/news/release-{n}",
        source=source,
        title=f"Release {n}",
        body=f"The council will spend £{n + 1}m on the port, release {n} says.",
    )


class Recording:
    """The real extractor, noting when each batch is handed to it; and a listener noting each write."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.events: list[tuple[str, str]] = []

    def enrich_many(self, documents: Iterable[Document]) -> Iterator[Document]:
        docs = list(documents)
        self.events += [("analyse", d.id) for d in docs]
        return self.extractor.enrich_many(docs)

    def close(self) -> None:
        return None

    def will_index(self, doc_ids: Sequence[str]) -> None:
        self.events += [("write", doc_id) for doc_id in doc_ids]

    def indexed(self, doc_ids: Sequence[str]) -> int:
        return len(doc_ids)


def test_the_next_batch_goes_to_the_nlp_before_the_last_one_is_written(
    extractor: Extractor, backend: SQLiteBackend
) -> None:
    """So a pool analyses batch k+1 while this process writes batch k; the writes keep the order given,
    and an empty batch (the crawl's input paused) writes what is in flight at once."""
    recording = Recording(extractor)
    run = Indexer(backend=backend, extractor=recording, listener=recording, max_nlp_chars=100_000)
    one, two, three = [release(0), release(1)], [release(2)], [release(3)]
    results = list(run.process_batches([one, two, [], three]))
    assert [r.outcome for r in results] == ["indexed_new"] * 4
    ids = [d.id for d in (*one, *two, *three)]
    assert recording.events == [
        ("analyse", ids[0]),
        ("analyse", ids[1]),
        ("analyse", ids[2]),  # handed over before the first batch is written
        ("write", ids[0]),
        ("write", ids[1]),
        ("write", ids[2]),  # the empty batch: written before the next is even read
        ("analyse", ids[3]),
        ("write", ids[3]),
    ]
    assert [r.doc_id for r in results] == ids


def test_a_source_listing_an_article_that_is_being_analysed_is_recorded(
    extractor: Extractor, backend: SQLiteBackend
) -> None:
    run = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000)
    batches = [[release(0, source="council")], [release(0, source="press"), release(1)]]
    results = list(run.process_batches(batches))
    assert [(r.outcome, r.source) for r in results] == [
        ("duplicates", "press"),  # the article was still being analysed when the press listed it
        ("indexed_new", "council"),
        ("indexed_new", "council"),
    ]
    stored = backend.get(release(0).id)
    assert stored is not None and stored.sources == ("council", "press")
    assert stored.figures and stored.embedding is not None


class Streaming(Recording):
    """The real extractor, noting each document as it gives it (as a pool gives each chunk when it is done);
    `fail_after`: a batch of several breaks after giving that many (a rule's bug), each alone succeeds."""

    def __init__(self, extractor: Extractor, *, fail_after: int | None = None) -> None:
        super().__init__(extractor)
        self.fail_after = fail_after
        self.alone: list[str] = []

    def enrich_many(self, documents: Iterable[Document]) -> Iterator[Document]:
        docs = list(documents)
        if len(docs) == 1:
            self.alone.append(docs[0].id)

        def given() -> Iterator[Document]:
            for k, document in enumerate(self.extractor.enrich_many(docs)):
                if len(docs) > 1 and k == self.fail_after:
                    raise RuntimeError("a rule's bug")
                self.events.append(("analysed", document.id))
                yield document

        return given()


def test_each_document_is_written_as_soon_as_the_nlp_gives_it(
    extractor: Extractor, backend: SQLiteBackend
) -> None:
    """So the writer writes while a pool analyses the rest of the batch, not after its last chunk."""
    streaming = Streaming(extractor)
    run = Indexer(backend=backend, extractor=streaming, listener=streaming, max_nlp_chars=100_000)
    batch = [release(0), release(1), release(2)]
    assert [r.outcome for r in run.process(batch)] == ["indexed_new"] * 3
    assert streaming.events == [(event, d.id) for d in batch for event in ("analysed", "write")]


def test_a_batch_that_breaks_midway_keeps_what_it_gave_and_retries_only_the_rest_alone(
    extractor: Extractor, backend: SQLiteBackend
) -> None:
    streaming = Streaming(extractor, fail_after=1)
    run = Indexer(backend=backend, extractor=streaming, max_nlp_chars=100_000)
    batch = [release(0), release(1), release(2)]
    results = list(run.process(batch))
    assert [(r.outcome, r.doc_id) for r in results] == [("indexed_new", d.id) for d in batch]
    assert streaming.alone == [batch[1].id, batch[2].id]  # the first was given, and written, once
    assert all(backend.get(d.id) is not None for d in batch)
