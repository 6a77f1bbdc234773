"""The one record that travels crawl → extract → index → serve.

Every stage adds to a `Document`; none reaches back. Ids come from the canonical URL, so ingesting the
same page twice is an upsert, never a duplicate.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

DocumentKind = Literal["press_release", "news", "speech", "statement"]
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]
FigureKind = Literal["money", "count", "percent"]
Qualifier = Literal["exact", "at_least", "at_most", "about"]
AgreementStatus = Literal["planned", "signed", "in_negotiation", "unknown"]

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "at_least": "at least ",
    "at_most": "at most ",
    "about": "about ",
}


def canonical_url(url: str) -> str:
    """Normalise a URL so that trivially different spellings of one page share an id.

    Lower-cases scheme and host, drops default ports, fragments and tracking parameters, and sorts the
    query; the path is kept as is because servers may treat it case-sensitively.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PARAMS)
    )
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def document_id(url: str) -> str:
    """A stable id for the page at `url`: the first 32 hex digits of SHA-256 of its canonical form."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:32]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """A named entity as it appears in the text, with the name it normalises to."""

    text: str
    label: EntityLabel
    normalized: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Figure(_Frozen):
    """A number that matters: an amount of money, a count of things, or a percentage."""

    kind: FigureKind
    text: str
    value: float
    qualifier: Qualifier = "exact"
    currency: str | None = None  # ISO 4217, for money
    unit: str | None = None  # the counted noun, singular and lower case, for counts
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: object) -> object:
        """Accept our own JSON back: `normalized` is derived, so it is dropped on input."""
        if isinstance(data, dict) and "normalized" in data:
            return {k: v for k, v in data.items() if k != "normalized"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def normalized(self) -> str:
        """A readable normal form such as '75,000,000 GBP' or 'at least 31,000 person'."""
        number = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        suffix = {"money": self.currency, "count": self.unit, "percent": "%"}[self.kind]
        tail = f"{number}%" if self.kind == "percent" else f"{number} {suffix}" if suffix else number
        return f"{_QUALIFIER_WORDS[self.qualifier]}{tail}"


class Agreement(_Frozen):
    """An agreement, deal or treaty, its parties and how far along it is."""

    text: str  # the sentence that announces it
    parties: tuple[str, ...]
    status: AgreementStatus
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Frozen):
    """Words in quotation marks and who said them, where the text says."""

    text: str
    speaker: str | None = None
    role: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Document(_Frozen):
    """A page and everything extracted from it."""

    id: str
    url: str
    source: str
    kind: DocumentKind = "news"
    title: str
    body: str
    published: datetime | None = None
    language: str | None = None
    summary: str | None = None
    author: str | None = None
    entities: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @classmethod
    def from_page(cls, *, url: str, **fields: object) -> Document:
        """Build a document whose id and url come from the page's canonical URL."""
        canonical = canonical_url(url)
        return cls.model_validate({**fields, "url": canonical, "id": document_id(canonical)})

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)
