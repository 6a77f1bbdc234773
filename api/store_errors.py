"""The stores in the data directory beside the index (saved searches and their deliveries, source health) when
they cannot be read: the API's 503 saying so, with a Retry-After only where waiting helps (a lock held by a
crawl, PostgreSQL out of reach), as the index's own 503 does. A corrupt or locked alerts store was a 500 on
every /alerts route, as if the server had a bug."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from api.deps import retry_after
from api.routes import web
from presswatch.database import DatabaseError
from search.base import RETRY_AFTER_SECONDS

_log = logging.getLogger(__name__)

UNREADABLE = (sqlite3.OperationalError, sqlite3.DatabaseError, DatabaseError)
"""What a store raises when it cannot be used (SQLite's 'file is not a database' is the base class)."""

_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.NotSupportedError)
"""SQLite's complaints about the statement, not the file: our bug, left a 500."""


def waiting_helps(exc: Exception) -> bool:
    """PostgreSQL out of reach, or SQLite's store locked by a crawl's write: the same request may succeed
    later. A corrupt store will not."""
    return isinstance(exc, DatabaseError) or any(word in str(exc).lower() for word in ("locked", "busy"))


async def store_unavailable(request: Request, exc: Exception) -> Response:
    """FastAPI's handler for `UNREADABLE`: JSON for the API, the unavailable page for the browser's pages."""
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
