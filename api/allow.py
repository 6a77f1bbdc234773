"""A 405 names the methods its path documents, not only those of the first route that matched it.

Starlette answers a wrong method from the first route whose path matches, so a path served by two routes
(`GET /alerts` and `POST /alerts`) would claim to allow only one of them. The OpenAPI description is what
clients read, so the Allow header is taken from it: the path template that matches with the fewest
parameters (`/alerts/dead-letters` before `/alerts/{search_id}`). The table of templates is built once per
app, at its first 405 (every route is in place by then). The pages, which the description leaves out, name
their routes' methods, the static files GET and HEAD. HEAD is named wherever GET is (`api.head` answers it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute, Match, Mount
from starlette.staticfiles import StaticFiles

_HTTP_METHODS = ("get", "head", "post", "put", "patch", "delete", "options", "trace")


class PathTable:
    """The documented paths as (pattern, methods), most specific (fewest parameters) first."""

    def __init__(self, paths: Mapping[str, Mapping[str, object]]) -> None:
        self._rows = sorted(
            (
                (template.count("{"), _pattern(template), [m.upper() for m in _HTTP_METHODS if m in item])
                for template, item in paths.items()
            ),
            key=lambda row: row[0],
        )

    def methods(self, path: str) -> list[str] | None:
        """The methods of the most specific template matching `path`; None if none does."""
        return next((methods for _, pattern, methods in self._rows if pattern.fullmatch(path)), None)


def answer_405_with_documented_methods(app: FastAPI) -> None:
    """Install the handler that sets the Allow header of 405 answers from the OpenAPI description."""
    tables: list[PathTable] = []  # built at the first 405, then kept

    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            if not tables:
                tables.append(PathTable(app.openapi().get("paths", {})))
            methods = tables[0].methods(request.url.path)
            if methods is None:  # a page, not in the description: its routes' methods
                methods = _page_methods(app, request.url.path)
            if "GET" in methods and "HEAD" not in methods:  # answered wherever GET is (api.head)
                methods.insert(methods.index("GET") + 1, "HEAD")
            if methods:
                exc.headers = {**(exc.headers or {}), "Allow": ", ".join(methods)}
        return await http_exception_handler(request, exc)

    app.add_exception_handler(HTTPException, handler)


def _page_methods(app: FastAPI, path: str) -> list[str]:
    """The methods some route of `path` takes (Starlette named the first route's only: `/ui/alerts` said GET,
    though the page's form posts to it), asked of the routes themselves, in the description's order."""
    return [
        method
        for method in (m.upper() for m in _HTTP_METHODS)
        if any(_takes(route, path, method) for route in app.router.routes)
    ]


def _takes(route: BaseRoute, path: str, method: str) -> bool:
    """Whether `route` serves `method` on `path`. A mount matches every method and leaves the refusing to its
    app: the static files take GET and HEAD only (the Allow header named every method, the refused one too)."""
    if isinstance(route, Mount) and not (isinstance(route.app, StaticFiles) and method in ("GET", "HEAD")):
        return False
    return route.matches({"type": "http", "path": path, "method": method, "root_path": ""})[0] == Match.FULL


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts))
