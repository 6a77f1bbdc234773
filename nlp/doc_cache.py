"""Work the rules do once per document: a function of a `Doc` whose result every candidate of that document
reads (the text's lower-case words, its product names, the names it writes with "'s"), kept on the Doc's user
data so that a rule asking once per name does not pass over the whole document each time."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


def cached_on_doc(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """`compute(doc)` the first time, its stored result after (keyed by the function's qualified name)."""
    key = f"presswatch:{compute.__module__}.{compute.__qualname__}"

    @functools.wraps(compute)
    def cached(doc: Doc) -> T:
        if key not in doc.user_data:
            doc.user_data[key] = compute(doc)
        found: T = doc.user_data[key]
        return found

    return cached
