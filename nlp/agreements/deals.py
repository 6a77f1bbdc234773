"""Deals as news and procurement releases report them: contracts awarded, won or signed, orders placed or
cancelled, purchases, sales and acquisitions, one agreement per counterpart.

The agreement rules found an agreement by its noun ('a deal', 'a treaty'); a business report names it by what
changes hands: 'NASA awarded contracts to SpaceX, Blue Origin and Dynetics' (one agreement per awardee, NASA
in each), 'Lockheed Martin won a contract from the Defense Department', 'Emirates placed an order for 50
Airbus jets' (the maker in the goods is the seller), 'Boeing sold 20 jets to Ryanair and 10 to Turkish
Airlines' (one per buyer), 'Microsoft agreed to acquire Activision Blizzard' (the company bought is the other
side; by its noun, 'completed its acquisition of Hess'), 'a contract was awarded to Naval Group by the Dutch
defence ministry', 'Norwegian cancelled its order for Boeing jets' (ended). A deal's stage is read from the verbs it
hangs on: 'plans to order' planned, 'in talks over an order' in negotiation, 'agreed to buy' agreed,
'cancelled' ended, anything done signed. Parties are the names in those slots, as the entities step or, where
the model tagged nothing, the proper nouns read them; a ministry or department is its government, as
`parties` reads it. `assembly.find_agreements` adds these where its own rules found none of the same sides.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from nlp.agreements.lexicon import BUYING_VERBS, MIN_PARTIES, NEGOTIATING, PLANNED_MODIFIERS, PLANNING_VERBS
from nlp.agreements.parties import _GOVERNMENT_BODY as GOVERNMENT_BODY
from nlp.agreements.parties import HOME, known_as, nationality
from nlp.agreements.parties import _government_body_party as government_body_party
from nlp.agreements.parties import _in_dateline as in_dateline
from nlp.agreements.tokens import without_article
from nlp.bodies import publisher as publisher_of
from presswatch.document import Agreement, AgreementStatus
from presswatch.gazetteer import country, international_body

# What changes hands in a deal, said as the thing agreed: 'a £1.2bn contract', 'an order for 50 jets'.
DEAL_NOUNS = frozenset("contract subcontract order purchase".split())

# Giving a deal to another: 'awarded a contract to Babcock', 'granted contracts to'.
AWARDING_VERBS = frozenset("award grant".split())

# Getting one from another: 'won a contract from the Army', 'secured an order from Air India'.
WINNING_VERBS = frozenset("win secure land clinch bag receive obtain net snag".split())

# Making an order: 'placed (finalised, announced, firmed up) an order for 50 jets'.
PLACING_VERBS = frozenset("place finalise finalize announce firm confirm book sign make".split())

# Choosing suppliers for contracts: 'selected Thales Alenia Space and Airbus ... under contracts'.
SELECTING_VERBS = frozenset("select choose pick tap".split())

# 'NASA said the five companies had been selected': who reports a choice made without a 'by' made it.
_REPORTING = frozenset("say announce confirm".split())

SELLING_VERBS = frozenset("sell".split())

SIGNING_CONTRACTS = frozenset("sign ink".split())

CANCELLING_VERBS = frozenset("cancel scrap axe terminate drop rescind".split())

_NOT_NAMES = frozenset("DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL".split())

_PRONOUNS = frozenset({"it", "they"})

_GOVERNMENT = re.compile(
    r"^(?:(?:federal|national|\w+n|\w+ian|\w+ese)\s+)?government$|^federal executive council$", re.I
)


# The simple present tells what is done as a rule, not a deal made: 'airlines buy jets', 'an A320neo sells
# for $110 million'.
_HABITUAL = frozenset({"VBZ", "VBP"})

# Orders that are no purchase: 'a court order', 'an executive order', 'the Order of Merit'.
_NOT_PURCHASES = frozenset(
    "court executive gag restraining protection interim closure compulsory banning removal stop".split()
)


def deal_agreements(doc: Doc) -> list[Agreement]:
    """The deals each sentence reports, one agreement per counterpart, in reading order. A deal whose giver the
    sentence leaves unnamed is the publishing government's only on its own page (no guess from a report)."""
    home = publisher_of(doc)
    found: list[Agreement] = []
    sellers: list[str] = []  # who sold, in each sale, order or purchase read so far
    for sent in doc.sents:
        for sides, status, seller_at in _deals_in(sent, home=home):
            if len(sides) == 1 and sides[0] is not None:  # 'OrbitBeyond canceled its task order'
                earlier = _made_by(sides[0], found)
                if earlier is not None:  # the deal it made has ended
                    found[found.index(earlier)] = earlier.model_copy(update={"status": status})
                continue
            if sides and sides[0] == _SELLER_BEFORE:  # 'five sales: two to Biman and three to Ghana'
                sides = [sellers[-1] if sellers else None, *sides[1:]]
            seller = sides[seller_at] if seller_at is not None and len(sides) > seller_at else None
            parties = tuple(dict.fromkeys(p for p in sides if p is not None))
            same = [a for a in found if set(parties) == set(a.parties) and a.start == sent.start_char]
            if len(parties) < MIN_PARTIES or any(a.status == status for a in same):
                continue
            told = [a for a in found if set(parties) == set(a.parties)]
            if status == "unknown" and told:
                continue  # 'the Gannett-Gatehouse merger' again, after 'the merger ... became final'
            if told and all(a.status == "unknown" for a in told):  # its stage said after it was named
                found[found.index(told[0])] = told[0].model_copy(update={"status": status})
                continue
            if same and status == "ended":  # '..., but OrbitBeyond canceled its task order': it ended
                found[found.index(same[0])] = same[0].model_copy(update={"status": status})
                continue
            if seller is not None:
                sellers.append(seller)
            found.append(
                Agreement(
                    text=sent.text.strip(),
                    parties=parties,
                    status=status,
                    start=sent.start_char,
                    end=sent.end_char,
                    evidence=(sent.text.strip(),),
                )
            )
    return found


def _made_by(party: str, found: list[Agreement]) -> Agreement | None:
    """The latest deal of two sides the party made."""
    return next((a for a in reversed(found) if party in a.parties and len(a.parties) == MIN_PARTIES), None)


_SELLER_BEFORE = "\x00seller"  # a sale whose seller is the one of the deal read before


def _deals_in(sent: Span, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus, int | None]]:
    """Each deal the sentence reports, as its sides, its stage and which side sold (where one did)."""
    deals: list[tuple[list[str | None], AgreementStatus, int | None]] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.tag_ not in _HABITUAL:
            if lemma in AWARDING_VERBS:
                deals += [(*d, None) for d in _awarded(token, home=home)]
            elif lemma in WINNING_VERBS:
                deals += [(*d, None) for d in _won(token, home=home)]
            elif lemma in SELECTING_VERBS:
                deals += [(*d, None) for d in _selected(token, sent, home=home)]
            elif lemma in SELLING_VERBS:
                deals += [(*d, 0) for d in _sold(token, home=home)]
            elif lemma in BUYING_VERBS:
                deals += [(*d, 1) for d in _bought(token, home=home)]
            elif lemma in SIGNING_CONTRACTS | PLACING_VERBS | CANCELLING_VERBS:
                deals += [(*d, 1) for d in _signed_or_placed(token, home=home)]
        elif lemma in NEGOTIATING and token.pos_ == "NOUN":
            deals += [(*d, None) for d in _talks_over(token, home=home)]
        elif lemma in _TAKEOVERS and token.pos_ == "NOUN":
            deals += [(*d, None) for d in _taken_over(token)]
        elif lemma == "merge" and token.pos_ == "VERB":
            deals += [(*d, None) for d in _merged(token)]
        elif lemma in _MERGERS and token.pos_ == "NOUN":
            deals += [(*d, None) for d in _merger(token)]
        elif lemma == "sale" and token.pos_ == "NOUN":
            deals += [(*d, 0) for d in _sales(token)]
    return deals


# --- the shapes ---------------------------------------------------------------------------------------------


def _awarded(verb: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'X awarded a contract to A, B and C'; 'A was awarded a contract by X' (by none named on a government's
    page: that government)."""
    deal = _object_deal(verb)
    if deal is None:
        return []
    status = _stage(verb)
    subjects = _subjects(verb)
    if _passive(verb) and deal.dep_ == "nsubjpass":  # 'a contract was awarded to Naval Group by ...'
        awardees = _names_after(verb, ("to",))
        givers = _names_after(verb, ("by",)) or ([home] if home else [])
        return [([g, a], status) for g in givers[:1] for a in awardees]
    if _passive(verb):
        awardees = subjects
        givers = (
            _names_after(verb, ("by", "from"))
            or _names_after(deal, ("from", "by"))
            or ([home] if home else [])
        )
        return [([g, a], status) for g in givers[:1] for a in awardees]
    awardees = _names_after(verb, ("to",)) or _names_after(deal, ("to",)) or _dative(verb)
    givers = subjects or ([home] if home else [])
    return [([g, a], status) for g in givers[:1] for a in awardees]


def _won(verb: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Lockheed Martin won a $1.8bn contract from the Defense Department', 'Airbus won an order for 250 jets
    from Air India'."""
    deal = _object_deal(verb)
    if deal is None:
        return []
    clients = _names_after(deal, ("from", "with")) or _names_after(verb, ("from", "with"))
    return [([w, c], _stage(verb)) for w in _subjects(verb)[:1] for c in clients]


def _selected(verb: Token, sent: Span, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'The European Space Agency selected Thales Alenia Space and Airbus ... under contracts': a choice of
    suppliers where the sentence names the contracts or orders they get."""
    if not any(t.lemma_.lower() in ("contract", "order") and t.pos_ == "NOUN" for t in sent):
        return []
    status = _stage(verb)
    if _passive(verb):
        chosen = _subjects(verb)
        reporter = _subjects(verb.head) if verb.dep_ == "ccomp" and verb.head.lemma_ in _REPORTING else []
        choosers = _names_after(verb, ("by",)) or reporter or ([home] if home else [])
    else:
        chosen = [_name(t) for t in _with_conjuncts(_children(verb, "dobj"))]
        choosers = _subjects(verb)
    return [([c, s], status) for c in choosers[:1] for s in chosen]


def _sold(verb: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Boeing sold 20 jets to Ryanair and 10 to Turkish Airlines': one sale per buyer, also where a joined
    phrase repeats the 'to'."""
    buyers = _names_after(verb, ("to",))
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ != "VERB":  # '... and 10 to Turkish Airlines'
            buyers += _names_after(conj, ("to",))
    goods = _children(verb, "dobj")
    if not buyers or not goods or not all(_goods(g) for g in goods):
        return []
    return [([s, b], _stage(verb)) for s in _subjects(verb)[:1] for b in buyers]


def _goods(thing: Token) -> bool:
    """What a sale hands over: '20 jets', 'C-390 transport aircraft'; not trade measured by its value or
    compared ('more whisky', '$2bn of goods', 'a 10% stake' is a stake and stays)."""
    words = list(thing.subtree)
    return not any(t.lower_ in _COMPARING or t.ent_type_ in ("MONEY", "PERCENT") for t in words) or any(
        t.lemma_.lower() == "stake" for t in words
    )


_COMPARING = frozenset("more less fewer most least".split())


def _taken_over(noun: Token) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Chevron completed its acquisition of Hess', "Nippon Steel's takeover of U.S. Steel": the buyer (the
    possessor, or the subject of the verb it is the object of) and the company bought; completing it puts it in
    force, announcing it signs it."""
    bought = [t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in _children(p, "pobj")]
    bought = [t for t in bought if _is_name(t)]
    if not bought:
        return []
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    buyers = _names_of(owner[0]) if owner and owner[0].pos_ != "PRON" else []
    if not buyers and verb is not None and noun.dep_ == "dobj":
        buyers = _subjects(verb)
    if not buyers:
        return []
    lemma = verb.lemma_.lower() if verb is not None else ""
    status: AgreementStatus = (
        "in_force" if lemma in _COMPLETING else "signed" if lemma in _ANNOUNCING else _stage(verb or noun)
    )
    return [([buyers[0], n], status) for n in (_name(t) for t in _with_conjuncts(bought)) if n is not None]


# Takeovers said by their noun; completing one puts it in force, announcing one makes it.
_TAKEOVERS = frozenset("acquisition takeover buyout".split())
_COMPLETING = frozenset("complete close finalise finalize finish".split())
_ANNOUNCING = frozenset("announce unveil".split())


def _merged(verb: Token) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Vodafone and Three agreed to merge their operations', 'X merged with Y': one agreement between them."""
    sides = [*_subjects(verb), *_names_after(verb, ("with",))]
    return [(sides, _stage(verb))] if len(sides) >= MIN_PARTIES else []


_MERGERS = frozenset({"merger"})
# Words that say a merger is done: 'which became final', 'the merger is complete'.
_DONE = frozenset("final effective complete completed official".split())


def _merger(noun: Token) -> list[tuple[list[str | None], AgreementStatus]]:
    """'The merger of Gannett and GateHouse Media, which became final Tuesday', "Vodafone's merger with Three",
    'the Gannett-Gatehouse merger': one agreement between the companies that merge (`_merger_stage`)."""
    doc = noun.doc
    sides: list[str | None] = []
    for owner in (c for c in noun.children if c.dep_ == "poss"):
        mine = noun.dep_ == "dobj" and owner.pos_ == "PRON"  # 'Vodafone completed its merger with Three'
        sides += _subjects(noun.head) if mine else _names_of(owner)
    for dash in doc[noun.left_edge.i : noun.i]:  # 'the Gannett-Gatehouse merger'
        if (
            dash.text in ("-", "–")
            and dash.i > 0
            and not dash.whitespace_
            and not doc[dash.i - 1].whitespace_
        ):
            sides += [_name(doc[dash.i - 1]), _name(doc[dash.i + 1])]
    objects = [
        t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in _children(p, "pobj")
    ]
    sides += [n for t in objects for n in _names_of(t)]
    if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "of":
        sides += _bodies_listed(doc, noun.i + 2)  # however the parse hangs 'the insurers A and B'
    sides += _names_after(noun, ("with", "between"))
    named: list[str | None] = list(dict.fromkeys(s for s in sides if s is not None))
    if len(named) < MIN_PARTIES:
        return []
    return [(named, _merger_stage(noun, objects))]


def _bodies_listed(doc: Doc, start: int) -> list[str | None]:
    """The bodies the entities step names in the noun phrase that starts at `start` ('the insurers Halden
    Mutual and Brightline Assurance'), up to its clause or verb."""
    end = start
    while end < len(doc) and doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "PUNCT"):
        if doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].tag_ in ("WDT", "WP"):
            break
        end += 1
    if end == start or not Doc.has_extension("mentions"):
        return []
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return [
        m.normalized for m in doc._.mentions or () if m.label == "ORG" and first <= m.start and m.end <= last
    ]


def _merger_stage(noun: Token, objects: list[Token]) -> AgreementStatus:
    """Done ('which became final', 'completed the merger', 'the merger closed') is in force; the stage the verb
    that acts on it says ('announced a merger', 'plans a merger'); a merger only named, or the subject of what
    it will bring ('the merger will create'), says nothing of its stage. A clause on the last of the merging
    sides is the merger's ('the merger of A and B, which became final')."""
    ends = [c for t in objects for c in (t, *t.children) if c.dep_ in ("conj", "appos") or c is t]
    ends += [c for c in noun.children if c.dep_ in ("appos", "conj")]  # however the parse hangs the sides
    verbs = [c for t in (noun, *ends) for c in t.children if c.dep_ in ("relcl", "acl")]
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verbs.append(noun.head)
    for verb in verbs:
        said = {c.lower_ for c in verb.children if c.dep_ in ("acomp", "attr", "oprd", "advmod")}
        if verb.lemma_.lower() in _COMPLETING or said & _DONE:
            return "in_force"
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _stage(noun.head)
    if any(c.lower_ in PLANNED_MODIFIERS for c in noun.lefts):
        return "planned"  # 'the proposed merger of A and B'
    return "unknown"


def _sales(noun: Token) -> list[tuple[list[str | None], AgreementStatus]]:
    """'five 787 Dreamliner sales: two to Biman Bangladesh Airlines and three to the Ghanaian government':
    one sale per buyer, by the maker the goods name or else the seller of the deal read just before."""
    parts = [noun, *(c for c in noun.children if c.dep_ in ("appos", "conj", "acl"))]
    parts += [  # 'sales this week: two to ...', however the parse hangs the numbers
        t for t in noun.sent if t.i > noun.i and t.like_num and t.dep_ in ("appos", "conj") and t not in parts
    ]
    parts += [c for p in parts[1:] for c in p.conjuncts if c not in parts]
    buyers = [n for p in parts for n in _names_after(p, ("to",))]
    if not buyers:
        return []
    sellers: list[str | None] = [*_makers(noun)] or [_SELLER_BEFORE]
    return [([sellers[0], b], "signed") for b in buyers]


def _bought(verb: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Qantas agreed to buy 12 Airbus jets', 'plans to order A350s from Airbus', 'a deal to purchase 30 of
    Boeing's jets', 'Microsoft agreed to acquire Activision Blizzard': the seller is who it is bought from, or
    the maker named in the goods, or the company bought."""
    sellers = _names_after(verb, ("from",))
    for thing in _children(verb, "dobj"):
        if not sellers and verb.lemma_.lower() in ("acquire", "buy", "purchase") and _is_name(thing):
            sellers = [_name(t) for t in _with_conjuncts([thing])]  # the company bought
        sellers = sellers or _names_after(thing, ("from",)) or _makers(thing)
    if not sellers:
        return []
    buyers = _subjects(verb)
    return [([b, s], _stage(verb)) for b in buyers[:1] for s in sellers]


def _signed_or_placed(verb: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'signed a contract with Bharat Electronics', 'placed an order for 50 Airbus jets', 'cancelled its
    order for 92 Boeing jets'."""
    deal = _object_deal(verb)
    if deal is None:
        return []
    lemma = verb.lemma_.lower()
    if lemma in SIGNING_CONTRACTS and deal.lemma_.lower() != "order":
        others = _names_after(deal, ("with",)) or _names_after(verb, ("with",))
    else:
        others = _names_after(deal, ("from", "with")) or _names_after(verb, ("from", "with"))
        for detail in (c for c in deal.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            for thing in _children(detail, "pobj"):  # 'an order for 50 vehicles from Supacat'
                others = others or _names_after(thing, ("from",)) or _makers(thing)
    if not others and lemma in CANCELLING_VERBS:
        return [(_subjects(verb)[:1], "ended")]  # the other side is the one it made the deal with
    if not others:
        return []
    subjects = _subjects(verb) or ([home] if home and lemma in SIGNING_CONTRACTS else [])
    return [([s, o], _stage(verb)) for s in subjects[:1] for o in others]


def _talks_over(talks: Token, *, home: str | None) -> list[tuple[list[str | None], AgreementStatus]]:
    """'Saudi Arabia is in talks with Boeing over an order for 40 jets': talks with a named side on a deal."""
    about = [c for c in talks.children if c.dep_ == "prep" and c.lower_ in ("over", "on", "about", "for")]
    if not any(t.lemma_.lower() in DEAL_NOUNS for p in about for t in p.subtree):
        return []
    others = _names_after(talks, ("with",))
    head = talks.head.head if talks.dep_ == "pobj" else talks.head
    subjects = _subjects(head) if head.pos_ in ("VERB", "AUX") else []
    return [([s, o], "in_negotiation") for s in subjects[:1] for o in others]


# --- the deal's stage ---------------------------------------------------------------------------------------


def _stage(verb: Token) -> AgreementStatus:
    """What the verbs a deal hangs on say of it: 'cancelled' ended; 'in talks', 'negotiating' in negotiation;
    'plans to', 'will' planned; 'agreed to' agreed; done, signed."""
    current: Token | None = verb
    seen: list[Token] = []
    while current is not None and len(seen) < 4:
        seen.append(current)
        if current.dep_ in ("xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj"):
            current = current.head if current.head.i != current.i else None
        else:
            current = None
    lemmas = [t.lemma_.lower() for t in seen]
    auxes = {
        c.lower_
        for t in seen
        if t.pos_ in ("VERB", "AUX")
        for c in t.children
        if c.dep_ in ("aux", "auxpass")
    }
    if any(lemma in CANCELLING_VERBS for lemma in lemmas):
        return "ended"
    if any(lemma in NEGOTIATING for lemma in lemmas):
        return "in_negotiation"
    if any(lemma in PLANNING_VERBS | {"consider", "seek"} for lemma in lemmas) or auxes & {
        "will",
        "shall",
        "'ll",
    }:
        return "planned"
    if "agree" in lemmas:
        return "agreed"
    return "signed"


# --- who is named where -------------------------------------------------------------------------------------


def _object_deal(verb: Token) -> Token | None:
    """The deal noun the verb acts on: its object ('awarded a contract'), or in the passive the retained one
    ('was awarded a contract')."""
    for child in verb.children:
        deal = child.dep_ in ("dobj", "nsubjpass", "dative", "oprd") and child.lemma_.lower() in DEAL_NOUNS
        if (deal or (child.dep_ == "dobj" and child.lower_ in ("orders", "contracts"))) and _a_deal(child):
            return child
    return None


def _a_deal(noun: Token) -> bool:
    """'an order for 50 jets', not 'a court order' nor 'the Order of Merit'."""
    return noun.text[:1].islower() and not any(
        c.lower_ in _NOT_PURCHASES for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
    )


def _children(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out += [token, *(c for c in token.conjuncts if c.i > token.i)]
    return out


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subjects(verb: Token) -> list[str | None]:
    """The clause's subject names, else those of the verb it completes ('Qantas has agreed to buy', 'plans to
    order'); a pronoun subject of a reported clause is the reporter ('Boeing said it had sold')."""
    current = verb
    for _ in range(4):
        subjects = [
            c
            for c in current.children
            if c.dep_ in ("nsubj", "nsubjpass") and not in_dateline(c.doc[c.i : c.i + 1])  # 'DUBAI, ... —'
        ]
        if subjects:
            first = subjects[0]
            if first.lower_ in _PRONOUNS and current.dep_ == "ccomp":
                return _subjects(current.head)
            if first.lower_ == "it":  # 'As of October, Emirates had a fleet ... it announced an order'
                return _subject_before(current)
            if first.lower_ in _PRONOUNS:
                return []
            whole = _whole(first)
            if whole is not None:
                return [whole]
            return _names_of(first)
        if current.dep_ not in ("xcomp", "advcl", "acl", "conj", "relcl") or current.head.i == current.i:
            return []
        # 'a deal to purchase': who made the deal
        noun = current.dep_ in ("acl", "relcl") and current.head.pos_ == "NOUN"
        current = current.head.head if noun else current.head
    return []


def _subject_before(verb: Token) -> list[str | None]:
    """'it' as the subject named in the sentence before, where that is a name and the only one."""
    sent = verb.sent
    if sent.start == 0:
        return []
    before = verb.doc[sent.start - 1].sent
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    names = [n for t in subjects for n in _names_of(t)]
    return names if len(names) == 1 else []


def _names_of(token: Token) -> list[str | None]:
    """The names a noun phrase gives: its own and its conjuncts', or those set beside a common noun ('the five
    companies — Blue Origin, Ceres Robotics and SpaceX —')."""
    if not _is_name(token) and not _a_government(token):
        listed = [c for c in token.children if c.dep_ == "appos" and _is_name(c)]
        return [n for n in (_name(t) for t in _with_conjuncts(listed)) if n is not None]
    return [n for n in (_name(t) for t in _with_conjuncts([token])) if n is not None]


def _a_government(token: Token) -> str | None:
    """'the Ghanaian government', 'the government of Ghana', 'the Dutch defence ministry': the country."""
    if token.lemma_.lower() not in ("government", "ministry", "department", "cabinet"):
        return None
    for child in token.children:
        if child.dep_ in ("amod", "compound") and nationality(child.text):
            return nationality(child.text)
        if child.dep_ == "prep" and child.lower_ == "of":
            for place in _children(child, "pobj"):
                found = country(place.text)
                if found is not None:
                    return found.name
    return None


def _names_after(head: Token, prepositions: tuple[str, ...]) -> list[str | None]:
    names: list[str | None] = []
    for prep in head.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in prepositions:
            names += [
                n for n in (_name(t) for t in _with_conjuncts(_children(prep, "pobj"))) if n is not None
            ]
    return names


def _dative(verb: Token) -> list[str | None]:
    """'awarded Babcock a contract'."""
    return [n for n in (_name(t) for t in _with_conjuncts(_children(verb, "dative"))) if n is not None]


def _makers(thing: Token) -> list[str | None]:
    """The maker named in the goods: '50 Airbus A350 jets', '30 of Boeing's jets', '92 Boeing 737 MAX jets'."""
    goods = thing
    if (thing.dep_ != "pobj" and thing.lower_ in ("some", "all")) or thing.like_num or thing.pos_ == "NUM":
        of = [c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"]
        goods = next((p for o in of for p in _children(o, "pobj")), thing)
    for child in goods.lefts:
        if child.dep_ not in ("compound", "nmod", "poss") or not _is_name(child):
            continue
        if any(c.isdigit() for c in child.text):  # 'Airbus A350 jets': the maker is the model's
            return _makers(child) if child.i != goods.i else []
        ent = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
        if not _a_company(child, ent):
            return []  # 'the order for Ajax vehicles': a product's name, not its maker's
        words = ent.text if ent is not None and ent.label_ == "ORG" and child.i == ent.end - 1 else child.text
        name = _resolved(without_article(words.removesuffix("'s").removesuffix("’s")), child.doc)
        return [name] if name is not None and country(name) is None else []
    return []


def _a_company(token: Token, ent: Span | None) -> bool:
    """A maker the recogniser or the entities step names as a body ('Airbus', "Boeing's")."""
    if ent is not None and ent.label_ == "ORG":
        return True
    mentions = token.doc._.mentions if Doc.has_extension("mentions") else ()
    return any(m.label == "ORG" and m.start <= token.idx < m.end for m in mentions)


def _is_name(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common noun ('Emirates placed an order',
    'IndiGo plans to order') where the text never writes it in lower case and it names no kind of buyer
    ('Officials', 'Airlines')."""
    if not token.text[:1].isupper() or token.ent_type_ in _NOT_NAMES:
        return False
    if token.pos_ == "PROPN":
        return True
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() not in _KINDS_OF_BUYER
        and (token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj"))
        and f" {token.lower_} " not in token.doc.text
    )


# Plural subjects that open a sentence capitalised and name no one: 'Officials said', 'Airlines ordered'.
_KINDS_OF_BUYER = frozenset(
    "official company firm airline carrier government minister authority investor analyst source buyer "
    "customer manufacturer maker bank lender shareholder regulator operator utility supplier contractor "
    "country state nation city council agency ministry department consumer household user farmer family "
    "people resident passenger shopper retailer school hospital".split()
)


def _whole(token: Token) -> str | None:
    """A subject the recogniser took whole across its own 'and' ('Public Services and Procurement Canada')."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ == "ORG" and any(t.dep_ == "cc" for t in ent):
            return _resolved(without_article(ent.text), token.doc, ent)
    return None


def _name(token: Token) -> str | None:
    """The party a slot's word names: a country, an international body, a government's body as its
    government, else the company or body the entities step or the proper nouns name."""
    government = _a_government(token)
    if government is not None:
        return government
    if not _is_name(token):
        return None
    doc = token.doc
    words = [t for t in token.lefts if t.dep_ in ("compound", "nmod", "amod") and t.text[:1].isupper()]
    first = words[0] if words and words[-1].i == token.i - 1 else token
    last = token
    for child in token.rights:  # 'Hyundai Engineering & Construction'
        if child.dep_ == "cc" and child.text == "&":
            last = max((c for c in token.rights if c.dep_ == "conj"), default=token, key=lambda c: c.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "for") and token.ent_type_ == "ORG":
            ends = [t for t in child.subtree if t.ent_type_ == "ORG"]  # 'Ministry of Defence'
            if ends and ends[-1].i == child.right_edge.i:
                last = ends[-1]
    text = doc.text[first.idx : last.idx + len(last)]
    start, end = first.idx, last.idx + len(last)
    for mention in doc._.mentions if Doc.has_extension("mentions") else ():
        whole = mention.start <= start and end <= mention.end
        if (  # the mention that holds the name, or the body the name ends in ('U.S. [Defense Department]')
            (whole or (mention.label == "ORG" and mention.start <= token.idx and end <= mention.end))
            and " and " not in mention.text
            and mention.label in ("ORG", "GPE", "NORP", "PERSON", "LOC")
        ):
            text = mention.normalized if mention.label == "ORG" else mention.text
            break
    return _resolved(
        without_article(text.removesuffix("'s").removesuffix("’s")), doc, doc[first.i : last.i + 1]
    )


def _resolved(name: str, doc: Doc, span: Span | None = None) -> str | None:
    """A country by its gazetteer name, a government's body as its government, else the name."""
    place = country(name)
    if place is not None:
        return place.name
    if international_body(name) is not None:
        return international_body(name).name  # type: ignore[union-attr]
    if _GOVERNMENT.match(name):
        words = name.split()
        named = nationality(words[0]) if len(words) > 1 else None
        return named or publisher_of(doc)
    if GOVERNMENT_BODY.match(name):  # 'the Ministry of Defence', 'the U.S. Defense Department'
        resolved = government_body_party(span if span is not None else doc[:0], name)
        if resolved is not None:
            return publisher_of(doc) if resolved == HOME else resolved
    publisher = publisher_of(doc)
    if publisher is not None and name.endswith(" " + publisher) and name.split()[0] not in ("Air",):
        return publisher  # 'Procurement Canada', 'Transport Canada' on Canada's own page
    return _in_full(known_as(name), doc)


def _in_full(name: str, doc: Doc) -> str:
    """A company's short name as the one body the text names in full that begins with it ('Emirates' after
    'Emirates Airline')."""
    if " " in name or not Doc.has_extension("mentions"):
        return name
    longer = {
        m.normalized for m in doc._.mentions if m.label == "ORG" and m.normalized.startswith(name + " ")
    }
    return longer.pop() if len(longer) == 1 else name
