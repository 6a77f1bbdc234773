"""The web page's sign-in: a browser cannot send X-API-Key, so it enters the key once and keeps a cookie.

The cookie holds `<issued>.<nonce>.<HMAC-SHA256 keyed by the API key over a label, <issued> and <nonce>>`:
it proves the key was entered, cannot be turned back into it, ends after `SESSION_SECONDS`, ends at
sign-out (the server records its MAC, `api.signed_out`: a copy of the cookie stops working too), and
every session of a key ends when that key leaves the configuration. It is HttpOnly, SameSite=Strict, Secure on https, for the whole
site (the search page is `/`).

It is a credential for the pages only (`/`, `/ui/...`), never for the JSON API: a JSON client keeps
sending X-API-Key, so the API stays immune to CSRF by construction and a cookie cannot widen what a
browser script can do there.

CSRF on the pages' own form posts: the cookie is SameSite=Strict (a cross-site post carries none), and
every state-changing post must show that it comes from this origin, by `Sec-Fetch-Site` (set by the
browser, authoritative when present), else by `Origin`, else by `Referer`; a post with none of them is
refused too. The check matters even without keys: the single local user of a keyless server has no
cookie for SameSite to withhold (the keyless JSON routes have the same check, `api.origin`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request, status
from starlette.datastructures import URL

from alerts.service import owner_of_api_key
from api.deps import get_app_settings, known_key, require_api_key
from api.origin import from_this_site
from api.routes.alerts import LOCAL_OWNER
from api.signed_out import has_signed_out, sign_out
from presswatch.config import Settings

SESSION_COOKIE = "presswatch_session"
SESSION_SECONDS = 7 * 24 * 3600
_LABEL = b"presswatch web session"
_NONCE = re.compile(r"[A-Za-z0-9_-]{8,64}")


def session_cookie(key: str, *, issued: int | None = None) -> str:
    """A new cookie value for an API key, issued now (or at `issued`, seconds since the epoch)."""
    at = int(time.time()) if issued is None else issued
    nonce = secrets.token_urlsafe(12)  # each sign-in its own cookie, so signing one out ends only that one
    return f"{at}.{nonce}.{_mac(key, at, nonce)}"


def _mac(key: str, issued: int, nonce: str) -> str:
    message = _LABEL + b"." + str(issued).encode() + b"." + nonce.encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Session:
    key: str
    mac: str
    expires: int


def session_of(settings: Settings, cookie: str | None) -> Session | None:
    """The session a cookie stands for, if it is one of ours, not expired and not signed out; else None."""
    parts = (cookie or "").split(".")
    if len(parts) != 3:
        return None
    issued_text, nonce, mac = parts
    if not issued_text.isdigit() or len(issued_text) > 12 or not _NONCE.fullmatch(nonce):
        return None
    issued = int(issued_text)
    if not 0 <= time.time() - issued <= SESSION_SECONDS:
        return None
    for secret in settings.api_keys:
        key = secret.get_secret_value()
        if hmac.compare_digest(mac.encode(errors="replace"), _mac(key, issued, nonce).encode()):
            if has_signed_out(settings.data_dir, mac):
                return None
            return Session(key=key, mac=mac, expires=issued + SESSION_SECONDS)
    return None


def session_key(settings: Settings, cookie: str | None) -> str | None:
    """The configured key a live session cookie was made from; else None."""
    session = session_of(settings, cookie)
    return session.key if session is not None else None


def end_session(settings: Settings, cookie: str | None) -> None:
    """Sign-out on the server: the cookie, and any copy of it, signs nobody in again."""
    session = session_of(settings, cookie)
    if session is not None:
        sign_out(settings.data_dir, mac=session.mac, expires=session.expires)


def web_owner(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> str | None:
    """Whose alerts this browser sees: the local user without keys, the signed-in key's owner, or None."""
    if not settings.api_keys:
        return LOCAL_OWNER
    key = session_key(settings, request.cookies.get(SESSION_COOKIE))
    return owner_of_api_key(key) if key is not None else None


def may_read_pages(request: Request, settings: Settings) -> bool:
    """Reads are open, or the request has a key (header, for tools) or a session (cookie, for browsers).
    A key that is sent must be one of ours, open reads or not."""
    if not settings.api_keys:
        return True
    key = request.headers.get("X-API-Key")
    if key is not None:
        return known_key(settings, key)
    if settings.api_open_reads:
        return True
    return session_key(settings, request.cookies.get(SESSION_COOKIE)) is not None


def require_page_reader(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> None:
    """A page for someone who may read, else off to the sign-in page, which comes back here after."""
    if may_read_pages(request, settings):
        return
    if "X-API-Key" in request.headers:  # a tool with a wrong key: say so, as the JSON API does
        require_api_key(settings, request.headers["X-API-Key"])
    back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = URL("/ui/sign-in").include_query_params(next=back)
    raise HTTPException(
        status_code=status.HTTP_303_SEE_OTHER,
        detail="sign in with your API key first",
        headers={"Location": str(target)},
    )


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only (no scheme, host, `//` or backslash), else `/`.

    Browsers read `/\\evil.example` and `//evil.example` as other hosts: an open redirect is refused here.
    """
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value) or len(value) > 4000:
        return "/"
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else "/"


class CrossSitePostError(HTTPException):
    """A form post `same_origin` refused: a browser is shown a page saying so (`api.app`), a tool gets JSON."""


def same_origin(request: Request) -> None:
    """Refuses a form post that does not show it comes from this site (CSRF); one that says nothing too."""
    if not from_this_site(request):
        raise CrossSitePostError(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="form posts must come from this site (the browser's Origin or Sec-Fetch-Site says where)",
        )


def account_state(request: Request) -> str:
    """For the page header: 'open' (no keys), 'signed_in' or 'signed_out'."""
    settings: Settings = request.app.state.settings
    if not settings.api_keys:
        return "open"
    return "signed_in" if session_key(settings, request.cookies.get(SESSION_COOKIE)) else "signed_out"
