"""robots.txt for a fetch outside a crawl (`POST /ingest` of a URL), obeyed as a crawl obeys it.

A crawl runs with ROBOTSTXT_OBEY (`crawlers.settings`) and Scrapy's default parser; this reads robots.txt with
that very parser (`scrapy.robotstxt.ProtegoRobotParser`, imported when first needed: the API process does not
import Scrapy at start-up) for the same user agent. As in a crawl (`crawlers.robots_unreachable`), RFC 9309 decides
what a robots.txt that cannot be read means: one that is unavailable (HTTP 4xx) allows everything; one that is
unreachable (HTTP 5xx, a timeout, a connection that fails) disallows everything, which `get` says by raising.
Each site's robots.txt is read once per `RobotsRules`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from scrapy.http import Request
    from scrapy.robotstxt import RobotParser

ROBOTS_TXT_MAX_REDIRECTS = 5
"""Redirects a robots.txt request follows, in a crawl (`crawlers.robots_unreachable`) and in POST /ingest
(`crawlers.fetch`) alike: RFC 9309 (2.3.1.2) asks for at least five, and lets a robots.txt behind more be read
as unavailable, which allows everything, as a 4xx does (Scrapy followed twenty, POST /ingest refused the site)."""

Get = Callable[[str], bytes | None]
"""The body at a URL, or None when there is none to obey (unavailable: every URL allowed); raises when the
site is to be left alone (unreachable)."""


def first_url(request: Request) -> str:
    """The URL a crawl's request first asked for: RedirectMiddleware's request for a redirect keeps the chain."""
    chain = request.meta.get("redirect_urls") or [request.url]
    return str(chain[0])


def is_robots_txt(request: Request) -> bool:
    """Whether a crawl's request is Scrapy's robots.txt request, or one of its redirects."""
    return (
        bool(request.meta.get("dont_obey_robotstxt")) and urlsplit(first_url(request)).path == "/robots.txt"
    )


def robots_url(url: str) -> str:
    """The robots.txt that rules `url`: its scheme, host and port, path /robots.txt."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


class RobotsRules:
    """Whether `user_agent` may fetch a URL, by its site's robots.txt, fetched with `get` on first need."""

    def __init__(self, *, get: Get, user_agent: str) -> None:
        self._get = get
        self._user_agent = user_agent
        self._parsers: dict[str, RobotParser | None] = {}

    def disallowed_by(self, url: str) -> str | None:
        """The robots.txt URL that disallows `url`, or None when it may be fetched."""
        where = robots_url(url)
        if where not in self._parsers:
            body = self._get(where)
            if body is None:
                self._parsers[where] = None
            else:
                from scrapy.robotstxt import ProtegoRobotParser  # the crawl's ROBOTSTXT_PARSER

                self._parsers[where] = ProtegoRobotParser(body, None)
        parser = self._parsers[where]
        return where if parser is not None and not parser.allowed(url, self._user_agent) else None
