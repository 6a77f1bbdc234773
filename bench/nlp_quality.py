"""Per-field precision, recall and F1 of presswatch's extraction on its hand-annotated development set, for
its tune half and its held-out half, with the agreement classifier (full) and without it (rules only).

    python bench/nlp_quality.py [--field agreements ...] [--errors] [--tune-only] [--show-heldout-errors]

The annotations (`bench/devset/annotations.json`) say where each text is (the shared evaluation data, read
at scoring time, or a text shipped in `bench/devset/texts/`), under which licence, and in which half it is.
Rule writers tune on the "tune" half; the "heldout" half judges them on text they have not read, so for it
only aggregate figures are printed, and `--tune-only` leaves out even those (a rule writer's runs).
`--errors` lists, per tune text, what was missed and what was found in excess, for the fields asked for; `--show-heldout-errors` does the same for the held-out texts (for whoever
checks the annotations, never for whoever writes rules). The keys each field is matched on are in
`bench/devset_scoring.py`; `bench/devset/GUIDE.md` says what each field counts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL
from bench.devset_scoring import FIELDS, SPLITS, Entry, Field, Score, load, read_text, score_all
from nlp.pipeline import Extractor
from presswatch.document import Document

_CELL = 18


def run(extractor: Extractor, texts: list[str], urls: list[str]) -> list[Document]:
    """Each text under its published URL (its government's site where the text is an archive's copy): the
    extractor reads the publishing government from it."""
    docs = [
        Document.from_page(url=url, source="devset", title="", body=text)
        for text, url in zip(texts, urls, strict=True)
    ]
    return list(extractor.enrich_many(docs))


def print_errors(documents: Sequence[Document], entries: Sequence[Entry], fields: Sequence[Field]) -> None:
    for document, entry in zip(documents, entries, strict=True):
        for field in fields:
            found, expected = field.keys(document, entry)
            missed, extra = sorted(map(str, expected - found)), sorted(map(str, found - expected))
            if missed or extra:
                print(f"- {entry.get('id')} [{field.name}]")
                for key in missed:
                    print(f"    missed {key}")
                for key in extra:
                    print(f"    extra  {key}")


def _cell(s: Score) -> str:
    return f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}"


def print_half(
    half: str, entries: Sequence[Entry], scores: dict[str, dict[str, Score]], fields: Sequence[Field]
) -> None:
    government = [e for e in entries if e["publisher"] == "government"]
    outside_uk = sum(1 for e in government if e["publisher_country"] != "GB")
    with_agreements = sum(1 for e in entries if e["agreements"])
    print(
        f"\n## NLP quality, {half} half of the development set ({len(entries)} texts: "
        f"{len(government)} government releases, {outside_uk} of them from outside the UK; "
        f"{with_agreements} with agreements)"
    )
    if not entries:
        print("(no texts in this half)")
        return
    print(f"{'field':20} {'n':>4}" + "".join(f"  {'P / R / F1 ' + v:>{_CELL + 11}}" for v in scores))
    for field in fields:
        cells = [_cell(by_field[field.name]) for by_field in scores.values()]
        support = next(iter(scores.values()))[field.name].support
        print(f"{field.name:20} {support:>4}" + "".join(f"  {c:>{_CELL + 11}}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", action="append", default=[], help="only these fields (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list misses and excess per tune text")
    parser.add_argument(
        "--show-heldout-errors",
        action="store_true",
        help="list misses and excess per held-out text too (to check annotations, not to write rules)",
    )
    parser.add_argument("--rules-only", action="store_true", help="score the rules alone, not the comparison")
    parser.add_argument(
        "--tune-only",
        action="store_true",
        help="score and print the tune half alone (a rule writer's run: no held-out figure seen by accident)",
    )
    args = parser.parse_args()
    if args.tune_only and args.show_heldout_errors:
        parser.error("--tune-only and --show-heldout-errors contradict each other")
    entries = [e for e in load() if not args.tune_only or e["split"] == "tune"]
    if not EVAL.is_dir():
        sys.exit(f"the shared evaluation data is missing: {EVAL}")
    texts = [read_text(e, eval_root=EVAL) for e in entries]
    variants: dict[str, Callable[[], Extractor]] = {
        "full": Extractor,
        "rules only": lambda: Extractor(use_classifier=False),
    }
    if args.rules_only:
        del variants["full"]
    fields = [f for f in FIELDS if not args.field or f.name in args.field]
    if not fields:
        sys.exit(f"no such field: {args.field}; fields: {[f.name for f in FIELDS]}")
    shown = {"tune"} if args.errors else set()
    if args.show_heldout_errors:
        shown.add("heldout")
    halves = {half: [i for i, e in enumerate(entries) if e["split"] == half] for half in SPLITS}
    halves = {half: members for half, members in halves.items() if members}
    scores: dict[str, dict[str, dict[str, Score]]] = {half: {} for half in halves}
    for name, make in variants.items():
        documents = run(make(), texts, [e.get("publisher_url") or e["url"] for e in entries])
        for half, members in halves.items():
            docs, gold = [documents[i] for i in members], [entries[i] for i in members]
            scores[half][name] = score_all(docs, gold, fields)
            if half in shown and name == next(iter(variants)):
                print(f"\n## errors, {half} half ({name})")
                print_errors(docs, gold, fields)
    for half, members in halves.items():
        print_half(half, [entries[i] for i in members], scores[half], fields)


if __name__ == "__main__":
    main()
