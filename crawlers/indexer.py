"""What happens to an article once it is read: duplicates → NLP → index.

One implementation, used by the crawl's index worker and by `presswatch ingest`, so a page ingested by hand
is stored exactly as a crawl would store it. Each article is written on its own, so an interrupted run keeps
what it finished and a re-run upserts the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
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
    capped = [
        d.model_copy(update={"body": d.body[:max_chars]}) if len(d.body) > max_chars else d for d in documents
    ]
    enriched = list(extractor.enrich_many(capped))
    return [e.model_copy(update={"body": d.body}) for e, d in zip(enriched, documents, strict=True)]


def with_known_sources(old: Document | None, new: Document) -> Document:
    """`new` as listed by every source known for it: the first source that ever listed it stays `source`."""
    if old is None:
        return new
    sources = (*old.sources, *(s for s in new.sources if s not in old.sources))
    if old.source == new.source and sources == new.sources:
        return new
    return new.model_copy(update={"source": old.source, "sources": sources})


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

    def process(self, documents: Sequence[Document]) -> Iterator[Result]:
        """Each document's result as soon as it is known: duplicates and unchanged ones first, then each
        analysed one once it is written (so a caller can report it before the next is). The listener hears
        of the batch's new, updated and unchanged documents once the last result is out: an unchanged one
        may be a batch redelivered after its worker died between the write and the match (a queue's at least
        once), and the listener matches only ids still waiting for it, so it fires now, not at a catch-up."""
        written: list[str] = []
        for result in self._process(documents):
            if result.outcome in ("indexed_new", "indexed_updated", "queued_for_index", "unchanged"):
                written.append(result.doc_id)
            yield result
        if written and self._listener is not None:
            try:
                self._listener.indexed(written)
            except Exception:  # alerts must never cost a document its indexing: the worker catches up later
                logger.exception("alerts: matching %d new document(s) failed", len(written))

    def _process(self, documents: Sequence[Document]) -> Iterator[Result]:
        fresh: dict[str, tuple[Document, str]] = {}  # id -> (document to analyse, the source that sent it)
        for document in documents:
            try:
                if document.id in self._seen:
                    yield self._another_source(document, fresh)
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
                    yield _result(document, "unchanged")
                    continue
            except BackendUnavailableError as exc:
                yield _failed(document, "index_errors", exc)
                continue
            fresh[document.id] = (self._placed(self._with_language(merged)), document.source)
        english = [d for d, _ in fresh.values() if d.language is None or d.language in NLP_LANGUAGES]
        for document, submitter in fresh.values():
            if not (document.language is None or document.language in NLP_LANGUAGES):
                yield self._index(document, submitter)
        for document, submitter, error in self._enrich(english, fresh):
            if error is not None:
                yield _failed(document, "nlp_errors", error, source=submitter)
                continue
            yield self._index(document, submitter)

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

    def _another_source(self, document: Document, fresh: dict[str, tuple[Document, str]]) -> Result:
        """The article was already handled in this run: only record that this source lists it too."""
        if document.id in fresh:
            pending, submitter = fresh[document.id]
            fresh[document.id] = (with_known_sources(pending, document), submitter)
        else:
            old = self._backend.get(document.id)
            if old is not None and document.source not in old.sources:
                self._write(old.model_copy(update={"sources": (*old.sources, document.source)}))
        return _result(document, "duplicates")

    def _enrich(
        self, documents: list[Document], fresh: dict[str, tuple[Document, str]]
    ) -> list[tuple[Document, str, Exception | None]]:
        """One batch through spaCy; if it fails, each article alone, so one bad page only loses itself."""
        if not documents:
            return []
        try:
            enriched = enrich_capped(self._extractor, documents, max_chars=self._max_nlp_chars)
            return [(e, fresh[e.id][1], None) for e in enriched]
        except Exception:  # a bug in one rule must not lose the batch: retry one by one below
            logger.debug("NLP failed on a batch of %d; retrying one by one", len(documents))
        done: list[tuple[Document, str, Exception | None]] = []
        for document in documents:
            try:
                [enriched_one] = enrich_capped(self._extractor, [document], max_chars=self._max_nlp_chars)
                done.append((enriched_one, fresh[document.id][1], None))
            except Exception as exc:  # the log names the page; the crawl goes on
                logger.exception("NLP failed on %s", document.url)
                done.append((document, fresh[document.id][1], exc))
        return done

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
