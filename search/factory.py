"""Picks the configured backend."""

from __future__ import annotations

from presswatch.config import Settings
from search.base import BackendUnavailableError, IndexMissingError, SearchBackend

__all__ = ["IndexMissingError", "open_backend"]


def open_backend(settings: Settings, *, create: bool = True) -> SearchBackend:
    """The configured backend. `create=False` is for commands that only read: an index that does not exist is
    an `IndexMissingError` rather than a new empty one (a mistyped data directory, or index name, would look
    like an empty newsroom): at once for SQLite, at the first request for Elasticsearch (a server, reached
    only then)."""
    if settings.search_backend == "sqlite":
        from search.sqlite import SQLiteBackend

        if not create and not settings.sqlite_path.exists():
            raise IndexMissingError(
                f"no index at {settings.sqlite_path}: nothing has been crawled or ingested into this data"
                " directory (PRESSWATCH_DATA_DIR); `presswatch crawl` or `presswatch ingest` creates it",
                reason="no search index yet",
            )

        return SQLiteBackend(path=settings.sqlite_path)
    if settings.search_backend == "elasticsearch":
        from search.elastic import ElasticsearchBackend

        password = settings.elasticsearch_password
        api_key = settings.elasticsearch_api_key
        return ElasticsearchBackend(
            url=settings.elasticsearch_url,
            index=settings.elasticsearch_index,
            outbox_path=settings.elasticsearch_outbox_path,
            create=create,
            api_key=api_key.get_secret_value() if api_key else None,
            basic_auth=(settings.elasticsearch_username, password.get_secret_value())
            if settings.elasticsearch_username and password
            else None,
        )
    message = f"search backend {settings.search_backend!r} is not available; use sqlite or elasticsearch"
    raise BackendUnavailableError(message, reason=message)
