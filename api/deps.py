"""FastAPI dependencies: settings, the search backend, and the API-key check."""

from __future__ import annotations

import hashlib
import math
import secrets
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

from api.ratelimit import RateLimiter
from presswatch.config import Settings
from search.base import SearchBackend
from search.factory import open_backend

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


class ErrorDetail(BaseModel):
    """The body of every error the API answers itself: what is wrong, in words."""

    detail: str


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_backend(request: Request) -> SearchBackend:
    """The open backend; opened on first use and retried on each request until it opens.

    An index that cannot be opened (down, corrupt, no permission) is a 503 saying why, not an API that
    refuses to start; it recovers by itself once the index is back.
    """
    state = request.app.state
    with state.backend_lock:
        if state.backend is None:
            state.backend = open_backend(state.settings)
        backend: SearchBackend = state.backend
    return backend


def known_key(settings: Settings, key: str | None) -> bool:
    return key is not None and any(
        secrets.compare_digest(key.encode(), k.get_secret_value().encode()) for k in settings.api_keys
    )


def require_api_key(
    settings: Annotated[Settings, Depends(get_app_settings)],
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """Reads: open when no keys are configured (or `api_open_reads`); otherwise X-API-Key must match one
    (compared in constant time). A key that is sent is checked even when reads are open: an unknown one is a
    401 everywhere, never an anonymous caller."""
    if not settings.api_keys:
        return
    if key is None and settings.api_open_reads:
        return
    if not known_key(settings, key):
        raise _wrong_key()


def refuse_unknown_key(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> None:
    """For routes with a credential of their own (a session cookie, a feed token): a key that is sent must
    still be one of ours (401), as everywhere else. Read from the request, so the schema asks for no key."""
    key = request.headers.get("X-API-Key")
    if settings.api_keys and key is not None and not known_key(settings, key):
        raise _wrong_key()


def _wrong_key() -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="missing or wrong API key: send it in the X-API-Key header",
    )


def writes_switched_off() -> None:
    """Writes always need a key: with none configured they are switched off (403), never open."""
    raise HTTPException(
        status_code=status.HTTP_403_FORBIDDEN,
        detail="writes are switched off: configure PRESSWATCH_API_KEYS and send one in X-API-Key",
    )


def require_write_key(
    settings: Annotated[Settings, Depends(get_app_settings)],
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """Writes, and reads that reveal a secret (saved searches with their webhook secrets and feed tokens),
    need one of the configured keys, whatever `api_open_reads` says."""
    if not known_key(settings, key):
        raise _wrong_key()


def rate_limited(request: Request) -> None:
    """Counts the request against its key's budget: 429 when spent. Only a configured key has a budget of its
    own; without one, or with a made-up one, the request counts against its client address (a fresh key per
    request must not be a fresh budget)."""
    limiter: RateLimiter | None = request.app.state.rate_limiter
    if limiter is None:
        return
    key = request.headers.get("X-API-Key")
    known = known_key(request.app.state.settings, key)
    who = f"key:{hashlib.sha256(key.encode()).hexdigest()}" if known and key else f"addr:{_client(request)}"
    wait = limiter.take(who)
    if wait is not None:
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"rate limit reached: retry in {math.ceil(wait)} s",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


RATE_LIMITED: dict[int | str, dict[str, Any]] = {
    429: {
        "model": ErrorDetail,
        "description": "Too many requests from this key or address; Retry-After says when to come back",
        "headers": {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    }
}


RETRY_AFTER: dict[str, Any] = {
    "Retry-After": {
        "description": "Seconds to wait before trying again; sent only where waiting can help (a server down"
        " or busy, a lock), not where someone has to act (a corrupt index, a missing ingester)",
        "schema": {"type": "integer"},
    }
}
"""The Retry-After header a 503 may carry, as the OpenAPI document describes it."""


def retry_after(seconds: int | None) -> dict[str, str]:
    """The headers of a 503 that a retry after `seconds` may mend; none when None."""
    return {"Retry-After": str(max(1, seconds))} if seconds is not None else {}


Backend = Annotated[SearchBackend, Depends(get_backend)]
