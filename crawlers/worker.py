"""The crawl's index worker process: NLP and index writes off Scrapy's reactor thread.

Run as `python -m crawlers.worker` by `crawlers.worker_client.IndexWorker`. It reads the run's settings,
then articles, as JSON lines; takes whatever has arrived (up to a batch: `BATCH_SIZE` per NLP worker)
through the NLP, in `PRESSWATCH_NLP_WORKERS` processes (nlp.pool) so that every core works; writes each
article in its own transaction, so an interrupted crawl keeps what it finished; and answers one result
line per article. It dies with the crawl process (a killed crawl writes nothing after it died) and ends
after the end message, once everything before it is indexed.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import queue
import signal
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

from crawlers import stats
from crawlers.index_pipeline import build_indexer
from crawlers.indexer import AbandonedError
from crawlers.source_merge import SourceMerge, source_merge
from crawlers.worker_client import ALSO_LISTED, END, WITHDRAW
from presswatch.aliases import AliasesError
from presswatch.config import Settings
from presswatch.database import DatabaseError
from presswatch.document import Document, InvalidURLError, document_id
from search.base import BackendUnavailableError, SearchBackend
from search.factory import open_backend

logger = logging.getLogger(__name__)
BATCH_SIZE = 16
_PR_SET_PDEATHSIG = 1


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


def _batches(inbox: queue.SimpleQueue[bytes | None], *, size: int) -> Iterator[list[dict[str, Any]]]:
    """Whatever has arrived, up to `size` messages, waiting only for the first of each batch.

    Ends after the end message; exits the process at end of file without it (the crawl process died).
    """
    while True:
        batch: list[dict[str, Any]] = []
        line = inbox.get()
        while True:
            if line is None:
                os._exit(1)
            message = json.loads(line)
            if END in message:
                if batch:
                    yield batch
                return
            batch.append(message)
            if len(batch) == size:
                break
            try:
                line = inbox.get_nowait()
            except queue.Empty:
                break
        yield batch


def withdraw(backend: SearchBackend, *, url: str) -> str:
    """Mark the document of a page that is gone as withdrawn (kept, with everything extracted from it):
    its outcome, `withdrawn`, or `fetch_errors` when the index holds no document for that URL."""
    try:
        document = backend.get(document_id(url))
    except InvalidURLError:
        document = None
    if document is None:
        logger.error("%s is gone, and the index has no document for it", url[:200])
        return stats.FETCH_ERRORS
    if not document.withdrawn:
        backend.index([document.model_copy(update={"withdrawn": True})])
    return stats.WITHDRAWN


def also_listed(merge: SourceMerge | None, *, url: str, source: str) -> str:
    """Cluster mode: add `source` to the document of `url`, which another source fetched (not stored yet:
    that source's write adds it). Its outcome, `duplicates`, as for an article two sources list."""
    if merge is not None:
        merge.add_source(url=url, source=source)
    return stats.DUPLICATES


def main() -> int:
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
        backend = open_backend(settings)  # kept here too: withdrawals write to it directly
        try:
            merge = source_merge(settings, backend)
            with build_indexer(
                settings, backend=backend, still_wanted=lambda: os.getppid() == parent, pooled=True
            ) as indexer:
                for batch in _batches(inbox, size=BATCH_SIZE * settings.nlp_workers):
                    for gone in (m[WITHDRAW] for m in batch if WITHDRAW in m):
                        outcome = withdraw(backend, url=str(gone["url"]))
                        results.write(json.dumps({"source": gone["source"], "outcome": outcome}) + "\n")
                        results.flush()
                    for listed in (m[ALSO_LISTED] for m in batch if ALSO_LISTED in m):
                        outcome = also_listed(merge, url=str(listed["url"]), source=str(listed["source"]))
                        results.write(json.dumps({"source": listed["source"], "outcome": outcome}) + "\n")
                        results.flush()
                    articles = [Document.model_validate(m["document"]) for m in batch if "document" in m]
                    for result in indexer.process(articles):
                        answer = {"source": result.source, "outcome": result.outcome, "doc_id": result.doc_id}
                        results.write(json.dumps(answer) + "\n")
                        results.flush()
        finally:
            backend.close()
    except (AliasesError, BackendUnavailableError, DatabaseError) as exc:
        logger.error("index worker: %s", exc)
        return 2
    except AbandonedError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
