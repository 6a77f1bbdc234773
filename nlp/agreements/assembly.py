"""Agreements read across sentences: candidates founded by one sentence and completed by those that point
back to it, turned into `Agreement`s, with the classifier's verdict where one runs; and the spaCy factory.

A sentence *founds* an agreement when it names one without pointing back ("new agreements", "a treaty") or
says that parties agreed or signed; "Those made with Finland and Poland ..." after agreements made in the
plural founds one per side. A later sentence that points back ("the deals", "the agreement", "the
memorandum") adds its parties, subject and evidence to the agreement founded just before it, and moves it on
to a later stage it tells ("The treaty was ratified", "This convention is pending before the Senate").

Output form: plural agreements between one side and several others ("agreements with Serbia, North
Macedonia and Kosovo") are one bilateral agreement per other side; a singular agreement with several parties
("a treaty between A, B and C") is one joint agreement. One sentence founds several agreements where its
agreement nouns name their own sides, stand in clauses of their own or are joined by "and"
(`_separate_agreements`): "signed a Bilateral Investment Treaty and an agreement on a digital payments link"
is two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.agreement_classifier import AgreementClassifier, shipped_classifier
from nlp.agreements.deals import deal_agreements
from nlp.agreements.lexicon import (
    ANNULLING_VERBS,
    CONCLUDING_VERBS,
    CONTINUING_TALKS,
    ENDING_VERBS,
    IN_FORCE_MODIFIERS,
    MAKING_VERBS,
    MIN_PARTIES,
    NEGOTIATING,
    SIGNING_VERBS,
    STAGE_MOVING_VERBS,
    SUSPENDING_VERBS,
    TAKING_EFFECT_VERBS,
)
from nlp.agreements.parties import (
    HOME,
    a_foreign_stance,
    acronyms,
    acting_for,
    announcing_party,
    in_talks_with,
    joining_it,
    made_by_others,
    named_in_its_name,
    own_other_side,
    own_side,
    parties_in,
    parties_named_before,
    refers_to_a_group,
    sides_in_context,
    signs_with_a_counterpart,
    state_or_body,
    the_group_is_ours,
    with_each,
)
from nlp.agreements.status import (
    clause_status,
    stage_only_ahead,
    stage_told_after,
    standing_said,
    status_for,
)
from nlp.agreements.tokens import (
    agreeing_verbs,
    agreement_nouns,
    clause_verb,
    concluded_talks,
    first_conjunct,
    in_title_case,
    is_noun,
    is_plural,
    is_reference,
    name_of,
    names_its_sides,
    negotiating_with,
)
from nlp.bodies import publisher
from nlp.components import ExtensionWriter
from nlp.organisations import organisation_name, us_written_out
from nlp.organisations.lexicon import LEGAL_FORMS
from nlp.sentence_vectors import sentence_vectors
from presswatch.document import Agreement, AgreementStatus
from presswatch.gazetteer import country

_REFERENCE_WINDOW = 4  # sentences after a founding sentence that may point back to it


_MAX_SUBJECT_TOKENS = 16

_CLASSIFIER_STATUS_FLOOR = 0.5  # the classifier names a status only where it reads an agreement

_CLASSIFIER_DROP_BELOW = 0.2  # a candidate without a status the classifier reads as no agreement is dropped


@dataclass(kw_only=True)
class _Candidate:
    """An agreement being read: founded by one sentence, completed by the sentences that point back to it."""

    anchor: Token
    sentence: Span
    status: AgreementStatus
    plural: bool
    leads: list[str] = field(default_factory=list)
    counterparts: list[str] = field(default_factory=list)
    subject: str | None = None
    name: str | None = None
    evidence: list[Span] = field(default_factory=list)
    sentence_index: int = 0
    others_make_it: bool = False  # all sides are named: the announcing government is not one
    acting_for: list[str] = field(default_factory=list)  # 'on behalf of the European Union': beside each lead
    topic: frozenset[str] = frozenset()  # 'a returns deal', 'a trade pact': what kind of agreement it is
    names_one: bool = True  # founded by an agreement noun ('a treaty'), not a verb ('will sign the text')

    def add_parties(self, leads: list[str], counterparts: list[str]) -> None:
        for name in leads:
            if not self.knows(name):
                self.leads.append(name)
        for name in counterparts:
            if not self.knows(name):
                self.counterparts.append(name)

    def knows(self, name: str) -> bool:
        """A party already listed, under this name or as the full name of this acronym ('GLA')."""
        known = [*self.leads, *self.counterparts]
        return name in known or (name.isupper() and any(_initials(k) == name for k in known))


def _initials(name: str) -> str:
    """'Greater London Authority' → 'GLA'; 'Department for Transport' → 'DT'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _span_text(tokens: list[Token]) -> str | None:
    kept: list[Token] = []
    for token in tokens:
        if token.is_punct and token.text not in ("-", "'", "’"):
            break
        if token.dep_ in ("relcl",) and kept:
            break
        kept.append(token)
        if len(kept) >= _MAX_SUBJECT_TOKENS:
            break
    while kept and kept[-1].pos_ in ("CCONJ", "ADP", "DET", "PART"):
        kept.pop()
    if not kept:
        return None
    doc = kept[0].doc
    return doc.text[kept[0].idx : kept[-1].idx + len(kept[-1].text)]


def subject_of(anchor: Token) -> str | None:
    """What an agreement is about: 'on critical minerals', 'to tackle people-smuggling gangs', or, where a
    sentence points back ('the deals will increase intelligence sharing'), what it says they do."""
    for child in anchor.rights:
        if child.dep_ == "prep" and child.lower_ in ("on", "over", "about", "covering", "for"):
            return _span_text([t for t in child.subtree if t.i > child.i])
    verb = clause_verb(anchor)
    candidates = [*anchor.children, *(verb.children if verb is not None else [])]
    for child in candidates:
        if child.dep_ in ("acl", "relcl", "advcl", "xcomp") and any(c.lower_ == "to" for c in child.lefts):
            return _span_text([t for t in child.subtree if t.i > child.i - 1 and t.lower_ != "to"])
    if (
        verb is not None
        and anchor.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() not in SIGNING_VERBS
    ):
        for child in verb.children:
            if child.dep_ == "dobj":
                return _span_text(
                    [t for t in child.subtree if t.i >= child.left_edge.i and t.lower_ != "with"][:8]
                )
    return None


def _anchor_of(sent: Span) -> tuple[Token, bool] | None:
    """The token an agreement sentence hangs on, and whether it only points back to an earlier one."""
    nouns = [n for n in agreement_nouns(sent) if not _a_bond(n)]
    founding = [n for n in nouns if not is_reference(n) and not _said_of_it(n)]
    if len(founding) < len(nouns):  # 'this treaty marks a new chapter in our partnership with France'
        founding = [n for n in founding if not _relationship(n)]
    if founding:  # the one that names its sides: 'under SEATO ... and the Baghdad Pact among Turkey, Iraq'
        return next((n for n in founding if names_its_sides(n)), founding[0]), False
    verbs = [
        v
        for v in agreeing_verbs(sent)
        if v.lemma_.lower() == "agree" or any(c.dep_ == "dobj" for c in v.children)
    ]
    if verbs and not nouns:
        return verbs[0], False
    if nouns:
        return nouns[0], True
    talks = concluded_talks(sent) or negotiating_with(sent)
    return (talks, False) if talks is not None else None


def _said_of_it(noun: Token) -> bool:
    """'"This is a landmark deal that will remove tariffs," the minister said' after the agreement: what 'this'
    or 'it' is called points back to it, and founds no second one."""
    head = noun.head
    return (
        noun.dep_ == "attr"
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in head.children)
    )


def _relationship(noun: Token) -> bool:
    """'our partnership with France' beside an agreement the sentence points back to: the relationship the
    agreement serves, not a second agreement."""
    return noun.lemma_.lower() == "partnership" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children
    )


def _named_relationship(noun: Token) -> bool:
    """'the partnership with Canada and Germany', 'the U.S.-Poland partnership': a relationship named with 'the'
    or by the two countries written before it (`_sides_before`)."""
    return noun.lemma_.lower() == "partnership" and (
        any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or _sides_before(noun)
    )


def _sides_before(noun: Token) -> bool:
    """'the U.S.-Poland partnership': the two countries it joins written before it, which name no subject."""
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is None or before.is_sent_start:
        return False
    sides = [side for side in before.text.split("-") if side]
    return len(sides) == 2 and all(country(side) is not None for side in sides)


# What a sentence says of a relationship as much as of an agreement: that it stands, or nothing of its stage.
_BONDS: frozenset[AgreementStatus] = frozenset({"in_force", "unknown"})


def _a_bond(noun: Token) -> bool:
    """'Our partnership with the Philippines has never been stronger', 'values its partnership with France':
    the speaker's bond with another, with no subject, kind or stage said, is no agreement ('China and Russia have
    deepened their partnership' names no other side: the rules read it as one that exists). So is 'the
    partnership with Canada and Germany' or 'the U.S.-Poland partnership' of no stage at all; one the text has
    operating ('under the partnership with Morocco, the EU funds ...') is an agreement."""
    if not _bare(noun):
        return False
    with_sides = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    if _relationship(noun) and with_sides:
        return status_for(noun) in _BONDS
    return _named_relationship(noun) and (with_sides or _sides_before(noun)) and status_for(noun) == "unknown"


def _bare(noun: Token) -> bool:
    """A partnership named by no subject, kind or qualifying clause: 'our partnership with X', not 'our green
    shipping partnership', 'our partnership on energy', 'our partnership, signed in 2019'."""
    return not any(
        c.dep_ in ("compound", "acl", "relcl", "appos")
        or (c.dep_ == "prep" and c.lower_ in ("on", "for", "in"))
        for c in noun.children
    )


def _sentence_status(sent: Span, anchor: Token) -> AgreementStatus:
    """The anchor's status or, where its clause says nothing, that of another agreement noun in the sentence
    ('City deals in Scotland – the government is making progress towards city deals for Edinburgh')."""
    status = status_for(anchor)
    if status != "unknown" or not is_noun(anchor):
        return status
    for noun in agreement_nouns(sent):
        if noun.i != anchor.i and not is_reference(noun):
            status = status_for(noun)
            if status != "unknown":
                return status
    return "unknown"


def _subjects_named_next(sents: list[Span], index: int) -> list[str]:
    """'The memorandum will be signed next month. Serbia and the UK will cooperate under it.': two or more
    countries or international bodies that are together the subject of the next sentence."""
    if index + 1 >= len(sents):
        return []
    anchored = _anchor_of(sents[index + 1])
    if anchored is not None and not anchored[1]:
        return []  # the next sentence founds an agreement of its own
    names: list[str] = []
    for ent in sents[index + 1].ents:
        first = first_conjunct(ent.root)
        if first.dep_ not in ("nsubj", "nsubjpass") or ent.label_ not in ("GPE", "ORG"):
            continue
        name = state_or_body(ent)
        if name is not None and name not in names:
            names.append(name)
    return names if len(names) >= MIN_PARTIES else []


def _complete_parties(candidate: _Candidate, sents: list[Span], index: int, *, refers: bool) -> None:
    """Where the clause names fewer than two parties: 'the two countries' stands for those named just
    before, a person of the announcing government signing with a foreign counterpart brings it in, and an
    agreement named without its sides takes the countries the next sentence is about, else those its
    context gives (`sides_in_context`; for one that points back, only the partner the speaker's government works
    with in the sentence before: 'the climate agreement' after 'We welcomed President Macron' need not be
    France's)."""
    anchor = candidate.anchor
    if len(candidate.leads) + len(candidate.counterparts) >= MIN_PARTIES:
        return
    if not candidate.leads and not candidate.counterparts:
        candidate.add_parties(_subjects_named_next(sents, index), [])
        if candidate.leads:
            return
    if refers_to_a_group(anchor):
        unnamed = not candidate.leads and not candidate.counterparts
        talks = in_talks_with(anchor.sent) if unnamed and publisher(anchor.doc) else []
        if talks:
            # 'Negotiations with Great Britain are in progress, and ... an agreement satisfactory to both nations'
            # on a government's page: the side its sentence holds talks with and the government, not a country
            # named before
            candidate.add_parties([HOME], talks[:1])
        else:
            candidate.add_parties(parties_named_before(sents, index, upto=anchor.i), [])
            if the_group_is_ours(anchor) or len(candidate.leads) + len(candidate.counterparts) < MIN_PARTIES:
                candidate.add_parties([HOME], [])
    elif signs_with_a_counterpart(anchor):
        candidate.add_parties([HOME], [])
    elif len(candidate.leads) == 1 and not candidate.counterparts and a_foreign_stance(anchor):
        candidate.add_parties([HOME], [])  # 'the Soviet Government wants an agreement'
    if set(candidate.leads + candidate.counterparts) <= own_side(anchor.doc):  # perhaps 'the Congress'
        leads, counterparts = sides_in_context(anchor, sents, index, before=not refers)
        candidate.add_parties(leads, counterparts)
        _still_in_talks(candidate, counterparts)


def _still_in_talks(candidate: _Candidate, counterparts: list[str]) -> None:
    """'talks with the EU were moving in the right direction, but no deal would be struck before the spring': a
    deal whose only other side is the one the sentence holds talks with is being negotiated, not only planned."""
    talks = in_talks_with(candidate.sentence)
    if candidate.status in ("planned", "unknown") and counterparts and counterparts[0] in talks:
        candidate.status = "in_negotiation"


def _candidates(doc: Doc) -> list[_Candidate]:
    found: list[_Candidate] = []
    sents = list(doc.sents)
    for index, sent in enumerate(sents):
        if sent.text.rstrip().endswith("?"):
            continue  # 'Surely Britain will get a better deal?': a question announces nothing
        anchored = _anchor_of(sent)
        those = _those_made_with(sent, sents, index) if anchored is None else None
        if those is not None:
            found.append(_those_candidate(those, sents, index))
            continue
        if anchored is None:
            _moved_on(found, sent, index)  # 'It entered into force on 29 December.'
            continue
        anchor, refers = anchored
        if not refers:
            separate, own_status = _separate_agreements(sent, anchor)
            made = [
                _candidate(one, sents, index, exclude=others, alone=not own_status)
                for one, others in separate
            ]
            found.extend(_respectively(made, sent))
            continue
        leads, counterparts = parties_in(anchor)
        earlier = found[-1] if found and index - found[-1].sentence_index <= _REFERENCE_WINDOW else None
        if earlier is not None and _another_makes_it(anchor, earlier, [*leads, *counterparts]):
            earlier = None  # 'The Government of France ratified the agreement with us' after one with Greece
        if refers and earlier is not None:
            # 'France welcomed the agreement': once it has its sides, only its other side is added
            earlier.add_parties([] if _has_its_sides(earlier) else leads, counterparts)
            earlier.add_parties([], joining_it(anchor))  # '..., and Tonga has since joined it'
            earlier.evidence.append(sent)
            earlier.subject = earlier.subject or subject_of(anchor)
            if _tells_its_stage(anchor, earlier, [*leads, *counterparts]) and not _only_ahead(
                anchor, earlier
            ):
                earlier.status = _later_stage(earlier.status, status_for(anchor))
            elif _standing_told(anchor, earlier, [*leads, *counterparts]):
                # 'This convention is pending before the Senate', 'This agreement is to remain in force'
                earlier.status = _later_stage(earlier.status, standing_said(anchor) or earlier.status)
            elif earlier.status == "unknown":
                earlier.status = status_for(anchor)
            earlier.sentence_index = index
            continue
        found.append(_candidate(anchor, sents, index, refers=True))
    return found


_THOSE = frozenset({"those", "these"})
_MADE_WITH = SIGNING_VERBS | CONCLUDING_VERBS | MAKING_VERBS | NEGOTIATING


def _those_made_with(sent: Span, sents: list[Span], index: int) -> Token | None:
    """'Settlements have been made with foreign governments. Those made with Great Britain, Finland and Poland
    have been approved by the Congress', '... Those with Japan and Korea entered into force': 'those' (or
    'these') as a subject, made with named sides, after a sentence naming agreements in the plural, stands for
    the agreements with them."""
    if index == 0 or not _made_in_the_plural(sents[index - 1]):
        return None
    for token in sent:
        if token.lower_ not in _THOSE or token.pos_ not in ("PRON", "DET"):
            continue
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        holders = [token] + [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in _MADE_WITH]
        if token.head.lemma_.lower() in _MADE_WITH and token.head.tag_ in ("VBD", "VBN"):
            holders.append(token.head)  # the parser may take 'Those concluded with ...' for a clause
        if any(p.dep_ == "prep" and p.lower_ == "with" for h in holders for p in h.children):
            return token
    return None


def _made_in_the_plural(sent: Span) -> bool:
    """Agreements named in the plural ('several trade continuity agreements'), or things said in the plural to
    have been made, reached or concluded ('Settlements have been made', 'Arrangements were concluded')."""
    if any(is_plural(n) for n in agreement_nouns(sent)):
        return True
    return any(t.dep_ == "nsubjpass" and is_plural(t) and t.head.lemma_.lower() in _MADE_WITH for t in sent)


def _those_candidate(those: Token, sents: list[Span], index: int) -> _Candidate:
    """The agreements 'those' made with named sides stands for: one per side ('plural'), at the stage the
    clause it is the subject of says ('have been approved by the Congress' → in force)."""
    candidate = _Candidate(
        anchor=those,
        sentence=sents[index],
        status=clause_status(those.head),
        plural=True,
        evidence=[sents[index]],
        sentence_index=index,
    )
    candidate.add_parties(*parties_in(those))
    return candidate


def _only_ahead(anchor: Token, earlier: _Candidate) -> bool:
    """'Iran and the IAEA have agreed on a framework ... warned that the deal could collapse': an end or a
    taking effect only ahead or supposed keeps the stage the text gave (`status.stage_only_ahead`)."""
    return earlier.status != "unknown" and stage_only_ahead(clause_verb(anchor))


def _moved_on(found: list[_Candidate], sent: Span, index: int) -> None:
    """A sentence right after an agreement's that names none but tells a later stage of it ('The instruments of
    ratification were exchanged on November 1', 'It entered into force in December') moves it on (`status.
    stage_told_after`)."""
    if found and found[-1].sentence_index == index - 1:
        stage = stage_told_after(sent)
        if stage is not None:
            found[-1].status = _later_stage(found[-1].status, stage)


def _respectively(made: list[_Candidate], sent: Span) -> list[_Candidate]:
    """'signed a water-sharing agreement and an energy trade agreement with Botswana and Namibia respectively':
    as many agreements as the counterparts they share, in order, each with its own."""
    shared = made[0].counterparts if made else []
    if (
        len(made) >= MIN_PARTIES
        and len(shared) == len(made)
        and all(c.counterparts == shared for c in made)
        and any(t.lower_ == "respectively" for t in sent)
    ):
        for candidate, counterpart in zip(made, list(shared), strict=True):
            candidate.counterparts = [counterpart]
    return made


def _another_makes_it(anchor: Token, earlier: _Candidate, named: list[str]) -> bool:
    """'The act authorized the settlement with Greece, and an agreement was concluded. The Government of
    France ratified the agreement with us': a sentence pointing back whose own clause signs or ratifies an
    agreement between two sides or more, one of them a side the earlier agreement lacks, tells of another
    agreement of the same kind ('France welcomed the agreement' does not: it makes nothing)."""
    verb = clause_verb(anchor)
    return (
        _has_its_sides(earlier)
        and len(named) >= MIN_PARTIES
        and any(name != HOME and not earlier.knows(name) for name in named)
        and verb is not None
        and verb.lemma_.lower() in SIGNING_VERBS | TAKING_EFFECT_VERBS
    )


# the order an agreement's life runs in: a later sentence may carry it on ('The treaty was ratified ... and
# went into effect'), never back ('The two governments will sign the text' after it was agreed)
_STAGES: dict[AgreementStatus, int] = {
    "unknown": -1,
    "planned": 0,
    "in_negotiation": 1,
    "agreed": 2,
    "signed": 3,
    "in_force": 4,
    "suspended": 5,
    "ended": 5,
}


def _tells_its_stage(anchor: Token, earlier: _Candidate, named: list[str]) -> bool:
    """'The treaty was ratified', 'The agreement entered into force': a noun pointing back that is the
    subject or object of a verb of signing, taking effect, suspending or ending, naming no other kind of
    agreement than the one founded ('We will press for compliance with the peace accords' after talks on
    forces is another agreement; 'This agreement has support, and I ask Congress to pass it' tells no stage)
    and no party the agreement lacks ('The Government of France ratified the agreement with us' after one
    with Greece)."""
    if any(name != HOME and not earlier.knows(name) for name in named):
        return False
    verb = clause_verb(anchor)
    if not is_noun(anchor) or verb is None or anchor.head.i != verb.i:
        return False
    kinds = {
        c.lemma_.lower() for c in anchor.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "NOUN"
    }
    return verb.lemma_.lower() in _STAGE_VERBS and kinds <= earlier.topic


_STAGE_VERBS = (
    SIGNING_VERBS
    | TAKING_EFFECT_VERBS
    | SUSPENDING_VERBS
    | ENDING_VERBS
    | ANNULLING_VERBS
    | STAGE_MOVING_VERBS
)


def _standing_told(anchor: Token, earlier: _Candidate, named: list[str]) -> bool:
    """A sentence pointing back whose subject, the agreement, is said to stand somewhere ('This treaty is pending
    before the Senate', 'The arrangement remains in force': `status.standing_said`), naming no party the
    agreement lacks."""
    if any(name != HOME and not earlier.knows(name) for name in named):
        return False
    return standing_said(anchor) is not None


def _later_stage(known: AgreementStatus, said: AgreementStatus) -> AgreementStatus:
    """The status a sentence pointing back gives where it is a later stage of the agreement than known."""
    return said if _STAGES[said] > _STAGES[known] else known


def _has_its_sides(candidate: _Candidate) -> bool:
    """Two sides or more, counting the announcing government an agreement 'with Greece' implies."""
    implied = 1 if candidate.counterparts and not candidate.leads and not candidate.others_make_it else 0
    return len(candidate.leads) + len(candidate.counterparts) + implied >= MIN_PARTIES


def _separate_agreements(sent: Span, anchor: Token) -> tuple[list[tuple[Token, frozenset[int]]], bool]:
    """'Implementation of the City Deal for Glasgow is under way, alongside work towards the City Deals for
    Cardiff and Aberdeen': where each agreement noun names its own other side, each founds an agreement,
    blind to the others' sides. So does each agreement noun of its own clause or joined to another by 'and'
    (`_apart`: 'signed a Bilateral Investment Treaty and an agreement on a digital payments link', 'signed a
    reciprocal access agreement and agreed to start negotiations on a logistics agreement'). Otherwise the
    anchor alone founds one. The flag says whether each reads its status from its own clause (nouns of
    separate clauses or joined by 'and'), not from the sentence."""
    heads = {
        (n.head if n.dep_ == "compound" and n.head in founding else n).i: n  # 'partnership agreement' is one
        for founding in [agreement_nouns(sent)]
        for n in founding
        if not is_reference(n)
    }
    nouns = sorted((sent.doc[i] for i in heads), key=lambda n: n.i)
    if _in_joined_clauses(nouns):
        return [(noun, frozenset()) for noun in nouns], True
    sides = [frozenset(own_other_side(n)) for n in nouns]
    if len(nouns) >= 2 and all(sides) and not any(n.i in s for n in nouns for s in sides):
        return [
            (noun, frozenset().union(*(s for j, s in enumerate(sides) if j != k)))
            for k, noun in enumerate(nouns)
        ], False
    restricted = [n for n in agreement_nouns(sent) if is_reference(n) and _restricted(n)]
    apart = _apart(
        sorted((n for n in [*nouns, *restricted] if _same_part(n, anchor)), key=lambda n: n.i), anchor=anchor
    )
    if len(apart) < 2:
        return [(anchor, frozenset())], False
    own = [frozenset(own_other_side(n)) for n in apart]
    if _shared_side(apart):
        return [(noun, frozenset()) for noun in apart], True
    return [(noun, _others_sides(apart, own, k)) for k, noun in enumerate(apart)], True


def _others_sides(nouns: list[Token], own: list[frozenset[int]], k: int) -> frozenset[int]:
    """What noun `k` must not read its sides from: the other nouns' own sides, and the phrases of those the
    parser hung inside its own ('a free trade agreement with Ecuador and a ... partnership agreement with
    Indonesia', the second joined to 'Ecuador'); never its own phrase's words."""
    trees = [frozenset(t.i for t in n.subtree) for n in nouns]
    inside = [j for j in range(len(nouns)) if j != k and nouns[j].i in trees[k]]
    mine = trees[k].difference(*(trees[j] for j in inside))
    others = frozenset().union(*(own[j] for j in range(len(nouns)) if j != k), *(trees[j] for j in inside))
    return others - mine


def _same_part(noun: Token, anchor: Token) -> bool:
    """No semicolon between them: 'the developing cooperation under the Southeast Asia Collective Defense
    Treaty; and the Baghdad Pact among Turkey, Iraq ...' lists gains, read as before by the one that names its
    sides."""
    low, high = sorted((noun.i, anchor.i))
    return not any(t.text == ";" for t in noun.doc[low:high])


def _shared_side(nouns: list[Token]) -> bool:
    """'signed a water-sharing agreement and an energy trade agreement with Botswana': a 'with' or 'for' on
    the last of nouns joined by 'and', the others naming no side of their own, is the side of each; one
    'between' or 'among' names ('and the Baghdad Pact among Turkey, Iraq ...') is its own noun's alone."""
    *first, last = nouns
    phrases = [c for c in last.rights if c.dep_ == "prep" and c.lower_ in ("with", "for")]
    return (
        bool(phrases)
        and all(_joined(n, last) or _joined(nouns[0], last) for n in first)
        and not any(own_other_side(n) for n in first)
        and own_other_side(last) == {t.i for p in phrases for t in p.subtree}
    )


def _in_joined_clauses(nouns: list[Token]) -> bool:
    """'The Anzus treaty has strengthened ties with Australia, and a treaty with Japan has been signed': each
    agreement noun the subject or object of its own clause, the clauses joined by 'and'."""
    verbs = [clause_verb(n) for n in nouns]
    first = verbs[0] if len(verbs) >= 2 else None
    return first is not None and all(
        v is not None and v.i != first.i and any(w.i == v.i for w in first.conjuncts) for v in verbs[1:]
    )


def _apart(nouns: list[Token], *, anchor: Token) -> list[Token]:
    """The agreement nouns of a sentence that each found an agreement: one per clause (its verb), and each
    singular noun joined to another by 'and' in one; a noun in apposition to another ('the Pukpuk Treaty, a
    mutual defence alliance'), its predicate ('the deal was a limited agreement') or a noun inside its phrase
    (no clause or 'and' between them) is the same agreement; a noun of another clause founds one only where that
    clause tells its stage (`_staged`). Plural nouns keep the one-per-counterpart reading ('agreements and
    memoranda with Ghana')."""
    if len(nouns) < 2 or any(is_plural(n) for n in nouns):
        return []
    kept: list[Token] = []
    for noun in nouns:
        verb = clause_verb(noun)
        same = [
            k
            for k in kept
            # 'the deal was supposed to be a limited agreement': a predicate is the same agreement
            if noun.dep_ in ("appos", "attr", "oprd")
            or _inside(noun, k)
            or (clause_verb(k) == verb and not _joined(k, noun))
        ]
        if same:
            continue
        if noun.i != anchor.i and not any(_joined(k, noun) for k in kept) and not _staged(noun):
            continue  # 'looks forward to considering proposals for a Tay Cities Deal': no stage of its own
        kept.append(noun)
    return kept if len(kept) >= 2 and anchor in kept else []


# The words by which a clause tells an agreement's own stage: signing, talks, taking effect or ending.
_STAGE_WORDS = (
    SIGNING_VERBS
    | CONCLUDING_VERBS
    | NEGOTIATING
    | CONTINUING_TALKS
    | TAKING_EFFECT_VERBS
    | ENDING_VERBS
    | SUSPENDING_VERBS
    | frozenset({"signing", "force", "effect"})
)


def _staged(noun: Token) -> bool:
    """An agreement noun in a clause of its own that says where it stands: 'launched talks on a treaty',
    'welcomed the signing of a framework', 'the agreement that entered into force', 'the existing agreement'
    ('considering proposals for a deal' says nothing of the deal)."""
    if any(c.lower_ in IN_FORCE_MODIFIERS for c in noun.lefts) or _said_in_force(noun):
        return True
    verb = clause_verb(noun)
    current = noun
    while current.head.i != current.i and (verb is None or current.i != verb.i):
        current = current.head
        if current.lemma_.lower() in _STAGE_WORDS:
            return True
    return any(
        t.lemma_.lower() in _STAGE_WORDS for c in noun.rights if c.dep_ in ("relcl", "acl") for t in c.subtree
    )


def _restricted(noun: Token) -> bool:
    """'building on the free trade agreement that entered into force in 2023', 'alongside the agreement in force
    since 2021': a definite agreement noun that a clause of its own, not set off by a comma, or its being in force
    tells apart from the one the sentence founds."""
    doc = noun.doc
    return any(
        (c.dep_ in ("relcl", "acl") and c.i > noun.i and doc[c.left_edge.i - 1].text != ",")
        for c in noun.children
    ) or _said_in_force(noun)


def _said_in_force(noun: Token) -> bool:
    """'the economic partnership agreement in force since 2021' (the parser may hang 'in force' on the verb)."""
    doc = noun.doc
    return (
        noun.i + 2 < len(doc)
        and doc[noun.i + 1].lower_ == "in"
        and doc[noun.i + 2].lower_ in ("force", "effect")
    )


def _inside(noun: Token, other: Token) -> bool:
    """'negotiations on the text of a treaty', 'the protocol to the agreement': `noun` within `other`'s phrase,
    by no clause of its own and no 'and' between them."""
    current = noun
    while current.head.i != current.i and current.dep_ != "conj":
        current = current.head
        if current.i == other.i:
            return True
        if current.pos_ in ("VERB", "AUX"):
            return False
    return False


def _joined(first: Token, second: Token) -> bool:
    """'a Bilateral Investment Treaty and an agreement on a digital payments link': the second noun a conjunct
    of the first, each an agreement of its own; also where the parser joined it to a word inside the first's
    phrase ('a free trade agreement with Ecuador and a comprehensive economic partnership agreement with
    Indonesia': conjunct of 'Ecuador'), a phrase of its own with its own article."""
    if second.dep_ != "conj":
        return False
    if any(c.i == second.i for c in first.conjuncts):
        return True
    return any(a.i == first.i for a in second.head.ancestors) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in second.lefts
    )


def _candidate(
    anchor: Token,
    sents: list[Span],
    index: int,
    *,
    exclude: frozenset[int] = frozenset(),
    refers: bool = False,
    alone: bool = True,
) -> _Candidate:
    """The agreement `anchor` founds; where the sentence founds others of their own clauses (not `alone`), its
    status is its own clause's, never another agreement's ('discussed the AUKUS partnership and welcomed the
    signing of a framework')."""
    sent = sents[index]
    leads, counterparts = parties_in(anchor, exclude=exclude)
    candidate = _Candidate(
        anchor=anchor,
        sentence=sent,
        status=_sentence_status(sent, anchor) if alone else status_for(anchor),
        plural=is_plural(anchor) or with_each(anchor),
        subject=subject_of(anchor),
        name=name_of(anchor),
        evidence=[sent],
        sentence_index=index,
        others_make_it=made_by_others(anchor),
        acting_for=acting_for(anchor),
        topic=_topic(anchor),
        names_one=is_noun(anchor) and not refers,
    )
    named = named_in_its_name(anchor)
    if len(named) >= MIN_PARTIES:
        candidate.add_parties(named, [])  # 'the U.S.-Mexico-Canada Agreement': its name says its sides
    else:
        candidate.add_parties([], named)  # 'the UK-Rwanda deal' in a British release: the other side
    candidate.add_parties(leads, counterparts)
    _complete_parties(candidate, sents, index, refers=refers)
    return candidate


def _topic(anchor: Token) -> frozenset[str]:
    """The nouns that say what kind of agreement it is ('returns' in 'a returns deal', 'free trade'), what it
    is 'on', and the words of what it is for ('to share weather data'); `_ANOTHER` alone where the text says
    it is another one ('a second agreement')."""
    if not is_noun(anchor):
        return frozenset()
    if any(c.lower_ in _OTHER_ONE for c in anchor.lefts):
        return frozenset({_ANOTHER})
    kinds = ("compound", "nmod", "nsubj")  # nsubj: "returns" in "a returns deal" tagged as a verb
    words = {
        c.lemma_.lower() for c in anchor.lefts if c.dep_ in kinds and c.pos_ == "NOUN" and not c.ent_type_
    }
    for child in anchor.rights:
        if child.dep_ == "prep" and child.lower_ in ("on", "over", "about", "for"):
            words |= {t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN"}
    verb = clause_verb(anchor)
    for child in [*anchor.children, *(verb.children if verb is not None else ())]:
        if child.dep_ in ("acl", "relcl", "advcl", "xcomp") and any(c.lower_ == "to" for c in child.lefts):
            words |= {
                t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "VERB") and not t.ent_type_
            }
    return frozenset(words)


# 'another agreement', 'a second deal': never the agreement said before
_OTHER_ONE = frozenset({"another", "second", "third", "separate", "further", "additional"})
_ANOTHER = "\x00another"


def _at_home(names: list[str], home: str | None) -> list[str]:
    """`names` with the announcing government for `HOME`, once ('an MoU was signed between the Ministry of
    Health and Novartis' on a government's site: the ministry is its government, on either side); without
    one, `HOME` is dropped."""
    resolved = (home if name == HOME else name for name in names)
    return list(dict.fromkeys(name for name in resolved if name is not None))


def _agreements_of(candidate: _Candidate, home: str | None) -> list[Agreement]:
    counterparts = _at_home(candidate.counterparts, home)
    leads: list[str] = []
    for name in _at_home(candidate.leads, home):
        if name not in leads and name not in counterparts:
            leads.append(name)
    if (
        not leads
        and home is not None
        and home not in counterparts
        and counterparts
        and not candidate.others_make_it
    ):
        leads = [home]
    acting = [name for name in candidate.acting_for if name not in leads]
    others = [name for name in counterparts if name not in acting and name not in leads]
    sides: list[tuple[str, ...]]
    if candidate.plural and len(leads) == 1 and len(others) >= MIN_PARTIES:
        sides = [(leads[0], *acting, other) for other in others]
    elif candidate.plural and len(others) == 1 and len(leads) >= MIN_PARTIES:
        sides = [(lead, *acting, others[0]) for lead in leads]
    else:
        sides = [tuple(leads + acting + others)]
    sentence = candidate.sentence
    evidence = tuple(s.text.strip() for s in candidate.evidence)
    return [
        Agreement(
            text=sentence.text.strip(),
            parties=parties,
            status=candidate.status,
            start=sentence.start_char,
            end=sentence.end_char,
            subject=candidate.subject,
            name=candidate.name,
            evidence=evidence,
        )
        for parties in sides
        if len(parties) >= MIN_PARTIES
    ]


def _restates(
    agreement: Agreement,
    candidate: _Candidate,
    earlier: list[tuple[Agreement, frozenset[str], int]],
) -> bool:
    """A later sentence naming a subset of an earlier agreement's parties, with no clearer status, repeats it;
    unless both say what kind of agreement they are or what it is for and these differ ('a returns deal', 'a
    trade pact'; 'to expand air services', 'to share weather data'), or the text says it is another one. One
    that names no agreement of its own ('The two governments will sign the text later this year') and states
    an earlier stage also repeats it. Another agreement noun of the same sentence that `_separate_agreements`
    read as one of its own, with a status, repeats none ('signed a Bilateral Investment Treaty and an agreement
    on a digital payments link')."""
    topic = candidate.topic
    return _ANOTHER not in topic and any(
        set(agreement.parties) <= set(e.parties)
        and (
            agreement.status in (e.status, "unknown")
            or (not candidate.names_one and _STAGES[agreement.status] < _STAGES[e.status])
        )
        and not (topic and e_topic and not topic & e_topic)
        and not (
            e.start == agreement.start and e_anchor != candidate.anchor.i and agreement.status != "unknown"
        )
        for e, e_topic, e_anchor in earlier
    )


def _with_full_names(agreement: Agreement, full: dict[str, str], doc: Doc) -> Agreement:
    """'JICA' as the 'Japan International Cooperation Agency' the text spells out, in brackets or anywhere
    else ('JICA signed ... The Japan International Cooperation Agency said'), read as the entity layer reads
    bodies (`organisation_name`, whose 'United States' a body's 'U.S.' is); `full` keeps each acronym's answer for
    the document."""
    for party in agreement.parties:
        if party not in full and party.isupper() and len(party) >= 2:
            written = organisation_name(party, doc=doc)
            full[party] = written if written != party and written in doc.text else party
    parties = tuple(
        dict.fromkeys(
            us_written_out(_without_legal_form(full.get(p, p)), written=p) for p in agreement.parties
        )
    )
    return agreement if parties == agreement.parties else agreement.model_copy(update={"parties": parties})


def _without_legal_form(name: str) -> str:
    """'Ameri Energy Ltd' → 'Ameri Energy': a company's legal form is no part of its name as a party (nor of an
    organisation's); the '& Co.' of a name keeps its own."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in LEGAL_FORMS and words[-2] != "&":
        return " ".join(words[:-1]).rstrip(",")
    return name


def _with_verdict(candidate: _Candidate, classifier: AgreementClassifier | None) -> float | None:
    """Lets the classifier read the founding sentence: it fills a status the rules could not read and
    returns its confidence that the sentence announces an agreement (None without an embedding)."""
    if classifier is None:
        return None
    vectors = sentence_vectors(candidate.sentence.doc, [candidate.sentence])
    vector = vectors[0] if vectors else None
    if vector is None:
        return None
    verdict = classifier.verdict(vector)
    if candidate.status == "unknown" and verdict.p_agreement >= _CLASSIFIER_STATUS_FLOOR:
        candidate.status = verdict.status
    return verdict.p_agreement


def find_agreements(doc: Doc, *, classifier: AgreementClassifier | None = None) -> list[Agreement]:
    """The agreements a parsed document announces or states, in reading order.

    Each sentence that founds an agreement gives one candidate, which the sentences pointing back to it
    complete; a candidate becomes one agreement per side (`_agreements_of`), and one that only repeats an
    earlier agreement's parties without a clearer status is dropped. With a `classifier`, the founding
    sentence's vector (asked of `sentence_vectors` for that sentence only) fills a status the rules could
    not read, drops a candidate without a status that it reads as no agreement, and sets `confidence`.
    """
    home = announcing_party(doc)
    full = acronyms(doc)
    found: list[tuple[Agreement, frozenset[str], int]] = []
    for candidate in _candidates(doc):
        weak = candidate.status == "unknown"
        confidence = _with_verdict(candidate, classifier)
        if weak and confidence is not None and confidence < _CLASSIFIER_DROP_BELOW:
            continue  # neither the rules nor the classifier read an agreement here
        for made in _agreements_of(candidate, home):
            agreement = _with_full_names(made, full, doc)
            if not _restates(agreement, candidate, found):
                if confidence is not None:
                    agreement = agreement.model_copy(update={"confidence": round(confidence, 3)})
                found.append((agreement, candidate.topic, candidate.anchor.i))
    found += _deals_not_found(deal_agreements(doc), found, full, doc)
    found.sort(key=lambda made: made[0].start)
    return [
        agreement
        for k, (agreement, topic, _) in enumerate(found)
        if not _told_later(agreement, topic, found[k + 1 :], doc)
    ]


def _told_later(
    agreement: Agreement, topic: frozenset[str], later: list[tuple[Agreement, frozenset[str], int]], doc: Doc
) -> bool:
    """A headline's agreement of no status whose parties a later one of the same kind has with a status is
    that one, named before the text says where it stands ('Minister Welcomes Agreement With EU' over 'Canada
    and the EU signed ...'); in the text, one of no status before may be another ('the START treaty' before
    'agreed on START II'). `_restates` drops one of no status that comes after."""
    sentence = doc.char_span(agreement.start, agreement.end, alignment_mode="expand")
    return (
        agreement.status == "unknown"
        and sentence is not None
        and in_title_case(sentence)
        and _ANOTHER not in topic
        and any(
            set(agreement.parties) <= set(e.parties)
            and e.status != "unknown"
            and not (topic and e_topic and not topic & e_topic)
            for e, e_topic, _ in later
        )
    )


def _deals_not_found(
    deals: list[Agreement], found: list[tuple[Agreement, frozenset[str], int]], full: dict[str, str], doc: Doc
) -> list[tuple[Agreement, frozenset[str], int]]:
    """The contracts, orders and sales `deals` reads that no agreement found already has the sides of (in its
    own sentence, or anywhere at the same stage); they have no anchor of the rules' (-1)."""
    added: list[tuple[Agreement, frozenset[str], int]] = []
    for deal in deals:
        agreement = _with_full_names(deal, full, doc)
        sides = set(agreement.parties)
        if not any(
            sides <= set(e.parties) and (e.start == agreement.start or e.status == agreement.status)
            for e, _, _ in [*found, *added]
        ):
            added.append((agreement, frozenset(), -1))
    return added


@Language.factory(
    "presswatch_agreements",
    assigns=["doc._.agreements"],
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma", "token.is_sent_start"],
    default_config={"use_classifier": False},
)
def make_agreement_detector(nlp: Language, name: str, use_classifier: bool) -> ExtensionWriter:
    """With `use_classifier`, sentences embedded by `presswatch_encoder` (placed before this component)
    are also read by the shipped classifier."""
    classifier = shipped_classifier() if use_classifier else None
    return ExtensionWriter(attribute="agreements", find=partial(find_agreements, classifier=classifier))


def candidate_statuses(doc: Doc) -> list[tuple[Span, AgreementStatus]]:
    """Each candidate's founding sentence and the status the rules read for it, before any classifier: what
    `bench/agreement_classifier_cv.py` gives a classifier to replace where the rules' reading is weak."""
    return [(candidate.sentence, candidate.status) for candidate in _candidates(doc)]
