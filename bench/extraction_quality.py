"""Article body extraction on the public article-extraction benchmark (181 real pages).

presswatch's `extract_page` against plain `trafilatura.extract` with its defaults, both run here, scored as
the benchmark's README says: `\\w+` tokens, 4-gram shingle multisets, mean precision and mean recall over
pages, F1 of the two means. Also prints the time per page.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from bench.common import EVAL, f1, report, timed
from crawlers.extract import ExtractionError, extract_page

DATA = EVAL / "article-extraction"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(len(tokens) - 3, 0)))


def score(outputs: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    precisions, recalls = [], []
    for page, expected in truth.items():
        got, want = shingles(outputs.get(page, "")), shingles(expected)
        tp = sum((got & want).values())
        fp = sum((got - want).values())
        fn = sum((want - got).values())
        precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0)
        recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0)
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return precision, recall, f1(precision, recall)


def ours(html: str, url: str) -> str:
    try:
        return extract_page(html, url=url).body
    except ExtractionError:
        return ""


def baseline(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def run(extract: Callable[[str, str], str], pages: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {page: extract(html, url) for page, (html, url) in pages.items()}


def main() -> None:
    truth_file = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {page: entry["articleBody"] for page, entry in truth_file.items()}
    pages = {
        page: (
            gzip.decompress((DATA / "html" / f"{page}.html.gz").read_bytes()).decode("utf-8"),
            entry["url"],
        )
        for page, entry in truth_file.items()
    }
    ours_out, ours_time = timed(lambda: run(ours, pages))
    base_out, base_time = timed(lambda: run(baseline, pages))
    p, r, f = score(ours_out, truth)
    bp, br, bf = score(base_out, truth)
    n = len(pages)
    report(
        f"article extraction, {n} pages (baseline: trafilatura.extract defaults)",
        [
            ("precision", f"{p:.3f}", f"{bp:.3f}"),
            ("recall", f"{r:.3f}", f"{br:.3f}"),
            ("F1", f"{f:.3f}", f"{bf:.3f}"),
            ("ms per page", f"{1000 * ours_time / n:.1f}", f"{1000 * base_time / n:.1f}"),
        ],
        ("F1 presswatch / baseline", f / bf),
    )
    print(f"ratio, time presswatch / baseline: {ours_time / base_time:.3f}")


if __name__ == "__main__":
    main()
