"""Scoring written probe texts (`bench/people_probes.py`, `bench/organisation_probes.py`): the command line,
the extraction and the figures they share."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import Field, score_all
from bench.nlp_quality import print_errors
from nlp.pipeline import Extractor
from presswatch.document import Document

# Where a probe is read from when it says nothing of its site.
DEFAULT_URL = "https://probe.test/x"


def probe_texts(probes: Path, batch: int | None) -> list[dict[str, Any]]:
    """The texts of a probe file, of one batch or all."""
    texts: list[dict[str, Any]] = json.loads(probes.read_text(encoding="utf-8"))["texts"]
    return [t for t in texts if batch is None or t["batch"] == batch]


def run(
    description: str,
    probes: Path,
    entries: Callable[[int | None], list[dict[str, Any]]],
    fields: Sequence[Field],
) -> None:
    """Parse `--batch N` and `--errors`, extract every probe of the batch (each under its own `url`, if it has
    one), print its errors if asked and each field's figures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    gold = entries(args.batch)
    if not gold:
        sys.exit(f"no probes in {probes} for batch {args.batch}")
    extractor = Extractor(use_classifier=False)
    docs = [
        extractor.enrich(
            Document.from_page(url=e.get("url", DEFAULT_URL), source="probe", title="", body=e["text"])
        )
        for e in gold
    ]
    if args.errors:
        print_errors(docs, gold, fields)
    for name, s in score_all(docs, gold, fields).items():
        print(f"{name:20} n={s.support:>4}  P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}")
