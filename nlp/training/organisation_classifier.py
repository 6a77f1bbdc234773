"""A learned check on organisation names, measured and not shipped: is an unsure candidate a body at all?

Where no body table, international body or acronym the text spells out vouches for an organisation the rules
name (an *unsure* candidate), a binary logistic regression over the MiniLM vectors of the name and of its
sentence, and a few flags (an organisation word in it or at its end, a law's or programme's word, capitals
only, one word, named more than once, the model's own ORG), gives the chance that it names a body; a name
below a floor would be dropped. `bench/organisation_classifier_cv.py` trains it (`fit`: numpy, full-batch
gradient descent from zeros, deterministic) and scores it by document, through the extractor's organisation
keys: it lost organisations F1 at every floor (docs/extraction.md, round 14), so no weights are written and
the pipeline does not call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from nlp.bodies import document_countries
from nlp.bodies.tables import public_body
from nlp.organisations.lexicon import (
    COMPANY_HEADS,
    LAW_HEADS,
    NOT_BODY_HEADS,
    ORG_HEADS,
    PROGRAMME_WORDS,
)
from nlp.organisations.spans import own_acronyms
from nlp.people import fold
from presswatch.document import Mention
from presswatch.encoder import DIMENSIONS
from presswatch.gazetteer import international_body

FEATURE_KINDS: tuple[str, ...] = ("name", "sentence", "flags")

Vector = npt.NDArray[np.float32]


@dataclass(kw_only=True)
class Candidate:
    """One organisation the rules name in a text, read from its first mention."""

    name: str
    text: str
    sentence: str
    sure: bool
    mentions: int
    model_org: bool
    name_vector: Vector | None = field(default=None, repr=False)
    sentence_vector: Vector | None = field(default=None, repr=False)
    pair_vector: Vector | None = field(default=None, repr=False)

    def flags(self) -> Vector:
        words = [fold(w) for w in self.name.split()]
        last = words[-1] if words else ""
        return np.array(
            [
                any(w in ORG_HEADS for w in words),
                last in ORG_HEADS or last in COMPANY_HEADS,
                any(w in LAW_HEADS or w in NOT_BODY_HEADS or w in PROGRAMME_WORDS for w in words),
                self.text.strip().removeprefix("the ").isupper(),
                len(words) == 1,
                self.mentions > 1,
                self.model_org,
                1.0,
            ],
            dtype=np.float32,
        )


def candidates(doc: Doc, mentions: Sequence[Mention]) -> list[Candidate]:
    """The document's organisations, one per name, each marked sure where a table, an international body or
    the text's own bracketed acronym vouches for it (or an acronym was resolved to it)."""
    countries = document_countries(doc)
    spelled = {fold(name) for name in own_acronyms(doc).values()}
    found: dict[str, Candidate] = {}
    for mention in mentions:
        if mention.label != "ORG":
            continue
        if (known := found.get(mention.normalized)) is not None:
            known.mentions += 1
            known.sure = known.sure or _resolved_acronym(mention)
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        name = mention.normalized
        found[name] = Candidate(
            name=name,
            text=mention.text,
            sentence=span.sent.text.strip() if span is not None else mention.text,
            sure=(
                public_body(name, countries=countries) is not None
                or international_body(name) is not None
                or fold(name) in spelled
                or _resolved_acronym(mention)
            ),
            mentions=1,
            model_org=span is not None and any(t.ent_type_ == "ORG" for t in span),
        )
    return list(found.values())


def _resolved_acronym(mention: Mention) -> bool:
    text = mention.text.strip().removeprefix("the ")
    return text.isupper() and fold(text) != fold(mention.normalized)


def features(candidate: Candidate, *, kinds: Sequence[str] = FEATURE_KINDS) -> Vector:
    """The classifier's input for one candidate: the vectors and flags `kinds` names, in order."""
    parts: list[Vector] = []
    for kind in kinds:
        if kind == "name":
            parts.append(_vector(candidate.name_vector))
        elif kind == "sentence":
            parts.append(_vector(candidate.sentence_vector))
        elif kind == "pair":
            parts.append(_vector(candidate.pair_vector))
        elif kind == "flags":
            parts.append(candidate.flags())
        else:
            raise ValueError(f"unknown feature kind {kind!r}")
    return np.concatenate(parts).astype(np.float32)


def _vector(vector: Vector | None) -> Vector:
    return vector if vector is not None else np.zeros(DIMENSIONS, dtype=np.float32)


@dataclass(frozen=True, kw_only=True)
class OrganisationClassifier:
    weights: Vector  # (features,)
    bias: float
    kinds: tuple[str, ...]

    def probability(self, x: npt.NDArray[np.float32]) -> Vector:
        """The chance that each row's candidate names a body."""
        z = np.clip(x @ self.weights + self.bias, -30.0, 30.0)
        p: Vector = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return p


EPOCHS = 1500
LEARNING_RATE = 1.0
# The two classes weighted by the square root of their rarity, as the agreement classifier's are.
CLASS_WEIGHT_POWER = 0.5
# Less regularisation separated better out of fold (AUC 0.735 at 1e-4 against 0.731 at 1e-3, 0.67 at 0.1).
L2 = 1e-4


def fit(
    x: npt.NDArray[np.float32],
    y: npt.NDArray[np.int64],
    *,
    kinds: tuple[str, ...] = FEATURE_KINDS,
    class_weight_power: float = CLASS_WEIGHT_POWER,
    l2: float = L2,
) -> OrganisationClassifier:
    """Binary logistic regression by full-batch gradient descent, the rarer class weighted up."""
    n, _ = x.shape
    counts = np.bincount(y, minlength=2).astype(np.float32)
    class_weight = np.where(counts > 0, (n / (2 * np.maximum(counts, 1))) ** class_weight_power, 0.0)
    sample_weight = (class_weight[y] / class_weight[y].sum()).astype(np.float32)
    target = y.astype(np.float32)
    model = OrganisationClassifier(weights=np.zeros(x.shape[1], dtype=np.float32), bias=0.0, kinds=kinds)
    for _ in range(EPOCHS):
        grad = (model.probability(x) - target) * sample_weight
        model = OrganisationClassifier(
            weights=(model.weights - LEARNING_RATE * (x.T @ grad + l2 * model.weights)).astype(np.float32),
            bias=model.bias - LEARNING_RATE * float(grad.sum()),
            kinds=kinds,
        )
    return model
