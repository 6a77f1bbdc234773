"""GET /sources: each crawled source's extraction health, so a publisher's layout change is noticed."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, Field

from api.deps import RETRY_AFTER, ErrorDetail, get_app_settings, get_backend, retry_after
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS, waiting_helps
from presswatch.source_health import WINDOW_PAGES, SourceHealth, read_health
from search.base import RETRY_AFTER_SECONDS, BackendUnavailableError
from search.source_counts import counted_now

router = APIRouter(tags=["sources"])
_log = logging.getLogger(__name__)


class SourcesHealth(BaseModel):
    """Every source a crawl has recorded, by name."""

    window_pages: int = Field(
        description="Shares are taken over each source's newest runs that read at least this many pages."
    )
    sources: list[SourceHealth]


@router.get(
    "/sources",
    response_model=SourcesHealth,
    summary="Extraction health per source",
    responses={
        503: {
            "model": ErrorDetail,
            "description": "The source health store cannot be read",
            "headers": RETRY_AFTER,
        }
    },
)
def sources(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> SourcesHealth:
    """Per source: last crawl, documents in the index, the shares of recent pages with no body, title or date,
    failed runs in a row, and the last error with its time. A source appears once a crawl has recorded it."""
    try:
        rows = read_health(settings)
    except STORE_ERRORS as exc:
        _log.error("GET /sources: cannot read the source health store in %s: %s", settings.data_dir, exc)
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the source health store cannot be read",
            headers=retry_after(RETRY_AFTER_SECONDS if waiting_helps(exc) else None),
        ) from None
    try:  # counted now: a cluster's index workers index a crawl's documents after it has ended
        rows = counted_now(rows, get_backend(request))
    except BackendUnavailableError as exc:  # the health still answers, with the counts its crawls took
        _log.warning("GET /sources: documents as their crawls counted them: %s", exc)
    return SourcesHealth(window_pages=WINDOW_PAGES, sources=rows)
