"""FastAPI dependencies: settings, the search backend, and the API-key check."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

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


def require_api_key(
    settings: Annotated[Settings, Depends(get_app_settings)],
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """Open when no keys are configured; otherwise X-API-Key must match one (compared in constant time)."""
    if not settings.api_keys:
        return
    if key is None or not any(secrets.compare_digest(key, k.get_secret_value()) for k in settings.api_keys):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="missing or wrong API key: send it in the X-API-Key header",
        )


Backend = Annotated[SearchBackend, Depends(get_backend)]
