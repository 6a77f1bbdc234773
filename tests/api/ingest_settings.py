"""The settings the `POST /ingest` tests fetch under: a writer's key, loopback sites allowed (the fixture sites
are on 127.0.0.1) and no rate limit, with whatever a test changes besides (its download timeout)."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from presswatch.config import Settings

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
