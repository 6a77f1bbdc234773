"""The crawl process's side in cluster mode: articles go to the broker's index queue in batches.

It stands where `crawlers.worker_client.IndexWorker` stands on one machine (`IndexSink`): the spiders submit
articles without waiting; a publisher thread sends them as `index` tasks of up to
`PRESSWATCH_CLUSTER_BATCH_SIZE` documents, each publish confirmed by the broker (durable queue, persistent
message). An article counts as seen once its batch is on the broker: from there it is delivered at least
once, or set aside in the quarantine queue with its reason, never dropped. Each document carries its
version, the time it was fetched in microseconds, so a redelivered older text never overwrites a newer one.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self

from crawlers import stats
from crawlers.cluster.app import INDEX_QUEUE, INDEX_TASK, make_app
from crawlers.seen import Fetched, SeenURLs, open_seen
from crawlers.worker_client import ALSO_LISTED, WITHDRAW
from presswatch.config import Settings
from presswatch.document import Document

if TYPE_CHECKING:
    from celery import Celery

logger = logging.getLogger(__name__)
FLUSH_AFTER = 0.5
"""Seconds a partial batch waits for more articles before it is sent."""


def source_of(message: object) -> str:
    """The source a message came from, for the counts ('unknown' for one that is not ours)."""
    if isinstance(message, dict):
        for key in ("document", ALSO_LISTED, WITHDRAW):
            inner = message.get(key)
            if isinstance(inner, dict) and isinstance(inner.get("source"), str):
                return str(inner["source"])
    return "unknown"


def version_of(moment: datetime) -> int:
    """An Elasticsearch external version from a fetch time: microseconds since the epoch."""
    return int(moment.timestamp() * 1_000_000)


class BatchPublisher:
    """Publishes a crawl's articles as index batches; `finish()` waits until every one is on the broker."""

    def __init__(self, *, app: Celery, seen: SeenURLs | None, batch_size: int) -> None:
        self._app = app
        self._seen = seen
        self._batch_size = batch_size
        self._outbox: queue.SimpleQueue[tuple[dict[str, Any], str, Fetched | None] | None] = (
            queue.SimpleQueue()
        )
        self._lock = threading.Lock()
        self._counts: dict[str, Counter[str]] = {}
        self._after_publishing: list[tuple[str, list[Fetched]]] = []
        self._failed = False
        self._thread = threading.Thread(target=self._publish_all, name="index-publisher", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, settings: Settings) -> Self:
        return cls(
            app=make_app(settings),
            seen=open_seen(settings),
            batch_size=settings.cluster_batch_size,
        )

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        """Scrapy deep-copies its settings for each crawler; every crawler of a run shares this one."""
        return self

    def also_listed(self, *, url: str, source: str) -> None:
        """`source` lists `url`, which another source claimed and fetches: the index adds it to the sources."""
        self._outbox.put(({ALSO_LISTED: {"url": url, "source": source}}, source, None))

    def submit(self, document: Document, *, fetched: Fetched | None = None) -> None:
        moment = fetched.fetched_at if fetched is not None else datetime.now(UTC)
        message = {"document": document.model_dump(mode="json"), "version": version_of(moment)}
        self._outbox.put((message, document.source, fetched))

    def withdraw(self, *, url: str, source: str) -> None:
        """The page is gone as of now: its version orders the withdrawal against the page's texts, so a
        redelivered withdrawal never marks a text fetched after it, nor a redelivered older text undo it."""
        message = {WITHDRAW: {"url": url, "source": source}, "version": version_of(datetime.now(UTC))}
        self._outbox.put((message, source, None))

    def record_when_indexed(self, *, source: str, listings: list[Fetched]) -> None:
        """Listings' validators, recorded once every article of the crawl is on the broker."""
        with self._lock:
            self._after_publishing.append((source, listings))

    def finish(self) -> dict[str, Counter[str]]:
        """Wait until everything submitted is published; per source, the articles queued for indexing (and
        any that could not be published, as index errors)."""
        self._outbox.put(None)
        self._thread.join()
        if self._seen is not None:
            if not self._failed:
                for source, listings in self._after_publishing:
                    self._seen.record(listings)
                    self._seen.mark_completed(source)
            self._seen.close()
        return self._counts

    def _publish_all(self) -> None:
        ended = False
        while not ended:
            batch: list[tuple[dict[str, Any], str, Fetched | None]] = []
            item = self._outbox.get()
            while item is not None:
                batch.append(item)
                if len(batch) >= self._batch_size:
                    break
                try:
                    item = self._outbox.get(timeout=FLUSH_AFTER)
                except queue.Empty:
                    break
            ended = item is None
            if batch:
                self._publish(batch)

    def _publish(self, batch: list[tuple[dict[str, Any], str, Fetched | None]]) -> None:
        try:
            self._app.send_task(
                INDEX_TASK,
                args=[[message for message, _, _ in batch]],
                queue=INDEX_QUEUE,
                retry=True,
                retry_policy={"max_retries": 5, "interval_start": 1, "interval_step": 2, "interval_max": 10},
            )
        except (
            Exception
        ) as exc:  # the broker is gone: these articles are not seen, the next crawl fetches them
            logger.error("could not publish %d message(s) to the index queue: %s", len(batch), exc)
            self._failed = True
            outcome = stats.INDEX_ERRORS
        else:
            outcome = stats.QUEUED_FOR_INDEX
            if self._seen is not None:
                self._seen.record([fetched for _, _, fetched in batch if fetched is not None])
        with self._lock:
            for message, source, _ in batch:
                if "document" in message:
                    self._counts.setdefault(source, Counter())[outcome] += 1
