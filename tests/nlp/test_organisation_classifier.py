"""The measured check on organisation names (`nlp/training/organisation_classifier.py`, scored by
`bench/organisation_classifier_cv.py`): which names it may judge, and a deterministic fit that learns."""

from __future__ import annotations

import numpy as np

from nlp.entities import mentions
from nlp.pipeline import Extractor
from nlp.training.organisation_classifier import candidates, features, fit


def test_only_names_nothing_vouches_for_are_unsure(extractor: Extractor) -> None:
    doc = extractor.nlp(
        "The Kenya Revenue Authority (KRA) said Moniepoint and Zentrolux Logistics would pay more. "
        "KRA will write to Zentrolux Logistics."
    )
    found = {c.name: c for c in candidates(doc, mentions(doc))}
    assert found["Kenya Revenue Authority"].sure  # spelled out by the text, and a table's body
    unsure = {name for name, c in found.items() if not c.sure}
    assert "Zentrolux Logistics" in unsure
    assert found["Zentrolux Logistics"].mentions == 2
    assert features(found["Zentrolux Logistics"]).shape == (2 * 384 + 8,)


def test_fit_is_deterministic_and_separates() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64)
    first, second = fit(x, y, kinds=("flags",)), fit(x, y, kinds=("flags",))
    np.testing.assert_array_equal(first.weights, second.weights)
    assert ((first.probability(x) >= 0.5) == (y == 1)).mean() > 0.9
