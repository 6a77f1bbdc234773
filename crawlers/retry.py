"""Retries that wait: Scrapy's retry middleware, with a pause before each retry of a 429 or 5xx answer.

The pause is the server's Retry-After (seconds or an HTTP date) when it gives one, else an exponential
backoff (`RETRY_BACKOFF` seconds, doubled per attempt). A Retry-After longer than `RETRY_AFTER_MAX` is not
waited for: the page counts as a fetch error now and is tried again on the next crawl. The pause is a timer
on the reactor, never a sleep: other downloads go on meanwhile.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import task

logger = logging.getLogger(__name__)

RETRY_BACKOFF = "PRESSWATCH_RETRY_BACKOFF"
RETRY_AFTER_MAX = "PRESSWATCH_RETRY_AFTER_MAX"


def retry_after_seconds(value: bytes | str | None, *, now: datetime | None = None) -> float | None:
    """A Retry-After header as seconds from now (never negative); None when absent or unreadable."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(*, attempt: int, base: float, cap: float) -> float:
    """base, 2·base, 4·base, ... for attempts 0, 1, 2, ..., at most `cap`."""
    return float(min(cap, base * 2**attempt))


class RetryAfterMiddleware(RetryMiddleware):
    """Replaces Scrapy's RetryMiddleware (same settings: RETRY_TIMES, RETRY_HTTP_CODES) and waits first."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat(RETRY_BACKOFF, 1.0)
        self.max_wait = settings.getfloat(RETRY_AFTER_MAX, 120.0)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        attempt = int(request.meta.get("retry_times", 0))
        if attempt < int(request.meta.get("max_retry_times", self.max_retry_times)):
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None and asked > self.max_wait:
                logger.warning(
                    "not retrying %s now: the server asks to wait %.0f s (more than %.0f s)",
                    request.url,
                    asked,
                    self.max_wait,
                )
                return response
            wait = (
                asked
                if asked is not None
                else backoff_seconds(attempt=attempt, base=self.backoff, cap=self.max_wait)
            )
            if wait > 0:
                logger.info("HTTP %s for %s: retrying in %.1f s", response.status, request.url, wait)
                # The crawl's own reactor: importing it at module level would install the default one.
                from twisted.internet import reactor

                await maybe_deferred_to_future(task.deferLater(reactor, wait, lambda: None))
        # Scrapy's own retry: a new request, or (retries used up) None, logged and counted as given up.
        return self._retry(request, response_status_message(response.status)) or response
