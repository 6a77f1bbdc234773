"""The stores in the data directory beside the index (saved searches and their deliveries, source health) when
they cannot be read: the API's 503 saying so, with a Retry-After only where waiting helps (a lock held by a
crawl, PostgreSQL out of reach: `presswatch.database.waiting_helps`), as the index's own 503 does. A corrupt
or locked alerts store was a 500 on every /alerts route, as if the server had a bug."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from api.deps import retry_after
from api.routes import web
from presswatch.database import waiting_helps
from search.base import RETRY_AFTER_SECONDS

_log = logging.getLogger(__name__)

_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.NotSupportedError)
"""SQLite's complaints about the statement, not the file: our bug, left a 500."""


async def store_unavailable(request: Request, exc: Exception) -> Response:
    """FastAPI's handler for `presswatch.database.STORE_ERRORS`: JSON for the API, the unavailable page for
    the browser's pages; Retry-After only where waiting helps (`waiting_helps`)."""
    if isinstance(exc, _BUGS):
        raise exc
    _log.error("a store in the data directory cannot be used for %s: %s", request.url.path, exc)
    headers = retry_after(RETRY_AFTER_SECONDS if waiting_helps(exc) else None)
    reason = (
        "the alerts store cannot be read"
        if request.url.path.startswith(("/alerts", "/ui/alerts"))
        else ("a store in the data directory cannot be read")
    )
    if web.is_page(request):
        page = web.render(request, "unavailable.html", status_code=503, why=f"The server: {reason}")
        page.headers.update(headers)
        return page
    return JSONResponse(status_code=503, content={"detail": reason}, headers=headers)
