"""What a user saves (a search or a watch), and what one alert says about the document that fired it."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import to_jsonable_python

from alerts.query_names import query_fields
from presswatch.document import Agreement, AgreementStatus, DocumentKind, Figure
from search.base import MAX_NAME_CHARS, Query

WatchKind = Literal["search", "agreement", "figure", "mention", "story"]
Cadence = Literal["immediate", "hourly", "daily"]
PERIOD_SECONDS: dict[str, int] = {"hourly": 3600, "daily": 86400}
"""A digest's period; periods are aligned to the clock in UTC (on the hour, at midnight)."""
# "A new agreement": one announced, being negotiated, agreed (negotiations concluded) or just signed, not one
# already in force or ended.
NEW_AGREEMENT_STATUSES: tuple[AgreementStatus, ...] = ("planned", "in_negotiation", "agreed", "signed")
# Control characters (C0, DEL, C1) and the line and paragraph separators: what can break a mail header's line.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, as U+XXXX (none: an empty list)."""
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(text) if unicodedata.category(c) in _UNSAFE_CATEGORIES]


STORED = {"stored": True}
"""Validation context for reading a stored saved search: one saved before a rule was added still loads."""


def _no_control_characters(text: str, info: ValidationInfo) -> str:
    """A saved search's texts reach mail headers (Subject, To) and HTTP requests: a CR or LF there would
    inject a header or make building the message fail at every delivery, so they are refused on save (one
    stored earlier still loads; delivery writes headers on one line, or sets that row aside)."""
    if info.context == STORED:
        return text
    found = control_characters(text)
    if found:
        raise ValueError(f"must not contain control characters (found {', '.join(found)})")
    return text


# The same rule in the schema (documentation and clients' own validation: schemathesis generates to it); the
# validator enforces it, so that a search stored before the rule still loads.
_NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$"
_Text = TypeVar("_Text", bound=str)
# Generic over the text's own length limits, so that they are checked before the validator: a limit set on
# the field instead runs after it, and Pydantic then says "at most 300 items" of a string.
HeaderSafe = Annotated[
    _Text,
    AfterValidator(_no_control_characters),
    Field(json_schema_extra={"pattern": _NO_CONTROL_CHARACTERS}),
]
Title = Annotated[str, StringConstraints(max_length=200)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME_CHARS)]
StoryId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
MAX_URL_CHARS = 2000
MAX_EMAIL_CHARS = 320
MAX_CHAT_TARGETS = 10
Url = Annotated[str, StringConstraints(min_length=1, max_length=MAX_URL_CHARS)]
_EMAIL = r"^[^@\s\x00-\x1f\x7f-\x9f\u2028\u2029]+@[^@\s\x00-\x1f\x7f-\x9f\u2028\u2029]+$"


# The watch fields each kind reads; any other one set is refused on save rather than silently dropped.
USES: dict[str, frozenset[str]] = {
    "search": frozenset(),
    "agreement": frozenset({"party", "statuses"}),
    "figure": frozenset({"entity", "currency", "min_amount"}),
    "mention": frozenset({"entity"}),
    "story": frozenset({"story_id"}),
}
_WATCH_FIELDS = ("party", "statuses", "entity", "currency", "min_amount", "story_id")
_IN_QUERY = {
    "party": "query.agreement_parties",
    "statuses": "query.agreement_status",
    "entity": "query.entities",
    "currency": "query.figure_currency",
    "min_amount": "query.figure_min",
    "story_id": "query.story_id",
}


class SavedSearchSpec(BaseModel):
    """A saved search as its owner writes it.

    `kind="search"` saves any search the API accepts (`query`: text and every filter). The watches are
    shorthands that also say *why* a document matched: `agreement` (a new agreement involving `party`, with
    one of `statuses`, by default a new one), `figure` (a money figure in `currency` and/or of at least
    `min_amount`, about `entity`), `mention` (a document mentioning `entity`) and `story` (a new document in
    `story_id`). A watch's `query` narrows it further: all of its conditions must hold too. `query` takes
    `Query`'s names or `GET /search`'s (`q`, `party`, `country` by name, ...).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)  # 1e400 is no amount

    name: HeaderSafe[Title] = ""
    kind: WatchKind = "search"
    query: Query = Field(default_factory=Query)
    party: HeaderSafe[Name] | None = None
    statuses: tuple[AgreementStatus, ...] = ()
    entity: HeaderSafe[Name] | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    min_amount: float | None = Field(default=None, ge=0, strict=True)  # a JSON false is not 0
    story_id: HeaderSafe[StoryId] | None = None
    webhook_url: HeaderSafe[Annotated[str, StringConstraints(max_length=MAX_URL_CHARS)]] | None = None
    # No white space or control character (the pattern refuses them, and stays in the schema, where an
    # Annotated validator would drop it).
    email: str | None = Field(default=None, pattern=_EMAIL, max_length=MAX_EMAIL_CHARS)
    # Chat targets (Slack, Teams, Discord, Telegram, ntfy, Matrix, ...) as Apprise URLs; they hold tokens,
    # so they are secrets like the webhook's: shown to the owner only.
    delivery: Cadence = Field(
        default="immediate",
        description="Send each alert at once, or one digest per target each hour or day listing them.",
    )
    apprise_urls: tuple[HeaderSafe[Url], ...] = Field(default=(), max_length=MAX_CHAT_TARGETS)

    @field_validator("query", mode="before")
    @classmethod
    def _search_names(cls, value: Any) -> Any:
        """`query` may use GET /search's names (`q`, `party`, `country` by name, `from`, ...). Read as JSON,
        strictly: a value returned from here is validated as Python, where a JSON list is not a tuple."""
        if not isinstance(value, dict):
            return value
        return Query.model_validate_json(json.dumps(to_jsonable_python(query_fields(value))), strict=True)

    def problem(self) -> str | None:
        """What makes this spec incomplete or ambiguous, or None. Checked on save (a 400, not a schema error:
        every field is optional on its own, only some combinations are meaningless)."""
        what = "saved search" if self.kind == "search" else f"{self.kind} watch"
        article = "an" if what[0] in "aeiou" else "a"
        for field in _WATCH_FIELDS:
            if getattr(self, field) not in (None, ()) and field not in USES[self.kind]:
                users = [k for k, used in USES.items() if field in used]
                return (
                    f"{field} is not used by {article} {what} (only by {' or '.join(users)} watches): "
                    f"put it in {_IN_QUERY[field]} to narrow this one, or choose kind {users[0]!r}"
                )
        needs = {"agreement": ("party",), "mention": ("entity",), "story": ("story_id",)}
        missing = [f for f in needs.get(self.kind, ()) if getattr(self, f) is None]
        if missing:
            return f"{article} {what} needs {', '.join(missing)}"
        if self.kind == "figure" and self.min_amount is None and self.currency is None:
            return "a figure watch needs min_amount, currency or both"
        if self.kind == "search" and not self.query.model_dump(exclude_defaults=True):
            return "a saved search needs text or at least one filter"
        _, conflict = self._merged()
        return conflict

    def effective_query(self) -> Query:
        """The search this watch runs over each new batch (restricted to the batch's ids by the matcher):
        the watch's own conditions and every condition of `query`."""
        return self._merged()[0].model_copy(update={"cursor": None, "facets": False, "sort": "relevance"})

    def _merged(self) -> tuple[Query, str | None]:
        """The watch's conditions added to `query`'s, and the first pair of them that contradict."""
        query = self.query
        update: dict[str, Any] = {}
        conflict: str | None = None

        def one(field: str, mine: object, label: str) -> None:
            nonlocal conflict
            theirs = getattr(query, field)
            if mine is None:
                return
            if theirs is not None and theirs != mine and conflict is None:
                conflict = f"{label} {mine!r} contradicts {_IN_QUERY[label]} {theirs!r}: give it once"
            update[field] = mine

        if self.kind == "agreement" and self.party is not None:
            update["agreement_parties"] = tuple(dict.fromkeys((*query.agreement_parties, self.party)))
            if self.statuses and query.agreement_status and set(self.statuses) != set(query.agreement_status):
                conflict = "statuses contradicts query.agreement_status: give them once"
            update["agreement_status"] = self.statuses or query.agreement_status or NEW_AGREEMENT_STATUSES
        if self.kind in ("figure", "mention") and self.entity is not None:
            update["entities"] = tuple(dict.fromkeys((*query.entities, self.entity)))
        if self.kind == "figure":
            one("figure_currency", self.currency.upper() if self.currency else None, "currency")
            one("figure_min", self.min_amount, "min_amount")
        if self.kind == "story":
            one("story_id", self.story_id, "story_id")
        return query.model_copy(update=update), conflict


class SavedSearch(BaseModel):
    """A stored saved search: its spec, owner, state and the secret its webhooks are signed with."""

    model_config = ConfigDict(frozen=True)

    id: str
    owner: str
    spec: SavedSearchSpec
    paused: bool
    created: datetime
    secret: str = Field(description="HMAC-SHA256 key of X-Presswatch-Signature; shown to its owner only.")


class Outlet(BaseModel):
    """One outlet's copy of a story."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    source: str
    url: str
    title: str


class AlertPayload(BaseModel):
    """The JSON body of a webhook (and the content of an e-mail and a feed entry)."""

    model_config = ConfigDict(frozen=True)

    alert_id: int = Field(
        description="Unique per (saved search, document, new reason): receivers may dedupe."
    )
    search_id: str
    search_name: str
    doc_id: str
    url: str
    title: str
    source: str
    kind: DocumentKind
    published: datetime | None
    summary: str = Field(description="The document's first sentences.")
    reasons: tuple[str, ...] = Field(description="Why it matched, as stable keys (new ones fire again).")
    highlight: str = Field(default="", description="HTML: the matching text, matches in <mark>.")
    agreements: tuple[Agreement, ...] = ()
    figures: tuple[Figure, ...] = ()
    matched_at: datetime
    story_id: str | None = Field(default=None, description="The story the document is a copy of, if any.")
    outlets: tuple[Outlet, ...] = Field(
        default=(),
        description="Every outlet's copy of the story matched so far, this document's first: a copy fires no "
        "alert of its own, it is added here.",
    )


class DigestPayload(BaseModel):
    """One digest: every alert a saved search fired in a period, each listed once (a webhook's JSON body)."""

    model_config = ConfigDict(frozen=True)

    digest_id: int = Field(description="Unique per digest: receivers may dedupe.")
    search_id: str
    search_name: str
    period_start: datetime
    period_end: datetime
    alerts: tuple[AlertPayload, ...]


class Delivery(BaseModel):
    """One delivery of an alert to one channel; `state="dead"` is the dead-letter record."""

    id: int
    alert_id: int
    search_id: str
    channel: Literal["webhook", "email", "chat"]
    target: str
    state: Literal["pending", "delivered", "dead"]
    attempts: int
    last_error: str | None
    attempted_at: datetime | None = Field(default=None, description="When the last attempt ended.")
    doc_id: str = Field(default="", description="The document the alert is about.")
    title: str = Field(default="", description="Its title.")
    url: str = Field(default="", description="Its address.")
