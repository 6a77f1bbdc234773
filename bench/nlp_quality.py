"""Per-field precision, recall and F1 of presswatch's extraction on its hand-annotated development set,
with the agreement classifier on and off (the rules alone), so that the classifier's contribution shows.

    python bench/nlp_quality.py [--field agreements ...] [--errors]

The annotations (`bench/devset/annotations.json`) say where each text is (the shared evaluation data, read
at scoring time, or a GOV.UK section shipped in `bench/devset/texts/`) and under which licence. The keys
each field is matched on are in `bench/devset_scoring.py`. `--errors` lists, per text, what was missed
and what was found in excess, for the fields asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL
from bench.devset_scoring import FIELDS, Entry, Score, load, read_text, score_all
from nlp.pipeline import Extractor
from presswatch.document import Document


def run(extractor: Extractor, texts: list[str], urls: list[str]) -> list[Document]:
    """Each text under its published URL: the extractor reads the publishing government from it."""
    docs = [
        Document.from_page(url=url, source="devset", title="", body=text)
        for text, url in zip(texts, urls, strict=True)
    ]
    return list(extractor.enrich_many(docs))


def print_errors(documents: Sequence[Document], entries: Sequence[Entry], fields: set[str]) -> None:
    for document, entry in zip(documents, entries, strict=True):
        for field in FIELDS:
            if field.name not in fields:
                continue
            found, expected = field.found(document), field.expected(entry)
            missed, extra = sorted(map(str, expected - found)), sorted(map(str, found - expected))
            if missed or extra:
                print(f"- {entry.get('id')} [{field.name}]")
                for key in missed:
                    print(f"    missed {key}")
                for key in extra:
                    print(f"    extra  {key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", action="append", default=[], help="only these fields (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list misses and excess per text")
    parser.add_argument("--rules-only", action="store_true", help="score the rules alone, not the comparison")
    args = parser.parse_args()
    entries = load()
    if not EVAL.is_dir():
        sys.exit(f"the shared evaluation data is missing: {EVAL}")
    texts = [read_text(e, eval_root=EVAL) for e in entries]
    variants: dict[str, Callable[[], Extractor]] = {
        "with classifier": Extractor,
        "rules only": lambda: Extractor(use_classifier=False),
    }
    if args.rules_only:
        del variants["with classifier"]
    fields = [f for f in FIELDS if not args.field or f.name in args.field]
    scores: dict[str, dict[str, Score]] = {}
    for name, make in variants.items():
        documents = run(make(), texts, [e["url"] for e in entries])
        scores[name] = score_all(documents, entries, fields)
        if args.errors and name == next(iter(variants)):
            print_errors(documents, entries, {f.name for f in fields})
    with_agreements = sum(1 for e in entries if e["agreements"])
    print(
        f"\n## NLP quality on the development set ({len(entries)} texts, {with_agreements} with agreements)"
    )
    print(f"{'field':20} {'n':>4}" + "".join(f"  {'P / R / F1 ' + v:>28}" for v in variants))
    for field in fields:
        cells = [
            f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}"
            for s in (scores[v][field.name] for v in variants)
        ]
        support = scores[next(iter(variants))][field.name].support
        print(f"{field.name:20} {support:>4}" + "".join(f"  {c:>28}" for c in cells))


if __name__ == "__main__":
    main()
