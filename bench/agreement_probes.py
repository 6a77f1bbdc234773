"""Agreement status and parties on written probe sentences in the styles of many governments' releases.

    python bench/agreement_probes.py [--split tune|final] [--errors]

`bench/data/agreement_probes.tsv` holds sentences written for presswatch (not taken from any text): the
`tune` half is what the rules were written against; the `final` half was scored only at the end. Each line
is scored as a set of (parties, status) pairs against what the rules alone find, and what the rules with
the classifier find; the bench prints exact-match accuracy per split and variant.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.pipeline import Extractor
from presswatch.document import Document

PROBES = Path(__file__).resolve().parent / "data" / "agreement_probes.tsv"


def read(split: str | None) -> list[tuple[str, set[tuple[frozenset[str], str]], str]]:
    rows = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        part, status, parties, sentence = line.split("\t")
        if split is not None and part != split:
            continue
        expected = {(frozenset(p.split("+")), status) for p in parties.split(";")}
        rows.append((part, expected, sentence))
    return rows


def found(extractor: Extractor, sentence: str) -> set[tuple[frozenset[str], str]]:
    doc = Document.from_page(url="https://probe.test/x", source="probe", title="", body=sentence)
    return {(frozenset(a.parties), a.status) for a in extractor.enrich(doc).agreements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "final"))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    rows = read(args.split)
    if not rows:
        sys.exit(f"no probes in {PROBES}")
    for variant, extractor in (
        ("rules only", Extractor(use_classifier=False)),
        ("with classifier", Extractor()),
    ):
        right: dict[str, list[bool]] = {}
        for part, expected, sentence in rows:
            got = found(extractor, sentence)
            right.setdefault(part, []).append(got == expected)
            if args.errors and got != expected:
                print(
                    f"[{variant}] {sentence}\n    expected {sorted(map(str, expected))}\n    found    {sorted(map(str, got))}"
                )
        cells = ", ".join(f"{p} {sum(r)}/{len(r)}" for p, r in sorted(right.items()))
        print(f"{variant:16} exact (parties, status) per sentence: {cells}")


if __name__ == "__main__":
    main()
