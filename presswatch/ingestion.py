"""What `POST /ingest` needs from whoever does the ingesting, as a port both sides can import.

The API may not import the crawler or spaCy (import-linter contracts), so `create_app` takes an `Ingester`
that the command line wires in (`crawlers.ingest.PageIngester`); the API only sees this interface.
"""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel

from presswatch.document import Document, DocumentKind

IngestOutcome = Literal["indexed_new", "indexed_updated", "queued_for_index", "unchanged"]
IngestFailure = Literal["refused", "unreadable", "fetch_failed", "unavailable"]


class IngestError(ValueError):
    """The page could not be ingested; `failure` says which way, the message says why in words, `retry_after`
    in how many seconds the same request may succeed (an index down or locked; None: not by waiting)."""

    def __init__(self, message: str, *, failure: IngestFailure, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.failure = failure
        self.retry_after = retry_after


class Ingested(BaseModel):
    outcome: IngestOutcome
    document: Document


class Ingester(Protocol):
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
        """Fetch `url` (when neither `html` nor `text` is given), extract, analyse and index it."""
        ...
