"""The settings the `POST /ingest` tests fetch under: a writer's key, loopback sites allowed (the fixture sites
are on 127.0.0.1) and no rate limit, with whatever a test changes besides (its download timeout); and the
post of one URL to the route on an app built from them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from crawlers.ingest import PageIngester
from nlp.pipeline import Extractor
from presswatch.config import Settings

if TYPE_CHECKING:
    import httpx2  # what the test client's responses are (starlette's own choice of httpx)

WRITER_KEY = {"X-API-Key": "writer"}


def fetching(settings: Settings, **changes: Any) -> Settings:
    """`settings` with a writer's key, private networks allowed and no rate limit, then `changes`."""
    return settings.model_copy(
        update={
            "api_keys": [SecretStr("writer")],
            "crawl_allow_private_networks": True,
            "rate_limit_per_minute": 0,
            **changes,
        }
    )


def ingest_url(settings: Settings, url: str, *, extractor: Extractor | None = None) -> httpx2.Response:
    """`POST /ingest` of `url` with a writer's key, on an app and page ingester built from `settings`."""
    ingester = PageIngester(settings) if extractor is None else PageIngester(settings, extractor=extractor)
    with TestClient(create_app(settings, ingester=ingester)) as client:
        return client.post("/ingest", json={"url": url}, headers=WRITER_KEY)
