"""A small classifier over sentence embeddings: does a sentence announce an agreement, and with what status?

Multinomial logistic regression in numpy; its weights (`nlp/data/agreement_classifier.npz`, a few kB) are
trained by `python -m nlp.training.train_agreement_classifier` on the hand-labelled sentences of
`nlp/data/agreement_sentences.tsv`. The rules stay in charge (they find the parties); the classifier drops
a rule's candidate it is confident announces nothing, fills in a status the rules could not read where it
is sure of it (`STATUS_FLOOR`; else it leaves it `unknown`: the sentence may name an agreement without saying
where it stands, which the rules also read as `unknown`), and gives each agreement its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from io import BytesIO

import numpy as np
import numpy.typing as npt

from presswatch.document import AgreementStatus

LABELS: tuple[str, ...] = (
    "none",
    "planned",
    "signed",
    "in_force",
    "in_negotiation",
    "ended",
    "suspended",
    "agreed",
    # names an agreement without saying where it stands ('the treaty would limit each side to 1,600
    # launchers'): the guide's `unknown`, so the classifier can leave a status the rules could not read unread
    "unknown",
)
WEIGHTS_RESOURCE = "data/agreement_classifier.npz"
# The share of the chance that a sentence states an agreement that one status must have before the classifier
# names it. Its statuses are rarely sure (most top out near 0.2 over nine labels; 0.42 for 'have signed'), and the rules' `unknown` includes sentences that say nothing of where an
# agreement stands ('the treaty will cut arsenals by two-thirds'): naming its best guess there turned right
# `unknown`s into wrong statuses (written probes: 2 lost for 1 gained; none changed on the tune half).
STATUS_FLOOR = 0.5


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """What the classifier reads in one sentence."""

    p_agreement: float
    status: AgreementStatus


@dataclass(frozen=True, kw_only=True)
class AgreementClassifier:
    weights: npt.NDArray[np.float32]  # (dimensions, labels)
    bias: npt.NDArray[np.float32]  # (labels,)
    labels: tuple[str, ...]

    def probabilities(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        logits = vectors @ self.weights + self.bias
        logits -= logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        probs: npt.NDArray[np.float32] = (exp / exp.sum(axis=-1, keepdims=True)).astype(np.float32)
        return probs

    def verdict(self, vector: npt.NDArray[np.float32]) -> Verdict:
        probs = self.probabilities(vector[None, :])[0]
        none = self.labels.index("none")
        statuses = [i for i in range(len(self.labels)) if i != none]
        best = max(statuses, key=lambda i: probs[i])
        sure = probs[best] >= STATUS_FLOOR * (1.0 - probs[none])  # of the chance it is an agreement at all
        status: AgreementStatus = self.labels[best] if sure else "unknown"  # type: ignore[assignment]
        return Verdict(p_agreement=float(1.0 - probs[none]), status=status)

    def save(self) -> bytes:
        buffer = BytesIO()
        np.savez(buffer, weights=self.weights, bias=self.bias, labels=np.array(self.labels))
        return buffer.getvalue()


@lru_cache(maxsize=1)
def shipped_classifier() -> AgreementClassifier:
    """The classifier trained by the script in `nlp/training/`, as shipped with the package."""
    data = np.load(BytesIO(files("nlp").joinpath(WEIGHTS_RESOURCE).read_bytes()))
    return AgreementClassifier(
        weights=data["weights"].astype(np.float32),
        bias=data["bias"].astype(np.float32),
        labels=tuple(str(x) for x in data["labels"]),
    )
