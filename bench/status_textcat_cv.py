"""Would a learned agreement status beat the status rules on text it never saw? spaCy `textcat` and the
encoder's logistic regression, cross-validated by document, combined with the rules in four ways.

    python bench/status_textcat_cv.py [--models bow cnn encoder] [--folds 5] [--final POLICY]

Labelled items (one sentence, its gold status): the status probes (`tests/nlp/data/status_probes*.tsv`, one
group per round), the agreement probes (`bench/data/agreement_probes.tsv`, one group per split), the
status-labelled sentences of `nlp/data/agreement_sentences.tsv` (development-set texts left out, as the shipped
classifier's training leaves them; one group per source text) and the tune half's agreements (for each gold
agreement, the sentence of the rules' agreement with the same parties, labelled with the gold status; one group
per text). The sentence is the one the rules' agreement is read from (`Agreement.text`), as the pipeline would
give it to a model. Held-out texts, the GUM set and other benchmark texts are never read.

Groups go whole into one of `--folds` folds; each fold is scored by models trained on the others only:
- `bow`, `cnn`: `spacy train` with `nlp/training/status_textcat_{bow,cnn}.cfg` (CPU, seed 0);
- `encoder`: the shipped classifier's multinomial LR (`nlp.training.train_agreement_classifier.fit`) over
  MiniLM sentence vectors, retrained on the same items;
- the rules alone.
Policies: `never` (the rules); `unknown@F` (the learned status where the rules read `unknown`); `weak@F` (where
they read one of `WEAK`); `sure@F` (wherever the learned status has at least F); `learned` (always). The
figures: item accuracy; the extractor's status field over matched parties (`bench.devset_scoring`) on the tune
texts; status P/R/F1 and (parties, status) exact on the probe groups, all out of fold.

`UNTOUCHED` (status probe rounds 17, agree14's, and 18, this round's) is never trained on nor scored until
`--final POLICY`, which trains on every other group and scores the rules and that one policy there.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from spacy.tokens import DocBin

from bench.agreement_classifier_cv import Vectors
from bench.common import EVAL
from bench.devset_scoring import FIELDS, Score, load, norm, read_text, score_all
from bench.status_probes import probe_files, read
from nlp.agreement_classifier import LABELS
from nlp.pipeline import Extractor
from nlp.training.train_agreement_classifier import SENTENCES, fit, read_labelled
from presswatch.document import Agreement, Document

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {
    "bow": ROOT / "nlp" / "training" / "status_textcat_bow.cfg",
    "cnn": ROOT / "nlp" / "training" / "status_textcat_cnn.cfg",
}
AGREEMENT_PROBES = ROOT / "bench" / "data" / "agreement_probes.tsv"
STATUSES = ("planned", "in_negotiation", "agreed", "signed", "in_force", "suspended", "ended", "unknown")
WEAK = ("unknown", "planned")
UNTOUCHED = ("17", "18")  # status probe rounds chosen before any training: agree14's and this round's
FLOORS = (0.5, 0.6, 0.7, 0.8, 0.9)
STATUS_FIELD = [f for f in FIELDS if f.name == "agreement status"]
Pairs = set[tuple[frozenset[str], str]]
Probs = dict[str, float]


@dataclass(frozen=True, kw_only=True)
class Item:
    """A labelled sentence: the gold status, its group (left out whole), the rules' reading of it."""

    label: str
    group: str
    text: str
    rules: str


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A text scored through the extractor: its rules-only agreements and what is expected of them."""

    group: str
    agreements: tuple[Agreement, ...]
    expected: frozenset[tuple[frozenset[str], str]]
    entry: dict[str, Any] | None = None  # a tune text's annotation (scored by `bench.devset_scoring`)


def probe_round(path: Path) -> str:
    name = path.stem.removeprefix("status_probes").removeprefix("_round")
    return "".join(c for c in name if c.isdigit()) or "1"


def _run(extractor: Extractor, pages: Sequence[tuple[str, str]]) -> list[tuple[Agreement, ...]]:
    docs = [Document.from_page(url=url, source="cv", title="", body=text) for text, url in pages]
    return [d.agreements for d in extractor.enrich_many(docs)]


def _matched(agreements: Iterable[Agreement], parties: frozenset[str], *, normalise: bool) -> list[Agreement]:
    key = (lambda ps: frozenset(map(norm, ps))) if normalise else frozenset
    return [a for a in agreements if key(a.parties) == parties]


def collect(extractor: Extractor) -> tuple[list[Item], list[Unit]]:
    """Every labelled item and every unit scored through the extractor (the untouched rounds' among them)."""
    items: list[Item] = []
    units: list[Unit] = []
    probes = [(f"round{probe_round(path)}", p) for path in probe_files() for p in read(path)]
    found = _run(extractor, [(p.sentence, p.url) for _, p in probes])
    for (group, probe), agreements in zip(probes, found, strict=True):
        units.append(
            Unit(group=group, agreements=agreements, expected=frozenset({(probe.parties, probe.status)}))
        )
        items += _items(agreements, probe.parties, probe.status, group, probe.sentence, normalise=False)
    rows = []
    for line in AGREEMENT_PROBES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            split, status, named, sentence = line.split("\t")
            rows.append((f"agreement-probes:{split}", status, named.split(";"), sentence))
    found = _run(extractor, [(r[3], "https://probe.test/x") for r in rows])
    for (group, status, sides, sentence), agreements in zip(rows, found, strict=True):
        expected = frozenset((frozenset(s.split("+")), status) for s in sides)
        units.append(Unit(group=group, agreements=agreements, expected=expected))
        for sides_of_one, _ in expected:
            items += _items(agreements, sides_of_one, status, group, sentence, normalise=False)
    items += _labelled_sentences(extractor)
    entries = sorted((e for e in load() if e["split"] == "tune"), key=lambda e: str(e["id"]))
    texts = [(read_text(e, eval_root=EVAL), e.get("publisher_url") or e["url"]) for e in entries]
    for entry, agreements in zip(entries, _run(extractor, texts), strict=True):
        group = f"tune:{entry['id']}"
        units.append(Unit(group=group, agreements=agreements, expected=frozenset(), entry=entry))
        for gold in entry["agreements"]:
            gold_parties = frozenset(map(norm, gold["parties"]))
            for a in _matched(agreements, gold_parties, normalise=True):
                items.append(Item(label=gold["status"], group=group, text=a.text, rules=a.status))
    return _deduplicated(items), units


def _items(
    agreements: Sequence[Agreement],
    parties: frozenset[str],
    status: str,
    group: str,
    text: str,
    *,
    normalise: bool,
) -> list[Item]:
    same = _matched(agreements, parties, normalise=normalise)
    if same:
        return [Item(label=status, group=group, text=a.text, rules=a.status) for a in same]
    # parties not found: the sentence still says the status, for training
    first = agreements[0].text if agreements else text
    return [Item(label=status, group=group, text=first, rules="none")]


def _labelled_sentences(extractor: Extractor) -> list[Item]:
    """The status-labelled sentences of `agreement_sentences.tsv`, one group per source text."""
    kept = {s for label, s in read_labelled() if label in STATUSES}
    sources: dict[str, str] = {}
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _label, source, _licence, sentence = line.split("\t")
            if sentence in kept:
                sources[sentence] = f"sentences:{source}"
    labels = {s: label for label, s in read_labelled() if s in kept}
    ordered = sorted(kept)
    found = _run(extractor, [(s, "https://probe.test/x") for s in ordered])
    return [
        Item(
            label=labels[s],
            group=sources[s],
            text=agreements[0].text if agreements else s,
            rules=agreements[0].status if agreements else "none",
        )
        for s, agreements in zip(ordered, found, strict=True)
    ]


def _deduplicated(items: list[Item]) -> list[Item]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for item in items:
        key = (item.group, item.text, item.label)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def folds(groups: Iterable[str], k: int) -> dict[str, int]:
    """Groups into k folds by a stable hash of their name (never by their content)."""
    return {g: int(hashlib.sha1(g.encode()).hexdigest(), 16) % k for g in sorted(set(groups))}


# --- models: each trains on items and returns a predictor of status probabilities for sentences -----------

Predictor = Callable[[Sequence[str]], list[Probs]]


def train_textcat(kind: str, items: Sequence[Item], workdir: Path) -> Predictor:
    """`spacy train` on the items (dev corpus = training corpus: nothing is chosen on it)."""
    blank = spacy.blank("en")
    docs = DocBin()
    for item in items:
        doc = blank.make_doc(item.text)
        doc.cats = {s: float(s == item.label) for s in STATUSES}
        docs.add(doc)
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "train.spacy"
    docs.to_disk(corpus)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(CONFIGS[kind]),
            "--output",
            str(workdir / "out"),
            "--paths.train",
            str(corpus),
            "--paths.dev",
            str(corpus),
        ],
        check=True,
        capture_output=True,
    )
    nlp = spacy.load(workdir / "out" / "model-last")

    def predict(texts: Sequence[str]) -> list[Probs]:
        return [dict(doc.cats) for doc in nlp.pipe(texts)]

    return predict


def train_encoder(items: Sequence[Item], vectors: Vectors) -> Predictor:
    y = np.array([LABELS.index(i.label) for i in items], dtype=np.int64)
    model = fit(vectors.encode([i.text for i in items]), y)
    columns = [LABELS.index(s) for s in STATUSES]

    def predict(texts: Sequence[str]) -> list[Probs]:
        probs = model.probabilities(vectors.encode(list(texts)))[:, columns]
        probs /= probs.sum(axis=1, keepdims=True)
        return [dict(zip(STATUSES, map(float, row), strict=True)) for row in probs]

    return predict


# --- policies ----------------------------------------------------------------------------------------------


def policy(name: str) -> Callable[[str, Probs], str]:
    """'never', 'learned', or 'unknown@F', 'weak@F', 'sure@F': where the learned status replaces the rules'."""
    kind, _, floor_text = name.partition("@")
    floor = float(floor_text or 0)

    def decide(rules: str, probs: Probs) -> str:
        best = max(probs, key=lambda s: probs[s])
        if kind == "never" or probs[best] < floor:
            return rules
        if kind == "learned" or kind == "sure":
            return best
        if kind == "unknown":
            return best if rules == "unknown" else rules
        if kind == "weak":
            return best if rules in WEAK else rules
        raise ValueError(name)

    return decide


POLICIES = ("never", "learned", *(f"{k}@{f}" for k in ("unknown", "weak", "sure") for f in (0.0, *FLOORS)))


def model_input(text: str, rules: str, *, with_rules: bool) -> str:
    """The sentence, and with `with_rules` a last word naming the rules' reading (the model may learn
    where the rules go wrong)."""
    return f"{text} rulesread{rules.replace('_', '')}" if with_rules else text


def _rescored(
    unit: Unit, predictions: dict[str, Probs], decide: Callable[[str, Probs], str], *, with_rules: bool
) -> list[Agreement]:
    return [
        a.model_copy(
            update={
                "status": decide(a.status, predictions[model_input(a.text, a.status, with_rules=with_rules)])
            }
        )
        for a in unit.agreements
    ]


def score_units(
    units: Sequence[Unit],
    predictions: dict[str, Probs],
    decide: Callable[[str, Probs], str],
    *,
    with_rules: bool = False,
) -> tuple[Score, Score, float]:
    """(status over matched parties on the tune texts, the same on the probes, the probes' exact share)."""
    tune = [u for u in units if u.entry is not None]
    found = [
        SimpleNamespace(agreements=_rescored(u, predictions, decide, with_rules=with_rules)) for u in tune
    ]
    gold = [u.entry for u in tune if u.entry is not None]
    devset = score_all(found, gold, STATUS_FIELD)["agreement status"] if tune else Score(0, 0, 0)  # type: ignore[arg-type]
    tp = fp = fn = exact = 0
    probes = [u for u in units if u.entry is None]
    for unit in probes:
        got = {
            (frozenset(a.parties), a.status)
            for a in _rescored(unit, predictions, decide, with_rules=with_rules)
        }
        exact += got == unit.expected
        parties = {p for p, _ in unit.expected}
        same = {k for k in got if k[0] in parties}
        expected = {k for k in unit.expected if k[0] in {p for p, _ in same}}
        tp, fp, fn = tp + len(same & expected), fp + len(same - expected), fn + len(expected - same)
    return devset, Score(tp, fp, fn), exact / len(probes) if probes else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--models", nargs="+", default=["bow", "cnn", "encoder"], choices=["bow", "cnn", "encoder"]
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--with-rules", action="store_true", help="the rules' reading as a last word of the input"
    )
    parser.add_argument(
        "--final", metavar="MODEL:POLICY", help="score the untouched rounds with this one, once"
    )
    parser.add_argument("--cache", type=Path, default=Path("/tmp/presswatch-status-cv"))
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"the shared evaluation data is missing: {EVAL}")
    args.cache.mkdir(parents=True, exist_ok=True)
    cached = args.cache / "collected.pkl"
    if cached.is_file():
        items, units = pickle.loads(cached.read_bytes())  # its own cache
    else:
        items, units = collect(Extractor(use_classifier=False))
        cached.write_bytes(pickle.dumps((items, units)))
    untouched = {f"round{r}" for r in UNTOUCHED}
    if args.with_rules:
        items = [replace(i, text=model_input(i.text, i.rules, with_rules=True)) for i in items]
    vectors = Vectors(args.cache / "vectors.npz")
    if args.final:
        final(args, items, units, untouched, vectors)
        return
    items = [i for i in items if i.group not in untouched]
    units = [u for u in units if u.group not in untouched]
    fold_of = folds((i.group for i in items), args.folds)
    print(
        f"{len(items)} labelled sentences in {len(fold_of)} groups, {args.folds} folds; labels {dict(Counter(i.label for i in items))}"
    )
    rules_right = sum(i.rules == i.label for i in items)
    print(f"rules alone: item accuracy {rules_right / len(items):.3f}")
    for kind in args.models:
        predictions: dict[int, dict[str, Probs]] = {}
        with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
            for k in range(args.folds):
                train = [i for i in items if fold_of[i.group] != k]
                predict = (
                    train_encoder(train, vectors)
                    if kind == "encoder"
                    else train_textcat(kind, train, Path(tmp) / str(k))
                )
                texts = sorted(
                    {i.text for i in items if fold_of[i.group] == k}
                    | {
                        model_input(a.text, a.status, with_rules=args.with_rules)
                        for u in units
                        if fold_of.get(u.group, -1) == k
                        for a in u.agreements
                    }
                )
                predictions[k] = dict(zip(texts, predict(texts), strict=True))
        report(kind, items, units, fold_of, predictions, with_rules=args.with_rules)


def report(
    kind: str,
    items: Sequence[Item],
    units: Sequence[Unit],
    fold_of: dict[str, int],
    predictions: dict[int, dict[str, Probs]],
    *,
    with_rules: bool,
) -> None:
    best = [max(p, key=lambda s: p[s]) for p in (predictions[fold_of[i.group]][i.text] for i in items)]
    right = sum(b == i.label for b, i in zip(best, items, strict=True))
    print(f"\n## {kind}: item accuracy out of fold {right / len(items):.3f}")
    by_rules: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for b, i in zip(best, items, strict=True):
        row = by_rules[i.rules]
        row[0] += 1
        row[1] += i.rules == i.label
        row[2] += b == i.label
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for b, i in zip(best, items, strict=True):
        row = by_source[i.group.split(":")[0] if ":" in i.group else "status-probes"]
        row[0] += 1
        row[1] += i.rules == i.label
        row[2] += b == i.label
    print(
        "by source: items, rules right, learned right: "
        + "; ".join(f"{r} {n}/{a}/{b}" for r, (n, a, b) in sorted(by_source.items()))
    )
    print(
        "where the rules read X: items, rules right, learned right: "
        + "; ".join(f"{r} {n}/{a}/{b}" for r, (n, a, b) in sorted(by_rules.items()))
    )
    print(f"{'policy':12} {'tune status P/R/F1':22} {'probes status P/R/F1':24} probes exact")
    for name in POLICIES:
        decide = policy(name)
        totals = [Score(0, 0, 0), Score(0, 0, 0)]
        exact_sum = 0.0
        count = 0
        for k, by_text in predictions.items():
            members = [u for u in units if fold_of.get(u.group, -1) == k]
            devset, probes, exact = score_units(members, by_text, decide, with_rules=with_rules)
            totals = [
                Score(t.tp + s.tp, t.fp + s.fp, t.fn + s.fn)
                for t, s in zip(totals, (devset, probes), strict=True)
            ]
            n = sum(u.entry is None for u in members)
            exact_sum += exact * n
            count += n
        d, p = totals
        print(
            f"{name:12} {d.precision:.3f}/{d.recall:.3f}/{d.f1:.3f} ({d.tp + d.fn:3})  "
            f"{p.precision:.3f}/{p.recall:.3f}/{p.f1:.3f} ({p.tp + p.fn:3})  {exact_sum / max(count, 1):.3f}"
        )


def final(
    args: Any, items: Sequence[Item], units: Sequence[Unit], untouched: set[str], vectors: Vectors
) -> None:
    kind, _, name = str(args.final).partition(":")
    train = [i for i in items if i.group not in untouched]
    with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
        predict = (
            train_encoder(train, vectors) if kind == "encoder" else train_textcat(kind, train, Path(tmp))
        )
        for group in sorted(untouched):
            members = [u for u in units if u.group == group]
            texts = sorted(
                {
                    model_input(a.text, a.status, with_rules=args.with_rules)
                    for u in members
                    for a in u.agreements
                }
            )
            by_text = dict(zip(texts, predict(texts), strict=True))
            for label in ("never", name):
                _, probes, exact = score_units(members, by_text, policy(label), with_rules=args.with_rules)
                print(
                    f"{group} ({len(members)} probes) {label:12} status P/R/F1 "
                    f"{probes.precision:.2f}/{probes.recall:.2f}/{probes.f1:.2f}; exact {exact:.2f}"
                )


if __name__ == "__main__":
    main()
