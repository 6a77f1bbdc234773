"""The classifier names a status only where it is sure of it (`STATUS_FLOOR`); below that it leaves the rules'
`unknown`, which may be a sentence that says nothing of where the agreement stands."""

from __future__ import annotations

import numpy as np

from nlp.agreement_classifier import LABELS, STATUS_FLOOR, AgreementClassifier


def _classifier_reading(probabilities: dict[str, float]) -> tuple[AgreementClassifier, np.ndarray]:
    """A classifier whose logits on a vector of ones are the log of the probabilities asked for."""
    rest = (1.0 - sum(probabilities.values())) / (len(LABELS) - len(probabilities))
    probs = np.array([probabilities.get(label, rest) for label in LABELS], dtype=np.float32)
    weights = np.diag(np.log(probs)).astype(np.float32)
    classifier = AgreementClassifier(weights=weights, bias=np.zeros(len(LABELS), np.float32), labels=LABELS)
    return classifier, np.ones(len(LABELS), dtype=np.float32)


def test_a_sure_status_is_named() -> None:
    classifier, vector = _classifier_reading({"none": 0.1, "signed": 0.9 * STATUS_FLOOR + 0.05})
    verdict = classifier.verdict(vector)
    assert verdict.status == "signed"
    assert abs(verdict.p_agreement - 0.9) < 1e-3


def test_an_unsure_status_stays_unknown() -> None:
    classifier, vector = _classifier_reading({"none": 0.1, "signed": 0.9 * STATUS_FLOOR - 0.05})
    assert classifier.verdict(vector).status == "unknown"
    # 'the treaty with Russia will cut our arsenals': the classifier's best guess, ended at 0.24, is no reading
    classifier, vector = _classifier_reading({"none": 0.1, "ended": 0.24, "unknown": 0.2, "in_force": 0.2})
    verdict = classifier.verdict(vector)
    assert verdict.status == "unknown"
    assert abs(verdict.p_agreement - 0.9) < 1e-3
