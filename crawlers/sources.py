"""sources.toml → the sources to crawl. Adding a feed is a few lines of TOML, no code."""

from __future__ import annotations

import contextlib
import re
import tomllib
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator, model_validator

from crawlers.selectors import SelectorError, check_selector
from crawlers.trust import normalise_host, registrable_domain
from presswatch.document import DocumentKind
from presswatch.durations import Duration, parse_duration

_DOMAIN = r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$|^[0-9a-f:.]+$"


class SourceError(ValueError):
    """sources.toml is missing or wrong; the message names the file and the entry."""


class Source(BaseModel):
    """One place to watch.

    ```toml
    [[source]]
    name = "home-office"            # shown in results and usable as a filter
    type = "feed"                   # RSS, Atom or JSON Feed; "sitemap" (a sitemap or sitemap index);
                                    # "listing" (a newsroom's paged list of links); "govuk" (GOV.UK's APIs)
    url = "https://www.gov.uk/government/organisations/home-office.atom"
    kind = "press_release"          # used where the page does not say what it is
    allowed_domains = ["gov.uk"]    # optional: where its links may go (default: the feed's own domain)
    ```

    A sitemap source may also say `since` (a date, or an age such as "7d"), `include` and `exclude`
    (regular expressions matched against article URLs).

    A listing source says `links` (a CSS or XPath selector for the article links of a page), and may say
    `next_page` (a selector for the next page's link) and `max_pages`. A selector that starts with `/`, `./`
    or `(` is XPath; anything else is CSS. A govuk source's `url` is the site (https://www.gov.uk) and it may
    say `organisations` (slugs, e.g. "home-office") and `document_types` (default: news and communications).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    type: Literal["feed", "sitemap", "listing", "govuk"] = "feed"
    url: HttpUrl
    kind: DocumentKind = "news"
    max_items: int = Field(
        default=200, ge=1, description="Articles taken from the feed at most, newest first."
    )
    allowed_domains: tuple[str, ...] | None = Field(
        default=None,
        min_length=1,
        description="Domains (and their subdomains) the feed's links may point at; "
        "by default the registrable domain of `url` (www.gov.uk for a GOV.UK feed, bbc.co.uk for the BBC).",
    )
    since: date | str | None = Field(
        default=None,
        description="Sitemaps: articles dated before this are skipped; a date (2026-01-31, a TOML date or "
        "date-time) or an age before each crawl ('30m', '36h', '7d', '2w', as `every` reads them). Undated sitemap entries are skipped too.",
    )
    every: Duration | None = Field(
        default=None,
        description="How often `presswatch watch` crawls it: '30s', '15m', '6h', '1d' "
        "(default: PRESSWATCH_WATCH_EVERY).",
    )
    include: tuple[str, ...] = Field(
        default=(), description="Sitemaps: only article URLs matching one of these regular expressions."
    )
    exclude: tuple[str, ...] = Field(
        default=(), description="Sitemaps: no article URL matching any of these regular expressions."
    )

    links: str | None = Field(
        default=None, description="Listings: a CSS or XPath selector for the article links of a page."
    )
    next_page: str | None = Field(
        default=None, description="Listings: a CSS or XPath selector for the link to the next (older) page."
    )
    max_pages: int = Field(default=5, ge=1, le=100, description="Listings: pages read at most per crawl.")
    organisations: tuple[str, ...] = Field(
        default=(), description="GOV.UK: only items of these organisations (slugs, as in their URLs)."
    )
    document_types: tuple[str, ...] = Field(
        default=(), description="GOV.UK: only these document types (default: news and communications)."
    )
    download_delay: float | None = Field(
        default=None,
        ge=0,
        le=3600,
        description="Seconds between two requests to this source's host at least (default "
        "PRESSWATCH_CRAWL_DOWNLOAD_DELAY); AutoThrottle may wait longer, never less.",
    )
    concurrency: int | None = Field(
        default=None,
        ge=1,
        le=64,
        description="Requests in flight to this source's host at most (default PRESSWATCH_CRAWL_CONCURRENCY_PER_DOMAIN).",
    )

    @field_validator("links", "next_page")
    @classmethod
    def _valid_selectors(cls, selector: str | None) -> str | None:
        if selector is not None:
            try:
                check_selector(selector)
            except SelectorError as exc:
                raise ValueError(str(exc)) from None
        return selector

    @field_validator("since")
    @classmethod
    def _readable_since(cls, since: date | str | None) -> date | str | None:
        if isinstance(since, str):
            text = since.strip().lower()
            with contextlib.suppress(ValueError):
                parse_duration(text)  # an age, read as `every` is (presswatch.durations)
                return text
            try:
                return datetime.fromisoformat(text) if "t" in text else date.fromisoformat(text)
            except ValueError:
                raise ValueError(
                    f"{since!r} is neither a date (2026-01-31) nor an age ('30m', '36h', '7d', '2w')"
                ) from None
        return since

    @field_validator("include", "exclude")
    @classmethod
    def _valid_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
        return patterns

    @model_validator(mode="after")
    def _options_of_their_own_kind(self) -> Self:
        own = {
            "sitemap": ("since", "include", "exclude"),
            "listing": ("links", "next_page"),
            "govuk": ("organisations", "document_types"),
        }
        for kind, options in own.items():
            given = [n for n in options if getattr(self, n)]
            if given and self.type != kind:
                raise ValueError(f'{", ".join(given)} only apply to type = "{kind}" sources')
        if self.type == "listing" and not self.links:
            raise ValueError('a type = "listing" source needs `links`, a selector for its article links')
        return self

    def cutoff(self, *, now: datetime | None = None) -> datetime | None:
        """The oldest date wanted in this crawl, time-zone aware (a bare date or time is taken as UTC)."""
        if self.since is None:
            return None
        if isinstance(self.since, str):
            return (now or datetime.now(UTC)) - parse_duration(self.since)  # checked by the validator
        if isinstance(self.since, datetime):
            return self.since if self.since.tzinfo else self.since.replace(tzinfo=UTC)
        return datetime.combine(self.since, time(), tzinfo=UTC)

    @field_validator("allowed_domains")
    @classmethod
    def _plain_domains(cls, domains: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if domains is None:
            return None
        cleaned = tuple(normalise_host(d).lstrip(".") for d in domains)
        for domain in cleaned:
            if not re.match(_DOMAIN, domain):
                raise ValueError(f"{domain!r} is not a domain name (write 'example.org', no scheme or path)")
        return cleaned

    def link_domains(self) -> tuple[str, ...]:
        """Where links from this source may go: `allowed_domains`, or the feed's own registrable domain."""
        return self.allowed_domains or (registrable_domain(self.url.host or ""),)


def load_sources(path: Path) -> list[Source]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: no such sources file (set PRESSWATCH_SOURCES_FILE)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: not valid TOML: {exc}") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{path}: no [[source]] entries")
    sources: list[Source] = []
    for number, entry in enumerate(entries, start=1):
        try:
            sources.append(Source.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise SourceError(f"{path}: source #{number} ({where}): {first['msg']}") from None
    names = [s.name for s in sources]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise SourceError(f"{path}: source names must be unique; repeated: {', '.join(duplicated)}")
    return sources
