"""A 405 names every method the path supports, not only those of the first route that matched it.

Starlette answers a wrong method from the first route whose path matches, so a path served by two routes
(`GET /alerts` and `POST /alerts`) would claim to allow only one of them.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import Scope

_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """Every method some route fully matches for this request's path (routers included at any depth)."""
    allowed = []
    for method in _METHODS:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] == Match.FULL for route in app.router.routes):
            allowed.append(method)
    return allowed


def answer_405_with_every_method(app: FastAPI) -> None:
    """Install the handler that completes the Allow header of 405 answers."""

    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(allowed_methods(app, request.scope))}
        return await http_exception_handler(request, exc)

    app.add_exception_handler(HTTPException, handler)
