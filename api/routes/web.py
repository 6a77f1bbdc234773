"""The web page: server-rendered HTML (Jinja2) over the same backend as the API.

Everything works without JavaScript: forms are GET forms, facets and pages are links. Pages are not part
of the OpenAPI schema (they are HTML for people; the JSON API is the interface for tools).
"""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.datastructures import QueryParams

from api.chart import bar_chart_svg, buckets
from api.deps import Backend, get_app_settings
from api.export import MEDIA_TYPES, ExportFormat, export_lines
from api.filters import MAX_QUERY_CHARS, MAX_VALUE_CHARS, MAX_VALUES, country_code, normalize_entity
from api.flatten import flatten
from api.routes.agreements import agreements_found
from api.routes.entities import get_entity
from api.session import account_state
from presswatch.config import Settings
from presswatch.document import AgreementStatus, DocumentKind
from presswatch.gazetteer import countries
from search.base import DocumentNotFoundError, Hit, Page, QueryError, SearchBackend
from search.base import Query as SearchQuery

router = APIRouter(include_in_schema=False)
KINDS: tuple[DocumentKind, ...] = ("press_release", "news", "speech", "statement")
STATUSES: tuple[AgreementStatus, ...] = (
    "planned",
    "in_negotiation",
    "agreed",
    "signed",
    "in_force",
    "suspended",
    "ended",
    "unknown",
)
FILTER_KEYS = ("source", "kind", "entity", "country", "party", "status", "story")
PAGE_SIZE = 20
AppSettings = Annotated[Settings, Depends(get_app_settings)]
SIMILAR_ON_PAGE = 5


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
    response = _templates().TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(PAGE_HEADERS)
    return response


def _day(value: str, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{value!r} is not a date: use YYYY-MM-DD") from None
    return datetime.combine(day, time.max if end else time.min, tzinfo=UTC)


def _pairs(request: Request, *, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if k not in drop and v]


def _query(request: Request) -> SearchQuery:
    return search_of(request.query_params)


def search_of(params: QueryParams) -> SearchQuery:
    """The search a form describes; a value it cannot use is a QueryError shown on the page."""
    text = params.get("q", "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the search is longer than {MAX_QUERY_CHARS} characters")
    for key in FILTER_KEYS:
        values = params.getlist(key)
        if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_CHARS for v in values):
            raise QueryError(f"at most {MAX_VALUES} {key} filters of {MAX_VALUE_CHARS} characters each")
    kinds = tuple(k for k in params.getlist("kind") if k in KINDS)
    statuses = tuple(s for s in params.getlist("status") if s in STATUSES)
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
        if (
            query.text
            or any(request.query_params.getlist(k) for k in FILTER_KEYS)
            or query.published_from
            or query.published_to
        ):
            page = backend.search(query)
        else:
            page = backend.search(query.model_copy(update={"sort": "date"}))
    except QueryError as exc:
        error = str(exc)
    base = _pairs(request, drop=("cursor",))
    active = [
        (k, v, "/?" + urlencode([pair for pair in base if pair != (k, v)]))
        for k, v in base
        if k in FILTER_KEYS
    ]
    return render(
        request,
        "search.html",
        status_code=400 if error else 200,
        page=page,
        error=error,
        params=request.query_params,
        active=active,
        base=base,
        kinds=KINDS,
        country_names={place.code: place.name for place in countries()},
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
        export_csv="/ui/export?" + urlencode([*base, ("format", "csv")]),
        export_jsonl="/ui/export?" + urlencode([*base, ("format", "jsonl")]),
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
    try:
        query = search_of(request.query_params).model_copy(update={"cursor": None})
        lines = export_lines(backend, query, fmt=fmt, max_rows=settings.export_max_rows)
    except QueryError as exc:
        return PlainTextResponse(str(exc), status_code=400)
    return StreamingResponse(
        lines,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="presswatch-export.{fmt}"'},
    )


@router.get("/ui/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, backend: Backend) -> HTMLResponse:
    document = backend.get(doc_id)
    if document is None:
        return render(request, "missing.html", status_code=404, what=f"No document has the id {doc_id}.")
    groups: dict[str, list[str]] = {}
    for mention in document.entities:
        if mention.label != "DATE":
            names = groups.setdefault(mention.label, [])
            if mention.normalized not in names:
                names.append(mention.normalized)
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
        paragraphs=[p for p in document.body.split("\n") if p.strip()],
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
    bars = buckets([(d.day, d.documents) for d in entity.mentions_over_time])
    chart = Markup(bar_chart_svg(bars, title=f"Documents mentioning {entity.name} over time"))
    return render(request, "entity.html", entity=entity, chart=chart, bars=bars)


@router.get("/ui/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, backend: Backend) -> HTMLResponse:
    params = request.query_params
    error = None
    found = None
    try:
        query = _query(request)
        found = flatten(
            backend,
            query,
            items_of=lambda hit: agreements_found(hit, query),
            limit=50,
            cursor=params.get("cursor") or None,
        )
    except QueryError as exc:
        error = str(exc)
    return render(
        request,
        "agreements.html",
        status_code=400 if error else 200,
        found=found,
        error=error,
        params=params,
        statuses=STATUSES,
        base=_pairs(request, drop=("cursor",)),
    )
