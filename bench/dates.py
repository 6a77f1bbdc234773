"""Publication dates on htmldate's evaluation set (`../shared/eval/dates-htmldate`, 995 pages).

presswatch's `find_dates` against `htmldate.find_date` (extensive search, original date: its own best
settings for a publication date), both run here on the same bytes. Scored as the set's README says:
exact-day accuracy over all entries, the day written in the publisher's own offset; also wrong, missing and
exceptions, and the time per page.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import htmldate

from bench.common import EVAL, report, timed
from crawlers.dates import find_dates

DATA = EVAL / "dates-htmldate"


def ours(page: bytes, url: str) -> str | None:
    published = find_dates(page, url=url).published
    return published.date().isoformat() if published else None


def baseline(page: bytes, url: str) -> str | None:
    return htmldate.find_date(page, url=url, original_date=True, extensive_search=True)


def score(find: Callable[[bytes, str], str | None], pages: dict[str, tuple[bytes, str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for url, (page, gold) in pages.items():
        try:
            found = find(page, url)
        except Exception:
            counts["exceptions"] += 1
            continue
        counts["correct" if found == gold else "missing" if found is None else "wrong"] += 1
    return counts


def main() -> None:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    pages = {
        url: (gzip.decompress((DATA / "html" / f"{entry['file']}.gz").read_bytes()), entry["date"])
        for url, entry in gold.items()
    }
    n = len(pages)
    ours_counts, ours_time = timed(lambda: score(ours, pages))
    base_counts, base_time = timed(lambda: score(baseline, pages))
    rows = [
        ("exact-day accuracy", f"{ours_counts['correct'] / n:.3f}", f"{base_counts['correct'] / n:.3f}"),
        *(
            (what, str(ours_counts[what]), str(base_counts[what]))
            for what in ("correct", "wrong", "missing", "exceptions")
        ),
        ("ms per page", f"{1000 * ours_time / n:.1f}", f"{1000 * base_time / n:.1f}"),
    ]
    report(
        f"publication day on {n} pages (baseline: htmldate.find_date, extensive, original date)",
        rows,
        ("accuracy presswatch / htmldate", ours_counts["correct"] / base_counts["correct"]),
    )
    print(f"ratio, time presswatch / htmldate: {ours_time / base_time:.3f}")


if __name__ == "__main__":
    main()
