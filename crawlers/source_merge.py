"""Cluster mode: a document's sources merged and written under its advisory lock.

With `PRESSWATCH_DATABASE_URL` set, crawl workers claim each URL once (`crawlers.seen`): the source whose
claim is granted fetches the article, and any other source that lists it only records itself as a lister
and asks for its source to be added. Several index workers write at once, so both paths run get → merge
sources → write under the document's transaction-level advisory lock: whichever comes second sees what the
first did, and no source is lost to a race between the fetch and the listing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from crawlers.indexer import with_known_sources
from crawlers.seen import PostgresSeenStore, SeenURLs
from presswatch.config import Settings
from presswatch.database import document_lock, locked_transaction, pool_for
from presswatch.document import Document, InvalidURLError, document_id
from search.base import SearchBackend

if TYPE_CHECKING:
    from presswatch.database import Pool


class SourceMerge:
    """Serialised writes of one document's sources across processes (see the module's docstring)."""

    def __init__(self, *, pool: Pool, seen: SeenURLs, backend: SearchBackend) -> None:
        self._pool = pool
        self._seen = seen
        self._backend = backend

    def locked(self, doc_id: str) -> AbstractContextManager[Any]:
        """Hold the document's lock (across every process) for a get → change → write of it."""
        return locked_transaction(self._pool, document_lock(doc_id))

    @contextmanager
    def writing(self, document: Document) -> Iterator[Document]:
        """Holding the document's lock: `document` with the sources already stored for it and those that
        listed it; write what this yields before leaving the block."""
        with self.locked(document.id):
            old = self._backend.get(document.id)
            listed = tuple(s for s in self._seen.listers(document.url) if s not in document.sources)
            if listed:
                document = document.model_copy(update={"sources": (*document.sources, *listed)})
            yield with_known_sources(old, document)
        if listed:  # written: their next crawls take it as seen, not as a claim to ask for again
            self._seen.note_listed(document.url, listed)

    def add_source(self, *, url: str, source: str) -> bool:
        """Add `source` to the stored document of `url`; False when it is not stored yet (then the source
        that fetches it adds its listers as it writes)."""
        try:
            doc_id = document_id(url)
        except InvalidURLError:
            return False
        with self.locked(doc_id):
            stored = self._backend.get(doc_id)
            if stored is None:
                return False
            if source not in stored.sources:
                self._backend.index([stored.model_copy(update={"sources": (*stored.sources, source)})])
        self._seen.note_listed(url, [source])
        return True


def source_merge(settings: Settings, backend: SearchBackend) -> SourceMerge | None:
    """The merge for `backend` in cluster mode; None in the embedded default (one writer, nothing to merge)."""
    if not settings.database_dsn:
        return None
    pool = pool_for(settings.database_dsn)
    return SourceMerge(pool=pool, seen=PostgresSeenStore(pool), backend=backend)
