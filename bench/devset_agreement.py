"""Inter-annotator agreement between the development set and a second annotation of its texts, on the scorer's keys.

    python bench/devset_agreement.py SECOND.json [--reference annotations.json] [--batch gov16] [--diff]

An audit annotates texts a second time, blind, and asks how far the two annotations agree before anyone
adjudicates. Both sides go through the same key functions the scorer reads gold with
(`bench/devset_scoring.FIELDS`), so agreement is measured on exactly what the bench scores; the reference
(the set) plays the gold, the second annotation the extractor: P is the share of the second annotator's keys
the reference has, R the share of the reference's keys the second has. A second annotation is `{"texts":
{id: entry}}` (or a list of entries with `id`); a field it leaves out of its entries (an audit of only some
fields) is not reported. Nothing here runs the extractor: `--diff` prints the keys in disagreement, text by
text, for adjudication.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import ANNOTATIONS, FIELDS, SPLITS, Entry, Field, Key, Score, load, score

# The entry keys each scored field reads: a field is compared only where the second annotation has them.
_READS = {
    "agreements": "agreements",
    "agreement parties": "agreements",
    "agreement status": "agreements",
    "figures": "figures",
    "money": "figures",
    "counts": "figures",
    "percentages": "figures",
    "figure qualifiers": "figures",
    "people": "people",
    "people with roles": "people",
    "organisations": "organisations",
    "countries": "countries",
    "quotes": "quotes",
    "quote texts": "quotes",
}


def second_entries(path: Path) -> dict[str, Entry]:
    """A second annotation by text id, from `{"texts": {id: entry}}` or `{"texts": [entry, ...]}`."""
    texts = json.loads(path.read_text(encoding="utf-8"))["texts"]
    if isinstance(texts, Mapping):
        return {str(i): e for i, e in texts.items()}
    return {str(e["id"]): e for e in texts}


def compared_fields(seconds: Iterable[Entry], fields: Sequence[Field] = FIELDS) -> list[Field]:
    """The fields every second entry annotates (an audit of roles and bodies only says nothing on figures)."""
    entries = list(seconds)
    return [f for f in fields if all(_READS.get(f.name, f.name) in e for e in entries)]


def keys(field: Field, reference: Entry, second: Entry) -> tuple[set[Key], set[Key]]:
    """(second, reference) keys of one text, as the scorer's (found, expected); `matched_on` as it applies it."""
    return field.matched(field.expected(second), field.expected(reference))


def agreement(pairs: Sequence[tuple[Entry, Entry]], fields: Sequence[Field]) -> dict[str, Score]:
    """Micro-averaged P, R, F1 per field over (reference, second) pairs of one text each."""
    return {f.name: score(keys(f, ref, sec) for ref, sec in pairs) for f in fields}


def table(scores: Mapping[str, Score]) -> str:
    """AUDIT.md's table: keys on each side, keys on both, P, R, F1."""
    rows = [
        "| field | keys (first) | keys (second) | both | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in scores.items():
        rows.append(
            f"| {name} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |"
        )
    return "\n".join(rows)


def differences(pairs: Sequence[tuple[Entry, Entry]], fields: Sequence[Field]) -> Iterable[str]:
    """One line a key in disagreement: the text, the field, and which annotator alone has it."""
    for ref, sec in pairs:
        for f in fields:
            found, expected = keys(f, ref, sec)
            for key in sorted(map(str, expected - found)):
                yield f"{ref['id']} [{f.name}] first only:  {key}"
            for key in sorted(map(str, found - expected)):
                yield f"{ref['id']} [{f.name}] second only: {key}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("second", type=Path, help="the second annotation")
    parser.add_argument(
        "--reference", type=Path, default=ANNOTATIONS, help="the set (default: annotations.json)"
    )
    parser.add_argument("--batch", help="only the reference's entries of this batch")
    parser.add_argument("--diff", action="store_true", help="list the keys in disagreement, text by text")
    args = parser.parse_args(argv)
    seconds = second_entries(args.second)
    reference: list[dict[str, Any]] = [
        e
        for e in load(args.reference)
        if e["id"] in seconds and (args.batch is None or e.get("batch") == args.batch)
    ]
    if not reference:
        parser.error("no text of the reference is in the second annotation")
    pairs = [(e, seconds[e["id"]]) for e in reference]
    fields = compared_fields(s for _, s in pairs)
    for half in (*SPLITS, "all"):
        chosen = [p for p in pairs if half == "all" or p[0]["split"] == half]
        if chosen:
            print(f"\n{half}: {len(chosen)} texts\n\n{table(agreement(chosen, fields))}")
    if args.diff:
        print()
        print("\n".join(differences(pairs, fields)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
