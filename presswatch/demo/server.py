"""A real HTTP server on loopback for the demo newsroom: its articles, feed, index and robots.txt.

Tests extend it (tests/fixture_site.py) with broken, slow and huge pages; the product serves only these."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Self

from presswatch.demo.site import ROBOTS_TXT, Article, load_articles, render_article, render_feed, render_index

_RELATED = 3


@dataclass(frozen=True)
class Reply:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)


class NewsroomServer:
    """Serves the newsroom at http://127.0.0.1:PORT until closed."""

    def __init__(self, *, port: int = 0, articles_dir: Path | None = None) -> None:
        self.articles: list[Article] = load_articles(articles_dir)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def feed_url(self) -> str:
        return f"{self.base_url}/feed.atom"

    def reply(self, path: str) -> Reply:
        """The reply to a GET of `path` (query string ignored)."""
        path = path.split("?", 1)[0]
        if path == "/robots.txt":
            return Reply(ROBOTS_TXT.format(base_url=self.base_url).encode(), "text/plain; charset=utf-8")
        if path == "/feed.atom":
            return Reply(render_feed(self.articles, base_url=self.base_url).encode(), "application/atom+xml")
        if path in ("/", "/news"):
            return Reply(render_index(self.articles).encode())
        for index, article in enumerate(self.articles):
            if path == article.path:
                related = [a for a in self.articles[index + 1 :] if a.listed][:_RELATED]
                return Reply(render_article(article, base_url=self.base_url, related=related).encode())
        return Reply(b"<html><body><h1>Page not found</h1></body></html>", status=404)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                reply = server.reply(self.path)
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

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="newsroom", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:  # shutdown() waits for serve_forever(), so only call it once started
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
