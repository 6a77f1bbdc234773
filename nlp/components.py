"""The shape every presswatch spaCy component shares: run a finder, keep its result on the Doc.

Each component registers the extension it writes when it is created, so it works added to any pipeline,
not only to the one `nlp.pipeline` builds; its factory declares what it assigns and requires, so
`nlp.analyze_pipes()` describes it and warns when a requirement is missing. (Components read `token.pos`
too, but no stock component declares that it assigns it — the attribute ruler sets it undeclared — so
`token.tag`, from which it is mapped, stands for it in `requires=`.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc


def doc_extension(name: str) -> str:
    """Registers `doc._.<name>` (default None) once, and returns its attribute path for `assigns=`."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
    return f"doc._.{name}"


class ExtensionWriter:
    """A pipeline component that stores `find(doc)` in `doc._.<attribute>`."""

    def __init__(self, *, attribute: str, find: Callable[[Doc], Any]) -> None:
        doc_extension(attribute)
        self.attribute = attribute
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attribute, self.find(doc))
        return doc
