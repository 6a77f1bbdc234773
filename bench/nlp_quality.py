"""Per-field precision, recall and F1 of presswatch's extraction on its hand-annotated development set,
with the agreement classifier on and off (the rules alone), so that the classifier's contribution shows.

The texts are read from `../shared/eval` at scoring time (the annotations in `bench/devset/` say which and
under which licence). Matching is by value, not offsets: agreements by (parties, status); money by (value,
currency); counts by (value, the unit's head noun: 'public consultation' counts consultations); percentages by value; people and organisations by normalised name
(case-insensitive); quotes by (speaker, first words). Fields the extraction of issue 8 will fill (roles)
are scored separately from the names.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import html

from bench.common import EVAL, f1
from nlp.pipeline import Extractor
from presswatch.document import Document

ANNOTATIONS = Path(__file__).resolve().parent / "devset" / "annotations.json"
Key = tuple[Any, ...]


def read_text(entry: dict[str, Any]) -> str:
    """The text of one annotated item, as the crawler would hand it to the NLP: one block a paragraph."""
    path = EVAL / entry["path"]
    if entry["format"] == "govuk-json":
        body = json.loads(path.read_text(encoding="utf-8"))["details"]["body"]
        tree = html.fromstring(body)
        blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "li", "h2", "h3")]
        return "\n\n".join(b for b in blocks if b)
    return path.read_text(encoding="utf-8")


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def expected_keys(entry: dict[str, Any]) -> dict[str, set[Key]]:
    figures = entry["figures"]
    return {
        "agreements": {(frozenset(a["parties"]), a["status"]) for a in entry["agreements"]},
        "agreement parties": {frozenset(a["parties"]) for a in entry["agreements"]},
        "money": {(f["value"], f["currency"]) for f in figures if f["kind"] == "money"},
        "counts": {(f["value"], f["unit"].split()[-1]) for f in figures if f["kind"] == "count"},
        "percentages": {(f["value"],) for f in figures if f["kind"] == "percent"},
        "figure qualifiers": {(f["kind"], f["value"], f["qualifier"]) for f in figures},
        "people": {(_norm(p["name"]),) for p in entry["people"]},
        "people with roles": {(_norm(p["name"]), _norm(p["role"] or "")) for p in entry["people"]},
        "organisations": {(_norm(o),) for o in entry["organisations"]},
        "quotes": {(_norm(q["speaker"]), _norm(q["starts"])[:25]) for q in entry["quotes"]},
    }


def found_keys(document: Document) -> dict[str, set[Key]]:
    figures = document.figures
    people = [m for m in document.entities if m.label == "PERSON"]
    return {
        "agreements": {(frozenset(a.parties), a.status) for a in document.agreements},
        "agreement parties": {frozenset(a.parties) for a in document.agreements},
        "money": {(f.value, f.currency) for f in figures if f.kind == "money"},
        "counts": {(f.value, (f.unit or "").rpartition(" ")[2]) for f in figures if f.kind == "count"},
        "percentages": {(f.value,) for f in figures if f.kind == "percent"},
        "figure qualifiers": {(f.kind, f.value, f.qualifier) for f in figures},
        "people": {(_norm(m.normalized),) for m in people},
        "people with roles": {(_norm(m.normalized), _norm(m.role or "")) for m in people},
        "organisations": {(_norm(m.normalized),) for m in document.entities if m.label == "ORG"},
        "quotes": {(_norm(q.speaker or ""), _norm(q.text)[:25]) for q in document.quotes},
    }


def score(pairs: Iterable[tuple[set[Key], set[Key]]]) -> tuple[float, float, float, int]:
    tp = fp = fn = 0
    for found, expected in pairs:
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    precision = tp / (tp + fp) if tp + fp else 1.0 if not fn else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, f1(precision, recall), tp + fn


def run(extractor: Extractor, texts: list[str]) -> list[Document]:
    docs = [
        Document.from_page(url=f"https://devset.test/{i}", source="devset", title="", body=t)
        for i, t in enumerate(texts)
    ]
    return list(extractor.enrich_many(docs))


def main() -> None:
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    entries = data["texts"]
    texts = [read_text(e) for e in entries]
    expected = [expected_keys(e) for e in entries]
    variants: dict[str, Callable[[], Extractor]] = {
        "with classifier": Extractor,
        "rules only": lambda: Extractor(use_classifier=False),
    }
    results = {name: [found_keys(d) for d in run(make(), texts)] for name, make in variants.items()}
    print(f"\n## NLP quality on the development set ({len(entries)} texts; the issue asks for 40)")
    print(f"{'field':20} {'n':>4}  {'P / R / F1 with classifier':>28}  {'P / R / F1 rules only':>24}")
    for field in expected[0]:
        cells = []
        n = 0
        for name in variants:
            p, r, f, n = score(
                (found[field], exp[field]) for found, exp in zip(results[name], expected, strict=True)
            )
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
        print(f"{field:20} {n:>4}  {cells[0]:>28}  {cells[1]:>24}")


if __name__ == "__main__":
    main()
