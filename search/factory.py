"""Picks the configured backend."""

from __future__ import annotations

from presswatch.config import Settings
from search.base import BackendUnavailableError, SearchBackend


def open_backend(settings: Settings) -> SearchBackend:
    if settings.search_backend == "sqlite":
        from search.sqlite import SQLiteBackend

        return SQLiteBackend(path=settings.sqlite_path)
    if settings.search_backend == "elasticsearch":
        from search.elastic import ElasticsearchBackend

        password = settings.elasticsearch_password
        api_key = settings.elasticsearch_api_key
        return ElasticsearchBackend(
            url=settings.elasticsearch_url,
            index=settings.elasticsearch_index,
            outbox_path=settings.elasticsearch_outbox_path,
            api_key=api_key.get_secret_value() if api_key else None,
            basic_auth=(settings.elasticsearch_username, password.get_secret_value())
            if settings.elasticsearch_username and password
            else None,
        )
    message = f"search backend {settings.search_backend!r} is not available; use sqlite or elasticsearch"
    raise BackendUnavailableError(message, reason=message)
