"""How hard the crawl may press each site: AutoThrottle, requests in flight and the delay between them.

The defaults are the ones presswatch always had (AutoThrottle on, 4 requests in flight per site, no fixed
delay); `PRESSWATCH_CRAWL_*` settings change them for every site, and a source in sources.toml may ask for
a longer `download_delay` or a lower `concurrency` on its own host. Scrapy keeps one download slot per host
name, so a source's limits apply to its URL's host and to its allowed domains (with and without `www.`);
two sources on one host get the stricter of their limits.

Scrapy's AutoThrottle lowers a slot's delay towards the site's latency with no floor but the global
DOWNLOAD_DELAY, which would undo a source's `download_delay` after its first response: `FlooredAutoThrottle`
keeps each slot at or above the delay its source asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scrapy.core.downloader import Slot
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response

from crawlers.sources import Source
from presswatch.config import Settings

_AUTOTHROTTLE = "scrapy.extensions.throttle.AutoThrottle"


def politeness_settings(settings: Settings, *, sources: Iterable[Source] = ()) -> dict[str, Any]:
    """Scrapy settings for the politeness `settings` and `sources` ask for."""
    return {
        "AUTOTHROTTLE_ENABLED": settings.crawl_autothrottle,
        "AUTOTHROTTLE_START_DELAY": settings.crawl_start_delay,
        "AUTOTHROTTLE_MAX_DELAY": settings.crawl_max_delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": settings.crawl_target_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.crawl_concurrency_per_domain,
        "DOWNLOAD_DELAY": settings.crawl_download_delay,
        "DOWNLOAD_SLOTS": download_slots(settings, sources),
        "EXTENSIONS": {_AUTOTHROTTLE: None, "crawlers.politeness.FlooredAutoThrottle": 0},
    }


def download_slots(settings: Settings, sources: Iterable[Source]) -> dict[str, dict[str, Any]]:
    """Scrapy's DOWNLOAD_SLOTS for the sources that set their own delay or concurrency, by host name."""
    slots: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source.download_delay is None and source.concurrency is None:
            continue
        delay = settings.crawl_download_delay if source.download_delay is None else source.download_delay
        concurrency = source.concurrency or settings.crawl_concurrency_per_domain
        for host in _hosts(source):
            slot = slots.setdefault(host, {"delay": delay, "concurrency": concurrency})
            slot["delay"] = max(slot["delay"], delay)
            slot["concurrency"] = min(slot["concurrency"], concurrency)
    return slots


def _hosts(source: Source) -> list[str]:
    hosts = [source.url.host or ""]
    for domain in source.link_domains():
        hosts += [domain, domain[4:] if domain.startswith("www.") else f"www.{domain}"]
    return [h for h in dict.fromkeys(hosts) if h]


class FlooredAutoThrottle(AutoThrottle):
    """AutoThrottle that never takes a slot below the delay its DOWNLOAD_SLOTS entry asks for."""

    def _adjust_delay(self, slot: Slot, latency: float, response: Response) -> None:
        super()._adjust_delay(slot, latency, response)
        downloader = self.crawler.engine.downloader if self.crawler.engine is not None else None
        if downloader is None:
            return
        for key, candidate in downloader.slots.items():
            if candidate is slot:
                floor = float(downloader.per_slot_settings.get(key, {}).get("delay", 0.0))
                slot.delay = max(slot.delay, floor)
                return
