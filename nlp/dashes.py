"""Splits a dash written between a word and a number: 'the past five years—26 cases in all'.

American style sets a dash with no space around it. spaCy's English tokenizer splits such a dash between two
words ('deal—worth') and after a number ('2019—the'), but not between a word and the number after it, so
'years—26' stays one token and the count after the dash is lost ('five years—26 cases' read as five of
'years—26 cases'). One more infix pattern, for the em and en dash only (a hyphen joins 'COVID-19', a name).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

_WORD_DASH_NUMBER = r"(?<=[A-Za-z])(?:—|–)(?=[0-9])"


def split_dash_before_numbers(nlp: Language) -> None:
    """Adds the word–dash–number split to the tokenizer of `nlp` (before it tokenizes anything)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"expected spaCy's rule-based Tokenizer, got {type(tokenizer).__name__}")
    infixes = [*(nlp.Defaults.infixes or ()), _WORD_DASH_NUMBER]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
