"""`PRESSWATCH_*` variables that name no setting: a misspelling (`PRESSWATCH_API_KEY` for `..._API_KEYS`) was
ignored in silence, so a user believed the API protected when it was open.

Each is reported with the nearest setting's name (difflib), once per run (`WARNED`). One whose nearest setting guards access (API keys,
open reads, CORS, credentials, reaching private networks) stops the command as a bad configuration: starting
anyway would run the service less protected than its owner believes, and a refusal costs only a restart. Any
other is a warning: its setting keeps its default, which is visible and harmless.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX = "PRESSWATCH_"
WARNED = "PRESSWATCH_UNKNOWN_WARNED"
"""The unknown variables this run has warned of (comma-separated), handed down to the commands it starts
(`watch`'s crawls, `demo`'s): each says only what its parent did not, so a warning comes once per run."""

NOT_SETTINGS = frozenset(
    {
        "PRESSWATCH_SERVE_SETTINGS_JSON",  # `serve` hands its settings to its API processes
        "PRESSWATCH_SERVE_ACCEPT_BOARD",  # and where they balance accepted connections
        WARNED,
        "PRESSWATCH_DB_PASSWORD",  # docker-compose.yml's passwords for its PostgreSQL and RabbitMQ
        "PRESSWATCH_MQ_PASSWORD",
        "PRESSWATCH_EVAL_DIR",  # benchmarks and tests (bench/common.py)
        "PRESSWATCH_BENCH_ELASTICSEARCH_URL",
        "PRESSWATCH_TEST_BROKER_URL",
        "PRESSWATCH_PG_BIN",
        "PRESSWATCH_FUZZ_EXAMPLES",
        "PRESSWATCH_UPDATE_SCREENSHOTS",
    }
)
"""Variables presswatch or its tooling reads that are not `Settings` fields."""

GUARDS = frozenset(
    {
        "api_keys",
        "api_open_reads",
        "cors_origins",
        "elasticsearch_api_key",
        "elasticsearch_username",
        "elasticsearch_password",
        "database_url",
        "broker_url",
        "smtp_username",
        "smtp_password",
        "smtp_starttls",
        "smtp_ca_file",
        "crawl_allow_private_networks",
        "alerts_allow_private_networks",
    }
)
"""Settings that decide who may use the service or what it may reach: a misspelling of one is an error."""

_SECRET_WORDS = ("KEY", "PASSWORD", "SECRET", "TOKEN")


@dataclass(frozen=True, slots=True)
class Unknown:
    name: str
    nearest: str | None
    """The nearest setting's variable, when one is close enough to be a misspelling of it."""
    guards: bool
    """Whether it may be a setting that guards access (see GUARDS), so starting without it is refused."""

    def message(self) -> str:
        hint = f"; did you mean {self.nearest}?" if self.nearest else ""
        return f"{self.name} is not a presswatch setting and is ignored{hint}"


def unknown_variables(names: Iterable[str], *, fields: Iterable[str]) -> list[Unknown]:
    """The `PRESSWATCH_*` names among `names` that are neither a field of `fields` nor in NOT_SETTINGS."""
    known = {PREFIX + field.upper(): field for field in fields}
    found: list[Unknown] = []
    for name in sorted(set(names)):
        upper = name.upper()  # pydantic-settings reads the environment without regard to case
        if not upper.startswith(PREFIX) or upper in known or upper in NOT_SETTINGS:
            continue
        close = difflib.get_close_matches(upper, list(known), n=1, cutoff=0.75)
        nearest = close[0] if close else None
        guards = (nearest is not None and known[nearest] in GUARDS) or any(w in upper for w in _SECRET_WORDS)
        found.append(Unknown(name=name, nearest=nearest, guards=guards))
    return found
