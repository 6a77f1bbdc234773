"""What every search backend offers, and the query and result shapes they share."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from presswatch.document import Agreement, AgreementStatus, Document, DocumentKind, Figure, Quote

# Facets every backend computes: by source, kind, entity (all labels), person, organisation, country
# (ISO code) and documents per day.
FACET_FIELDS = ("source", "kind", "entity", "person", "organisation", "country", "day")
# Facets count at most this many matches (the newest indexed); `Page.facets_sampled` says when they did.
FACET_SAMPLE = 500
SortOrder = Literal["relevance", "date"]
SearchMode = Literal["text", "semantic", "hybrid"]
MAX_NAME_CHARS = 300
"""The longest name a filter or a watch takes (an entity, a party, a source): one limit, so a watch saved from
a filtered page never refuses the name the page just searched for."""


class QueryError(ValueError):
    """The query cannot be run as written; the message says why, in words a user can act on."""


class DocumentNotFoundError(LookupError):
    """No document has this id."""


RETRY_AFTER_SECONDS = 10
"""What an index that is down, busy or locked asks a client to wait before trying again (the API's
Retry-After): long enough not to hammer a server coming back, short enough for a lock to be gone."""


class BackendUnavailableError(RuntimeError):
    """The index cannot be reached or opened.

    `str(exc)` is the detail for logs and the local CLI (paths, driver messages); `reason` says what is wrong
    in words that are safe to show an API client. `retry_after`: seconds after which the same request may
    succeed (a server down or overloaded, a lock); None when it cannot until someone acts (a corrupt file, no
    permission, no index), so the API's 503 carries a Retry-After only where waiting helps.
    """

    def __init__(
        self, detail: str, *, reason: str | None = None, retry_after: int | None = RETRY_AFTER_SECONDS
    ) -> None:
        super().__init__(detail)
        self.reason = reason or "the search index cannot be reached"
        self.retry_after = retry_after


class IndexMissingError(BackendUnavailableError):
    """A command that only reads was pointed at an index that does not exist (and must not create it)."""

    def __init__(self, detail: str, *, reason: str | None = None) -> None:
        super().__init__(detail, reason=reason, retry_after=None)


class Query(BaseModel):
    """A search: free text plus filters. Empty text with filters lists matching documents, newest first."""

    # No infinity or NaN: JSON stores them as null, so a saved `figure_min` of 1e400 would come back as none.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    text: str = ""
    sources: tuple[str, ...] = ()
    kinds: tuple[DocumentKind, ...] = ()
    entities: tuple[str, ...] = Field(default=(), description="Every named entity must be mentioned.")
    countries: tuple[str, ...] = Field(
        default=(), description="ISO 3166-1 alpha-2 codes; every one must be mentioned."
    )
    published_from: datetime | None = None
    published_to: datetime | None = Field(default=None, description="Inclusive upper bound.")
    figure_currency: str | None = Field(default=None, description="A money figure in this ISO 4217 currency.")
    figure_min: float | None = Field(default=None, description="A money figure of at least this value.")
    figure_max: float | None = Field(default=None, description="A money figure of at most this value.")
    agreement_parties: tuple[str, ...] = Field(
        default=(), description="An agreement whose parties include every one of these (canonical names)."
    )
    agreement_status: tuple[AgreementStatus, ...] = Field(
        default=(), description="An agreement with one of these statuses (the same one as the parties)."
    )
    story_id: str | None = None
    ids: tuple[str, ...] = Field(
        default=(), description="Only these documents: alerts run saved searches over a new batch."
    )
    withdrawn: bool | None = Field(
        default=None,
        description="True: only withdrawn documents (gone from their site); False: none of them.",
    )
    sort: SortOrder = "relevance"
    mode: SearchMode = Field(
        default="text",
        description="text: BM25; semantic: nearest embeddings to `vector`; hybrid: both, fused by rank.",
    )
    vector: tuple[float, ...] | None = Field(
        default=None,
        description="The embedding of `text` (presswatch.encoder.encode_query) for semantic and hybrid modes.",
    )
    limit: int = Field(default=10, ge=1, le=100)
    cursor: str | None = None
    facets: bool = True


class Hit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    url: str
    source: str
    kind: DocumentKind
    title: str
    published: datetime | None
    score: float
    snippet: str = Field(description="HTML: text escaped, matches wrapped in <mark>.")
    figures: tuple[Figure, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[str, ...] = Field(default=(), description="Distinct normalised entity names.")
    story_id: str | None = Field(default=None, description="Its story: `story=` lists the story's documents.")
    withdrawn: bool = Field(default=False, description="Its page answered 404 or 410 when crawled again.")

    @classmethod
    def of(cls, document: Document, *, score: float, snippet: str) -> Hit:
        names = list(dict.fromkeys(m.normalized for m in document.entities if m.label != "DATE"))
        return cls(
            id=document.id,
            url=document.url,
            source=document.source,
            kind=document.kind,
            title=document.title,
            published=document.published,
            score=score,
            snippet=snippet,
            figures=document.figures,
            agreements=document.agreements,
            quotes=document.quotes,
            entities=tuple(names),
            story_id=document.story_id,
            withdrawn=document.withdrawn,
        )


class FacetValue(BaseModel):
    value: str
    count: int


class Page(BaseModel):
    total: int
    total_exact: bool = Field(
        default=True, description="False when more documents matched than were counted: `total` is a floor."
    )
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = {}
    facets_sampled: int | None = Field(
        default=None,
        description="Set when more documents matched than facets count: the counts cover this many of them.",
    )
    next_cursor: str | None = None


class IndexReport(BaseModel):
    """What an `index` call did: new documents, replaced ones, and ones refused with the reason."""

    added: int = 0
    updated: int = 0
    queued: int = Field(
        default=0, description="Kept in a durable local outbox while the index is unreachable; sent later."
    )
    failed: dict[str, str] = {}


class SearchBackend(Protocol):
    def index(self, docs: Iterable[Document]) -> IndexReport: ...

    def search(self, query: Query) -> Page: ...

    def get(self, doc_id: str) -> Document | None: ...

    def delete(self, doc_id: str) -> bool: ...

    def count(self) -> int: ...

    def documents_per_source(self, names: Sequence[str], *, timeout: float) -> dict[str, int]:
        """Each of `names`' documents (its `source`), every one counted (a search's total stops at 10,000);
        BackendUnavailableError when the index cannot answer within `timeout` seconds."""
        ...

    def documents(self, *, batch_size: int = 500) -> Iterator[Document]:
        """Every stored document, read in batches (for rewrites such as applying the user's aliases)."""
        ...

    def similar(self, doc_id: str, *, limit: int = 10, filters: Query | None = None) -> list[Hit]:
        """The documents nearest to this one by embedding (itself left out), best first; `filters` are
        the filters of a Query (its text is ignored). DocumentNotFoundError for an unknown id, QueryError
        when the document has no embedding."""
        ...

    def close(self) -> None: ...


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for; a cursor we did not make is a `QueryError`, not a crash."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = raw.partition(":")
        offset = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise QueryError("invalid cursor: pass back the next_cursor of a previous page") from None
    if prefix != "o" or not 0 <= offset <= 2**63 - 1:
        raise QueryError("invalid cursor: pass back the next_cursor of a previous page")
    return offset
