"""Article body and metadata from an HTML page: trafilatura for the body, JSON-LD and meta tags first for
metadata (publishers state it there on purpose), trafilatura's own guesses last.

Shared by the spiders and by `presswatch extract --html`, so a page gives the same result either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawlers.dates import find_dates, without_xml_declaration
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


class ExtractionError(ValueError):
    """The page is not an article we can read; the message says what was missing."""


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


def parse_datetime(value: object) -> datetime | None:
    """ISO 8601 dates as publishers write them ('2026-06-12', '2026-06-12T09:30:00Z', ...); None if unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {str(kind)}


def _article_json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    for obj in _json_ld_objects(tree):
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return {}


def _name(value: object) -> str | None:
    """A JSON-LD person or organisation, or a list of them, as a display string."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
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


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str], url: str) -> str:
    for candidate in [*tree.xpath('//link[@rel="canonical"]/@href'), meta.get("og:url", "")]:
        absolute = urljoin(url, str(candidate).strip())
        if candidate and urlsplit(absolute).scheme in ("http", "https"):
            return absolute
    return url


def _kind(meta: dict[str, str], ld: dict[str, Any]) -> DocumentKind | None:
    hints = [
        meta.get("govuk:format", ""),
        meta.get("govuk:schema-name", ""),
        *(sorted(_types(ld)) if ld else []),
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
    if not html.strip():
        raise ExtractionError("empty page")
    tree = parse_html(html)
    meta = _meta(tree)
    ld = _article_json_ld(tree)
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    body = (getattr(found, "text", None) or "").strip() or str(ld.get("articleBody") or "").strip()
    if not body:
        raise ExtractionError("no article body found")
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
        raise ExtractionError("no title found")
    title = " ".join(title.split())
    body = _without_leading_title(body, title)
    dates = find_dates(tree, url=url, searched_day=getattr(found, "date", None))
    language = (
        (tree.get("lang") or meta.get("og:locale") or ld.get("inLanguage") or "").split("-")[0].split("_")[0]
    )
    return ExtractedPage(
        url=canonical_url(_canonical(tree, meta, url)),
        title=title,
        body=body,
        published=dates.published,
        modified=dates.modified,
        language=language.lower() or None,
        summary=meta.get("description")
        or meta.get("og:description")
        or getattr(found, "description", None)
        or None,
        author=_name(ld.get("author")) or meta.get("author") or getattr(found, "author", None) or None,
        kind=_kind(meta, ld),
    )
