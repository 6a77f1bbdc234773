"""Keeps spaCy's tokenizer linear on text nobody writes: thousands of characters with no space between them.

spaCy strips a token's prefixes and suffixes one at a time and searches the rest of the token each time, so a
run of punctuation with no space ('=' * 8,000, '$' * 4,000, a form's '______') takes time quadratic in its
length: 24 s for 8,000 '=' here, about an hour for the 100,000 characters a crawl sends spaCy from one page
(`PRESSWATCH_NLP_MAX_CHARS`), and any page a crawl fetches can hold one. No word, number, name or URL an
analyst needs is that long, so the tokenizer is given such a run with a space in place of every
`LONGEST_RUN + 1`-th character: the text keeps its length, so every offset still points into the body.
"""

from __future__ import annotations

import re

LONGEST_RUN = 200
# From the start of a run only (the look-behind), so the search is linear however long the runs.
_RUN = re.compile(rf"(?<!\S)\S{{{LONGEST_RUN + 1},}}")


def bounded_runs(text: str) -> str:
    """`text` with no run of more than `LONGEST_RUN` non-space characters, and of the same length."""
    if len(text) <= LONGEST_RUN:
        return text
    return _RUN.sub(_cut, text)


def _cut(match: re.Match[str]) -> str:
    chars = list(match.group())
    cuts = range(LONGEST_RUN, len(chars), LONGEST_RUN + 1)
    chars[LONGEST_RUN :: LONGEST_RUN + 1] = [" "] * len(cuts)
    return "".join(chars)
