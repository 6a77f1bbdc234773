"""The MiniLM-L6-v2 sentence encoder (presswatch/encoder.py, shared with the API) as two spaCy components.

The encoder embeds only what a feature reads, and off the path of the rules where it can:

- the document, once, from its opening (`DOC_MAX_TOKENS` word pieces, the length similar documents, stories
  and semantic search read): `presswatch_encoder`, placed first, hands each text to a background thread as
  the document enters the pipeline, so the encoder (onnxruntime, which releases the GIL) runs on another core
  while spaCy parses; `presswatch_embedding`, placed last, waits for it and writes `doc._.embedding`
  (L2-normalised). With `background=False` the encoder embeds the document in the pipeline's own thread
  instead (the same vector): one core, for an NLP process that has no spare core to give it (a pool whose
  workers fill every core, or an operator's `PRESSWATCH_NLP_ENCODER_THREAD=false`);
- a sentence only when the agreement classifier must decide it: `presswatch_encoder` leaves an on-demand
  encoder in `doc._.sentence_encoder`, which `nlp.sentence_vectors` calls for the rules' candidates alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

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
    "EmbeddingWriter",
    "Encoder",
    "EncoderComponent",
    "Matrix",
    "shared_encoder",
]


class EncoderComponent:
    """Starts each document's embedding in a background thread and gives the rules an on-demand sentence encoder."""

    def __init__(self, *, background: bool = True) -> None:
        doc_extension("sentence_encoder")
        doc_extension("embedding_pending")
        self._in_background = background
        self._foreground: Encoder | None = None
        self._background: Encoder | None = None
        self._thread: ThreadPoolExecutor | None = None

    def _start(self) -> Encoder:
        """Loads the encoder on first use (never at pipeline build time, so a process forks before it)."""
        if self._foreground is None:
            self._foreground = shared_encoder()
            if self._in_background:
                self._background = self._foreground.sibling()
                self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presswatch-encoder")
        return self._foreground

    @staticmethod
    def _embed_document(encoder: Encoder, text: str) -> list[float]:
        [vector] = encoder.encode([text], max_tokens=DOC_MAX_TOKENS)
        return [float(x) for x in vector]

    def __call__(self, doc: Doc) -> Doc:
        foreground = self._start()
        if self._thread is not None and self._background is not None:
            doc._.embedding_pending = self._thread.submit(self._embed_document, self._background, doc.text)
        else:
            done: Future[list[float]] = Future()
            done.set_result(self._embed_document(foreground, doc.text))
            doc._.embedding_pending = done
        doc._.sentence_encoder = partial(foreground.encode, max_tokens=SENTENCE_MAX_TOKENS)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class EmbeddingWriter:
    """Writes `doc._.embedding` once the background thread has it; drops the per-document encoder handles."""

    def __init__(self) -> None:
        doc_extension("embedding")
        doc_extension("embedding_pending")
        doc_extension("sentence_encoder")

    def __call__(self, doc: Doc) -> Doc:
        pending: Future[list[float]] | None = doc._.embedding_pending
        if pending is not None:
            doc._.embedding = pending.result()
        doc._.embedding_pending = None
        doc._.sentence_encoder = None
        return doc


@Language.factory(
    "presswatch_encoder",
    assigns=["doc._.embedding_pending", "doc._.sentence_encoder"],
    requires=[],
    default_config={"background": True},
)
def make_encoder(nlp: Language, name: str, background: bool) -> EncoderComponent:
    return EncoderComponent(background=background)


@Language.factory("presswatch_embedding", assigns=["doc._.embedding"], requires=["doc._.embedding_pending"])
def make_embedding_writer(nlp: Language, name: str) -> EmbeddingWriter:
    return EmbeddingWriter()
