"""The index: the `SearchBackend` protocol (`base.py`) and its two backends, SQLite FTS5 (embedded, the default)
and Elasticsearch; user text is parsed once (`parsed.py`) and each backend compiles the parsed query."""
