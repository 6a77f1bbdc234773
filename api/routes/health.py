"""GET /health: whether the index answers, and how many documents it holds."""

from __future__ import annotations

import logging
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import RETRY_AFTER, get_app_settings, get_backend, retry_after
from presswatch import __version__
from presswatch.config import Settings
from search.base import BackendUnavailableError

router = APIRouter(tags=["health"])
_log = logging.getLogger(__name__)


class Health(BaseModel):
    status: Literal["ok", "degraded", "unavailable"]
    version: str
    backend: str
    documents: int | None = None
    detail: str | None = None
    outbox: int | None = Field(
        default=None, description="Writes queued locally until the index answers (Elasticsearch backend)."
    )


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "The index is unavailable", "headers": RETRY_AFTER}},
)
def health(
    request: Request, settings: Annotated[Settings, Depends(get_app_settings)]
) -> Health | JSONResponse:
    """Open without an API key, for load balancers; 503 with the reason when the index is unavailable.

    "degraded": writes wait in the Elasticsearch outbox (the server is or was down); nothing is lost.
    """
    outbox = None
    try:
        backend = get_backend(request)
        pending = getattr(backend, "pending_writes", None)
        outbox = pending() if callable(pending) else None
        documents = backend.count()
    except BackendUnavailableError as exc:
        _log.error("health: search index unavailable: %s", exc)
        body = Health(
            status="degraded" if outbox else "unavailable",
            version=__version__,
            backend=settings.search_backend,
            detail=exc.reason,
            outbox=outbox,
        )
        return JSONResponse(status_code=503, content=body.model_dump(), headers=retry_after(exc.retry_after))
    status = "degraded" if outbox else "ok"
    return Health(
        status=status,
        version=__version__,
        backend=settings.search_backend,
        documents=documents,
        outbox=outbox,
    )
