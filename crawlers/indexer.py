"""What happens to an article once it is read: duplicates → NLP → index.

One implementation, used by the crawl's index worker and by `presswatch ingest`, so a page ingested by hand
is stored exactly as a crawl would store it. Each article is written on its own, so an interrupted run keeps
what it finished and a re-run upserts the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Literal, Protocol

from crawlers.dedupe import same_content
from crawlers.language import document_language
from crawlers.stories import StoryStore
from nlp.pool import Enricher
from presswatch.database import STORE_ERRORS
from presswatch.document import Document
from search.base import BackendUnavailableError, SearchBackend

logger = logging.getLogger(__name__)

# The NLP is English only: a document in another language is indexed as text (title, body, dates, story)
# without entities, figures, agreements or quotes. A text too short to tell is taken as English.
NLP_LANGUAGES = frozenset({"en"})
# A merge of stories relabels at most this many documents of the surviving story in the index per merge,
# so one huge story cannot stall the run (the rest keep their old label until they are indexed again).
MAX_RELABEL = 500

Outcome = Literal[
    "indexed_new",
    "indexed_updated",
    "queued_for_index",
    "unchanged",
    "duplicates",
    "nlp_errors",
    "index_errors",
]


@dataclass(frozen=True, kw_only=True)
class Result:
    """What became of one submitted article; `source` is the source that submitted it."""

    source: str
    outcome: Outcome
    doc_id: str
    url: str
    reason: str = ""


class IndexListener(Protocol):
    """Told around index writes (alerts.service.AlertService is one): ids before each write, then the batch's
    written and unchanged ids once they are durably indexed (it acts only on ids it was told of before a write
    and has not handled yet)."""

    def will_index(self, doc_ids: Sequence[str]) -> None: ...

    def indexed(self, doc_ids: Sequence[str]) -> int: ...


class AbandonedError(RuntimeError):
    """The run was stopped (its crawl process died): write nothing more."""


def enrich_capped(extractor: Enricher, documents: Sequence[Document], *, max_chars: int) -> list[Document]:
    """Enrich in one `nlp.pipe` batch, sending spaCy at most `max_chars` of each body.

    Parse time grows with the text, so a huge page would hold up every article behind it; the full body is
    kept (and indexed for search), only the analysis stops at the cap.
    """
    return list(_start_capped(extractor, documents, max_chars=max_chars))


def _start_capped(
    extractor: Enricher, documents: Sequence[Document], *, max_chars: int
) -> Iterator[Document]:
    """`enrich_capped`, handed to the extractor now (a pool starts on it) and collected as it is iterated."""
    capped = [
        d.model_copy(update={"body": d.body[:max_chars]}) if len(d.body) > max_chars else d for d in documents
    ]
    enriched = extractor.enrich_many(capped)
    return (e.model_copy(update={"body": d.body}) for e, d in zip(enriched, documents, strict=True))


def with_known_sources(old: Document | None, new: Document) -> Document:
    """`new` as listed by every source known for it: the first source that ever listed it stays `source`."""
    if old is None:
        return new
    sources = (*old.sources, *(s for s in new.sources if s not in old.sources))
    if old.source == new.source and sources == new.sources:
        return new
    return new.model_copy(update={"source": old.source, "sources": sources})


WRITTEN: frozenset[Outcome] = frozenset({"indexed_new", "indexed_updated", "queued_for_index"})


def with_sources_of(pending: Document, analysed: Document) -> Document:
    """The analysed document, listed by the sources its pending copy has gathered while it was analysed."""
    if (analysed.source, analysed.sources) == (pending.source, pending.sources):
        return analysed
    return analysed.model_copy(update={"source": pending.source, "sources": pending.sources})


@dataclass(frozen=True, kw_only=True)
class _Batch:
    """A batch between its two stages: checked, placed, and its English documents handed to the NLP."""

    others: list[str]  # ids of the documents indexed without NLP (not in English)
    english: list[Document]
    analysed: Iterator[Document] | None  # the NLP's answer, collected as it is iterated; None: it failed
    unchanged: list[str]  # ids found unchanged: the listener hears of them with the batch's writes


class WriteGuard(Protocol):
    """Where several processes write the index (cluster mode): a document's write under its lock, with the
    sources every writer knows merged in (`crawlers.source_merge.SourceMerge`)."""

    def writing(self, document: Document) -> AbstractContextManager[Document]: ...


class Indexer:
    """Indexes batches of articles for one run; an article listed twice in the run is processed once."""

    def __init__(
        self,
        *,
        backend: SearchBackend,
        extractor: Enricher,
        max_nlp_chars: int,
        still_wanted: Callable[[], bool] = lambda: True,
        stories: StoryStore | None = None,
        listener: IndexListener | None = None,
        guard: WriteGuard | None = None,
    ) -> None:
        self._backend = backend
        self._guard = guard
        self._listener = listener
        self._stories = stories
        self._merging: set[str] = set()  # ids whose placement merged stories: relabel once they are written
        self._extractor = extractor
        self._max_nlp_chars = max_nlp_chars
        self._still_wanted = still_wanted
        self._seen: set[str] = set()
        # id -> (document, the source that sent it), from its check until it is written
        self._pending: dict[str, tuple[Document, str]] = {}

    def process(self, documents: Sequence[Document]) -> Iterator[Result]:
        """Each document's result as soon as it is known: duplicates and unchanged ones first, then each
        analysed one once it is written (so a caller can report it before the next is). The listener hears
        of the batch's new, updated and unchanged documents once the last result is out: an unchanged one
        may be a batch redelivered after its worker died between the write and the match (a queue's at least
        once), and the listener matches only ids still waiting for it, so it fires now, not at a catch-up."""
        return self.process_batches([documents])

    def process_batches(self, batches: Iterable[Sequence[Document]]) -> Iterator[Result]:
        """`process` for a stream of batches, one batch ahead: batch k+1 is checked, placed in its story
        and handed to the NLP before batch k is written, so an NLP pool analyses while this process writes.

        Stories are placed and documents written in the order given; a document of a later batch that is
        already on its way (listed by another source) updates the one in flight. An empty batch writes what
        is in flight: a caller whose input has paused passes one rather than leaving it unwritten.
        """
        ahead: _Batch | None = None
        for documents in batches:
            started = (yield from self._start(documents)) if documents else None
            if ahead is not None:
                yield from self._finish(ahead)
            ahead = started
        if ahead is not None:
            yield from self._finish(ahead)

    def _start(self, documents: Sequence[Document]) -> Generator[Result, None, _Batch]:
        """Yields the results known before any analysis; returns the batch handed to the NLP."""
        ids: list[str] = []
        unchanged: list[str] = []
        for document in documents:
            try:
                if document.id in self._seen:
                    yield self._another_source(document)
                    continue
                self._seen.add(document.id)
                try:
                    old = self._backend.get(document.id)
                except BackendUnavailableError:
                    if not getattr(self._backend, "pending_writes", None):
                        raise
                    old = None  # the index is down but keeps writes in its outbox: analyse it anyway
                merged = with_known_sources(old, document)
                if old is not None and same_content(old, merged):
                    kept = old.model_copy(update={"sources": merged.sources})
                    if self._stories is not None and old.story_id is None:  # indexed before stories
                        kept = self._placed(kept)
                    if kept != old:
                        self._write(kept)
                        self._relabel_if_merged(kept)
                    unchanged.append(document.id)
                    yield _result(document, "unchanged")
                    continue
            except BackendUnavailableError as exc:
                yield _failed(document, "index_errors", exc)
                continue
            self._pending[document.id] = (self._placed(self._with_language(merged)), document.source)
            ids.append(document.id)
        placed = [self._pending[doc_id][0] for doc_id in ids]
        english = [d for d in placed if d.language is None or d.language in NLP_LANGUAGES]
        others = [d.id for d in placed if not (d.language is None or d.language in NLP_LANGUAGES)]
        analysed: Iterator[Document] | None = None
        if english:
            try:
                analysed = _start_capped(self._extractor, english, max_chars=self._max_nlp_chars)
            except Exception:  # collected as a failed batch in `_finish`, which retries one by one
                logger.debug("NLP could not start a batch of %d", len(english))
        return _Batch(others=others, english=english, analysed=analysed, unchanged=unchanged)

    def _finish(self, batch: _Batch) -> Iterator[Result]:
        """Writes the batch (documents without NLP first, then the analysed ones, in order); then tells the
        listener of the new, updated and unchanged ones."""
        written: list[str] = list(batch.unchanged)
        for doc_id in batch.others:
            document, submitter = self._pending.pop(doc_id)
            result = self._index(document, submitter)
            written += [result.doc_id] if result.outcome in WRITTEN else []
            yield result
        for document, error in self._analysed(batch):
            pending, submitter = self._pending.pop(document.id)
            if error is not None:
                yield _failed(pending, "nlp_errors", error, source=submitter)
                continue
            result = self._index(with_sources_of(pending, document), submitter)
            written += [result.doc_id] if result.outcome in WRITTEN else []
            yield result
        if written and self._listener is not None:
            try:
                self._listener.indexed(written)
            except Exception:  # alerts must never cost a document its indexing: the worker catches up later
                logger.exception("alerts: matching %d new document(s) failed", len(written))

    @staticmethod
    def _with_language(document: Document) -> Document:
        language = document_language(stated=document.language, title=document.title, body=document.body)
        return (
            document if language == document.language else document.model_copy(update={"language": language})
        )

    def _placed(self, document: Document) -> Document:
        """The document in its story (remembered in the story store), before it is analysed and written."""
        if self._stories is None:
            return document
        try:
            placed, match = self._stories.place(document)
        except (
            STORE_ERRORS
        ) as exc:  # the story store is busy or broken: index it anyway, placed when it changes
            logger.error("could not place %s in a story: %s", document.url, exc)
            return document
        if match.merged:
            self._merging.add(document.id)
        return placed

    def _current_story(self, document: Document) -> Document:
        """A later document of this run may have merged this one's story into another since it was placed."""
        if self._stories is None:
            return document
        try:
            story = self._stories.story_of(document.id)
        except STORE_ERRORS:  # logged when placing failed; keep the story it was placed in
            return document
        return (
            document
            if story in (None, document.story_id)
            else document.model_copy(update={"story_id": story})
        )

    def _relabel_if_merged(self, document: Document) -> None:
        if document.id in self._merging and document.story_id is not None:
            self._merging.discard(document.id)
            self._relabel(document.story_id)

    def _relabel(self, story_id: str) -> None:
        """Documents absorbed into `story_id` by a merge carry it in the index too (at most MAX_RELABEL)."""
        if self._stories is None:
            return
        try:
            members = self._stories.members(story_id)
        except STORE_ERRORS as exc:
            logger.error("could not relabel story %s: %s", story_id, exc)
            return
        if len(members) > MAX_RELABEL:
            logger.warning(
                "story %s has %d documents; relabelling the first %d", story_id, len(members), MAX_RELABEL
            )
        for doc_id in members[:MAX_RELABEL]:
            try:
                stored = self._backend.get(doc_id)
                if stored is not None and stored.story_id != story_id:
                    self._write(stored.model_copy(update={"story_id": story_id}))
            except BackendUnavailableError as exc:  # it keeps its old label until it is indexed again
                logger.error("could not relabel %s into story %s: %s", doc_id, story_id, exc)
                return

    def _another_source(self, document: Document) -> Result:
        """The article was already handled in this run: only record that this source lists it too."""
        if document.id in self._pending:
            pending, submitter = self._pending[document.id]
            self._pending[document.id] = (with_known_sources(pending, document), submitter)
        else:
            old = self._backend.get(document.id)
            if old is not None and document.source not in old.sources:
                self._write(old.model_copy(update={"sources": (*old.sources, document.source)}))
        return _result(document, "duplicates")

    def _analysed(self, batch: _Batch) -> Iterator[tuple[Document, Exception | None]]:
        """The batch's analysis, each document as soon as the NLP gives it (so the writer writes while a
        pool analyses the rest); if the batch fails, the documents it had not given are tried each alone,
        so one bad page only loses itself."""
        given = 0
        if batch.analysed is not None:
            try:
                for enriched in batch.analysed:
                    given += 1
                    yield enriched, None
            except Exception:  # a bug in one rule must not lose the batch: retry one by one below
                logger.debug(
                    "NLP failed on a batch; retrying its last %d one by one", len(batch.english) - given
                )
            else:
                return
        for document in batch.english[given:]:
            try:
                [enriched_one] = enrich_capped(self._extractor, [document], max_chars=self._max_nlp_chars)
            except Exception as exc:  # the log names the page; the crawl goes on
                logger.exception("NLP failed on %s", document.url)
                yield document, exc
            else:
                yield enriched_one, None

    def _announce(self, doc_id: str) -> None:
        """Tell the listener before the write, so a crash between writing and matching is caught up later."""
        if self._listener is None:
            return
        try:
            self._listener.will_index([doc_id])
        except Exception:
            logger.exception("alerts: could not queue %s for matching", doc_id)

    def _writing(self, document: Document) -> AbstractContextManager[Document]:
        return nullcontext(document) if self._guard is None else self._guard.writing(document)

    def _write(self, document: Document) -> None:
        """Rewrite a stored document whose sources or story changed (no NLP: its text has not changed)."""
        if not self._still_wanted():
            raise AbandonedError("the run was stopped")
        with self._writing(document) as merged:
            report = self._backend.index([merged])
        if report.failed:
            logger.error("could not record the sources of %s: %s", document.url, report.failed)

    def _index(self, document: Document, submitter: str) -> Result:
        document = self._current_story(document)
        try:
            if not self._still_wanted():
                raise AbandonedError("the run was stopped")
            self._announce(document.id)
            with self._writing(document) as merged:
                report = self._backend.index([merged])
        except BackendUnavailableError as exc:  # not indexed, so the next run fetches it again
            return _failed(document, "index_errors", exc, source=submitter)
        if report.failed:
            reason = report.failed.get(document.id, "refused by the index")
            logger.error("could not index %s: %s", document.url, reason)
            return Result(
                source=submitter, outcome="index_errors", doc_id=document.id, url=document.url, reason=reason
            )
        self._relabel_if_merged(document)
        outcome: Outcome = (
            "indexed_new" if report.added else "indexed_updated" if report.updated else "queued_for_index"
        )
        return Result(source=submitter, outcome=outcome, doc_id=document.id, url=document.url)


def _result(document: Document, outcome: Outcome) -> Result:
    return Result(source=document.source, outcome=outcome, doc_id=document.id, url=document.url)


def _failed(document: Document, outcome: Outcome, error: Exception, *, source: str | None = None) -> Result:
    if outcome == "index_errors":
        logger.error("could not index %s: %s", document.url, error)
    return Result(
        source=source or document.source,
        outcome=outcome,
        doc_id=document.id,
        url=document.url,
        reason=str(error),
    )
