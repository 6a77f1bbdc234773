"""The index: a `SearchBackend` protocol and its backends (SQLite FTS5 embedded, Elasticsearch later)."""
