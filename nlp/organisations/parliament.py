"""'The House' of a minister's statement to the UK Parliament: the House of Commons, or of Lords where the
statement is made to 'my Lords' (the development set's guide resolves it like 'the State Department').

A statement on GOV.UK tells, commends or reports something 'to the House', 'this House'; the model tags no
organisation there, and 'House' alone is a generic word the rules drop.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.bodies import publisher

# The words before 'House' that make it the chamber a minister speaks to: 'to the House', 'this House'.
_DETERMINERS = frozenset({"the", "this"})
# Words a statement to the House of Lords addresses or names its members by ('My Lords', 'the noble Lord').
_LORDS = frozenset({"lords", "lord", "baroness"})


def house_of_parliament(doc: Doc) -> list[tuple[Span, list[str]]]:
    """Each 'the House' or 'this House' in a UK government's text as (span, [House of Commons or House of
    Lords]); not 'the House of Lords' (a name the tables know), nor 'the House' of a document from elsewhere
    (the US House of Representatives, which an address names in full)."""
    if publisher(doc) != "United Kingdom":
        return []
    found: list[Span] = []
    for token in doc:
        if token.text != "House" or token.i == 0 or doc[token.i - 1].lower_ not in _DETERMINERS:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or (after.is_title and not after.is_sent_start)):
            continue  # 'the House of Lords', 'the House Magazine'; but 'to the House. The ...'
        if token.ent_type_ and token.ent_type_ != "ORG":
            continue
        found.append(doc[token.i - 1 : token.i + 1])
    if not found:
        return []
    name = "House of Lords" if _to_the_lords(doc) else "House of Commons"
    return [(span, [name]) for span in found]


def _to_the_lords(doc: Doc) -> bool:
    """'My Lords', 'the noble Lord': the statement is made in the House of Lords."""
    return any(t.lower_ in _LORDS and t.i > 0 and doc[t.i - 1].lower_ in ("my", "noble") for t in doc)
