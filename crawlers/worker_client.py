"""The crawl process's side of the index worker (`crawlers.worker`): submit articles, then wait for it.

spaCy needs tens of milliseconds per article and much more for a long one; run on Scrapy's reactor, every
download would wait for it. Here `submit` only queues the article: a writer thread sends it to the worker
process, a reader thread counts the worker's answers. This module (and everything the reactor runs) never
imports spaCy: the import contracts check that.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import subprocess
import sys
import threading
from collections import Counter
from typing import Protocol, Self, runtime_checkable

from crawlers.seen import Fetched, SeenURLs, open_seen
from presswatch.config import Settings, settings_for_child
from presswatch.document import Document

logger = logging.getLogger(__name__)
END = "end"
WITHDRAW = "withdraw"
ALSO_LISTED = "also_listed"
# Outcomes after which an article counts as seen: it is in the index (or knowingly a copy of what is).
STORED = frozenset({"indexed_new", "indexed_updated", "queued_for_index", "unchanged", "duplicates"})


@runtime_checkable
class IndexSink(Protocol):
    """Where a crawl's articles go: this machine's index worker (`IndexWorker`) or, in cluster mode, the
    broker's index queue (`crawlers.cluster.publisher.BatchPublisher`)."""

    def also_listed(self, *, url: str, source: str) -> None: ...

    def submit(self, document: Document, *, fetched: Fetched | None = None) -> None: ...

    def withdraw(self, *, url: str, source: str) -> None: ...

    def record_when_indexed(self, *, source: str, listings: list[Fetched]) -> None: ...

    def finish(self) -> dict[str, Counter[str]]: ...


class IndexWorker:
    """The crawl process's side: a worker process, a writer thread feeding it, a reader thread counting."""

    def __init__(self, process: subprocess.Popen[bytes], *, seen: SeenURLs | None = None) -> None:
        self._process = process
        self._seen = seen
        self._fetched: dict[str, list[Fetched]] = {}
        self._after_indexing: list[tuple[str, list[Fetched]]] = []
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._submitted: Counter[str] = Counter()
        self._results: Counter[tuple[str, str]] = Counter()
        self._writer = threading.Thread(target=self._write_all, name="index-worker-writer", daemon=True)
        self._reader = threading.Thread(target=self._read_all, name="index-worker-reader", daemon=True)
        self._writer.start()
        self._reader.start()

    @classmethod
    def start(cls, settings: Settings) -> Self:
        """Start the worker; call from the main thread (on Linux it dies with the thread that started it)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "crawlers.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        worker = cls(process, seen=open_seen(settings))
        settings_plain = settings_for_child(settings, exclude=frozenset({"api_keys"}))
        header = {"parent": os.getpid(), "settings": settings_plain}
        worker._outbox.put(json.dumps(header).encode() + b"\n")
        return worker

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        """Scrapy deep-copies its settings for each crawler; every crawler of a run shares this worker."""
        return self

    def submit(self, document: Document, *, fetched: Fetched | None = None) -> None:
        """Queue an article for NLP and indexing; returns at once. `fetched` goes to the seen-URL store once
        the worker has stored the article (never before: a crawl killed in between fetches it again)."""
        with self._lock:
            self._submitted[document.source] += 1
            if fetched is not None:
                self._fetched.setdefault(document.id, []).append(fetched)
        self._outbox.put(json.dumps({"document": document.model_dump(mode="json")}).encode() + b"\n")

    def withdraw(self, *, url: str, source: str) -> None:
        """Have the worker mark the document of `url` withdrawn (its page is gone); returns at once."""
        self._outbox.put(json.dumps({WITHDRAW: {"url": url, "source": source}}).encode() + b"\n")

    def also_listed(self, *, url: str, source: str) -> None:
        """Have the worker add `source` to the sources of the document of `url`, fetched for another source
        (cluster mode: a claimed URL is fetched once); returns at once."""
        with self._lock:
            self._submitted[source] += 1
        self._outbox.put(json.dumps({ALSO_LISTED: {"url": url, "source": source}}).encode() + b"\n")

    def record_when_indexed(self, *, source: str, listings: list[Fetched]) -> None:
        """Record a finished spider's listings (their ETags, ...) and its crawl as complete, once every
        article is indexed: a feed answered 304 next time must not hide an article this run never stored."""
        with self._lock:
            self._after_indexing.append((source, listings))

    def finish(self) -> dict[str, Counter[str]]:
        """Wait until every submitted article is processed; the outcomes counted per source.

        Articles the worker never answered for (it crashed) count as index errors, so the summary says so.
        """
        self._outbox.put(json.dumps({END: True}).encode() + b"\n")
        self._outbox.put(None)
        self._writer.join()
        code = self._process.wait()
        self._reader.join()
        if code != 0:
            logger.error("the index worker stopped with exit status %s", code)
        elif self._seen is not None:
            for source, listings in self._after_indexing:
                self._seen.record(listings)
                self._seen.mark_completed(source)
        if self._seen is not None:
            self._seen.close()
        per_source: dict[str, Counter[str]] = {}
        with self._lock:
            for (source, outcome), count in self._results.items():
                per_source.setdefault(source, Counter())[outcome] += count
            for source, submitted in self._submitted.items():
                answered = sum(per_source.get(source, Counter()).values())
                if answered < submitted:
                    per_source.setdefault(source, Counter())["index_errors"] += submitted - answered
        return per_source

    def _write_all(self) -> None:
        stdin = self._process.stdin
        if stdin is None:
            return
        try:
            while (line := self._outbox.get()) is not None:
                stdin.write(line)
                stdin.flush()
        except (BrokenPipeError, OSError):
            logger.error("the index worker is gone; articles not yet sent are not indexed")
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    def _read_all(self) -> None:
        stdout = self._process.stdout
        if stdout is None:
            return
        for line in stdout:
            try:
                result = json.loads(line)
            except json.JSONDecodeError:  # not ours: the worker's output belongs to its results alone
                logger.warning("index worker said: %s", line.decode(errors="replace").rstrip())
                continue
            with self._lock:
                self._results[(str(result["source"]), str(result["outcome"]))] += 1
                fetched = self._fetched.pop(str(result.get("doc_id")), [])
            if fetched and self._seen is not None and result["outcome"] in STORED:
                self._seen.record(fetched)
