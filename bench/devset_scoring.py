"""Scoring of extraction against the hand-annotated development set: a field is a pair of key functions.

Matching is by value, never by offsets, so that an annotation survives a change of paragraphing. A field
reads a set of keys from an annotated entry and a set of keys from a `Document`; precision, recall and F1
are micro-averaged over all entries. New fields (a role, a place) are one `Field` more: pass them to
`score_all` next to `FIELDS`. A field with `matched_on` is scored only over the keys whose projection both
sides have (agreement status over the agreements whose parties match), so that it measures one thing.

Each entry belongs to one `split`: "tune" (rule writers may read its texts and errors) or "heldout" (only
aggregate figures are shown, so the rules are judged on text they were not fitted to).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import html

from bench.entities import read_xml
from crawlers.extract import extract_page
from presswatch.document import Document
from presswatch.gazetteer import country

Key = tuple[Any, ...]
Entry = Mapping[str, Any]
DEVSET = Path(__file__).resolve().parent / "devset"
ANNOTATIONS = DEVSET / "annotations.json"
_QUOTE_WORDS = 3  # quotes match on their first words: annotators and extractors cut them differently
_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "staff": "staff",
}
_WORD = re.compile(r"\w+")
SPLITS = ("tune", "heldout")


@dataclass(frozen=True, slots=True)
class Field:
    """One scored field: how to read its keys from an annotation and from an extracted document."""

    name: str
    expected: Callable[[Entry], set[Key]]
    found: Callable[[Document], set[Key]]
    matched_on: Callable[[Key], Key] | None = None

    def keys(self, document: Document, entry: Entry) -> tuple[set[Key], set[Key]]:
        """(found, expected); with `matched_on`, only the keys whose projection is on both sides."""
        return self.matched(self.found(document), self.expected(entry))

    def matched(self, found: set[Key], expected: set[Key]) -> tuple[set[Key], set[Key]]:
        """`found` and `expected` as scored: with `matched_on`, only the keys whose projection is on both
        sides (a second annotation is compared the same way: `bench/devset_agreement.py`)."""
        if self.matched_on is None:
            return found, expected
        project = self.matched_on
        common = {project(k) for k in found} & {project(k) for k in expected}
        return {k for k in found if project(k) in common}, {k for k in expected if project(k) in common}


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


def norm(text: str) -> str:
    """Case, spacing and the form of the apostrophe do not matter; diacritics do."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def number(value: float) -> float:
    """Six significant digits: 1.1e6 written and 1100000.0000001 computed are the same figure."""
    return float(f"{value:.6g}")


def singular(unit: str) -> str:
    """The counted noun's head, singular: 'casework nurses' → 'nurse', 'schoolchildren' → 'schoolchild'."""
    words = norm(unit).split()
    if not words:
        return ""
    head = words[-1]
    if head.endswith("sis") and len(head) > 4:
        head = head[:-2] + "es"  # 'diagnosis' and 'diagnoses', 'crisis' and 'crises': one key
    for plural, one in _IRREGULAR.items():
        if head.endswith(plural):
            return head[: len(head) - len(plural)] + one
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("ches", "shes", "sses", "xes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def organisation(name: str) -> str:
    """An organisation's name without a leading article: 'The Guardian' and 'the Guardian' are one body."""
    name = norm(name)
    return name[4:] if name.startswith("the ") else name


def first_words(text: str, count: int = _QUOTE_WORDS) -> tuple[str, ...]:
    return tuple(_WORD.findall(norm(text))[:count])


def _figures(entry: Entry, kind: str) -> list[Mapping[str, Any]]:
    return [f for f in entry["figures"] if f["kind"] == kind]


def _doc_figures(document: Document, kind: str) -> list[Any]:
    return [f for f in document.figures if f.kind == kind]


def _country_codes(document: Document) -> set[Key]:
    """A mention's own code where the extractor gives one, else the gazetteer's for its name."""
    codes: set[Key] = set()
    for mention in document.entities:
        if mention.label != "GPE":
            continue
        place = None if mention.code else country(mention.normalized)
        code = mention.code or (place.code if place else None)
        if code:
            codes.add((code.upper(),))
    return codes


def _people(document: Document) -> list[Any]:
    return [m for m in document.entities if m.label == "PERSON"]


FIELDS: tuple[Field, ...] = (
    Field(
        "agreements",
        lambda e: {(frozenset(map(norm, a["parties"])), a["status"]) for a in e["agreements"]},
        lambda d: {(frozenset(map(norm, a.parties)), a.status) for a in d.agreements},
    ),
    Field(
        "agreement parties",
        lambda e: {(frozenset(map(norm, a["parties"])),) for a in e["agreements"]},
        lambda d: {(frozenset(map(norm, a.parties)),) for a in d.agreements},
    ),
    Field(
        "agreement status",
        lambda e: {(frozenset(map(norm, a["parties"])), a["status"]) for a in e["agreements"]},
        lambda d: {(frozenset(map(norm, a.parties)), a.status) for a in d.agreements},
        matched_on=lambda key: key[:1],
    ),
    Field(
        "figures",
        lambda e: {
            (f["kind"], number(f["value"]), f.get("currency") or singular(f.get("unit") or ""))
            for f in e["figures"]
        },
        lambda d: {(f.kind, number(f.value), f.currency or singular(f.unit or "")) for f in d.figures},
    ),
    Field(
        "money",
        lambda e: {(number(f["value"]), f["currency"]) for f in _figures(e, "money")},
        lambda d: {(number(f.value), f.currency) for f in _doc_figures(d, "money")},
    ),
    Field(
        "counts",
        lambda e: {(number(f["value"]), singular(f["unit"])) for f in _figures(e, "count")},
        lambda d: {(number(f.value), singular(f.unit or "")) for f in _doc_figures(d, "count")},
    ),
    Field(
        "percentages",
        lambda e: {(number(f["value"]),) for f in _figures(e, "percent")},
        lambda d: {(number(f.value),) for f in _doc_figures(d, "percent")},
    ),
    Field(
        "figure qualifiers",
        lambda e: {(f["kind"], number(f["value"]), f["qualifier"]) for f in e["figures"]},
        lambda d: {(f.kind, number(f.value), f.qualifier) for f in d.figures},
    ),
    Field(
        "people",
        lambda e: {(norm(p["name"]),) for p in e["people"]},
        lambda d: {(norm(m.normalized),) for m in _people(d)},
    ),
    Field(
        "people with roles",
        lambda e: {(norm(p["name"]), norm(p["role"] or "")) for p in e["people"]},
        lambda d: {(norm(m.normalized), norm(m.role or "")) for m in _people(d)},
    ),
    Field(
        "organisations",
        lambda e: {(organisation(o),) for o in e["organisations"]},
        lambda d: {(organisation(m.normalized),) for m in d.entities if m.label == "ORG"},
    ),
    Field(
        "countries",
        lambda e: {(c.upper(),) for c in e.get("countries", ())},
        _country_codes,
    ),
    Field(
        "quotes",
        lambda e: {(norm(q["speaker"]), first_words(q["starts"])) for q in e["quotes"]},
        lambda d: {(norm(q.speaker or ""), first_words(q.text)) for q in d.quotes},
    ),
    Field(
        "quote texts",
        lambda e: {(first_words(q["starts"]),) for q in e["quotes"]},
        lambda d: {(first_words(q.text),) for q in d.quotes},
    ),
)


def score(pairs: Iterable[tuple[set[Key], set[Key]]]) -> Score:
    """Micro-averaged over (found, expected) key sets, one pair an entry."""
    tp = fp = fn = 0
    for found, expected in pairs:
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    return Score(tp, fp, fn)


def score_all(
    documents: Sequence[Document], entries: Sequence[Entry], fields: Sequence[Field] = FIELDS
) -> dict[str, Score]:
    if len(documents) != len(entries):
        raise ValueError(f"{len(documents)} documents for {len(entries)} annotated entries")
    return {
        field.name: score(field.keys(d, e) for d, e in zip(documents, entries, strict=True))
        for field in fields
    }


def load(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """The annotated entries; each must name its split, so that no text is scored in both halves."""
    entries: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["texts"]
    for entry in entries:
        if entry.get("split") not in SPLITS:
            raise ValueError(
                f"{path}: entry {entry.get('id')!r} has split {entry.get('split')!r}, not one of {SPLITS}"
            )
    return entries


def read_text(entry: Entry, *, eval_root: Path) -> str:
    """The text of one entry as the crawler hands it to the NLP: one block a paragraph.

    Entries with a `path` are read from the shared evaluation data (never copied into the project):
    a GOV.UK content item's body ("govuk-json"), a GUM Wikinews article's tokens rejoined as a reader sees
    them ("gum-xml"), a saved page's article body as the crawler extracts it ("html", gzipped or not), or
    the article-extraction benchmark's hand-checked body of the saved page `path` names
    ("article-extraction": the text is the annotators', not the crawler's, so crawler errors stay out of the
    NLP's figures); entries with a `file` are shipped in `bench/devset/` with their licence.
    """
    if "file" in entry:
        return (DEVSET / str(entry["file"])).read_text(encoding="utf-8")
    path = eval_root / str(entry["path"])
    if entry["format"] == "govuk-json":
        body: str = json.loads(path.read_text(encoding="utf-8"))["details"]["body"]
        tree = html.fromstring(body)
        blocks = [" ".join(str(el.text_content()).split()) for el in tree.iter("p", "li", "h2", "h3")]  # type: ignore[attr-defined]
        return "\n\n".join(b for b in blocks if b)
    if entry["format"] == "gum-xml":
        return read_xml(path, whole_words=True).text
    if entry["format"] == "article-extraction":
        truth, page_id = path.parent.parent / "ground-truth.json", path.name.split(".", 1)[0]
        bodies = _article_bodies(truth)
        if page_id not in bodies:
            raise ValueError(f"{truth} has no page {page_id!r} (entry {entry.get('id')!r})")
        return bodies[page_id]
    if entry["format"] == "html":
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        return extract_page(raw, url=str(entry["url"])).body
    return path.read_text(encoding="utf-8")


@cache
def _article_bodies(truth: Path) -> dict[str, str]:
    """The article-extraction benchmark's `articleBody` by page id (read once: it holds all its pages)."""
    pages: dict[str, dict[str, str]] = json.loads(truth.read_text(encoding="utf-8"))
    return {page_id: page["articleBody"] for page_id, page in pages.items()}
