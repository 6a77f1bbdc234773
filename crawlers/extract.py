"""Article body and metadata from an HTML page: trafilatura for the body, JSON-LD and meta tags first for
metadata (publishers state it there on purpose), trafilatura's own guesses last.

Shared by the spiders and by `presswatch extract --html`, so a page gives the same result either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawlers.dates import find_dates, without_xml_declaration
from crawlers.feeds import feed_kind
from crawlers.jsonld import json_ld_objects, types_of
from crawlers.trust import same_site
from presswatch.document import Document, DocumentKind, canonical_url

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "Report",
        "SpeechObject",
    }
)
# Publisher page types (JSON-LD @type, GOV.UK's govuk:format / govuk:schema-name) mapped to our kinds.
KIND_HINTS: dict[str, DocumentKind] = {
    "press_release": "press_release",
    "pressrelease": "press_release",
    "news_story": "news",
    "news_article": "news",
    "newsarticle": "news",
    "reportagenewsarticle": "news",
    "speech": "speech",
    "authored_article": "speech",
    "statement": "statement",
    "written_statement": "statement",
    "oral_statement": "statement",
    "government_response": "statement",
}


_MAX_LD_DEPTH = 8
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# Characters no HTML parser keeps (and lxml refuses): NUL and the C0 controls other than tab and newlines.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ExtractionError(ValueError):
    """The page is not an article we can read; the message says what was missing."""


class NoBodyError(ExtractionError):
    """The page is empty or no article body was found in it (counted in a source's extraction health)."""


class NoTitleError(ExtractionError):
    """No title was found in the page (counted in a source's extraction health)."""


class FeedNotArticleError(ExtractionError):
    """The page is a feed (Atom, RSS, JSON Feed): a list of articles, not one. trafilatura would read its
    entries' text as one body and the feed's title as its title, so it is refused instead."""


@dataclass(frozen=True, kw_only=True)
class ExtractedPage:
    url: str
    title: str
    body: str
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    summary: str | None = None
    author: str | None = None
    kind: DocumentKind | None = None
    canonical_rejected: str | None = None
    """Why the page's rel=canonical / og:url was not believed (the fetched URL was kept), if it was not."""

    def to_document(
        self,
        *,
        source: str,
        default_kind: DocumentKind,
        published: datetime | None = None,
        summary: str | None = None,
    ) -> Document:
        """The `Document` for this page; `published` and `summary` (say, from a feed) fill what the page lacks."""
        return Document.from_page(
            url=self.url,
            source=source,
            kind=self.kind or default_kind,
            title=self.title,
            body=self.body,
            published=self.published or published,
            modified=self.modified,
            language=self.language,
            summary=self.summary or summary,
            author=self.author,
        )


def _article_json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    for obj in json_ld_objects(tree):
        if types_of(obj) & ARTICLE_TYPES:
            return obj
    return {}


def _name(value: object, *, depth: int = 0) -> str | None:
    """A JSON-LD person or organisation, or a list of them, as a display string."""
    if depth > _MAX_LD_DEPTH:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"), depth=depth + 1)
    if isinstance(value, list):
        names = [n for n in (_name(v, depth=depth + 1) for v in value) if n]
        return ", ".join(names) or None
    return None


def _language(*candidates: object, depth: int = 0) -> str | None:
    """The first ISO 639 code among `lang`, `og:locale` and JSON-LD `inLanguage` ('en-GB', 'en_GB', a
    schema.org Language object or a list of either)."""
    for value in candidates:
        if isinstance(value, dict) and depth < _MAX_LD_DEPTH:
            value = _language(value.get("alternateName"), value.get("name"), depth=depth + 1)
        elif isinstance(value, list) and depth < _MAX_LD_DEPTH:
            value = _language(*value, depth=depth + 1)
        if isinstance(value, str):
            code = value.strip().replace("_", "-").split("-")[0].lower()
            if _LANGUAGE_CODE.fullmatch(code):
                return code
    return None


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (
            (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        )
        if key and key not in meta:
            meta[key] = element.get("content", "").strip()
    return meta


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str], url: str) -> tuple[str, str | None]:
    """The page's own canonical URL, believed only on the fetched page's registrable domain (a page on one
    site must not take over another site's document); else `url`, with the reason the claim was not believed.
    A page read from a file or stdin has no site of its own, so its canonical URL is the best name it has.
    """
    rejected: str | None = None
    fetched_from_web = urlsplit(url).scheme in ("http", "https")  # not a saved file: a site to protect
    for candidate in [*tree.xpath('//link[@rel="canonical"]/@href'), meta.get("og:url", "")]:
        text = str(candidate).strip()
        if not text:
            continue
        try:
            absolute = urljoin(url, text)
        except ValueError:
            rejected = rejected or f"canonical URL {text[:200]!r} is not a URL"
            continue
        if urlsplit(absolute).scheme not in ("http", "https"):
            continue
        if fetched_from_web and not same_site(absolute, url):
            rejected = rejected or f"canonical URL {absolute[:200]} is on another site than the page"
            continue
        try:
            canonical_url(absolute)
        except ValueError as exc:
            rejected = rejected or f"canonical URL {absolute[:200]!r} is unusable: {exc}"
            continue
        return absolute, None
    return url, rejected


def _kind(meta: dict[str, str], ld: dict[str, Any]) -> DocumentKind | None:
    hints = [
        meta.get("govuk:format", ""),
        meta.get("govuk:schema-name", ""),
        *(sorted(types_of(ld)) if ld else []),
    ]
    for hint in hints:
        kind = KIND_HINTS.get(hint.lower())
        if kind:
            return kind
    return None


def _without_leading_title(body: str, title: str) -> str:
    """trafilatura keeps the page's <h1>; the title is already a field, so a first line repeating it goes."""
    lines = body.splitlines()
    for index, line in enumerate(lines[:3]):
        if " ".join(line.split()) == title:
            return "\n".join(lines[:index] + lines[index + 1 :]).strip() or body
    return body


def parse_html(html: str) -> lxml.html.HtmlElement:
    try:
        tree = lxml.html.fromstring(without_xml_declaration(html))
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"not an HTML page: {exc}") from exc
    if tree is None or not len(tree):
        raise ExtractionError("not an HTML page: no elements")
    return tree


def decode_html(raw: bytes, *, content_type: str | None = None) -> str:
    """Bytes to text the way browsers (and Scrapy) do: BOM, then Content-Type, then <meta charset>, then a guess."""
    return str(html_to_unicode(content_type, raw)[1])


def extract_page(html: str | bytes, *, url: str) -> ExtractedPage:
    """Title, body, date, language, summary, author and kind of the article at `url`."""
    if isinstance(html, bytes):
        html = decode_html(html)
    html = _CONTROL_CHARACTERS.sub("", html)
    if not html.strip():
        raise NoBodyError("empty page")
    feed = feed_kind(html)
    if feed is not None:
        raise FeedNotArticleError(
            f'{url[:200]} is {feed}, not an article: crawl it as a source (type = "feed" in sources.toml),'
            " or ingest the pages its entries link to"
        )
    tree = parse_html(html)
    meta = _meta(tree)
    ld = _article_json_ld(tree)
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    ld_body = ld.get("articleBody")
    body = (getattr(found, "text", None) or "").strip() or (
        ld_body.strip() if isinstance(ld_body, str) else ""
    )
    if not body:
        raise NoBodyError("no article body found")
    page_title = tree.findtext(".//title")
    title = next(
        (
            t.strip()
            for t in (ld.get("headline"), meta.get("og:title"), getattr(found, "title", None), page_title)
            if isinstance(t, str) and t.strip()
        ),
        None,
    )
    if not title:
        raise NoTitleError("no title found")
    title = " ".join(title.split())
    body = _without_leading_title(body, title)
    dates = find_dates(tree, url=url, searched_day=getattr(found, "date", None))
    canonical, canonical_rejected = _canonical(tree, meta, url)
    try:
        page_url = canonical_url(canonical)
    except ValueError as exc:
        raise ExtractionError(f"unusable URL {canonical[:200]!r}: {exc}") from exc
    return ExtractedPage(
        url=page_url,
        canonical_rejected=canonical_rejected,
        title=title,
        body=body,
        published=dates.published,
        modified=dates.modified,
        language=_language(tree.get("lang"), meta.get("og:locale"), ld.get("inLanguage")),
        summary=meta.get("description")
        or meta.get("og:description")
        or getattr(found, "description", None)
        or None,
        author=_name(ld.get("author")) or meta.get("author") or getattr(found, "author", None) or None,
        kind=_kind(meta, ld),
    )
