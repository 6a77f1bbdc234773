"""`build_indexer(settings)`: the indexing pipeline, wired in one place for every entry point.

The extractor (the configured spaCy model with the user's aliases file), the story store, the index and the
alert listener make one `Indexer`. `presswatch ingest`, the crawl's index worker (`crawlers.worker`) and
`POST /ingest` (`crawlers.ingest.PageIngester`) all build it here, so none of them can forget a part: when
each wired its own, the API's copy lost the alert listener and the aliases file (issue 16).

    with build_indexer(settings) as indexer:
        results = list(indexer.process(documents))

A run with many documents (a crawl, a bulk `presswatch ingest`) passes `pooled=True`: the NLP then runs in
`PRESSWATCH_NLP_WORKERS` processes (nlp.pool), one per core by default, while this process stays the one
writer of the index and the story store.

The context is one run: the story store keeps an in-memory index of the stories it has seen, so a process
that lives longer than a run (the API) builds the indexer again for each run, passing the parts that are
costly to make (`extractor`, `backend`) and safe to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from nlp.pool import Enricher, ExtractorPool
from presswatch.config import Settings
from search.base import SearchBackend

if TYPE_CHECKING:  # imported by build_indexer: a caller can start the NLP pool before it imports them
    from crawlers.indexer import Indexer


def load_extractor(settings: Settings, *, pooled: bool = False) -> Enricher:
    """The extractor every entry point uses: the configured model and the user's aliases file (an unusable
    aliases file raises `presswatch.aliases.AliasesError`). `pooled`: a pool of NLP processes when
    `settings.nlp_workers` asks for more than one."""
    if pooled and settings.nlp_workers > 1:
        return ExtractorPool.for_settings(settings)  # this process then never imports spaCy
    from nlp.pipeline import Extractor

    return Extractor.for_settings(settings)


def _always() -> bool:
    return True


@contextmanager
def build_indexer(
    settings: Settings,
    *,
    extractor: Enricher | None = None,
    backend: SearchBackend | None = None,
    still_wanted: Callable[[], bool] = _always,
    pooled: bool = False,
) -> Iterator[Indexer]:
    """The `Indexer` of one run: extractor, story store, index and alert listener from `settings`.

    `extractor` and `backend`, when given, are used and left open (a long-lived process keeps them between
    runs; build the extractor with `load_extractor`); what this opens, it closes on exit. `still_wanted` is
    asked before each write (the crawl's worker stops writing once its crawl has died). `pooled`: see
    `load_extractor`; a pool built here is stopped on exit.

    Raises `presswatch.aliases.AliasesError` for an unusable aliases file and
    `search.base.BackendUnavailableError` when the index cannot be opened.
    """
    # Imported here, not at the top: alerts (apprise) and stories (datasketch, scipy) take the writer about
    # 0.7 CPU s to import, and a bulk ingest starts its NLP pool (`load_extractor`) before it pays for them.
    from alerts.service import AlertService
    from crawlers.indexer import Indexer
    from crawlers.source_merge import source_merge
    from crawlers.stories import open_stories
    from search.factory import open_backend

    with ExitStack() as opened:
        if extractor is None:
            extractor = load_extractor(settings, pooled=pooled)
            opened.callback(extractor.close)
        if backend is None:
            backend = open_backend(settings)
            opened.callback(backend.close)
        stories = opened.enter_context(open_stories(settings))
        alerts = opened.enter_context(AlertService.open(settings, backend=backend))
        yield Indexer(
            backend=backend,
            extractor=extractor,
            max_nlp_chars=settings.nlp_max_chars,
            still_wanted=still_wanted,
            stories=stories,
            listener=alerts,  # matches the saved searches; delivery runs elsewhere (serve, `alerts deliver`)
            guard=source_merge(settings, backend),  # cluster mode: writes merge sources under a lock
        )
