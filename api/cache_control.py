"""Every answer but the static files says `Cache-Control: private, no-cache` unless its route says otherwise.

With API keys, an answer is for the key that asked; X-API-Key is not the Authorization header, so a shared
cache in front of the API (Varnish keeps an answer without Cache-Control for two minutes by default) would have
kept a keyed search and served it to anyone. And the index changes under every answer: `no-cache` has a
client's own cache ask again each time (a conditional GET where the route gives a validator, as
GET /documents/{id} does). The static files (scripts, styles) are the same for everyone and left as they are.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT = b"private, no-cache"
STATIC = "/static/"


class DefaultCacheControl:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope["path"]).startswith(STATIC):
            await self.app(scope, receive, send)
            return

        async def with_default(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"cache-control" for name, _ in headers):
                    headers.append((b"cache-control", DEFAULT))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_default)
