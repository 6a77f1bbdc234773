"""The HTTP API and the web page: search and export, documents and similar ones, sources, entities, figures,
agreements, alerts and their feeds, ingest, health and metrics; server-rendered pages at `/` and `/ui/...`;
OpenAPI docs at /docs (assets served from the package)."""
