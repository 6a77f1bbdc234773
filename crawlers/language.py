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


# A body this long, read with this confidence, outweighs what the page states: templates stamp one
# `lang` on every page of a site (an English CMS serving a German statement says lang="en"), while the
# body is this document's own text. Below either bar the statement stands, and only a page that states
# nothing takes the detector's best guess.
BODY_LETTERS_TO_OVERRULE = 200
CONFIDENCE_TO_OVERRULE = 0.9


def document_language(*, stated: str | None, title: str, body: str) -> str | None:
    """The language of a document: its body's, when that is long and clear enough, else what the page
    states (`lang`, og:locale, JSON-LD inLanguage, a feed's or sitemap's language), else the detector's
    best guess on title and body, else None (too little text to tell)."""
    if len(_LETTER.findall(body[:SAMPLE_CHARS])) >= BODY_LETTERS_TO_OVERRULE:
        detected = detect_language(body, min_confidence=CONFIDENCE_TO_OVERRULE)
        if detected is not None:
            return detected
    if stated:
        return stated
    return detect_language(f"{title}\n{body}")
