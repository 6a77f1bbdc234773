"""The index: the `SearchBackend` protocol (`base.py`) and its two backends, SQLite FTS5 (embedded, the default)
and Elasticsearch; user text is parsed once (`parsed.py`) and each backend compiles the parsed query. A filter's
entity or party is read as the index files it (`stored_names.py`: 'JICA' is the Japan International Cooperation
Agency), only where the names as given find nothing."""
