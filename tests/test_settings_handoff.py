"""Settings handed to a child process (a serve worker, the crawl's index worker) keep their secrets."""

from __future__ import annotations

import json

from pydantic import SecretStr

from presswatch.config import Settings, settings_for_child
from presswatch.serve import settings_json


def _secrets(settings: Settings) -> tuple[str | None, ...]:
    def clear(value: SecretStr | None) -> str | None:
        return value.get_secret_value() if value else None

    return (
        clear(settings.elasticsearch_password),
        clear(settings.elasticsearch_api_key),
        clear(settings.smtp_password),
    )


def test_the_crawl_index_workers_settings_keep_the_elasticsearch_password() -> None:
    parent = Settings(
        elasticsearch_password=SecretStr("s3cret"),
        elasticsearch_api_key=SecretStr("key"),
        smtp_password=SecretStr("mail"),
        api_keys=[SecretStr("api")],
    )
    # As crawlers.worker_client writes the header and crawlers.worker reads it back.
    header = json.loads(json.dumps({"settings": settings_for_child(parent, exclude=frozenset({"api_keys"}))}))
    child = Settings(**header["settings"])
    assert _secrets(child) == ("s3cret", "key", "mail")
    assert child.api_keys == []  # the index worker serves no API: its keys stay with the parent


def test_a_serve_workers_settings_keep_every_secret() -> None:
    parent = Settings(smtp_password=SecretStr("mail"), api_keys=[SecretStr("api")])
    child = Settings.model_validate_json(settings_json(parent))
    assert _secrets(child) == (None, None, "mail")
    assert [k.get_secret_value() for k in child.api_keys] == ["api"]
