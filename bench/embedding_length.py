"""How long a document's embedding must read: semantic search quality and cost at several lengths.

The pipeline embeds each document once, from its opening, cut at `presswatch.encoder.DOC_MAX_TOKENS`
word pieces. The encoder's cost grows faster than linearly with the length, so the length is worth choosing
by measurement. For each length this prints, over the judged queries of `bench/ranking.py` (181 article
bodies and the GOV.UK items of the public evaluation set):

- nDCG@10 of pure semantic ranking (query embedding · document embedding), the search quality the length buys;
- the overlap of each document's 10 nearest neighbours with those at 256 word pieces (what `similar()` and
  stories see: does the neighbourhood move);
- the encoder's seconds for the whole corpus at that length (median of interleaved repeats; the load average
  beside it).

The baseline is the longest length (256 word pieces, what the pipeline used until it measured this).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL
from bench.ranking import JUDGEMENTS, K, corpus, ndcg
from presswatch.encoder import DOC_MAX_TOKENS, QUERY_MAX_TOKENS, Encoder

LENGTHS = (64, 128, 192, 256)
BASELINE = 256
REPEATS = 3


def neighbours(matrix: np.ndarray, k: int = K) -> list[set[int]]:
    scores = matrix @ matrix.T
    np.fill_diagonal(scores, -np.inf)
    return [set(np.argpartition(-row, k)[:k].tolist()) for row in scores]


def main() -> None:
    if not EVAL.exists():
        sys.exit(f"the evaluation data is not at {EVAL}: cannot run")
    judged: dict[str, dict[str, int]] = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    documents = corpus()
    keys = [key for key, _ in documents]
    texts = [document.body for _, document in documents]
    encoder = Encoder()
    queries = encoder.encode(list(judged), max_tokens=QUERY_MAX_TOKENS)
    seconds: dict[int, list[float]] = {n: [] for n in LENGTHS}
    matrices: dict[int, np.ndarray] = {}
    encoder.encode(texts[:8], max_tokens=BASELINE)  # warm up
    for _ in range(REPEATS):  # interleaved: every length once per round
        for length in LENGTHS:
            start = time.perf_counter()
            matrices[length] = encoder.encode(texts, max_tokens=length)
            seconds[length].append(time.perf_counter() - start)
    reference = neighbours(matrices[BASELINE])
    print(
        f"## document embedding length: {len(judged)} judged queries over {len(texts)} documents"
        f" (pipeline uses {DOC_MAX_TOKENS}; load average {os.getloadavg()[0]:.1f})"
    )
    print(f"{'word pieces':>12} {'nDCG@10':>8} {'10-NN overlap':>14} {'encoder s':>10} {'cost':>6}")
    for length in LENGTHS:
        matrix = matrices[length]
        scores = []
        for vector, grades in zip(queries, judged.values(), strict=True):
            top = np.argsort(-(matrix @ vector))[:K]
            scores.append(ndcg([keys[i] for i in top], grades))
        overlap = statistics.mean(len(a & b) / K for a, b in zip(neighbours(matrix), reference, strict=True))
        cost = statistics.median(seconds[length])
        print(
            f"{length:>12} {statistics.mean(scores):>8.3f} {overlap:>14.2f} {cost:>10.1f}"
            f" {cost / statistics.median(seconds[BASELINE]):>6.2f}"
        )


if __name__ == "__main__":
    main()
