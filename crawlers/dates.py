"""Published and modified dates of any web page, in the publisher's own offset, with or without an article body.

What the publisher states on purpose comes first (JSON-LD, meta tags, `<time>` elements), then htmldate's
search of the whole page. A date string is read with its own offset; named zones are read from a small
table (RFC 822 only knows the US ones). A UTC timestamp whose day disagrees with a full date in the URL by one
day is shown in the offset that puts it on the URL's day: the same instant, on the day the publisher meant.
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import htmldate
import lxml.html
from dateutil import parser as dateutil_parser
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawlers.jsonld import json_ld_objects, types_of

# Common zone abbreviations of the newsrooms we watch, hours east of UTC. Ambiguous ones (IST, CST in Asia)
# take the reading most used by English-language news.
ZONE_HOURS: dict[str, float] = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "IST": 1,
    "WEST": 1,
    "CET": 1,
    "MEZ": 1,
    "CEST": 2,
    "MESZ": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "AST": -4,
    "ADT": -3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "ACST": 9.5,
    "AWST": 8,
    "NZST": 12,
    "NZDT": 13,
}
_ZONES = {name: int(hours * 3600) for name, hours in ZONE_HOURS.items()}
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DAY_FIRST = re.compile(r"^\s*\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}")
_HAS_DIGIT = re.compile(r"\d")

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "govuk:first-published-at",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "originalpublicationdate",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "govuk:public-updated-at",
    "article.updated",
)


@dataclass(frozen=True, kw_only=True)
class PageDates:
    published: datetime | None = None
    modified: datetime | None = None


def parse_date_text(value: object, *, now: datetime | None = None) -> datetime | None:
    """A date or timestamp as publishers write it ('2020-09-15T10:01:41+02:00', 'Tue, Sep 15 2020 10:01:41
    EDT', '15 September 2020', '15.09.2020'); None when unreadable or outside 1995..next year.

    A timestamp keeps its stated offset; one without an offset or without a time is naive."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not 6 <= len(text) <= 80 or not _HAS_DIGIT.search(text):
        return None
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            parsed = _dateutil_full_date(text)
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    if parsed is None or not plausible(parsed, now=now):
        return None
    return parsed


def plausible(moment: datetime, *, now: datetime | None = None) -> bool:
    """Whether a publication date can be meant: from 1995 to a year from now (naive taken as UTC)."""
    latest = (now or datetime.now(UTC)) + timedelta(days=366)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return _EARLIEST <= aware <= latest


def _dateutil_full_date(text: str) -> datetime | None:
    """dateutil's reading, only if the text itself gives year, month and day (dateutil fills gaps from
    today, so a bare '21:05' would become today's date): two different defaults must agree."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names: read as naive, which is what we want
        dayfirst = bool(_DAY_FIRST.match(text))
        first = dateutil_parser.parse(text, tzinfos=_ZONES, dayfirst=dayfirst, default=datetime(2001, 1, 1))
        second = dateutil_parser.parse(text, tzinfos=_ZONES, dayfirst=dayfirst, default=datetime(2002, 2, 2))
    return first if first == second else None


def url_day(url: str | None) -> date | None:
    """The full date a URL carries (/2020/09/15/, 2020-09-15, 20200915), if any."""
    if not url:
        return None
    match = _URL_DAY.search(url)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def on_url_day(moment: datetime, url: str | None) -> datetime:
    """A UTC timestamp one day off the URL's date, shown in the whole-hour offset that puts it on that day."""
    day = url_day(url)
    if day is None or moment.utcoffset() != timedelta(0) or moment.date() == day:
        return moment
    if abs((moment.date() - day).days) != 1:
        return moment
    for hours in sorted(range(-12, 15), key=abs):
        shifted = moment.astimezone(timezone(timedelta(hours=hours)))
        if shifted.date() == day:
            return shifted
    return moment


def without_xml_declaration(text: str) -> str:
    """lxml refuses decoded text that declares an encoding; the declaration says nothing we need."""
    return _XML_DECLARATION.sub("", text, count=1)


def page_tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    """The page's element tree, whatever its encoding or XML declaration; None if there are no elements."""
    text = str(html_to_unicode(None, html)[1]) if isinstance(html, bytes) else html
    text = without_xml_declaration(text)
    if not text.strip():
        return None
    try:
        tree = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    return tree if tree is not None and len(tree) else None


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (
            (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        )
        if key and key not in found:
            found[key] = (element.get("content") or "").strip()
    return found


def _time_elements(tree: lxml.html.HtmlElement, *, kind: str) -> Iterator[str]:
    """`<time>` (and itemprop'd) elements marked as the publication or modification date."""
    paths: tuple[str, ...]
    if kind == "published":
        paths = (
            "//*[@itemprop='datePublished']",
            "//time[@pubdate]",
            "//time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]",
        )
    else:
        paths = (
            "//*[@itemprop='dateModified']",
            "//time[contains(concat(' ', normalize-space(@class), ' '), ' updated ')]",
        )
    for path in paths:
        for element in tree.xpath(path):
            for value in (element.get("datetime"), element.get("content"), element.text_content()):
                if value:
                    yield value


ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "Report",
        "WebPage",
    }
)


def _is_article(obj: dict[str, Any]) -> bool:
    return bool(types_of(obj) & ARTICLE_TYPES)


def _candidates(tree: lxml.html.HtmlElement, *, url: str | None, kind: str) -> list[datetime]:
    """Every date the page states for `kind` ('published' or 'modified'), most deliberate first: article
    JSON-LD, meta tags, other JSON-LD, marked `<time>` elements."""
    objects = list(json_ld_objects(tree))
    meta = _meta(tree)
    ld_keys = ("datePublished", "dateCreated") if kind == "published" else ("dateModified",)
    meta_keys = PUBLISHED_META if kind == "published" else MODIFIED_META
    values: list[object] = [obj.get(key) for obj in objects if _is_article(obj) for key in ld_keys]
    values += [meta.get(key) for key in meta_keys]
    values += [obj.get(key) for obj in objects if not _is_article(obj) for key in ld_keys]
    values += list(_time_elements(tree, kind=kind))
    found = (parse_date_text(value) for value in values)
    return [on_url_day(moment, url) for moment in found if moment is not None]


def _searched(page: str | bytes | lxml.html.HtmlElement, *, url: str | None) -> datetime | None:
    """htmldate's search of the whole page (headers, URL, text patterns): a day, without a time. It gets
    the page as given (it decodes bytes its own way) or a copy of a tree (it prunes what it reads)."""
    source = copy.deepcopy(page) if isinstance(page, lxml.html.HtmlElement) else page
    try:
        found = htmldate.find_date(source, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate's heuristics must not lose the page: no date is the answer then
        return None
    return parse_date_text(found) if found else None


def _agreeing(candidates: list[datetime], day: datetime | None) -> datetime | None:
    """The first stated date on the day the page-wide search found, else the first stated date."""
    if day is not None:
        for moment in candidates:
            if moment.date() == day.date():
                return moment
    return candidates[0] if candidates else None


def find_dates(
    html: str | bytes | lxml.html.HtmlElement, *, url: str | None = None, searched_day: str | None = None
) -> PageDates:
    """The page's published and modified dates; works on any page, article body or not. `searched_day` is
    htmldate's answer where the caller has it already (trafilatura runs it for its metadata), saving a search.

    Stated dates disagree often (a JSON-LD block for a related item, a meta tag the CMS never updates), so
    htmldate's whole-page search arbitrates: the stated date on its day wins, keeping the stated time and
    offset; where none is on that day, the most deliberate statement wins; the search's day stands alone
    only where the page states nothing."""
    tree = html if isinstance(html, lxml.html.HtmlElement) else page_tree(html)
    if tree is None:
        return PageDates()
    searched = parse_date_text(searched_day) if searched_day else _searched(html, url=url)
    stated = _candidates(tree, url=url, kind="published")
    published = _agreeing(stated, searched) or searched
    modified = _agreeing(_candidates(tree, url=url, kind="modified"), None)
    return PageDates(published=published or modified, modified=modified)
