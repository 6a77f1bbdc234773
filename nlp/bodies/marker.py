"""The entity ruler of public bodies: every name of the tables (`nlp.bodies.tables`) found in the text is an ORG
whose entity id is the body's canonical name."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.bodies.owner import owner_before
from nlp.bodies.tables import applicable, candidates, is_local, public_bodies, public_body
from presswatch.gazetteer import country


def publisher(doc: Doc) -> str | None:
    """The government whose site published the document (`doc._.publisher`, set from the URL), if known."""
    found = doc._.publisher if Doc.has_extension("publisher") else None
    return str(found) if found else None


def document_countries(doc: Doc) -> tuple[str, ...]:
    """The countries whose one-word body names (acronyms) the document reads, in order of preference: its
    publisher's, then the countries it names, in order."""
    named = [str(e.ent_id_) for e in doc.ents if e.label_ == "GPE" and e.ent_id_]
    return applicable(publisher(doc), [n for n in dict.fromkeys(named) if country(n) is not None])


def countries_at(doc: Doc, start: int, name: str, document: tuple[str, ...]) -> tuple[str, ...]:
    """The countries whose bodies a name at `start` can be: the document's (`document`), unless the name means
    a body only within a country and the text names whose it is right before it ("Kenya's Treasury", 'China
    CDC': `owner.owner_before`)."""
    if not is_local(name, candidates(name)) or (owner := owner_before(doc, start)) is None:
        return document
    return (owner.name,)


def post_nominal(doc: Doc, start: int) -> bool:
    """Whether the capitals at `start` are a person's post-nominal letters ('Dame Sarah Jones DBE', 'Amina Rahman
    OBE FRS', 'Jane Smith KC'): an acronym right after a name the model tags as a person's, or after other such
    letters. Honours and degrees are no bodies, whatever table holds the same letters."""
    i = start - 1
    while i >= 0 and doc[i].is_upper and doc[i].is_alpha and doc[i].ent_type_ != "PERSON":
        i -= 1  # past 'OBE' of 'OBE FRS'
    return i >= 0 and doc[i].ent_type_ == "PERSON" and doc[start].is_upper


class BodyMarker:
    """Marks every public body the tables name as ORG (with its canonical name as the entity id) after the
    model: it replaces what the model made of the words ('DfT' as a person), unless the model found a longer
    organisation around them ('BBC News', 'Treasury Board'). A one-word name is marked only where one of the
    document's countries has such a body ('CRA' in a Canadian release)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        spellings = sorted({s for body in public_bodies() for s in body.spellings})
        for spelling in spellings:
            self.matcher.add(spelling, [nlp.make_doc(spelling)])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        if not matches:
            return doc
        countries = document_countries(doc)
        found: list[Span] = []
        for _, start, end in matches:
            if end - start == 1 and post_nominal(doc, start):
                continue
            spelling = doc[start:end].text
            name = public_body(spelling, countries=countries_at(doc, start, spelling, countries))
            if name is not None:
                found.append(Span(doc, start, end, label="ORG", span_id=name))
        ents = list(doc.ents)
        kept = [
            s
            for s in filter_spans(found)
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
