"""'The House' of a minister's statement to the UK Parliament: the House of Commons, or of Lords where the
statement is made to 'my Lords' (the development set's guide resolves it like 'the State Department'); 'the
House' of a US government's address or release: the House of Representatives.

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
# The US chamber, which a US address names as 'the House' as a UK statement names the Commons.
_US_HOUSE = "United States House of Representatives"
# Words after 'House' that make it the chamber in a US title or group ('House Minority Leader').
_US_HOUSE_NEXT = frozenset("majority minority speaker leader whip".split())


def house_of_parliament(doc: Doc) -> list[tuple[Span, list[str]]]:
    """Each 'the House' or 'this House' in a UK government's text as (span, [House of Commons or House of
    Lords]), in a US government's as [United States House of Representatives] (also 'House Minority Leader',
    'Speaker of the House'); not 'the House of Lords' (a name the tables know), 'the White House', nor 'the House'
    of a document from elsewhere."""
    home = publisher(doc)
    if home == "United States":
        return [(span, [_US_HOUSE]) for span in _houses(doc) + _congressional_titles(doc)]
    if home != "United Kingdom":
        return []
    found = _houses(doc)
    if not found:
        return []
    name = "House of Lords" if _to_the_lords(doc) else "House of Commons"
    return [(span, [name]) for span in found]


def _congressional_titles(doc: Doc) -> list[Span]:
    """'House' of a US title: 'House Minority Leader', 'House Speaker', 'Speaker of the House
    Johnson' (where a name follows, which `_houses` leaves)."""
    return [
        doc[t.i : t.i + 1]
        for t in doc[:-1]
        if t.text == "House"
        and (t.i == 0 or doc[t.i - 1].lower_ != "white")
        and (
            doc[t.i + 1].lower_ in _US_HOUSE_NEXT
            or (t.i > 2 and [w.lower_ for w in doc[t.i - 3 : t.i]] == ["speaker", "of", "the"])
        )
    ]


def _houses(doc: Doc) -> list[Span]:
    """Each 'the House' or 'this House' that is a chamber, not the start of another name."""
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
    return found


def _to_the_lords(doc: Doc) -> bool:
    """'My Lords', 'the noble Lord': the statement is made in the House of Lords."""
    return any(t.lower_ in _LORDS and t.i > 0 and doc[t.i - 1].lower_ in ("my", "noble") for t in doc)
