"""Language detectors on real pages: py3langid (presswatch's choice) against langdetect, same run.

The pages of `../shared/eval/dates-htmldate` that declare their language (`<html lang>`, mostly German and
English, some French, Italian, Spanish, ...) are the labelled set: the declared language is the truth, the
page's `<title>` is the short text and its paragraphs (first 3,000 characters) the long one. Prints
accuracy and time per text for both detectors on both lengths.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import langdetect

from bench.common import EVAL, report
from crawlers.dates import page_tree
from crawlers.language import detect_language

DATA = EVAL / "dates-htmldate"


def labelled_texts() -> list[tuple[str, str, str]]:
    """(declared language, title, paragraphs) of every page that declares a language and has both texts."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    texts = []
    for entry in {e["file"]: e for e in gold.values()}.values():
        tree = page_tree(gzip.decompress((DATA / "html" / f"{entry['file']}.gz").read_bytes()))
        if tree is None:
            continue
        declared = (tree.get("lang") or "").split("-")[0].split("_")[0].lower()
        title = " ".join((tree.findtext(".//title") or "").split())
        paragraphs = " ".join(" ".join(p.text_content().split()) for p in tree.iter("p"))[:3000]
        if len(declared) == 2 and len(title) >= 20 and len(paragraphs) >= 500:
            texts.append((declared, title, paragraphs))
    return texts


def with_langdetect(text: str) -> str | None:
    langdetect.DetectorFactory.seed = 0  # langdetect samples at random: fixed seed, repeatable answers
    try:
        return str(langdetect.detect(text))
    except langdetect.LangDetectException:
        return None


def score(detect: Callable[[str], str | None], texts: list[tuple[str, str]]) -> tuple[float, float]:
    start = time.perf_counter()
    correct = sum(detect(text) == language for language, text in texts)
    return correct / len(texts), 1000 * (time.perf_counter() - start) / len(texts)


def main() -> None:
    labelled = labelled_texts()
    short = [(language, title) for language, title, _ in labelled]
    long = [(language, body) for language, _, body in labelled]
    ours_short, ours_short_ms = score(detect_language, short)
    base_short, base_short_ms = score(with_langdetect, short)
    ours_long, ours_long_ms = score(detect_language, long)
    base_long, base_long_ms = score(with_langdetect, long)
    languages = sorted({language for language, _, _ in labelled})
    report(
        f"language of {len(labelled)} real pages ({', '.join(languages)}) (baseline: langdetect)",
        [
            ("accuracy, title", f"{ours_short:.3f}", f"{base_short:.3f}"),
            ("accuracy, paragraphs", f"{ours_long:.3f}", f"{base_long:.3f}"),
            ("ms per title", f"{ours_short_ms:.2f}", f"{base_short_ms:.2f}"),
            ("ms per paragraphs", f"{ours_long_ms:.2f}", f"{base_long_ms:.2f}"),
        ],
        ("accuracy on paragraphs, presswatch / langdetect", ours_long / base_long),
    )


if __name__ == "__main__":
    main()
