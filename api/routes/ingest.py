"""POST /ingest: a URL, raw HTML or text → the extracted, analysed, indexed document. Needs an API key."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, Field, model_validator

from api.bodylimit import too_large
from api.deps import RETRY_AFTER, ErrorDetail, retry_after
from api.metrics import INGESTED
from presswatch.document import DocumentKind
from presswatch.ingestion import Ingested, Ingester, IngestError

router = APIRouter(tags=["ingest"])
_log = logging.getLogger(__name__)

MAX_INGEST_CHARS = 2_000_000
MAX_INGEST_BODY = 6 * MAX_INGEST_CHARS + 64 * 1024
"""Bytes: MAX_INGEST_CHARS characters, each up to 6 bytes as a JSON escape, and the other fields."""
_STATUS = {
    "refused": status.HTTP_400_BAD_REQUEST,
    "unreadable": 422,
    "fetch_failed": status.HTTP_502_BAD_GATEWAY,
    "unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
}


class IngestRequest(BaseModel):
    """`url` alone: the page is fetched (under the crawler's network rules). With `html` or `text`, `url` only
    names it (the document's id comes from it) and nothing is fetched."""

    url: str = Field(min_length=1, max_length=2000, description="The page's address; its id comes from it.")
    html: str | None = Field(default=None, max_length=MAX_INGEST_CHARS, description="The page's HTML.")
    text: str | None = Field(
        default=None, max_length=MAX_INGEST_CHARS, description="Plain text: first line is the title."
    )
    title: str | None = Field(
        default=None, max_length=300, description="For text: the title, if not its first line."
    )
    source: str = Field(default="api", pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")
    kind: DocumentKind = "news"

    @model_validator(mode="after")
    def _one_body(self) -> IngestRequest:
        if self.html is not None and self.text is not None:
            raise ValueError("send html or text, not both")
        return self


class IngestResponse(Ingested):
    pass


def _ingester(request: Request) -> Ingester:
    ingester: Ingester | None = request.app.state.ingester
    if ingester is None:
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="this server has no ingester: run it with `presswatch serve`",
        )
    return ingester


@router.post(
    "/ingest",
    response_model=IngestResponse,
    summary="Extract and index one page",
    responses={
        400: {
            "model": ErrorDetail,
            "description": "The URL may not be fetched (scheme, private network, its site's robots.txt)",
        },
        401: {"model": ErrorDetail, "description": "Missing or wrong API key"},
        403: {"model": ErrorDetail, "description": "Writes are switched off (no API keys configured)"},
        422: {"description": "Invalid request, or a page with no article to read"},
        **too_large(MAX_INGEST_BODY),
        502: {"model": ErrorDetail, "description": "The page could not be fetched"},
        503: {
            "model": ErrorDetail,
            "description": "The index or the ingester is unavailable; Retry-After says when to try again"
            " where waiting can help",
            "headers": RETRY_AFTER,
        },
    },
)
def ingest(body: IngestRequest, ingester: Annotated[Ingester, Depends(_ingester)]) -> IngestResponse:
    """Runs the crawler's own extraction, NLP and indexing; the same URL again updates the same document."""
    try:
        done = ingester.ingest(
            url=body.url, html=body.html, text=body.text, title=body.title, source=body.source, kind=body.kind
        )
    except IngestError as exc:
        INGESTED.labels(outcome=exc.failure).inc()
        _log.info("ingest of %s refused or failed: %s", body.url[:200], exc)
        raise HTTPException(
            status_code=_STATUS[exc.failure], detail=str(exc), headers=retry_after(exc.retry_after)
        ) from exc
    INGESTED.labels(outcome=done.outcome).inc()
    return IngestResponse(outcome=done.outcome, document=done.document)
