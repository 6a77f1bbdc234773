"""Readings of the parse that the status and party rules share: which tokens name or make an agreement,
which sentence points back to an earlier one, the verb that governs a noun, and an agreement's own name."""

from __future__ import annotations

from spacy.tokens import Span, Token

from nlp.agreements.lexicon import (
    AGREEMENT_NOUNS,
    AGREEMENT_PLURALS,
    ALL_SIDES,
    CONCLUDING_VERBS,
    IN_FORCE_MODIFIERS,
    NEGOTIATING,
    ORGANISATION_HEADS,
    REFERRING_DETERMINERS,
    RELATIONS_AGREED,
    SHARED,
    TWO_WORD_AGREEMENTS,
    UNDERSTANDING_VERBS,
)
from nlp.leaders import leaders_country
from nlp.people import HEADLINE_VERBS


def agreement_nouns(sent: Span) -> list[Token]:
    """Tokens that name an agreement ('deals', 'treaty', 'MoU', 'joint declaration'), not the verb 'to deal
    with'."""
    return [
        t
        for t in sent
        if is_noun(t)
        and t.ent_type_ != "PERSON"
        and not _names_something_else(t)
        and (
            names_agreement(t)
            or (t.lemma_.lower() == "declaration" and any(c.lower_ == "joint" for c in t.lefts))
            or (t.lemma_.lower() == "framework" and _shared_framework(t))
            or (t.lemma_.lower() == "understanding" and _reached_understanding(t))
            or (t.lemma_.lower() in RELATIONS_AGREED and _with_a_side(t))
            or (t.lemma_.lower() == "commitment" and _committed_to_a_side(t))
            or (t.lemma_.lower() == "letter" and _of_intent(t))
            or (t.i > sent.start and (t.nbor(-1).lower_, t.lower_) in TWO_WORD_AGREEMENTS)
        )
    ]


def _of_intent(noun: Token) -> bool:
    """'inked a letter of intent', 'a Letter of Intent on coastal protection': a letter of intent two sides
    sign is an agreement (a letter alone is not)."""
    return any(
        o.lower_ == "intent" for p in noun.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
    )


def _reached_understanding(noun: Token) -> bool:
    """'we have reached an understanding with Peking', 'arrived at an understanding': an understanding reached
    is an agreement ('a better understanding of', 'mutual understanding between our peoples' are not)."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and verb.lemma_.lower() in UNDERSTANDING_VERBS


def _with_a_side(noun: Token) -> bool:
    """'concluded an alliance with Britain', 'the alliance we formed with France', 'our understanding with
    Mexico', 'the settlement with Germany on war claims': an alliance, understanding or settlement made with a
    named country or body is an agreement ('our alliances with major partners', 'a final settlement of the
    area's problems' are not; nor is the understanding of 'a memorandum of understanding with Ghana')."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return False
    holders = [noun, *(c for c in noun.children if c.dep_ in ("relcl", "acl"))]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "with"
        and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG", "NORP") for g in prep.children)
        for holder in holders
        for prep in holder.rights
    )


def _committed_to_a_side(noun: Token) -> bool:
    """'we will honor our commitments to NATO': the speaker's commitments to a named country or body are the
    agreements that bind it to them (the parse may hang 'to NATO' on the verb); 'our commitment to the United
    Nations', one, is a stance."""
    if noun.tag_ != "NNS" or not any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in noun.children):
        return False
    after = noun.doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    return (
        after is not None
        and after.lower_ == "to"
        and after.head.i in (noun.i, noun.head.i)
        and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG") for g in after.children)
    )


def _names_something_else(token: Token) -> bool:
    """'the Southeast Asia Treaty Organization' is a body, 'in full accord with the Charter' an idiom."""
    if token.dep_ in ("compound", "nmod") and token.head.lemma_.lower() in ORGANISATION_HEADS:
        return True
    return (
        token.lower_ == "accord"
        and token.head.lower_ == "in"
        and any(c.lower_ == "with" for c in token.children)
    )


def names_agreement(token: Token) -> bool:
    """'deal', 'deals', 'memoranda', and 'City Deals' (a proper noun keeps its plural as its lemma)."""
    lemma = token.lemma_.lower()
    return (
        lemma in AGREEMENT_NOUNS
        or lemma in AGREEMENT_PLURALS
        or (token.pos_ == "PROPN" and lemma.removesuffix("s") in AGREEMENT_NOUNS)
    )


def is_plural(token: Token) -> bool:
    """'deals', 'Agreements', 'memoranda' (which the tagger may take for a singular)."""
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in AGREEMENT_PLURALS


def is_noun(token: Token) -> bool:
    """A noun, or an agreement noun the tagger took for a verb after an article ('a returns deal', 'a visa
    deal', where 'returns' looks like a verb's subject); 'to deal with' stays a verb."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    if token.pos_ != "VERB" or token.lemma_.lower() not in AGREEMENT_NOUNS or token.tag_ not in ("VB", "VBP"):
        return False
    before = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ in ("a", "an", "the", "new") for t in before) and not any(
        t.lower_ == "to" for t in before
    )


def _shared_framework(noun: Token) -> bool:
    """'will work together under a framework', 'a framework with Kenya', 'a joint framework', 'signed a
    framework': a framework sides share is an agreement ('a new regulatory framework' is not), but not the
    idiom 'in (within) the framework of' ('cooperation in the framework of the Three Seas Initiative': under it)."""
    if noun.head.lower_ in ("in", "within") and any(c.lower_ == "of" for c in noun.rights):
        return False
    if any(c.lower_ in ("with", "between") for c in noun.rights):
        return True
    if any(c.lower_ in SHARED for c in noun.lefts):
        return True
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if any(c.lower_ in SHARED for c in verb.children):
        return True
    if noun.dep_ in ("dobj", "nsubjpass", "conj", "pobj") and verb.lemma_.lower() in (
        "sign",
        "ink",
        "signing",
    ):
        return (
            True  # 'signed a ten-year defence framework', 'the signing of a framework': signed, it is shared
        )
    # 'discussions have begun on a revised fiscal framework', 'talks on a framework': one being negotiated
    return any(t.lemma_.lower() in NEGOTIATING for t in (*verb.children, *noun.ancestors) if t.i < noun.i)


def concluded_talks(sent: Span) -> Token | None:
    """'Talks between Serbia and Kosovo concluded with a text', 'negotiations were concluded': talks that
    ended in an agreement, said without an agreement noun ('talks concluded without a deal' did not)."""
    for token in sent:
        verb = token.head
        if (
            token.lemma_.lower() in ("talk", "negotiation")
            and token.dep_ in ("nsubj", "nsubjpass", "dobj")
            and verb.lemma_.lower() in CONCLUDING_VERBS
            and not any(c.dep_ == "neg" or c.lower_ == "without" for c in verb.children)
        ):
            return token
    return None


_ABLE = frozenset({"can", "could", "might", "may"})


_TALKS_GOING_ON = frozenset("be proceed continue go progress".split())


def _talks_predicate(talks: Token) -> list[Token]:
    """'Negotiations are now in progress with Canada', 'negotiations are proceeding with Japan': what talks as a
    subject are said to be, where the parser hangs their 'with' ('in progress', 'under way', the verb)."""
    verb = talks.head
    if talks.dep_ != "nsubj" or verb.lemma_.lower() not in _TALKS_GOING_ON:
        return []
    states = [
        p
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "under")
        for p in prep.children
        if p.dep_ == "pobj" and p.lower_ in ("progress", "way")
    ]
    return [verb, *states]


def negotiating_with(sent: Span) -> Token | None:
    """'We are negotiating with the Soviet Union', 'negotiations with Iran on its nuclear programme', 'with
    them', 'with the nations of the Warsaw Pact', 'negotiating with President Gorbachev' (a leader history
    knows): talks with a named side, or talks between named sides, are
    an agreement in negotiation, said without an agreement noun. ('talks with' is left out: leaders hold talks with each other that negotiate nothing.)"""
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma not in ("negotiate", "negotiation", "talk") or aux_of(token) & _ABLE:
            continue  # 'Reagan could negotiate with the Soviet Union': what one can do is no negotiation
        for prep in (c for holder in (token, *_talks_predicate(token)) for c in holder.children):
            if prep.dep_ == "prep" and prep.lower_ in (
                ("between",) if lemma == "talk" else ("with", "between")
            ):
                named = [
                    g
                    for g in prep.children
                    if g.dep_ == "pobj"
                    and (
                        g.ent_type_ in ("GPE", "ORG", "NORP")
                        or g.lower_ == "them"
                        or _of_named(g)
                        or (
                            lemma != "talk"
                            and g.ent_type_ == "PERSON"
                            and leaders_country(g.text) is not None
                        )
                    )
                ]
                if named:
                    return token
    return None


def _of_named(group: Token) -> bool:
    """'the nations of the Warsaw Pact', 'the members of ASEAN': a group named by the body it belongs to."""
    return group.lemma_.lower() in ("nation", "member", "country", "state") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in ("GPE", "ORG") for g in c.children)
        for c in group.children
    )


def agreeing_verbs(sent: Span) -> list[Token]:
    """'have agreed to build', 'signed a treaty': verbs that make an agreement by themselves; not agreeing to
    a meeting ('before the administration would agree to a meeting'), which is no agreement."""
    return [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ("agree", "sign") and not _to_a_meeting(t)
    ]


# What one agrees to that is an encounter, not terms: 'agree to a meeting' (but 'we agreed to meet again' is a
# summit's agreement, as the party probes of round 8 read it).
_MEETINGS = frozenset("meeting meetings visit call interview debate hearing".split())


def _to_a_meeting(verb: Token) -> bool:
    if verb.lemma_.lower() != "agree":
        return False
    for child in verb.children:
        objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        if child.dep_ in ("prep", "dobj") and any(o.lemma_.lower() in _MEETINGS for o in objects):
            return True
    return False


def is_reference(noun: Token) -> bool:
    """'the deals', 'these agreements', 'the memorandum' point back; 'the 2019 agreement', 'the Paris
    Agreement' or 'the existing agreement' name one of their own."""
    phrase = (
        noun.head
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and not names_agreement(noun.head)
        else noun
    )
    # 'the treaty text', 'the deal terms': an agreement noun inside a definite phrase points back as that phrase
    dets = [c for c in phrase.lefts if c.dep_ in ("det", "poss")]
    if not dets or dets[0].lower_ not in REFERRING_DETERMINERS or names_its_sides(noun):
        return False
    before = [*noun.lefts, *(c for c in phrase.lefts if c.i < noun.i)]
    named = any(c.like_num or c.pos_ == "PROPN" or c.ent_type_ in ("DATE", "GPE", "ORG") for c in before)
    earlier = any(c.lower_ in _AN_EARLIER_ONE for c in before)
    return not named and not earlier and not _titled_name(noun)


def _titled_name(noun: Token) -> bool:
    """'the Paris Agreement', 'the Treaty of Lisbon', 'the Agreement on Agriculture': a capitalised agreement
    noun with words of its name before it or a capitalised name after 'of' or 'on' names one of its own; 'the
    Agreement' or 'the Treaty' alone is a release's defined term for the one it has named ('India and Brazil
    signed an agreement on agriculture. The Agreement will ...')."""
    if not noun.is_title:
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") for c in noun.lefts):
        return True
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("of", "on")
        and any(g.dep_ == "pobj" and g.is_title for g in p.children)
        for p in noun.rights
    )


# Words that set an agreement apart from the one a text announces: 'the previous agreement expired in June'
# after 'signed a new agreement', 'builds on the existing investment agreement' name another, older one.
_AN_EARLIER_ONE = IN_FORCE_MODIFIERS | frozenset(
    "previous former old earlier original prior outgoing expired".split()
)


def names_its_sides(noun: Token) -> bool:
    """'the treaties with Germany and Japan', 'the pact among Turkey and Iraq': a definite agreement noun that
    names its own other side is an agreement of its own, not one pointing back."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in {"with"} | ALL_SIDES
        and any(g.ent_type_ in ("GPE", "ORG", "NORP") for g in prep.subtree)
        for prep in noun.rights
    )


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a noun belongs to ('sign' for 'agreements' in 'will sign new agreements')."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def clause_verb(anchor: Token) -> Token | None:
    """The verb of an anchor's clause: the anchor itself when it is one ('agreed'), else its governing verb."""
    return anchor if anchor.pos_ in ("VERB", "AUX") and not is_noun(anchor) else governing_verb(anchor)


def aux_of(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def first_conjunct(token: Token) -> Token:
    """'Liverpool' in 'with Sheffield, Liverpool and Leeds' stands where 'Sheffield' stands; but not where the
    list only hangs on an opening place phrase ('In Brasilia, Brazil and Argentina signed')."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i and not _after_opening_phrase(current):
        current = current.head
    return current


def _after_opening_phrase(conjunct: Token) -> bool:
    """'Meeting in Hanoi, Japan and the Philippines signed', 'In Mexico City, the United States and Canada
    signed': a name after the comma that closes a phrase opening the sentence ('in' + a place), whose verb
    has no nominal subject of its own, is that verb's subject that the parse joined to the place."""
    place = conjunct.head
    comma = conjunct.doc[conjunct.left_edge.i - 1] if conjunct.left_edge.i > 0 else None
    if comma is None or comma.text != "," or place.dep_ != "pobj" or place.i >= conjunct.i:
        return False
    opening = place.head
    while opening.dep_ in ("prep", "pobj", "advcl", "acl") and opening.head.i != opening.i:
        if opening.head.pos_ in ("VERB", "AUX") and opening.head.i > conjunct.i:
            break
        opening = opening.head
    verb = opening.head
    return (
        opening.i == conjunct.sent.start
        and verb.i > conjunct.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "VERB" for c in verb.children)
    )


def in_title_case(sent: Span) -> bool:
    """'President Trump Secures Historic Trade Deal with Vietnam': a headline in title case with a headline's
    verb, which the model parses as one long name (a title such as 'The Paris Agreement' has no verb)."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return (
        len(words) >= 3
        and all(t.is_title or t.is_upper for t in words)
        and any(
            t.lower_ in HEADLINE_VERBS or (t.lower_ in ("to", "will") and t.nbor(1).lower_ in HEADLINE_FUTURE)
            for t in sent[:-1]
        )
    )


HEADLINE_FUTURE = frozenset("sign negotiate agree launch join ratify".split())  # 'Canada to Sign ...'


def without_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def name_of(anchor: Token) -> str | None:
    """'the Paris Agreement', 'the UK-India Free Trade Agreement', 'a Status of Visiting Forces Agreement', 'the
    Canada-EU Digital Trade Agreement': a title-case name ending in the noun (or in the title-case noun it
    modifies: 'Comprehensive Economic Partnership Agreement'), read as written back to its first word."""
    if not anchor.is_title:
        return None
    if not any(t.dep_ in ("compound", "amod", "nmod") and (t.is_title or t.is_upper) for t in anchor.lefts):
        return None
    doc = anchor.doc
    last = anchor
    while last.dep_ == "compound" and last.head.i == last.i + 1 and last.head.is_title:
        last = last.head
    first = anchor
    while first.i > anchor.sent.start and _continues_a_name(doc[first.i - 1], first):
        first = doc[first.i - 1]
    while first.lower_ in _NAME_JOINERS or first.text == "-":
        first = doc[first.i + 1]
    return doc.text[first.idx : last.idx + len(last.text)]


# Lower-case words inside an agreement's title ('Status of Visiting Forces', 'Trade and Cooperation').
_NAME_JOINERS = frozenset({"of", "and", "on", "for"})


def _continues_a_name(word: Token, after: Token) -> bool:
    """Whether `word` is part of the title that `after` goes on: a capitalised word, a hyphen between two
    written without spaces ('Canada-EU'), or a joining word between capitalised ones; never a person, a date
    or a possessive."""
    if word.ent_type_ in ("PERSON", "DATE") or word.tag_ == "POS" or after.tag_ == "POS":
        return False
    if word.text == "-":
        return not word.whitespace_ and word.i > 0 and not word.doc[word.i - 1].whitespace_
    if word.text in _NAME_JOINERS:
        return word.i > word.sent.start and (word.doc[word.i - 1].is_title or word.doc[word.i - 1].is_upper)
    return (word.is_title or word.is_upper) and word.is_alpha and word.pos_ in ("PROPN", "NOUN", "ADJ")
