"""A robots.txt that cannot be reached disallows its whole site, as RFC 9309 (section 2.3.1.4) says.

Scrapy's RobotsTxtMiddleware parses whatever body a robots.txt request brings back, a 503's error page too
(which has no rules, so allows everything), and allows everything when the request fails. This downloader
middleware sees robots.txt's answer after the retries (RETRY_HTTP_CODES covers 5xx): a site whose robots.txt
still answers a server error (5xx), or still fails (a timeout, a refused connection), is unreachable, and
every later request to it is refused with the reason, a fetch error of the source's (so `presswatch crawl`
exits 1 and `presswatch sources` shows why) rather than robots.txt's quiet "forbidden", and a transient one:
the crawl's listings are not remembered, so the next crawl reads them again and fetches what this one left
(else a feed on another host answered 304 and hid them for good). A 4xx is left alone:
RFC 9309 (2.3.1.3) reads an unavailable robots.txt as allowing everything. A robots.txt that redirects is
judged by where the redirects end (RFC 9309 2.3.1.2), for the site that was asked: a 503 behind a redirect
(to another path or host) disallows the site whose robots.txt redirected, not the host it was sent to; its
redirects stop at `ROBOTS_TXT_MAX_REDIRECTS` (RFC 9309 asks for five), past which Scrapy drops the request and
robots.txt is unavailable, allowing everything. They are followed "even across authorities" (2.3.1.2), off the
source's domains too (`crawlers.guard`), so one that ends at a host whose name does not resolve (a network
error) disallows the site, as POST /ingest reads it: it was refused as off the domains, which allowed all.
`crawlers.fetch` reads POST /ingest's robots.txt by the same rules.
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from crawlers import stats
from crawlers.guard import RefusedRequest
from crawlers.robots import ROBOTS_TXT_MAX_REDIRECTS, first_url, is_robots_txt
from crawlers.trust import Refusal


class UnreachableRobotsMiddleware:
    """Remembers each site whose robots.txt was unreachable, and refuses every other request to it."""

    def __init__(self, *, crawler: Crawler) -> None:
        self.crawler = crawler
        self._unreachable: dict[str, str] = {}  # netloc → why its robots.txt could not be read

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler=crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            if is_robots_txt(request):  # RedirectMiddleware counts this down on each redirect it follows
                request.meta.setdefault("redirect_ttl", ROBOTS_TXT_MAX_REDIRECTS)
            return
        why = self._unreachable.get(urlsplit(request.url).netloc)
        if why is not None:
            raise RefusedRequest(Refusal(reason=stats.FETCH_ERRORS, detail=why, transient=True))

    def process_response(self, request: Request, response: Response) -> Response:
        if is_robots_txt(request) and response.status >= 500:
            self._remember(request, f"answered HTTP {response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if is_robots_txt(request) and not isinstance(exception, IgnoreRequest):
            self._remember(request, f"{exception.__class__.__name__}: {exception}"[:300])

    def _remember(self, request: Request, why: str) -> None:
        asked = first_url(request)
        if asked != request.url:
            why = f"redirected to {request.url[:200]}: {why}"
        self._unreachable[urlsplit(asked).netloc] = (
            f"{asked[:200]} could not be read ({why}): a robots.txt that cannot be reached disallows the"
            " whole site (RFC 9309, 2.3.1.4); nothing of it is fetched until it answers"
        )
