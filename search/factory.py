"""Picks the configured backend."""

from __future__ import annotations

from presswatch.config import Settings
from search.base import BackendUnavailableError, SearchBackend


class IndexMissingError(BackendUnavailableError):
    """A command that only reads was pointed at a data directory that holds no index."""


def open_backend(settings: Settings, *, create: bool = True) -> SearchBackend:
    """The configured backend. `create=False` is for commands that only read: a SQLite index that does not exist
    is an `IndexMissingError` rather than a new empty one (a mistyped data directory would look like an empty
    newsroom). Elasticsearch is a server: its index is left to it either way."""
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
            api_key=api_key.get_secret_value() if api_key else None,
            basic_auth=(settings.elasticsearch_username, password.get_secret_value())
            if settings.elasticsearch_username and password
            else None,
        )
    message = f"search backend {settings.search_backend!r} is not available; use sqlite or elasticsearch"
    raise BackendUnavailableError(message, reason=message)
