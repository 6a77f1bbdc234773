"""What a user saves (a search or a watch), and what one alert says about the document that fired it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from presswatch.document import Agreement, AgreementStatus, DocumentKind, Figure
from search.base import Query

WatchKind = Literal["search", "agreement", "figure", "mention", "story"]
# "A new agreement": one announced, being negotiated, agreed (negotiations concluded) or just signed, not one
# already in force or ended.
NEW_AGREEMENT_STATUSES: tuple[AgreementStatus, ...] = ("planned", "in_negotiation", "agreed", "signed")


class SavedSearchSpec(BaseModel):
    """A saved search as its owner writes it.

    `kind="search"` saves any search the API accepts (`query`: text and every filter). The watches are
    shorthands that also say *why* a document matched: `agreement` (a new agreement involving `party`, with
    one of `statuses`, by default a new one), `figure` (a money figure of at least `min_amount` in a document
    about `entity`), `mention` (a document mentioning `entity`) and `story` (a new document in `story_id`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(default="", max_length=200)
    kind: WatchKind = "search"
    query: Query = Field(default_factory=Query)
    party: str | None = Field(default=None, min_length=1, max_length=200)
    statuses: tuple[AgreementStatus, ...] = ()
    entity: str | None = Field(default=None, min_length=1, max_length=200)
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    min_amount: float | None = Field(default=None, ge=0, strict=True)  # a JSON false is not 0
    story_id: str | None = Field(default=None, min_length=1, max_length=200)
    webhook_url: str | None = Field(default=None, max_length=2000)
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+$", max_length=320)

    def problem(self) -> str | None:
        """What makes this spec incomplete, or None. Checked on save (a 400, not a schema error: every field
        is optional on its own, only some combinations are meaningless)."""
        needs = {
            "agreement": ("party",),
            "figure": ("min_amount",),
            "mention": ("entity",),
            "story": ("story_id",),
        }
        missing = [f for f in needs.get(self.kind, ()) if getattr(self, f) is None]
        if missing:
            article = "an" if self.kind == "agreement" else "a"
            return f"{article} {self.kind} watch needs {', '.join(missing)}"
        if self.kind == "search" and not self.query.model_dump(exclude_defaults=True):
            return "a saved search needs text or at least one filter"
        return None

    def effective_query(self) -> Query:
        """The search this watch runs over each new batch (restricted to the batch's ids by the matcher)."""
        if self.kind == "search":
            return self.query.model_copy(update={"cursor": None, "facets": False, "sort": "relevance"})
        if self.kind == "agreement":
            assert self.party is not None
            return Query(
                agreement_parties=(self.party,), agreement_status=self.statuses or NEW_AGREEMENT_STATUSES
            )
        if self.kind == "figure":
            return Query(
                entities=(self.entity,) if self.entity else (),
                figure_currency=self.currency.upper() if self.currency else None,
                figure_min=self.min_amount,
            )
        if self.kind == "mention":
            return Query(entities=(self.entity or "",))
        return Query(story_id=self.story_id)


class SavedSearch(BaseModel):
    """A stored saved search: its spec, owner, state and the secret its webhooks are signed with."""

    model_config = ConfigDict(frozen=True)

    id: str
    owner: str
    spec: SavedSearchSpec
    paused: bool
    created: datetime
    secret: str = Field(description="HMAC-SHA256 key of X-Presswatch-Signature; shown to its owner only.")


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


class Delivery(BaseModel):
    """One delivery of an alert to one channel; `state="dead"` is the dead-letter record."""

    id: int
    alert_id: int
    search_id: str
    channel: Literal["webhook", "email"]
    target: str
    state: Literal["pending", "delivered", "dead"]
    attempts: int
    last_error: str | None
