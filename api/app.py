"""`create_app(settings)`: the FastAPI application, with its backend opened at start-up."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

from api.deps import ErrorDetail, require_api_key
from api.routes import alerts, documents, health, search, similar, sources
from presswatch import __version__
from presswatch.config import Settings
from search.base import BackendUnavailableError

_log = logging.getLogger(__name__)


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.backend = None
        app.state.backend_lock = threading.Lock()
        try:
            yield
        finally:
            if getattr(app.state, "alerts", None) is not None:
                app.state.alerts.close()
            if app.state.backend is not None:
                app.state.backend.close()

    app = FastAPI(
        title="presswatch",
        version=__version__,
        description="Search government announcements and news: entities, figures, agreements and quotes.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    # The key check (and its security scheme in the OpenAPI schema) exists only when keys are configured.
    protected = [Depends(require_api_key)] if settings.api_keys else []
    errors: dict[int | str, dict[str, Any]] = {
        503: {"model": ErrorDetail, "description": "The search index is unavailable; says why"}
    }
    if settings.api_keys:
        errors[401] = {"model": ErrorDetail, "description": "Missing or wrong API key"}
    app.include_router(search.router, dependencies=protected, responses=errors)
    app.include_router(documents.router, dependencies=protected, responses=errors)
    app.include_router(similar.router, dependencies=protected, responses=errors)
    app.include_router(sources.router, dependencies=protected, responses=errors)
    app.include_router(health.router)
    app.include_router(alerts.router, dependencies=protected, responses=errors)
    app.include_router(alerts.feed_router)  # a feed reader sends the feed URL's token, not an API key

    @app.exception_handler(BackendUnavailableError)
    async def backend_unavailable(request: Request, exc: BackendUnavailableError) -> JSONResponse:
        _log.error("search index unavailable for %s: %s", request.url.path, exc)
        return JSONResponse(status_code=503, content={"detail": f"search index unavailable: {exc.reason}"})

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse(url="/docs")

    return app
