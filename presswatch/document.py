"""The one record that travels crawl → extract → index → serve.

Every stage adds to a `Document`; none reaches back. Ids come from the canonical URL, so ingesting the
same page twice is an upsert, never a duplicate.
"""

from __future__ import annotations

import hashlib
import ipaddress
from datetime import datetime
from typing import Literal
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator
from w3lib.url import canonicalize_url, url_query_cleaner

DocumentKind = Literal["press_release", "news", "speech", "statement"]
# GPE is a country (with its ISO 3166 code); LOC is any other place (city, region, sea); LAW is a law,
# agreement or programme named as such, which is not an organisation.
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "LAW"]
FigureKind = Literal["money", "count", "percent"]
Qualifier = Literal["exact", "at_least", "at_most", "up_to", "about", "just_under"]
# In the order an agreement goes through: "agreed" is negotiations concluded (a text finalised, a deal struck,
# agreement in principle) before it is signed; "in_force" once it is said to apply, take effect or be ratified.
AgreementStatus = Literal[
    "planned", "in_negotiation", "agreed", "signed", "in_force", "suspended", "ended", "unknown"
]

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "at_least": "at least ",
    "at_most": "at most ",
    "up_to": "up to ",
    "about": "about ",
    "just_under": "just under ",
}


def _without_keys(data: object, *keys: str) -> object:
    """Accept our own JSON back: computed fields are derived, so they are dropped on input."""
    if isinstance(data, dict) and any(k in data for k in keys):
        return {k: v for k, v in data.items() if k not in keys}
    return data


class InvalidURLError(ValueError):
    """A URL that cannot name a page (a port out of range, no host); the message says which and why."""


def canonical_url(url: str) -> str:
    """Normalise a URL so that trivially different spellings of one page share an id.

    Lower-cases scheme and host, drops default ports, credentials, fragments and tracking parameters
    (`utm_*`, `fbclid`, ...), sorts the query and normalises percent-encoding (w3lib's `canonicalize_url`);
    IPv6 hosts keep their brackets. The path keeps its case because servers may treat it case-sensitively.
    Raises `InvalidURLError` for a URL that names no page.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InvalidURLError(f"not a usable URL: {text[:200]!r} ({exc})") from None
    scheme = parts.scheme.lower() or "http"
    host = parts.hostname or ""  # lower case, without brackets or credentials
    if not host and scheme in _DEFAULT_PORTS:
        raise InvalidURLError(f"not a usable URL: {text[:200]!r} (no host)")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    tracking = sorted(
        {
            k
            for k, _ in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower().startswith(_TRACKING_PARAMS)
        }
    )
    rebuilt = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    try:
        if tracking:
            rebuilt = url_query_cleaner(rebuilt, tracking, remove=True, unique=False)
        return canonicalize_url(rebuilt, keep_blank_values=True)
    except (ValueError, UnicodeError) as exc:
        raise InvalidURLError(f"not a usable URL: {text[:200]!r} ({exc})") from None


def page_url(url: str) -> str:
    """`url` if it can name a page to ingest: http(s), a host, and it canonicalises; else `InvalidURLError`.

    A host that ends in a number must be a plain dotted-decimal IPv4 address: `0177.0.0.1`, `127.1`,
    `0x7f.0.0.1` and digits of other scripts are read differently by different parsers (a browser takes
    `0177` as octal), so they are refused rather than guessed.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError as exc:
        raise InvalidURLError(f"not a usable URL: {text[:200]!r} ({exc})") from None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not host:
        why = (
            "no host" if parts.scheme.lower() in _DEFAULT_PORTS else f"scheme {parts.scheme!r} is not http(s)"
        )
        raise InvalidURLError(f"not an http or https URL: {text[:200]!r} ({why})")
    last = host.rstrip(".").rsplit(".", 1)[-1]
    numeric = last.isdigit() or last.lower().startswith("0x")
    if ":" not in host and numeric and not _dotted_ipv4(host):  # (":": an IPv6 literal, urlsplit checked it)
        raise InvalidURLError(
            f"not a usable URL: {text[:200]!r} (the host {host!r} is no plain IPv4 address)"
        )
    canonical_url(text)
    return text


def _dotted_ipv4(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return host.isascii()


def document_id(url: str) -> str:
    """A stable id for the page at `url`: the first 32 hex digits of SHA-256 of its canonical form."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:32]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def entity_id(label: str, name: str) -> str:
    """A stable id for an entity across documents: its label and normalised name, hashed."""
    key = f"{label}:{' '.join(name.split()).casefold()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Mention(_Frozen):
    """A named entity as it appears in the text, with the entity it resolves to.

    Every mention of one entity in a document carries the same `normalized` name ("Sir Keir", "Starmer"
    and "the prime minister" all resolve to "Keir Starmer").
    """

    text: str
    label: EntityLabel
    normalized: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    code: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code, for countries.")
    role: str | None = Field(default=None, description="A person's role here, e.g. 'Home Secretary'.")

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: object) -> object:
        return _without_keys(data, "entity_id")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def entity_id(self) -> str:
        return entity_id(self.label, self.normalized)


class Figure(_Frozen):
    """A number that matters: an amount of money, a count of things, or a percentage."""

    kind: FigureKind
    text: str
    value: float
    qualifier: Qualifier = "exact"
    value_max: float | None = Field(default=None, description="The upper end of a range ('£5m to £8m').")
    currency: str | None = None  # ISO 4217, for money
    unit: str | None = None  # the counted noun, singular and lower case, for counts
    per: str | None = Field(default=None, description="For a rate or price: 'litre' in 'Rs.5 per litre'.")
    about: str | None = Field(
        default=None, description="What the figure is about: 'funding for the Border Security Command'."
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: object) -> object:
        return _without_keys(data, "normalized")

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
    subject: str | None = Field(default=None, description="What it is about: 'intelligence sharing'.")
    name: str | None = Field(default=None, description="Its name where it has one: 'UK-India FTA'.")
    evidence: tuple[str, ...] = Field(
        default=(), description="Every sentence the agreement is read from, in text order."
    )
    confidence: float | None = Field(default=None, ge=0, le=1)


class Quote(_Frozen):
    """Words in quotation marks and who said them, where the text says."""

    text: str
    speaker: str | None = None
    role: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    partial: bool = Field(default=False, description="A fragment quoted inside reported speech.")


class Document(_Frozen):
    """A page and everything extracted from it."""

    id: str
    url: str
    source: str
    sources: tuple[str, ...] = Field(
        default=(), description="Every source that lists this page, `source` (the first) included."
    )
    kind: DocumentKind = "news"
    title: str
    body: str
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    summary: str | None = None
    author: str | None = None
    withdrawn: bool = Field(
        default=False,
        description="The publisher has withdrawn it (GOV.UK's notice), or its page answered 404 or 410 when "
        "crawled again: kept and searchable, but marked.",
    )
    organisations: tuple[str, ...] = Field(
        default=(), description="The organisations the publisher says published it (GOV.UK's Content API)."
    )
    story_id: str | None = Field(default=None, description="Documents that repeat one story share it.")
    entities: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    embedding: tuple[float, ...] | None = Field(
        default=None, description="Sentence-encoder vector of the document (L2-normalised), for similarity."
    )

    @model_validator(mode="after")
    def _source_listed(self) -> Document:
        """`sources` always holds `source`, first."""
        if not self.sources or self.sources[0] != self.source:
            rest = tuple(s for s in self.sources if s != self.source)
            object.__setattr__(self, "sources", (self.source, *rest))
        return self

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
