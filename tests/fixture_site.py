"""The test fixture site: the demo newsroom plus test-only behaviour (extra routes for broken, slow, huge
or non-HTML pages, a delay on article pages, and a log of the paths requested)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path

from presswatch.demo.server import NewsroomServer, Reply

Route = Callable[[], Reply]

__all__ = ["FixtureSite", "Reply", "Route"]


class FixtureSite(NewsroomServer):
    """The newsroom on loopback; `extra_routes` answer first, article pages wait `article_delay` seconds."""

    def __init__(
        self,
        *,
        port: int = 0,
        articles_dir: Path | None = None,
        extra_routes: Mapping[str, Route] | None = None,
        article_delay: float = 0.0,
    ) -> None:
        super().__init__(port=port, articles_dir=articles_dir)
        self.extra_routes = dict(extra_routes or {})
        self.article_delay = article_delay
        self.requests: list[str] = []

    def reply(self, path: str) -> Reply:
        self.requests.append(path)
        route = path.split("?", 1)[0]
        if route in self.extra_routes:
            return self.extra_routes[route]()
        if self.article_delay and any(route == a.path for a in self.articles):
            time.sleep(self.article_delay)  # lets tests interrupt a crawl half-way
        return super().reply(path)
