"""A loopback news site for the cluster tests: `sources` RSS feeds over `articles` short articles, some
listed by two feeds, every request logged, and articles mentioning a keyword for the alert test."""

from __future__ import annotations

import random
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from xml.sax.saxutils import escape

KEYWORD = "Zanzibar"
PLACES = ["Leeds", "Cardiff", "Belfast", "Glasgow", "Bristol", "Norwich", "Dundee", "Swansea"]
MINISTERS = ["Anna Price", "Tom Wells", "Ravi Shah", "Mary Hughes", "Owen Clarke"]
# Words for each article's own sentences: articles that share only a template would be one story (near
# duplicates), and a saved search alerts once per story.
WORDS = (
    "harbour bridge railway clinic school library river forest market village council budget tunnel "
    "factory orchard museum airport canal reservoir hospital college stadium theatre garden ferry depot "
    "signal highway quarry bakery vineyard lighthouse granary mill pier dockyard observatory laboratory "
    "nursery hostel pavilion barracks chapel courthouse archive foundry tannery brewery creamery "
    "expands repairs funds opens restores doubles upgrades replaces connects protects supports surveys "
    "modern rural coastal northern southern eastern western historic busy quiet remote crowded local "
    "farmers nurses teachers drivers welders carpenters bakers miners sailors pilots students engineers"
).split()


class ClusterSite:
    """Feeds `/feeds/s<k>.xml` (k < sources) and articles `/news/<n>`; `requests` counts each path asked.

    Feed k lists articles k·per .. (k+1)·per - 1 (per = articles / sources), and the first `shared_per_feed`
    articles of feed k - 1 as well, so `sources · shared_per_feed` articles are listed by two feeds.
    Article n mentions KEYWORD when n % every_keyword == 0.
    """

    def __init__(
        self, *, sources: int = 4, articles: int = 200, shared_per_feed: int = 5, every_keyword: int = 4
    ) -> None:
        self.sources = sources
        self.articles = articles
        self.per_feed = articles // sources
        self.shared_per_feed = shared_per_feed
        self.every_keyword = every_keyword
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def source_name(self, k: int) -> str:
        return f"ministry-{k}"

    def feed_articles(self, k: int) -> list[int]:
        own = list(range(k * self.per_feed, (k + 1) * self.per_feed))
        previous = (k - 1) % self.sources
        return own + list(range(previous * self.per_feed, previous * self.per_feed + self.shared_per_feed))

    def listed_by(self, n: int) -> set[str]:
        return {self.source_name(k) for k in range(self.sources) if n in self.feed_articles(k)}

    def article_url(self, n: int) -> str:
        return f"{self.base_url}/news/{n}"

    def with_keyword(self) -> list[int]:
        return [n for n in range(self.articles) if n % self.every_keyword == 0]

    def sources_toml(self, *, every: str = "6h") -> str:
        return "".join(
            f'[[source]]\nname = "{self.source_name(k)}"\ntype = "feed"\n'
            f'url = "{self.base_url}/feeds/s{k}.xml"\nkind = "press_release"\nevery = "{every}"\n\n'
            for k in range(self.sources)
        )

    def _published(self, n: int) -> datetime:
        return datetime(2026, 11, 1, 9, 0, tzinfo=UTC) + timedelta(hours=n)

    def _title(self, n: int) -> str:
        return f"Minister opens the {PLACES[n % len(PLACES)]} training centre, number {n}"

    def article_html(self, n: int) -> bytes:
        place = PLACES[n % len(PLACES)]
        minister = MINISTERS[n % len(MINISTERS)]
        extra = f"<p>It will also train engineers for {KEYWORD}.</p>" if n % self.every_keyword == 0 else ""
        words = random.Random(n).choices(WORDS, k=150)
        own = ". ".join(" ".join(words[i : i + 15]).capitalize() for i in range(0, 150, 15))
        body = (
            f"<p>{minister} today opened a new centre in {place}, investing £{n + 2}m.</p><p>{own}.</p>"
            + extra
        )
        return (
            f"<!doctype html><html lang='en'><head><title>{self._title(n)}</title>"
            f"<meta property='og:title' content='{self._title(n)}'>"
            f"<meta name='article:published_time' content='{self._published(n).isoformat()}'></head>"
            f"<body><article><h1>{self._title(n)}</h1>"
            f"<time datetime='{self._published(n).isoformat()}'>{self._published(n):%d %B %Y}</time>"
            f"{body}</article></body></html>"
        ).encode()

    def feed_xml(self, k: int) -> bytes:
        items = "".join(
            f"<item><title>{escape(self._title(n))}</title><link>{self.article_url(n)}</link>"
            f"<guid>{self.article_url(n)}</guid>"
            f"<pubDate>{self._published(n):%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
            for n in self.feed_articles(k)
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry {k}</title>'
            f"<link>{self.base_url}/</link><description>News</description>{items}</channel></rss>"
        ).encode()

    def _reply(self, path: str) -> tuple[int, str, bytes]:
        if path.startswith("/feeds/s") and path.endswith(".xml"):
            k = int(path[len("/feeds/s") : -len(".xml")])
            if 0 <= k < self.sources:
                return 200, "application/rss+xml", self.feed_xml(k)
        if path.startswith("/news/") and path[len("/news/") :].isdigit():
            n = int(path[len("/news/") :])
            if 0 <= n < self.articles:
                return 200, "text/html; charset=utf-8", self.article_html(n)
        return 404, "text/plain", b"not found"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.requests[self.path] += 1
                status, content_type, body = site._reply(self.path)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: `requests` is the access log."""

        return Handler

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
