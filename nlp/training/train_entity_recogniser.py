"""Fine-tunes the small English model's own `ner` on organisation names and writes its weights.

    python -m nlp.training.train_entity_recogniser [--cross-validate] [--epochs N]

Training texts: the tune half of the development set (`bench/devset/annotations.json`, entries with split
"tune"; never a held-out one), the written organisation probes (`bench/data/organisation_probes.json`) and
people probes (`bench/data/people_probes.json`, whose organisations are not annotated). The gold of a text is
its annotated organisations and people where they occur verbatim (a name written otherwise in the text, an
acronym or an expansion, is not located); every other entity is the stock model's own prediction on the same
text (rehearsal, so that it keeps its places, money and dates), except that a stock entity overlapping a gold
name gives way to it, a stock ORG that is no annotated organisation is taught as none unless it could be a
short or acronym mention of one (left unannotated), and a stock PERSON that could be no annotated person is
left unannotated.

`--cross-validate` measures before anything is written: the tune texts are split in two folds by document
(alternately by sorted id); a model trained on one fold and the probes but batches 21-24 is scored, with
the rules on top, on the other fold and on those probe batches, beside the stock model on the same texts.
Without it, the model is trained on every tune text and every probe and written to
`nlp/data/entity_recogniser.npz` (`nlp.entity_recogniser`). Deterministic: a fixed seed for dropout and the
shuffling. `docs/extraction.md` (round 11) has the figures: it lost organisations on every run, so no weights
are shipped.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import fix_random_seed

from nlp.entity_recogniser import BASE_MODEL, WEIGHTS, recogniser, save_weights
from nlp.pipeline import Extractor, build_pipeline
from presswatch.document import Document

ROOT = Path(__file__).resolve().parent.parent.parent
PROBES = ROOT / "bench" / "data" / "organisation_probes.json"
PEOPLE_PROBES = ROOT / "bench" / "data" / "people_probes.json"
LEFT_OUT_BATCHES = frozenset({21, 22, 23, 24})
SEED = 0
EPOCHS = 6
BATCH = 8
DROPOUT = 0.2
LEARN_RATE = 0.001  # spaCy's default for Adam
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]*[A-Z]")


@dataclass(frozen=True, slots=True)
class Text:
    """A training or scoring text: its id, body, the address it is read under and its organisations."""

    id: str
    text: str
    url: str
    organisations: tuple[str, ...] | None
    entry: dict[str, Any]
    people: tuple[str, ...] | None = None


def _bench() -> Any:
    """The development set's loader and scorer (bench/, beside the package in a checkout)."""
    sys.path.insert(0, str(ROOT))
    import bench.devset_scoring as scoring

    return scoring


def tune_texts() -> list[Text]:
    """The tune half of the development set, sorted by id."""
    scoring = _bench()
    from bench.common import EVAL

    entries = sorted((e for e in scoring.load() if e["split"] == "tune"), key=lambda e: str(e["id"]))
    return [
        Text(
            str(e["id"]),
            scoring.read_text(e, eval_root=EVAL),
            str(e.get("publisher_url") or e["url"]),
            tuple(e["organisations"]),
            e,
            tuple(p["name"] for p in e["people"]),
        )
        for e in entries
    ]


def probe_texts(*, left_out: bool) -> list[Text]:
    """The organisation probes: those of the left-out batches, or all the others."""
    texts = json.loads(PROBES.read_text(encoding="utf-8"))["texts"]
    return [
        Text(
            t["id"],
            t["text"],
            t["url"],
            tuple(t["organisations"]),
            {**t, "organisations": t["organisations"]},
        )
        for t in texts
        if (t["batch"] in LEFT_OUT_BATCHES) == left_out
    ]


def people_probe_texts() -> list[Text]:
    """The written people probes: their people are gold, their organisations the stock model's."""
    texts = json.loads(PEOPLE_PROBES.read_text(encoding="utf-8"))["texts"]
    return [
        Text(t["id"], t["text"], t.get("url", ""), None, t, tuple(p[0] for p in t["people"])) for t in texts
    ]


def _occurrences(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of each name written verbatim (any whitespace between its words; any case, so long as
    it has a capital: 'al-Ikhbariya' is 'Al-Ikhbariya', a lower-case 'parliament' no body), longest first
    where two overlap."""
    found: list[tuple[int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            if match.group().islower():
                continue
            if not any(s < match.end() and match.start() < e for s, e in found):
                found.append(match.span())
    return sorted(found)


def _could_mention(span: Span, names: Sequence[str]) -> bool:
    """A stock ORG that may be a short or acronym mention of an annotated name: one of its words, a part of
    it, or capitals (the annotation writes the expansion)."""
    words = span.text.removeprefix("the ").removeprefix("The ")
    if _ACRONYM.fullmatch(words):
        return True
    return any(words in name for name in names)


def _spans(doc: Doc, label: str, spans: Iterable[tuple[int, int]]) -> list[Span]:
    found = (doc.char_span(start, end, label=label, alignment_mode="contract") for start, end in spans)
    return [span for span in found if span is not None and len(span)]


def reference(stock: Language, ner_input: Language, text: Text) -> Example:
    """The training example of a text: gold organisations (and people, where annotated) over the stock
    model's other entities."""
    predicted = stock(text.text)
    gold = _with_article(
        predicted, _spans(predicted, "ORG", _occurrences(text.text, text.organisations or ()))
    )
    taken = [(g.start_char, g.end_char) for g in gold]
    if text.people is not None:
        people = [(s, e) for s, e in _occurrences(text.text, text.people) if not _overlaps(s, e, taken)]
        gold += _spans(predicted, "PERSON", people)
        taken += people
    ents: list[Span] = list(gold)
    missing: list[Span] = []
    for ent in predicted.ents:
        if _overlaps(ent.start_char, ent.end_char, taken):
            continue
        if ent.label_ == "ORG" and text.organisations is not None:
            if _could_mention(ent, text.organisations):
                missing.append(ent)  # else taught as outside: no annotated organisation
        elif ent.label_ == "PERSON" and text.people is not None:
            (ents if _could_mention(ent, text.people) else missing).append(ent)
        else:
            ents.append(ent)
    doc = Doc(
        predicted.vocab, words=[t.text for t in predicted], spaces=[bool(t.whitespace_) for t in predicted]
    )
    kept: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        if not kept or kept[-1].end <= ent.start:
            kept.append(Span(doc, ent.start, ent.end, label=ent.label_))
    doc.set_ents(kept, missing=[Span(doc, m.start, m.end) for m in missing], default="outside")
    return Example(ner_input.make_doc(text.text), doc)


def _with_article(predicted: Doc, gold: list[Span]) -> list[Span]:
    """Gold names with the article before them where the stock model's entity had it ('the Kestrel
    Institute'): the annotation leaves it out, the model learnt to take it, and the rules read both."""
    starts = {ent.start for ent in predicted.ents if ent[0].lower_ == "the"}
    return [
        Span(predicted, span.start - 1, span.end, label=span.label) if span.start - 1 in starts else span
        for span in gold
    ]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def stock_tagger() -> Language:
    """The stock pipeline up to its `ner` (the presets it respects included), for the rehearsal entities."""
    nlp = build_pipeline(BASE_MODEL, use_encoder=False, use_classifier=False, entity_recogniser=None)
    after = nlp.pipe_names[nlp.pipe_names.index("ner") + 1 :]
    for name in after:
        nlp.disable_pipe(name)
    return nlp


def train(examples: list[Example], *, epochs: int, seed: int = SEED) -> bytes:
    """The stock `ner` updated on the examples; its serialised bytes."""
    fix_random_seed(seed)
    nlp = spacy.load(BASE_MODEL)
    order = random.Random(seed)
    shuffled = list(examples)
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        optimizer.learn_rate = LEARN_RATE
        for epoch in range(epochs):
            order.shuffle(shuffled)
            losses: dict[str, float] = {}
            for batch in (shuffled[i : i + BATCH] for i in range(0, len(shuffled), BATCH)):
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
            print(f"  epoch {epoch + 1}: ner loss {losses.get('ner', 0.0):.1f}", flush=True)
    result: bytes = recogniser(nlp).to_bytes()
    return result


def score(extractor: Extractor, texts: Sequence[Text]) -> dict[str, Any]:
    """Each field's score of the pipeline (rules on top of the recogniser) on the texts."""
    scoring = _bench()
    documents = list(
        extractor.enrich_many(
            Document.from_page(url=t.url, source="devset", title="", body=t.text) for t in texts
        )
    )
    entries = [t.entry for t in texts]
    fields = (
        scoring.FIELDS if "people" in entries[0] else [f for f in scoring.FIELDS if f.name == "organisations"]
    )
    result: dict[str, Any] = scoring.score_all(documents, entries, fields)
    return result


def _report(name: str, stock: dict[str, Any], trained: dict[str, Any]) -> None:
    print(f"\n## {name}: stock vs trained (P / R / F1)")
    for field, s in stock.items():
        t = trained[field]
        print(
            f"{field:20} n={s.support:>4}  stock {s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"
            f"  trained {t.precision:.2f}/{t.recall:.2f}/{t.f1:.2f}  ({t.f1 - s.f1:+.2f})"
        )


def cross_validate(epochs: int) -> None:
    stock = stock_tagger()
    texts = tune_texts()
    folds = [texts[0::2], texts[1::2]]
    probes, left_out = probe_texts(left_out=False), probe_texts(left_out=True)
    probe_examples = [reference(stock, stock, t) for t in probes + people_probe_texts()]
    extractor = Extractor(use_encoder=False, use_classifier=False, entity_recogniser=None)
    ner = recogniser(extractor.nlp)
    stock_bytes = ner.to_bytes()
    for k, (train_fold, test_fold) in enumerate(((folds[0], folds[1]), (folds[1], folds[0]))):
        name = "AB"[k]
        print(f"fold {name}: training on {len(train_fold)} tune texts + {len(probes)} probes", flush=True)
        weights = train([reference(stock, stock, t) for t in train_fold] + probe_examples, epochs=epochs)
        ner.from_bytes(stock_bytes)
        before = score(extractor, test_fold), score(extractor, left_out)
        ner.from_bytes(weights)
        after = score(extractor, test_fold), score(extractor, left_out)
        ner.from_bytes(stock_bytes)
        _report(
            f"trained on fold {name}, scored on the other fold ({len(test_fold)} texts)", before[0], after[0]
        )
        _report(f"trained on fold {name}, probe batches 21-24 ({len(left_out)} texts)", before[1], after[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cross-validate", action="store_true", help="measure on held-back folds; write nothing"
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    if args.cross_validate:
        cross_validate(args.epochs)
        return
    stock = stock_tagger()
    texts = tune_texts() + probe_texts(left_out=False) + probe_texts(left_out=True) + people_probe_texts()
    print(f"training on {len(texts)} texts", flush=True)
    weights = train([reference(stock, stock, t) for t in texts], epochs=args.epochs)
    nlp = spacy.load(BASE_MODEL)
    ner = recogniser(nlp)
    ner.from_bytes(weights)
    save_weights(ner, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
