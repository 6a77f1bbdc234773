"""A document's language from its text, by py3langid, whose model ships inside its PyPI package.

Measured against langdetect on 824 real pages in 30 languages, mostly German and English (`bench/language.py`):
0.917 vs 0.915 on titles, 0.970 vs 0.967 on paragraphs, 4-6 times faster, and its answers do not vary
between runs (langdetect samples at random). Only the first
few thousand characters are read: more text does not change the answer, it costs time.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SAMPLE_CHARS = 5000
# Below this many letters a guess is noise (a title of two words, a number): no answer is better.
MIN_LETTERS = 12
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@cache
def _identifier() -> Any:
    """py3langid's model, loaded once on first use (not at import: no module-level side effects)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_confidence: float = 0.0) -> str | None:
    """The ISO 639 code of the text's language ('en', 'de', ...), or None when the text is too short (or,
    with `min_confidence`, when the detector is less sure than that: on titles py3langid's probabilities are
    low even when it is right, so the default takes its best guess, which measured as accurate as langdetect's)."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if float(confidence) >= min_confidence else None
