"""A 405 names the methods its path documents, not only those of the first route that matched it.

Starlette answers a wrong method from the first route whose path matches, so a path served by two routes
(`GET /alerts` and `POST /alerts`) would claim to allow only one of them. The OpenAPI description is what
clients read, so the Allow header is taken from it: the path template that matches with the fewest
parameters (`/alerts/dead-letters` before `/alerts/{search_id}`). The table of templates is built once per
app, at its first 405 (every route is in place by then). HEAD is named wherever GET is (`api.head` answers it),
on the pages too, which the description leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException

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
            if methods is None:  # a page, not in the description: the methods Starlette names
                methods = [m.strip() for m in (exc.headers or {}).get("Allow", "").split(",") if m.strip()]
            if "GET" in methods and "HEAD" not in methods:  # answered wherever GET is (api.head)
                methods.insert(methods.index("GET") + 1, "HEAD")
            if methods:
                exc.headers = {**(exc.headers or {}), "Allow": ", ".join(methods)}
        return await http_exception_handler(request, exc)

    app.add_exception_handler(HTTPException, handler)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts))
