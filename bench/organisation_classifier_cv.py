"""Would a learned check on organisation names (MiniLM vectors, logistic regression) raise the organisations
field on text it never trained on? Cross-validated by document, through the whole extractor's keys.

    python bench/organisation_classifier_cv.py [--features name sentence pair flags] [--floors 0.3 0.5]
                                               [--final]

Candidates: every organisation the extractor (rules only, no encoder) names in a text, one per name, read
from its first mention; a name is right when the text's annotation lists it (`bench.devset_scoring` keys).
The classifier may drop only an *unsure* name: one no body table, international body or acronym the text
spells out vouches for. Texts: the tune half of the development set (its GUM Wikinews texts are scored but
never trained on) and the organisation probes (`bench/data/organisation_probes.json`; the people probes
annotate no organisations). Never a held-out text.

Folds: five, by document: a tune text's fold from its position, a probe batch's from its number (so no two
texts of one batch, and no two sentences of one text, fall on both sides). Batches 34-38 and the round's own
batches 40-41 (39 and 40 on its branch; batch 39 is wiki14's) are left out of every fold; `--final` trains on all five folds and scores them once, at the
end. For each fold and floor: organisations P/R/F1 of the extractor as it is, and with every unsure name
whose probability of being a body is below the floor dropped, by a model trained on the other folds.
The extraction and the vectors are cached in `CACHE` between runs: delete it after changing the rules.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.tokens import Doc

from bench.common import EVAL
from bench.devset_scoring import Score, load, organisation, read_text
from nlp.components import doc_extension
from nlp.organisations import core
from nlp.pipeline import build_pipeline
from nlp.publishers import publishing_government
from nlp.training.organisation_classifier import (
    CLASS_WEIGHT_POWER,
    FEATURE_KINDS,
    L2,
    Candidate,
    OrganisationClassifier,
    candidates,
    features,
    fit,
)
from presswatch.document import Mention
from presswatch.encoder import Encoder

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "bench" / "data" / "organisation_probes.json"
FOLDS = 5
FINAL_BATCHES = frozenset(range(34, 42))
CACHE = Path("/tmp/presswatch-organisation-cv.pickle")


@dataclass
class Text:
    """One scored text: its fold (-1: the final check), whether it may be trained on, its gold keys and the
    extractor's unsure and sure candidates."""

    id: str
    fold: int
    trainable: bool
    gold: set[str]
    found: list[Candidate]
    dropped: list[Candidate]


def texts() -> list[tuple[str, int, bool, str, str, set[str]]]:
    """(id, fold, trainable, text, url, gold keys) of every text the measurement reads."""
    out: list[tuple[str, int, bool, str, str, set[str]]] = []
    tune = [e for e in load() if e["split"] == "tune"]
    for k, entry in enumerate(tune):
        gum = str(entry.get("path", "")).startswith("entities-gum-news")
        out.append(
            (
                entry["id"],
                k % FOLDS,
                not gum,
                read_text(entry, eval_root=EVAL),
                entry.get("publisher_url") or entry["url"],
                {organisation(o) for o in entry["organisations"]},
            )
        )
    for probe in json.loads(PROBES.read_text(encoding="utf-8"))["texts"]:
        fold = -1 if probe["batch"] in FINAL_BATCHES else probe["batch"] % FOLDS
        out.append(
            (
                probe["id"],
                fold,
                True,
                probe["text"],
                probe.get("url", "https://probe.test/x"),
                {organisation(o) for o in probe["organisations"]},
            )
        )
    return out


def dropped(doc: Doc, mentions: Sequence[Mention]) -> list[Candidate]:
    """The model's ORG spans the rules made no organisation of (a law, a place, a person, nothing), one per
    name: what the organisation step drops."""
    kept = [(m.start, m.end) for m in mentions if m.label == "ORG"]
    found: dict[str, Candidate] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(s < ent.end_char and ent.start_char < e for s, e in kept):
            continue
        name = core(ent).text.strip()
        if not name or name in found:
            continue
        found[name] = Candidate(
            name=name, text=ent.text, sentence=ent.sent.text.strip(), sure=False, mentions=1, model_org=True
        )
    return list(found.values())


def extract() -> list[Text]:
    """Every text's candidates, with the encoder's vectors of each (cached between runs)."""
    if CACHE.is_file():
        cached: list[Text] = pickle.loads(CACHE.read_bytes())
        return cached
    nlp = build_pipeline(use_encoder=False)
    doc_extension("publisher")
    encoder = Encoder()
    out: list[Text] = []
    for text_id, fold, trainable, text, url, gold in texts():
        doc = nlp.make_doc(text)
        doc._.publisher = publishing_government(url)
        doc = nlp(doc)
        found = candidates(doc, doc._.mentions)
        gone = dropped(doc, doc._.mentions)
        unsure = [c for c in found if not c.sure] + gone
        if unsure:
            vectors = encoder.encode(
                [c.name for c in unsure]
                + [c.sentence for c in unsure]
                + [f"{c.name}: {c.sentence}" for c in unsure]
            )
            for k, c in enumerate(unsure):
                c.name_vector = vectors[k]
                c.sentence_vector = vectors[len(unsure) + k]
                c.pair_vector = vectors[2 * len(unsure) + k]
        out.append(Text(id=text_id, fold=fold, trainable=trainable, gold=gold, found=found, dropped=gone))
    CACHE.write_bytes(pickle.dumps(out))
    return out


@dataclass(frozen=True, kw_only=True)
class Policy:
    """What the classifier may do: drop an unsure name below `floor`, admit a dropped one at `admit` or more."""

    floor: float
    admit: float = 2.0


def score(
    docs: Sequence[Text], model: OrganisationClassifier | None, kinds: Sequence[str], policy: Policy
) -> Score:
    """Organisations of the texts as the extractor gives them, with the policy's drops and admissions."""
    tp = fp = fn = 0
    for text in docs:
        found = {organisation(c.name) for c in text.found}
        if model is not None:
            unsure = [c for c in text.found if not c.sure]
            for c, p in zip(unsure, probabilities(model, unsure, kinds), strict=True):
                if p < policy.floor:
                    found.discard(organisation(c.name))
            found |= {
                organisation(c.name)
                for c, p in zip(text.dropped, probabilities(model, text.dropped, kinds), strict=True)
                if p >= policy.admit
            }
            found |= {organisation(c.name) for c in text.found if c.sure}
        tp += len(found & text.gold)
        fp += len(found - text.gold)
        fn += len(text.gold - found)
    return Score(tp=tp, fp=fp, fn=fn)


def probabilities(
    model: OrganisationClassifier, found: Sequence[Candidate], kinds: Sequence[str]
) -> list[float]:
    if not found:
        return []
    return [float(p) for p in model.probability(np.stack([features(c, kinds=kinds) for c in found]))]


def matrix(
    docs: Sequence[Text], kinds: Sequence[str], *, with_dropped: bool
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """The training rows: every unsure name of the texts, and the names the rules dropped if asked."""
    rows = [(c, text) for text in docs for c in text.found if not c.sure]
    if with_dropped:
        rows += [(c, text) for text in docs for c in text.dropped]
    x = np.stack([features(c, kinds=kinds) for c, _ in rows])
    y = np.array([organisation(c.name) in text.gold for c, text in rows], dtype=np.int64)
    return x, y


def cell(s: Score) -> str:
    return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", nargs="+", default=list(FEATURE_KINDS))
    parser.add_argument("--floors", nargs="+", type=float, default=[0.2, 0.3, 0.4, 0.5])
    parser.add_argument("--admit", type=float, default=2.0, help="admit a dropped name at this probability")
    parser.add_argument("--with-dropped", action="store_true", help="train on the names the rules drop too")
    parser.add_argument(
        "--power", type=float, default=CLASS_WEIGHT_POWER, help="class weight: rarity to this power"
    )
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument(
        "--final", action="store_true", help="also train on every fold and score batches 34-41"
    )
    args = parser.parse_args()
    data = extract()
    kinds = tuple(args.features)
    unsure = sum(not c.sure for t in data for c in t.found)
    print(
        f"{len(data)} texts, {sum(len(t.found) for t in data)} candidates, {unsure} unsure, "
        f"{sum(len(t.dropped) for t in data)} dropped; {vars(args)}"
    )
    policies = [Policy(floor=f, admit=args.admit) for f in args.floors]
    print(
        f"{'fold':>6} {'texts':>5}  {'as is':>14}"
        + "".join(f"  {'floor ' + str(f):>14}" for f in args.floors)
    )

    def train(docs: Sequence[Text]) -> OrganisationClassifier:
        x, y = matrix(docs, kinds, with_dropped=args.with_dropped)
        return fit(x, y, kinds=kinds, class_weight_power=args.power, l2=args.l2)

    def row(name: str, test: Sequence[Text], model: OrganisationClassifier) -> list[Score]:
        scores = [score(test, None, kinds, Policy(floor=0.0))] + [
            score(test, model, kinds, p) for p in policies
        ]
        print(f"{name:>6} {len(test):>5}  " + "  ".join(f"{cell(s):>14}" for s in scores))
        return scores

    totals: list[list[Score]] = []
    for fold in range(FOLDS):
        test = [t for t in data if t.fold == fold]
        totals.append(
            row(str(fold), test, train([t for t in data if t.fold not in (fold, -1) and t.trainable]))
        )
    summed = [
        Score(tp=sum(s.tp for s in v), fp=sum(s.fp for s in v), fn=sum(s.fn for s in v))
        for v in zip(*totals, strict=True)
    ]
    print(f"{'all':>6} {'':>5}  " + "  ".join(f"{cell(s):>14}" for s in summed))
    if args.final:
        model = train([t for t in data if t.fold != -1 and t.trainable])
        for name, batches in (("34-39", range(34, 40)), ("40", (40,)), ("41", (41,))):
            row(
                name,
                [t for t in data if t.fold == -1 and any(t.id.startswith(f"o{b}-") for b in batches)],
                model,
            )


if __name__ == "__main__":
    main()
