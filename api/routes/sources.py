"""GET /sources: each crawled source's extraction health, so a publisher's layout change is noticed."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field

from api.deps import RETRY_AFTER, ErrorDetail, get_app_settings, retry_after
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS, waiting_helps
from presswatch.source_health import WINDOW_PAGES, SourceHealth, read_health
from search.base import RETRY_AFTER_SECONDS

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
def sources(settings: Annotated[Settings, Depends(get_app_settings)]) -> SourcesHealth:
    """Per source: last crawl, documents, the shares of recent pages with no body, title or date, failed
    runs in a row, and the last error with its time. A source appears once a crawl has recorded it."""
    try:
        rows = read_health(settings)
    except STORE_ERRORS as exc:
        _log.error("GET /sources: cannot read the source health store in %s: %s", settings.data_dir, exc)
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the source health store cannot be read",
            headers=retry_after(RETRY_AFTER_SECONDS if waiting_helps(exc) else None),
        ) from None
    return SourcesHealth(window_pages=WINDOW_PAGES, sources=rows)
