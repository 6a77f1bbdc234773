"""Picks the configured backend."""

from __future__ import annotations

from presswatch.config import Settings
from search.base import BackendUnavailableError, SearchBackend


def open_backend(settings: Settings) -> SearchBackend:
    if settings.search_backend == "sqlite":
        from search.sqlite import SQLiteBackend

        return SQLiteBackend(path=settings.sqlite_path)
    message = f"search backend {settings.search_backend!r} is not available yet; use PRESSWATCH_SEARCH_BACKEND=sqlite"
    raise BackendUnavailableError(message, reason=message)
