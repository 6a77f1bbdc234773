"""Organisations an analyst would list: no titles, generic nouns, fragments or names of laws and programmes.

The small model tags as ORG whatever is capitalised near an organisation word: "Home" in "Home Secretary",
"Council" alone, "the Minister for Health", "the Online Safety Act". Each rule here says what an ORG span is
instead (a title, a law, a place, nothing), and `acronyms` ties an acronym to the name it stands for.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.people import ROLE_WORDS, fold

# The last word of an organisation's name ('Ministry', 'Office'): a name ending so is not a bare title.
ORG_HEADS = frozenset(
    """department ministry office commission council agency authority association society board committee
    foundation bank fund service services organisation organization federation union college university
    school court tribunal trust corporation company institute institution centre center command force forces
    police army navy party parliament assembly congress senate group network alliance community partnership
    laboratory secretariat executive inc ltd plc llc co corp bureau directorate administration""".split()
)
# Words an ORG span may end with that make it a law, agreement or programme (label LAW), not a body.
LAW_HEADS = frozenset(
    """act bill treaty agreement accord convention protocol charter programme program scheme strategy plan
    initiative framework directive regulation declaration deal pact compact roadmap fta""".split()
)
# An ORG of one of these words alone names no particular body ("the Council", "the Department").
GENERIC = frozenset(
    """council department ministry government committee agency office commission authority court board police
    service team group company union party cabinet army navy force unit administration executive
    organisation organization association institute secretariat bureau directorate assembly senate
    state states""".split()
)
# Words that head a title rather than a body ('Minister for Health', 'President of the Commission').
TITLE_HEADS = frozenset(
    """minister secretary president chancellor ambassador commissioner spokesperson spokesman spokeswoman
    mayor governor envoy mp prime premier chair chairman chairwoman""".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_STOPWORDS = frozenset({"of", "for", "and", "the", "&", "on", "in", "to"})


def core(span: Span) -> Span:
    """The span without a leading 'the' and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def law_or_org(span: Span) -> str | None:
    """'LAW', 'ORG', or None when the span is not an organisation at all (a title, a fragment, a noun)."""
    words = core(span)
    if not len(words):
        return None
    first, last = words[0], words[-1]
    if last.lower_ in LAW_HEADS or (len(words) > 1 and words[-2].lower_ in LAW_HEADS and last.is_digit):
        return "LAW"
    if first.lower_ in _STOPWORDS or last.lower_ in _STOPWORDS or not first.text[:1].isupper():
        return None  # a fragment cut at a connector, or a lower-case phrase
    if len(words) == 1 and last.lower_ in GENERIC:
        return None
    if first.lower_ in TITLE_HEADS or (last.lower_ in TITLE_HEADS and last.lower_ != "mp"):
        return None  # 'the Minister for Health', 'Foreign Secretary'
    if "\n" in words.text or all(t.is_digit or t.is_punct for t in words):
        return None
    doc = span.doc
    if (
        words.start >= 2
        and doc[words.start - 1].lower_ in ("of", "for")
        and doc[words.start - 2].lower_ in ROLE_WORDS
    ):
        return None  # 'Operations' in 'Head of Operations' is part of a title
    follower = doc[span.end] if span.end < len(doc) else None
    if (
        follower is not None
        and follower.is_title
        and follower.lower_ in ROLE_WORDS
        and last.lower_ not in ORG_HEADS
        and not _ACRONYM.match(last.text)
    ):
        return None  # 'Home' in 'Home Secretary', 'Border Security' in 'Border Security Minister'
    return "ORG"


def acronyms(doc: Doc, orgs: list[tuple[Span, str]]) -> dict[str, str]:
    """Acronym → full name: 'European Political Community (EPC)', or an acronym whose letters are the
    initials of exactly one organisation named in the document."""
    found: dict[str, str] = {}
    for span, name in orgs:
        k = span.end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            acronym = doc[k + 1].text
            if _ACRONYM.match(acronym) and initials_match(acronym, name.split()):
                found.setdefault(acronym, name)
    names = {name for _, name in orgs}
    for name in names:
        if _ACRONYM.match(name) and name not in found:
            longer = {n for n in names if len(n.split()) > 1 and initials_match(name, n.split())}
            if len(longer) == 1:
                found[name] = longer.pop()
    return found


def initials_match(acronym: str, words: list[str]) -> bool:
    letters = "".join(w[0] for w in words if w.lower() not in _STOPWORDS and w[:1].isalpha())
    return len(letters) >= 2 and fold(letters) == fold(acronym.replace("&", ""))
