"""Article body extraction on the two public sets: article-extraction (181 real pages, whole bodies) and
trafilatura's own evaluation subset (158 English pages, segments that must and must not be in the body).

presswatch's `extract_page` against plain `trafilatura.extract` with its defaults, both run here, each set
scored as its README says. article-extraction: `\\w+` tokens, 4-gram shingle multisets, mean precision and
mean recall over pages, F1 of the two means. Segments: a "with" segment in the output (whitespace collapsed)
is a true positive, a missing one a false negative, a "without" (boilerplate) segment found a false
positive, micro-averaged. Also prints the time per page: both warmed up, then timed interleaved, median of
three rounds, with the load average.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from bench.common import EVAL, f1, report, timed
from crawlers.extract import ExtractionError, decode_html, extract_page

DATA = EVAL / "article-extraction"
SEGMENTS = EVAL / "article-extraction-segments"
_WORD = re.compile(r"\w+")
ROUNDS = 3
WARM_UP = 10


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


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def segment_score(
    outputs: dict[str, str], truth: dict[str, tuple[list[str], list[str]]]
) -> tuple[float, float, float]:
    """Micro precision, recall and F1 over segments: "with" segments found are right, "without" found wrong."""
    tp = fp = fn = 0
    for page, (wanted, unwanted) in truth.items():
        got = _collapsed(outputs.get(page, ""))
        found = [_collapsed(segment) in got for segment in wanted]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(_collapsed(segment) in got for segment in unwanted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
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


def compare(
    title: str,
    pages: dict[str, tuple[str, str]],
    scorer: Callable[[dict[str, str]], tuple[float, float, float]],
    *,
    rounds: int = ROUNDS,
) -> None:
    """Runs both extractors over the pages and prints their scores side by side.

    Both are warmed up first (imports, lxml and trafilatura caches), then timed interleaved (A B A B ...);
    the time is the median of the rounds, with the load average beside it: the machine may be shared.
    """
    for extract in (ours, baseline):
        run(extract, dict(list(pages.items())[:WARM_UP]))
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    outputs: dict[str, dict[str, str]] = {}
    for _ in range(rounds):
        for name, extract in (("ours", ours), ("baseline", baseline)):
            outputs[name], seconds = timed(partial(run, extract, pages))
            times[name].append(seconds)
    p, r, f = scorer(outputs["ours"])
    bp, br, bf = scorer(outputs["baseline"])
    ours_time, base_time = statistics.median(times["ours"]), statistics.median(times["baseline"])
    n = len(pages)
    report(
        f"{title}, {n} pages (baseline: trafilatura.extract defaults)",
        [
            ("precision", f"{p:.3f}", f"{bp:.3f}"),
            ("recall", f"{r:.3f}", f"{br:.3f}"),
            ("F1", f"{f:.3f}", f"{bf:.3f}"),
            (
                f"ms per page, median of {rounds}",
                f"{1000 * ours_time / n:.1f}",
                f"{1000 * base_time / n:.1f}",
            ),
        ],
        ("F1 presswatch / baseline", f / bf),
    )
    print(
        f"ratio, time presswatch / baseline: {ours_time / base_time:.3f} (load average {os.getloadavg()[0]:.1f})"
    )


def _page(path: Path) -> str:
    return decode_html(gzip.decompress(path.read_bytes()))


def main() -> None:
    if not DATA.is_dir() or not SEGMENTS.is_dir():
        sys.exit(f"the evaluation data is missing ({DATA}, {SEGMENTS}): cannot run")
    truth_file = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {page: entry["articleBody"] for page, entry in truth_file.items()}
    pages = {
        page: (_page(DATA / "html" / f"{page}.html.gz"), entry["url"]) for page, entry in truth_file.items()
    }
    compare("article extraction (whole bodies)", pages, lambda out: score(out, truth))
    segments_file = json.loads((SEGMENTS / "evaldata_en.json").read_text(encoding="utf-8"))
    segment_pages = {
        url: (_page(SEGMENTS / "html" / f"{entry['file']}.gz"), url) for url, entry in segments_file.items()
    }
    segments = {url: (entry["with"], entry["without"]) for url, entry in segments_file.items()}
    compare("trafilatura's evaluation segments", segment_pages, lambda out: segment_score(out, segments))


if __name__ == "__main__":
    main()
