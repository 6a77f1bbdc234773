"""The web page: server-rendered HTML (Jinja2) over the same backend as the API.

Everything works without JavaScript: forms are GET forms, facets and pages are links. Pages are not part
of the OpenAPI schema (they are HTML for people; the JSON API is the interface for tools).
"""

from __future__ import annotations

import contextlib
import html
import math
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_args
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.datastructures import QueryParams

from api.attention import Attention, Timeline, attention, attention_csv, on_shared_bars
from api.chart import Period, bar_chart_svg
from api.deps import Backend, get_app_settings
from api.done_note import shown_note
from api.echo import cut
from api.export import MEDIA_TYPES, ExportFormat, download, export_lines
from api.filters import (
    MAX_CURSOR_CHARS,
    MAX_QUERY_CHARS,
    MAX_VALUE_CHARS,
    MAX_VALUES,
    country_code,
    normalize_entity,
)
from api.flatten import flatten
from api.reading import paragraph_at, paragraphs
from api.routes.agreements import agreement_lines, agreements_found
from api.routes.entities import get_entity
from api.session import account_state
from presswatch.config import Settings
from presswatch.document import AgreementStatus, DocumentKind
from presswatch.gazetteer import countries
from search.base import DocumentNotFoundError, Hit, Page, QueryError, SearchBackend
from search.base import Query as SearchQuery
from search.stored_names import search_as_filed, with_stored_names

router = APIRouter(include_in_schema=False)
_Value = TypeVar("_Value", bound=str)
KINDS: tuple[DocumentKind, ...] = ("press_release", "news", "speech", "statement")
# From the model, so a status added there (nlp's "agreed") is offered here without a change.
STATUSES: tuple[AgreementStatus, ...] = get_args(AgreementStatus)
FILTER_KEYS = (
    "source",
    "kind",
    "entity",
    "country",
    "party",
    "status",
    "story",
    "currency",
    "min_amount",
    "max_amount",
)
# the filters the form has a control for
CONTROLS = ("kind", "source", "country", "party", "status", "currency", "min_amount", "max_amount")
# A money figure's filters as the page's chips and the alerts form name them.
FIGURE_LABELS = {"currency": "figure in", "min_amount": "figure at least", "max_amount": "figure at most"}
# Currencies the form offers (any ISO 4217 code works in the address, as in GET /search).
FORM_CURRENCIES = ("GBP", "EUR", "USD", "CAD", "AUD", "NZD", "INR", "JPY", "CHF", "KES", "ZAR", "SGD")
PAGE_SIZE = 20
AppSettings = Annotated[Settings, Depends(get_app_settings)]
SIMILAR_ON_PAGE = 5
ENTITY_LISTS = 10  # documents and agreements listed on an entity's page (with a link to all of them)


@lru_cache(maxsize=1)
def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
    templates.env.filters["label"] = lambda value: str(value).replace("_", " ")
    templates.env.globals["urlencode"] = lambda pairs: urlencode(pairs, doseq=True)
    templates.env.filters["marked"] = marked
    templates.env.filters["web_link"] = web_link
    return templates


def marked(snippet: str) -> Markup:
    """A snippet as HTML that can hold nothing but text and <mark>: the backend escapes it, and the page
    does not take that on trust (its own escaping first, then only <mark> and </mark> are let through)."""
    text = str(escape(html.unescape(snippet)))
    return Markup(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def web_link(url: str) -> str | None:
    """The URL when it is an http(s) one (a link to follow); None for javascript:, data: and the like."""
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


PAGE_HEADERS = {
    # The pages run no script at all and are never framed: a snippet that slipped through escaping could
    # not run, and no other site can overlay the alert buttons (clickjacking).
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none';"
    " frame-ancestors 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("account", account_state(request))
    context.setdefault("done_note", shown_note(request))
    response = _templates().TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(PAGE_HEADERS)
    return response


def is_page(request: Request) -> bool:
    """Whether `request` went to one of the browser's pages (an HTML route, or a form posted under /ui/), whose
    errors a browser shows: answered as a page, not as the API's JSON. The download routes under /ui/ keep the
    API's JSON errors, as the API routes do, whatever the Accept header says (an API client sends */*)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return False
    return route.response_class is HTMLResponse or (
        route.path.startswith("/ui/") and "POST" in (route.methods or ())
    )


def wants_page(request: Request) -> bool:
    """Whether an error of `request` is shown as a page: it went to one of the browser's pages (`is_page`) and
    asked for HTML, as a browser's form post does (a tool's `*/*` or `application/json` keeps the JSON)."""
    return is_page(request) and "text/html" in request.headers.get("accept", "")


def _day(value: str, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{cut(value)!r} is not a date: use YYYY-MM-DD") from None
    return datetime.combine(day, time.max if end else time.min, tzinfo=UTC)


def _amount(params: QueryParams, key: str) -> float | None:
    """A figure's bound as typed ('10000000', '10,000,000', '1e7'); not a number, negative or endless: a
    QueryError the page shows."""
    value = (params.get(key) or "").strip().replace(",", "").replace("_", "")
    if not value:
        return None
    try:
        amount = float(value)
    except ValueError:
        raise QueryError(f"{key.replace('_', ' ')} {params.get(key)!r} is not a number") from None
    if not math.isfinite(amount) or amount < 0:
        raise QueryError(f"{key.replace('_', ' ')} must be a number of zero or more")
    return amount


def _known(params: QueryParams, key: str, allowed: tuple[_Value, ...]) -> tuple[_Value, ...]:
    """The kinds or statuses asked for (an empty one is the form's "any"); one the index does not have is a
    QueryError the page shows: dropped, its chip showed over every document and "Alert me" saved without it."""
    found: list[_Value] = []
    for value in params.getlist(key):
        if not value:
            continue
        if value not in allowed:
            choices = ", ".join(allowed)
            raise QueryError(f"{key} {value!r} is not one of {choices}")
        found.append(value)
    return tuple(found)


def _pairs(request: Request, *, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(k, v) for k, v in echoed(request.query_params).multi_items() if k not in drop and v]


def echoed(params: QueryParams) -> QueryParams:
    """`params` as a page repeats them (its form, its title, its links): each value cut to the longest its
    parameter takes, at most MAX_VALUES values of one parameter (the last MAX_PAGES_BACK earlier pages, as
    `_pages` keeps them). A request refused for a value too long (a 100,000-character `q`) or too many was
    repeated whole, two or three times over (`api.echo`)."""
    items = params.multi_items()
    totals = Counter(key for key, _ in items)
    seen: Counter[str] = Counter()
    kept = []
    for key, value in items:
        seen[key] += 1
        if seen[key] > totals[key] - MAX_PAGES_BACK if key == "prev" else seen[key] <= MAX_VALUES:
            if key in _SEARCH_TEXTS:  # searched without its spaces: a valid one sent with them is kept whole
                value = value.strip()
            kept.append((key, value[: _ECHOED_CHARS.get(key, MAX_VALUE_CHARS)]))
    return QueryParams(kept)


def _query(request: Request) -> SearchQuery:
    return search_of(request.query_params)


def _too_long(text: str) -> str:
    return (
        f"the search is {len(text):,} characters long, and one takes at most {MAX_QUERY_CHARS:,}:"
        f" its first {MAX_QUERY_CHARS:,} are shown"
    )


def search_of(params: QueryParams) -> SearchQuery:
    """The search a form describes; a value it cannot use is a QueryError shown on the page."""
    text = params.get("q", "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(_too_long(text))
    for key in FILTER_KEYS:
        values = params.getlist(key)
        if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_CHARS for v in values):
            raise QueryError(f"at most {MAX_VALUES} {key} filters of {MAX_VALUE_CHARS} characters each")
    kinds = _known(params, "kind", KINDS)
    statuses = _known(params, "status", STATUSES)
    sort = "date" if params.get("sort") == "date" else "relevance"
    return SearchQuery(
        text=text,
        sources=tuple(s for s in params.getlist("source") if s),
        kinds=kinds,
        entities=tuple(normalize_entity(e) for e in params.getlist("entity") if e),
        countries=tuple(country_code(c) for c in params.getlist("country") if c),
        agreement_parties=tuple(normalize_entity(p) for p in params.getlist("party") if p),
        agreement_status=statuses,
        story_id=params.get("story") or None,
        figure_currency=(params.get("currency") or "").strip().upper() or None,
        figure_min=_amount(params, "min_amount"),
        figure_max=_amount(params, "max_amount"),
        published_from=_day(params.get("from", ""), end=False),
        published_to=_day(params.get("to", ""), end=True),
        sort=sort,
        limit=PAGE_SIZE,
        cursor=params.get("cursor") or None,
    )


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, backend: Backend) -> HTMLResponse:
    page: Page | None = None
    error = None
    try:
        query = _query(request)
        if not (
            query.text
            or any(request.query_params.getlist(k) for k in FILTER_KEYS)
            or query.published_from
            or query.published_to
        ):
            query = query.model_copy(update={"sort": "date"})
        page = search_as_filed(backend, query)  # 'JICA' finds what is filed under its full name
    except QueryError as exc:
        error = str(exc)
    base = _pairs(request, drop=("cursor", "prev", "done", "done_mac"))
    here = _pairs(request, drop=("done", "done_mac"))
    chart = None
    if page is not None and not error and _charted(request.query_params):
        try:
            chart = _attention_chart(request, backend, base)
        except QueryError as exc:
            error = str(exc)
    active = [
        (k, v, "/?" + urlencode([pair for pair in base if pair != (k, v)]))
        for k, v in base
        if k in FILTER_KEYS
    ]
    names = {place.code: place.name for place in countries()}
    selected = _selected(base)
    first: dict[str, str] = {}  # the value each form control shows; further values travel hidden
    shown: set[tuple[str, str]] = set()
    for key, value in base:
        if key in CONTROLS and key not in first:
            first[key] = next((v for _, v in _selected([(key, value)])), value)
            shown.add((key, value))
    return render(
        request,
        "search.html",
        status_code=400 if error else 200,
        page=page,
        error=error,
        params=echoed(request.query_params),
        active=active,
        base=base,
        kinds=KINDS,
        country_names=names,
        countries=sorted(names.items(), key=lambda item: item[1]),
        statuses=STATUSES,
        currencies=FORM_CURRENCIES,
        chip=lambda key, value: _chip(key, value, names),
        selected=selected,
        first=first,
        extra=[(k, v) for k, v in base if k in FILTER_KEYS and (k, v) not in shown],
        pages=_pages(request, page, base),
        facet_titles={
            "kind": "Kind",
            "source": "Source",
            "person": "People",
            "organisation": "Organisations",
            "country": "Countries",
            "entity": "All entities",
        },
        facet_keys={
            "kind": "kind",
            "source": "source",
            "person": "entity",
            "organisation": "entity",
            "country": "country",
            "entity": "entity",
        },
        chart=chart,
        here=here,
        export_csv="/ui/export?" + urlencode([*base, ("format", "csv")]),
        export_jsonl="/ui/export?" + urlencode([*base, ("format", "jsonl")]),
    )


COMPARE_KEYS = ("q2", "q3")
_ECHOED_CHARS = {"q": MAX_QUERY_CHARS, "cursor": MAX_CURSOR_CHARS, "prev": MAX_CURSOR_CHARS}
_ECHOED_CHARS |= dict.fromkeys(COMPARE_KEYS, MAX_QUERY_CHARS)  # every other parameter: MAX_VALUE_CHARS
_SEARCH_TEXTS = frozenset(("q", *COMPARE_KEYS))
MAX_PAGES_BACK = 50
FIRST_PAGE = "."  # in `prev=`: the first page, which has no cursor ("." is no base64 character)


def _chip(key: str, value: str, names: dict[str, str]) -> str:
    """A filter as people read it: "country: Serbia" (not RS), "status: in force"."""
    if key == "country":
        with contextlib.suppress(QueryError):
            value = names.get(country_code(value), value)
    if key in ("min_amount", "max_amount"):
        with contextlib.suppress(ValueError):
            value = amount_text(float(value.replace(",", "")))
    if key in FIGURE_LABELS:
        return f"{FIGURE_LABELS[key]}: {value.upper() if key == 'currency' else value}"
    return f"{key}: {value.replace('_', ' ') if key in ('kind', 'status') else value}"


def amount_text(value: float) -> str:
    """A figure's bound as people read it: '10,000,000' for 1e7."""
    return f"{value:,.15g}"


def figure_filters(query: SearchQuery) -> list[tuple[str, str]]:
    """A search's money-figure filters in words, as the page's chips say them (the alerts form lists them so)."""
    parts = [(FIGURE_LABELS["currency"], query.figure_currency)] if query.figure_currency else []
    for key, bound in (("min_amount", query.figure_min), ("max_amount", query.figure_max)):
        if bound is not None:
            parts.append((FIGURE_LABELS[key], amount_text(bound)))
    return parts


def _selected(base: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The page's filters as facet links name them (countries by code), each with the link that takes
    it off, so a facet value already chosen is marked and removes itself instead of adding a duplicate."""
    out = {}
    for key, value in base:
        named = value
        if key == "country":
            try:
                named = country_code(value)
            except QueryError:
                continue
        out[(key, named)] = "/?" + urlencode([pair for pair in base if pair != (key, value)])
    return out


@dataclass(frozen=True, slots=True)
class Pages:
    """Where this page is among the results ("21–40 of 57") and links to the previous and next pages.

    Pages are cursors; the cursors of earlier pages travel in the links as `prev=` (bounded), so a
    previous page needs no state on the server.
    """

    first: int
    last: int
    previous: str | None
    following: str | None


def _pages(request: Request, page: Page | None, base: list[tuple[str, str]]) -> Pages | None:
    if page is None:
        return None
    params = request.query_params
    earlier = params.getlist("prev")[-MAX_PAGES_BACK:]
    cursor = params.get("cursor", "")
    first = len(earlier) * PAGE_SIZE + 1 if cursor else 1
    previous = None
    if cursor:
        back = [*base, *(("prev", c) for c in earlier[:-1])]
        previous = "/?" + urlencode(
            [*back, ("cursor", earlier[-1])] if earlier and earlier[-1] != FIRST_PAGE else back
        )
    following = None
    if page.next_cursor:
        trail = [*earlier, cursor] if cursor else [FIRST_PAGE]
        following = "/?" + urlencode([*base, *(("prev", c) for c in trail), ("cursor", page.next_cursor)])
    return Pages(first=first, last=first + len(page.hits) - 1, previous=previous, following=following)


def _charted(params: QueryParams) -> bool:
    """A chart when something was asked for: words, a compared query, a filter or dates."""
    return any(params.get(k, "").strip() for k in ("q", *COMPARE_KEYS, "from", "to", *FILTER_KEYS))


def _compared(params: QueryParams) -> list[tuple[str, SearchQuery]]:
    """The page's search and each compared query (`q2=`, `q3=`): the same filters and dates, other words."""
    query = search_of(params).model_copy(update={"cursor": None})
    searches = [(query.text or "all matches", query)]
    for key in COMPARE_KEYS:
        text = params.get(key, "").strip()
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(_too_long(text))
        if text:
            searches.append((text, query.model_copy(update={"text": text})))
    return searches


def _attention(request: Request, backend: SearchBackend) -> Attention | None:
    params = request.query_params
    query = search_of(params)
    compared = _compared(params)
    filed = with_stored_names(backend, compared[0][1])  # 'JICA' counts what the page found under its name
    names = {"entities": filed.entities, "agreement_parties": filed.agreement_parties}
    return attention(
        backend,
        [(name, q.model_copy(update=names)) for name, q in compared],
        start=query.published_from.date() if query.published_from else None,
        end=query.published_to.date() if query.published_to else None,
    )


@dataclass(frozen=True, slots=True)
class AttentionChart:
    found: Attention
    svg: Markup
    share: bool
    counts_link: str
    share_link: str
    csv_link: str


def _attention_chart(
    request: Request, backend: SearchBackend, base: list[tuple[str, str]]
) -> AttentionChart | None:
    found = _attention(request, backend)
    return _chart(found, request=request, base=base, narrow=[p for p in base if p[0] not in ("from", "to")])


def _chart(
    found: Attention | None,
    *,
    request: Request,
    base: list[tuple[str, str]],
    narrow: list[tuple[str, str]],
) -> AttentionChart | None:
    """The chart of `found` on a page whose query is `base`: counts or shares (`per=share`), each bar a link
    to the search `narrow` over its dates, and the same numbers as CSV."""
    if found is None:
        return None
    share = request.query_params.get("per") == "share"

    def narrowed(bar: Period) -> str:
        return "/?" + urlencode([*narrow, ("from", bar.start.isoformat()), ("to", bar.end.isoformat())])

    what = " and ".join(t.name for t in found.timelines)
    title = f"{'Share of all documents' if share else 'Documents'} per {found.bars[0].unit}: {what}"
    svg = bar_chart_svg(
        found.bars, found.series(share=share), title=title, unit="%" if share else "", link=narrowed
    )
    path = request.url.path
    return AttentionChart(
        found=found,
        svg=Markup(svg),
        share=share,
        counts_link=path + "?" + urlencode([p for p in base if p[0] != "per"]),
        share_link=path + "?" + urlencode([*(p for p in base if p[0] != "per"), ("per", "share")]),
        csv_link="/ui/attention.csv?" + urlencode([p for p in narrow if p[0] != "per"]),
    )


@router.get("/ui/attention.csv")
def attention_export(request: Request, backend: Backend) -> Response:
    """The search page's chart as numbers: one row per period and compared query. Errors are the JSON API's
    (`{"detail": ...}`, a QueryError's 400 from the app's handler), as for every download route of the page."""
    found = _attention(request, backend)
    return Response(
        attention_csv(found),
        media_type=MEDIA_TYPES["csv"],
        headers={"Content-Disposition": 'attachment; filename="presswatch-attention.csv"'},
    )


@router.get("/ui/export")
def export_page(
    request: Request,
    backend: Backend,
    settings: AppSettings,
    fmt: Annotated[ExportFormat, Query(alias="format")],
) -> Response:
    """The page's export buttons: the search on the page, streamed as /search?format= does it.

    A route of the page rather than a link to /search, so that a signed-in browser (a cookie, no header)
    can export; the JSON API itself still wants X-API-Key.
    """
    query = search_of(request.query_params).model_copy(update={"cursor": None})
    query = with_stored_names(backend, query)  # 'JICA' as the page found it and /search?format= exports it
    lines = export_lines(backend, query, fmt=fmt, max_rows=settings.export_max_rows)  # a QueryError: JSON 400
    return download(lines, fmt, name="export")


@router.get("/ui/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, backend: Backend) -> HTMLResponse:
    document = backend.get(doc_id)
    if document is None:
        return render(request, "missing.html", status_code=404, what=f"No document has the id {doc_id}.")
    found = paragraphs(document.body, search=request.query_params.get("q", ""))
    groups: dict[str, dict[str, int | None]] = {}  # label -> name -> paragraph of its first mention
    for mention in document.entities:
        if mention.label != "DATE":
            groups.setdefault(mention.label, {}).setdefault(
                mention.normalized, paragraph_at(found, mention.start)
            )
    search = _pairs(request)
    story: list[Hit] = []
    if document.story_id:
        story = [
            h
            for h in backend.search(
                SearchQuery(story_id=document.story_id, sort="date", limit=10, facets=False)
            ).hits
            if h.id != document.id
        ]
    return render(
        request,
        "document.html",
        document=document,
        groups=groups,
        story=story,
        similar=_similar(backend, document.id),
        paragraphs=found,
        at=lambda offset: paragraph_at(found, offset),
        marks=sum(p.marks for p in found),
        search=search,
        back="/?" + urlencode(search) if search else None,
    )


def _similar(backend: SearchBackend, doc_id: str) -> list[Hit]:
    """A few documents nearest by embedding; none when this one has no embedding (QueryError says so)."""
    try:
        return backend.similar(doc_id, limit=SIMILAR_ON_PAGE)
    except (QueryError, DocumentNotFoundError):
        return []


@router.get("/ui/entities/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, name: str, backend: Backend) -> HTMLResponse:
    try:
        entity = get_entity(backend, name)
    except HTTPException as exc:
        if exc.status_code == 404:
            return render(request, "missing.html", status_code=404, what=f"No document mentions {name}.")
        raise
    days = Counter({date.fromisoformat(d.day): d.documents for d in entity.mentions_over_time})
    line = Timeline(name=entity.name, days=days, counted=entity.timeline_documents, total=entity.documents)
    mentions = SearchQuery(entities=(entity.name,), sort="date", limit=ENTITY_LISTS, facets=False)
    agreements = flatten(
        backend,
        mentions.model_copy(update={"agreement_parties": (entity.name,)}),
        items_of=lambda hit: agreements_found(hit, SearchQuery(agreement_parties=(entity.name,))),
        limit=ENTITY_LISTS,
        cursor=None,
    )
    return render(
        request,
        "entity.html",
        entity=entity,
        chart=_chart(
            on_shared_bars(backend, [line], None, None),
            request=request,
            base=_pairs(request),
            narrow=[("entity", entity.name), *_pairs(request, drop=("from", "to"))],
        ),
        documents=backend.search(mentions).hits,
        agreements=agreements.items,
    )


@router.get("/ui/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, backend: Backend) -> HTMLResponse:
    params = request.query_params
    error = None
    found = None
    try:
        query = with_stored_names(backend, _query(request))  # 'JICA' as the index files it, as /agreements
        found = flatten(
            backend,
            query,
            items_of=lambda hit: agreements_found(hit, query),
            limit=50,
            cursor=params.get("cursor") or None,
        )
    except QueryError as exc:
        error = str(exc)
    base = _pairs(request, drop=("cursor",))
    return render(
        request,
        "agreements.html",
        subjects=found is not None and any(i.agreement.name or i.agreement.subject for i in found.items),
        export_csv="/ui/agreements/export?" + urlencode([*base, ("format", "csv")]),
        export_jsonl="/ui/agreements/export?" + urlencode([*base, ("format", "jsonl")]),
        status_code=400 if error else 200,
        found=found,
        error=error,
        params=echoed(params),
        statuses=STATUSES,
        base=base,
        watched=[(k, v) for k, v in base if k in ("party", "status")],  # what an agreement watch keeps
    )


@router.get("/ui/agreements/export")
def agreements_export(
    request: Request,
    backend: Backend,
    settings: AppSettings,
    fmt: Annotated[ExportFormat, Query(alias="format")],
) -> Response:
    """The agreements page's export buttons, as the search page's (a signed-in browser has no key)."""
    query = search_of(request.query_params)
    lines = agreement_lines(
        backend, query, fmt=fmt, max_rows=settings.export_max_rows
    )  # a QueryError: JSON 400
    return download(lines, fmt, name="agreements")
