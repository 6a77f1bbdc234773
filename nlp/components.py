"""The shape every presswatch spaCy component shares: run a finder, keep its result on the Doc."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc


class ExtensionWriter:
    """A pipeline component that stores `find(doc)` in `doc._.<attribute>`."""

    def __init__(self, *, attribute: str, find: Callable[[Doc], Any]) -> None:
        self.attribute = attribute
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attribute, self.find(doc))
        return doc
