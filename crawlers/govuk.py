"""GOV.UK's Content API (`/api/content/<path>`) and search API → documents, without scraping HTML.

The Content API states what a scraper would guess: the document type, the first-published and last-updated
dates, the organisations, the people (and a speech's speaker), the body as HTML, and whether the item has
been withdrawn. Pure parsing: the spider that fetches items is separate.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html
from lxml import etree

from crawlers.dates import parse_date_text
from presswatch.document import Document, DocumentKind

GOVUK = "https://www.gov.uk"
# GOV.UK document types (content_store_document_type) → our kinds; anything else is news.
KINDS: dict[str, DocumentKind] = {
    "press_release": "press_release",
    "news_story": "news",
    "world_news_story": "news",
    "speech": "speech",
    "authored_article": "speech",
    "oral_statement": "statement",
    "written_statement": "statement",
    "government_response": "statement",
    "statement_to_parliament": "statement",
}
NEWS_AND_COMMUNICATIONS = (
    "news_story",
    "press_release",
    "speech",
    "government_response",
    "written_statement",
    "oral_statement",
    "authored_article",
    "world_news_story",
)
_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "tr",
        "div",
        "figcaption",
        "dt",
        "dd",
    }
)


_BREAK = "\u2029"  # PARAGRAPH SEPARATOR: never in GOV.UK's HTML text, so it marks our own breaks


class GovukError(ValueError):
    """Not a GOV.UK Content API item or search response we can read."""


@dataclass(frozen=True, kw_only=True)
class GovukItem:
    url: str
    title: str
    document_type: str
    body: str
    summary: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    language: str | None = None
    withdrawn: bool = False
    withdrawn_explanation: str | None = None

    @property
    def kind(self) -> DocumentKind:
        return KINDS.get(self.document_type, "news")

    def to_document(self, *, source: str) -> Document:
        return Document.from_page(
            url=self.url,
            source=source,
            kind=self.kind,
            title=self.title,
            body=self.body,
            published=self.published,
            modified=self.modified,
            language=self.language,
            summary=self.summary,
            author=", ".join(self.people) or None,
            withdrawn=self.withdrawn,
            organisations=self.organisations,
        )


@dataclass(frozen=True, kw_only=True)
class GovukSearchHit:
    url: str
    content_api_url: str
    title: str | None = None
    document_type: str | None = None
    published: datetime | None = None


def html_to_text(html: str) -> str:
    """Body HTML as text: one paragraph per block element, whitespace inside a paragraph collapsed."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for unwanted in [e for e in root.iter() if e.tag in ("script", "style")]:
        unwanted.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _BLOCKS:
            element.tail = _BREAK + (element.tail or "")
        elif element.tag == "br":
            element.tail = " " + (element.tail or "")
    # Source newlines are only whitespace; paragraphs are where the block elements end.
    paragraphs = (" ".join(block.split()) for block in root.text_content().split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


def load_json(data: bytes | str) -> Any:
    """An API response's JSON; `GovukError` when it is not JSON, or nested too deep to read."""
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GovukError(f"not JSON: {exc}") from exc
    except RecursionError:
        raise GovukError("not readable JSON: nested too deep") from None


def _site_url(base: str, path: object) -> str | None:
    """`path` (a base_path or a search link) as a URL on the site at `base`; None when it is not a path
    there (`//other.example/x` or an absolute URL would put another site's address on GOV.UK's content)."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        return None
    url = urljoin(base, path)
    return url if urlsplit(url).netloc == urlsplit(base).netloc else None


def _titles(links: Mapping[str, Any], *keys: str) -> tuple[str, ...]:
    names: list[str] = []
    for key in keys:
        linked_items = links.get(key)
        for linked in linked_items if isinstance(linked_items, list) else ():
            title = linked.get("title") if isinstance(linked, Mapping) else None
            if isinstance(title, str) and title.strip() and title.strip() not in names:
                names.append(title.strip())
    return tuple(names)


def parse_content_item(data: bytes | str | Mapping[str, Any], *, base: str = GOVUK) -> GovukItem:
    """A Content API item of the site at `base`. Raises `GovukError` when it is not one (no base_path, title
    or document type)."""
    if not isinstance(data, Mapping):
        data = load_json(data)
    if not isinstance(data, Mapping):
        raise GovukError("not a Content API item: not a JSON object")
    base_path, title, document_type = data.get("base_path"), data.get("title"), data.get("document_type")
    if not all(isinstance(v, str) and v for v in (base_path, title, document_type)):
        raise GovukError("not a Content API item: base_path, title or document_type missing")
    url = _site_url(base, base_path)
    if url is None:
        raise GovukError(f"not a Content API item of {base}: base_path {base_path!r} is not a path on it")
    details: Mapping[str, Any] = data["details"] if isinstance(data.get("details"), Mapping) else {}
    links: Mapping[str, Any] = data["links"] if isinstance(data.get("links"), Mapping) else {}
    body = details.get("body")
    if isinstance(body, list):  # multi-format bodies: [{"content_type": "text/html", "content": ...}, ...]
        body = next(
            (
                part.get("content")
                for part in body
                if isinstance(part, Mapping) and part.get("content_type") == "text/html"
            ),
            "",
        )
    speaker = details.get("speaker_without_profile")
    people = _titles(links, "people", "speaker") + (
        (speaker.strip(),) if isinstance(speaker, str) and speaker.strip() else ()
    )
    notice: Mapping[str, Any] = (
        data["withdrawn_notice"] if isinstance(data.get("withdrawn_notice"), Mapping) else {}
    )
    explanation = notice.get("explanation")
    return GovukItem(
        url=url,
        title=" ".join(str(title).split()),
        document_type=str(document_type),
        body=html_to_text(body if isinstance(body, str) else ""),
        summary=str(data["description"]).strip() or None
        if isinstance(data.get("description"), str)
        else None,
        published=parse_date_text(data.get("first_published_at"))
        or parse_date_text(details.get("first_public_at")),
        modified=parse_date_text(data.get("public_updated_at")),
        organisations=_titles(links, "organisations"),
        people=tuple(dict.fromkeys(people)),
        language=str(data["locale"]) if isinstance(data.get("locale"), str) else None,
        withdrawn=bool(notice),
        withdrawn_explanation=html_to_text(explanation) if isinstance(explanation, str) else None,
    )


def content_api_url(page_url: str, *, base: str = GOVUK) -> str:
    """The Content API address of a GOV.UK page (on the site at `base`)."""
    return base.rstrip("/") + "/api/content" + urlsplit(page_url).path


def search_url(
    *,
    organisations: Sequence[str] = (),
    document_types: Sequence[str] = NEWS_AND_COMMUNICATIONS,
    count: int = 50,
    start: int = 0,
    base: str = GOVUK,
) -> str:
    """A search API query for the newest items of these organisations (slugs) and document types."""
    params: list[tuple[str, str | int]] = [("order", "-public_timestamp"), ("count", count), ("start", start)]
    params += [("filter_organisations", slug) for slug in organisations]
    params += [("filter_content_store_document_type", kind) for kind in document_types]
    params += [("fields", f) for f in ("link", "title", "public_timestamp", "content_store_document_type")]
    return f"{base.rstrip('/')}/api/search.json?{urlencode(params)}"


def parse_search(data: bytes | str | Mapping[str, Any], *, base: str = GOVUK) -> list[GovukSearchHit]:
    """The hits of a search API response, newest first as the API orders them."""
    if not isinstance(data, Mapping):
        data = load_json(data)
    results = data.get("results") if isinstance(data, Mapping) else None
    if not isinstance(results, list):
        raise GovukError("not a search API response: no 'results' list")
    hits = []
    for result in results:
        url = _site_url(base, result.get("link") if isinstance(result, Mapping) else None)
        if url is None:
            continue
        hits.append(
            GovukSearchHit(
                url=url,
                content_api_url=content_api_url(url, base=base),
                title=result.get("title"),
                document_type=result.get("content_store_document_type"),
                published=parse_date_text(result.get("public_timestamp")),
            )
        )
    return hits
