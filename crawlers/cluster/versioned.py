"""The index as one batch of an index task sees it: Elasticsearch with external versions, no outbox.

`crawlers.indexer.Indexer` reads and writes through the `SearchBackend` protocol; this adapter gives each
write a version (the fetch time of the text being written, or the stored one for a rewrite of sources or
story), so a redelivered batch never overwrites a newer text, and lets `BackendUnavailableError` out
instead of queueing the write: in cluster mode the broker keeps the batch and the task retries it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime

from presswatch.document import Document
from search.base import BackendUnavailableError, Hit, IndexReport, Page, Query
from search.elastic import STALE, ElasticsearchBackend


class VersionedIndex:
    """One batch's view of the index: `versions` are the batch's documents' versions (from their fetch)."""

    def __init__(self, backend: ElasticsearchBackend, *, versions: Mapping[str, int]) -> None:
        self._backend = backend
        self._versions = dict(versions)
        self._stored: dict[str, tuple[Document, int]] = {}
        self.unavailable: BackendUnavailableError | None = None
        """Set when the index could not be reached: the batch must be retried, whatever the Indexer made of
        it (it records an unreachable index as an error of the document and goes on)."""
        self.stale: set[str] = set()

    def stored_version(self, doc_id: str) -> tuple[Document, int] | None:
        try:
            found = self._backend.get_versioned(doc_id)
        except BackendUnavailableError as exc:
            self.unavailable = exc
            raise
        if found is not None:
            self._stored[doc_id] = found
        return found

    def get(self, doc_id: str) -> Document | None:
        found = self.stored_version(doc_id)
        return found[0] if found else None

    def index(self, docs: Iterable[Document]) -> IndexReport:
        batch = list(docs)
        now = int(datetime.now(UTC).timestamp() * 1_000_000)
        versions = {d.id: self._version(d, now=now) for d in batch}
        try:
            report = self._backend.index_versioned(batch, versions=versions)
        except BackendUnavailableError as exc:
            self.unavailable = exc
            raise
        for doc_id in [i for i, reason in report.failed.items() if reason == STALE]:
            self.stale.add(doc_id)  # the index holds a newer text: not an error, nothing to do
            del report.failed[doc_id]
        return report

    def _version(self, document: Document, *, now: int) -> int:
        """The batch's text keeps the batch's version, even when a newer one was read since (another worker
        wrote it during this batch's NLP): the index then refuses it as stale. A rewrite of the stored text
        (sources added, a story relabelled) keeps the stored version, or the batch's if that is higher."""
        batch = self._versions.get(document.id)
        stored = self._stored.get(document.id)
        if stored is None:
            return batch or now
        if batch is not None and not _same_text(stored[0], document):
            return batch
        return max(batch or 0, stored[1])

    def refresh_now(self) -> None:
        """Make the batch searchable before the alert matcher searches it."""
        self._backend.refresh_now()

    def search(self, query: Query) -> Page:
        return self._backend.search(query)

    def delete(self, doc_id: str) -> bool:
        return self._backend.delete(doc_id)

    def count(self) -> int:
        return self._backend.count()

    def documents_per_source(self, names: Sequence[str], *, timeout: float) -> dict[str, int]:
        return self._backend.documents_per_source(names, timeout=timeout)

    def documents(self, *, batch_size: int = 500) -> Iterator[Document]:
        return self._backend.documents(batch_size=batch_size)

    def similar(self, doc_id: str, *, limit: int = 10, filters: Query | None = None) -> list[Hit]:
        return self._backend.similar(doc_id, limit=limit, filters=filters)

    def close(self) -> None:
        """The backend belongs to the worker process and outlives the batch."""


def _same_text(stored: Document, written: Document) -> bool:
    return (stored.title, stored.body, stored.published) == (written.title, written.body, written.published)
