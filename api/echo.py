"""What an answer repeats of a request it refused: a bounded part of each value, never the whole input.

A 100,000-character `?q=` came back whole in the API's 422 (`input`) and two or three times over in the page's
400 (the search box, the page title, every link that keeps the search): 120 KB and more for a few bytes'
mistake. The API's validation errors cut each repeated value here (`validation_error`); the pages cut what
they repeat to the longest value each parameter takes (`api.routes.web.echoed`), and an error's message
cuts the value it quotes (`cut`).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

ECHO_CHARS = 200
"""The most of one value an error repeats."""
ECHO_ITEMS = 20
"""The most items of a list or an object an error repeats."""


def cut(value: str, limit: int = ECHO_CHARS) -> str:
    """`value`, or its first `limit` characters and how long it was."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}… (the first {limit:,} of {len(value):,} characters)"


def _bounded(value: Any) -> Any:
    if isinstance(value, bytes):  # a body that is not JSON (text/plain, a form) reaches validation as bytes
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        return cut(value)
    if isinstance(value, dict):
        return {cut(str(k)): _bounded(v) for k, v in list(value.items())[:ECHO_ITEMS]}
    if isinstance(value, list | tuple):
        return [_bounded(v) for v in value[:ECHO_ITEMS]]
    return value


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422, each error's `input` bounded."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {**error, "input": _bounded(error["input"])} if "input" in error else error for error in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})
