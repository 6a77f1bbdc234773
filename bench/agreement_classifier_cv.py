"""Can a retrained agreement classifier put right the rules' weak status readings? Cross-validated figures
against the rules alone and the shipped classifier, on data the classifier was not trained on.

    python bench/agreement_classifier_cv.py [--inputs vector tense ngrams rules] [--floors 0.5 0.7 0.9]

Training sentences: the hand-labelled ones of `nlp/data/agreement_sentences.tsv` (development-set texts left
out, as `nlp/training/train_agreement_classifier.py` reads them), the written status probes
(`tests/nlp/data/status_probes*.tsv`, `bench/data/agreement_probes.tsv`) and, as sentences that announce
nothing, every sentence of the tune texts with no agreement annotated (SOTU sections and held-out texts never).
Inputs, any of: the sentence's vector, its main verb's tense and aspect from the parse, a hashed bag of its
words and word pairs, and the rules' own reading one-hot. The policy measured: where the rules read
`unknown` or `planned` (their weak readings) and the classifier gives another status a probability of at
least the floor, that status replaces theirs.

Schemes (each classifier scores only what it was not trained on):
- sentences, probe rounds left out: each round's probes scored by a model trained without that round; the
  floor is calibrated on these out-of-fold figures (statuses put right less those made wrong);
- tune half by fold: two folds of the tune texts; a model trained without the fold's quiet texts; the
  fold's agreements scored as `bench/nlp_quality.py` scores them;
- probe rounds 9 and 8 left out, through the rules: status over the probes whose parties are found, as
  `bench/status_probes.py` scores them.
The rules run once per text (`find_agreements`, no classifier); an override changes the status of the
agreements its founding sentence gives.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.tokens import Doc, Span

from bench.common import EVAL
from bench.devset_scoring import FIELDS, Score, load, read_text, score_all
from bench.status_probes import probe_files, read
from nlp.agreement_classifier import LABELS, AgreementClassifier, shipped_classifier
from nlp.agreements.assembly import candidate_statuses, find_agreements
from nlp.components import doc_extension
from nlp.embeddings import SENTENCE_MAX_TOKENS, Encoder
from nlp.pipeline import build_pipeline
from nlp.publishers import publishing_government
from nlp.training.train_agreement_classifier import fit, read_labelled

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT_PROBES = ROOT / "bench" / "data" / "agreement_probes.tsv"
AGREEMENT_FIELDS = [f for f in FIELDS if f.name in ("agreements", "agreement parties", "agreement status")]
WEAK = ("unknown", "planned")
FLOORS = tuple(round(0.3 + 0.05 * k, 2) for k in range(14))
TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
NGRAM_BUCKETS = 4096
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, kw_only=True)
class Example:
    """A labelled sentence: its label, its group (the unit left out), the rules' reading, text and tense."""

    label: str
    group: str
    rules: str
    text: str
    tense: np.ndarray


def tense(sentence: Span) -> np.ndarray:
    """The main verb's tag, and whether a modal, a perfect 'have', a passive or a negation goes with it."""
    root = sentence.root
    features = np.zeros(len(TAGS) + 4, dtype=np.float32)
    if root.tag_ in TAGS:
        features[TAGS.index(root.tag_)] = 1.0
    children = list(root.children)
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    features[len(TAGS)] = any(c.tag_ == "MD" for c in aux)
    features[len(TAGS) + 1] = any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in aux)
    features[len(TAGS) + 2] = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    features[len(TAGS) + 3] = any(c.dep_ == "neg" for c in children)
    return features


def ngrams(text: str) -> np.ndarray:
    """Words and word pairs hashed into buckets (crc32: the same in every process), L2-normalised."""
    words = _WORD.findall(text.lower())
    features = np.zeros(NGRAM_BUCKETS, dtype=np.float32)
    for gram in [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]:
        features[zlib.crc32(gram.encode("utf-8")) % NGRAM_BUCKETS] = 1.0
    norm = float(np.linalg.norm(features))
    return features / norm if norm else features


class Vectors:
    """The encoder's sentence vectors, cached on disk by text."""

    def __init__(self, cache: Path) -> None:
        self._cache = cache
        self._known: dict[str, np.ndarray] = {}
        if cache.is_file():
            data = np.load(cache)
            self._known = {k: data[k] for k in data.files}
        self._encoder: Encoder | None = None

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if self.key(t) not in self._known})
        if missing:
            self._encoder = self._encoder or Encoder()
            encoded = self._encoder.encode(missing, max_tokens=SENTENCE_MAX_TOKENS)
            for text, vector in zip(missing, encoded, strict=True):
                self._known[self.key(text)] = vector.astype(np.float32)
            np.savez(self._cache, **self._known)
        return np.stack([self._known[self.key(t)] for t in texts])


class Reader:
    """The rules pipeline, parsing texts under their publisher's URL as the extractor does."""

    def __init__(self) -> None:
        self.nlp = build_pipeline(use_encoder=False)
        doc_extension("publisher")
        doc_extension("sentence_encoder")

    def parse(self, text: str, url: str | None) -> Doc:
        doc = self.nlp.make_doc(text)
        doc._.publisher = publishing_government(url) if url else None
        return self.nlp(doc)

    def sentence(self, text: str, *, label: str, group: str, url: str | None) -> Example:
        """The founding sentence of the first candidate the rules find, with their status; else `none`."""
        doc = self.parse(text, url)
        found = candidate_statuses(doc)
        sent, rules = found[0] if found else (next(iter(doc.sents)), "none")
        return Example(label=label, group=group, rules=rules, text=sent.text.strip(), tense=tense(sent))


def probe_round(path: Path) -> str:
    """'status_probes_round9b.tsv' → '9' (a round's batches go together); the first file is round 1."""
    found = re.search(r"round(\d+)", path.name)
    return found.group(1) if found else "1"


def quiet_tune_entries() -> list[dict[str, Any]]:
    """Tune texts with no agreement annotated, SOTU sections left out."""
    return [
        e
        for e in load()
        if e["split"] == "tune" and not e["agreements"] and not str(e["id"]).startswith("sotu")
    ]


def training_set(reader: Reader) -> list[Example]:
    rows = [reader.sentence(s, label=label, group="sentences", url=None) for label, s in read_labelled()]
    for path in probe_files():
        rows += [
            reader.sentence(p.sentence, label=p.status, group=f"round{probe_round(path)}", url=p.url)
            for p in read(path)
        ]
    for line in AGREEMENT_PROBES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _split, status, _parties, sentence = line.split("\t")
            rows.append(reader.sentence(sentence, label=status, group="agreement-probes", url=None))
    for entry in quiet_tune_entries():
        doc = reader.parse(read_text(entry, eval_root=EVAL), entry.get("publisher_url") or entry["url"])
        statuses = {sent.start: status for sent, status in candidate_statuses(doc)}
        rows += [
            Example(
                label="none",
                group=f"tune:{entry['id']}",
                rules=statuses.get(sent.start, "none"),
                text=sent.text.strip(),
                tense=tense(sent),
            )
            for sent in doc.sents
            if len(sent) >= 4 and any(t.is_alpha for t in sent)
        ]
    return rows


def design(rows: Sequence[Example], vectors: Vectors, inputs: Sequence[str]) -> np.ndarray:
    parts = []
    if "vector" in inputs:
        parts.append(vectors.encode([r.text for r in rows]))
    if "tense" in inputs:
        parts.append(np.stack([r.tense for r in rows]))
    if "ngrams" in inputs:
        parts.append(np.stack([ngrams(r.text) for r in rows]))
    if "rules" in inputs:
        parts.append(np.eye(len(LABELS), dtype=np.float32)[[LABELS.index(r.rules) for r in rows]])
    return np.concatenate(parts, axis=1).astype(np.float32)


def targets(rows: Sequence[Example]) -> np.ndarray:
    return np.array([LABELS.index(r.label) for r in rows], dtype=np.int64)


def overridden(rules: str, probs: np.ndarray, floor: float) -> str:
    """The rules' status, replaced where weak by a status the classifier gives at least `floor`."""
    best = max((i for i in range(len(LABELS)) if LABELS[i] != "none"), key=lambda i: probs[i])
    sure = probs[best] >= floor and LABELS[best] != "unknown"
    return LABELS[best] if rules in WEAK and sure else rules


def out_of_fold(
    rows: Sequence[Example], x: np.ndarray, scored: Callable[[str], bool]
) -> dict[int, np.ndarray]:
    y = targets(rows)
    found: dict[int, np.ndarray] = {}
    for group in sorted({r.group for r in rows if scored(r.group)}):
        held = np.array([r.group == group for r in rows])
        model = fit(x[~held], y[~held])
        for i, probs in zip(np.flatnonzero(held), model.probabilities(x[held]), strict=True):
            found[int(i)] = probs
    return found


def sentence_scheme(rows: Sequence[Example], x: np.ndarray) -> float:
    """Probe rounds left out, sentence by sentence; returns the calibrated floor."""
    probs = out_of_fold(rows, x, lambda g: g.startswith("round") or g == "agreement-probes")
    read_by_rules = [i for i in probs if rows[i].label != "none" and rows[i].rules != "none"]

    def gain(floor: float, members: Iterable[int]) -> int:
        return sum(
            (overridden(rows[i].rules, probs[i], floor) == rows[i].label) - (rows[i].rules == rows[i].label)
            for i in members
        )

    best = max(FLOORS, key=lambda f: (gain(f, read_by_rules), -f))
    weak = [i for i in read_by_rules if rows[i].rules in WEAK]
    raw = sum(LABELS[int(np.argmax(probs[i][1:])) + 1] == rows[i].label for i in weak)
    print(f"\n## sentences, probe rounds left out ({len(read_by_rules)} probes the rules read)")
    print(
        f"weak readings {len(weak)}: the rules right on {sum(rows[i].rules == rows[i].label for i in weak)}, "
        f"the classifier's best status right on {raw}"
    )
    print(
        "gain over the rules by floor: " + ", ".join(f"{f:.2f} {gain(f, read_by_rules):+d}" for f in FLOORS)
    )
    print(f"calibrated floor {best:.2f}")
    return best


def with_override(
    doc: Doc, model: AgreementClassifier | None, vectors: Vectors, inputs: Sequence[str], floor: float
) -> list[Any]:
    agreements = find_agreements(doc)
    if model is None:
        return agreements
    founding = {sent.start_char: (sent, status) for sent, status in candidate_statuses(doc)}
    changed = []
    for agreement in agreements:
        sent, status = founding.get(agreement.start, (None, agreement.status))
        if sent is not None and status in WEAK:
            row = Example(label="none", group="", rules=status, text=sent.text.strip(), tense=tense(sent))
            new = overridden(status, model.probabilities(design([row], vectors, inputs))[0], floor)
            agreement = agreement.model_copy(update={"status": new})
        changed.append(agreement)
    return changed


def devset_scheme(
    args: Any, reader: Reader, rows: Sequence[Example], vectors: Vectors, floors: Sequence[float]
) -> None:
    entries = sorted((e for e in load() if e["split"] == "tune"), key=lambda e: e["id"])
    docs = [reader.parse(read_text(e, eval_root=EVAL), e.get("publisher_url") or e["url"]) for e in entries]
    shipped = shipped_classifier()
    totals: dict[str, dict[str, Score]] = {}
    for k in (0, 1):
        fold = [i for i in range(len(entries)) if i % 2 == k]
        held = {f"tune:{entries[i]['id']}" for i in fold}
        train = [r for r in rows if r.group not in held]
        model = fit(design(train, vectors, args.inputs), targets(train))
        variants = _variants(model, shipped, vectors, args.inputs, floors)
        for name, find in variants.items():
            found = [SimpleNamespace(agreements=find(docs[i])) for i in fold]
            for field, s in score_all(found, [entries[i] for i in fold], AGREEMENT_FIELDS).items():  # type: ignore[arg-type]
                t = totals.setdefault(name, {}).get(field, Score(0, 0, 0))
                totals[name][field] = Score(t.tp + s.tp, t.fp + s.fp, t.fn + s.fn)
    print(f"\n## tune half, two folds ({len(entries)} texts), inputs {args.inputs}")
    for name, by_field in totals.items():
        cells = "  ".join(f"{f} {s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}" for f, s in by_field.items())
        print(f"{name:12} {cells}")


def _variants(
    model: AgreementClassifier,
    shipped: AgreementClassifier,
    vectors: Vectors,
    inputs: Sequence[str],
    floors: Sequence[float],
) -> dict[str, Callable[[Doc], list[Any]]]:
    """The rules alone, the shipped classifier as the pipeline runs it, and the override at each floor."""
    variants: dict[str, Callable[[Doc], list[Any]]] = {
        "rules only": find_agreements,
        "shipped": lambda d: _with_shipped(d, shipped, vectors),
    }
    for floor in floors:
        variants[f"floor {floor:.2f}"] = lambda d, f=floor: with_override(d, model, vectors, inputs, f)
    return variants


def _with_shipped(doc: Doc, shipped: AgreementClassifier, vectors: Vectors) -> list[Any]:
    doc._.sentence_encoder = vectors.encode
    return find_agreements(doc, classifier=shipped)


def probe_scheme(
    args: Any, reader: Reader, rows: Sequence[Example], vectors: Vectors, floors: Sequence[float]
) -> None:
    shipped = shipped_classifier()
    for held in ("9", "8"):
        probes = read(*(p for p in probe_files() if probe_round(p) == held))
        docs = [reader.parse(p.sentence, p.url) for p in probes]
        train = [r for r in rows if r.group != f"round{held}"]
        model = fit(design(train, vectors, args.inputs), targets(train))
        variants = _variants(model, shipped, vectors, args.inputs, floors)
        print(f"\n## probe round {held} left out ({len(probes)} probes), inputs {args.inputs}")
        for name, find in variants.items():
            tp = fp = fn = matched = 0
            for probe, doc in zip(probes, docs, strict=True):
                same = {
                    (frozenset(a.parties), a.status)
                    for a in find(doc)
                    if frozenset(a.parties) == probe.parties
                }
                if same:
                    matched += 1
                    tp += len(same & {(probe.parties, probe.status)})
                    fp += len(same - {(probe.parties, probe.status)})
                    fn += len({(probe.parties, probe.status)} - same)
            s = Score(tp, fp, fn)
            print(
                f"{name:12} parties found {matched}; status P/R/F1 {s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--inputs", nargs="+", default=["vector", "tense"], choices=["vector", "tense", "ngrams", "rules"]
    )
    parser.add_argument("--floors", nargs="+", type=float, default=[], help="besides the calibrated one")
    parser.add_argument(
        "--cache", type=Path, default=Path("/tmp/presswatch-agreement-cv"), help="parsed sentences, vectors"
    )
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"the shared evaluation data is missing: {EVAL}")
    args.cache.mkdir(parents=True, exist_ok=True)
    vectors = Vectors(args.cache / "vectors.npz")
    reader = Reader()
    rows_cache = args.cache / "examples.pkl"
    if rows_cache.is_file():
        rows = [Example(**fields) for fields in pickle.loads(rows_cache.read_bytes())]  # its own cache
    else:
        rows = training_set(reader)
        rows_cache.write_bytes(pickle.dumps([asdict(r) for r in rows]))
    print(f"{len(rows)} training sentences, {sum(r.label == 'none' for r in rows)} announcing nothing")
    floor = sentence_scheme(rows, design(rows, vectors, args.inputs))
    floors = sorted({floor, *args.floors})
    devset_scheme(args, reader, rows, vectors, floors)
    probe_scheme(args, reader, rows, vectors, floors)


if __name__ == "__main__":
    main()
