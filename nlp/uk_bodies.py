"""UK public bodies by every name GOV.UK gives them ('DWP', 'Department for Work and Pensions').

A press release names a body by its acronym alone more often than not ('HM Treasury, DfT and DVLA agreed'),
and nothing in the text spells it out; the list in `nlp/data/uk_bodies.tsv` (one body a line, canonical name
first) lets the resolver store the body's full name, and lets the entity ruler find names the model misses.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.people import fold


@lru_cache(maxsize=1)
def uk_bodies() -> tuple[tuple[str, ...], ...]:
    """Each body's spellings, canonical name first."""
    text = files("nlp").joinpath("data/uk_bodies.tsv").read_text(encoding="utf-8")
    bodies: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, _, names = line.partition("\t")
        spellings = tuple(n.strip() for n in names.split("|") if n.strip())
        if spellings:
            bodies.append(spellings)
    return tuple(bodies)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    return {fold(name): names[0] for names in uk_bodies() for name in names}


def uk_body(name: str) -> str | None:
    """The canonical name of a UK body ('the DWP' → 'Department for Work and Pensions'), else None."""
    text = " ".join(name.split())
    if text.lower().startswith("the "):
        text = text[4:]
    return _index().get(fold(text))


class BodyMarker:
    """Marks every UK body the list names as ORG (with its canonical name as the entity id) after the model:
    it replaces what the model made of the words ('DfT' as a person), unless the model found a longer
    organisation around them ('BBC News', 'Treasury Board')."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for names in uk_bodies():
            self.matcher.add(names[0], [nlp.make_doc(name) for name in names])

    def __call__(self, doc: Doc) -> Doc:
        found = filter_spans(
            [Span(doc, start, end, label="ORG", span_id=key) for key, start, end in self.matcher(doc)]
        )
        ents = list(doc.ents)
        kept = [
            s
            for s in found
            if not any(
                e.label_ == "ORG" and e.start <= s.start and s.end <= e.end and len(e) > len(s) for e in ents
            )
        ]
        others = [e for e in ents if not any(e.start < s.end and s.start < e.end for s in kept)]
        doc.ents = sorted(others + kept, key=lambda span: span.start)
        return doc


@Language.factory("presswatch_bodies", assigns=["doc.ents"], requires=["doc.ents"])
def make_body_marker(nlp: Language, name: str) -> BodyMarker:
    return BodyMarker(nlp)
