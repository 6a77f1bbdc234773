"""The one place rules read the encoder's sentence vectors: the interface between `nlp/agreements` and the encoder.

Rules ask only for the sentences a classifier must decide (`sentence_vectors(doc, spans)`), and get `None`
when no encoder runs in the pipeline. How the vectors are made (ahead of the rules, batched across
documents, or on demand) is the encoder component's business (`nlp/embeddings.py`): it leaves on the Doc
either ready vectors keyed by a sentence's start character (`doc._.sentence_embeddings`) or a callable
that encodes texts on demand (`doc._.sentence_encoder`), and this module reads whichever it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc, Span

Vector = npt.NDArray[np.float32]
SentenceEncoder = Callable[[list[str]], npt.NDArray[np.float32]]


def sentence_vectors(doc: Doc, sentences: Sequence[Span]) -> list[Vector | None] | None:
    """One L2-normalised vector per sentence (None for one the encoder left out), or None without an encoder."""
    ready = doc._.sentence_embeddings if Doc.has_extension("sentence_embeddings") else None
    encode: SentenceEncoder | None = doc._.sentence_encoder if Doc.has_extension("sentence_encoder") else None
    if ready is None and encode is None:
        return None
    found: list[Vector | None] = [
        ready.get(sent.start_char) if ready is not None else None for sent in sentences
    ]
    missing = [k for k, vector in enumerate(found) if vector is None]
    if encode is not None and missing:
        encoded = encode([sentences[k].text.strip() for k in missing])
        for k, vector in zip(missing, encoded, strict=True):
            found[k] = vector
    return found
