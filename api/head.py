"""HEAD is answered wherever GET is, as RFC 9110 (9.1) asks of every general-purpose server: the GET's status
and headers (Content-Length, ETag, Cache-Control...), without the content.

FastAPI routes a GET operation for GET only, so HEAD was a 405 everywhere: an uptime monitor's HEAD /health,
a link checker's HEAD on a document, a client library checking that a document exists, all read as failures.
The request runs as the GET it stands for (the same key check, rate limit and store reads); its body is
dropped here, and a streamed one (an export) is stopped at its first part, once the headers are out: it ran
to its end, every page of the search read for nothing. The OpenAPI description lists each HEAD beside its GET
(`document_head`), so a 405's Allow header (`api.allow`) names it too.
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _HeadersSentError(Exception):
    """Raised into a streamed GET's `send` on HEAD: its headers are out, so the rest is not made."""


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def without_content(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.start":
                await send(message)
            elif message["type"] == "http.response.body":
                if not finished:
                    finished = True
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                if message.get("more_body", False):
                    raise _HeadersSentError
            else:
                await send(message)

        with contextlib.suppress(_HeadersSentError):
            await self.app({**scope, "method": "GET"}, receive, without_content)


def document_head(app: FastAPI) -> None:
    """List a HEAD operation beside every GET of `app`'s OpenAPI description (operationId `<get's>_head`):
    the GET's parameters, security and statuses, with no content."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = generate()  # FastAPI builds it once and keeps it: the HEADs are added to that one
        for item in schema.get("paths", {}).values():
            if "get" in item and "head" not in item:
                item["head"] = _head_of(item["get"])
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _head_of(get: dict[str, Any]) -> dict[str, Any]:
    head: dict[str, Any] = {k: get[k] for k in ("tags", "summary", "parameters", "security") if k in get}
    head["operationId"] = f"{get['operationId']}_head"
    head["description"] = "The GET's status and headers, without its content."
    head["responses"] = {
        code: {key: value for key, value in answer.items() if key != "content"}
        for code, answer in get["responses"].items()
    }
    return head
