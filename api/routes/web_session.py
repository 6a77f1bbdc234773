"""Signing the browser in and out of the web page (`api.session` says what the cookie is and why)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import get_app_settings, known_key
from api.routes.web import render
from api.session import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    end_session,
    safe_next,
    same_origin,
    session_cookie,
)
from presswatch.config import Settings

router = APIRouter(include_in_schema=False)
MAX_KEY_CHARS = 1000


@router.get("/ui/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "sign_in.html", next_url=safe_next(next), error="")


@router.post("/ui/session", dependencies=[Depends(same_origin)])
def sign_in(
    request: Request,
    settings: Annotated[Settings, Depends(get_app_settings)],
    api_key: Annotated[str, Form(max_length=MAX_KEY_CHARS)] = "",
    next: Annotated[str, Form(max_length=4000)] = "/",
) -> Response:
    """Checks the entered key and keeps only a dated HMAC of it in the cookie; then back where it was."""
    target = safe_next(next)
    if not known_key(settings, api_key):
        return render(
            request,
            "sign_in.html",
            status_code=status.HTTP_401_UNAUTHORIZED,
            next_url=target,
            error="That API key is not one this server knows."
            if settings.api_keys
            else "This server has no API keys: nothing to sign in to.",
        )
    response = RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        session_cookie(api_key),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/ui/session/end", dependencies=[Depends(same_origin)])
def sign_out(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> Response:
    """Ends the session on the server too (`api.signed_out`), then deletes the browser's cookie."""
    end_session(settings, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/ui/sign-in", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response
