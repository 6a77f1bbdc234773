"""The MiniLM-L6-v2 sentence encoder (presswatch/encoder.py, shared with the API) as a spaCy component.

Texts are embedded in batches, sorted by length so that padding stays short, and cut at `max_tokens` word
pieces (a document is embedded from its opening, which in news carries the story).

The component gives every document an embedding (`doc._.embedding`, L2-normalised) and every sentence that
a rule reads as an agreement one (`doc._.sentence_embeddings`, keyed by the sentence's start character),
which the agreement classifier reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from nlp.agreements import agreeing_verbs, agreement_nouns
from nlp.components import doc_extension
from presswatch.encoder import (
    DIMENSIONS,
    DOC_MAX_TOKENS,
    SENTENCE_MAX_TOKENS,
    Encoder,
    Matrix,
    shared_encoder,
)

__all__ = [
    "DIMENSIONS",
    "DOC_MAX_TOKENS",
    "SENTENCE_MAX_TOKENS",
    "Encoder",
    "EncoderComponent",
    "Matrix",
    "candidate_sentences",
    "shared_encoder",
]


def candidate_sentences(doc: Doc) -> list[tuple[int, str]]:
    """The sentences the agreement rules may read as announcing one: (start character, text)."""
    return [
        (sent.start_char, sent.text.strip())
        for sent in doc.sents
        if agreement_nouns(sent) or agreeing_verbs(sent)
    ]


class EncoderComponent:
    """Writes `doc._.embedding` and `doc._.sentence_embeddings`; `pipe` batches across documents."""

    def __init__(self) -> None:
        doc_extension("embedding")
        doc_extension("sentence_embeddings")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._embed(batch)
                batch = []
        if batch:
            yield from self._embed(batch)

    def _embed(self, docs: list[Doc]) -> list[Doc]:
        encoder = shared_encoder()
        vectors = encoder.encode([d.text for d in docs], max_tokens=DOC_MAX_TOKENS)
        sentences = [candidate_sentences(d) for d in docs]
        flat = [text for found in sentences for _, text in found]
        sentence_vectors = encoder.encode(flat) if flat else np.zeros((0, DIMENSIONS), dtype=np.float32)
        row = 0
        for doc, vector, found in zip(docs, vectors, sentences, strict=True):
            doc._.embedding = [float(x) for x in vector]
            doc._.sentence_embeddings = {
                start: sentence_vectors[row + k] for k, (start, _) in enumerate(found)
            }
            row += len(found)
        return docs


@Language.factory(
    "presswatch_encoder",
    assigns=["doc._.embedding", "doc._.sentence_embeddings"],
    requires=["token.is_sent_start", "token.dep", "token.lemma"],
)
def make_encoder(nlp: Language, name: str) -> EncoderComponent:
    return EncoderComponent()
