"""A pool of NLP processes, so that a crawl or a bulk ingest uses every core.

spaCy and the rules are Python and hold the GIL: one process analyses on one core. The pool runs
`PRESSWATCH_NLP_WORKERS` processes (default: the cores this process may use), each with its own
`Extractor`, and splits each batch between them; results come back in the order given, and whoever called
the pool writes them (one writer, as SQLite wants). `enrich_many` submits a batch at once and returns an
iterator that collects it, so the writer can hand over the next batch before it writes this one
(crawlers.indexer does): the workers never wait for the writer. Workers are started fresh (`spawn`) and load their models
after they start, never inheriting a parent's loaded model or threads; each dies with the process that
started it.

Memory: one worker holds spaCy's model, presswatch's rules and the MiniLM encoder: about 0.43 GB loaded,
0.78 GB at its peak (`WORKER_BYTES` is the budget per worker). The pool never starts more workers than the memory
available when it starts can hold (at least one), and logs when it chooses fewer than asked.

A worker that dies mid-batch (killed, out of memory) breaks the pool: the batch's unfinished chunks are run
again once on a fresh pool, so nothing is lost; if they break it again, `enrich_many` raises like a failing
`Extractor` does, and the caller (crawlers.indexer) retries each document alone, so one poison page loses
only itself. Nothing is written twice: the pool returns documents, it never writes them.
"""

from __future__ import annotations

import ctypes
import logging
import math
import multiprocessing
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import accumulate, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from presswatch.aliases import Aliases, load_aliases
from presswatch.config import Settings
from presswatch.document import Document

if TYPE_CHECKING:  # spaCy is imported by the workers, never by a writer that only pools
    from nlp.pipeline import Extractor

logger = logging.getLogger(__name__)

# Memory of one worker (spaCy small model, rules, int8 MiniLM, Python): measured here at 0.43 GB resident once
# loaded and a 0.78 GB peak over 60 real article bodies (bench/nlp_throughput.py prints both).
WORKER_BYTES = 800 * 1024 * 1024
# Documents per chunk a worker takes at a time: at most a few seconds of work for a core (a 600-word release
# takes about 0.2 CPU seconds), so a run's tail is short, while spaCy still batches; at least two (each
# chunk is a round trip to a worker and a spaCy batch of its own).
MAX_CHUNK = 8
MIN_CHUNK = 2
_PR_SET_PDEATHSIG = 1

_worker_extractor: Extractor | None = None  # one per worker process, set by `_start_worker`
_Submitted = tuple[ProcessPoolExecutor, Future[list[Document]]]  # a chunk's future, and the pool running it


def _lost(future: Future[list[Document]]) -> bool:
    """A chunk's run that ended without its documents: cancelled, or its worker died."""
    return future.done() and (future.cancelled() or isinstance(future.exception(), BrokenProcessPool))


class Enricher(Protocol):
    """What analyses documents: an `Extractor` in this process, or an `ExtractorPool`."""

    def enrich_many(self, documents: Iterable[Document]) -> Iterator[Document]: ...

    def close(self) -> None: ...


def available_bytes() -> int | None:
    """MemAvailable from /proc/meminfo (Linux), or None where it cannot be read."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def workers_that_fit(wanted: int, *, available: int | None) -> int:
    """`wanted`, or fewer when the available memory holds fewer loaded workers (never less than one)."""
    if available is None:
        return wanted
    return max(1, min(wanted, available // WORKER_BYTES))


def chunk_sizes(documents: int, *, workers: int) -> list[int]:
    """How a batch is split: each chunk a share of what is left (each worker gets two or more, so one that
    finishes early takes the next rather than waiting for the slowest), between `MIN_CHUNK` and `MAX_CHUNK`
    documents, so that chunks shrink towards the end and the workers finish the batch close together."""
    sizes: list[int] = []
    left = documents
    while left > 0:
        size = min(left, MAX_CHUNK, max(MIN_CHUNK, math.ceil(left / (2 * workers))))
        sizes.append(size)
        left -= size
    return sizes


def _start_worker(model: str, aliases: Aliases, batch_size: int, encoder_thread: bool) -> None:
    """In each worker: die with the parent, ignore Ctrl-C (the parent decides), load the models now."""
    global _worker_extractor
    from nlp.pipeline import Extractor

    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = Extractor(
        model=model, aliases=aliases, batch_size=batch_size, encoder_thread=encoder_thread
    )
    _worker_extractor.enrich(Document.from_page(url="http://pool.invalid/", source="-", title="", body="Hi."))


def _ready() -> None:
    """A no-op task: submitting one per worker starts them all (each loads its models in its initializer)."""


def _enrich_chunk(documents: list[Document]) -> list[Document]:
    assert _worker_extractor is not None, "the worker was not started by ExtractorPool"
    return list(_worker_extractor.enrich_many(documents))


class ExtractorPool:
    """`Extractor.enrich_many` across `workers` processes; `close()` stops them."""

    def __init__(
        self,
        *,
        workers: int,
        model: str,
        aliases: Aliases | None = None,
        batch_size: int = 16,
        encoder_thread: bool = True,
    ) -> None:
        self.workers = workers
        self._encoder_thread = encoder_thread
        self._model = model
        self._aliases = aliases or Aliases()
        self._batch_size = batch_size
        self._executor: ProcessPoolExecutor | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> ExtractorPool:
        """The pool a crawl and a bulk ingest use, its workers started (an unusable aliases file raises here,
        before any worker starts)."""
        fit = workers_that_fit(settings.nlp_workers, available=available_bytes())
        if fit < settings.nlp_workers:
            logger.warning(
                "NLP: %d worker(s) asked for, memory for %d (each needs about %d MB): running %d",
                settings.nlp_workers,
                fit,
                WORKER_BYTES // 2**20,
                fit,
            )
        pool = cls(
            workers=fit,
            model=settings.spacy_model,
            aliases=load_aliases(settings.aliases_path),
            encoder_thread=settings.nlp_encoder_thread,
        )
        pool.start()
        return pool

    def start(self) -> None:
        """Starts the workers now, so they load their models while the caller opens the rest of its run
        (otherwise they start with the first batch)."""
        self._pool()

    def _pool(self) -> ProcessPoolExecutor:
        """The running pool; a new one starts every worker at once, so they load their models in parallel."""
        if self._executor is None:
            logger.info("NLP: %d worker processes", self.workers)
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._model, self._aliases, self._batch_size, self._encoder_thread),
            )
            for _ in range(self.workers):
                self._executor.submit(_ready)
        return self._executor

    def _submit(self, chunk: list[Document]) -> _Submitted:
        """Submits to the pool, starting a fresh one if a worker died since the last batch."""
        executor = self._pool()
        try:
            return executor, executor.submit(_enrich_chunk, chunk)
        except BrokenProcessPool:
            logger.error("an NLP worker died between batches; starting a fresh pool")
            self._restart(executor)
            executor = self._pool()
            return executor, executor.submit(_enrich_chunk, chunk)

    def _restart(self, broken: ProcessPoolExecutor | None) -> None:
        """Stops `broken` if it is still the running pool (another batch in flight may have replaced it)."""
        if broken is not None and broken is self._executor:
            broken.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def enrich(self, document: Document) -> Document:
        return next(self.enrich_many([document]))

    def enrich_many(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents analysed, in the order given.

        The work is submitted at once and the iterator gives each chunk's documents as soon as they and
        those before them are analysed, so a caller writes while the workers analyse the rest, and can
        submit the next batch before it writes this one. Chunks shrink towards the batch's end
        (`chunk_sizes`): the last ones of a run, which one worker analyses while the others have nothing
        left, are short.
        """
        docs = list(documents)
        ends = list(accumulate(chunk_sizes(len(docs), workers=self.workers), initial=0))
        chunks = [docs[start:end] for start, end in pairwise(ends)]
        return self._collected(chunks, [self._submit(chunk) for chunk in chunks])

    def _collected(self, chunks: list[list[Document]], submitted: list[_Submitted]) -> Iterator[Document]:
        """Each chunk's documents in order, as soon as it and every chunk before it are done (so the writer
        writes while the workers analyse the rest). Chunks lost to a dead worker (or cancelled when another
        batch restarted the pool) run once more on a fresh pool. Any other error of a worker (a bug in a
        rule) is raised at its chunk, as `Extractor` raises it at its document, and the batch's chunks that
        have not started are cancelled."""
        lost_once = False
        for k in range(len(chunks)):
            while True:
                executor, future = submitted[k]
                try:
                    documents = future.result()
                    break
                except (BrokenProcessPool, CancelledError):
                    if lost_once:
                        raise RuntimeError("an NLP worker died twice on this batch") from None
                    lost_once = True
                    self._restart(executor)  # once stopped, every chunk it held has failed or been cancelled
                    unfinished = [j for j in range(k, len(chunks)) if _lost(submitted[j][1])]
                    logger.error(
                        "an NLP worker died; %d chunk(s) of this batch run again on a fresh pool",
                        len(unfinished),
                    )
                    for j in unfinished:
                        submitted[j] = self._submit(chunks[j])
                except Exception:
                    for _, later in submitted[k + 1 :]:
                        later.cancel()
                    raise
            yield from documents

    def close(self) -> None:
        self._restart(self._executor)

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
