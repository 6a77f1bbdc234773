"""FastAPI dependencies: settings, the search backend, and the API-key check."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader

from presswatch.config import Settings
from search.base import SearchBackend

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_backend(request: Request) -> SearchBackend:
    backend: SearchBackend = request.app.state.backend
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
