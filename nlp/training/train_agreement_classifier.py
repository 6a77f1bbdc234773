"""Trains the agreement classifier on the hand-labelled sentences and reports its held-out accuracy.

    python -m nlp.training.train_agreement_classifier

A stratified quarter of the sentences is held out; the script prints the classifier's accuracy on it next
to the rules' (the status of the first agreement the rule pipeline finds in the sentence, or none) and the
majority class, its status accuracy over the held-out sentences that state an agreement, and its recall per
status, then trains on every sentence and writes
`nlp/data/agreement_classifier.npz`. Sentences from the texts of the development set
(`bench/devset/annotations.json`) are left out, so that the development set measures what the classifier
adds on text it has not seen. Deterministic: a fixed split and full-batch gradient descent from zeros.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.language import Language

from nlp.agreement_classifier import LABELS, AgreementClassifier
from nlp.embeddings import Encoder
from nlp.pipeline import build_pipeline

DATA = Path(__file__).resolve().parent.parent / "data"
SENTENCES = DATA / "agreement_sentences.tsv"
DEVSET = Path(__file__).resolve().parent.parent.parent / "bench" / "devset"
HELD_OUT = 0.25
EPOCHS = 1500
LEARNING_RATE = 1.0
# Classes are weighted by the square root of their rarity: full balancing made the few agreement
# sentences outvote the many others (held-out accuracy below the majority class).
CLASS_WEIGHT_POWER = 0.5
L2 = 1e-3


def development_set() -> tuple[set[str], str]:
    """The shared texts of the development set (as `shared/eval/...` sources) and its shipped texts' words."""
    annotations = DEVSET / "annotations.json"
    if not annotations.is_file():
        return set(), ""
    entries = json.loads(annotations.read_text(encoding="utf-8"))["texts"]
    shared = {f"shared/eval/{e['path']}" for e in entries if "path" in e}
    shipped = " ".join(
        " ".join((DEVSET / e["file"]).read_text(encoding="utf-8").split()) for e in entries if "file" in e
    )
    return shared, shipped


def read_labelled() -> list[tuple[str, str]]:
    """The labelled sentences, without those of the development set."""
    shared, shipped = development_set()
    rows: list[tuple[str, str]] = []
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, source, _licence, sentence = line.split("\t")
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} in {SENTENCES}")
        if source in shared or " ".join(sentence.split()) in shipped:
            continue
        rows.append((label, sentence))
    return rows


def split(rows: list[tuple[str, str]], *, seed: int = 13) -> tuple[list[int], list[int]]:
    """Stratified: a quarter of each label is held out (at least one where a label has two or more)."""
    rng = random.Random(seed)
    train: list[int] = []
    test: list[int] = []
    for label in LABELS:
        members = [i for i, (lab, _) in enumerate(rows) if lab == label]
        rng.shuffle(members)
        cut = max(1, round(len(members) * HELD_OUT)) if len(members) > 1 else 0
        test += members[:cut]
        train += members[cut:]
    return sorted(train), sorted(test)


def fit(x: npt.NDArray[np.float32], y: npt.NDArray[np.int64]) -> AgreementClassifier:
    """Multinomial logistic regression by full-batch gradient descent, rarer classes weighted up."""
    n, d = x.shape
    k = len(LABELS)
    counts = np.bincount(y, minlength=k).astype(np.float32)
    class_weight = np.where(counts > 0, (n / (k * np.maximum(counts, 1))) ** CLASS_WEIGHT_POWER, 0.0)
    sample_weight = class_weight[y]
    onehot = np.eye(k, dtype=np.float32)[y]
    w = np.zeros((d, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    for _ in range(EPOCHS):
        model = AgreementClassifier(weights=w, bias=b, labels=LABELS)
        grad = (model.probabilities(x) - onehot) * sample_weight[:, None] / sample_weight.sum()
        w = (w - LEARNING_RATE * (x.T @ grad + L2 * w)).astype(np.float32)
        b = (b - LEARNING_RATE * grad.sum(axis=0)).astype(np.float32)
    return AgreementClassifier(weights=w, bias=b, labels=LABELS)


@lru_cache(maxsize=1)
def rules_only() -> Language:
    return build_pipeline(use_encoder=False)


def rules_label(sentence: str) -> str:
    """What the rules alone read: the status of the first agreement found, or none."""
    found = rules_only()(sentence)._.agreements
    return str(found[0].status) if found else "none"


def predict(model: AgreementClassifier, x: npt.NDArray[np.float32]) -> list[str]:
    return [LABELS[i] for i in model.probabilities(x).argmax(axis=1)]


def main() -> None:
    rows = read_labelled()
    encoder = Encoder()
    x = encoder.encode([s for _, s in rows])
    y = np.array([LABELS.index(label) for label, _ in rows], dtype=np.int64)
    train, test = split(rows)
    model = fit(x[train], y[train])
    predicted = predict(model, x[test])
    truth = [rows[i][0] for i in test]
    rules = [rules_label(rows[i][1]) for i in test]
    majority = Counter(rows[i][0] for i in train).most_common(1)[0][0]

    def accuracy(found: list[str]) -> float:
        return sum(f == t for f, t in zip(found, truth, strict=True)) / len(truth)

    def announces(found: list[str]) -> float:
        return sum((f == "none") == (t == "none") for f, t in zip(found, truth, strict=True)) / len(truth)

    print(f"{len(rows)} labelled sentences, {len(test)} held out: {dict(Counter(truth))}")
    print(
        f"held-out accuracy (status incl. none): classifier {accuracy(predicted):.3f}, rules {accuracy(rules):.3f}, majority class {accuracy([majority] * len(truth)):.3f}"
    )
    print(
        f"held-out accuracy (announces an agreement or not): classifier {announces(predicted):.3f}, rules {announces(rules):.3f}"
    )
    said = [i for i, t in enumerate(truth) if t != "none"]

    def status_accuracy(found: list[str]) -> float:
        return sum(found[i] == truth[i] for i in said) / len(said) if said else 0.0

    print(
        f"held-out status accuracy over the {len(said)} agreement sentences: classifier "
        f"{status_accuracy(predicted):.3f}, rules {status_accuracy(rules):.3f}"
    )
    for label in LABELS:
        members = [i for i, t in enumerate(truth) if t == label]
        if members:
            right = sum(predicted[i] == label for i in members)
            print(f"  {label:15} held out {len(members):3}, classifier recall {right / len(members):.2f}")
    final = fit(x, y)
    (DATA / "agreement_classifier.npz").write_bytes(final.save())
    print(f"wrote {DATA / 'agreement_classifier.npz'}")


if __name__ == "__main__":
    main()
