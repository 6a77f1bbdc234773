"""Who makes an agreement: the countries, international bodies and named organisations its clause names,
split into leads and counterparts ('with ...'), and the announcing government where the text leaves it
unnamed.

Parties named after "with" are counterparts; the others lead. A government that announces an agreement
with others without naming itself ("the government will sign a deal with Serbia") is the announcing
government: the country the document first makes the subject of a sentence (`announcing_party`), written
`HOME` until the document's is known; so is the speaker's government said as 'ours', 'with us', 'this
Government' or 'our Nation'.

Whatever the recogniser made of the words, a country is also named by a nationality on those who act for
it or on the agreement noun ('Kazakh Foreign Minister', 'the Japanese peace treaty'), by a combining form
in the agreement's name ('the Russo-Japanese Agreement'), by a ministry or department of its government, by
a leader the text places in it ('President Sadat of Egypt') or history knows (`leaders`), and by a formal
or older name ('the Republic of the Philippines', 'Rumania'). Where the agreement's own 'between' or 'among'
names two sides or more, they are all its sides. 'them', 'that government' and 'They' stand for the sides
named just before; an agreement whose clause names no side takes those its context names
(`sides_in_context`). On a government's page the speaker is a side where it makes, negotiates, seeks or
offers the agreement ('which I signed with General Torrijos'), and another government's stance on one with
no other side named faces it (`a_foreign_stance`); what the sides agree to do names no side, nor does what
a clause says of something else ('the treaty with Panama, which Colombia had opposed') or what an agreement
is about ('an agreement with Canada on salmon off Alaska'), where another side is named.

Speeches leave more to the reader: an agreement's name may carry its sides by their initials or by history
('the ANZUS pact', 'the SALT II treaty', 'the Panama Canal treaties'); who it is proposed, offered or
committed to is its other side, whom it is made against none; the object of urging keeps the deal ('urged
Turkey to honour its deal with the EU'); a clause joined by 'and' that joins or accedes to it names a side;
a foreign government that agrees to act with no one named undertakes it to the speaker's ('China has agreed to
open its markets'), as does one that came to the speaker or asked in the sentence before; a people stands for
its state of the text's era ('the Russians'); two nationalities on the forces it parts are its sides. A
description resolves to what the text or the speaker's place names: a bloc by the name of its time ('the
European Community') or as 'the Alliance' and 'our allies' after NATO, 'our neighbor to the north', 'the
Kremlin', 'the three powers' named before, 'our Canadian friends'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from nlp.agreements.lexicon import (
    ABOUT_PREPOSITIONS,
    ACTING_FOR_A_COUNTRY,
    ACTING_FOR_A_COUNTRY_TOO,
    ADVANCING_VERBS,
    AGREEMENT_NOUNS,
    ALL_SIDES,
    ALLY_NOUNS,
    APPROVING_VERBS,
    BESIDE_ADVERBS,
    BESIDE_PREPOSITIONS,
    BUYING_VERBS,
    COMBINING_FORMS,
    COMPASS_POINTS,
    DASHES,
    DESCRIBED_BLOCS,
    DEVOLVED_GOVERNMENTS,
    ENDING_VERBS,
    FORCE_NOUNS,
    FOREIGN_MONARCHS,
    FORMER_BLOCS,
    FORMER_NAMES,
    FORMER_PEOPLES,
    FORMER_SEATS,
    FORMER_STATES,
    GOVERNMENT_BODY_HEADS,
    GOVERNMENT_SUBJECTS,
    GROUP_NUMBERS,
    GROUP_REFERENCES,
    GROUP_REFERENCES_TOO,
    HEAD_TITLES,
    JOINING_VERBS,
    LEGISLATURES,
    MIN_PARTIES,
    MONARCHS,
    NAMED_LEGISLATURES,
    NATIONALITY_ENDINGS,
    NEGOTIATING,
    NEIGHBOUR_NOUNS,
    NEIGHBOURS,
    NON_PARTY_PREPOSITIONS,
    OFFERING_VERBS,
    OPPOSING_PREPOSITIONS,
    ORGANISATION_HEADS,
    OUR_NATIONALITY_NOUNS,
    OUR_SIDE,
    OWN_BODY_NOUNS,
    PACT_ALLIANCES,
    PARTY_GROUP_NOUNS,
    PARTY_NAMES,
    PLACE_PREPOSITIONS,
    SEATS_OF_GOVERNMENT,
    SIDES_ACTS,
    SIDES_HISTORY_NAMES,
    SIDES_IN_NAMES,
    SIGNING_VERBS,
    STANCE_VERBS,
    SUBNATIONAL_ADJECTIVES,
    SUSPENDING_VERBS,
    TIME_WORDS,
    TREATY_BONDS,
)
from nlp.agreements.status import status_for
from nlp.agreements.tokens import (
    clause_verb,
    first_conjunct,
    governing_verb,
    is_noun,
    is_plural,
    names_agreement,
    without_article,
)
from nlp.bodies import document_countries
from nlp.bodies import publisher as publisher_of
from nlp.bodies.tables import candidates, public_body
from nlp.doc_cache import cached_on_doc
from nlp.entities import normalize_name, own_meaning
from nlp.leaders import leaders_country, titled_leaders_country
from nlp.organisations.states import own_state
from nlp.people import ROLE_WORDS
from presswatch.gazetteer import countries, country, demonym, former_state, international_body, still_a_place

# The verbs that make an agreement (sign, conclude, reach, negotiate), read once here, not per token.
_MAKES_ONE = SIGNING_VERBS | NEGOTIATING

HOME = "\x00home"  # stands for the announcing government until the document's is known

# 'the Government of India' names India; 'the Albanese Government' names the announcing one.
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:government|republic|kingdom|state|governments)\s+of\b\s*", re.I)

_NAMED_GOVERNMENT = re.compile(r"^(?:the\s+)?(?P<who>.+?)\s+(?:government|administration)$", re.I)

_GROUP_LOOKBACK = 2  # sentences searched for the parties a group reference stands for


def _clause_scope(anchor: Token) -> set[int]:
    """Token indices that can name parties: the governing verb's clause, without time and adverbial
    clauses ('... since leaving the EU' does not make the EU a party), plus the subject above it."""
    sent = anchor.sent
    verb = clause_verb(anchor)
    if verb is None:
        return {t.i for t in sent} & _semicolon_part(anchor)
    scope = {t.i for t in verb.subtree} & _semicolon_part(anchor)
    for child in verb.children:
        if child.dep_ == "advcl" and anchor.i not in {t.i for t in child.subtree}:
            scope -= {t.i for t in child.subtree}
        if _own_clause(child) and anchor.i not in {t.i for t in child.subtree}:
            scope -= {t.i for t in child.subtree}  # ', and a treaty with Japan has been signed'
    for token in verb.subtree:
        if token.dep_ in ("prep", "mark") and token.lower_ in TIME_WORDS:
            scope -= {t.i for t in token.subtree}
    controller = _controller(verb)
    if controller is not None:  # 'We urged Turkey to honour its deal with the EU': Turkey's deal, not ours
        return scope | {t.i for t in controller.subtree}
    current = verb
    while current.head.i != current.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
        current = current.head
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
    # a clause joined by 'and' with a subject of its own does not take the first clause's; nor does a report
    # that names its own subject before who reports it ('Russia has complied with the deal, the UN said')
    joined = own_subject and (
        current.dep_ == "conj"
        or _reported_before(current)
        or _reported_with_its_sides(current)
        or _contrasted(current)
    )
    for above in (current,) if joined else (current, current.head):
        for child in above.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                scope |= {t.i for t in child.subtree}
    maker = _relative_clause_maker(current, anchor)
    if maker is not None:
        scope |= {t.i for t in maker.subtree}
    return scope


def _relative_clause_maker(clause: Token, anchor: Token) -> Token | None:
    """'Kenya and the UK signed a strategic partnership, which will run alongside the economic partnership
    agreement in force since 2021': an agreement inside a relative clause on another agreement, whose subject
    is the relative pronoun, shares the sides of the clause that makes that other one."""
    if clause.dep_ != "relcl" or not names_agreement(clause.head) or clause.head.i == anchor.i:
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children):
        return None
    verb = governing_verb(clause.head)
    if verb is None or verb.lemma_.lower() not in SIGNING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _contrasted(verb: Token) -> bool:
    """'Australia and Japan signed an agreement, while Australia and Indonesia launched talks on a treaty': an
    adverbial clause set beside the main one ('while', 'whereas'), with a subject of its own that is no
    pronoun, has its own sides."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas", "whilst") for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)
    )


def _reported_before(verb: Token) -> bool:
    """'Russia has so far complied with the grain deal with Ukraine, the UN said', 'Officials from Israel and
    Syria are holding talks, Turkish officials said': a clause said before its reporter, with a subject of its
    own that is no pronoun; who reports it is no side ('China said it had signed a deal' is China's own)."""
    return (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.i < verb.head.i
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)
    )


def _reported_with_its_sides(verb: Token) -> bool:
    """'Egypt, Qatar and the United States said that Israel and Hamas had agreed to a ceasefire deal': a
    reported clause whose subject names two sides or more is their agreement; who reports it is no side
    ('Qatar said it had signed a deal', 'the UK announced that France had agreed a deal' still may be)."""
    if verb.dep_ != "ccomp":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    named = [t for t in (subject, *subject.conjuncts) if t.ent_type_ in ("GPE", "ORG", "NORP")]
    return len(named) >= MIN_PARTIES


def _controller(verb: Token) -> Token | None:
    """'urged Turkey to honour its deal', 'called on Russia to respect the ceasefire': the object before an
    infinitive clause is who that clause's verb is said of, not the subject of urging or calling."""
    if verb.dep_ != "xcomp":
        return None
    for child in (c for c in verb.head.children if c.i < verb.i):
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _semicolon_part(anchor: Token) -> set[int]:
    """The part of the sentence between semicolons that holds the anchor: 'SEATO has been established; the
    NATO alliance has been strengthened; the Anzus treaty has strengthened ties with Australia' names the
    Anzus treaty's sides only in its own part."""
    sent = anchor.sent
    start = next((t.i + 1 for t in reversed(sent[: anchor.i - sent.start]) if t.text == ";"), sent.start)
    end = next((t.i for t in sent[anchor.i - sent.start :] if t.text == ";"), sent.end)
    return set(range(start, end))


def _own_clause(child: Token) -> bool:
    """A clause joined by 'and' that names an agreement of its own: its parties are its own."""
    return (
        child.dep_ == "conj"
        and child.pos_ in ("VERB", "AUX")
        and any(names_agreement(t) and is_noun(t) for t in child.subtree)
    )


# 'the Australian state of Queensland', 'the City of Seattle': a place named as the unit it is.
_UNITS = frozenset(
    "state province region city county municipality prefecture territory district emirate".split()
)


# 'the Jakarta administration', 'the Lagos state government': a place's own government named after it.
_REGIONAL_GOVERNMENTS = frozenset({"administration", "government"})


_CITY_OF = re.compile(
    r"^(?:the\s+)?(?:city|municipality|county|province|state)\s+of\s+(?P<place>[A-Z].*)$", re.I
)


def _unit_place(name: str) -> str:
    """'the City of Cape Town' → 'Cape Town': a city's or province's government named as its unit is a side by
    its place's name, as where the text names the place alone ('the State of Israel' stays a country's)."""
    found = _CITY_OF.match(name)
    if found is None or country(name) is not None or _resolved(found["place"]) is not None:
        return name
    return found["place"]


def _unit_named(token: Token) -> Token:
    """The unit noun a place's name follows after 'of' ('the state of Queensland signed'), which stands in the
    clause where the name would; else the token."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _UNITS:
        return first_conjunct(token.head.head)
    if token.dep_ == "compound" and token.head.lower_ in _REGIONAL_GOVERNMENTS:
        return first_conjunct(token.head)  # 'the Jakarta administration inked', 'the Lagos government'
    if token.dep_ == "compound" and token.head.lower_ in _UNITS:
        return first_conjunct(token.head)  # "Brazil's Minas Gerais state signed"
    return token


def _as_a_unit(ent: Span) -> bool:
    """'the city of Seoul': a place named as a city, state or province, which stands for itself and not for the
    country it is the capital of ('the Beijing government' stands for China's)."""
    first = first_conjunct(ent.root)
    return first.dep_ == "pobj" and _unit_named(first) is not first


def _is_counterpart(ent: Span) -> bool:
    """A name the agreement is made with: 'a deal with Cornwall', 'a city deal for Stirling', 'an agreement
    with each of Uganda and Tanzania'."""
    first = _unit_named(first_conjunct(ent.root))
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in EACH_OF:
        first = first.head.head  # 'with each of Uganda, Tanzania and Rwanda'
    if first.dep_ == "pobj" and first.head.lower_ == "to":
        return _offered_to(first.head)
    if first.dep_ != "pobj" or first.head.lower_ not in {"with", "for"} | ALL_SIDES:
        return False
    holder = first.head.head
    if first.head.lower_ == "for":  # 'for' names a party only right after the agreement noun
        if holder.lower_ in ROLE_WORDS:  # 'Commissioner for Health and Animal Welfare': an office's portfolio
            return False
        return names_agreement(holder) or first.head.i in {p.i for p in _side_phrases(_of_agreement(holder))}
    return True


# 'an agreement with each of Uganda and Tanzania': one with each.
EACH_OF = frozenset({"each"})


def with_each(noun: Token) -> bool:
    """'signed an agreement with each of Uganda, Tanzania and Rwanda': one agreement per counterpart."""
    return any(
        c.lower_ == "each" and c.dep_ == "pobj" and any(g.lower_ == "of" for g in c.children)
        for p in _side_phrases(noun)
        for c in p.children
    )


def _offered_to(to: Token) -> bool:
    """'We have proposed a treaty to the Russians', 'offered a new agreement to Japan', 'our commitments to
    NATO': who an agreement is proposed, offered or committed to is its other side ('submitted the treaty to
    the Senate' is not)."""
    if to.i > 0 and to.doc[to.i - 1].lemma_.lower() == "commitment":
        return True
    holder = to.head
    verb = holder if holder.pos_ in ("VERB", "AUX") else clause_verb(holder)
    return (
        verb is not None
        and verb.lemma_.lower() in OFFERING_VERBS
        and (holder.i == verb.i or (is_noun(holder) and names_agreement(holder)))
    )


def _of_agreement(holder: Token) -> Token:
    """'the implementation of the City Deal (for Glasgow)': the agreement noun a 'for' phrase really follows
    when the parser hangs it on the noun before 'of'."""
    for prep in holder.rights:
        if prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and names_agreement(obj):
                    return obj
    return holder


def _side_phrases(noun: Token) -> list[Token]:
    """The 'with', 'for' and 'between' phrases that name an agreement noun's other side, including one the
    parser hung on the noun before 'of' ('implementation of the City Deal *for Glasgow*')."""
    if not is_noun(noun):
        return []
    phrases = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _OWN_SIDE]
    for participle in (c for c in noun.rights if c.dep_ == "acl"):  # 'the agreement signed between A and B'
        phrases += [c for c in participle.children if c.dep_ == "prep" and c.lower_ in ALL_SIDES]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holder = noun.head.head
        phrases += [c for c in holder.rights if c.dep_ == "prep" and c.lower_ in _OWN_SIDE and c.i > noun.i]
    kinds = [  # 'a memorandum of understanding with X': the parser hangs the side on the kind
        o
        for of in noun.rights
        if of.dep_ == "prep" and of.lower_ == "of"
        for o in of.children
        if o.dep_ == "pobj" and o.lower_ in _KINDS_OF_MEMORANDUM
    ]
    phrases += [c for kind in kinds for c in kind.rights if c.dep_ == "prep" and c.lower_ in _OWN_SIDE]
    if not phrases:  # 'a memorandum of understanding on education with Vietnam': 'with' hung on its subject
        phrases = [
            w
            for holder in (noun, *kinds)
            for on in holder.rights
            if on.dep_ == "prep" and on.lower_ in ("on", "in")
            for subject in on.children
            if subject.dep_ == "pobj"
            for w in subject.rights
            if w.dep_ == "prep" and w.lower_ == "with"
        ]
    return phrases


# 'a memorandum of understanding (cooperation, intent) with Cambodia': the parser hangs the side on the kind
_KINDS_OF_MEMORANDUM = frozenset({"understanding", "cooperation", "intent", "agreement", "arrangement"})


def _signs(ent: Span) -> bool:
    """'Network Rail and First MTR have signed ...', "Dubai's carrier Emirates Airline finalized a deal": a
    named body that is the subject of agreeing (or set beside it)."""
    first = _unit_named(first_conjunct(ent.root))
    if ent.root.dep_ == "conj" and first.dep_ == "pobj" and first.head.lower_ == "of":
        first = first_conjunct(first.head.head)  # 'the Ministry of Trade of Viet Nam and the Ministry of ...'
    if first.dep_ == "appos":
        first = first.head
    verb = first.head
    return (
        first.dep_ in ("nsubj", "nsubjpass") or _unparsed_subject(first)
    ) and verb.lemma_.lower() in _MAKES_ONE


def _unparsed_subject(first: Token) -> bool:
    """'USAID signed a development agreement': a name before a verb that has no subject, which the parse
    hung on the verb as something else (an adverb), is its subject."""
    verb = first.head
    return (
        first.dep_ in ("advmod", "npadvmod", "dep", "nmod")
        and first.i < verb.i
        and first.i == first.sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _acts(ent: Span) -> bool:
    """'Washington suspended the treaty', 'Belgrade and Pristina agreed', 'the Soviets want an agreement':
    the subject of making, negotiating, suspending or ending an agreement, or of a stance on one."""
    first = first_conjunct(ent.root)
    verbs = SIGNING_VERBS | NEGOTIATING | SUSPENDING_VERBS | ENDING_VERBS | STANCE_VERBS
    return first.dep_ in ("nsubj", "nsubjpass") and first.head.lemma_.lower() in verbs


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {place.code: place.name for place in countries()}


def nationality(word: str) -> str | None:
    """The country a nationality names ('Hungarian' → Hungary), from the demonym table or, where the table
    leaves it out, from the country's name it is formed from ('Fijian' → Fiji, 'Panamanian' → Panama)."""
    place = demonym(word)
    if place is not None:
        return _country_names().get(place.code)
    if not word[:1].isupper() or " " in word:
        return None
    for ending in NATIONALITY_ENDINGS:
        stem = word[: -len(ending)]
        found = country(stem) if word.endswith(ending) and len(stem) >= 4 else None
        if found is not None:
            return found.name
    return None


_ACTORS = ACTING_FOR_A_COUNTRY | ACTING_FOR_A_COUNTRY_TOO | MONARCHS

_RULER_OF = re.compile(
    r"^(?:(?:his|her)\s+(?:imperial\s+|royal\s+)?majesty\s+)?(?:the\s+)?(?P<title>\w+)\s+of\s+(?:the\s+)?(?P<rest>.+)$",
    re.I,
)


def ruled_country(name: str) -> str | None:
    """'the Emperor of Japan' → Japan, 'His Majesty the King of Siam' → Thailand: the country a monarch
    named by its realm reigns over."""
    match = _RULER_OF.match(name)
    if match is None or match["title"].lower() not in MONARCHS:
        return None
    return _resolved(match["rest"])


def _ruler_named(token: Token) -> str | None:
    """'His Majesty the King of Siam' where the recogniser tagged nothing: the realm of a monarch's title, on
    the token or the title set beside it."""
    for title in (token, *(c for c in token.children if c.dep_ == "appos")):
        if title.lower_ not in MONARCHS:
            continue
        for prep in (c for c in title.children if c.lower_ == "of"):
            for realm in (c for c in prep.children if c.dep_ == "pobj"):
                found = _resolved(title.doc[realm.left_edge.i : realm.i + 1].text)
                if found is not None:
                    return found
    return None


def _acts_for_a_country(token: Token) -> bool:
    return token.lemma_.lower() in _ACTORS or token.lower_ in _ACTORS


def _nationality_holder(token: Token) -> Token | None:
    """The title or agreement noun a nationality modifies, through the compounds of a title ('his Hungarian
    counterpart', 'Kazakh Foreign Minister Nurtleu', 'the Japanese peace treaty'); None for 'Hungarian
    farmers'."""
    head = first_conjunct(token).head
    if head.lower_ in OUR_NATIONALITY_NOUNS and any(
        c.dep_ == "poss" and c.lower_ == "our" for c in head.children
    ):
        return head  # 'our Canadian friends', 'our Mexican neighbors'
    for _ in range(3):
        titles = [head, *(c for c in head.lefts if c.dep_ == "compound")]
        if any(_acts_for_a_country(t) for t in titles) or (is_noun(head) and names_agreement(head)):
            return head
        if head.dep_ != "compound" or head.head.i == head.i:
            break
        head = head.head
    return None


def _demonym_party(ent: Span) -> str | None:
    """'his Hungarian counterpart', 'the Indian and Japanese governments', 'Philippine Foreign Secretary
    Manalo': a nationality on a title or a government stands for its country. 'Hungarian farmers' does not."""
    holder = _nationality_holder(ent.root) if nationality(ent.text) else None
    return nationality(ent.text) if holder is not None and not names_agreement(holder) else None


def _people_acting(ent: Span) -> str | None:
    """'the Soviets agreed', 'talks with the Israelis': a nation named by its people where it makes or is
    the other side of an agreement stands for its country ('Hungarian farmers' do not: a modifier)."""
    place = demonym(ent.text.removeprefix("the ").removeprefix("The "))
    if (
        place is None
        or ent.root.dep_ in ("amod", "compound", "nmod")
        or not (_acts(ent) or _is_counterpart(ent))
    ):
        return None
    name = _country_names().get(place.code)
    return _of_its_era(name, ent.doc) if name is not None else None


def _of_its_era(name: str, doc: Doc) -> str:
    """'the Russians' in an address that speaks of the Soviet Union or names one of its leaders ('President
    Gorbachev') are the Soviet Union, elsewhere Russia: a people, or a side history gives an agreement ('the
    START treaty'), named for a country whose former state the text names (as its seat of government is read)."""
    for seat, (marker, former) in FORMER_SEATS.items():
        if SEATS_OF_GOVERNMENT.get(seat) != name:
            continue
        if marker in doc.text or any(
            e.label_ == "PERSON" and leaders_country(e.text) == former for e in doc.ents
        ):
            return former
    return name


def _side_by_era(side: str, doc: Doc) -> str:
    """A side history gives an agreement, named for the text's era: Russia is the Soviet Union where the text
    speaks of it (`_of_its_era`), and the Soviet Union is Russia in a text that names Russia and never the
    Soviet state ('the INF treaty between the United States and Russia collapsed in 2019')."""
    side = _of_its_era(side, doc)
    for seat, (_marker, former) in FORMER_SEATS.items():
        successor = SEATS_OF_GOVERNMENT.get(seat)
        if (
            side == former
            and successor
            and successor in doc.text
            and _of_its_era(successor, doc) == successor
        ):
            return successor
    return side


def _government_party(name: str, doc: Doc) -> str | None:
    """'Government of India' → India; 'the Albanese Government' (named after its leader) → the announcing
    government; 'Government of' alone (a clipped entity) → None. 'the Welsh Government' or 'the Queensland
    Government' (a nation or region the text names as a place) is a body of its own, read as other named
    bodies are."""
    rest = _GOVERNMENT_OF.sub("", name, count=1)
    if rest != name:
        found = country(rest) if rest else None
        return found.name if found else _formal_country(rest)
    named = _NAMED_GOVERNMENT.match(name)
    if named is None:
        return None
    who = named["who"]
    found = country(who)
    if found is not None:
        return found.name
    if nationality(who) is not None:  # 'the Philippine Government'
        return nationality(who)
    if who in FORMER_PEOPLES:  # 'The Ottoman Government gave notice'
        return FORMER_PEOPLES[who]
    if who.lower() in SUBNATIONAL_ADJECTIVES or any(
        e.label_ in ("GPE", "LOC") and e.text == who for e in doc.ents
    ):
        return None
    return HOME if who[:1].isupper() and " " not in who and demonym(who) is None else None


def _regional_government(ent: Span, name: str) -> str | None:
    """'The Government of Tamil Nadu signed ...', 'an agreement with the Government of Ontario': a state's,
    province's or city's government that signs or is the other side is a party by its place's name."""
    rest = without_article(_GOVERNMENT_OF.sub("", name, count=1))
    words = rest.split()
    if not words or not all(w[:1].isupper() for w in words) or not (_is_counterpart(ent) or _signs(ent)):
        return None
    return rest


def _formal_country(name: str) -> str | None:
    """'the Government of the Republic of Ghana': the country a government's formal name gives, and no
    place that is no country ('the Government of Tamil Nadu' is the state's own)."""
    found = known_as(name)
    return found if found != name and country(found) is not None else None


_HOUSES = re.compile(
    r"^(?P<whose>.*?)\s*\b(?:house of (?:representatives|commons|lords|councillors)|(?:national )?(?:"
    + "|".join(sorted(LEGISLATURES - {"house"}))
    + r"))$",
    re.I,
)


def _legislature_party(name: str) -> str | None:
    """'the Senate', 'Congress', 'the United States Senate', "Kenya's National Assembly": a legislature acts
    for its country's side of an agreement (it ratifies or approves it) and is no party of its own: its
    country where the name says it, else the announcing government (None where it names another body's)."""
    match = _HOUSES.match(name)
    assert match is not None
    whose = without_article(match["whose"].removesuffix("'s").removesuffix("’s").strip())
    if not whose:
        return HOME
    place = country(whose) or demonym(whose)
    return _country_names().get(place.code) if place is not None else None


def _owning_country(ent: Span) -> str | None:
    """'Colombia's Congress', 'Japan's Diet' where the recogniser tagged the country apart: the country a
    legislature belongs to by the possessive before it."""
    for owner in (c for c in ent.root.children if c.dep_ == "poss" and c.ent_type_ == "GPE"):
        place = country(known_as(owner.text))
        if place is not None:
            return place.name
    return None


def _body_named_after(ent: Span) -> Span | None:
    """'the Japan International Cooperation Agency' where only 'Japan' is tagged: the body the country's
    name belongs to (its proper-noun phrase up to a head such as 'Agency' or 'Bank')."""
    if ent.label_ not in ("GPE", "NORP") or ent.root.dep_ not in ("compound", "nmod", "amod"):
        return None
    head = ent.root.head
    while head.dep_ in ("compound", "nmod") and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    if head.pos_ != "PROPN" or head.lemma_.lower() not in ORGANISATION_HEADS or not head.is_title:
        return None
    words = ent.doc[ent.start : head.i + 1]
    if not all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in ("and", "of", "for") for t in words):
        return None
    return ent.doc[ent.start : head.i + 1]


def acting_for(anchor: Token) -> list[str]:
    """'... on behalf of the European Union', 'acting for the Government of Japan': who the signing body
    acts for, a party beside it where the text says so."""
    names: list[str] = []
    for ent in anchor.sent.ents:
        root = ent.root
        if not (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "behalf"):
            continue
        name = without_article(normalize_name(ent))
        governing = _government_party(name, ent.doc) if ent.label_ == "ORG" else None
        name = governing if governing not in (None, HOME) else name
        if (country(name) or international_body(name)) and name not in names:
            names.append(name)
    return names


def acronyms(doc: Doc) -> dict[str, str]:
    """'the Japan International Cooperation Agency (JICA)': each acronym a text defines, to the full name; and
    a body's short name in brackets after it ('the European Border and Coast Guard Agency (Frontex)')."""
    found: dict[str, str] = {}
    for token in doc:
        if not (
            (token.is_upper or token.is_title)
            and len(token.text) >= 2
            and token.i >= 2
            and doc[token.i - 1].text == "("
        ):
            continue
        end = token.i - 1
        start = end
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in ("of", "and", "for", "on")):
            start -= 1
        while start < end and (not doc[start].is_title or doc[start].lower_ == "the"):
            start += 1
        if start >= end:
            continue
        if "".join(t.text[0] for t in doc[start:end] if t.is_title) == token.text or _short_name(
            token, doc[start:end]
        ):
            found[token.text] = doc[start:end].text
    return found


def _short_name(token: Token, name: Span) -> bool:
    """'(Frontex)' after 'the European Border and Coast Guard Agency': one word closing the brackets after a
    body's name of three words or more, and no place ('the Ministry of Foreign Affairs (Kenya)')."""
    return (
        token.is_title
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].text == ")"
        and len(name) >= 3
        and name[-1].lower_ in ORGANISATION_HEADS
        and token.ent_type_ not in ("GPE", "LOC", "NORP")
        and country(token.text) is None
    )


def _whole_body(ent: Span) -> Span | None:
    """The organisation the entities step made of words the model cut or tagged otherwise ('US Agency' and
    'International Development' in 'the US Agency for International Development'; 'Kenya' in 'the Kenya Red
    Cross Society'): a country named inside a body's name is no party, the body may be one. Names of several
    bodies at once stay the model's pieces."""
    doc = ent.doc
    if not Doc.has_extension("mentions") or not doc._.mentions:
        return None
    for mention in doc._.mentions:
        if (
            mention.label == "ORG"
            and mention.start <= ent.start_char
            and ent.end_char <= mention.end
            and mention.end - mention.start > ent.end_char - ent.start_char
            and (
                ent.label_ == "ORG"
                or mention.start == ent.start_char
                or _opens_with_a_word(mention.start, ent)
            )
        ):  # not 'the Emperor of [Japan]'; but 'Air [New Zealand]', 'Biman [Bangladesh] Airlines'
            whole = doc.char_span(mention.start, mention.end, label="ORG", alignment_mode="contract")
            if whole is None or whole.sent.start != ent.sent.start or _several_bodies(whole):
                return None  # not 'the Scottish and Welsh Governments': several bodies, each its own
            return None if ruled_country(without_article(whole.text)) else whole  # 'the Emperor of Japan'
    return None


def _as_the_entities_read(sent: Span) -> list[Span]:
    """The sentence's entities, but a body the entities step named where the model saw a person or nothing ('The
    union Unite and the bus operator Stagecoach struck a pay deal', its names set beside what they are): news
    agreements are made between organisations the small model often misses."""
    doc = sent.doc
    bodies = set(_bodies_named(doc).get(sent.start, ()))
    found: list[Span] = []
    for ent in sent.ents:
        if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) in bodies:
            ent = Span(doc, ent.start, ent.end, label="ORG")
        found.append(ent)
    for start, end in sorted(bodies):
        span = doc.char_span(start, end, label="ORG")
        if span is None or any(t.ent_type_ for t in span):
            continue
        before = doc[span.start - 1] if span.start else None
        # not the tail of a name read whole: 'Korea Trade-[Investment Promotion Agency]', 'Nam Ngum 3 [Power Company]'
        if before is None or not (before.is_title or before.like_num or before.text in DASHES):
            found.append(span)
    return sorted(found, key=lambda e: e.start)


@cached_on_doc
def _bodies_named(doc: Doc) -> dict[int, list[tuple[int, int]]]:
    """Where the entities step named an organisation (character offsets), by the first token of its sentence,
    read once per document."""
    found: dict[int, list[tuple[int, int]]] = {}
    for mention in doc._.mentions if Doc.has_extension("mentions") and doc._.mentions else ():
        span = doc.char_span(mention.start, mention.end) if mention.label == "ORG" else None
        if span is not None and span.sent.start == span[-1].sent.start:
            found.setdefault(span.sent.start, []).append((mention.start, mention.end))
    return found


def _several_bodies(name: Span) -> bool:
    """'the Scottish and Welsh Governments': a plural head after a joined list names several bodies; 'Kenya
    Airways' or 'Emirates Airlines' is one."""
    return is_plural(name[-1]) and any(t.lower_ in ("and", "&") or t.text == "," for t in name[:-1])


def _opens_with_a_word(start_char: int, ent: Span) -> bool:
    """Whether one capitalised word, and nothing else, stands between `start_char` and the entity: a body's
    name that a word opens before a country's ('Air New Zealand', 'Radio Canada', 'Cricket Australia')."""
    before = ent.doc.char_span(start_char, ent.start_char, alignment_mode="contract")
    return before is not None and len(before) == 1 and before[0].is_title and before[0].is_alpha


def _text_meaning(ent: Span) -> str:
    """The entity's name (`normalize_name`), but the text's own body where the text spells the acronym out in
    brackets as another than a table's ('The AFP signed' after 'the Armed Forces of the Philippines (AFP)' is
    not Agence France-Presse), as the organisations read it (`nlp.entities.own_meaning`)."""
    name = normalize_name(ent)
    words = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
    own = own_meaning(words, name) if ent.ent_id_ else None
    return own or name


def _party_name(ent: Span) -> str | None:
    """Countries and international bodies are parties; other named bodies and places only where the
    agreement is made with them or they sign it. 'Ireland' inside 'Northern Ireland' is not Ireland."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text == "(":
        return None  # '(GLA)' repeats the name before it
    if ent.start > 0 and doc[ent.start - 1].lower_ == "northern":
        return None
    if without_article(ent.text).lower() in MONARCHS:
        return None  # 'The Shah has agreed': a title, whose realm `_bare_monarch` reads
    if names_agreement(ent.root) and ent.label_ != "GPE":
        pact = without_article(ent.text)
        alliance = PACT_ALLIANCES.get(pact)
        if alliance is not None and (_is_counterpart(ent) or _signs(ent) or _acts(ent)):
            return alliance  # 'a new agreement with the Warsaw Pact': the alliance the pact made
        if _members_of(ent):  # 'the nations of the Warsaw Pact': the alliance its members make
            return alliance or pact
        return None  # 'The Convention ... signed', 'Convention of Extradition': an agreement, not its party
    if ent.label_ == "NORP":
        return _demonym_party(ent) or _people_acting(ent)
    if ent.label_ == "PERSON":  # 'President Thieu has accepted our proposal', 'Putin suspended the treaty'
        if not (_is_counterpart(ent) or _signs(ent) or _acts(ent)):
            return None
        return _persons_country(ent) or (HOME if _signs(ent) and _home_official(ent) else None)
    name = _unit_place(_joined_name(ent) or _compass_name(ent) or without_article(_text_meaning(ent)))
    if known_as(name) != name:
        return known_as(name)
    described = _described_bloc(name, doc)
    if described is not None:  # 'the Alliance' in a text that names NATO
        return described
    if ent.label_ in ("ORG", "FAC") and name in SEATS_OF_GOVERNMENT and (_is_counterpart(ent) or _acts(ent)):
        return seat_country(name, doc)  # 'the Kremlin has agreed to negotiate'
    if ruled_country(name) is not None:  # 'a convention with the Emperor of Japan'
        return ruled_country(name)
    if ent.label_ == "ORG" and (state := own_state(name, home=publisher_of(doc))) is not None:
        return state.name  # 'the Commonwealth has signed' in Australia's release, 'the Crown' in a realm's
    if ent.label_ == "ORG" and _GOVERNMENT_BODY.match(name):
        governing = _government_body_party(ent, name)
        if governing is not None:
            return governing
    if ent.label_ == "ORG" and (_GOVERNMENT_OF.match(name) or _NAMED_GOVERNMENT.match(name)):
        governing = _government_party(name, ent.doc)
        if governing is not None or _GOVERNMENT_OF.match(name):
            return governing or _regional_government(ent, name)
    if name in DEVOLVED_GOVERNMENTS and ent.label_ in ("GPE", "ORG", "LOC") and _is_counterpart(ent):
        return DEVOLVED_GOVERNMENTS[name]  # 'the St David's Day agreement for Wales'
    if ent.label_ == "GPE":
        if country(name) is not None or _former_state_of_the_past(name):
            return name
        if (
            name in SEATS_OF_GOVERNMENT
            and (_is_counterpart(ent) or _acts(ent) or _signs(ent))
            and not _as_a_unit(ent)
        ):
            return seat_country(name, ent.doc)  # not 'with the city of Seoul': the city's own government
        return name if _is_counterpart(ent) or _signs(ent) else None  # 'Ontario and Michigan signed'
    if ent.label_ in ("LOC", "FAC") and ent.root.lemma_.lower() in _PLACE_BODY_HEADS and _signs_or_with(ent):
        return name  # 'an MoU between the Kenya Ports Authority and the Port of Rotterdam'
    if ent.label_ == "ORG":
        if international_body(name) is not None:
            return name
        if name.lower() in NAMED_LEGISLATURES:  # 'the Supreme Soviet', 'the Knesset'
            return NAMED_LEGISLATURES[name.lower()]
        if _HOUSES.match(name):
            return _owning_country(ent) or _legislature_party(name)
        if _is_counterpart(ent) or _signs(ent):
            return name
    return None


# A body the recogniser took for a place by its name: 'the Port of Rotterdam', 'the Suez Canal Authority'.
_PLACE_BODY_HEADS = ORGANISATION_HEADS | {"port"}


def _signs_or_with(ent: Span) -> bool:
    """The subject of signing, or a name after 'with' or 'between' (not 'for', which may name a place an
    agreement serves)."""
    first = first_conjunct(ent.root)
    return _signs(ent) or (_is_counterpart(ent) and first.dep_ == "pobj" and first.head.lower_ != "for")


def _described_bloc(name: str, doc: Doc) -> str | None:
    """'the Atlantic Alliance' → NATO; 'the Alliance' → NATO only in a text that names NATO, 'the Commission'
    the EU only on its page or beside 'European Commission' (`DESCRIBED_BLOCS`)."""
    found = DESCRIBED_BLOCS.get(name)
    if found is None:
        return None
    mentions, bloc = found
    publisher = publisher_of(doc)
    return bloc if not mentions or publisher == bloc or any(m in doc.text for m in mentions) else None


def seat_country(seat: str, doc: Doc) -> str | None:
    """The country whose government a seat of government names: 'Peking' → China; 'Moscow' → the Soviet
    Union in a text that names it ('Soviet'), Russia otherwise."""
    former = FORMER_SEATS.get(seat)
    if former is not None and former[0] in doc.text:
        return former[1]
    return SEATS_OF_GOVERNMENT.get(seat)


def _members_of(ent: Span) -> bool:
    """'with the nations of the Warsaw Pact', 'the members of the Rio Treaty': a pact named as what its
    members belong to, on the other side of an agreement or acting on one ('The nations of the Warsaw Pact have
    agreed to negotiate')."""
    root = ent.root
    group = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return (
        group is not None
        and group.lemma_.lower() in ("nation", "member", "country", "state", "signatory")
        and (
            (group.dep_ == "pobj" and group.head.lower_ in {"with"} | ALL_SIDES)
            or (group.dep_ in ("nsubj", "nsubjpass") and _acts(group.doc[group.i : group.i + 1]))
        )
    )


def _compass_name(ent: Span) -> str | None:
    """'North' + 'Vietnam' where the recogniser left the compass point out: the state both words name."""
    doc = ent.doc
    if ent.label_ != "GPE" or ent.start == 0 or doc[ent.start - 1].text not in COMPASS_POINTS:
        return None
    whole = f"{doc[ent.start - 1].text} {without_article(ent.text)}"
    found = country(whole)
    return found.name if found else whole if _former_state_of_the_past(whole) else None


def _joined_name(ent: Span) -> str | None:
    """'the Republic of' + 'China', 'Republic of the' + 'Philippines': where the recogniser cut a name at its
    'of', the whole name."""
    doc = ent.doc
    words = [t.lower_ for t in doc[max(ent.start, ent.end - 2) : ent.end]]
    if (
        "of" not in words
        or words[-1] not in ("of", "the")
        or ent.end >= len(doc)
        or doc[ent.end].ent_iob_ != "B"
    ):
        return None
    after = next(e for e in doc.ents if e.start == ent.end)
    return without_article(doc[ent.start : after.end].text)


_GOVERNMENT_BODY = re.compile(
    r"^(?:(?P<whose>.+?)(?:'s|’s)?\s+)?(?P<head>" + "|".join(sorted(GOVERNMENT_BODY_HEADS)) + r")\b"
    r"(?:\s+(?:of|for)\s+(?P<what>.+))?$",
    re.I,
)


def _government_body_party(ent: Span, name: str) -> str | None:
    """'the Ministry of Power', 'Japan's Ministry of Foreign Affairs', 'the European Commission', 'the Foreign
    Office': a body that is a government acts as its country, the one the tables put it under, or that its
    name or its possessor names, else the announcing government where it is a ministry or department of none
    named. ('Network Rail', the 'Greater London Authority' or the 'Welsh Government' are bodies of their own.)"""
    match = _GOVERNMENT_BODY.match(name)
    assert match is not None
    publishers = _publishers_own(ent, match)
    if publishers is not None:
        return publishers
    owners = {body.country for body in candidates(name)}
    if public_body(name, countries=document_countries(ent.doc)) is None:
        owners = set()  # 'Treasury' on a Kenyan page: one word names a body only among the text's countries
    if len(owners) == 1:  # a commission acts for a government only as the European Commission does
        owner = owners.pop()
        acts = match["head"].lower() != "commission" or international_body(owner) is not None
        return owner if acts and (country(owner) or international_body(owner)) else None
    whose, what = match["whose"] or "", match["what"] or ""
    named = [
        found
        for found in (
            nationality(whose) or _resolved(whose),
            _resolved(without_article(what.rsplit(" of ", 1)[-1])) if what else None,
            *(_resolved(c.text) for c in ent.root.children if c.dep_ == "poss"),
        )
        if found is not None
    ]
    if named:
        return named[0]
    return HOME if match["head"].lower() in _HOME_BODY_HEADS and not whose else None


# Heads of a body that, named without a country, is the announcing government's ('the Ministry of Power').
_HOME_BODY_HEADS = frozenset({"ministry", "department", "treasury"})


def _publishers_own(ent: Span, match: re.Match[str]) -> str | None:
    """'The National Treasury signed' on Kenya's site, 'the Department of Energy' on the Philippines': a
    ministry, department or treasury whose name says no country, in a government's own release, is that
    government's, whichever other country's tables hold a body of the same name."""
    publisher: str | None = publisher_of(ent.doc)
    if publisher is None or country(publisher) is None:
        return None
    if match["head"].lower() not in _HOME_BODY_HEADS:
        return None
    whose, what = match["whose"] or "", match["what"] or ""
    named = [whose, what.rsplit(" of ", 1)[-1], *(c.text for c in ent.root.children if c.dep_ == "poss")]
    return None if any(nationality(w) or _resolved(without_article(w)) for w in named if w) else publisher


def _home_official(person: Span) -> bool:
    """'Secretary Rubio and Australia signed' on the State Department's site: an office holder the text gives
    no country signs for the publishing government, as releases name their own ministers bare and others'
    with their country ('Australian Foreign Minister Penny Wong')."""
    doc = person.doc
    return any(t.lower_ in _CABINET_TITLES for t in doc[max(0, person.start - 4) : person.start])


_CABINET_TITLES = frozenset("secretary minister ambassador commissioner".split())


def _persons_country(person: Span) -> str | None:
    """'... with General Secretary Brezhnev' where the text says elsewhere 'Soviet leader Leonid Brezhnev',
    'President Sadat of Egypt' or "Egypt's President Sadat": the country the person acts for, as the text
    names it with any mention of the same surname; where it never does, the country of a leader the table
    knows ('General Secretary Gorbachev and I signed'), else None."""
    doc = person.doc
    surname = person[-1].text
    for mention in (e for e in doc.ents if e.label_ == "PERSON" and e[-1].text == surname):
        before = doc[max(0, mention.start - 4) : mention.start]
        for token in reversed(before):
            if token.pos_ not in ("PROPN", "ADJ", "NOUN", "PART") or token.text in DASHES:
                break
            found = nationality(token.text) or (
                known_as(token.text) if country(token.text) and token.nbor().tag_ == "POS" else None
            )
            if found is not None:
                return found
        after = doc[mention.end : mention.end + 4]
        if len(after) >= 2 and after[0].lower_ == "of":
            found_after = next(
                (e for e in doc.ents if e.start == after[0].i + 1 or e.start == after[0].i + 2), None
            )
            if found_after is not None and country(without_article(found_after.text)):
                return known_as(without_article(normalize_name(found_after)))
    # a surname under a title ('President Xi'), not a full name the table lacks ('Prime Minister Lawrence Wong'
    # is no Penny Wong)
    titled = len(person) == 1 and person.start > 0 and doc[person.start - 1].lower_ in HEAD_TITLES
    return leaders_country(person.text) or (titled_leaders_country(surname) if titled else None)


def _body_name(body: Span) -> str | None:
    """A body named after its country ('the Japan International Cooperation Agency') is a party where it signs
    or the agreement is made with it, as other named bodies are."""
    if not (_is_counterpart(body) or _signs(body)):
        return None
    name = _unit_place(without_article(body.text))
    governing = _government_body_party(body, name) if _GOVERNMENT_BODY.match(name) else None
    return governing or name  # 'the Foreign Ministry of Colombia' signs for Colombia


def _in_dateline(ent: Span) -> bool:
    """'DUBAI, United Arab Emirates — Dubai's carrier ...', 'LONDON (Reuters) -': where the report was
    filed, not a party."""
    sent = ent.sent
    head = sent.doc[sent.start : min(sent.end, sent.start + 8)]
    dash = next((t.i for t in head if t.text in ("—", "–", "-", "--")), None)
    return (
        dash is not None
        and ent.end <= dash
        and all(t.pos_ in ("PROPN", "PUNCT") or t.is_upper for t in sent.doc[sent.start : dash])
    )


def _is_purpose(child: Token) -> bool:
    """'to buy Boeing jets', 'for US troops to leave': a clause saying what an agreement is for (not
    'the deal the EU has struck', which says who made it)."""
    if child.dep_ in ("acl", "relcl", "advcl"):
        return child.lemma_.lower() not in _MAKES_ONE
    return child.dep_ == "prep" and child.lower_ == "for" and any(t.pos_ == "VERB" for t in child.subtree)


def _sells(ent: Span, anchor: Token) -> bool:
    """'a deal to purchase 30 of Boeing's jets', 'a deal to buy 20 aircraft from Airbus': the body a deal to
    buy is made with, the seller."""
    root = ent.root
    verb = clause_verb(anchor) if is_noun(anchor) else None
    purposes = [*anchor.rights, *(c for c in (verb.rights if verb is not None else ()) if c.dep_ == "advcl")]
    for child in (c for c in purposes if _is_purpose(c)):
        if child.lemma_.lower() not in BUYING_VERBS or root.i not in {t.i for t in child.subtree}:
            continue
        if root.dep_ == "pobj" and root.head.lower_ == "from":
            return True
        if root.dep_ == "poss" and ent.label_ == "ORG":
            return True
    return False


def _in_purpose(ent: Span, anchor: Token) -> bool:
    """'an agreement for US troops to begin leaving Afghanistan', 'a deal to buy Boeing jets': names in what
    the agreement is for are not its parties, unless it is made with them."""
    if not is_noun(anchor) or _sells(ent, anchor):
        return False
    return any(
        _is_purpose(child)
        and ent.root.i in {t.i for t in child.subtree}
        and not any(a.lower_ in {"with"} | ALL_SIDES for a in ent.root.ancestors if a.i > child.i)
        for child in anchor.rights
    )


def _affiliation(ent: Span) -> bool:
    """'Derek Scissors, a China scholar with the American Enterprise Institute': where a person works (not
    the country a leader leads: 'President Sadat of Egypt')."""
    if _leader_of(ent):
        return False
    first = first_conjunct(ent.root)
    if first.dep_ != "pobj" or first.head.lower_ not in ("with", "at", "of", "from"):
        return False
    holder = first.head.head
    return holder.ent_type_ == "PERSON" or (holder.dep_ == "appos" and holder.head.ent_type_ == "PERSON")


def _excluded(ent: Span) -> bool:
    """'Russia's invasion of Ukraine', 'a meeting in Hungary': names that are not parties."""
    root = ent.root
    if _in_dateline(ent) or _affiliation(ent) or _a_programme(ent):
        return True
    if len(ent) == 1 and root.tag_ == "NNPS" and _group_noun(root) in GROUP_REFERENCES:
        return True  # 'The Ministers agreed', 'the Leaders': officials named before, not a body
    if (
        root.dep_ == "poss"
        and root.head.lemma_.lower() not in AGREEMENT_NOUNS | PARTY_GROUP_NOUNS | SIDES_ACTS
    ) or _owns_a_named_body(root):
        return True
    if (
        root.dep_ in ("compound", "nmod")
        and _modifies_a_thing(root.head)
        and root.head.lemma_.lower() not in NEGOTIATING
    ):
        # 'the U.S. plane-maker', 'US troops': what belongs to a country is no party; 'the Iran negotiations',
        # 'to open with Brazil negotiations for a treaty' (so parsed) are talks with it
        return True
    if root.dep_ == "compound" and root.head.dep_ == "pobj" and root.head.head.lower_ in PLACE_PREPOSITIONS:
        return True  # 'Our Ambassador in Mexico City': a place named after a country
    first = first_conjunct(root)
    if any(
        t.dep_ == "conj" and names_agreement(t.head) and is_noun(t.head) and not names_agreement(t)
        for t in (root, *root.ancestors)
    ):
        return True  # 'with a Mexican free trade agreement and our Enterprise for the Americas Initiative'
    if first.dep_ == "pobj" and first.head.lower_ in OPPOSING_PREPOSITIONS:
        return True  # 'an alliance with Britain against Nazi Germany'
    if _beside_the_sides(root):
        return True  # 'With our NATO allies, we will negotiate with the Soviet Union'
    if first.dep_ == "pobj" and first.head.lower_ in NON_PARTY_PREPOSITIONS:
        # 'officials from Japan and Australia signed': those who act for a country, from it
        actors = first.head.head
        return not (
            first.head.lower_ == "from"
            and (PARTY_GROUP_NOUNS & {actors.lemma_.lower(), actors.lower_} or _acts_for_a_country(actors))
        )
    if first.dep_ == "pobj" and first.head.lower_ == "of":  # 'of the United States and the Soviet Union'
        if first.i != root.i and first.head.ent_type_ == "GPE":
            return False  # 'The Republic of Korea and Japan have ...', parsed as 'of Korea and Japan'
        governor = first.head.head
        if governor.lemma_.lower() in _UNITS:
            return False  # 'the province of Buenos Aires', 'with the city of Seoul': the place is the unit
        if governor.lower_ == "part" and governor.head.lower_ == "on":
            return False  # 'ratified on the part of Great Britain'
        if governor.lower_ in EACH_OF and governor.dep_ == "pobj" and governor.head.lower_ in ("with", "for"):
            return False  # 'an agreement with each of Uganda and Tanzania'
        if governor.lower_ == "those" and governor.dep_ == "conj" and _acts_for_a_country(governor.head):
            return False  # 'our negotiators and those of the Soviet Union': those who act for it
        return governor.lemma_.lower() not in AGREEMENT_NOUNS | PARTY_GROUP_NOUNS and not _leader_of(ent)
    return False


# 'for the Metro Manila Subway Project': what an agreement pays for or runs is no side of it.
_PROGRAMME_HEADS = frozenset("project programme program scheme initiative plan strategy".split())


def _a_programme(ent: Span) -> bool:
    """'a loan agreement with JICA for the Metro Manila Subway Project': a project, programme or scheme the
    recogniser took for a body is no party (it is what the agreement is for)."""
    return ent.label_ == "ORG" and ent.root.lemma_.lower() in _PROGRAMME_HEADS and not is_plural(ent.root)


# 'the World Bank Country Director, Pierre Laporte': a title after a body's name, no co-signer of its own.
_TITLES_AFTER_A_BODY = frozenset(
    "director manager representative president chairman chairperson secretary minister ambassador governor "
    "commissioner officer spokesman spokesperson coordinator ceo".split()
)


def _owns_a_named_body(root: Token) -> bool:
    """ "Japan's Tokyo Metropolitan Government", "Morocco's OCP Group", "Japan's Aichi Prefecture": the country
    whose body or region is named after it is no side of its own (the body or region is; a ministry it owns acts
    for it and is read as the country)."""
    if root.dep_ != "poss":
        return False
    head = root.head
    if head.lemma_.lower() in _UNITS and any(c.dep_ == "compound" and c.ent_type_ for c in head.children):
        return True  # "Brazil's Minas Gerais state", "Japan's Aichi Prefecture"
    if head.ent_iob_ == "O":
        return False
    body = next((e for e in root.doc.ents if e.start <= head.i < e.end), None)
    return body is not None and body.label_ == "ORG" and body.start > root.i and len(body) >= 2


def _beside_the_sides(root: Token) -> bool:
    """Those a clause's sides act beside, not with, where the clause names whom they deal with: 'together with
    Britain, we will open negotiations with the Soviet Union', 'With our NATO allies, we will seek an agreement
    with ...' (allies before the clause's subject). A country alone before the subject ('With Mexico, we have
    concluded an agreement'), those beside the speaker where no one else is ('Together with Mexico and
    Canada we have completed a free trade agreement'), and a country beside the maker of an agreement already
    made ('Alongside Japan, the United States signed ... with Kenya') are sides."""
    allies = root.head if root.dep_ == "compound" and root.head.lower_ in ALLY_NOUNS else root
    first = first_conjunct(allies)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in BESIDE_PREPOSITIONS:
        return False
    verb = prep.head
    if not any(t.lower_ == "with" and t.i > prep.i for t in verb.subtree):
        return False
    if allies.lower_ not in ALLY_NOUNS and _made(verb):
        return False  # 'Together with France, Germany signed an agreement with Morocco': France signed too
    if prep.i > 0 and prep.doc[prep.i - 1].lower_ in BESIDE_ADVERBS:
        return True
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    before_subject = bool(subjects) and prep.i < subjects[0]
    return before_subject and (allies.lower_ in ALLY_NOUNS or prep.lower_ == "alongside")


def _made(verb: Token) -> bool:
    """A verb that says the deed is done ('signed', 'have concluded'), not one still to come ('will open')."""
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _modifies_a_thing(head: Token) -> bool:
    """A common noun that a country's name only describes: not an agreement, a government, those who act for
    it, a side or its people."""
    return (
        head.pos_ == "NOUN"
        and not names_agreement(head)
        and head.lemma_.lower() not in PARTY_GROUP_NOUNS | {"side", "sides"}
        and not _acts_for_a_country(head)
        and not (is_noun(head) and names_agreement(head))
    )


def _leader_of(ent: Span) -> bool:
    """'President Sadat of Egypt', 'General Secretary Gorbachev of the Soviet Union': the country a person
    leads or serves, who acts for it."""
    holder = ent.root.head.head if ent.root.head.lower_ == "of" else None
    return (
        holder is not None
        and country(without_article(ent.text)) is not None
        and (holder.ent_type_ == "PERSON" or _acts_for_a_country(holder))
    )


_OWN_SIDE = frozenset({"with", "for"}) | ALL_SIDES


def own_other_side(noun: Token) -> set[int]:
    """The tokens in which an agreement noun names its own other side: 'a deal *with Cornwall*', 'the City
    Deals *for Cardiff, Aberdeen and Inverness*'."""
    return {t.i for c in _side_phrases(noun) for t in c.subtree}


def _unrecognised_counterparts(anchor: Token) -> list[tuple[str, int]]:
    """'the City Deals for Cardiff, Aberdeen and Inverness' where the recogniser left a place untagged or took
    it for a person: proper nouns right after the agreement noun's 'with', 'for' or 'between' ('DP World'), one
    word where the recogniser took it for a person ('General Secretary Brezhnev' is a person)."""
    names: list[tuple[str, int]] = []
    for prep in _side_phrases(anchor):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for token in (obj, *obj.conjuncts):
                untagged = token.ent_type_ == "" or (
                    token.ent_type_ == "PERSON"
                    and token.ent_iob_ == "B"
                    and (token.i + 1 >= len(token.doc) or token.nbor().ent_iob_ != "I")
                )
                words = [c for c in token.lefts if c.dep_ == "compound" and not token.ent_type_]
                if (
                    token.pos_ == "PROPN"
                    and untagged
                    and token.is_title
                    and token.lemma_.lower() not in _PROGRAMME_HEADS  # 'for the Accra Sanitation Project'
                    and all(
                        w.pos_ == "PROPN" and (w.is_title or w.is_upper) and not w.ent_type_ for w in words
                    )
                    and not (token.ent_type_ and any(c.dep_ == "compound" for c in token.lefts))
                ):
                    written = token.doc[_name_start(token, words) : token.i + 1].text
                    names.append((_ruler_named(token) or written, token.i))
    return names


def _unrecognised_signers(anchor: Token) -> list[tuple[str, int]]:
    """'Safaricom signed an MoU with ...', 'Dangote Cement signed a deal with ...': a bare proper noun the
    recogniser left untagged, the subject of signing the agreement, is a side; not a title ('Minister'), not a
    body named with 'the' ('the Government', 'the Ministry'), not a surname the text gives a person."""
    verb = anchor.head if anchor.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in SIGNING_VERBS or acting_for(anchor):
        return []  # 'Mudavadi signed the agreement on behalf of Kenya': a person signs for a party
    doc = anchor.doc
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    titles = HEAD_TITLES | _CABINET_TITLES | _TITLES_AFTER_A_BODY
    names: list[tuple[str, int]] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for token in (subject, *subject.conjuncts):
            words = [c for c in token.lefts if c.dep_ == "compound"]
            if (
                token.pos_ != "PROPN"
                or token.ent_type_
                or not (
                    token.is_title or (token.is_upper and len(token) >= 2)
                )  # 'COMESA and the AfDB signed'
                or any(c.dep_ in ("det", "poss", "appos") for c in token.children)
                or token.lower_ in titles
                or token.lower_ in surnames
                or not all(
                    w.pos_ == "PROPN" and (w.is_title or w.is_upper) and not w.ent_type_ for w in words
                )
                or any(w.lower_ in titles for w in words)
            ):
                continue
            name = doc[_name_start(token, words) : token.i + 1].text
            if name not in SEATS_OF_GOVERNMENT and _resolved(name) is None:  # 'Kyiv and Warsaw signed'
                names.append((name, token.i))
    return names


def _name_start(token: Token, words: list[Token]) -> int:
    """Where an untagged name ends by `token` starts: its first compound, or further left over the proper nouns
    and numbers the parse hung on them ('Nam Theun 2 Power Company'), never a possessive ("Laos's")."""
    start = words[0].i if words else token.i
    doc = token.doc
    while (
        start - 1 >= token.sent.start
        and doc[start - 1].dep_ in ("compound", "nmod", "nummod")
        and token in doc[start - 1].ancestors
        and (doc[start - 1].pos_ == "NUM" or (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title))
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    return start


def parties_in(anchor: Token, *, exclude: frozenset[int] = frozenset()) -> tuple[list[str], list[str]]:
    """The leading parties and the counterparts ('with ...') that the anchor's clause names, leaving out the
    tokens in `exclude` (where another agreement in the sentence names its own other side). Where the
    agreement's own 'between' names two sides or more, they are all its sides: who welcomes, witnesses or
    announces it is none ('the United States welcomes the agreement between Armenia and Azerbaijan'). What
    a clause says of something else names no side (`_said_of_something_else`) where the agreement has a side
    besides the speaker's without it; where it has none, a country named there is the best reading ('any deal
    we agree to must be based on action that convinces us that Iran is not building a bomb')."""
    scope = _clause_scope(anchor) - exclude - _what_is_agreed(anchor) - _hosting(anchor)
    aside = _said_of_something_else(anchor) | _what_it_is_about(anchor)
    if aside & scope:
        leads, counterparts = _parties_in_scope(anchor, scope - aside)
        if set(leads + counterparts) - own_side(anchor.doc):
            return leads, counterparts
    return _parties_in_scope(anchor, scope)


# Who hosts, chairs, mediates or brokers the making of an agreement is no side of it.
_HOSTING = frozenset("host chair mediate broker facilitate".split())


def _hosting(anchor: Token) -> set[int]:
    """'The agreement was reached at a meeting in Kuala Lumpur hosted by Malaysian Prime Minister Anwar
    Ibrahim, who chairs ASEAN this year', 'a truce brokered by Qatar': the tokens of a relative clause or
    participle of hosting, which name no side even where the clause names none (as other asides may: `parties_in`),
    but for a side it names with 'with' or 'between' ('talks hosted by Oman between Iran and the US')."""
    dropped: set[int] = set()
    for verb in anchor.sent:
        if verb.i == anchor.i or verb.lemma_.lower() not in _HOSTING:
            continue
        if _hosts_talks_between(verb):  # 'Oman hosted talks between Iran and the United States on a deal'
            dropped |= {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
            continue
        aside = _aside(verb)
        if aside is None or anchor.i in aside[1]:
            continue
        tokens = set(aside[1])
        for side in (t for t in verb.subtree if t.lower_ == "with" or t.lower_ in ALL_SIDES):
            tokens -= {t.i for t in side.subtree}
        dropped |= tokens
    return dropped


def _hosts_talks_between(verb: Token) -> bool:
    """'Oman hosted talks between Iran and the United States': the talks the verb hosts name their sides."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in NEGOTIATING
        and any(p.lower_ in ALL_SIDES for p in c.children)
        for c in verb.children
    )


def _parties_in_scope(anchor: Token, scope: set[int]) -> tuple[list[str], list[str]]:
    between = {t.i for p in _side_phrases(anchor) if p.lower_ in ALL_SIDES for t in p.subtree}
    between |= _made_by(anchor)
    if between:
        between |= _on_the_part_of(anchor, scope)
        leads, counterparts = _parties_within(anchor, scope & between)
        if len(leads) + len(counterparts) >= 2:
            return leads, counterparts
    return _parties_within(anchor, scope)


def _made_by(anchor: Token) -> set[int]:
    """'the ceasefire agreed by Armenia and Azerbaijan', 'a treaty signed by Egypt and Israel': the tokens of
    a participle's 'by' that names two makers or more, all the agreement's sides (who welcomes it is none)."""
    if not is_noun(anchor):
        return set()
    verbs = [c for c in anchor.children if c.dep_ == "acl"]
    if anchor.dep_ in ("nsubj", "nsubjpass"):  # the parse may make the noun the subject of 'agreed by'
        verbs.append(anchor.head)
    return {
        t.i
        for participle in verbs
        if participle.lemma_.lower() in _MAKES_ONE
        for agent in participle.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj" and obj.conjuncts
        for t in agent.subtree
    }


def _what_is_agreed(anchor: Token) -> set[int]:
    """'Mr. Khrushchev and I agreed to support a neutral and independent Laos', 'agreed to send a mission to
    Tonga': the tokens of what the sides agree to do, whose places and countries are no sides; except the
    other side of an agreement or talks that clause makes ('agreed to sign a trade treaty with Korea',
    'agreed to open negotiations with Chile'), and the speaker's government ('has agreed to join us')."""
    if anchor.lemma_.lower() != "agree" or anchor.pos_ not in ("VERB", "AUX"):
        return set()
    makers = SIGNING_VERBS | NEGOTIATING | STANCE_VERBS
    done: set[int] = set()
    for clause in (c for c in anchor.children if c.dep_ == "xcomp" and c.lemma_.lower() not in makers):
        done |= {t.i for t in clause.subtree}
        for prep in (t for t in clause.subtree if t.lower_ in {"with"} | ALL_SIDES):
            if prep.head.lemma_.lower() in makers or names_agreement(prep.head):
                done -= {t.i for t in prep.subtree}
        done -= {t.i for t in clause.subtree if t.lower_ in OUR_SIDE}  # 'has agreed to join us in a ban'
    return done


# what the sides do to an agreement: a clause saying one of these of it may name a side ('..., and Britain
# acceded to it', 'and Canada joined it')
_MAKING = SIGNING_VERBS | NEGOTIATING | STANCE_VERBS | SUSPENDING_VERBS | ENDING_VERBS | JOINING_VERBS

_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _said_of_something_else(anchor: Token) -> set[int]:
    """'the treaty with Panama, which Colombia had long opposed', 'with Chile, whose exports go to China', 'at
    a ceremony hosted by Poland', 'a pact with Papua New Guinea, a move seen as countering China', '..., and
    Israel has welcomed it': a relative clause, a participle or a clause joined by 'and' with a subject of its
    own, that does not make, negotiate, seek, suspend or end an agreement, says something else of it or of
    another thing: the countries it names are no sides. On the agreement noun itself only its subject is
    dropped ('the treaty, which Israel has welcomed'; not 'the treaty which binds us to Australia'), and a
    participle on those who act for a country keeps them ('delegates representing Japan signed')."""
    dropped: set[int] = set()
    for verb in anchor.sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.i == anchor.i or verb.lemma_.lower() in _MAKING:
            continue
        aside = _aside(verb)
        if aside is None:
            continue
        holder, tokens = aside
        if anchor.i in tokens:
            continue
        if holder is not None and holder.i == anchor.i:
            tokens = {
                t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree
            }
        dropped |= tokens
    return dropped


def _what_it_is_about(anchor: Token) -> set[int]:
    """'an agreement with Canada on salmon in the waters off Alaska and Russia', 'a memorandum of understanding
    with Ethiopia on the corridor to South Sudan', 'agreed with Israel on aid to Jordan': the tokens of what the
    agreement is about, on its noun (or the noun of its 'of': 'memorandum of understanding'), on 'agree' or on
    the verb or participle that makes it ('the agreement reached with the United Kingdom on Gibraltar'); except a side named in them ('an agreement on trade with Japan'; not 'on a rail link
    between Mumbai and Ahmedabad'), a clause in them that makes it ('the trade deal on services the EU has
    ever struck', as the parse hangs it) and 'on the part of' or 'on behalf of' a side."""
    holders = [
        anchor,
        *(o for p in anchor.rights if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"),
    ]
    verb = clause_verb(anchor)
    if verb is not None and verb.lemma_.lower() in _MAKES_ONE:
        holders.append(verb)
    # 'the agreement reached with the United Kingdom on Gibraltar': the participle that makes it holds it too
    holders += [c for c in anchor.rights if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _MAKES_ONE]
    about: set[int] = set()
    for prep in (
        c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPOSITIONS
    ):
        if any(o.lower_ in ("part", "behalf") for o in prep.children):
            continue
        about |= {t.i for t in prep.subtree}
        for side in (
            t
            for t in prep.subtree
            if t.lower_ == "with"
            or (t.lower_ in ALL_SIDES and names_agreement(t.head))
            or (t.dep_ in ("relcl", "acl") and t.lemma_.lower() in _MAKING)
        ):
            about -= {t.i for t in side.subtree}
    return about


def joining_it(anchor: Token) -> list[str]:
    """'Australia welcomed the agreement, and Tonga has since joined it', 'Iceland acceded to the treaty': the
    countries and international bodies that join or accede to the agreement a sentence points back to, as
    its sides however many it has already."""
    names: list[str] = []
    for ent in anchor.sent.ents:
        first = first_conjunct(ent.root)
        verb = first.head
        if first.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in JOINING_VERBS:
            continue
        objects = [*verb.children, *(o for p in verb.children if p.dep_ == "prep" for o in p.children)]
        if not any(o.i == anchor.i or (o.lower_ == "it" and o.dep_ in ("dobj", "pobj")) for o in objects):
            continue
        name = state_or_body(ent)
        if name is not None and name not in names:
            names.append(known_as(name))
    return names


def _aside(verb: Token) -> tuple[Token | None, set[int]] | None:
    """The noun a relative clause or participle says something of (None for a joined clause) and its tokens;
    also a relative clause after a comma that the parse did not mark as one ('The treaty with Panama, which
    Colombia had long opposed, has ...' parsed with the treaty as the subject of 'opposed')."""
    if verb.dep_ in ("relcl", "acl"):
        holder = verb.head
        if _acts_for_a_country(holder) or holder.lemma_.lower() in PARTY_GROUP_NOUNS:
            return None
        return holder, {t.i for t in verb.subtree}
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None, {t.i for t in verb.subtree}
        return None
    doc = verb.doc
    for pronoun in verb.subtree:
        if (
            pronoun.tag_ in _RELATIVE_TAGS
            and verb.left_edge.i < pronoun.i - 1
            and doc[pronoun.i - 1].text == ","
            and verb.i in (pronoun.head.i, pronoun.head.head.i)
        ):
            return doc[pronoun.i - 2], {t.i for t in verb.subtree if t.i >= pronoun.i}
    return None


def _on_the_part_of(anchor: Token, scope: set[int]) -> set[int]:
    """'has not yet been ratified on the part of Great Britain', 'signed on the part of Japan': the side
    treaty language names as acting on the agreement, one of its sides."""
    return {
        t.i
        for part in anchor.sent
        if part.i in scope and part.lower_ == "part" and part.head.lower_ == "on"
        for prep in part.children
        if prep.lower_ == "of"
        for t in prep.subtree
    }


def _parties_within(anchor: Token, scope: set[int]) -> tuple[list[str], list[str]]:
    leads: list[str] = []
    counterparts: list[str] = []
    for government in _devolved(anchor, scope):
        if government not in counterparts:
            counterparts.append(government)
    for unrecognised, at in _unrecognised_counterparts(anchor):
        if known_as(unrecognised) not in counterparts and at in scope:
            counterparts.append(known_as(unrecognised))
    for tagged in _as_the_entities_read(anchor.sent):
        ent = _whole_body(tagged) or _body_named_after(tagged) or tagged
        seller = _sells(ent, anchor)  # out of the clause's scope, in what the deal buys
        if not seller and (ent.root.i not in scope or _excluded(ent) or _in_purpose(ent, anchor)):
            continue
        if len(ent) == 1 and ent.root.lemma_.lower() in ("government", "country") and _refers_back(ent.root):
            continue  # 'a convention with that Government': the country named before (`_referred_to`)
        name = _party_name(ent) if ent is tagged else _body_name(ent)
        if seller and name is None and ent.label_ in ("ORG", "GPE"):
            name = known_as(without_article(normalize_name(ent)))
        if name is None or name in leads or name in counterparts:
            continue
        after_with = (
            seller
            or _is_counterpart(ent)
            or _names_the_other_side(ent, anchor)
            or any(a.lower_ == "with" for a in ent.root.ancestors if a.i >= anchor.sent.start)
        )
        if after_with and _names_a_plural_subject(ent, anchor):
            after_with = False
        (counterparts if after_with else leads).append(name)
        if _signs(ent):
            for cosigner in _unrecognised_cosigners(ent):
                named_country = (
                    _government_party(cosigner, anchor.doc) if _NAMED_GOVERNMENT.match(cosigner) else None
                )
                cosigner = named_country if named_country not in (None, HOME) else cosigner
                if cosigner not in leads and cosigner not in counterparts:
                    leads.append(cosigner)
    for unrecognised, at in _unrecognised_signers(anchor):
        if unrecognised not in leads and unrecognised not in counterparts and at in scope:
            leads.append(unrecognised)
    for name, after_with in [
        *_referred_to(anchor, scope),
        *_untagged_seats(anchor, scope),
        *_neighbours(anchor, scope),
    ]:
        if name not in leads and name not in counterparts:
            (counterparts if after_with else leads).append(name)
    if _our_side(anchor, scope) and HOME not in leads:
        leads.append(HOME)
    for name, after_with in _nationalities(anchor, scope):
        if name not in leads and name not in counterparts:
            (counterparts if after_with else leads).append(name)
    return leads, counterparts


def _untagged_seats(anchor: Token, scope: set[int]) -> list[tuple[str, bool]]:
    """'Kyiv and Warsaw signed an agreement' where the recogniser tagged only 'Warsaw', 'our commitments to
    SEATO' where it tagged nothing: a seat of government or a bloc's initials it left untagged, that signs or
    negotiates or is the other side, stands for its government or bloc as a tagged one does; each with whether
    it is the other side."""
    found: list[tuple[str, bool]] = []
    for token in anchor.sent:
        if (
            token.i not in scope
            or token.ent_type_
            or token.pos_ != "PROPN"
            or (token.text not in SEATS_OF_GOVERNMENT and token.text not in FORMER_BLOCS)
        ):
            continue
        with_it, acting = _side_position(token)
        if token.text in FORMER_BLOCS:
            name: str | None = FORMER_BLOCS[token.text] if with_it or acting else None
        else:
            name = seat_country(token.text, token.doc) if with_it or acting else None
        if name is not None:
            found.append((name, with_it))
    return found


def _side_position(token: Token) -> tuple[bool, bool]:
    """Whether a name the recogniser left untagged is an agreement's other side ('with Moscow', 'our
    commitments to SEATO') and whether it makes or negotiates one as a subject ('Kyiv and Warsaw signed')."""
    first = first_conjunct(token)
    with_it = first.dep_ == "pobj" and (
        first.head.lower_ == "with" or (first.head.lower_ == "to" and _offered_to(first.head))
    )
    acting = first.dep_ in ("nsubj", "nsubjpass") and first.head.lemma_.lower() in _MAKES_ONE
    return with_it, acting


def _neighbours(anchor: Token, scope: set[int]) -> list[tuple[str, bool]]:
    """'a treaty with our neighbor to the north', 'our southern neighbour and we signed': on a government's
    page, the one country that borders the speaker's on that side (`NEIGHBOURS`), where it is the other side
    or signs; 'our neighbors in the hemisphere' name no one."""
    home = publisher_of(anchor.doc)
    if not home:
        return []
    found: list[tuple[str, bool]] = []
    for token in anchor.sent:
        if token.i not in scope or token.lower_ not in NEIGHBOUR_NOUNS:
            continue
        if not any(c.dep_ == "poss" and c.lower_ == "our" for c in token.children):
            continue
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
        to = [after] if after.lower_ == "to" else []  # the parse may hang 'to the north' on the verb
        sides = [c.lower_ for c in token.children if c.dep_ == "amod"] + [
            o.lower_ for p in to for o in p.children if o.dep_ == "pobj"
        ]
        name = next((NEIGHBOURS[(home, side)] for side in sides if (home, side) in NEIGHBOURS), None)
        with_it, acting = _side_position(token)
        if name is not None and (with_it or acting):
            found.append((name, with_it))
    return found


_THAT_ONE = frozenset({"that", "the", "this"})  # 'that government', 'the latter': one named before


def _referred_to(anchor: Token, scope: set[int]) -> list[tuple[str, bool]]:
    """'negotiations with them', 'concluded with that government': a pronoun or 'that government' on an
    agreement's other side stands for the last foreign country or international body named before it, in
    its sentence or the one before; 'They also agreed', as the subject, for the two or more named together
    as the last sentence's subject. Each with whether it is the other side."""
    found: list[tuple[str, bool]] = []
    for token in anchor.sent:
        if token.i not in scope:
            continue
        side = token.dep_ == "pobj" and token.head.lower_ in {"with"} | ALL_SIDES
        pointing = token.lower_ == "them" or (
            token.lemma_.lower() in ("government", "country") and _refers_back(token)
        )
        if pointing and side:
            found += [(name, True) for name in _last_named(token)[-1:]]
        elif side and _allies_as_the_other_side(token, anchor):
            # 'NATO remains strong. We have reached agreement with our allies': the alliance named before
            blocs = [name for name in _last_named(token) if international_body(name) is not None]
            found += [(name, True) for name in blocs[-1:]]
        elif token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass") and token.i == anchor.sent.start:
            found += [(name, False) for name in _subjects_before(anchor.sent)]
        elif pointing and token.dep_ in ("nsubj", "nsubjpass") and token.lower_ != "them":
            found += [(name, False) for name in _last_named(token)[-1:]]  # 'That Government has invited'
        elif _bare_monarch(token) and token.dep_ in ("nsubj", "nsubjpass"):
            found += [(name, False) for name in _last_named(token)[-1:]]  # 'The Sultan has since agreed to'
    return found


def _bare_monarch(token: Token) -> bool:
    """'The Sultan', 'the Emperor' with no realm of its own: the sovereign of the foreign country named last
    (a country's own monarch, 'the King', is left alone)."""
    return (
        token.lower_ in FOREIGN_MONARCHS
        and token.is_title
        and not any(c.dep_ in ("prep", "compound", "amod", "poss", "appos") for c in token.children)
    )


def _allies_as_the_other_side(token: Token, anchor: Token) -> bool:
    """'agreement with our allies', 'agreed with the allies': allies the agreement or its verb is made with;
    not those the speaker acts beside ('Together with our allies, we will be negotiating with the Warsaw
    Pact', 'With our allies, we will seek ...', 'in consultation with our allies')."""
    prep = token.head
    return (
        token.lower_ in ALLY_NOUNS
        and any(c.lower_ in ("our", "the") for c in token.lefts)
        and prep.head.i in (anchor.i, getattr(clause_verb(anchor), "i", anchor.i))
        and not _beside_the_sides(token)
    )


def _refers_back(noun: Token) -> bool:
    """'that government', 'the latter country' (not 'this Government', the speaker's own)."""
    dets = [c.lower_ for c in noun.lefts if c.dep_ in ("det", "amod")]
    return bool(dets) and (dets[0] == "that" or "latter" in dets)


def _sentence_before(sent: Span) -> Span | None:
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None


def _last_named(token: Token) -> list[str]:
    """The foreign countries and international bodies named before the token, in its sentence and the one
    before, in reading order (the publisher's own country left out); where those name none, the sentence before
    them ('The Ottoman Government gave notice ... Under this notice the treaty terminated ... That Government has
    invited negotiations')."""
    sent = token.sent
    before = _sentence_before(sent)
    names = _named_before(token, [before, sent])
    if not names and before is not None:
        names = _named_before(token, [_sentence_before(before)])
    return names


def _named_before(token: Token, sents: list[Span | None]) -> list[str]:
    doc = token.doc
    home = publisher_of(doc)
    names: list[str] = []
    for ent in [e for s in sents if s is not None for e in s.ents]:
        if ent.end > token.i or ent.label_ not in ("GPE", "ORG") or _in_dateline(ent):
            continue
        written = without_article(normalize_name(ent))
        name = _resolved(written)
        if name is None and ent.label_ == "ORG" and _NAMED_GOVERNMENT.match(written):
            name = _government_party(written, doc)  # 'The Ottoman Government gave notice ... That Government'
        if name is not None and name not in (home, HOME):
            names = [n for n in names if n != name] + [name]
    return names


def _subjects_before(sent: Span) -> list[str]:
    """'India and Japan signed a memorandum. They also agreed ...': the two or more countries or
    international bodies named together as the subject of the sentence before."""
    before = _sentence_before(sent)
    if before is None:
        return []
    names: list[str] = []
    for ent in before.ents:
        first = first_conjunct(ent.root)
        name = _resolved(without_article(normalize_name(ent))) if ent.label_ in ("GPE", "ORG") else None
        if name is not None and first.dep_ in ("nsubj", "nsubjpass") and name not in names:
            names.append(name)
    return names if len(names) >= 2 else []


def _devolved(anchor: Token, scope: set[int]) -> list[str]:
    """'a revised Scottish fiscal framework': a nation of the United Kingdom on the agreement noun is its
    devolved government, the other side ('an agreement for Wales': `_party_name`)."""
    return [
        DEVOLVED_GOVERNMENTS[t.text]
        for t in anchor.sent
        if t.i in scope
        and t.text in DEVOLVED_GOVERNMENTS
        and t.dep_ in ("amod", "compound")
        and t.head.i == anchor.i
        and t.ent_type_ != "GPE"
    ]


def _our_side(anchor: Token, scope: set[int]) -> bool:
    """'The Philippine Government and ours have signed', 'the treaty between Japan and ourselves', 'the
    treaty binds us to Australia': the speaker's government, coordinated with a named side or the object of
    what the agreement does."""
    verb = clause_verb(anchor)
    for token in anchor.sent:
        speaker = token.text == "I"  # 'General Secretary Gorbachev and I signed'
        if (
            token.i not in scope
            or (token.lower_ not in OUR_SIDE and not speaker)
            or (token.is_upper and not speaker)
        ):
            continue  # ('this Government and that of India': below)
        if token.dep_ == "pobj" and token.head.lower_ in {"with"} | ALL_SIDES and not speaker:
            return True  # 'The Government of France ratified the agreement with us'
        if verb is not None and token.head.i == verb.i and token.dep_ in ("dobj", "dative"):
            if (
                verb.lemma_.lower() in JOINING_VERBS
                and anchor.dep_ == "pobj"
                and anchor.head.head.i == verb.i
            ):
                return True  # 'Our Canadian friends have joined us in a new agreement'
            return anchor.head.i == verb.i and anchor.dep_ in ("nsubj", "nsubjpass")  # what binds us
        if (
            anchor.lemma_.lower() == "agree"
            and token.dep_ in ("dobj", "dative")
            and token.head.dep_ == "xcomp"
            and token.head.head.i == anchor.i
        ):
            return True  # 'The Soviet Union has agreed to join us in a ban'
        group = [first_conjunct(token), *first_conjunct(token).conjuncts]
        named = ("GPE", "ORG", "NORP", "PERSON") if speaker else ("GPE", "ORG", "NORP")
        if len(group) > 1 and any(t.ent_type_ in named for t in group):
            return True
    if any(_our_government(t) and len(t.conjuncts) > 0 for t in anchor.sent if t.i in scope):
        return True
    return _speaker_makes_it(anchor, scope) or _our_treaty_bond(anchor)


def _our_treaty_bond(anchor: Token) -> bool:
    """'our treaty obligations to the Philippines', 'Japan, our treaty ally': what the speaker's government
    has under a treaty, said with 'treaty' as its modifier, makes it a side ('the treaty obligations of
    Chile and Peru' are theirs)."""
    bond = anchor.head
    return (
        anchor.dep_ == "compound"
        and bond.lemma_.lower() in TREATY_BONDS
        and any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in bond.children)
    )


def _speaker_makes_it(anchor: Token, scope: set[int]) -> bool:
    """'The Panama Canal treaties, which I signed with General Torrijos', 'any deal we agree to', 'our
    negotiators have reached agreement', 'we have offered Japan a new agreement': on a government's own page
    the speaker, its government or those who act for it, as the subject of making, negotiating, seeking or
    offering the agreement (in its clause or a relative
    clause on the agreement noun), is a side of it."""
    if not publisher_of(anchor.doc):
        return False  # in news, 'we' is whoever the reporter quotes
    if len(named_in_its_name(anchor)) >= 2:
        return False  # 'we will seek an outcome to the negotiation of the Canada-EU agreement': its name says its sides
    verb = clause_verb(anchor)
    makers = SIGNING_VERBS | NEGOTIATING | STANCE_VERBS  # 'I proposed to the Soviet Union a treaty'
    for token in anchor.sent:
        if token.i not in scope or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.lower_ not in ("i", "we") and not _our_government(token):
            continue
        head = token.head
        on_the_noun = head.dep_ in ("relcl", "acl") and head.head.i == anchor.i
        if head.lemma_.lower() in makers and (on_the_noun or (verb is not None and head.i == verb.i)):
            return True
    return False


def _our_government(token: Token) -> bool:
    """'this Government', 'our Government', 'my administration', 'our Nation', and those who act for it: 'our
    negotiators', 'my envoy' (the speaker's own)."""
    if token.lower_ in ("government", "administration", "nation", "country"):
        return any(c.lower_ in ("this", "our", "my") for c in token.lefts)
    return _acts_for_a_country(token) and any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in token.lefts
    )


def _nationalities(anchor: Token, scope: set[int]) -> list[tuple[str, bool]]:
    """Countries named by a nationality, whatever the recogniser made of it, each with whether it is the
    other side: on those who act for a country ('American and Soviet negotiators', 'Kazakh Foreign Minister
    Nurtleu', 'with his Fijian counterpart'), on the agreement noun, where one names its other side ('the
    Japanese peace treaty will be signed') and two name both ('the Soviet-American agreement'), and two or more
    on the forces it parts or stops ('the disengagement of Egyptian and Israeli forces'; not 'the withdrawal of
    Iraqi forces')."""
    found: list[tuple[str, bool]] = []
    on_the_noun: list[str] = []
    on_forces: list[str] = []  # 'the disengagement of Egyptian and Israeli forces'
    for token in anchor.sent:
        if (
            token.i not in scope
            or token.dep_ not in ("amod", "compound", "nmod", "conj")
            or country(token.text)
        ):
            continue
        name = nationality(token.text)
        holder = _nationality_holder(token) if name is not None else None
        if name is not None and holder is None and _on_forces(token):
            on_forces.append(name)
        if name is None or holder is None:
            continue
        if names_agreement(holder):
            if holder.i == anchor.i and name not in on_the_noun:
                on_the_noun.append(name)
            continue
        found.append((name, any(a.lower_ == "with" for a in token.ancestors)))
    if len(dict.fromkeys(on_forces)) >= 2:
        found += [(name, False) for name in dict.fromkeys(on_forces)]
    if len(on_the_noun) >= 2:
        found += [(name, False) for name in on_the_noun]
    elif on_the_noun:  # 'a Mexican free trade agreement'
        found.append((on_the_noun[0], True))
    return found


def _on_forces(token: Token) -> bool:
    """'Egyptian and Israeli military forces', 'Indian and Pakistani troops': a nationality on the armed forces
    an agreement parts or stops (two or more of them are its sides)."""
    head = first_conjunct(token).head
    for _ in range(2):
        if head.lemma_.lower() in FORCE_NOUNS:
            return True
        if head.dep_ not in ("amod", "compound"):
            break
        head = head.head
    return False


def _names_a_plural_subject(ent: Span, anchor: Token) -> bool:
    """'the only two Arab states to have signed peace treaties with Israel – Egypt and Jordan – ...': names
    set off by a dash after the other side are the unnamed plural subject ('states'), not more of the
    other side. The parser often hangs them under the 'with' phrase."""
    verb = clause_verb(anchor)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ != "NNS" or subjects[0].ent_type_ in ("GPE", "ORG", "NORP"):
        return False
    doc = ent.doc
    before = doc[max(anchor.i, subjects[0].i) + 1 : ent.start]
    dashes = [t for t in before if t.text in DASHES and not t.ent_type_]  # not 'Austria-Hungary''s own
    return (
        len(dashes) == 1
        and doc[dashes[0].i + 1].ent_type_ in ("GPE", "ORG")
        and any(t.lower_ == "with" for t in before if t.i < dashes[0].i)
        and any(t.ent_type_ in ("GPE", "ORG") for t in before if t.i < dashes[0].i)
    )


def _named_on(token: Token) -> int:
    """The noun a name in front of it belongs to, through the proper nouns of a longer name: 'the *Panama*
    Canal treaties' names the treaties, as 'the Rwanda deal' names the deal."""
    head = token.head
    while head.dep_ in ("compound", "nmod") and head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    return head.i


def _names_the_other_side(ent: Span, anchor: Token) -> bool:
    """'scrapped the Rwanda deal', 'the Panama Canal treaties': one country at the head of the agreement's
    name is the other side; two ('the UK-India agreement') are both sides."""
    if ent.label_ != "GPE" or ent.root.dep_ not in ("compound", "nmod") or not is_noun(anchor):
        return False
    if _named_on(ent.root) != anchor.i:
        return False
    before_anchor = [
        e for e in anchor.sent.ents if e.label_ in ("GPE", "ORG") and _named_on(e.root) == anchor.i
    ]
    # only where the clause says what became of it: 'if we take the Canada deal as a guide' names no side
    return len(before_anchor) == 1 and status_for(anchor) != "unknown"


def _unrecognised_cosigners(ent: Span) -> list[str]:
    """'Network Rail and First MTR have signed': a proper-noun conjunct the recogniser left unlabelled signs too."""
    doc = ent.doc
    names: list[str] = []
    for conj in ent.root.conjuncts:
        if conj.pos_ != "PROPN" or conj.ent_type_ or conj.i < ent.root.i or _our_government(conj):
            continue
        if (
            conj.lower_ in HEAD_TITLES | _CABINET_TITLES | _TITLES_AFTER_A_BODY
            or (conj.i + 1 < len(doc) and doc[conj.i + 1].ent_type_ == "PERSON")
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in conj.children)
        ):
            continue  # 'Foreign Minister' of 'Foreign Minister Wong of Australia', 'the World Bank Country
            # Director, Pierre Laporte': a title, its holder named
        start = conj.left_edge.i
        while doc[start].pos_ not in ("PROPN",) and start < conj.i:
            start += 1
        names.append(doc[start : conj.i + 1].text)
    return names


_JOINED = re.compile(r"\s*[-–—]\s*")


_FORMAL_NAME = re.compile(
    r"^(?:the\s+)?(?:(?:Islamic|Federal|Federative|Hashemite|Socialist|Arab|Bolivarian|Democratic|People's|United)"
    r"\s+)?(?:Republic|Kingdom|State|Commonwealth|Sultanate|Principality|Emirate)\s+of\s+(?:the\s+)?(?P<rest>.+)$"
)


# 'the Mexican Republic', 'the Argentine Republic', 'the Chinese Empire': a state named by its people's adjective
_STATE_OF_A_PEOPLE = re.compile(
    r"^(?:the\s+)?(?P<people>[A-Z][\w-]+)\s+(?:Republic|Empire|Kingdom|Confederation)$"
)
# 'the Mexican Republic of the 11th of April, 1839', 'Venezuela of December 5, 1885': the date of the treaty the
# recogniser read into its side's name
_DATED = re.compile(
    r"^(?P<name>.+?),?\s+of\s+(?:the\s+)?(?:\d|(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)"
)


def known_as(name: str) -> str:
    """The name a party is known by now: 'Rumania' → Romania, 'the Republic of China' → Taiwan, 'the Republic
    of the Philippines' → Philippines (a formal name the gazetteer lacks: 'the Democratic Republic of the
    Congo' is its own), 'the Mexican Republic' → Mexico (a people's adjective the demonyms know: 'the Ottoman
    Empire' stays itself); a treaty's date read into a country's name is no part of it ('the Mexican Republic of
    the 11th of April, 1839')."""
    if name in PARTY_NAMES or name in FORMER_NAMES or name in FORMER_BLOCS:
        return PARTY_NAMES.get(name) or FORMER_NAMES.get(name) or FORMER_BLOCS[name]
    if country(name) is not None:
        return name
    state = former_state(name)
    if state is not None:  # 'the Sublime Porte' → Ottoman Empire, 'the Kingdom of Bavaria' → Bavaria
        return state.name
    dated = _DATED.match(name)
    if dated is not None and country(known_as(dated["name"])) is not None:
        return known_as(dated["name"])
    people = _STATE_OF_A_PEOPLE.match(name)
    if people is not None:
        return nationality(people["people"]) or name
    formal = _FORMAL_NAME.match(name)
    found = country(formal["rest"]) if formal else None
    return found.name if found else name


def _resolved(name: str) -> str | None:
    """A country or international body by any of its names, a nationality or a combining form ('Russo-')."""
    if known_as(name) != name:
        return known_as(name)
    if name in COMBINING_FORMS or nationality(name):
        return COMBINING_FORMS.get(name) or nationality(name)
    place = country(name) or international_body(name) or former_state(name)
    return place.name if place is not None else None


def _former_state_of_the_past(name: str) -> bool:
    """'the Ottoman Empire', 'North Vietnam': a former state whose name names nothing today, a party wherever a
    country would be ('Bavaria', a German state too, is a party only as any place is)."""
    state = former_state(name)
    return name in FORMER_STATES or (state is not None and not still_a_place(state))


def named_in_its_name(anchor: Token) -> list[str]:
    """'the U.S.-Mexico-Canada Agreement', 'the Canada–EU Comprehensive Economic and Trade Agreement', 'a
    UK-India deal': the countries and international bodies an agreement's name joins with dashes are its
    sides; so are those its initials name ('the ANZUS pact') or history gives it ('the SALT II treaty', 'the
    North American Free Trade Agreement'; Russia's by era)."""
    if not is_noun(anchor):
        return []
    before = [t for t in anchor.subtree if t.i < anchor.i and t.dep_ not in ("det", "poss", "nummod")]
    if not before:
        return []
    for word in before:  # 'the ANZUS pact'
        if word.text in SIDES_IN_NAMES:
            return list(SIDES_IN_NAMES[word.text])
    doc = anchor.doc
    written = doc.text[before[0].idx : anchor.idx].strip()
    for name, sides in SIDES_HISTORY_NAMES.items():  # 'the SALT II treaty', 'the Camp David accords'
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", written):
            return [_side_by_era(side, doc) for side in sides]
    pieces = _JOINED.split(written)
    if len(pieces) < 2:
        return []
    names: list[str] = []
    for k, piece in enumerate(pieces):
        words = piece.split()
        if k == len(pieces) - 1:
            tries = [" ".join(words[:j]) for j in range(len(words), 0, -1)]  # 'EU Comprehensive ...' → 'EU'
        else:  # 'the new U.S.' → 'U.S.'; 'brand-new U.S.-Mexico' splits at 'brand' too
            tries = [" ".join(words[j:]) for j in range(len(words))]
        found = next((name for name in map(_resolved, tries) if name is not None), None)
        if found is not None and found not in names:
            names.append(found)
    return names


def refers_to_a_group(anchor: Token) -> bool:
    """'The two countries signed an agreement', 'both leaders welcomed the deal', 'the two sides agreed',
    'our two nations hope to conclude': the clause's parties are a group named before (with the speaker's
    own where it says 'our': `the_group_is_ours`)."""
    return _group_words(anchor) is not None


def the_group_is_ours(anchor: Token) -> bool:
    """'which our two countries signed', 'our two governments agreed': the speaker's government is one of the
    group, whatever else the sentences before name."""
    return "our" in (_group_words(anchor) or ())


def _group_words(anchor: Token) -> set[str] | None:
    """The words before the group noun the clause refers to ('the two', 'both', 'our two'), None where none."""
    verb = clause_verb(anchor)
    if verb is None:
        return None
    above = _subject_verb(verb)  # 'our two nations hope to conclude an agreement'
    subjects = [t for c in above.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    for token in (*verb.subtree, *subjects):
        if _group_noun(token) not in GROUP_REFERENCES | GROUP_REFERENCES_TOO or token.tag_ not in (
            "NNS",
            "NN",
            "NNPS",  # 'The two Ministers are expected to sign'
        ):
            continue
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "conj", "dobj"):  # 'has served both nations'
            continue
        words = {c.lower_ for c in token.lefts}
        if "both" in words or (words & GROUP_NUMBERS and words & {"the", "both", "our"}):
            return words
        if words == {"the"} and token.tag_ in ("NNS", "NNPS") and token.dep_ in ("nsubj", "nsubjpass"):
            return words  # 'Prime Minister Carney spoke with President Sheinbaum. The leaders agreed'
    if any(_titles_paired(t) for t in subjects):
        return {"the", "two"}
    for token in subjects:  # 'Secretary Rubio met Minister Jaishankar. The two signed'
        if token.lower_ == "two" and token.dep_ in ("nsubj", "nsubjpass") and token.head.i == above.i:
            words = {c.lower_ for c in token.lefts}
            if "the" in words:
                return words | {"two"}
    return None


def _group_noun(token: Token) -> str:
    """The noun's singular: the parser leaves a capitalised plural ('Ministers', 'Leaders') as its lemma."""
    lemma = token.lemma_.lower()
    return lemma[:-1] if token.tag_ == "NNPS" and lemma == token.lower_ and lemma.endswith("s") else lemma


def _subject_verb(verb: Token) -> Token:
    """The verb whose subject a clause shares: 'hope' in 'our two nations hope to conclude', 'reaffirmed' in
    'The Secretary and the Minister reaffirmed their commitment to conclude negotiations'."""
    current = verb
    for _ in range(3):  # a few steps: an open clause, the noun it completes, that noun's verb
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children) or current.dep_ not in (
            "xcomp",
            "acl",
            "dobj",
        ):
            break
        current = current.head
    return current


def _titles_paired(subject: Token) -> bool:
    """'The Secretary and the Minister welcomed', 'The Deputy Secretary and the Foreign Secretary signed': two
    offices, each with 'the' and no name, joined as the subject, are the two officials named before."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    pair = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    return len(pair) == 2 and all(
        t.lower_ in _CABINET_TITLES | HEAD_TITLES
        and t.tag_ in ("NN", "NNP")
        and any(c.lower_ == "the" for c in t.lefts)
        and not any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in t.children)
        for t in pair
    )


def state_or_body(ent: Span) -> str | None:
    """The entity's name where it is a country or an international body, the parties a text can refer back
    or forward to."""
    name = without_article(normalize_name(ent))
    return name if country(name) or international_body(name) else None


def parties_named_before(sents: list[Span], index: int, *, upto: int | None = None) -> list[str]:
    """Countries and international bodies named in the sentences just before one that says 'the two
    countries' (and in that one before the token `upto`: 'Biden hosted Modi, where the two leaders ...'),
    and those the leaders named there act for ('the two leaders')."""
    names = _named_in(sents[max(0, index - _GROUP_LOOKBACK) : index + (upto is not None)], upto=upto)
    if index > _GROUP_LOOKBACK and not set(names) - own_side(sents[index].doc):
        # 'Our relations with Japan are close. Trade has grown. Our scientists ... the two governments': the
        # sentences before those, where the nearest name no other side
        earlier = _named_in(sents[max(0, index - 2 * _GROUP_LOOKBACK) : index - _GROUP_LOOKBACK], upto=None)
        names += [name for name in earlier if name not in names]
    return names


def _named_in(sents: list[Span], *, upto: int | None) -> list[str]:
    """The countries and international bodies `parties_named_before` reads in these sentences."""
    names: list[str] = []
    for sent in sents:
        for ent in sent.ents:
            if upto is not None and ent.end > upto:
                continue
            first = first_conjunct(ent.root)
            if ent.label_ not in ("GPE", "ORG", "NORP", "PERSON") or (
                first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPOSITIONS
            ):
                continue  # 'met in Hanoi' names a place; 'her counterpart from Vietnam' a party
            if (
                first.dep_ == "pobj"
                and first.head.lower_ in ABOUT_PREPOSITIONS
                and _makes_or_is_one(first.head.head)
            ):
                continue  # 'the agreement reached with the UK on Gibraltar. Both sides ...': what it is about
            if ent.label_ == "PERSON":  # 'Prime Minister Modi met President Ruto. The two leaders signed'
                name = _persons_country(ent)
            else:
                name = _demonym_party(ent) if ent.label_ == "NORP" else state_or_body(ent)
            if name is None and ent.label_ == "GPE" and first.dep_ in ("nsubj", "nsubjpass"):
                name = SEATS_OF_GOVERNMENT.get(
                    ent.text
                )  # 'Moscow has walked away from the treaty our two ...'
            if name is not None and name not in names:
                names.append(name)
    return names


def _makes_or_is_one(token: Token) -> bool:
    """An agreement's noun or a verb that makes one ('reached', 'signed', 'negotiating')."""
    return names_agreement(token) or token.lemma_.lower() in _MAKES_ONE


def signs_with_a_counterpart(anchor: Token) -> bool:
    """'Secretary Blinken and Philippine Foreign Secretary Manalo signed', 'Prime Minister Vučević and his
    Hungarian counterpart signed': a person of the announcing government signs with a foreign one."""
    verb = clause_verb(anchor)
    if verb is None:
        return False
    while verb.dep_ in ("xcomp", "acomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        verb = verb.head  # 'Secretary Blinken and his Indian counterpart are set (due) to sign'
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group = [subject, *subject.conjuncts]
        person = any((t.ent_type_ == "PERSON" or _titled_name(t)) and demonym(t.text) is None for t in group)
        foreign = any(
            t.lemma_.lower() in ("counterpart", "counterparts")
            or any(c.ent_type_ == "NORP" or nationality(c.text) for c in t.subtree if c.i < t.i)
            for t in group
        )
        if person and foreign:
            return True
    return False


def a_foreign_stance(anchor: Token) -> bool:
    """'If the Soviet Government wants an agreement', 'Japan seeks a new trade agreement', 'the Soviet leaders
    have rejected our proposal for a treaty', 'Chairman Khrushchev has agreed to a treaty': on a government's own page, another government that wants,
    seeks, accepts, proposes or rejects an agreement whose other side the clause leaves unnamed faces the
    speaker's government ('Egypt wants a peace treaty with Israel' names its other side; 'Iran has signed the
    treaty' is no stance; in news no government speaks)."""
    if not publisher_of(anchor.doc):
        return False
    if anchor.lemma_.lower() == "agree" and not is_noun(anchor):
        return _agrees_to_act(anchor)
    if not is_noun(anchor):
        return False
    if _ours_to_follow(anchor):
        return True
    verb = clause_verb(anchor)
    if verb is None or _side_phrases(anchor):
        return False
    # 'Chairman Khrushchev has agreed to a treaty banning tests': a stance on a new one too ('Britain has
    # agreed to the convention' may join one of many)
    agreed_to = (
        verb.lemma_.lower() == "agree"
        and anchor.dep_ == "pobj"
        and anchor.head.lower_ == "to"
        and anchor.head.head.i == verb.i
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in anchor.children)
    )
    if verb.lemma_.lower() not in STANCE_VERBS and not agreed_to:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"] + ([anchor] if agreed_to else [])
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        any(anchor.i in {t.i for t in o.subtree} for o in objects)
        and bool(subjects)
        and not any(s.lower_ in OUR_SIDE or s.lower_ == "i" or _our_government(s) for s in subjects)
    )


def _ours_to_follow(anchor: Token) -> bool:
    """'Mexico has already ratified the treaty, and I hope the Senate will soon do the same', 'The Canadian
    Parliament has approved the agreement, and I urge the Congress to act on it': one foreign side ratifies or
    approves an agreement that the speaker's own legislature, named after it in the sentence, is still to act
    on; the agreement is between the two ('Mexico has ratified the treaty' alone may be one of many sides)."""
    verb = clause_verb(anchor)
    if verb is None or verb.lemma_.lower() not in APPROVING_VERBS or _side_phrases(anchor):
        return False
    if not any(c.dep_ == "dobj" and anchor.i in {t.i for t in c.subtree} for c in verb.children):
        return False
    return any(
        ent.label_ == "ORG"
        and ent.start > verb.i
        and _HOUSES.match(without_article(normalize_name(ent))) is not None
        and _legislature_party(without_article(normalize_name(ent))) in own_side(anchor.doc)
        and not any(c.dep_ == "poss" for c in ent.root.children)
        for ent in anchor.sent.ents
    )


def _agrees_to_act(verb: Token) -> bool:
    """'China has agreed to open its markets to American farm products', 'North Korea has agreed to freeze its
    nuclear program': one government, not the speaker's, that agrees to do something and names no one it agrees
    with, undertakes it to the speaker's government ('Iran agreed to a ceasefire with Iraq' names its other side;
    'India and Japan agreed to' are both; 'Egypt has agreed to withdraw its forces from Yemen' concerns another
    country, which may be the other side)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    acts = [c for c in verb.children if c.dep_ == "xcomp"]
    home = own_side(verb.doc)
    return (
        len(subjects) == 1
        and not subjects[0].conjuncts
        and subjects[0].lower_ not in OUR_SIDE | {"i", "they"}
        and not _our_government(subjects[0])
        and bool(acts)
        and not any(t.ent_type_ == "GPE" and t.text not in home for act in acts for t in act.subtree)
        and not any(t.lower_ in {"with"} | ALL_SIDES for t in verb.subtree)
    )


def _titled_name(token: Token) -> bool:
    """'Minister Ng', 'President Ruto' where the recogniser tagged no person: a proper noun under the title of
    one who acts for a country."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and any(c.dep_ == "compound" and _acts_for_a_country(c) for c in token.lefts)
    )


def announcing_party(doc: Doc) -> str | None:
    """The announcing government: the government whose site published the page (`doc._.publisher`, set by
    the extractor from the URL), else the first country a sentence is about (its subject), else the country
    the document names most often. The publisher comes first: a president's address that makes Iran the
    subject of a sentence before it names a treaty is still the United States' address."""
    publisher: str | None = publisher_of(doc)
    if publisher:
        return publisher
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "GPE" or country(normalize_name(ent)) is None or _in_dateline(ent):
            continue
        name = normalize_name(ent)
        if ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ == "poss" and ent.root.head.dep_ in ("nsubj", "nsubjpass")
        ):
            return name
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def made_by_others(anchor: Token) -> bool:
    """'a partnership between the ITF and Kosmos', 'the only two Arab states to have signed peace treaties
    with Israel': the clause names every side, so the announcing government is not one of them."""
    if is_noun(anchor) and (any(p.lower_ in ALL_SIDES for p in _side_phrases(anchor)) or _made_by(anchor)):
        return True
    if any(
        t.lower_ == "between"
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" and c.conjuncts for c in t.children)
        for t in anchor.sent
    ):
        return True  # 'This partnership expands the relationship between GE and Ascom'
    verb = clause_verb(anchor)
    if verb is None or verb.lemma_.lower() not in SIGNING_VERBS | NEGOTIATING | {"have"}:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.pos_ == "NOUN"
        and anchor.i
        not in {t.i for t in c.subtree}  # 'the status of forces agreement with Japan was renewed'
        and c.lemma_.lower() not in GOVERNMENT_SUBJECTS | AGREEMENT_NOUNS | NEGOTIATING  # 'talks concluded'
        and not _own_body(c)
        and not _our_government(c)  # 'our negotiators have reached agreement'
        for c in verb.children
    )


def _own_body(subject: Token) -> bool:
    """'the authority', 'the agency' as the subject of a release: the publisher's own body."""
    return subject.lemma_.lower() in OWN_BODY_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    )


def sides_in_context(
    anchor: Token, sents: list[Span], index: int, *, before: bool
) -> tuple[list[str], list[str]]:
    """An agreement whose clause names no side at all, read from what comes just before it: a country the
    same sentence makes the other side of something else ('authorized the settlement with the Government of
    Greece, and an agreement was concluded'); those named together as the subject of the sentence before
    ('Marshal Stalin, Prime Minister Attlee and I met in Potsdam. As a result, agreements were reached');
    the country the speaker's government works with there ('With Russia, we must reduce our arsenals. The
    START II treaty ...', 'We have worked with Canada on acid rain. The agreement we reached ...', the one
    partner there). The sentence before is read only where no one is said to sign it ('signed by 40
    nations'), and its subjects and the leaders met there only where `before` (an agreement that does not
    point back: 'the climate agreement' after 'We welcomed President Macron' need not be France's).
    (leads, counterparts); empty where none of these says it."""
    sent = anchor.sent
    withs = [name for name in _with_countries(sent) if name is not None] or in_talks_with(sent)
    if withs:
        return [], withs[:1]
    if index == 0 or _signed_by(anchor):
        return [], []
    previous = sents[index - 1]
    group = _subject_group(previous)
    if len(group) >= 2 and before:
        return group, []
    partners = _partner(previous, before=before)
    if partners:
        return [], partners
    foreign = len(group) == 1 and group[0] not in own_side(anchor.doc)
    undertaking = is_noun(anchor) or any(c.dep_ == "xcomp" for c in anchor.children)  # not 'we agreed that'
    if before and foreign and undertaking and _advances(previous) and _speaker_subject(sent):
        return [], group  # 'The President of Mexico visited Washington. We agreed to build a bridge'
    if index >= 2 and not _names_a_country(
        previous
    ):  # 'We worked with Canada. Our scientists ... The agreement'
        return [], _partner(sents[index - 2], before=before)
    return [], []


def in_talks_with(sent: Span) -> list[str]:
    """'said that talks with the EU ... were moving, but warned that no deal would be struck': the country or
    international body the same sentence holds talks with is the other side of a deal it names bare (the
    announcing side, a news report's speaker's country, is the other)."""
    names: list[str] = []
    for ent in sent.ents:
        first = first_conjunct(ent.root)
        talks = first.head.head
        if not (first.dep_ == "pobj" and first.head.lower_ == "with" and talks.lemma_.lower() in NEGOTIATING):
            continue
        name = state_or_body(ent)
        if name is not None and name not in names:
            names.append(known_as(name))
    return names


def _partner(sent: Span, *, before: bool) -> list[str]:
    """The one country the speaker's government, as the sentence's subject, works *with* there ('We have
    worked with Canada', 'We met with the Soviet leaders'); for an agreement that points back ('The agreement we
    reached in March') not a leader it met ('We welcomed President Macron'). Empty where there is none or more."""
    group = _subject_group(sent)
    partners = list(dict.fromkeys(name for name in _with_countries(sent, leaders=before) if name is not None))
    if set(group) <= own_side(sent.doc) and _speaker_subject(sent) and len(partners) == 1:
        return partners
    return []


def _names_a_country(sent: Span) -> bool:
    """A sentence that names a foreign country, by its name or a nationality, comes between an agreement and
    a partner named before it."""
    home = own_side(sent.doc)
    return any(
        (ent.label_ == "GPE" and _country_of(ent) not in (None, *home))
        or (ent.label_ == "NORP" and nationality(ent.text) not in (None, *home))
        for ent in sent.ents
    )


def _advances(sent: Span) -> bool:
    """'The President of Mexico visited Washington', 'Iceland has asked for talks': the sentence's subject
    comes to the speaker's government, asks or offers (the next sentence's 'we agreed' is with it; not
    'Russia invaded Ukraine')."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.head.dep_ == "ROOT"
        and t.head.lemma_.lower() in ADVANCING_VERBS
        for t in sent
    )


def _signed_by(anchor: Token) -> bool:
    """'The agreement, signed by 40 nations in Rome': its makers are said, if not named."""
    return any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for participle in (anchor, *(c for c in anchor.children if c.dep_ == "acl"))
        for c in participle.children
    )


def own_side(doc: Doc) -> set[str]:
    """The announcing government, as `HOME` and by its name where the publisher is known."""
    publisher = publisher_of(doc)
    return {HOME, publisher} if publisher else {HOME}


def _country_of(ent: Span) -> str | None:
    """The country an entity names: a country by any of its names, or 'the Government of Greece'."""
    name = without_article(normalize_name(ent))
    if ent.label_ == "ORG" and _GOVERNMENT_OF.match(name):
        governing = _government_party(name, ent.doc)
        return governing if governing != HOME else None
    if ent.label_ != "GPE":
        return None
    found = country(known_as(name))
    return found.name if found is not None else None


def _with_countries(sent: Span, *, leaders: bool = True) -> list[str | None]:
    """The countries a sentence names after 'with' ('the settlement with the Government of Greece'), and
    with `leaders` those of the leaders it makes an object or works with ('I met Premier Khrushchev'); not the
    publisher's own."""
    found: list[str | None] = []
    for ent in sent.ents:
        if ent.label_ == "PERSON" and not leaders:
            continue
        first = first_conjunct(ent.root)
        if first.head.lower_ == "of" and first.head.head.lower_ == "government":  # 'Government of' + 'Greece'
            first = first.head.head
        holder = _nationality_holder(ent.root) if ent.label_ == "NORP" else None
        if holder is not None and holder.dep_ == "pobj" and holder.head.lower_ == "with":
            found.append(nationality(ent.text))  # 'We met with the Soviet leaders'
        elif holder is not None and holder.dep_ == "dobj" and leaders and not names_agreement(holder):
            found.append(
                nationality(ent.text)
            )  # 'I will meet the Soviet leader', as 'I met Premier Khrushchev'
        elif ent.label_ == "NORP":
            continue
        elif first.dep_ == "pobj" and first.head.lower_ == "with":
            found.append(_persons_country(ent) if ent.label_ == "PERSON" else _country_of(ent))
        elif (
            ent.label_ == "PERSON" and first.dep_ == "dobj"
        ):  # 'I met Premier Khrushchev', 'welcome Brezhnev'
            found.append(_persons_country(ent))
    home = publisher_of(sent.doc)
    return [name for name in found if name != home]


def _subject_group(sent: Span) -> list[str]:
    """The countries the coordinated subject of a sentence names: by name, by a leader the text or history
    places ('Prime Minister Macmillan'), and the speaker ('I', 'we') as the announcing government."""
    names: list[str] = []
    verb = next(
        (t.head for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")), None
    )
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    for token in subjects:  # 'Marshal Stalin, Prime Ministers Churchill and Attlee, and I met'
        for member in (token, *token.conjuncts):
            if member.lower_ in ("i", "we"):
                name: str | None = HOME
            else:
                ent = next((e for e in sent.ents if e.start <= member.i < e.end), None)
                if ent is None:
                    name = _office_of(member)  # 'The President of Mexico visited'
                elif ent.label_ == "PERSON":
                    name = _persons_country(ent)
                else:
                    name = _country_of(ent)
            if name is not None and name not in names:
                names.append(name)
    return names


def _office_of(title: Token) -> str | None:
    """'the President of Mexico', 'the Foreign Minister of Japan': the country an office named by its title
    acts for."""
    if not _acts_for_a_country(title):
        return None
    for prep in (c for c in title.children if c.lower_ == "of"):
        for place in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"):
            return _resolved(without_article(title.doc[place.left_edge.i : place.i + 1].text))
    return None


def _speaker_subject(sent: Span) -> bool:
    """'we must continue', 'this Government has', 'New Zealand has worked' (on its government's site): the
    speaker's government is the sentence's subject."""
    home = publisher_of(sent.doc)
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and (
            t.lower_ in ("we", "i")
            or _our_government(t)
            or (home is not None and t.ent_id_ == home)
            or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in t.children)  # 'Our relations with'
        )
        for t in sent
        if t.head.dep_ == "ROOT"
    )
