"""What happens to an article once it is read: duplicates → NLP → index.

One implementation, used by the crawl's index worker and by `presswatch ingest`, so a page ingested by hand
is stored exactly as a crawl would store it. Each article is written on its own, so an interrupted run keeps
what it finished and a re-run upserts the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from crawlers.dedupe import same_content
from nlp.pipeline import Extractor
from presswatch.document import Document
from search.base import BackendUnavailableError, SearchBackend

logger = logging.getLogger(__name__)

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


class AbandonedError(RuntimeError):
    """The run was stopped (its crawl process died): write nothing more."""


def enrich_capped(extractor: Extractor, documents: Sequence[Document], *, max_chars: int) -> list[Document]:
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
    sources = old.sources if new.source in old.sources else (*old.sources, new.source)
    if old.source == new.source and sources == new.sources:
        return new
    return new.model_copy(update={"source": old.source, "sources": sources})


class Indexer:
    """Indexes batches of articles for one run; an article listed twice in the run is processed once."""

    def __init__(
        self,
        *,
        backend: SearchBackend,
        extractor: Extractor,
        max_nlp_chars: int,
        still_wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        self._backend = backend
        self._extractor = extractor
        self._max_nlp_chars = max_nlp_chars
        self._still_wanted = still_wanted
        self._seen: set[str] = set()

    def process(self, documents: Sequence[Document]) -> Iterator[Result]:
        """Each document's result as soon as it is known: duplicates and unchanged ones first, then each
        analysed one once it is written (so a caller can report it before the next is)."""
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
                    if old.sources != merged.sources:
                        self._write(old.model_copy(update={"sources": merged.sources}))
                    yield _result(document, "unchanged")
                    continue
            except BackendUnavailableError as exc:
                yield _failed(document, "index_errors", exc)
                continue
            fresh[document.id] = (merged, document.source)
        for document, submitter, error in self._enrich([d for d, _ in fresh.values()], fresh):
            if error is not None:
                yield _failed(document, "nlp_errors", error, source=submitter)
                continue
            yield self._index(document, submitter)

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

    def _write(self, document: Document) -> None:
        """Rewrite a stored document whose list of sources grew (no NLP: its text has not changed)."""
        if not self._still_wanted():
            raise AbandonedError("the run was stopped")
        report = self._backend.index([document])
        if report.failed:
            logger.error("could not record the sources of %s: %s", document.url, report.failed)

    def _index(self, document: Document, submitter: str) -> Result:
        try:
            if not self._still_wanted():
                raise AbandonedError("the run was stopped")
            report = self._backend.index([document])
        except BackendUnavailableError as exc:  # not indexed, so the next run fetches it again
            return _failed(document, "index_errors", exc, source=submitter)
        if report.failed:
            reason = report.failed.get(document.id, "refused by the index")
            logger.error("could not index %s: %s", document.url, reason)
            return Result(
                source=submitter, outcome="index_errors", doc_id=document.id, url=document.url, reason=reason
            )
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
