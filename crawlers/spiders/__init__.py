"""One spider class per kind of source; sources.toml says which to run on what."""
