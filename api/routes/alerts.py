"""Saved searches and watches (`/alerts`), their dead letters, and each one's Atom feed.

The owner of a saved search is the API key that created it (stored as a hash). With no keys configured the
API is a single-user local one: every request is the owner "local", the same owner the CLI uses by default.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from alerts.delivery import send_test
from alerts.feed import atom_feed
from alerts.model import AlertPayload, Delivery, SavedSearch, SavedSearchSpec
from alerts.names import UnknownStoryError
from alerts.service import AlertService, NotFoundError, feed_token, owner_of_api_key
from alerts.service import feed_url as alerts_feed_url
from alerts.targets import TargetRefusedError
from api.bodylimit import too_large
from api.conditional import etag_of, not_modified
from api.deps import Backend, ErrorDetail, get_app_settings, require_write_key
from presswatch.config import Settings

router = APIRouter(tags=["alerts"])
LOCAL_OWNER = "local"
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorDetail, "description": "No such saved search for this API key"}
}


def get_alerts(request: Request, backend: Backend) -> AlertService:
    """The app's alert service, opened on first use (its store is closed with the app)."""
    state = request.app.state
    with state.backend_lock:  # the backend is resolved first: this lock is free again
        service: AlertService | None = getattr(state, "alerts", None)
        if service is None:
            service = AlertService.open(state.settings, backend=backend)
            state.alerts = service
    return service


def get_owner(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> str:
    """The key's owner. With keys configured every alerts route needs one of them, even with open reads:
    saved searches hold webhook secrets and feed tokens (the app also declares it, `require_write_key`)."""
    if not settings.api_keys:
        return LOCAL_OWNER
    key = request.headers.get("X-API-Key")
    require_write_key(settings, key)  # also here: never an owner without a valid key
    return owner_of_api_key(key)


Alerts = Annotated[AlertService, Depends(get_alerts)]
Owner = Annotated[str, Depends(get_owner)]
T = TypeVar("T")


def owned(call: Callable[[], T]) -> T:
    """Runs a call on one of the owner's saved searches or deliveries; not theirs (or none) is a 404."""
    try:
        return call()
    except NotFoundError as exc:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=str(exc)) from None


class SavedSearchOut(BaseModel):
    id: str
    spec: SavedSearchSpec
    paused: bool
    created: datetime
    secret: str = Field(description="The key of X-Presswatch-Signature (HMAC-SHA256 over '<t>.' + body).")
    feed_url: str = Field(description="The Atom feed of its alerts; the token in it stands for the API key.")

    @classmethod
    def of(cls, saved: SavedSearch, request: Request) -> SavedSearchOut:
        return cls(
            id=saved.id,
            spec=saved.spec,
            paused=saved.paused,
            created=saved.created,
            secret=saved.secret,
            feed_url=feed_url(saved, request),
        )


def site_url(request: Request) -> str:
    """Where people reach this server: PRESSWATCH_PUBLIC_URL when set (behind a proxy, the address this request
    came to is often an inner one), else that address; without a final '/'."""
    settings: Settings = request.app.state.settings
    return (settings.public_url or str(request.base_url)).rstrip("/")


def feed_url(saved: SavedSearch, request: Request) -> str:
    """A saved search's feed URL under `site_url`, as the CLI prints it: handed to a feed reader elsewhere."""
    return alerts_feed_url(saved, site_url=site_url(request))


async def strictly_typed_spec(request: Request) -> None:
    """Refuse a body whose values only lax coercion would accept (`false` for a number, `0` for a date)."""
    try:
        SavedSearchSpec.model_validate_json(await request.body(), strict=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)  # an infinity is not echoed back: JSON cannot hold it
        raise RequestValidationError(
            [
                {k: v for k, v in e.items() if k != "input"} if e["type"] == "finite_number" else e
                for e in errors
            ]
        ) from None


@router.post(
    "/alerts",
    dependencies=[Depends(strictly_typed_spec)],
    response_model=SavedSearchOut,
    status_code=status.HTTP_201_CREATED,
    summary="Save a search or a watch",
    responses={
        400: {"model": ErrorDetail, "description": "The search cannot run or the webhook is refused"},
        404: {"model": ErrorDetail, "description": "The story it names (story_id) is in no indexed document"},
        **too_large(),
    },
)
def create_alert(spec: SavedSearchSpec, request: Request, alerts: Alerts, owner: Owner) -> SavedSearchOut:
    try:
        saved = alerts.create(owner=owner, spec=spec)
    except UnknownStoryError as exc:  # names a story that is not there, as GET /search?story= of it would
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=str(exc)) from None
    except (TargetRefusedError, ValueError) as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from None
    return SavedSearchOut.of(saved, request)


@router.get("/alerts", response_model=list[SavedSearchOut], summary="This API key's saved searches")
def list_alerts(request: Request, alerts: Alerts, owner: Owner) -> list[SavedSearchOut]:
    return [SavedSearchOut.of(s, request) for s in alerts.searches(owner=owner)]


@router.get("/alerts/dead-letters", response_model=list[Delivery], summary="Deliveries that gave up")
def dead_letters(alerts: Alerts, owner: Owner) -> list[Delivery]:
    return alerts.dead_letters(owner=owner)


@router.post(
    "/alerts/dead-letters/{delivery_id}/retry",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a dead letter again",
    responses={404: {"model": ErrorDetail, "description": "No such dead letter for this API key"}},
)
def retry_dead_letter(
    delivery_id: Annotated[int, Path(ge=1, le=2**63 - 1)], alerts: Alerts, owner: Owner
) -> dict[str, str]:
    owned(lambda: alerts.retry(owner=owner, delivery_id=delivery_id))
    return {"detail": "queued for delivery"}


@router.get("/alerts/{search_id}", response_model=SavedSearchOut, responses=_NOT_FOUND)
def get_alert(search_id: str, request: Request, alerts: Alerts, owner: Owner) -> SavedSearchOut:
    return SavedSearchOut.of(owned(lambda: alerts.get(owner=owner, search_id=search_id)), request)


@router.get("/alerts/{search_id}/alerts", response_model=list[AlertPayload], responses=_NOT_FOUND)
def alerts_fired(
    search_id: str,
    alerts: Alerts,
    owner: Owner,
    limit: Annotated[int, Query(ge=1, le=500, description="Alerts on this page at most.")] = 50,
    before: Annotated[
        int | None,
        Query(
            ge=1,
            le=2**63 - 1,  # the stores' integer; past it SQLite raised OverflowError, a 500
            description="Only alerts older than this one (the last `alert_id` of the previous page).",
        ),
    ] = None,
) -> list[AlertPayload]:
    """The latest alerts of a saved search, newest first, `limit` at a time; `before` pages back through the
    rest (it answered the newest 50 only, with no way to read the older ones)."""
    return owned(lambda: alerts.alerts(owner=owner, search_id=search_id, limit=limit, before=before))


@router.post("/alerts/{search_id}/pause", response_model=SavedSearchOut, responses=_NOT_FOUND)
def pause_alert(search_id: str, request: Request, alerts: Alerts, owner: Owner) -> SavedSearchOut:
    return SavedSearchOut.of(owned(lambda: alerts.pause(owner=owner, search_id=search_id)), request)


@router.post("/alerts/{search_id}/resume", response_model=SavedSearchOut, responses=_NOT_FOUND)
def resume_alert(search_id: str, request: Request, alerts: Alerts, owner: Owner) -> SavedSearchOut:
    return SavedSearchOut.of(owned(lambda: alerts.resume(owner=owner, search_id=search_id)), request)


class TestResult(BaseModel):
    channel: str
    target: str
    delivered: bool
    error: str | None = Field(description="Why the target did not accept it (null when it did).")


@router.post(
    "/alerts/{search_id}/test",
    response_model=list[TestResult],
    summary="Send a test alert to this saved search's webhook and e-mail now",
    responses={
        **_NOT_FOUND,
        400: {
            "model": ErrorDetail,
            "description": "The saved search has no webhook, e-mail or chat target to test",
        },
    },
)
def test_alert(
    search_id: str, alerts: Alerts, owner: Owner, settings: Annotated[Settings, Depends(get_app_settings)]
) -> list[TestResult]:
    """A sample alert (`alert_id` 0, signed with the search's secret), sent at once outside the outbox, and
    how each target answered: to check a target before a real alert needs it."""
    saved = owned(lambda: alerts.get(owner=owner, search_id=search_id))
    if not (saved.spec.webhook_url or saved.spec.email or saved.spec.apprise_urls):
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,
            detail="this saved search has no webhook, e-mail or chat target: its alerts go only to its Atom feed",
        )
    return [
        TestResult(channel=r.channel, target=r.target, delivered=r.error is None, error=r.error)
        for r in send_test(saved, settings=settings)
    ]


@router.delete("/alerts/{search_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_NOT_FOUND)
def delete_alert(search_id: str, alerts: Alerts, owner: Owner) -> Response:
    owned(lambda: alerts.delete(owner=owner, search_id=search_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


feed_router = APIRouter(tags=["alerts"])


@feed_router.get(
    "/alerts/{search_id}/feed.atom",
    name="alert_feed",
    response_class=Response,
    summary="The Atom feed of a saved search (authorised by its feed URL's token)",
    responses={
        200: {"content": {"application/atom+xml": {}}},
        304: {"description": "Nothing new since the reader's If-None-Match or If-Modified-Since: no body"},
        **_NOT_FOUND,
    },
)
def alert_feed(
    search_id: str,
    token: str,
    request: Request,
    alerts: Alerts,
) -> Response:
    """Served with its charset, an ETag and Last-Modified; a reader's conditional GET gets a bodiless 304
    when nothing has fired since. Its self link and document pages are under PRESSWATCH_PUBLIC_URL, else under
    the address the reader used (not the one `serve` listens on, which may be 0.0.0.0)."""
    saved = alerts.store.get(search_id)
    if saved is None or not hmac.compare_digest(token.encode(), feed_token(saved).encode()):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"no saved search {search_id}")
    fired = alerts.store.alerts_of(saved.id)
    body = atom_feed(saved, fired, self_url=feed_url(saved, request), site_url=site_url(request))
    validators = {
        "ETag": etag_of(body),
        "Last-Modified": format_datetime(
            (fired[0].matched_at if fired else saved.created).astimezone(UTC), usegmt=True
        ),
        "Cache-Control": "private, no-cache",  # readers revalidate each poll: a 304 costs no body
    }
    if not_modified(request, etag=validators["ETag"], last_modified=validators["Last-Modified"]):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=validators)
    return Response(content=body, media_type="application/atom+xml; charset=utf-8", headers=validators)
