"""The crawl's index worker: NLP and index writes in their own process, off Scrapy's reactor thread.

spaCy needs tens of milliseconds per article and much more for a long one; run on the reactor, every
download waits for it. The crawl process hands each article to `IndexWorker.submit` (which never blocks);
the worker (`python -m crawlers.worker`) reads them as JSON lines, takes what has arrived (up to a batch)
through `nlp.pipe`, writes each article in its own transaction and answers with one result line per
article. The worker dies with the crawl process, so a killed crawl writes nothing after it died, and
`finish()` waits until everything submitted is indexed.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any, Self

from presswatch.config import Settings
from presswatch.document import Document

logger = logging.getLogger(__name__)
BATCH_SIZE = 16
_END = "end"
_PR_SET_PDEATHSIG = 1


class IndexWorker:
    """The crawl process's side: a worker process, a writer thread feeding it, a reader thread counting."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
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
        worker = cls(process)
        header = {"parent": os.getpid(), "settings": settings.model_dump(mode="json", exclude={"api_keys"})}
        worker._outbox.put(json.dumps(header).encode() + b"\n")
        return worker

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        """Scrapy deep-copies its settings for each crawler; every crawler of a run shares this worker."""
        return self

    def submit(self, document: Document) -> None:
        """Queue an article for NLP and indexing; returns at once."""
        with self._lock:
            self._submitted[document.source] += 1
        self._outbox.put(json.dumps({"document": document.model_dump(mode="json")}).encode() + b"\n")

    def finish(self) -> dict[str, Counter[str]]:
        """Wait until every submitted article is processed; the outcomes counted per source.

        Articles the worker never answered for (it crashed) count as index errors, so the summary says so.
        """
        self._outbox.put(json.dumps({_END: True}).encode() + b"\n")
        self._outbox.put(None)
        self._writer.join()
        code = self._process.wait()
        self._reader.join()
        if code != 0:
            logger.error("the index worker stopped with exit status %s", code)
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
            result = json.loads(line)
            with self._lock:
                self._results[(str(result["source"]), str(result["outcome"]))] += 1


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills us when the crawl process dies; anywhere: stop if it is already gone."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _lines(stream: IO[bytes]) -> queue.SimpleQueue[bytes | None]:
    """Lines of `stream` as they arrive (None at end of file), read by a thread so batches can be drained."""
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def read() -> None:
        for line in stream:
            inbox.put(line)
        inbox.put(None)

    threading.Thread(target=read, name="index-worker-inbox", daemon=True).start()
    return inbox


def _batches(inbox: queue.SimpleQueue[bytes | None]) -> Iterator[list[dict[str, Any]]]:
    """Whatever has arrived, up to `BATCH_SIZE` messages, waiting only for the first of each batch.

    Ends after the end message; exits the process at end of file without it (the crawl process died).
    """
    while True:
        batch: list[dict[str, Any]] = []
        line = inbox.get()
        while True:
            if line is None:
                os._exit(1)
            message = json.loads(line)
            if _END in message:
                if batch:
                    yield batch
                return
            batch.append(message)
            if len(batch) == BATCH_SIZE:
                break
            try:
                line = inbox.get_nowait()
            except queue.Empty:
                break
        yield batch


def main() -> int:
    from crawlers.indexer import AbandonedError, Indexer
    from nlp.pipeline import Extractor
    from search.base import BackendUnavailableError
    from search.factory import open_backend

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the crawl, which then drains us
    results = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt the results
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    inbox = _lines(sys.stdin.buffer)
    first = inbox.get()
    if first is None:
        return 1
    header = json.loads(first)
    parent = int(header["parent"])
    _die_with_parent(parent)
    settings = Settings(**header["settings"])
    try:
        backend = open_backend(settings)
    except BackendUnavailableError as exc:
        logger.error("index worker: %s", exc)
        return 2
    indexer = Indexer(
        backend=backend,
        extractor=Extractor(model=settings.spacy_model),
        max_nlp_chars=settings.nlp_max_chars,
        still_wanted=lambda: os.getppid() == parent,
    )
    try:
        for batch in _batches(inbox):
            for result in indexer.process([Document.model_validate(m["document"]) for m in batch]):
                results.write(json.dumps({"source": result.source, "outcome": result.outcome}) + "\n")
                results.flush()
    except AbandonedError:
        return 1
    finally:
        backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
