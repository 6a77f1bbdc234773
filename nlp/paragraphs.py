"""Line breaks end sentences: a headline, a standfirst or a list item is never one sentence with the next."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """Marks the first token after a line break as a sentence start, before the parser (which keeps it)."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            before = doc[token.i - 1]
            if "\n" in before.text_with_ws and not token.is_space:
                token.is_sent_start = True
        return doc


@Language.factory("presswatch_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
