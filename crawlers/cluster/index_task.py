"""The body of the `index` task: one batch of messages from a crawl, through NLP into Elasticsearch.

A batch holds the messages the crawl's pipe carries on one machine: `{"document": ..., "version": n}` for an
article (its version is its fetch time), `{"withdraw": {"url", "source"}}` for a page that is gone, and, in
cluster mode only, `{"listed": {"url", "source"}}` for an article another source fetches. The models load
once per worker process, on its first batch (after any fork). Each batch runs in one PostgreSQL transaction
holding an advisory lock per document it touches, taken in one order (no deadlock): get → merge sources →
write is never interleaved with another worker's for the same document, and the sources every crawl
listed for it (`crawlers.cluster.claims`) are merged in. Writes carry external versions
(`crawlers.cluster.versioned`), so a redelivered batch is harmless: an equal text is rewritten as it was,
an older one is refused.

What cannot succeed is told apart from what may later: an unreachable index or database raises (the task
retries the whole batch with backoff); a message that is not valid, or a document the NLP or the index
refuses, is returned to be set aside in the quarantine queue with its reason.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from crawlers.cluster.claims import Claims
from crawlers.cluster.publisher import LISTED, WITHDRAW, source_of
from crawlers.cluster.versioned import VersionedIndex
from crawlers.index_pipeline import build_indexer, load_extractor
from crawlers.worker import withdraw
from nlp.pool import Enricher
from presswatch.config import Settings
from presswatch.database import lock_key, pool_for
from presswatch.document import Document, InvalidURLError, document_id
from search.base import BackendUnavailableError
from search.elastic import ElasticsearchBackend
from search.factory import open_backend

logger = logging.getLogger(__name__)
QUARANTINED_OUTCOMES = frozenset({"nlp_errors", "index_errors"})


class ClusterSetupError(RuntimeError):
    """The index worker cannot run as configured (not Elasticsearch, no database): a worker that would
    only fail every batch stops at start instead."""


@dataclass
class _Process:
    """What one worker process keeps between batches: the models, the index client, the claims."""

    settings: Settings
    extractor: Enricher
    backend: ElasticsearchBackend
    claims: Claims
    database_url: str


_PROCESSES: dict[int, _Process] = {}


def worker_state(settings: Settings) -> _Process:
    """This process's models and clients, made on its first batch: after the fork of a prefork pool, so no
    process shares a model or a connection with another."""
    state = _PROCESSES.get(os.getpid())
    if state is None:
        database = settings.database_dsn
        if database is None:
            raise ClusterSetupError("index workers need PRESSWATCH_DATABASE_URL (PostgreSQL)")
        backend = open_backend(settings)
        if not isinstance(backend, ElasticsearchBackend):
            backend.close()
            raise ClusterSetupError("index workers write to Elasticsearch: set PRESSWATCH_SEARCH_BACKEND")
        state = _PROCESSES[os.getpid()] = _Process(
            settings=settings,
            extractor=load_extractor(settings),
            backend=backend,
            claims=Claims(database),
            database_url=database,
        )
    return state


@dataclass
class BatchOutcome:
    """What became of a batch: outcomes per (source, outcome), and messages to set aside with a reason."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    quarantine: list[tuple[dict[str, Any], str]] = field(default_factory=list)


@dataclass
class _Parsed:
    documents: list[tuple[Document, int, dict[str, Any]]] = field(default_factory=list)
    listed: list[tuple[str, str]] = field(default_factory=list)  # (url, source)
    gone: list[tuple[str, str]] = field(default_factory=list)  # (url, source)


def _parse(batch: object, outcome: BatchOutcome) -> _Parsed:
    parsed = _Parsed()
    if not isinstance(batch, list):
        outcome.quarantine.append(({"batch": batch}, "a batch is a list of messages"))
        return parsed
    for message in batch:
        try:
            if not isinstance(message, dict):
                raise ValueError("a message is a JSON object")
            if "document" in message:
                document = Document.model_validate(message["document"])
                parsed.documents.append((document, int(message["version"]), message))
            elif LISTED in message:
                parsed.listed.append((str(message[LISTED]["url"]), str(message[LISTED]["source"])))
            elif WITHDRAW in message:
                parsed.gone.append((str(message[WITHDRAW]["url"]), str(message[WITHDRAW]["source"])))
            else:
                raise ValueError("a message holds a document, a withdrawal or a listing")
        except (ValidationError, ValueError, KeyError, TypeError) as exc:
            reason = f"not a valid message: {exc}"[:1000]
            outcome.quarantine.append(
                (message if isinstance(message, dict) else {"message": message}, reason)
            )
            outcome.counts[(source_of(message), "invalid")] += 1
    return parsed


def _doc_id(url: str) -> str | None:
    try:
        return document_id(url)
    except InvalidURLError:
        return None


def index_batch(settings: Settings, batch: object) -> BatchOutcome:
    """Index one batch. Raises BackendUnavailableError (or a database error) when it should be retried."""
    outcome = BatchOutcome()
    parsed = _parse(batch, outcome)
    state = worker_state(settings)
    ids = {d.id for d, _, _ in parsed.documents}
    ids |= {i for i in (_doc_id(url) for url, _ in [*parsed.listed, *parsed.gone]) if i is not None}
    pool = pool_for(state.database_url)
    with pool.connection() as conn, conn.transaction():
        for key in sorted(lock_key(f"document:{doc_id}") for doc_id in ids):
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (key,))
        listed_by = state.claims.sources_of(sorted(ids))
        index = VersionedIndex(state.backend, versions={d.id: v for d, v, _ in parsed.documents})
        for url, source in parsed.listed:
            _add_source(index, url=url, source=source, outcome=outcome)
        for url, source in parsed.gone:
            outcome.counts[(source, withdraw(index, url=url))] += 1
        fresh, messages = _not_stale(index, parsed, listed_by, outcome)
        if index.unavailable is not None:
            raise index.unavailable
        with build_indexer(settings, extractor=state.extractor, backend=index) as indexer:
            results = list(indexer.process(fresh))
        if index.unavailable is not None:  # the Indexer counted it as the document's error: retry instead
            raise index.unavailable
    for result in results:
        if result.outcome in QUARANTINED_OUTCOMES:
            outcome.quarantine.append((messages[result.doc_id], f"{result.outcome}: {result.reason}"[:1000]))
            outcome.counts[(result.source, "quarantined")] += 1
        else:
            outcome.counts[(result.source, result.outcome)] += 1
    return outcome


def _add_source(index: VersionedIndex, *, url: str, source: str, outcome: BatchOutcome) -> None:
    """`source` lists an article another source fetched: add it to the stored document, if there is one
    yet (if not, the document's own batch reads it from the claims under the same lock)."""
    doc_id = _doc_id(url)
    found = index.get(doc_id) if doc_id is not None else None
    if found is not None and source not in found.sources:
        index.index([found.model_copy(update={"sources": (*found.sources, source)})])
    outcome.counts[(source, "duplicates")] += 1


def _not_stale(
    index: VersionedIndex,
    parsed: _Parsed,
    listed_by: dict[str, tuple[str, ...]],
    outcome: BatchOutcome,
) -> tuple[list[Document], dict[str, dict[str, Any]]]:
    """The batch's documents with every source that listed them, leaving out any whose text is older than
    the index's (a redelivery after a newer crawl): those count as unchanged."""
    fresh: list[Document] = []
    messages: dict[str, dict[str, Any]] = {}
    for document, version, message in parsed.documents:
        try:
            stored = index.stored_version(document.id)
        except BackendUnavailableError:
            return [], {}
        if stored is not None and stored[1] > version:
            outcome.counts[(document.source, "unchanged")] += 1
            continue
        others = tuple(s for s in listed_by.get(document.id, ()) if s not in document.sources)
        fresh.append(
            document.model_copy(update={"sources": (*document.sources, *others)}) if others else document
        )
        messages[document.id] = message
    return fresh, messages
