"""The body of the `index` task: one batch of messages from a crawl, through NLP into Elasticsearch.

A batch holds the messages the crawl's pipe carries on one machine: `{"document": ..., "version": n}` for an
article (its version is its fetch time), `{"withdraw": {"url", "source"}, "version": n}` for a page that is
gone (its version is when it was found gone), and
`{"also_listed": {"url", "source"}}` for an article another source claimed and fetches (`crawlers.seen`).
The models load once per worker process, on its first batch (after any fork). Every write runs get → merge
sources → write under the document's advisory lock (`crawlers.source_merge`, the Indexer's guard), so two
workers never interleave on one document and every source that listed it is merged in; writes carry
external versions (`crawlers.cluster.versioned`), so a redelivered batch is harmless: an equal text is
rewritten as it was, an older one is refused.

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

from crawlers import stats
from crawlers.cluster.publisher import source_of
from crawlers.cluster.versioned import VersionedIndex
from crawlers.index_pipeline import build_indexer, load_extractor
from crawlers.source_merge import SourceMerge, source_merge
from crawlers.worker import also_listed, withdraw
from crawlers.worker_client import ALSO_LISTED, WITHDRAW
from nlp.pool import Enricher
from presswatch.config import Settings
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
    """What one worker process keeps between batches: the models and the index client."""

    extractor: Enricher
    backend: ElasticsearchBackend


_PROCESSES: dict[int, _Process] = {}


def worker_state(settings: Settings) -> _Process:
    """This process's models and clients, made on its first batch: after the fork of a prefork pool, so no
    process shares a model or a connection with another."""
    state = _PROCESSES.get(os.getpid())
    if state is None:
        if settings.database_dsn is None:
            raise ClusterSetupError("index workers need PRESSWATCH_DATABASE_URL (PostgreSQL)")
        backend = open_backend(settings)
        if not isinstance(backend, ElasticsearchBackend):
            backend.close()
            raise ClusterSetupError("index workers write to Elasticsearch: set PRESSWATCH_SEARCH_BACKEND")
        state = _PROCESSES[os.getpid()] = _Process(extractor=load_extractor(settings), backend=backend)
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
    gone: list[tuple[str, str, int | None]] = field(default_factory=list)  # (url, source, version)


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
            elif ALSO_LISTED in message:
                parsed.listed.append((str(message[ALSO_LISTED]["url"]), str(message[ALSO_LISTED]["source"])))
            elif WITHDRAW in message:
                version = (
                    int(message["version"]) if "version" in message else None
                )  # None: an older publisher
                parsed.gone.append((str(message[WITHDRAW]["url"]), str(message[WITHDRAW]["source"]), version))
            else:
                raise ValueError("a message holds a document, a withdrawal or a listing")
        except (ValidationError, ValueError, KeyError, TypeError) as exc:
            reason = f"not a valid message: {exc}"[:1000]
            outcome.quarantine.append(
                (message if isinstance(message, dict) else {"message": message}, reason)
            )
            outcome.counts[(source_of(message), "invalid")] += 1
    return parsed


def index_batch(settings: Settings, batch: object) -> BatchOutcome:
    """Index one batch. Raises BackendUnavailableError (or a database error) when it should be retried."""
    outcome = BatchOutcome()
    parsed = _parse(batch, outcome)
    state = worker_state(settings)
    index = VersionedIndex(state.backend, versions={d.id: v for d, v, _ in parsed.documents})
    merge = source_merge(settings, index)
    for url, source in parsed.listed:
        outcome.counts[(source, also_listed(merge, url=url, source=source))] += 1
    for url, source, version in parsed.gone:
        outcome.counts[(source, _withdraw(state.backend, merge, url=url, version=version))] += 1
    fresh, messages = _not_stale(index, parsed, outcome)
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


def _withdraw(
    backend: ElasticsearchBackend, merge: SourceMerge | None, *, url: str, version: int | None
) -> str:
    """Mark the document of a page that is gone withdrawn, under the document's lock, unless the index holds
    a text fetched after the page was found gone (it came back since: a redelivered withdrawal changes
    nothing newer). The withdrawn copy takes the withdrawal's version, so a redelivered older text is stale
    and cannot undo the mark."""
    try:
        doc_id: str | None = document_id(url)
    except InvalidURLError:
        doc_id = None
    index = VersionedIndex(backend, versions={doc_id: version} if doc_id and version is not None else {})
    if merge is None or doc_id is None:
        return withdraw(index, url=url)
    with merge.locked(doc_id):
        stored = index.stored_version(doc_id)
        if stored is not None and version is not None and stored[1] > version:
            return stats.UNCHANGED
        return withdraw(index, url=url)


def _not_stale(
    index: VersionedIndex, parsed: _Parsed, outcome: BatchOutcome
) -> tuple[list[Document], dict[str, dict[str, Any]]]:
    """The batch's documents, leaving out any whose text is older than the index's (a redelivery after a
    newer crawl): those count as unchanged."""
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
        fresh.append(document)
        messages[document.id] = message
    return fresh, messages
