"""HEAD is answered wherever GET is, as RFC 9110 (9.1) asks of every general-purpose server: the GET's status
and headers (Content-Length, ETag, Cache-Control...), without the content.

FastAPI routes a GET operation for GET only, so HEAD was a 405 everywhere: an uptime monitor's HEAD /health,
a link checker's HEAD on a document, a client library checking that a document exists, all read as failures.
The request runs as the GET it stands for (the same key check, rate limit and store reads); its body is
dropped here. The OpenAPI description lists GET only, as FastAPI writes it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
            elif message["type"] == "http.response.body" and not finished:
                if not message.get("more_body", False):
                    finished = True
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
            else:
                await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_content)
