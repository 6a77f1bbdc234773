"""Organisations on written probe texts in the styles of many outlets and governments.

    python bench/organisation_probes.py [--batch N] [--errors]

`bench/data/organisation_probes.json` holds short texts written for presswatch (not taken from any text),
annotated as `bench/devset/GUIDE.md` says. Each batch was written before the rules it probes and scored once;
the figure is the development set's organisations field (`bench/devset_scoring.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import FIELDS, score_all
from bench.nlp_quality import print_errors
from nlp.pipeline import Extractor
from presswatch.document import Document

PROBES = Path(__file__).resolve().parent / "data" / "organisation_probes.json"
_FIELDS = [f for f in FIELDS if f.name == "organisations"]


def entries(batch: int | None) -> list[dict[str, Any]]:
    """The probe texts as development-set entries (organisations only)."""
    texts = json.loads(PROBES.read_text(encoding="utf-8"))["texts"]
    return [
        {"id": t["id"], "text": t["text"], "url": t["url"], "organisations": t["organisations"]}
        for t in texts
        if batch is None or t["batch"] == batch
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    gold = entries(args.batch)
    if not gold:
        sys.exit(f"no probes in {PROBES} for batch {args.batch}")
    extractor = Extractor(use_classifier=False)
    docs = [
        extractor.enrich(Document.from_page(url=e["url"], source="probe", title="", body=e["text"]))
        for e in gold
    ]
    if args.errors:
        print_errors(docs, gold, _FIELDS)
    for name, s in score_all(docs, gold, _FIELDS).items():
        print(f"{name:20} n={s.support:>4}  P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}")


if __name__ == "__main__":
    main()
