"""Request bodies are bounded before they are read: a client cannot make the API hold an endless body.

FastAPI reads a JSON or form body whole before it validates it, so a field's max_length comes too late to
protect memory. This ASGI middleware refuses a body over its path's limit with 413: at once when
Content-Length says so, else as soon as the streamed (chunked) body passes the limit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import ErrorDetail

DEFAULT_MAX_BODY = 256 * 1024
"""Alert specs and the page's forms are a few hundred bytes."""


def too_large(limit: int = DEFAULT_MAX_BODY) -> dict[int | str, dict[str, Any]]:
    """The 413 of an operation that takes a body, for its OpenAPI `responses` (the middleware answers it
    before the route runs, so FastAPI cannot see it)."""
    return {
        413: {
            "model": ErrorDetail,
            "description": f"The request body is over {limit:,} bytes",
        }
    }


class BodyTooLargeError(HTTPException):
    """Raised from `receive`: FastAPI lets an HTTPException through its body parsing, so it is a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"the request body is over {limit} bytes")


class BodyLimit:
    def __init__(self, app: ASGIApp, *, default: int = DEFAULT_MAX_BODY, by_path: Mapping[str, int]) -> None:
        self.app = app
        self.default = default
        self.by_path = dict(by_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.by_path.get(scope["path"], self.default)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError:
            if started:  # an answer is under way (a streaming route): nothing better than to stop
                raise
            await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"the request body is over {limit} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
