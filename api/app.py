"""`create_app(settings)`: the FastAPI application, with its backend opened at start-up."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api.allow import answer_405_with_documented_methods
from api.bodylimit import BodyLimit
from api.cache_control import DefaultCacheControl
from api.deps import (
    RATE_LIMITED,
    RETRY_AFTER,
    ErrorDetail,
    rate_limited,
    refuse_unknown_key,
    require_api_key,
    require_write_key,
    retry_after,
    writes_switched_off,
)
from api.echo import validation_error
from api.head import HeadAsGet, document_head
from api.origin import refuse_cross_site_changes
from api.ratelimit import RateLimiter
from api.routes import (
    agreements,
    alerts,
    documents,
    entities,
    figures,
    health,
    ingest,
    metrics,
    search,
    similar,
    sources,
    web,
    web_alerts,
    web_aliases,
    web_session,
)
from api.routes.ingest import MAX_INGEST_BODY
from api.session import CrossSitePostError, require_page_reader
from api.store_errors import store_unavailable
from presswatch import __version__
from presswatch.config import Settings
from presswatch.database import STORE_ERRORS
from presswatch.ingestion import Ingester
from search.base import BackendUnavailableError, QueryError

_log = logging.getLogger(__name__)


def operation_id(route: APIRoute) -> str:
    """The OpenAPI operationId: the route function's name (`get_document`), which a generated client makes its
    method's name. FastAPI's default adds the path and method (`get_document_documents__doc_id__get`);
    tests/api/test_openapi_statuses.py keeps the names unique."""
    return route.name


def create_app(
    settings: Settings, *, ingester: Ingester | None = None, on_shutdown: Callable[[], None] | None = None
) -> FastAPI:
    """`ingester` does POST /ingest (`presswatch serve` passes the crawler's); without one it answers 503.
    `on_shutdown` runs when the app stops (a worker process closes its ingester)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.backend = None
        app.state.backend_lock = threading.Lock()
        # SQLite searches run one at a time on the process's one connection (its lock): more threads only
        # wait on that lock while taking turns at the GIL, so a 20 ms search among 25 took 25 times as long
        # (the p99 of /search under load). With one thread, searches queue first come, first served.
        # Elasticsearch searches wait on the network, so they keep the default pool.
        app.state.search_limiter = (
            anyio.CapacityLimiter(1)
            if settings.search_backend == "sqlite"
            else anyio.to_thread.current_default_thread_limiter()
        )
        try:
            yield
        finally:
            if getattr(app.state, "alerts", None) is not None:
                app.state.alerts.close()
            if app.state.backend is not None:
                app.state.backend.close()
            if on_shutdown is not None:
                on_shutdown()

    app = FastAPIOffline(  # FastAPI whose /docs and /redoc load their scripts from this server
        title="presswatch",
        version=__version__,
        description="Search government announcements and news: entities, figures, agreements and quotes.",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.ingester = ingester
    app.state.rate_limiter = (
        RateLimiter(per_minute=settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None
    )
    app.add_middleware(BodyLimit, by_path={"/ingest": MAX_INGEST_BODY})
    app.add_middleware(DefaultCacheControl)
    app.add_middleware(HeadAsGet)  # outermost: the GET it stands for passes every other layer
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["X-API-Key", "Content-Type"],
        )
    # The key check (and its security scheme in the OpenAPI schema) exists only when keys are configured.
    limited = [Depends(rate_limited)] if settings.rate_limit_per_minute else []
    protected = [*limited, *([Depends(require_api_key)] if settings.api_keys else [])]
    errors: dict[int | str, dict[str, Any]] = {
        503: {
            "model": ErrorDetail,
            "description": "The search index is unavailable; says why, and Retry-After says when to try again"
            " where waiting can help",
            "headers": RETRY_AFTER,
        }
    }
    if settings.api_keys:
        errors[401] = {"model": ErrorDetail, "description": "Missing or wrong API key"}
    if settings.rate_limit_per_minute:
        errors.update(RATE_LIMITED)
    app.include_router(search.router, dependencies=protected, responses=errors)
    app.include_router(documents.router, dependencies=protected, responses=errors)
    app.include_router(similar.router, dependencies=protected, responses=errors)
    app.include_router(sources.router, dependencies=protected, responses=errors)
    app.include_router(health.router)
    # Saved searches hold webhook secrets and feed tokens: a key always, whatever `api_open_reads` says.
    # Without keys, nothing stops a page elsewhere from posting to them through a visitor's browser but this.
    keyed = [*limited, Depends(require_write_key if settings.api_keys else refuse_cross_site_changes)]
    app.include_router(alerts.router, dependencies=keyed, responses=errors)
    # Routes with a credential of their own (a feed URL's token, the pages' session) still refuse a wrong key.
    own_credential = [Depends(refuse_unknown_key)]
    wrong_key: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorDetail, "description": "A wrong API key (the feed needs none)"}
    }
    feed_errors: dict[int | str, dict[str, Any]] = {
        503: errors[503],
        **(wrong_key if settings.api_keys else {}),
    }
    app.include_router(alerts.feed_router, dependencies=own_credential, responses=feed_errors)
    app.include_router(entities.router, dependencies=protected, responses=errors)
    app.include_router(figures.router, dependencies=protected, responses=errors)
    app.include_router(agreements.router, dependencies=protected, responses=errors)
    writes = [Depends(require_write_key if settings.api_keys else writes_switched_off)]
    app.include_router(ingest.router, dependencies=[*limited, *writes], responses=errors)
    app.include_router(metrics.router)
    app.include_router(web.router, dependencies=[*limited, Depends(require_page_reader)])  # key or session
    app.include_router(web_alerts.router, dependencies=[*limited, *own_credential])  # owner: the session's
    app.include_router(web_aliases.router, dependencies=[*limited, *own_credential])  # a key or a session
    app.include_router(web_session.router, dependencies=[*limited, *own_credential])
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")
    document_head(app)
    answer_405_with_documented_methods(app)

    @app.exception_handler(BackendUnavailableError)
    async def backend_unavailable(request: Request, exc: BackendUnavailableError) -> Response:
        """JSON for the API; a page of its own for the browser's pages (it showed a raw JSON body)."""
        _log.error("search index unavailable for %s: %s", request.url.path, exc)
        if web.is_page(request):
            page = web.render(request, "unavailable.html", status_code=503, why=f"The index: {exc.reason}")
            page.headers.update(retry_after(exc.retry_after))
            return page
        return JSONResponse(
            status_code=503,
            content={"detail": f"search index unavailable: {exc.reason}"},
            headers=retry_after(exc.retry_after),
        )

    for unreadable in STORE_ERRORS:
        app.add_exception_handler(unreadable, store_unavailable)

    app.add_exception_handler(RequestValidationError, validation_error)

    @app.exception_handler(CrossSitePostError)
    async def cross_site_post(request: Request, exc: CrossSitePostError) -> Response:
        """The browser's page for a form sent from another site (it showed a raw JSON body); JSON for a tool."""
        if web.wants_page(request):
            return web.render(request, "refused.html", status_code=exc.status_code)
        return await http_exception_handler(request, exc)

    @app.exception_handler(QueryError)
    async def query_cannot_run(request: Request, exc: QueryError) -> JSONResponse:
        """A query that cannot run as written (syntax, an unknown country, a bad cursor) is the client's: 400."""
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    return app
