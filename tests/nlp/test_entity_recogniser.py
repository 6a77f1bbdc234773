"""Fine-tuned weights of the small model's `ner` (`nlp.entity_recogniser`, written by
`nlp/training/train_entity_recogniser.py`) load into the pipeline's own recogniser, in place of the stock
weights and without a second `ner`; a file for another recogniser is refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from nlp.entity_recogniser import BASE_MODEL, load_weights, save_weights
from nlp.pipeline import Extractor
from presswatch.document import Document


def _output_bias(ner: object) -> np.ndarray:
    """The bias of the recogniser's last layer: the scores of its transitions before any input."""
    node = [n for n in ner.model.walk() if n.has_param("b")][-1]  # type: ignore[attr-defined]
    return np.asarray(node.get_param("b"))


def test_weights_on_disk_replace_the_stock_recogniser(tmp_path: Path) -> None:
    ner = spacy.load(BASE_MODEL).get_pipe("ner")
    node = [n for n in ner.model.walk() if n.has_param("b")][-1]
    node.set_param("b", node.get_param("b") + 0.5)
    weights = tmp_path / "ner.npz"
    save_weights(ner, weights)

    extractor = Extractor(use_encoder=False, use_classifier=False, entity_recogniser=weights)
    loaded = extractor.nlp.get_pipe("ner")
    assert extractor.nlp.pipe_names.count("ner") == 1
    np.testing.assert_allclose(_output_bias(loaded), _output_bias(ner), atol=1e-2)
    stock = Extractor(use_encoder=False, use_classifier=False, entity_recogniser=None)
    assert not np.allclose(_output_bias(stock.nlp.get_pipe("ner")), _output_bias(loaded), atol=0.1)
    # The recogniser still tags text after the swap.
    assert [e.label_ for e in extractor.nlp("The Treasury said so on Monday.").ents]


def test_weights_of_another_recogniser_are_refused(tmp_path: Path) -> None:
    weights = tmp_path / "other.npz"
    np.savez_compressed(weights, **{"0.W": np.zeros((2, 2), dtype=np.float16)})
    ner = spacy.load(BASE_MODEL).get_pipe("ner")
    with pytest.raises(ValueError, match="another recogniser"):
        load_weights(ner, weights)


def test_a_weight_file_asked_for_and_missing_is_an_error(tmp_path: Path) -> None:
    """Asked for by name, a missing file fails the pipeline's build (it was ignored, leaving the stock ner)."""
    extractor = Extractor(use_encoder=False, use_classifier=False, entity_recogniser=tmp_path / "none.npz")
    with pytest.raises(FileNotFoundError):
        extractor.enrich(Document.from_page(url="https://t.test/x", source="t", title="t", body="Text."))
