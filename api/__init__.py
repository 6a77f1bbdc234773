"""The HTTP API: search, documents and health, with OpenAPI docs at /docs."""
