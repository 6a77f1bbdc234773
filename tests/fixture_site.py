"""The test fixture site: the demo newsroom plus test-only behaviour (extra routes for broken, slow, huge
or non-HTML pages, a delay on article pages, conditional GET, and a log of what was requested and answered)."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from presswatch.demo.server import NewsroomServer, Reply

Route = Callable[[], Reply]
PathRoute = Callable[[str], Reply]

__all__ = ["Answer", "FixtureSite", "PathRoute", "Reply", "Route"]


@dataclass(frozen=True)
class Answer:
    """One request as the server saw it: its path, the status it got, when (time.monotonic()), its headers."""

    path: str
    status: int
    at: float
    headers: Mapping[str, str]


class FixtureSite(NewsroomServer):
    """The newsroom on loopback; `extra_routes` answer first (then `prefix_routes`, given the whole path and
    query, for paths that start with their prefix), article pages wait `article_delay` seconds.

    Every 200 answer carries an ETag (a hash of its body) and a Last-Modified (the server's start) unless
    the route set its own; a request whose If-None-Match or If-Modified-Since still holds gets a 304, as from
    a real web server, when `conditional` is on.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        articles_dir: Path | None = None,
        extra_routes: Mapping[str, Route] | None = None,
        article_delay: float = 0.0,
        conditional: bool = True,
    ) -> None:
        super().__init__(port=port, articles_dir=articles_dir)
        self.extra_routes = dict(extra_routes or {})
        self.prefix_routes: dict[str, PathRoute] = {}
        self.article_delay = article_delay
        self.conditional = conditional
        self.started = format_datetime(parsedate_to_datetime("Sun, 01 Nov 2026 00:00:00 GMT"), usegmt=True)
        self.requests: list[str] = []
        self.answers: list[Answer] = []
        self._log_lock = threading.Lock()

    def reply(self, path: str) -> Reply:
        route = path.split("?", 1)[0]
        if route in self.extra_routes:
            return self.extra_routes[route]()
        for prefix, answer in self.prefix_routes.items():
            if route.startswith(prefix):
                return answer(path)
        if self.article_delay and any(route == a.path for a in self.articles):
            time.sleep(self.article_delay)  # lets tests interrupt a crawl half-way
        return super().reply(path)

    def answer(self, path: str, headers: Mapping[str, str]) -> Reply:
        """The reply to a GET with these request headers (conditional GET applied)."""
        with self._log_lock:
            self.requests.append(path)
        reply = self.reply(path)
        if reply.status == 200 and self.conditional:
            validators = {
                "ETag": f'"{hashlib.sha256(reply.body).hexdigest()[:16]}"',
                "Last-Modified": self.started,
            }
            reply = replace(reply, headers={**validators, **reply.headers})
            if _still_valid(
                headers, etag=reply.headers["ETag"], last_modified=reply.headers["Last-Modified"]
            ):
                reply = Reply(b"", reply.content_type, 304, {"ETag": reply.headers["ETag"]})
        with self._log_lock:
            self.answers.append(
                Answer(path=path, status=reply.status, at=time.monotonic(), headers=dict(headers))
            )
        return reply

    def answered(self, path: str) -> list[int]:
        """The statuses `path` was answered with, in order."""
        return [a.status for a in self.answers if a.path == path]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                reply = server.answer(self.path, dict(self.headers.items()))
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: fine
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the crawler's log already says what was fetched."""

        return Handler


def _still_valid(headers: Mapping[str, str], *, etag: str, last_modified: str) -> bool:
    lowered = {k.lower(): v for k, v in headers.items()}
    if "if-none-match" in lowered:
        return etag in [tag.strip() for tag in lowered["if-none-match"].split(",")]
    if "if-modified-since" in lowered:
        with contextlib.suppress(TypeError, ValueError):
            return parsedate_to_datetime(lowered["if-modified-since"]) >= parsedate_to_datetime(last_modified)
    return False
