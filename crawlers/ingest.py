"""`PageIngester`: what POST /ingest runs. A URL is fetched under the crawler's network rules
(`crawlers.fetch`), HTML goes through the crawler's extraction, text becomes a document as
`presswatch ingest` makes one, and the result goes through the indexer every entry point builds
(`crawlers.index_pipeline.build_indexer`: duplicates → language → story → NLP → index → alert matching).

Why in the API process rather than the crawl's index worker: the caller wants the extracted document back
in the answer, and the worker is a per-crawl pipe with no answer per document. The spaCy model is loaded on
the first ingest, not at import or start-up (the API's import contract: it never imports spaCy; this module
imports it only inside `ingest`), and one ingest runs at a time because the story store is single-writer.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from crawlers.extract import ExtractionError, decode_html, extract_page
from crawlers.fetch import FetchFailedError, FetchRefusedError, Resolver, fetch_page, system_resolver
from crawlers.trust import LinkPolicy
from presswatch.config import Settings
from presswatch.document import Document, DocumentKind, InvalidURLError, page_url
from presswatch.ingestion import Ingested, IngestError, IngestFailure, IngestOutcome
from search.base import BackendUnavailableError, SearchBackend
from search.factory import open_backend

if TYPE_CHECKING:
    from nlp.pool import Enricher

_OUTCOMES: dict[str, IngestOutcome] = {
    "indexed_new": "indexed_new",
    "indexed_updated": "indexed_updated",
    "queued_for_index": "queued_for_index",
    "unchanged": "unchanged",
}


class PageIngester:
    """Ingests one page at a time into the index `settings` name."""

    def __init__(
        self, settings: Settings, *, extractor: Enricher | None = None, resolve: Resolver = system_resolver
    ) -> None:
        self._settings = settings
        self._extractor = extractor
        self._resolve = resolve
        self._backend: SearchBackend | None = None
        self._lock = threading.Lock()
        self.policy = LinkPolicy(allow_private_networks=settings.crawl_allow_private_networks)

    def ingest(
        self,
        *,
        url: str,
        html: str | None,
        text: str | None,
        title: str | None,
        source: str,
        kind: DocumentKind,
    ) -> Ingested:
        document = self._document(url=url, html=html, text=text, title=title, source=source, kind=kind)
        with self._lock:
            return self._index(document)

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()

    def _document(
        self,
        *,
        url: str,
        html: str | None,
        text: str | None,
        title: str | None,
        source: str,
        kind: DocumentKind,
    ) -> Document:
        try:
            page_url(url)  # whatever the body, the URL names the page: http(s) only, and readable
        except InvalidURLError as exc:
            raise IngestError(f"refused: {exc}", failure="refused") from None
        try:
            if text is not None:
                body = text.strip()
                if not body:
                    raise IngestError("no text", failure="unreadable")
                heading = (title or body.splitlines()[0]).strip()[:300]
                return Document.from_page(url=url, source=source, title=heading, body=body, kind=kind)
            if html is None:
                fetched = fetch_page(
                    url,
                    policy=self.policy,
                    timeout=self._settings.download_timeout,
                    max_bytes=self._settings.max_page_bytes,
                    user_agent=self._settings.user_agent,
                    resolve=self._resolve,
                )
                page = extract_page(
                    decode_html(fetched.body, content_type=fetched.content_type), url=fetched.url
                )
            else:
                page = extract_page(html, url=url)
            return page.to_document(source=source, default_kind=kind)
        except FetchRefusedError as exc:
            raise IngestError(f"refused: {exc}", failure="refused") from None
        except FetchFailedError as exc:
            raise IngestError(f"could not fetch the page: {exc}", failure="fetch_failed") from None
        except (ExtractionError, InvalidURLError) as exc:
            raise IngestError(str(exc).splitlines()[0], failure="unreadable") from None

    def _index(self, document: Document) -> Ingested:
        from crawlers.index_pipeline import build_indexer, load_extractor  # imports spaCy: only when used
        from presswatch.aliases import AliasesError

        try:
            if self._backend is None:
                self._backend = open_backend(self._settings)
            if self._extractor is None:
                self._extractor = load_extractor(self._settings)
            with build_indexer(self._settings, extractor=self._extractor, backend=self._backend) as indexer:
                [result] = indexer.process([document])
        except BackendUnavailableError as exc:
            raise IngestError(
                f"search index unavailable: {exc.reason}", failure="unavailable", retry_after=exc.retry_after
            ) from None
        except AliasesError as exc:
            raise IngestError(f"the aliases file is unusable: {exc}", failure="unavailable") from None
        outcome = _OUTCOMES.get(result.outcome)
        if outcome is None:
            failure: IngestFailure = "unavailable" if result.outcome == "index_errors" else "unreadable"
            raise IngestError(f"{result.outcome.replace('_', ' ')}: {result.reason}", failure=failure)
        stored = self._backend.get(result.doc_id) if outcome != "queued_for_index" else None
        return Ingested(outcome=outcome, document=stored or document)
