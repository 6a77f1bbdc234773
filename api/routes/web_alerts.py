"""The alerts pages: "Alert me" from a search or an entity, "Alert me about new agreements" from the agreements
page or an entity (an agreement watch: `watch=agreement` with its party), and the list of one's alerts.

Plain HTML forms posting back here (no script), through the alerts service as `POST /alerts` uses it. Who
the owner is: with no API keys configured, the single local user (as in the API); with keys, the key the
browser signed in with (`api.session`). Posts from other sites are refused (`api.session.same_origin`).
"""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import QueryParams

from alerts.chat import shown
from alerts.delivery import send_test
from alerts.model import (
    MAX_CHAT_TARGETS,
    MAX_EMAIL_CHARS,
    MAX_URL_CHARS,
    NEW_AGREEMENT_STATUSES,
    AlertPayload,
    SavedSearch,
    SavedSearchSpec,
)
from alerts.service import AlertService
from alerts.targets import TargetRefusedError
from api.routes.alerts import LOCAL_OWNER, feed_url, get_alerts, owned
from api.routes.web import FILTER_KEYS, figure_filters, render, search_of
from api.session import same_origin, web_owner
from search.base import Query as SearchQuery
from search.base import QueryError

router = APIRouter(include_in_schema=False)
SEARCH_FIELDS = ("q", *FILTER_KEYS, "from", "to", "watch")
# `watch=agreement`: new agreements of the search's (first) party, not new documents
AGREEMENT_WATCH = "agreement"
NO_PARTY = "an agreement watch needs a party: filter the agreements by one first"
DELIVERY_FIELDS = ("webhook_url", "email", "apprise_urls")


HISTORY_SHOWN = 20  # fired alerts listed per saved search; the page counts the rest


class Listed(NamedTuple):
    """One saved search as the list shows it: its feed, its search in words, and what it fired lately."""

    search: SavedSearch
    feed: str
    described: list[tuple[str, str]]
    fired: list[AlertPayload]
    fired_total: int
    chats: list[str]  # its chat targets, tokens masked (the page may be on a shared screen)


WebOwner = Annotated[str | None, Depends(web_owner)]
Alerts = Annotated[AlertService, Depends(get_alerts)]


# What `?done=` may say: the link names one of these, never the text (a link from elsewhere could say anything).
DONE_MESSAGES = {
    "created": "Alert created.",
    "created-no-mail": "Alert created, but no mail server is configured (PRESSWATCH_SMTP_HOST), so its e-mail "
    "will not be sent until one is; its Atom feed and webhook work meanwhile.",
    "paused": "Alert paused.",
    "resumed": "Alert resumed.",
    "deleted": "Alert deleted.",
    "tested": "Test alert delivered.",
}


def _back(done: str, *, carried: list[tuple[str, str]] | None = None) -> RedirectResponse:
    """After a post, back to the list (Post/Redirect/Get, so reloading does not post again)."""
    target = "/ui/alerts?" + str(QueryParams([*(carried or []), ("done", done)]))
    return RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)


def _describe(query: SearchQuery, *, watch: str = "search") -> list[tuple[str, str]]:
    """The search in words, for the form and the list; a watch says what it watches first."""
    parts: list[tuple[str, str]] = []
    if watch == AGREEMENT_WATCH:
        statuses = query.agreement_status or NEW_AGREEMENT_STATUSES
        parts.append(("watch", f"new agreements ({', '.join(s.replace('_', ' ') for s in statuses)})"))
        query = query.model_copy(update={"agreement_status": ()})
    elif watch != "search":
        parts.append(("watch", f"{watch} watch"))
    if query.text:
        parts.append(("words", query.text))
    for label, values in (
        ("source", query.sources),
        ("kind", query.kinds),
        ("entity", query.entities),
        ("country", query.countries),
        ("agreement party", query.agreement_parties),
        ("agreement status", query.agreement_status),
    ):
        parts.extend((label, str(v)) for v in values)
    if query.story_id:
        parts.append(("story", query.story_id))
    parts.extend(figure_filters(query))
    if query.published_from:
        parts.append(("from", query.published_from.date().isoformat()))
    if query.published_to:
        parts.append(("to", query.published_to.date().isoformat()))
    return parts


def _page(
    request: Request,
    *,
    owner: str | None,
    alerts: AlertService,
    params: QueryParams,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    search: list[tuple[str, str]] = []
    # what the form offers: a link's own words are never shown (see DONE_MESSAGES); a bad watch fails on save
    watch = AGREEMENT_WATCH if params.get("watch") == AGREEMENT_WATCH else "search"
    carried = [(k, v) for k, v in params.multi_items() if k in SEARCH_FIELDS and v]
    suggested = ""  # the name offered: a watch's says whose agreements (its alerts carry it)
    if carried:
        try:
            described = search_of(QueryParams(carried))
            search = _describe(described, watch=watch)
            if watch == AGREEMENT_WATCH and described.agreement_parties:
                suggested = f"new agreements of {described.agreement_parties[0]}"
            elif watch == AGREEMENT_WATCH:  # said before the form is filled in, not only on save
                error = error or NO_PARTY
        except QueryError as exc:
            error = error or str(exc)
    saved: list[Listed] = []
    if owner is not None:
        for s in alerts.searches(owner=owner):
            feed = feed_url(s, request)
            fired = alerts.alerts(owner=owner, search_id=s.id, limit=HISTORY_SHOWN)
            total = alerts.store.count_alerts(s.id) if len(fired) == HISTORY_SHOWN else len(fired)
            saved.append(
                Listed(
                    s,
                    str(feed),
                    _describe(s.spec.effective_query(), watch=s.spec.kind),
                    fired,
                    total,
                    [shown(url) for url in s.spec.apprise_urls],
                )
            )
    return render(
        request,
        "alerts.html",
        status_code=status_code,
        signed_in=owner is not None,
        keyed=owner != LOCAL_OWNER,
        carried=carried,
        next_url="/ui/alerts" + (f"?{QueryParams(carried)}" if carried else ""),
        search=search,
        saved=saved,
        error=error,
        mail_ready=bool(request.app.state.settings.smtp_host),
        done=DONE_MESSAGES.get(request.query_params.get("done", ""), ""),
        done_warns=request.query_params.get("done") == "created-no-mail",
        alert_name=params.get("name", "") or suggested,
        webhook_url=params.get("webhook_url", "")[:MAX_URL_CHARS],
        email=params.get("email", "")[:MAX_EMAIL_CHARS],
        apprise_urls=_chat_targets_as_sent(params.get("apprise_urls", "")),
        cadence=params.get("delivery", "immediate"),
        watch=watch,
    )


def _chat_targets_as_sent(text: str) -> str:
    """The form's chat targets as a refused form repeats them: as many as an alert takes, each up to the longest
    URL it takes (a 60,000-character field, like a long address or webhook URL, came back whole)."""
    targets = [line for line in text.splitlines() if line.strip()][:MAX_CHAT_TARGETS]
    return "\n".join(line[:MAX_URL_CHARS] for line in targets)


@router.get("/ui/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, owner: WebOwner, alerts: Alerts) -> HTMLResponse:
    """The form, filled from a link with the search (and a name) but never with where alerts go: a link
    from elsewhere must not be able to slip its own webhook or address into a form one submits unread."""
    offered = [(k, v) for k, v in request.query_params.multi_items() if k not in DELIVERY_FIELDS]
    return _page(request, owner=owner, alerts=alerts, params=QueryParams(offered))


@router.post("/ui/alerts", response_class=HTMLResponse, dependencies=[Depends(same_origin)])
async def create_from_form(request: Request, owner: WebOwner, alerts: Alerts) -> Response:
    form = await request.form()
    params = QueryParams([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
    if owner is None:
        return _page(
            request,
            owner=None,
            alerts=alerts,
            params=params,
            error="Sign in with your API key first.",
            status_code=401,
        )
    try:
        query = search_of(QueryParams([(k, v) for k, v in params.multi_items() if k in SEARCH_FIELDS]))
        query = query.model_copy(update={"limit": SearchQuery().limit, "cursor": None, "sort": "relevance"})
        spec = SavedSearchSpec(
            name=params.get("name", "").strip(),
            **_watched(query, watch=params.get("watch") or "search"),
            webhook_url=params.get("webhook_url", "").strip() or None,
            email=params.get("email", "").strip() or None,
            delivery=params.get("delivery", "immediate"),
            apprise_urls=tuple(u.strip() for u in params.get("apprise_urls", "").splitlines() if u.strip()),
        )
        saved = alerts.create(owner=owner, spec=spec)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'alert'}: {e['msg']}" for e in exc.errors())
        return _page(request, owner=owner, alerts=alerts, params=params, error=reasons, status_code=400)
    except (QueryError, TargetRefusedError, ValueError) as exc:
        return _page(request, owner=owner, alerts=alerts, params=params, error=str(exc), status_code=400)
    mail_ready = bool(request.app.state.settings.smtp_host)
    return _back("created-no-mail" if saved.spec.email and not mail_ready else "created")


def _watched(query: SearchQuery, *, watch: str) -> dict[str, Any]:
    """What the form saves: its search, or an agreement watch of the search's first party (narrowed by the rest of
    the search; by default new agreements: planned to signed), so an alert says why it fired as the API's do."""
    if watch == "search":
        return {"query": query}
    if watch != AGREEMENT_WATCH:
        raise ValueError("no such watch on this page: search or agreement")  # a link's words are not shown
    if not query.agreement_parties:
        raise ValueError(NO_PARTY)
    party, *others = query.agreement_parties
    narrowed = query.model_copy(update={"agreement_parties": tuple(others), "agreement_status": ()})
    return {"kind": "agreement", "party": party, "statuses": query.agreement_status, "query": narrowed}


def _signed_in(owner: str | None) -> str:
    """The owner of a change to an alert: signing in comes first."""
    if owner is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED, detail="sign in with your API key first"
        )
    return owner


@router.post("/ui/alerts/{search_id}/test", dependencies=[Depends(same_origin)])
def test_alert(search_id: str, request: Request, owner: WebOwner, alerts: Alerts) -> Response:
    """Send a test alert to the saved search's targets now; a target that refuses it is shown with why."""
    who = _signed_in(owner)
    saved = owned(lambda: alerts.get(owner=who, search_id=search_id))
    results = send_test(saved, settings=request.app.state.settings)
    failed = [
        f"{r.channel} {shown(r.target) if r.channel == 'chat' else r.target}: {r.error}"
        for r in results
        if r.error is not None
    ]
    if not results or failed:
        error = (
            "The test alert was not delivered: " + "; ".join(failed)
            if failed
            else "This alert has no webhook, e-mail or chat target to test: its alerts go only to its Atom feed."
        )
        params = QueryParams([])
        return _page(request, owner=owner, alerts=alerts, params=params, error=error, status_code=502)
    return _back("tested")


@router.post("/ui/alerts/{search_id}/{action}", dependencies=[Depends(same_origin)])
def change_alert(search_id: str, action: str, owner: WebOwner, alerts: Alerts) -> Response:
    who = _signed_in(owner)
    changes = {"pause": alerts.pause, "resume": alerts.resume, "delete": alerts.delete}
    if action not in changes:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"no action {action!r}")
    owned(lambda: changes[action](owner=who, search_id=search_id))
    return _back({"pause": "paused", "resume": "resumed", "delete": "deleted"}[action])
