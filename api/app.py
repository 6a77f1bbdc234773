"""`create_app(settings)`: the FastAPI application, with its backend opened at start-up."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

from api.deps import require_api_key
from api.routes import documents, health, search
from presswatch import __version__
from presswatch.config import Settings
from search.base import BackendUnavailableError


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.backend = None
        app.state.backend_lock = threading.Lock()
        try:
            yield
        finally:
            if app.state.backend is not None:
                app.state.backend.close()

    app = FastAPI(
        title="presswatch",
        version=__version__,
        description="Search government announcements and news: entities, figures, agreements and quotes.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    protected = [Depends(require_api_key)]
    app.include_router(search.router, dependencies=protected)
    app.include_router(documents.router, dependencies=protected)
    app.include_router(health.router)

    @app.exception_handler(BackendUnavailableError)
    async def backend_unavailable(request: Request, exc: BackendUnavailableError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": f"search index unavailable: {exc}"})

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse(url="/docs")

    return app
