"""Funds, reserves, accounts and partnerships: money set aside or a programme, seldom a body.

Addresses and releases name the money a government sets aside and the programmes it joins with a capitalised
name the model tags as an organisation: 'the Strategic Petroleum Reserve', 'a Common Fund', 'the UK Shared
Prosperity Fund', 'the Millennium Challenge Account', 'the Partnership for Peace'. The bodies so named are few and
known ('International Monetary Fund', 'Green Climate Fund' are in the tables, read before these rules), or the
text makes them act as a body does ('the National Wealth Fund will invest', 'the Green Climate Fund approved its
share'). A programme of the United Nations, in turn, is one of its bodies ('the United Nations Environment
Program'), though 'Program' ends a scheme's name elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from nlp.organisations.lexicon import FORCE_WORDS, POT_HEADS

# What a body does as its subject and money or a scheme does not: it speaks, decides, invests, lends, hires.
_BODY_ACTS = frozenset(
    """say announce report confirm state tell warn add claim approve decide vote reject welcome invest lend
    appoint publish deny criticise criticize sue hire employ acquire buy sell partner respond decline comment
    agree sign estimate forecast urge""".split()
)
# The names by which a text opens a programme of the United Nations ('UN Environment Program').
_UNITED_NATIONS = ("united nations", "un", "u.n.")
_PROGRAMME = frozenset({"programme", "program"})


def names_money_or_a_programme(words: Span) -> bool:
    """Whether `words` (a name the tables do not know) is money set aside or a programme: its head word is one of
    `POT_HEADS` ('Fund', 'Reserve', 'Partnership for Peace'), it is no force's reserve, the text does not make it
    act as a body, and it is no modifier of what it runs ('the Food for Life Partnership gold award' names the
    partnership that gives it). Being joined or funded is no sign of a body here: nations join a programme
    ('joined the Partnership for Peace') and pay into a fund."""
    if not len(words):
        return False
    head = _head_word(words)
    if head is None:
        return False
    if head.lower_ == "reserve" and any(t.lower_ in FORCE_WORDS for t in words):
        return False  # 'the Army Reserve', 'the Royal Naval Reserve': a force
    doc = words.doc
    follower = doc[words.end] if words.end < len(doc) else None
    if follower is not None and follower.is_lower and follower.pos_ in ("NOUN", "ADJ"):
        return False  # 'the Food for Life Partnership gold and silver awards'
    return not _acts(head)


def _head_word(words: Span) -> Token | None:
    """The word of `POT_HEADS` that heads the name: its last word ('Common Fund') or the one before 'for' that
    opens its subject ('Partnership for Peace', 'Partnership For Peace')."""
    last = words[-1]
    if last.lower_ in POT_HEADS and last.text[:1].isupper():
        return last
    for token in words[:-1]:
        if token.lower_ in POT_HEADS and token.text[:1].isupper() and token.nbor(1).lower_ == "for":
            return token
    return None


def _acts(head: Token) -> bool:
    """'The Green Climate Fund approved its share', 'the National Wealth Fund will invest': the name is the
    subject of a verb only a body does (through a coordination: 'X and the Y Fund said')."""
    token = head
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_ in _BODY_ACTS


def runs_programmes(body: str, last: Token) -> bool:
    """Whether a known body's name goes on into one of its programmes, a body of its own: 'United Nations' +
    'Environment Program'."""
    return body.lower() == "united nations" and last.lower_ in _PROGRAMME


def a_united_nations_programme(words: Span) -> bool:
    """'the United Nations Environment Program', 'UN Development Programme': a programme the United Nations
    runs under its own name is one of its bodies, not a scheme."""
    if len(words) < 3 or words[-1].lower_ not in _PROGRAMME:
        return False
    text = words.text.lower()
    return any(text.startswith(opening + " ") for opening in _UNITED_NATIONS)
