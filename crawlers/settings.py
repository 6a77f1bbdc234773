"""Scrapy settings derived from presswatch's `Settings`: polite (robots.txt, `crawlers.politeness`) and bounded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crawlers.guard import ALLOW_PRIVATE_NETWORKS
from crawlers.pipelines import SETTINGS_KEY, WORKER_KEY
from crawlers.politeness import politeness_settings
from crawlers.retry import RETRY_BACKOFF
from crawlers.sources import Source
from crawlers.worker_client import IndexSink
from presswatch.config import Settings


def scrapy_settings(
    settings: Settings, *, worker: IndexSink | None, sources: Sequence[Source] = ()
) -> dict[str, Any]:
    """`worker` is the run's index worker (None for `check-source`, which indexes nothing); `sources` are
    the run's, whose own politeness (delay, concurrency) applies to their hosts."""
    return {
        "BOT_NAME": "presswatch",
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": True,
        **politeness_settings(settings, sources=sources),
        "DOWNLOAD_TIMEOUT": settings.download_timeout,
        "DOWNLOAD_MAXSIZE": settings.max_page_bytes,
        "DOWNLOAD_WARNSIZE": settings.max_page_bytes // 2,
        "RETRY_TIMES": 2,
        RETRY_BACKOFF: settings.crawl_retry_backoff,
        # 429 and 5xx are retried after the server's Retry-After, or a doubling backoff (crawlers/retry.py).
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "COOKIES_ENABLED": False,
        # The trust boundary (crawlers/guard.py): http and https only, links checked on every request and
        # redirect, addresses checked after DNS. The DNS cache is what makes the connection use the
        # address that was checked.
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "s3": None, "ftp": None},
        "DOWNLOADER_MIDDLEWARES": {
            "crawlers.guard.LinkGuardMiddleware": 40,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawlers.retry.RetryAfterMiddleware": 550,
            # after the retries: a robots.txt still unreachable (5xx, failing) disallows its site (RFC 9309)
            "crawlers.robots_unreachable.UnreachableRobotsMiddleware": 540,
        },
        "TWISTED_DNS_RESOLVER": "crawlers.guard.GuardedResolver",
        "DNSCACHE_ENABLED": True,
        ALLOW_PRIVATE_NETWORKS: settings.crawl_allow_private_networks,
        # No console into the running crawl: neither Scrapy's telnet console nor its remote-control web
        # service (an HTTP server that runs Python code sent to it; its token sits in a file in $HOME).
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_INSTALL_ROOT_HANDLER": True,  # the crawl logs to stderr (a setting: the parameter is deprecated)
        "ITEM_PIPELINES": {"crawlers.pipelines.IndexPipeline": 300},
        SETTINGS_KEY: settings,
        WORKER_KEY: worker,
    }
