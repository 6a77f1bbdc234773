"""Agreement status on written probe sentences, scored as the development set scores it: over the
agreements whose parties the extractor finds, so that the figure measures status and nothing else.

    python bench/status_probes.py [--errors] [--probes FILE ...]

`tests/nlp/data/status_probes*.tsv` hold sentences written for presswatch (not taken from any text) in the
styles of many governments' releases, news wires and 20th-century presidential addresses on treaties, each
under the URL of the site that would publish it (the extractor reads the announcing government from it).
Prints, for the rules alone and with the classifier, how many probes had their parties found and the
status P/R/F1 over those, and the exact-match accuracy of (parties, status).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import Score
from nlp.pipeline import Extractor
from presswatch.document import Document

PROBE_DIR = Path(__file__).resolve().parent.parent / "tests" / "nlp" / "data"
PROBES = PROBE_DIR / "status_probes.tsv"

Key = tuple[frozenset[str], str]


class Probe(NamedTuple):
    style: str
    url: str
    status: str
    parties: frozenset[str]
    sentence: str


def probe_files() -> list[Path]:
    """Every batch of probes, each written before the rules of its round."""
    return sorted(PROBE_DIR.glob("status_probes*.tsv"))


def read(*paths: Path) -> list[Probe]:
    rows = []
    for path in paths or probe_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            style, url, status, parties, sentence = line.split("\t")
            rows.append(Probe(style, url, status, frozenset(parties.split("+")), sentence))
    return rows


def found(extractor: Extractor, probe: Probe) -> set[Key]:
    doc = Document.from_page(url=probe.url, source="probe", title="", body=probe.sentence)
    return {(frozenset(a.parties), a.status) for a in extractor.enrich(doc).agreements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list each probe the rules get wrong")
    parser.add_argument(
        "--probes", type=Path, nargs="+", default=[], help="probe files to score (default: every batch)"
    )
    args = parser.parse_args()
    probes = read(*args.probes)
    if not probes:
        sys.exit(f"no probes in {args.probes or PROBE_DIR}")
    for variant, extractor in (("rules only", Extractor(use_classifier=False)), ("full", Extractor())):
        tp = fp = fn = matched = exact = 0
        for probe in probes:
            got = found(extractor, probe)
            expected = {(probe.parties, probe.status)}
            exact += got == expected
            same = {k for k in got if k[0] == probe.parties}
            if not same:
                if args.errors and variant == "rules only":
                    print(f"  parties {sorted(map(sorted, (k[0] for k in got)))} | {probe.sentence}")
                continue
            matched += 1
            tp += len(same & expected)
            fp += len(same - expected)
            fn += len(expected - same)
            if args.errors and same != expected:
                print(f"  [{variant}] {probe.status} ≠ {sorted(k[1] for k in same)} | {probe.sentence}")
        s = Score(tp, fp, fn)
        print(
            f"{variant:11} {len(probes)} probes, parties found for {matched}; status over those "
            f"P/R/F1 {s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}; (parties, status) exact {exact / len(probes):.2f}"
        )


if __name__ == "__main__":
    main()
