"""How far along an agreement is, read from the clause that governs its noun or verb.

Statuses: planned, in_negotiation, agreed, signed, in_force, suspended, ended, or unknown where the clause
says nothing. The rules are first-match-wins, so their order is part of what they mean:

`status_for(anchor)` (an agreement noun, or an agreeing verb that goes straight to the clause rules; a
compound reads as its head, "partnership" in "a partnership agreement"; "the conclusion of negotiations"
→ agreed):
  0. a sentence-case headline without a verb reads its present as the past ("Viet Nam, Laos ink deal on power
     trade": the model's noun "ink" before the agreement → signed);
  0b. said after the noun in its sentence: refused ("..., which failed to receive the advice and consent of the
     Senate", "failed to be ratified", "the Senate rejected the treaty") → ended (not where only supposed: "will
     fail ... unless"); its consent still awaited ("has not yet received the consent of the Senate") → signed;
     still under talks ("now in the course of negotiation", "under negotiation", on the noun or on a verb that
     does not sign or conclude it) → in_negotiation;
  1. a modifier that says it stands ("existing", "current") → in_force; one that says it is to come
     ("proposed", "draft") → planned, unless a legislature has it before it ("I urge the Senate to approve
     the proposed treaty" → signed), or the sides have reached it ("have agreed on the draft treaty" →
     agreed); "our treaty commitments to Taiwan", "Japan, our treaty ally" → in_force;
  2. where the noun stands: "under the agreement", "under the terms of the treaty", "pursuant to the
     convention", "thanks to the treaty", "based on the treaty", "because of the treaty" → in_force
     (suspended or ended where the clause drops its obligations under it; the stage its own clause says where
     what is done under it is yet to come: "under the agreement we reached with North Korea, Pyongyang will
     freeze its program" → agreed); "compliance with the agreement" →
     in_force; "towards a deal",
     "press for an agreement", "work with Russia on a treaty", "close to a deal", "an agreement is within
     reach", "proposals for a trade agreement were exchanged", "exchanged draft texts of" → in_negotiation; a
     deal that frames a purchase: "Norway will buy frigates in a deal" → agreed, "bought frigates in a deal" →
     signed; "the Cabinet has given its ex-post facto approval to the MoU" → signed; "the ratification of the
     treaty", "Senate approval of the treaty" → in_force (signed where it is asked for, needed or yet to
     come); "implementation of the deal" → in_force (unless that is frozen or ended); "approved the signing of
     an MoU" → planned ("welcomed (witnessed) the signing of a framework" → signed, planned where yet to come); "talks on an agreement" → in_negotiation ("the conclusion of negotiations on" →
     agreed; "agreed that talks on a treaty would begin" is talks to come, in_negotiation; talks that
     "ended (culminated, were brought to a close) in" it made it, agreed, or the later stage a clause on it or on
     its "with" side says: "in a convention with that Government, which took effect in July" → in_force); "the exchange of MoUs" → signed; "a party to the agreement" → in_force; "the entry into force
     of" → in_force (planned where that entry is yet to come); "the collapse (expiry, termination) of the
     treaty", "its withdrawal from the deal" → ended ("the suspension of" → suspended; in_force where that end
     is ahead or only supposed: "before the expiry of", "would lead to the collapse of"); the instrument that
     is to hold what the sides have reached ("the terms agreed with Britain will be embodied in a treaty", "the
     agreement in principle reached will be turned into a full treaty", "agreement in principle has been
     reached, and a treaty will be drafted") → agreed;
  3. "the ratifications having been exchanged (received)" anywhere in its sentence → in_force; a participle or
     relative clause on the noun (or a signing participle the parser hung on its "with" side: "the treaty with
     Paraguay, signed in May"): "the agreement, signed in July" → signed, outranked by a
     later stage its own verb (or a later verb the parser hung on the noun: "..., signed in 2006, entered into
     force in 2012"), or what it has done since ("..., signed in 1960, has served both nations well") or goes on doing ("...,
     renewed in 2021, continues to support trade") says but not by implementation yet to begin ("the agreement reached with Japan
     will now be carried out" → agreed) (also where the tagger took the participle for a past tense, or the
     parser hung "the Agreement reached with China"'s participle elsewhere), "the treaty negotiated with
     Russia" → agreed ("now being negotiated" → in_negotiation); "the deal they are negotiating" → that
     clause's status (in_force where the agreement has since done something: "the agreement we reached with
     Japan in 1987 has reduced the deficit"), where a signing yet to come ("..., which will be signed in May",
     "to be signed") of an agreement the sentence has reached ("have agreed on the text of a treaty", "reached a
     deal") → agreed
     ("will agree on the text of a treaty, which will be signed" stays planned);
  4. "ready for signature", "awaits only the signatures", "..., which is ready for signing" → agreed ("will
     be ready for signature" is still to come); "in force" (or "in effect", "in operation") said of this agreement later in the sentence → in_force (not
     "ceased to be in force", "no longer in force");
  5. awaiting a legislature: "the treaty now before the Senate", "awaits your approval", "I will seek the
     Senate's consent to ratification of the treaty", "I will ask the Senate for prompt action on" → signed;
     a law asked to carry it out ("I will ask the Congress for the legislation needed to carry out the
     agreement") → signed, in_force where that law was passed; a stage put ahead in a clause of time on its
     verb ("the treaty, when ratified, will reduce ...") → signed ("will be tabled once it is signed" →
     planned);
  6. an agreement the subject of what it will or could do ("the treaty could cut arsenals"), is expected,
     meant or aims to do ("the deal is expected to double trade"; not "is expected to be signed"), or of what
     it would be ("a treaty with Cuba would be of great value") → unknown (signed where a later clause asks a
     legislature to approve or ratify "it");
  7. the governing verb's clause (below), whose `signed` is agreed where a joined clause about the agreement
     puts its signing ahead ("concluded a partnership agreement, though it still has to be signed"), whose `planned` is dropped where the verb acts on a definite,
     possessed or named agreement without making it ("we will stand by our treaty with Taiwan", "we must
     build on our treaty", "the
     legislation needed to carry out the agreement": the future or the infinitive is the act's, the agreement
     exists; "will sign the treaty", "will secure the best deal" make it), moved on to a later stage where
     the sentence follows the agreement there ("was reached in a treaty concluded in May, which has since
     been ratified" → in_force), or a verb
     joined after its own ("was concluded in 1916, has been put into effect" → in_force; "..., but
     ratifications have not yet been exchanged", "..., but it awaits the exchange of ratifications" → signed); failing that, talks that ended in it ("the
     negotiations have resulted in an agreement") → agreed; the agreement the subject of a verb that says it
     stands ("remains the cornerstone", "has held", "is the foundation of peace in Asia") → in_force, one
     that goes on doing something ("will continue to cut tariffs") or is at work ("is working", "is paying
     off") → in_force; one superseded ("has been superseded by the new canal treaty") → ended ("will be
     superseded" → in_force), or of a plain present verb ("the Nassau
     agreement recognizes") or a present perfect ("the pact has deterred aggression") → in_force (treated as
     operating; not a new one); a clause on the noun that says where it stands ("which was terminated in 1940"
     → ended, "which I submitted to the Senate" → signed, "which binds us still" → in_force, "that took effect in
     2022" → in_force); a later clause
     that asks a legislature to approve "it" → signed; the agreement under talks up its chain of nouns
     ("discussions continue on the details of an agreement") → in_negotiation; "new deals" (a headline) →
     planned, "the landmark deal" → in_force, a named or possessed agreement ("the Paris Agreement", "our
     treaty with Japan") spoken of as it stands, or acted on in the future by a verb that does not make it
     ("we will stand by our treaty with Taiwan") → in_force, "negotiations with Iran" → in_negotiation; discussing an agreement called by a name of its own ("the
     leaders discussed the AUKUS partnership", "the Paris Agreement"; not "a new partnership", not one named by
     its sides, "the EU-India agreement") is speaking of it as it stands, not negotiating it.

`_clause_status(verb)`, in this order because each earlier cue overrides what a later one would read (a
perfect is read as done first: "to have signed" signed, "would have terminated" ended; a present tense in a
clause of time as the future: "when the treaties are drawn" planned):
  made void ("has become void", "null and void", "was declared void") → ended (supposed or denied: nothing);
  ending ("scrapped", "pulled out of", "walked away from", "backed out of", "abrogated", "lapsed", "came to an end"; "we will not let it come to an
  end" stands; "expires in 2030" stands; one disclaimed or only meant, "has no plans to pull out of", "ruled out
  withdrawing", "plans to pull out of", stands; not an agreement
  ending something else: "the treaty could end the arms race" is what it would do) → ended, suspending →
  suspended, either yet to come or denied ("will expire in March", "will not withdraw") → in_force; delaying →
  planned; strengthening ("deepened the partnership", "extended the agreement") → in_force; "came into force"
  → in_force ("will enter into force" → signed); "signed into law", "Congress approved", "the Senate gave its
  consent to" → in_force; sent or commended to a legislature for its approval ("will submit the treaty to the
  Senate", "urge Congress to approve", "will be laid before Parliament", "I shall submit to you a treaty",
  "I ask you to approve the treaty" in an address, also where "to the Congress" hangs
  on the agreement sent, or the legislature is the recipient: "send the Senate the treaty"; a legislature's
  approval still owed, "must now be approved by the Congress", or ahead, "once the Senate approves", is not
  one given; approving done with a legislature: "working with the Congress to approve") → signed; ratified,
  passed or taking effect ("went into operation", "the agreement passed the Senate") → in_force (signed where
  that is yet to come or only ought to be: "should be ratified", "let us pass the agreement", or a gerund
  subject of what it will do: "ratifying the treaties will show"); "already" →
  in_force; talks carried on ("will continue talks") → in_negotiation; "was proclaimed", "is now in operation"
  → in_force; "have negotiated" → agreed; negotiating, developing or seeking, or agreeing to negotiate →
  in_negotiation; implementing, or keeping or breaking its terms ("has been faithfully observed", "is being
  violated", "will abide by") → in_force; joining ("we joined in the treaty") → in_force; "must build a
  partnership" → planned;
  a future auxiliary or a planning verb → planned, unless it is what the sides have agreed ("agreed that the
  treaty would be signed in May" → agreed) (so "will sign" is planned, and "will negotiate" is caught
  by negotiating first); "to" + verb → in_negotiation after trying or working to make one ("is endeavoring to bring about a treaty",
  "are working with Japan to arrive at an agreement"),
  else the status of the clause it completes, else planned ("has yet to sign" → planned); "has agreements
  with" → in_force (not "the agreement has support"); "initialled", "settled the terms of" → agreed; a signing denied while
  a joined clause says the text is settled ("No agreement has yet been concluded, but the form of agreement has
  been settled") → agreed (talks said to go on → in_negotiation); "exchanged the MoUs" → signed;
  a proposal to sign or conclude ("I propose that we conclude a treaty", "I look forward to signing") →
  planned; a denied or conditional signing verb ("has not signed", "if no deal is reached") → planned; a concluding verb in the
  past or present ("struck a deal", or a phrasal one: "worked out a deal", "came to an agreement") → agreed (but an agreement concluded, "trade agreements have been
  concluded with", is made: signed, unless of a kind that is only reached: "concluded a staff-level agreement
  with the IMF" → agreed), a signing verb → signed ("subscribed a memorandum", translated Spanish and
  Portuguese; "subscribes to its principles" signs nothing; "MoUs were exchanged between India and the
  Maldives"), in the base form → planned; else the status of the clause above.
A verb joined after the agreement's own with 'it' for its subject moves it on only where only an agreement can be
meant, done or under way ("..., and it is being implemented"; not "..., and it ended the dispute", nor "it takes
effect next year"); `stage_told_after(sent)` reads a sentence of its own that way ("It entered into force on 29
December", "The instruments of ratification were exchanged"), for assembly to move the agreement just before on.
A later joined verb that ends it outranks a ratification or a plan before it ("was ratified by the King, but
did not receive the approbation of the Chambers, and has therefore become void" → ended); a joined step denied
moves nothing. `standing_said(anchor)`: what a sentence pointing back says of where its subject, the agreement,
stands ("This convention is pending before the Senate" signed, "This agreement is to remain in force" in_force),
for assembly to move it on; `clause_status(verb)`: the clause rules' reading for an anchor that is no agreement
noun ("Those made with Finland have been approved by the Congress").
`stage_only_ahead(verb)`: an end or a taking effect only ahead or supposed ("the deal could collapse if ...",
"the deal would take effect Jan. 1") tells assembly no stage of an agreement the text has given one.
`_verb_status` then reads a finishing verb that is only planned ("aim to finalise the deal") as
in_negotiation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from nlp.agreements.lexicon import (
    ABIDING_VERBS,
    AGREED_KINDS,
    AGREEMENT_NOUNS,
    ANNULLING_VERBS,
    APPROVAL_NOUNS,
    APPROVING,
    ASKING_VERBS,
    AVERTING_VERBS,
    AWAITING_VERBS,
    BOUND_BY,
    BUYING_VERBS,
    COMMENDING_VERBS,
    COMPLYING,
    CONCLUDING_VERBS,
    CONSENT_NOUNS,
    CONTENT_VERBS,
    CONTINUING_TALKS,
    CREATING_VERBS,
    DELAYING_VERBS,
    DEVELOPING_VERBS,
    ENACTING_VERBS,
    ENDING_NOUNS,
    ENDING_VERBS,
    FINISHING,
    FINISHING_PHRASES,
    FOUNDATION_NOUNS,
    FUTURE_AUX,
    IMPLEMENTING,
    IN_FORCE_MODIFIERS,
    INTENT_WORDS,
    JOINING_VERBS,
    LAUNCHING_VERBS,
    LEGISLATION_NOUNS,
    LEGISLATIVE_ACTS,
    LEGISLATURES,
    MAKING_VERBS,
    MAKING_VOID_VERBS,
    NEGOTIATING,
    OBSERVING_VERBS,
    OBTAINING_VERBS,
    OPERATION_NOUNS,
    PASSING_VERBS,
    PERSISTING_VERBS,
    PLANNED_MODIFIERS,
    PLANNING_VERBS,
    PURSUING_VERBS,
    REACHING_PHRASES,
    RESULTING_VERBS,
    SELLING_VERBS,
    SIGNIFYING_VERBS,
    SIGNING_VERBS,
    STRENGTHENING_VERBS,
    STRIVING_VERBS,
    SUBMITTING_VERBS,
    SUPERSEDING_VERBS,
    SUSPENDING_NOUNS,
    SUSPENDING_VERBS,
    TABLED_NOUNS,
    TABLING_VERBS,
    TAKING_EFFECT_VERBS,
    TALKS_UNDER_WAY,
    TEMPORAL_MARKS,
    TOWARDS,
    TREATY_BONDS,
    VOID_WORDS,
    WEAK_IN_FORCE_MODIFIERS,
    WITHDRAWING_PHRASES,
)
from nlp.agreements.tokens import (
    HEADLINE_FUTURE,
    aux_of,
    first_conjunct,
    governing_verb,
    in_title_case,
    is_noun,
    name_of,
    names_agreement,
)
from nlp.people import HEADLINE_VERBS
from presswatch.document import AgreementStatus

_ENDING = ENDING_VERBS | ANNULLING_VERBS


def _verb_status(verb: Token, *, depth: int = 0) -> AgreementStatus | None:
    status = _clause_status(verb, depth=depth)
    if (
        status == "planned"
        and _finishes(verb)
        and verb.dep_ != "ccomp"  # 'I propose that we conclude a treaty': proposed, not under way
        and not _denied_or_conditional(verb)
    ):
        return "in_negotiation"
    return status


def _clause_status(verb: Token, *, depth: int = 0) -> AgreementStatus | None:
    lemma = verb.lemma_.lower()
    aux = aux_of(verb)
    if "have" in aux:
        # a perfect tells what was done: 'the only two states to have signed treaties with Israel' signed
        # them; 'would ... have terminated in 1912' ended it
        aux -= {"to", "would", "could", "might", "should"}
    if _yet_to_come(verb):
        aux |= {"will"}  # 'when the treaties are drawn': as 'will be drawn'
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    right = [c.lower_ for c in verb.rights]
    if lemma == "subscribe" and "to" in right:
        return None  # 'Chile subscribes to the principles of the treaty': supports it, signs nothing
    if _made_void(verb):
        # 'has therefore become void', 'became null and void', 'was declared void' → ended; 'would become void
        # if the Congress does not approve it', 'will become void unless': an end only supposed says nothing
        supposed = aux & _MODAL_OR_FUTURE or _denied_or_conditional(verb)
        return None if supposed else "ended"
    if (
        lemma in _ENDING | SUSPENDING_VERBS or _withdraws_by_phrase(verb) or _ends_by_phrase(verb)
    ) and not _acts_on_another(verb):
        scheduled = lemma in ("expire", "lapse") and verb.tag_ in ("VBZ", "VBP") and not aux
        denied = any(c.dep_ == "neg" for c in verb.children) or _not_let(verb) or _end_disclaimed(verb)
        if aux & FUTURE_AUX or scheduled or denied:
            # 'will expire in March', 'expires in 2030', 'we will not withdraw from the treaty': it stands till then
            return "in_force"
        return "suspended" if lemma in SUSPENDING_VERBS else "ended"
    if lemma in DELAYING_VERBS:
        return "planned"
    if lemma in STRENGTHENING_VERBS:
        return "in_force"
    if (
        lemma in ("come", "enter")
        and "into" in right
        and any(c.lower_ == "force" for p in verb.rights for c in p.children)
    ):
        # 'will enter into force', 'cannot enter into force until ...', 'before it can enter into force': ahead
        not_yet = aux & _MODAL_OR_FUTURE or _denied_or_conditional(verb)
        return "signed" if not_yet else "in_force"
    if _enacted(verb):
        return "in_force"  # 'signed into law', 'Congress approved the agreement'
    if _before_a_legislature(verb):
        return "signed"  # 'I will submit the treaty to the Senate', 'I urge Congress to approve the deal'
    if (
        lemma in APPROVING | TAKING_EFFECT_VERBS
        and verb.tag_ == "VBG"
        and verb.dep_ in ("csubj", "csubjpass")
        and aux_of(verb.head) & _MODAL_OR_FUTURE
    ):
        return "signed"  # 'Ratifying the treaties will demonstrate our good faith': approval yet to come
    if lemma in TAKING_EFFECT_VERBS | PASSING_VERBS or _takes_effect(verb):
        # 'was ratified', 'takes effect today', 'the agreement passed the Senate' → in force; 'we must pass the
        # agreement', 'let us pass it' → signed; 'will apply from 2027', 'has yet to be ratified',
        # 'needs to be ratified' → signed, not yet in force
        not_yet = aux & _MODAL_OR_FUTURE or "to" in aux or _denied_or_conditional(verb) or verb.tag_ == "VB"
        return "signed" if not_yet else "in_force"
    if lemma == "proclaim" and any(c.dep_ == "nsubjpass" and names_agreement(c) for c in verb.children):
        return "signed" if aux & _MODAL_OR_FUTURE else "in_force"  # 'the treaty was proclaimed on March 20'
    if lemma == "be" and _in_operation(verb):
        return "signed" if aux & _MODAL_OR_FUTURE else "in_force"  # '..., is now in operation'
    if lemma in CONTINUING_TALKS and _talks_object(verb):
        # 'will continue our talks with China', 'have already initiated negotiations with them', 'embarked on
        # talks': still talking, neither merely planned nor (for 'already') in force
        return "in_negotiation"
    if "already" in adverbs and lemma not in SIGNING_VERBS:
        return "in_force"
    if (
        lemma == "negotiate"
        and verb.tag_ in ("VBD", "VBN")
        and not aux & (FUTURE_AUX | {"to", "being"})  # 'the treaty now being negotiated' is still talked of
    ):
        return "agreed"  # 'we have negotiated a pact', 'the agreement we negotiated': talks done, not signed
    if lemma in NEGOTIATING or lemma in DEVELOPING_VERBS:
        return "in_negotiation"  # 'will negotiate', 'committed to develop a framework': not merely planned
    if lemma == "agree" and any(
        c.dep_ == "xcomp" and any(g.dep_ == "dobj" and g.lemma_.lower() in NEGOTIATING for g in c.children)
        for c in verb.children
    ):
        return "in_negotiation"  # 'agreed to resume talks': what they agreed is to negotiate
    if lemma in IMPLEMENTING | OBSERVING_VERBS | ABIDING_VERBS or _carries_out(verb):
        return "in_force"  # 'has been faithfully observed', 'is being violated': kept or broken, it operates
    if lemma in JOINING_VERBS and not aux & _MODAL_OR_FUTURE and "to" not in aux:
        return "in_force"  # 'we joined in the test ban treaty': a party to one that stands
    if lemma in CREATING_VERBS and aux & {"must", "should"}:
        return "planned"  # 'we must build a partnership with Russia': one yet to be made
    if aux & FUTURE_AUX or lemma in PLANNING_VERBS:
        if _agreed_to_come(verb, depth=depth):
            return "agreed"  # 'agreed that the treaty would be signed in May': what they have agreed
        return "planned"
    if "to" in aux:
        if verb.head.lemma_.lower() == "have" and verb.dep_ == "xcomp":
            return "planned"  # 'has yet to sign', 'will have to ratify': not done
        if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STRIVING_VERBS) or (
            verb.dep_ in ("xcomp", "advcl") and _at_work(verb.head) and (_makes(verb) or _reaches(verb))
        ):
            # 'is endeavoring to bring about a treaty', 'are working with the Soviet Union to arrive at an
            # agreement': working on it (as 'working towards a deal')
            return "in_negotiation"
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.i != verb.i and depth < 2:
            return _verb_status(verb.head, depth=depth + 1) or "planned"
        return "planned"
    if (
        lemma == "have"
        and verb.pos_ == "VERB"
        and verb.tag_ != "VBG"
        and not any(c.dep_ == "nsubj" and names_agreement(c) for c in verb.children)
    ):
        return "in_force"  # 'the UK has agreements with Albania' ('the option of having a deal' is no fact)
    if lemma in SIGNING_VERBS | CONCLUDING_VERBS and (
        (verb.tag_ in ("VB", "VBP") and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PLANNING_VERBS)
        or (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in _LOOKING_TO)
    ):
        return "planned"  # 'I propose that we conclude a treaty', 'I look forward to signing': not yet done
    if _launched(verb):
        return "signed"  # 'announced a new hydrogen partnership', 'a partnership was launched': made
    if (
        lemma in FINISHING_PHRASES
        and _finishes(verb)
        and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        and not _denied_or_conditional(verb)
    ):
        return "agreed"  # 'have wrapped up negotiations on', 'wound up talks': as 'concluded'
    if _settles_terms(verb) and not aux & _MODAL_OR_FUTURE and not _denied_or_conditional(verb):
        return (
            "agreed"  # 'we have settled the terms of a new treaty with Panama': the text agreed, not signed
        )
    if lemma == "initial" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not aux & _MODAL_OR_FUTURE:
        return "agreed"  # 'have initialled a digital trade agreement': the text settled, not yet signed
    if (
        lemma == "exchange"
        and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        and any(c.dep_ in ("dobj", "nsubjpass") and names_agreement(c) for c in verb.children)
    ):
        # 'the ministers exchanged the MoUs', 'MoUs were exchanged between India and the Maldives': the
        # ceremony that signs them
        return "signed"
    if _puts_pen_to_paper(verb):
        # 'put pen to paper on a migration compact': signed it; 'will put pen to paper' is to come
        return "planned" if aux & _MODAL_OR_FUTURE or _denied_or_conditional(verb) else "signed"
    if lemma in SIGNING_VERBS and _denied_or_conditional(verb):
        return "planned"  # 'if no deal is reached', 'has not signed the treaty': not (yet) made
    if _reaches(verb) and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not _denied_or_conditional(verb):
        return (
            "agreed"  # 'have worked out an agreement with Canada', 'came to an agreement with Japan': reached
        )
    if lemma in SIGNING_VERBS | CONCLUDING_VERBS and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return "agreed" if _concludes(verb) else "signed"
    if lemma in SIGNING_VERBS:
        return "planned" if verb.tag_ == "VB" else "signed"
    if verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i and depth < 2:
        return _verb_status(verb.head, depth=depth + 1)
    return None


def _made_void(verb: Token) -> bool:
    """'has become void', 'became null and void', 'is now void', 'was declared void': the verb's complement
    (or the complement's first conjunct) says the agreement has no force ('void of effect' on something else
    is not asked: the rule is read only of a clause the agreement governs)."""
    if verb.lemma_.lower() not in MAKING_VOID_VERBS:
        return False
    return any(
        c.dep_ in ("acomp", "oprd", "attr", "xcomp") and c.lemma_.lower() in VOID_WORDS for c in verb.children
    )


def _puts_pen_to_paper(verb: Token) -> bool:
    return (
        verb.lemma_.lower() == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "pen" for c in verb.children)
        and any(c.lower_ == "to" and any(g.lower_ == "paper" for g in c.children) for c in verb.children)
    )


def _settles_terms(verb: Token) -> bool:
    """'settled (fixed) the terms of a treaty', 'settled the text': the wording of an agreement agreed, as
    'finalised the text of' ('settled the dispute' settles no agreement)."""
    return (
        verb.lemma_.lower() in ("settle", "fix")
        and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _TERMS for c in verb.children)
    )


_TERMS = frozenset("term text wording detail form".split())


def _reached_all_the_same(verb: Token) -> AgreementStatus | None:
    """'No agreement has yet been concluded with Austria, but the form of agreement has been settled', 'the
    treaty has not yet been signed, but its text has been agreed' → agreed; '..., and negotiations on several
    articles continue' → in_negotiation: a later stage denied, with an earlier one a joined clause says has
    been reached (or talks said to go on), stands at that one."""
    if not any(c.dep_ == "neg" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in c.children) for c in verb.children
    ):
        return None
    for conj in verb.conjuncts:
        if conj.i < verb.i or _denied_or_conditional(conj):
            continue
        if _verb_status(conj) == "agreed":
            return "agreed"
        talks = any(c.dep_ == "nsubj" and c.lemma_.lower() in NEGOTIATING for c in conj.children)
        if (
            talks
            and conj.tag_ in ("VBZ", "VBP")
            and conj.lemma_.lower() in PERSISTING_VERBS | CONTINUING_TALKS
        ):
            return "in_negotiation"
    return None


def _agreed_to_come(verb: Token, *, depth: int = 0) -> bool:
    """'The leaders agreed that the treaty would be signed in May': a future (or planned) clause that is what
    the sides have agreed (the agreement is reached, its signing ahead; 'will agree that ...' is not)."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() == "agree"
        and depth < 2
        and _verb_status(verb.head, depth=depth + 1) == "agreed"
    )


def _reached(anchor: Token, clause: Token) -> bool:
    """The verb whose clause the agreement noun belongs to (not the clause on the noun) says it is reached:
    'have agreed on the text of', 'reached a deal', 'completed the text of' ('will agree on a treaty to be
    signed' has not; 'the treaty, which will be signed' says nothing else)."""
    taker = governing_verb(anchor)
    return taker is not None and taker.i != clause.i and _verb_status(taker) == "agreed"


def _at_work(verb: Token) -> bool:
    """'We are working with Japan', 'have worked with Japan': work under way ('I look forward to working with
    Korea to sign', 'we will work with Korea to sign' only plan it)."""
    aux = aux_of(verb)
    if verb.lemma_.lower() != "work" or aux & _MODAL_OR_FUTURE:
        return False
    return verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") or (
        verb.tag_ == "VBG" and bool(aux & {"am", "is", "are", "'re", "'m", "was", "were", "been"})
    )


def _reaches(verb: Token) -> bool:
    """'worked out (hammered out) a deal', 'arrived at (came to) an agreement': a phrasal verb of reaching an
    agreement, with its particle, or with its preposition whose object is the agreement ('came to power' is
    not)."""
    word = REACHING_PHRASES.get(verb.lemma_.lower())
    if word is None:
        return False
    return any(
        c.lower_ == word
        and (
            c.dep_ == "prt"
            or (c.dep_ == "prep" and any(g.dep_ == "pobj" and names_agreement(g) for g in c.children))
        )
        for c in verb.children
    )


def _talks_object(verb: Token) -> bool:
    """Talks are what the verb acts on: its object ('began talks') or the object of its preposition
    ('embarked on negotiations')."""
    return any(
        (c.dep_ == "dobj" and c.lemma_.lower() in NEGOTIATING)
        or (
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in NEGOTIATING for g in c.children)
        )
        for c in verb.children
    )


def _finishes(verb: Token) -> bool:
    """'conclude', 'finalise', and the phrasal 'wrap up', 'wind up' (not 'wrap the gifts')."""
    lemma = verb.lemma_.lower()
    if lemma in FINISHING:
        return True
    return lemma in FINISHING_PHRASES and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _launched(verb: Token) -> bool:
    """'Canada and Germany announced a new partnership', 'launched a minerals partnership', 'a pact was
    unveiled': an agreement made public as made, in a past or present clause (the future is planned, read
    before; 'announced plans for a pact' has no agreement object)."""
    if verb.lemma_.lower() not in LAUNCHING_VERBS or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    if aux_of(verb) & _MODAL_OR_FUTURE or _denied_or_conditional(verb):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and names_agreement(c) for c in verb.children)


def _takes_effect(verb: Token) -> bool:
    """'takes effect', 'came into effect', 'went into operation', 'was put into force', 'became effective'."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "effect" for c in verb.children)
    if lemma in ("come", "go", "enter", "put", "bring"):
        return any(
            p.lower_ == "into" and any(c.lower_ in OPERATION_NOUNS for c in p.children) for p in verb.rights
        )
    return lemma == "become" and any(c.lower_ in ("effective", "operative") for c in verb.children)


def _in_operation(verb: Token) -> bool:
    """'is now in operation', 'has been in force since 2017' ('is no longer in force' is not)."""
    if any(c.dep_ == "neg" or c.lower_ == "longer" for c in verb.children):
        return False
    return any(
        p.dep_ == "prep" and p.lower_ == "in" and any(c.lower_ in _OPERATING for c in p.children)
        for p in verb.children
    )


_OPERATING = OPERATION_NOUNS | {"place"}


def _carried_on(verb: Token) -> AgreementStatus | None:
    """'The convention, concluded in 1916, has been put into effect', 'was signed in May and ratified in
    July': a verb joined after the agreement's own, without a subject of its own, that takes it to a later
    stage ('was signed in May and will be ratified' does not), unless a later one denies its ratification
    ('..., has been approved by the Senate, but ratifications have not yet been exchanged': signed)."""
    if any(conj.i > verb.i and _ratification_denied(conj) for conj in verb.conjuncts):
        return "signed"
    for conj in verb.conjuncts:
        if conj.i < verb.i or _denied_or_conditional(conj):
            continue  # '..., but did not receive the approval of the Chambers': a step not taken moves nothing
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            status = _stage_of_it(
                conj
            )  # '..., and it entered into force in May', '..., and it is being implemented'
        else:
            status = _verb_status(conj)
        if status in _LATER_STAGES:
            return status
    return None


def _ratification_denied(verb: Token) -> bool:
    """'has not yet been ratified', 'ratifications have not yet been exchanged', 'ratifications have yet to be
    exchanged', '..., but it awaits the exchange of ratifications'."""
    if verb.lemma_.lower() in AWAITING_VERBS and not _denied_or_conditional(verb):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _STEPS_TO_FORCE for c in verb.children)
    ratifies = verb.lemma_.lower() in TAKING_EFFECT_VERBS or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "ratification" for c in verb.children
    )
    yet = "to" in aux_of(verb) and verb.head.lemma_.lower() == "have" and verb.dep_ == "xcomp"
    return ratifies and (yet or any(c.dep_ == "neg" for c in verb.children))


_STEPS_TO_FORCE = frozenset("exchange ratification entry proclamation approval".split())


def _exchange_awaited(verb: Token) -> bool:
    """'The treaty has been ratified by the Senate, but it awaits the exchange of ratifications': a clause
    joined after the ratifying one that says the last step is still to come keeps it signed."""
    return verb.lemma_.lower() in TAKING_EFFECT_VERBS and any(
        conj.i > verb.i and _ratification_denied(conj) for conj in verb.conjuncts
    )


_ACTS_OF_A_LEGISLATURE = frozenset("do act approve ratify follow pass consent vote".split())
_HOPING_OR_AWAITING = AWAITING_VERBS | {"hope", "trust"}


def _others_yet_to_act(verb: Token) -> bool:
    """'Mexico has already ratified the treaty, and I hope the Senate will soon do the same', '..., and I urge
    the Congress to act on it', '..., but it still awaits a vote in Washington': one side's ratification, with
    a later joined clause hoping, urging or awaiting another legislature's act, is not yet in force (signed).
    A hope about something else ('and I hope it will strengthen our ties') leaves it in force."""
    for conj in verb.conjuncts:
        lemma = conj.lemma_.lower()
        if conj.i < verb.i or lemma not in _HOPING_OR_AWAITING or _denied_or_conditional(conj):
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in LEGISLATIVE_ACTS for c in conj.children):
            return True  # 'awaits a vote', 'needs action'
        legislature = any(
            t.lemma_.lower() in LEGISLATURES for t in conj.subtree if t.dep_ in ("nsubj", "dobj")
        )
        acts = any(t.lemma_.lower() in _ACTS_OF_A_LEGISLATURE for t in conj.subtree if t.i != conj.i)
        if legislature and acts:
            return True
    return False


def _later_participle(anchor: Token, participle: Token) -> AgreementStatus | None:
    """'The Trade Promotion Agreement, signed in 2006, entered into force in May 2012' where the parser hung
    both verbs on the noun: a later participle or verb on the noun that takes it to a later stage."""
    for other in anchor.children:
        if other.dep_ in ("acl", "relcl") and other.i > participle.i:
            status = _verb_status(other)
            if status in _LATER_STAGES:
                return status
    return None


def _its_end(anchor: Token) -> AgreementStatus | None:
    """'The collapse of the INF treaty', 'since the termination of the agreement', 'its withdrawal from the
    deal', 'the treaty's expiry' → ended ('the suspension of' → suspended); an end still ahead or only feared
    ('before the expiry of the treaty', 'could lead to the collapse of the deal', 'to prevent the lapse of')
    leaves it in force."""
    first = first_conjunct(anchor)
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "from"):
        noun = first.head.head
        if first.head.lower_ == "from" and noun.lemma_.lower() not in ("withdrawal", "exit"):
            return None
    elif anchor.dep_ == "poss":
        noun = anchor.head
    else:
        return None
    lemma = noun.lemma_.lower()
    if not is_noun(noun) or lemma not in ENDING_NOUNS | SUSPENDING_NOUNS:
        return None
    if noun.dep_ == "pobj" and (
        noun.head.lower_ in ("before", "until", "till") or noun.head.head.lower_ in ("ahead", "prior")
    ):
        return "in_force"  # 'ahead of the treaty's expiry in February'
    verb = governing_verb(noun)
    if verb is not None and (
        aux_of(verb) & _MODAL_OR_FUTURE
        or "to" in aux_of(verb)
        or verb.lemma_.lower() in AVERTING_VERBS
        or _denied_or_conditional(verb)
    ):
        return "in_force"
    return "suspended" if lemma in SUSPENDING_NOUNS else "ended"


def _embodies_what_was_reached(anchor: Token) -> bool:
    """'The terms agreed with Britain will be embodied in a treaty', 'the agreement in principle we reached
    with Panama will be turned into two treaties', 'agreement in principle has been reached, and a treaty will
    be drafted': an agreement noun that is to hold (or be drafted from) what the sides have reached is that
    agreement, reached and not yet signed ('a treaty will be drafted' alone is still being worked on)."""
    first = first_conjunct(anchor)
    if first.dep_ == "pobj" and first.head.lower_ in ("in", "into"):
        verb = first.head.head
        held = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c.i != first.i]
        if not held and verb.dep_ == "conj" and verb.head.i < verb.i and _verb_status(verb.head) == "agreed":
            # 'The terms agreed with Britain will be embodied in a treaty' parsed as 'the terms agreed ... and
            # will be embodied': the clause it joins reached them
            held = [verb.head]
    elif first.dep_ == "nsubjpass":
        verb = first.head
        # '..., and a treaty will be drafted': the clause it joins says what was reached
        reaching = verb.head if verb.dep_ == "conj" and verb.head.i < verb.i else None
        if reaching is None or _verb_status(reaching) != "agreed" or verb.lemma_.lower() not in _WRITING:
            return False
        held = [c for c in reaching.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    else:
        return False
    if verb.pos_ != "VERB" or not (aux_of(verb) & _MODAL_OR_FUTURE or "to" in aux_of(verb)):
        return False
    return any(_was_reached(h) for h in held)


_WRITING = frozenset("draft write prepare draw embody put".split())


def _was_reached(noun: Token) -> bool:
    """'the terms we agreed', 'the accord reached with Mexico', 'agreement in principle (has been reached)',
    'the understanding reached with Japan': something the sides have reached."""
    if (
        is_noun(noun)
        and noun.lemma_.lower() in AGREEMENT_NOUNS
        and any(p.lower_ == "in" and any(g.lower_ == "principle" for g in p.children) for p in noun.children)
    ):
        return True
    if noun.pos_ == "VERB":
        return True  # the reaching clause itself
    return any(
        c.dep_ in ("acl", "relcl") and c.i > noun.i and _verb_status(c) == "agreed" for c in noun.children
    ) or (noun.dep_ in ("nsubjpass", "dobj") and _verb_status(noun.head) == "agreed")


def _continues(subject: Token, verb: Token, modifiers: set[str]) -> bool:
    """'The EPA will continue to cut tariffs', 'the treaty continues to limit arsenals', 'the deal keeps
    delivering': an agreement that goes on doing something operates now, whatever the tense ('a new deal will
    continue to ...' is news; 'will continue to be negotiated' says where it stands, read elsewhere)."""
    if subject.dep_ != "nsubj" or subject.head.i != verb.i or verb.lemma_.lower() not in ("continue", "keep"):
        return False
    if _denied_or_conditional(verb) or modifiers & {"new", "a", "an"}:
        return False
    done = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(done) and not any(c.lemma_.lower() in _STATUS_VERBS for c in done)


def _founds(verb: Token, modifiers: set[str]) -> bool:
    """'The security treaty with Japan is the foundation of peace in Asia', 'has been the bedrock of our trade
    for decades': an agreement said to carry relations now stands ('will be the foundation' is what it would
    be; a new one is news)."""
    if verb.lemma_.lower() != "be" or aux_of(verb) & _MODAL_OR_FUTURE or "to" in aux_of(verb):
        return False
    if _denied_or_conditional(verb) or modifiers & {"new"}:
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in FOUNDATION_NOUNS for c in verb.children)


def _yet_to_come(verb: Token) -> bool:
    """'when the treaties with Germany and Japan are drawn', 'once the agreement is ratified': a present tense
    in a clause of time speaks of the future ('when the treaty was signed' does not)."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in verb.children
    ):
        return False
    aux = aux_of(verb)
    if aux:
        return aux <= {"is", "are", "am", "'s", "'re"}
    return verb.tag_ in ("VBZ", "VBP")


def _enacted(verb: Token) -> bool:
    """'signed the act into law', 'the Senate approved the treaty': made law, so in force."""
    lemma = verb.lemma_.lower()
    aux = aux_of(verb)
    if verb.tag_ not in ("VBD", "VBN", "VBZ") or aux & _MODAL_OR_FUTURE or "to" in aux:
        return False  # 'must now be approved by the Congress', 'to be approved by the Senate': not yet
    if _yet_to_come(verb):
        return False  # 'once the Senate approves the treaties': the approval is ahead
    if _denied_or_conditional(verb):
        return False  # 'was not approved by the Congress in time': no law made
    if lemma == "sign":
        return any(p.lower_ == "into" and any(c.lower_ == "law" for c in p.children) for p in verb.children)
    approves = lemma in APPROVING or (
        lemma in ("give", "grant")  # 'the Senate gave its advice and consent to the treaty'
        and any(c.dep_ == "dobj" and c.lemma_.lower() in APPROVAL_NOUNS for c in verb.children)
    )
    return approves and any(
        c.dep_ in ("nsubj", "nsubjpass", "agent") and any(t.lower_ in LEGISLATURES for t in c.subtree)
        for c in verb.children
    )


def _legislature_in(token: Token) -> bool:
    """'the Senate', 'Congress', 'the House of Representatives' (not 'the White House')."""
    return any(
        t.lower_ in LEGISLATURES
        and (t.lower_ != "house" or (t.i + 1 < len(t.doc) and t.nbor().lower_ == "of"))
        for t in token.subtree
    )


def _legislature_or_you(token: Token) -> bool:
    """A legislature, or the 'you' an address to one speaks to ('I commend to you the treaty')."""
    return _legislature_in(token) or any(t.lower_ == "you" for t in token.subtree)


def _before_a_legislature(verb: Token) -> bool:
    """'I will submit the treaty to the Senate', 'I urge the Congress to approve the agreement', 'Parliament
    must act on the deal': an agreement before a legislature, awaiting its vote, is signed, not yet in force
    (the annotation guide's line, `bench/devset/GUIDE.md`)."""
    lemma = verb.lemma_.lower()
    if _denied_or_conditional(verb):
        return False
    if lemma in SUBMITTING_VERBS | COMMENDING_VERBS:
        # 'we will present the agreement to the Congress', also where the parser hung 'to the Congress' on
        # the agreement it sends
        # the address's 'you' is the Congress it is delivered to: 'I shall submit to you a treaty with Mexico'
        sent = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and names_agreement(c)]
        return any(
            c.dep_ in ("prep", "dative") and c.lower_ in ("to", "before") and _legislature_or_you(c)
            for holder in (verb, *sent)
            for c in holder.children
        ) or bool(  # 'I will send the Senate the treaty', 'I will send you a trade agreement': its recipient
            sent
            and any(
                c.dep_ in ("dative", "dobj") and not names_agreement(c) and _legislature_or_you(c)
                for c in verb.children
            )
        )
    if lemma in SIGNING_VERBS | NEGOTIATING | ENDING_VERBS | SUSPENDING_VERBS:
        return False  # what a legislature does to it otherwise: 'the Senate ratified', 'Congress scrapped'
    aux = aux_of(verb)
    if verb.tag_ in ("VBD", "VBN") and not aux & _MODAL_OR_FUTURE and "to" not in aux:
        return False  # approved: `_enacted` reads it
    asker = (
        verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in ASKING_VERBS else None
    )
    # 'I look forward to working with the Congress to approve the agreement': done with a legislature
    partner = verb.head if verb.dep_ in ("xcomp", "advcl") and "to" in aux else None
    return (
        any(c.dep_ in ("nsubj", "nsubjpass", "agent") and _legislature_in(c) for c in verb.children)
        or (
            asker is not None  # 'I urge the Congress to approve', and an address's 'I ask you to approve'
            and any(
                (c.dep_ == "dobj" and _legislature_or_you(c)) or (c.dep_ == "nsubj" and _legislature_in(c))
                for c in asker.children
            )
        )
        or (
            partner is not None
            and any(p.dep_ == "prep" and p.lower_ == "with" and _legislature_in(p) for p in partner.children)
        )
    )


def _concludes(verb: Token) -> bool:
    """'concluded negotiations', 'struck a deal', 'reached agreement in principle', 'have agreed to': the
    text is settled but not signed. 'signed', 'entered into', and 'concluded an agreement with' (treaty
    language for making it) are signed (the annotation guide's line, `bench/devset/GUIDE.md`)."""
    lemma = verb.lemma_.lower()
    if lemma == "agree":
        return True
    if lemma != "conclude":
        return lemma in CONCLUDING_VERBS
    if verb.dep_ in ("relcl", "acl") and names_agreement(verb.head):
        return False  # 'the agreement we concluded with Mexico': made, as 'concluded an agreement with' is
    made = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and names_agreement(c)]
    if any(_agreed_kind(c) for c in made):
        return True  # 'we have concluded a staff-level agreement with the IMF': reached, the Board yet to act
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in made):
        # 'trade agreements have been concluded with Mexico': made; and 'the treaty ..., concluded April 11,
        # 1908, authorizes' where the parser took the participle for the treaty's own verb
        return False
    return not made


def _agreed_kind(noun: Token) -> bool:
    """'a staff-level agreement', 'a preliminary deal': a kind of agreement that is reached, not signed."""
    start = min((c.left_edge.i for c in noun.lefts), default=noun.i)
    return bool(set(noun.doc[start : noun.i].text.lower().split()) & AGREED_KINDS)


def _lapsed_unrenewed(anchor: Token) -> bool:
    """'The arrangement with France, which expired in June, has not been renewed': its own clause says it
    lapsed, and the renewal denied is no plan (a renewal ahead, 'will be renewed', stays one)."""
    verb = governing_verb(anchor)
    if verb is None or verb.lemma_.lower() not in ("renew", "extend") or not _denied_or_conditional(verb):
        return False
    sides = [o for p in anchor.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(  # the clause on the agreement, or hung on its side ('with France, which expired')
        c.dep_ in ("relcl", "acl")
        and c.lemma_.lower() in ENDING_VERBS
        and c.tag_ in ("VBD", "VBN")
        and not _denied_or_conditional(c)
        for holder in (anchor, *sides)
        for c in holder.children
    )


def _refused(anchor: Token) -> bool:
    """'A convention was signed at London ..., which failed to receive the advice and consent of the Senate to
    its ratification', '..., but it failed to obtain the approval of the Danish Parliament', 'the Senate
    rejected the convention with Honduras': the consent it needed was refused, so it never stood (ended).
    The failing clause must be said of the agreement (its own subject, 'it', 'which', or none: '... was signed
    but failed to ...'), not of a bill beside it; a rejection must be of this agreement, named as one that
    exists ('the', 'this', 'our'); neither only supposed ('may reject', 'will fail ... unless the Senate acts')."""
    first = first_conjunct(anchor)
    verb = governing_verb(anchor)
    if (
        verb is not None
        and verb.lemma_.lower() == "reject"
        and first.dep_ == "dobj"
        and first.head.i == verb.i
        and any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in first.lefts)
        and not _only_supposed(verb)
    ):
        return True
    return any(
        t.i > anchor.i
        and t.lemma_.lower() == "fail"
        and t.pos_ in ("VERB", "AUX")
        and not _only_supposed(t)
        and _said_of_it(t, first)
        and _consent_object(t)
        for t in anchor.sent
    )


def _only_supposed(verb: Token) -> bool:
    """'has not rejected', 'may reject', 'will fail to be ratified unless the Senate acts': not done."""
    return (
        _denied_or_conditional(verb)
        or bool(aux_of(verb) & (FUTURE_AUX | {"may", "might", "could", "to"}))
        or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for c in verb.children
        )
    )


def _consent_still_awaited(anchor: Token) -> bool:
    """'The extradition treaty with Greece has not yet received the consent of the Senate': the agreement, the
    subject, has not had the consent it needs; it is signed and pending (a failure to get it ends it)."""
    first = first_conjunct(anchor)
    verb = governing_verb(anchor)
    return (
        verb is not None
        and first.dep_ in ("nsubj", "nsubjpass")
        and first.head.i == verb.i
        and verb.lemma_.lower() in OBTAINING_VERBS
        and any(c.dep_ == "neg" for c in verb.children)
        and any(o.dep_ == "dobj" and _a_consent(o) for o in verb.children)
    )


def _said_of_it(verb: Token, agreement: Token) -> bool:
    """The clause is about the agreement: its subject is the agreement or a pronoun for it, or it has none of
    its own (a verb joined to the agreement's: '... was signed, but failed to ...')."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or any(
        s.i == agreement.i or s.lower_ in ("it", "which", "that") or s.lemma_.lower() in AGREEMENT_NOUNS
        for s in subjects
    )


def _consent_object(fail: Token) -> bool:
    """'failed to receive (obtain, secure) the consent (approval, sanction) of ...', 'failed to be ratified
    (approved)', 'failed of ratification'."""
    return any(
        (
            x.dep_ == "xcomp"
            and x.lemma_.lower() in OBTAINING_VERBS
            and any(o.dep_ == "dobj" and _a_consent(o) for o in x.children)
        )
        or (x.dep_ == "xcomp" and x.lemma_.lower() in _CONSENTED and "be" in {a.lemma_ for a in x.children})
        or (
            x.dep_ == "prep"
            and x.lower_ == "of"
            and any(o.dep_ == "pobj" and _a_consent(o) for o in x.children)
        )
        for x in fail.children
    )


_CONSENTED = frozenset("ratify approve sanction confirm".split())  # 'failed to be ratified'


def _a_consent(noun: Token) -> bool:
    """'the consent of the Senate', 'the advice and consent of the Senate' (a consent among coordinated nouns)."""
    return any(n.lemma_.lower() in CONSENT_NOUNS for n in (noun, *noun.conjuncts))


def _still_in_talks(anchor: Token) -> bool:
    """'I hope to submit conventions ... now in the course of negotiation with Spain', 'a treaty with Japan is
    in the course of negotiation', 'a convention with Mexico, now under negotiation, will be submitted': a
    phrase after the agreement, on it or on its clause's verb, says the talks on it still go on, whatever
    that verb does with it later (in negotiation). Not talks during which it was made ('In the course of
    negotiations at Rio, a convention was signed'; 'concluded in the course of negotiations'): the phrase
    must follow the agreement, and a verb that signs or concludes it is left to the clause rules."""
    verb = governing_verb(anchor)
    holders = [anchor] + (
        [verb] if verb is not None and verb.lemma_.lower() not in SIGNING_VERBS | CONCLUDING_VERBS else []
    )
    return any(
        p.dep_ == "prep" and p.i > anchor.i and p.lower_ in ("in", "under") and _talks_phrase(p)
        for holder in holders
        for p in holder.children
    )


def _talks_phrase(prep: Token) -> bool:
    """'under negotiation', 'in negotiation', '(in) the course (process) of negotiation'."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() in NEGOTIATING:
            return True
        if obj.lemma_.lower() in TALKS_UNDER_WAY and any(
            of.lower_ == "of"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in NEGOTIATING for g in of.children)
            for of in obj.children
        ):
            return True
    return False


def _built_on(anchor: Token) -> bool:
    """'builds on the 2024 agreement', 'building on the existing memorandum': what a new step builds on exists."""
    first = first_conjunct(anchor)
    if any(c.dep_ in ("relcl", "acl") for c in anchor.children):
        return False  # 'build on the agreement we reached with China': its own clause says its stage
    return (
        first.dep_ == "pobj"
        and first.head.lower_ == "on"
        and first.head.head.lemma_.lower() == "build"
        and first.head.head.pos_ == "VERB"
    )


def _what_talks_will_bring(anchor: Token) -> bool:
    """'Negotiations ... are still in progress, and I trust they will soon result in an agreement', 'talks that
    will lead to a treaty': what talks under way are to result in is being negotiated."""
    first = (
        anchor.head if anchor.dep_ == "compound" else first_conjunct(anchor)
    )  # 'an agreement satisfactory'
    if first.dep_ != "pobj" or first.head.lower_ not in ("in", "to"):
        return False
    verb = first.head.head
    if (
        verb.lemma_.lower() not in ("result", "lead")
        or verb.pos_ != "VERB"
        or not aux_of(verb) & _MODAL_OR_FUTURE
    ):
        return False  # 'the negotiations have resulted in an agreement': reached
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    for subject in subjects:
        if subject.lemma_.lower() in NEGOTIATING:
            return True
        if (
            subject.lower_ == "they"
        ):  # the talks a clause before names: 'Negotiations ... are in progress, and they'
            before = [t for t in anchor.sent if t.i < subject.i and t.lemma_.lower() in NEGOTIATING]
            if before and any(t.dep_ in ("nsubj", "nsubjpass") for t in before):
                return True
    return False


def _denied_or_conditional(verb: Token) -> bool:
    """'has not signed', 'if no deal is reached', 'unless they agree': the agreement is not made."""
    if any(
        c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"))
        for c in verb.children
    ):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(d.lower_ == "no" for d in c.children if d.dep_ == "det")
        for c in verb.children
    )


def status_for(anchor: Token) -> AgreementStatus:
    """The status an agreement noun (or agreeing verb) has in its own clause."""
    if not is_noun(anchor):
        status = _verb_status(anchor)
        if status == "planned" and anchor.dep_ == "relcl" and _reached(anchor.head, anchor):
            return "agreed"  # 'talks concluded with a text that both sides will sign in March'
        return status or "unknown"
    if in_title_case(anchor.sent):
        return _headline_status(anchor)  # the model parses a title-case headline as one long name
    headline = _verbless_headline(anchor)
    if headline is not None:
        return headline  # 'Viet Nam, Laos ink deal on power trade'
    if anchor.dep_ == "compound" and anchor.head.lemma_.lower() in AGREEMENT_NOUNS:
        return status_for(anchor.head)  # 'a comprehensive economic partnership agreement' is one noun
    if anchor.lemma_.lower() in NEGOTIATING and _talks_ended(anchor):
        return "agreed"  # 'announced the conclusion of negotiations on an agreement'
    if _lapsed_unrenewed(anchor):
        return (
            "ended"  # 'The reciprocity arrangement with France, which expired in June, has not been renewed'
        )
    if _refused(anchor):
        return "ended"  # '..., which failed to receive the advice and consent of the Senate', 'the Senate rejected it'
    if _consent_still_awaited(anchor):
        return "signed"  # 'the extradition treaty with Greece has not yet received the consent of the Senate'
    if _still_in_talks(anchor):
        return "in_negotiation"  # 'conventions ... now in the course of negotiation with Spain'
    if _built_on(anchor):
        return "in_force"  # 'The memorandum builds on the 2024 agreement between ...': one that exists
    if _what_talks_will_bring(anchor):
        return "in_negotiation"  # 'Negotiations with Great Britain are in progress, and they will result in an agreement'
    modifiers = {c.lower_ for c in anchor.lefts}
    if modifiers & IN_FORCE_MODIFIERS:
        return "in_force"
    if modifiers & PLANNED_MODIFIERS:
        # 'the proposed treaty with Canada, now before the Senate', 'I urge the Senate to approve the proposed
        # treaty': one a legislature has before it is signed, whatever the speaker calls it
        taker = governing_verb(anchor)
        pending = _before_the_legislature(anchor) or (taker is not None and _before_a_legislature(taker))
        if pending:
            return "signed"
        # 'have agreed on the draft treaty, and it will be laid before the conference', 'accepted the proposed
        # convention, and our negotiators have settled its final form': a draft the sides have reached
        return "agreed" if taker is not None and _draft_reached(taker) else "planned"
    bond = _treaty_bond(anchor)
    if bond is not None:
        return bond  # 'our treaty commitments to Taiwan', 'Japan, our treaty ally'
    head = anchor.head
    under = _acting_under(anchor)
    if under is not None and not _to_work_under(anchor, governing_verb(under), modifiers):
        # 'under the 2019 agreement, 5,000 people were returned', 'under the terms of the treaty', 'appointed
        # pursuant to the convention'; but 'suspended its obligations under the treaty' suspends it
        return (
            _obligations_dropped(governing_verb(under))
            or _just_made(anchor, governing_verb(under))
            or "in_force"
        )
    first = first_conjunct(anchor)
    if first.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in COMPLYING:
        return "in_force"  # 'strict compliance with the peace agreement'
    if first.dep_ == "pobj" and first.head.lower_ in TOWARDS:
        talks = first.head.head
        if talks.dep_ == "dobj" and talks.lemma_.lower() in NEGOTIATING and _finishes(talks.head):
            # 'have concluded negotiations toward a free trade agreement': the talks are over, as 'concluded
            # negotiations on'; the verb's own tense and mood say how far ('will conclude ...')
            return _verb_status(talks.head) or "agreed"
        return "in_negotiation"  # 'working towards devolution deals with ...'
    if _approached(first):
        return "in_negotiation"  # 'close to a trade deal', 'nearing a deal', 'an agreement is within reach'
    if _approved_after_the_fact(first):
        return "signed"  # 'the Cabinet has given its ex-post facto approval to the MoU': signed before it
    if _tabled_in_talks(first):
        return "in_negotiation"  # 'proposals for a trade deal were exchanged', 'exchanged draft texts of'
    framed = _frames_a_purchase(first)
    if framed is not None:
        return framed  # 'Norway will buy frigates in the largest export deal': reached, not yet signed
    if first.dep_ == "pobj" and first.head.lower_ in ("for", "on") and _pursues(first.head.head):
        return (
            "in_negotiation"  # 'we will continue to press for an agreement', 'work with Russia on a treaty'
        )
    if (
        first.dep_ == "pobj"
        and head.lower_ == "of"
        and ("ratification" in _steps(head.head) or _a_legislatures_approval(head.head))
    ):
        # 'since the ratification of the treaty', 'Senate approval of the treaties last year'; 'I urge
        # ratification of', 'parliamentary approval of the agreement is expected'
        return _ratification(first_conjunct(head.head))
    if first.dep_ == "pobj" and first.head.head.lemma_.lower() in IMPLEMENTING:
        verb = governing_verb(first.head.head)
        if verb is not None and verb.lemma_.lower() in SUSPENDING_VERBS | ENDING_VERBS:
            return _verb_status(verb) or "suspended"  # 'frozen the implementation of the agreement'
        return "in_force"  # 'implementation of the City Deal is well under way'
    if first.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("signing", "signature"):
        verb = governing_verb(head.head)
        if verb is not None and verb.lemma_.lower() in APPROVING:
            return "planned"  # 'the Cabinet has approved the signing of an MoU'
        if verb is not None and head.head.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in WITNESSING:
            # 'welcomed the signing of a framework', 'witnessed the signing of': the ceremony that signs it,
            # unless yet to come ('will witness the signing of')
            return "planned" if _verb_status(verb) == "planned" else "signed"
    talked = _verb_of_talks_ended(anchor)
    if anchor.dep_ == "pobj" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in NEGOTIATING for c in talked.children
    ):
        # 'discussions have begun on a revised framework'; 'the negotiations resulted in an agreement' made it,
        # and a clause on it tells a later stage ('talks ended in an agreement with Iceland, which came into
        # force in January')
        if not _made_by_talks(anchor, talked):
            return "in_negotiation"
        described = _described(anchor)
        return described if described in ("signed", *_LATER_STAGES) else "agreed"
    if anchor.dep_ == "pobj" and head.head.lemma_.lower() in NEGOTIATING:
        # 'talks on a new agreement'; 'concluded negotiations on an agreement', 'announced the conclusion of
        # negotiations on an agreement' are agreed
        talks = head.head
        verb = governing_verb(talks)
        # talks the sides agreed would open or resume are talks to come, not talks concluded ('agreed that
        # talks on a treaty would begin', as 'agreed to resume talks')
        concluded = (
            verb is not None
            and (_verb_status(verb) == "agreed" and not (aux_of(verb) & FUTURE_AUX and _agreed_to_come(verb)))
        ) or _talks_ended(talks)
        return "agreed" if concluded else "in_negotiation"
    if (
        anchor.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() == "exchange"
        and is_noun(head.head)
    ):
        verb = governing_verb(head.head)  # 'witnessed the exchange of five MoUs': signed, unless yet to come
        return "planned" if verb is not None and _verb_status(verb) == "planned" else "signed"
    if (
        first.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lower_ in BOUND_BY
        and not modifiers & {"a", "new"}
    ):
        return "in_force"  # 'a party to the agreement', 'remains committed to the Agreement'
    entry = next((a for a in anchor.ancestors if _is_entry_into_force(a)), None)
    if entry is not None:  # 'welcomes the entry into force of the agreement', unless it is yet to come
        verb = governing_verb(entry)
        return "planned" if verb is not None and _verb_status(verb) == "planned" else "in_force"
    end = _its_end(anchor)
    if end is not None:
        return end  # 'the collapse of the INF treaty', 'since its withdrawal from the deal'
    if _embodies_what_was_reached(anchor):
        # 'the terms agreed with Britain will be embodied in a treaty', 'the agreement in principle reached
        # with Japan will be turned into a full treaty': the instrument of an agreement reached, yet to be written
        return "agreed"
    if _ratifications_exchanged_beside(anchor):
        # 'the treaty with the Netherlands, the ratifications having been exchanged at The Hague, is
        # transmitted', 'the treaties concluded with Siam and Muscat ..., the ratifications having been received'
        return "in_force"
    participles = (
        [c for c in anchor.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")]
        + _participle_after(anchor)
        + _participle_on_its_side(anchor)
    )
    for child in participles:
        if child.lemma_.lower() not in SIGNING_VERBS | {"negotiate"}:
            continue
        # what the agreement does later in the clause ('..., signed in 2019, took effect', '..., negotiated
        # in record time, entered into force'; or joined to the participle where the parser hung it there:
        # 'the treaty ..., signed last year, entered into force') outranks the participle
        verb = governing_verb(anchor)
        later = (
            _verb_status(verb)
            if verb is not None and verb.i != child.i and not _to_be_carried_out(verb)
            else None
        )
        if later not in _LATER_STAGES:
            later = _carried_on(child) or _later_participle(anchor, child)
        if later not in _LATER_STAGES and verb is not None and verb.i != child.i:
            # '..., signed at Lisbon in 1902, was not approved in time and has consequently become void'
            later = _carried_on(verb)
        if later not in _LATER_STAGES and (
            _has_long_operated(first, verb, modifiers)
            or (verb is not None and _continues(first, verb, modifiers))
        ):
            # 'our security treaty, signed in 1960, has served both nations well'; 'the swap agreement,
            # renewed in 2021, continues to support trade'
            later = "in_force"
        if later in _LATER_STAGES:
            return later
        if child.lemma_.lower() == "negotiate":
            # 'the treaty negotiated with Russia' (agreed, as 'the agreement we negotiated'); 'the treaty now
            # being negotiated' (in negotiation)
            return _verb_status(child) or "in_negotiation"
        if child.lemma_.lower() in SIGNING_VERBS:
            # 'the Free Trade Agreement, signed in July, will cut tariffs'; 'the deal, struck in May'
            if child.lemma_.lower() in TAKING_EFFECT_VERBS:
                return "in_force"
            return "agreed" if _concludes(child) else "signed"
    for child in anchor.subtree:
        if child.i <= anchor.i or child.i > anchor.i + _DESCRIBED_REACH:
            continue
        if (
            child.dep_ == "relcl"
            and child.lemma_.lower() in SIGNING_VERBS | NEGOTIATING
            and _on_the_noun(child, anchor)
        ):
            taker = governing_verb(anchor)
            if "to" in aux_of(child) and taker is not None and taker.lemma_.lower() in PLANNING_VERBS:
                return "planned"  # 'proposed a trade pact to be negotiated next year': only proposed
            status = _verb_status(child)
            if status == "planned" and _reached(anchor, child):
                # 'have agreed on the text of a treaty, which will be signed in May', 'reached a deal, which
                # will be signed once ...', 'agreed on a treaty to be signed at the summit': the signing is
                # ahead of an agreement the sentence has reached
                return "agreed"
            if status in ("agreed", "signed"):
                # 'walked away from the agreement it had reached': what the sentence does to it later outranks
                taker = governing_verb(anchor)
                ending = _verb_status(taker) if taker is not None and taker.i != child.i else None
                if ending in ("ended", "suspended"):
                    return ending
                if taker is not None and taker.i != child.i and _has_long_operated(first, taker, modifiers):
                    return "in_force"  # 'the agreement we reached with Japan in 1987 has reduced the deficit'
            if status is not None:
                return status  # 'the deal the EU has ever struck', 'the treaty they are negotiating'
    if _said_in_force(anchor):
        return "in_force"
    if _ready_for_signature(anchor):
        return "agreed"  # 'the treaty with Japan is now ready for signature', 'awaits only the signatures'
    if _before_the_legislature(anchor):
        return "signed"  # 'the treaty now before the Senate', 'the treaty ... awaits your approval'
    verb = governing_verb(anchor)
    by_law = _carried_out_by_law(verb) if verb is not None else None
    if by_law is not None:
        return by_law  # 'the legislation needed to carry out the agreement': signed, awaiting it
    ahead = _stage_ahead(verb) if verb is not None and first.dep_ in ("nsubj", "nsubjpass") else None
    if ahead is not None:
        return ahead  # 'the treaty, when ratified, will reduce the risk of war': not yet ratified
    verb = governing_verb(anchor)
    superseded = _superseded(first, verb) if verb is not None else None
    if superseded is not None:
        return superseded  # 'the Clayton-Bulwer Treaty has been superseded by the new canal treaty'
    if verb is not None and _continues(first, verb, modifiers):
        return "in_force"  # 'the EPA will continue to cut tariffs': what it goes on doing, it does now
    if verb is not None and _what_it_would_do(first, verb):
        # 'the START II treaty could cut them by 80 percent': what it does, not where it stands; unless a later
        # clause puts it before a legislature ('..., and I ask the Senate to ratify it')
        return "signed" if _asked_of_a_legislature_later(anchor) else "unknown"
    status = _verb_status(verb) if verb is not None else None
    if status == "signed" and verb is not None and _signing_still_ahead(verb):
        status = "agreed"  # 'concluded a partnership agreement, though it still has to be signed': the text
    if status == "in_negotiation" and verb is not None and _discusses_a_named_one(anchor, verb, modifiers):
        status = None  # 'the leaders discussed the AUKUS partnership': one that stands, spoken of below
    if status == "planned" and verb is not None and _acts_on_one_that_exists(anchor, verb):
        # 'we will stand by our treaty', 'will present the agreement to the Congress': the future is the act's,
        # the agreement exists; what else the sentence says decides where it stands
        status = None
    if status in ("agreed", "signed") and verb is not None:
        status = _later_stage(anchor, verb) or status
    if status in (None, "agreed", "signed") and verb is not None:
        status = _carried_on(verb) or status  # 'was concluded in 1916 and has been put into effect'
    if status in ("planned", "in_force") and verb is not None and _carried_on(verb) in ("ended", "suspended"):
        # 'was not renewed and expired in January'; 'was ratified by the King, but did not receive the approval
        # of the Chambers, and has therefore become void'
        status = _carried_on(verb)
    if status == "planned" and verb is not None:
        # 'No agreement has yet been concluded with Austria, but the form of agreement has been settled'
        status = _reached_all_the_same(verb) or status
    if status == "in_force" and verb is not None and (_exchange_awaited(verb) or _others_yet_to_act(verb)):
        status = "signed"  # 'ratified by the Senate, but it awaits the exchange'; 'and I hope the Senate will
    if status is None and verb is not None and first.dep_ == "nsubj" and _held_in_talks(verb):
        return "in_negotiation"  # 'the fisheries agreement remains under negotiation', 'is still under discussion'
    if (
        status is None
        and verb is not None
        and first.dep_ == "nsubj"
        and first.head.i == verb.i
        and (_persists(verb) or _operates(verb, modifiers) or _founds(verb, modifiers))
    ):
        # 'the treaty remains the cornerstone', 'the pact has held for forty years', 'the Nassau agreement
        # recognizes that ...', 'the arrangements already bring results': treated as operating
        status = "in_force"
    if status is None and verb is not None and _made_by_talks(anchor, verb):
        status = "agreed"  # 'the negotiations with Germany have resulted in an agreement on the terms'
    if status is None:
        status = _described(anchor)  # 'the treaty, which was terminated in 1940, has not been replaced'
    if status is None and _asked_of_a_legislature_later(anchor):
        status = "signed"  # 'the agreement has broad support, and I ask the Congress to approve it'
    if status is None and _under_talks(anchor):
        status = "in_negotiation"  # 'discussions are continuing on the details of an agreement'
    if status is None and "new" in modifiers and verb is None:
        return "planned"  # 'New deals with Balkan states': a headline announcing them ('the new treaties
        # protect our interests' says what they do, not that they are to come)
    if status is None and modifiers & WEAK_IN_FORCE_MODIFIERS and not _will_do(anchor):
        # not '"This is a landmark deal that will remove tariffs"': news of what it will do
        return "in_force"
    spoken_of = (
        name_of(anchor) is not None or _named_by_initials(anchor) or _possessed(anchor, modifiers)
    ) and (verb is None or not aux_of(verb) & FUTURE_AUX or not _makes(verb))
    if status is None and spoken_of:
        # 'co-guarantors of the Good Friday Agreement', 'we value our treaty with Japan': a named or possessed
        # agreement, spoken of as it stands
        return "in_force"
    if status is None and anchor.lemma_.lower() in NEGOTIATING:
        return (
            "in_negotiation"  # 'engaged in negotiations with Iran': talks are under way unless said otherwise
        )
    return status or "unknown"


# Verbs that name the ceremony of signing as what they do to it: 'welcomed the signing of a framework'.
WITNESSING = frozenset("welcome witness attend hail celebrate mark applaud oversee host".split())


def _discusses_a_named_one(anchor: Token, verb: Token, modifiers: set[str]) -> bool:
    """'The leaders discussed the AUKUS partnership', 'reviewed progress under ... discussed the Paris
    Agreement': an agreement called by a name of its own, the object of discussing, is spoken of as it stands;
    one named by its sides ('the EU-India trade agreement') or new ('a new partnership') may be what is talked
    about."""
    if verb.lemma_.lower() != "discuss" or anchor.dep_ != "dobj" or anchor.head.i != verb.i:
        return False
    if modifiers & {"a", "an", "new", "proposed", "possible", "future"}:
        return False
    name = name_of(anchor)
    return (name is not None and not any(d in name for d in ("-", "–"))) or _named_by_initials(anchor)


def _named_by_initials(anchor: Token) -> bool:
    """'the AUKUS partnership', 'the ANZUS pact': an agreement called by its own initials (no country's)."""
    return any(
        c.dep_ == "compound" and c.is_upper and len(c) >= 3 and c.ent_type_ not in ("GPE", "NORP")
        for c in anchor.lefts
    )


# Verbs whose future or conditional says where an agreement stands ('the deal will be signed', 'the treaty will
# enter into force'); any other verb an agreement is the subject of says what it does.
_STATUS_VERBS = (
    SIGNING_VERBS
    | CONCLUDING_VERBS
    | NEGOTIATING
    | TAKING_EFFECT_VERBS
    | ENDING_VERBS
    | SUSPENDING_VERBS
    | DELAYING_VERBS
    | IMPLEMENTING
    | APPROVING
    | frozenset("come enter take become go proceed replace be".split())
)

_MODAL_OR_FUTURE = FUTURE_AUX | frozenset("could can may might should must".split())
_SUPPOSING = frozenset("would could might".split())
_ENDS_OF_TALKS = frozenset("conclusion completion end close".split())
_LOOKING_TO = PLANNING_VERBS | frozenset("commit".split())  # 'look forward to', 'committed to signing'


def _what_it_would_do(subject: Token, verb: Token) -> bool:
    """'The agreement will support 70,000 jobs', 'the treaty could cut arsenals', 'the deal is expected to
    double trade', 'the MoU is intended to promote cooperation': an agreement the subject of what it will,
    could or is meant to do; the future is the effect's, not the agreement's (the guide's `unknown`; 'is
    expected to be signed' is the agreement's own)."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i != verb.i:
        return False
    if verb.lemma_.lower() in PLANNING_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() not in _STATUS_VERBS for c in verb.children
    ):
        return True  # 'the agreement is expected to double trade', 'aims to boost trade': what it is to do
    if subject.dep_ != "nsubj":
        return False
    aux = aux_of(verb)
    if verb.lemma_.lower() == "be":
        # 'a treaty with Cuba would be of great value': what it would be, supposed; not 'will be ready'
        return bool(aux & _SUPPOSING)
    lemma = verb.lemma_.lower()
    status_verb = lemma in _STATUS_VERBS and not (
        lemma in _ENDING | SUSPENDING_VERBS and _acts_on_another(verb)
    )
    return not status_verb and bool(aux & _MODAL_OR_FUTURE)


def _acts_on_another(verb: Token) -> bool:
    """'The treaty could end the arms race', 'the agreement that ended the war': an agreement the subject of
    an ending verb whose object is something else ends that, not itself."""
    return any(c.dep_ == "nsubj" and names_agreement(c) for c in verb.children) and any(
        c.dep_ == "dobj" and not names_agreement(c) for c in verb.children
    )


_MAKING = (
    SIGNING_VERBS
    | CONCLUDING_VERBS
    | CREATING_VERBS
    | LAUNCHING_VERBS
    | NEGOTIATING
    | DEVELOPING_VERBS
    | PLANNING_VERBS
    | JOINING_VERBS
    | DELAYING_VERBS
    | MAKING_VERBS
    | APPROVING  # 'I urge them to approve the agreement': an assent yet to come, not a legislature's
    | frozenset({"be"})  # 'the treaty will be ready for signature'
)
_DEFINITE = frozenset("the this that these those".split())


def _makes(verb: Token) -> bool:
    """Whether the verb (or the verb its infinitive completes: 'we hope to sign') makes the agreement, so
    that its future says the agreement is yet to be made."""
    current = verb
    for _ in range(3):
        if current.lemma_.lower() in _MAKING:
            return True
        if (
            "to" not in aux_of(current)
            or current.dep_ not in ("xcomp", "advcl", "ccomp")
            or current.head.i == current.i
        ):
            return False
        current = current.head
    return False


def _acts_on_one_that_exists(anchor: Token, verb: Token) -> bool:
    """'We will stand by our treaty with Taiwan', 'will present the new agreement to the Congress', 'the
    legislation needed to carry out the agreement': a definite, possessed or named agreement that a verb acts
    on without making it exists already, so that verb's future (or infinitive) is no sign it is planned ('we
    will sign the treaty', 'will secure the best deal', 'we will support a new agreement' are; 'we must build
    on our treaty' builds nothing new)."""
    first = first_conjunct(anchor)
    built_on = first.dep_ == "pobj" and first.head.lower_ in ("on", "upon") and first.head.head.i == verb.i
    if _makes(verb) and not built_on:  # 'we must build on our treaty with Japan' makes none
        return False
    lefts = [*first.lefts, *anchor.lefts]
    return (
        any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in lefts)
        or name_of(anchor) is not None
    )


def _carries_out(verb: Token) -> bool:
    """'carry out', 'give effect to': the phrasal forms of implementing an agreement."""
    lemma = verb.lemma_.lower()
    if lemma == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma == "give" and any(c.dep_ == "dobj" and c.lower_ == "effect" for c in verb.children)


def _to_be_carried_out(verb: Token) -> bool:
    """'The agreement reached with Japan will now be carried out', 'the deal, struck in May, will be
    implemented next year': implementation yet to begin is no later stage than the one the participle says
    (alone, 'the UK will implement the agreement' keeps one that operates, as 'will honor our treaty' does)."""
    if verb.lemma_.lower() != "implement" and not _carries_out(verb):
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PERSISTING_VERBS:
        return False
    return bool(aux_of(verb) & FUTURE_AUX)


def _carried_out_by_law(verb: Token) -> AgreementStatus | None:
    """'I will ask the Congress for the legislation needed to carry out the agreement', 'a bill to implement
    the pact is before the House': an agreement a law is yet to carry out awaits a legislature (signed); 'the
    Congress passed legislation implementing the agreement', 'I signed the bill that put the pact into
    effect' enacted it (in force)."""
    if not (verb.lemma_.lower() in IMPLEMENTING or _carries_out(verb) or _takes_effect(verb)):
        return None
    law = None
    for ancestor in list(verb.ancestors)[:3]:
        if is_noun(ancestor):
            law = ancestor if ancestor.lemma_.lower() in LEGISLATION_NOUNS else None
            break
    if law is None:
        return None
    passing = governing_verb(law)
    if passing is None:
        return "signed"
    aux = aux_of(passing)
    enacted = (
        passing.lemma_.lower() in ENACTING_VERBS
        and passing.tag_ in ("VBD", "VBN")
        and not aux & _MODAL_OR_FUTURE
        and "to" not in aux
        and not _denied_or_conditional(passing)
    )
    return "in_force" if enacted or _enacted(passing) else "signed"


def _stage_ahead(verb: Token) -> AgreementStatus | None:
    """'The treaty, when ratified, will reduce the risk of war', 'the agreement will be tabled in the House
    once it is signed': a clause of time on the agreement's own verb, about it ('it', or no subject of its
    own), that puts a stage ahead says the agreement has not reached it: approval or effect ahead → signed,
    signing ahead → planned."""
    if not aux_of(verb) & _MODAL_OR_FUTURE:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            g.dep_ in ("mark", "advmod") and g.lower_ in TEMPORAL_MARKS for g in clause.children
        ):
            continue
        subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
        if clause.tag_ != "VBN" or aux_of(clause) & _MODAL_OR_FUTURE:
            continue
        if not all(g.lower_ in ("it", "they") or names_agreement(g) for g in subjects):
            continue
        lemma = clause.lemma_.lower()
        if lemma in TAKING_EFFECT_VERBS | APPROVING or _takes_effect(clause):
            return "signed"
        if lemma in SIGNING_VERBS:
            return "planned"
    return None


def _participle_after(anchor: Token) -> list[Token]:
    """'the Trade Agreement reached with China' where the parser hung 'reached' on the sentence's verb: a
    past participle of a signing verb right after the noun, with no subject of its own, describes the noun."""
    if anchor.i + 1 >= anchor.sent.end:
        return []
    after = anchor.nbor()
    if (
        after.tag_ not in ("VBN", "VBD")
        or after.lemma_.lower() not in SIGNING_VERBS
        or after.dep_ == "acl"
        or anchor.head.i == after.i
        or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in after.children)
    ):
        return []
    return [after]


def _participle_on_its_side(anchor: Token) -> list[Token]:
    """'the extradition treaty with Paraguay, signed in May, ...' where the parser hung the participle on
    'Paraguay': a signing verb's participle on the noun's own 'with' side describes the noun (a country is not
    signed)."""
    return [
        c
        for prep in anchor.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for side in prep.children
        if side.dep_ == "pobj" and side.ent_type_ in ("GPE", "ORG", "NORP")
        for c in side.children
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in SIGNING_VERBS
    ]


def _approached(noun: Token) -> bool:
    """'are close to a trade deal', 'near a deal', 'nearing a deal', 'an agreement is well within reach': the
    sides are near one they have not reached (talks are on)."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ == "near" or (head.lower_ == "to" and head.head.lower_ in ("close", "closer"))
    if noun.dep_ == "dobj":
        return head.lemma_.lower() == "near" and head.pos_ == "VERB"
    return noun.dep_ == "nsubj" and any(
        p.dep_ == "prep" and p.lower_ == "within" and any(c.lower_ == "reach" for c in p.children)
        for p in head.children
    )


def _talks_ended(talks: Token) -> bool:
    """'the conclusion (completion) of negotiations': talks ended, the text reached."""
    return (
        talks.dep_ == "pobj"
        and talks.head.lower_ == "of"
        and talks.head.head.lemma_.lower() in _ENDS_OF_TALKS
    )


def _acting_under(anchor: Token) -> Token | None:
    """The 'under' of 'under the agreement', 'under the terms (authority, provisions) of the treaty', the
    'to' of 'pursuant to the convention' or 'thanks to the treaty', the 'on' of 'based on the treaty', the
    'because of the treaty': what is done under an agreement, or owes to it, shows it operates."""
    if anchor.dep_ != "pobj":
        return None
    prep = anchor.head
    if prep.lower_ == "of" and is_noun(prep.head) and prep.head.dep_ == "pobj":
        prep = prep.head.head  # 'under the terms of the treaty'
    if (
        prep.lower_ == "under"
        or (prep.lower_ == "to" and prep.head.lower_ in ("pursuant", "thanks", "owing"))
        or prep.lower_ == "because"  # 'because of the agreement', the parser's 'of' hung on 'because'
        or (prep.lower_ == "of" and prep.head.lower_ == "because")
        or (prep.lower_ == "on" and prep.head.lemma_.lower() in ("base", "found", "ground", "rest"))
    ):
        return prep  # also 'thanks to the treaty', 'based on the security treaty of 1960'
    return None


def _to_work_under(anchor: Token, verb: Token | None, modifiers: set[str]) -> bool:
    """'the two sides will work together under a framework on maritime security', 'would cooperate under a
    new pact': what will (or could) be done under an agreement not yet known ('a', 'new') shows no agreement
    operating, so the clause's own status stands ('Under the Paris Agreement, countries will submit targets'
    speaks of one that operates)."""
    if verb is None or not (aux_of(verb) & _MODAL_OR_FUTURE or "to" in aux_of(verb)):
        return False
    return bool(modifiers & {"a", "an", "new"})


def _ratification(noun: Token) -> AgreementStatus:
    """'Following the ratification of the agreement' → in_force; 'I urge prompt ratification of the treaty',
    'ratification of the treaty is essential', 'is among our top priorities', 'has been delayed' → signed:
    asked for, needed, a goal or yet to come, the ratification is not done; and where its conclusion is a goal
    with it ('the conclusion and ratification of a treaty is our first goal'), the treaty is still being
    negotiated."""
    verb = governing_verb(noun)
    if verb is None:
        return "in_force"
    lemma = verb.lemma_.lower()
    goal = (noun.dep_ == "nsubj" and lemma in ("be", "remain") and verb.tag_ in ("VBZ", "VBP")) or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _NEEDED for c in verb.children
    )
    if not (
        goal
        or _pending_approval(verb)
        or _denied_or_conditional(verb)
        or lemma in PLANNING_VERBS | DELAYING_VERBS
    ):
        return "in_force"
    return "in_negotiation" if _steps(noun) & {"conclusion", "completion", "negotiation"} else "signed"


def _a_legislatures_approval(noun: Token) -> bool:
    """'Senate approval', 'the Senate's consent', 'parliamentary approval', 'approval by Congress'."""
    if noun.lemma_.lower() not in APPROVAL_NOUNS:
        return False
    return any(
        c.lower_ in LEGISLATURES | _LEGISLATIVE
        if c.dep_ in ("compound", "poss", "amod", "nmod")
        else c.dep_ == "prep" and c.lower_ == "by" and _legislature_in(c)
        for c in noun.children
    )


_LEGISLATIVE = frozenset("congressional parliamentary legislative senatorial".split())


def _steps(noun: Token) -> set[str]:
    """'the conclusion and ratification (of)' → {'conclusion', 'ratification'}."""
    return {t.lemma_.lower() for t in (noun, *noun.conjuncts)}


_LATER_STAGES = frozenset({"in_force", "ended", "suspended"})
_NEEDED = frozenset("essential necessary vital needed urgent required".split())


def _pursues(verb: Token) -> bool:
    """'press for', 'push for', 'work on', and 'continue to press ..., for' where the parser hung 'for' on
    'continue' (not the noun of 'completed work on')."""
    if verb.pos_ != "VERB":
        return False
    return verb.lemma_.lower() in PURSUING_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in PURSUING_VERBS for c in verb.children
    )


def _obligations_dropped(verb: Token | None) -> AgreementStatus | None:
    """'suspended its obligations under the treaty' → suspended; 'withdrew from its commitments under the
    pact' → ended ('returned 500 people under the agreement' is neither, nor is 'North Korea has frozen its
    nuclear program under the agreement': what is suspended is done under it)."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma not in _ENDING | SUSPENDING_VERBS or not any(
        t.lemma_.lower() in _OBLIGATIONS
        for c in verb.children
        if c.dep_ in ("dobj", "prep")
        for t in c.subtree
    ):
        return None
    return "suspended" if lemma in SUSPENDING_VERBS else "ended"


_OBLIGATIONS = frozenset("obligation commitment participation membership".split())


def _pending_approval(verb: Token) -> bool:
    """'awaits your approval', 'I will seek the Senate's consent to ratification of', 'I urge you to give your
    consent to': a legislature's approval asked for or awaited, not given."""
    lemma = verb.lemma_.lower()
    if _denied_or_conditional(verb):
        return False
    aux = aux_of(verb)
    return lemma in AWAITING_VERBS or bool(aux & FUTURE_AUX) or ("to" in aux and verb.dep_ == "xcomp")


def _before_the_legislature(anchor: Token) -> bool:
    """'the treaty now before the Senate', 'the treaty now pending before you', 'the treaty ... awaits your
    approval', 'I will seek the Senate's consent to ratification of the agreement': an agreement awaiting a
    legislature's approval is signed, not yet in force (the annotation guide's line)."""
    verb = governing_verb(anchor)
    pends = verb is not None and (verb.lemma_.lower() in _PENDING_VERBS or verb.lower_ == "pending")
    holders = [anchor]
    if pends and verb is not None:
        # 'This convention is pending before the Senate': the parser may hang 'before' on 'pending'
        holders += [verb, *(c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "pending")]
    for holder in holders:
        pending = holder.lower_ == "pending" or any(c.lower_ == "pending" for c in holder.children)
        for prep in holder.children:
            if (
                prep.dep_ == "prep"
                and (prep.lower_ == "before" or (pending and prep.lower_ == "in"))
                and any(_legislature_in(p) or p.lower_ == "you" for p in prep.children if p.dep_ == "pobj")
            ):
                return True
    if verb is None:
        return False
    path = [a for a in anchor.ancestors if a.i != verb.i and verb.is_ancestor(a)]
    asked = [c for c in verb.children if c.dep_ == "dobj"]
    lemmas = {t.lemma_.lower() for t in (*path, *asked)}
    acted_on = bool(lemmas & LEGISLATIVE_ACTS) and any(  # 'ask the Senate for prompt action on the treaty'
        c.dep_ in ("dobj", "dative", "nsubj") and _legislature_in(c) for c in verb.children
    )
    if not (lemmas & APPROVAL_NOUNS or acted_on):
        return False
    return _pending_approval(verb)


_PENDING_VERBS = frozenset("be lie remain pend sit have".split())  # 'you have before you a treaty'


def _persists(verb: Token) -> bool:
    """'remains the cornerstone', 'has held for forty years', 'which binds us still': said as it stands, not
    as it will or could be ('will remain', 'remains to be signed' are not)."""
    if verb.lemma_.lower() not in PERSISTING_VERBS or verb.tag_ not in ("VBZ", "VBP", "VBD", "VBN"):
        return False
    if aux_of(verb) & _MODAL_OR_FUTURE or _denied_or_conditional(verb):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def _operates(verb: Token, modifiers: set[str]) -> bool:
    """'The Nassau agreement recognizes that ...', 'the arrangements already bring results': an agreement
    the subject of a plain present verb is treated as operating (the annotation guide's in force); not 'is'
    or 'has', which say what it is, not what it means ('this treaty marks a new chapter': a release praising
    the treaty it announces), and not a new one, which a release is only announcing. A present perfect says
    the same of what it has done ('the pact has deterred aggression for a decade')."""
    aux = aux_of(verb)
    present = (verb.tag_ in ("VBZ", "VBP") and not aux) or (
        verb.tag_ == "VBN" and bool(aux) and aux <= _PERFECT
    )
    # 'the free trade agreement is working', 'is paying off', 'is delivering for exporters': at work now ('a
    # deal is taking shape', 'is nearing completion', 'is being negotiated' are not)
    progressive = (
        verb.tag_ == "VBG"
        and bool(aux)
        and aux <= _PROGRESSIVE
        and verb.lemma_.lower() not in _STATUS_VERBS | _UNDER_WAY | AWAITING_VERBS
    )
    return (
        (present or progressive)
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in ("be", "have")
        and verb.lemma_.lower() not in SIGNIFYING_VERBS | CONTENT_VERBS
        and not _denied_or_conditional(verb)
        and not modifiers & {"new"}
    )


_PERFECT = frozenset({"has", "have", "'s", "'ve"})
_PROGRESSIVE = frozenset({"is", "are", "'s", "'re"})
# What an agreement on its way is said to be doing: 'a deal is taking shape', 'is nearing completion', 'is
# moving forward', 'is making progress', 'is stalling'.
_UNDER_WAY = frozenset(
    "take come near move make progress advance emerge approach head go face stall languish".split()
)


def _has_long_operated(subject: Token, verb: Token | None, modifiers: set[str]) -> bool:
    """'Our security treaty with Japan, signed in 1960, has served both nations well', 'the border agreement
    signed in 1970 has kept the peace for fifty years': what an agreement has done since it was signed (a
    present perfect, or a verb that says it stands) shows it operates; what a just-signed one does ('the deal
    signed on Monday cuts tariffs') or will do does not."""
    if verb is None or subject.dep_ != "nsubj" or subject.head.i != verb.i:
        return False
    perfect = verb.tag_ == "VBN" and bool(aux_of(verb)) and aux_of(verb) <= _PERFECT
    return _persists(verb) or (perfect and _operates(verb, modifiers))


def _just_made(anchor: Token, verb: Token | None) -> AgreementStatus | None:
    """'Under the agreement we reached with North Korea, Pyongyang will freeze its program', 'under the deal
    agreed on Friday, tariffs will fall': what is yet to be done under an agreement its own clause says was
    just reached or signed tells no more than that stage ('under the 2019 agreement, 5,000 people were
    returned' and 'under the Paris Agreement, countries will submit targets' speak of one that operates)."""
    made = [c for c in anchor.children if c.i > anchor.i and c.dep_ in ("acl", "relcl")]
    made += _participle_after(anchor)
    if verb is not None and any(m.i == verb.i for m in made):
        verb = (
            verb.head
        )  # 'Under the deal agreed on Friday, ...' where the parser hung 'Under' on the participle
    if verb is None or not aux_of(verb) & FUTURE_AUX:
        return None
    for child in made:
        if child.lemma_.lower() in TAKING_EFFECT_VERBS:
            continue
        if child.lemma_.lower() in SIGNING_VERBS | {"negotiate"}:
            status = _verb_status(child)
            if status in ("agreed", "signed"):
                return status
    return None


def _superseded(subject: Token, verb: Token) -> AgreementStatus | None:
    """'The Clayton-Bulwer Treaty has been superseded by the new canal treaty', 'the new treaty replaced the
    1990 agreement': the agreement replaced has ended; one yet to be replaced stands ('a treaty to replace the
    arrangement now in effect', 'will be superseded'); the agreement replacing it is read elsewhere."""
    if verb.lemma_.lower() not in SUPERSEDING_VERBS or subject.head.i != verb.i:
        return None
    if subject.dep_ not in ("nsubjpass", "dobj"):
        return None
    aux = aux_of(verb)
    if _denied_or_conditional(verb):
        return (
            None  # 'the treaty, which was terminated in 1940, has not been replaced' says nothing of its end
        )
    if aux & _MODAL_OR_FUTURE or "to" in aux or _yet_to_come(verb):
        return "in_force"
    return "ended" if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") else None


def _not_let(verb: Token) -> bool:
    """'We will not let the treaty come to an end', 'must not allow the deal to lapse', 'to prevent the pact
    from collapsing': an end refused, averted or only ahead where the verb hangs on 'let' or 'allow'."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "xcomp", "pcomp") or head.i == verb.i:
        return False
    if head.lemma_.lower() in AVERTING_VERBS:
        return True
    return head.lemma_.lower() in ("let", "allow", "permit") and (
        _denied_or_conditional(head) or bool(aux_of(head) & _MODAL_OR_FUTURE)
    )


def _ready_for_signature(anchor: Token) -> bool:
    """'The treaty with Japan is now ready for signature', 'the convention awaits only the signatures of the two
    governments', '..., which is ready for signing', 'is awaiting signature': the text is reached and not yet
    signed ('will be ready for signature' is still to come; 'awaits ratification' is signed, read elsewhere)."""
    first = first_conjunct(anchor)
    verbs = [first.head] if first.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [  # also a clause the parser hung on its 'with Oman'
        c
        for c in anchor.subtree
        if c.dep_ == "relcl" and anchor.i < c.i <= anchor.i + _DESCRIBED_REACH and _on_the_noun(c, anchor)
    ]
    for verb in verbs:
        aux = aux_of(verb)
        if aux & _MODAL_OR_FUTURE or "to" in aux or _denied_or_conditional(verb):
            continue
        lemma = verb.lemma_.lower()
        if lemma in AWAITING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _SIGNATURE for c in verb.children
        ):
            return True
        ready = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ("ready", "open")]
        if lemma == "be" and any(
            p.dep_ == "prep" and p.lower_ == "for" and any(g.lemma_.lower() in _SIGNATURE for g in p.children)
            for holder in ready
            for p in holder.children
        ):
            return True
    return False


_SIGNATURE = frozenset("signature signing".split())


def _withdraws_by_phrase(verb: Token) -> bool:
    """'Pulled out of', 'walked away from', 'backed out of', 'opted out of' (with the verb's particle or adverb;
    'walked to the table' is not)."""
    particles = WITHDRAWING_PHRASES.get(verb.lemma_.lower())
    return particles is not None and any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles for c in verb.children
    )


def _draft_reached(verb: Token) -> bool:
    """'Have agreed on the draft treaty', 'accepted the proposed convention, and our negotiators have settled
    its final form': the verb acting on a draft says it is reached, or a clause joined after it does."""
    if _verb_status(verb) == "agreed":
        return True
    return any(
        conj.i > verb.i and not _denied_or_conditional(conj) and _verb_status(conj) == "agreed"
        for conj in verb.conjuncts
    )


def _treaty_bond(anchor: Token) -> AgreementStatus | None:
    """'We will keep our treaty commitments to Taiwan', 'remains steadfast in its treaty commitments to Korea',
    'Japan, our treaty ally': what a country has under a treaty, said with 'treaty' as a modifier, shows the
    treaty in force (ended or suspended where the clause drops it: 'abandoned our treaty commitments')."""
    if anchor.dep_ != "compound" or anchor.head.lemma_.lower() not in TREATY_BONDS:
        return None
    verb = governing_verb(anchor.head)
    if verb is not None and verb.lemma_.lower() in _ENDING | SUSPENDING_VERBS:
        status = _verb_status(verb)
        if status in ("ended", "suspended"):
            return status
    return "in_force"


def _ends_by_phrase(verb: Token) -> bool:
    """'The reciprocity agreement came to an end in 1866', 'was brought to a close', 'put an end to the
    treaty': ending said with a phrase."""
    lemma = verb.lemma_.lower()
    if lemma in ("come", "draw", "bring"):
        return any(
            p.dep_ == "prep" and p.lower_ == "to" and any(c.lemma_.lower() in _ENDS for c in p.children)
            for p in verb.children
        )
    return lemma == "put" and any(c.dep_ == "dobj" and c.lemma_.lower() in _ENDS for c in verb.children)


_ENDS = frozenset("end close".split())


def _made_by_talks(anchor: Token, verb: Token) -> bool:
    """'The negotiations with Germany have resulted in an agreement', 'talks produced a deal', 'talks ended in
    an agreement', 'the negotiations were brought to a close in a convention': the talks (or the agreement they
    made) where talks are said to have ended in an agreement, reached and not yet signed ('talks could result
    in a deal' have not)."""
    lemma = verb.lemma_.lower()
    ins = _ended_in(verb)
    if (lemma not in RESULTING_VERBS and not ins) or aux_of(verb) & _MODAL_OR_FUTURE or "to" in aux_of(verb):
        return False
    if _denied_or_conditional(verb) or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    subjects = ("nsubj", "nsubjpass") if ins else ("nsubj",)
    talks = [c for c in verb.children if c.dep_ in subjects and c.lemma_.lower() in NEGOTIATING]
    preps = ins or [c for c in verb.children if c.lower_ == "in"]
    made = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for prep in preps for p in prep.children if p.dep_ == "pobj"
    ]
    made = [g for g in made if g.lemma_.lower() in AGREEMENT_NOUNS]
    return bool(talks and made) and any(t.i == anchor.i for t in (*talks, *made))


def _ended_in(verb: Token) -> list[Token]:
    """The 'in' of talks that 'ended (culminated, were terminated) in' an agreement or 'were brought (came) to a
    close in' one, as of talks that 'resulted in' one."""
    lemma = verb.lemma_.lower()
    if lemma in _ENDED_IN:
        return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    if lemma not in ("bring", "come"):
        return []
    ends = [
        p
        for to in verb.children
        if to.dep_ == "prep" and to.lower_ == "to"
        for p in to.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _ENDS_OF_TALKS
    ]
    return [c for node in (verb, *ends) for c in node.children if c.dep_ == "prep" and c.lower_ == "in"]


def _verb_of_talks_ended(anchor: Token) -> Token:
    """The verb an agreement noun's 'in' hangs on, through 'to a close (an end)': 'were brought to a close in a
    convention' → 'brought'."""
    held = anchor.head.head
    if held.lemma_.lower() in _ENDS_OF_TALKS and held.dep_ == "pobj" and held.head.lower_ == "to":
        return held.head.head
    return held


# Talks that 'ended (culminated, were terminated) in' an agreement made it, as talks that 'resulted in' one.
_ENDED_IN = frozenset("end terminate culminate close".split())


def _described(anchor: Token) -> AgreementStatus | None:
    """A clause on the noun that says where it stands, read where its own clause says nothing: 'the treaty,
    which was terminated in 1940', 'the treaties which I submitted to the Senate', 'the treaty of 1951,
    which binds us still'. A clause that acts on something else ('the agreement that ended the war') says
    what the agreement did, not where it stands."""
    for child in anchor.subtree:
        if child.i <= anchor.i or child.i > anchor.i + _DESCRIBED_REACH:
            continue
        if not (child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ == "VBN")):
            continue
        if not _on_the_noun(child, anchor):
            continue
        if _persists(child):
            return "in_force"
        if any(c.dep_ == "dobj" and c.lower_ == "effect" for c in child.children):
            status = _verb_status(child)  # 'the trade agreement that took effect in 2022'
            if status is not None:
                return status
        if any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in child.children):
            continue
        if child.lemma_.lower() in _DESCRIBING or _takes_effect(child):
            status = _verb_status(child)  # '..., which came into force in January'
            if status is not None:
                return status
    return None


_DESCRIBED_REACH = 12
_DESCRIBING = _ENDING | SUSPENDING_VERBS | APPROVING | SUBMITTING_VERBS | TAKING_EFFECT_VERBS | IMPLEMENTING


def _on_the_noun(clause: Token, anchor: Token) -> bool:
    """A clause on the noun, or on its 'with Japan' (where the parser hangs 'which ...' on the name); not one
    on another agreement conjoined with it ('the START II treaty and the framework we have agreed')."""
    head = clause.head
    return head.i == anchor.i or (
        head.dep_ == "pobj" and head.head.head.i == anchor.i and not names_agreement(head)
    )


def _later_stage(anchor: Token, verb: Token) -> AgreementStatus | None:
    """'An agreement ... was reached in a treaty concluded in May, which has since been ratified': where the
    sentence follows the agreement (or the instrument it was reached in) to a later stage, that stage."""
    instruments = [
        g
        for holder in (anchor, verb)
        for p in holder.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj" and names_agreement(g)
    ]
    for noun in (anchor, *instruments):
        status = _described(noun)
        if status in _LATER_STAGES:
            return status
    return None


def _asked_of_a_legislature_later(anchor: Token) -> bool:
    """'The agreement with Colombia has broad support, and I ask the Congress to approve it', '..., and I ask
    the Senate to ratify it': a later clause of the sentence puts 'it' before a legislature."""
    return any(
        t.i > anchor.i
        and t.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in t.children)
        and (
            _before_a_legislature(t)
            or (t.lemma_.lower() in TAKING_EFFECT_VERBS | PASSING_VERBS and _verb_status(t) == "signed")
        )
        for t in anchor.sent
    )


def _under_talks(anchor: Token) -> bool:
    """'Negotiations are under way on the final articles of the agreement', 'discussions on the details of a
    treaty': the agreement sits under talks, up its chain of nouns and prepositions."""
    for ancestor in anchor.ancestors:
        if ancestor.lemma_.lower() in NEGOTIATING and is_noun(ancestor):
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in NEGOTIATING
                for c in ancestor.children
            )
    return False


def _headline_status(anchor: Token) -> AgreementStatus:
    """'UK Signs Returns Deal With Serbia' (signed), 'President Secures Historic Trade Deal' (agreed), 'Canada
    to Sign ...' (planned), 'Minister Welcomes Agreement With EU' (unknown: the release's text says where it
    stands): a headline's status is its verb's, read from the word alone, since the parse of title case
    cannot be trusted."""
    before = list(anchor.sent[: anchor.i - anchor.sent.start])
    for k, word in enumerate(before):
        lower = word.lower_
        if lower in ("to", "will") and k + 1 < len(before) and before[k + 1].lower_ in HEADLINE_FUTURE:
            return "planned"  # 'Canada to Sign', 'UK Will Sign'
        if lower in HEADLINE_VERBS:
            stem = lower[:-2] if lower.endswith(("ches", "shes", "sses")) else lower[:-1]
            if any(t.lower_.removesuffix("s") in NEGOTIATING for t in before[k + 1 :]):
                return "agreed" if stem in CONCLUDING_VERBS else "in_negotiation"  # 'Launches Talks on'
            return _HEADLINE_STAGES.get(stem, "unknown")
    return "unknown"


def _will_do(anchor: Token) -> bool:
    """'a landmark deal that will remove tariffs on 95 per cent of our exports': what it will do is ahead."""
    return any(c.dep_ == "relcl" and aux_of(c) & FUTURE_AUX for c in anchor.children)


def _verbless_headline(anchor: Token) -> AgreementStatus | None:
    """'Viet Nam, Laos ink deal on power trade': a headline in sentence case puts the past in the present,
    which the model parses as a noun on the agreement ('ink deal') in a sentence without a verb; read after a
    name, the word is the headline's verb ('Laos to ink deal' has its verb; 'a peace deal' none)."""
    if any(t.pos_ in ("VERB", "AUX") for t in anchor.sent):
        return None
    for word in anchor.lefts:
        stage = _HEADLINE_STAGES.get(word.lower_)
        named = word.i > anchor.sent.start and anchor.doc[word.i - 1].pos_ == "PROPN"
        if word.dep_ == "compound" and stage is not None and named:
            return stage
    return None


# A headline verb's stem and the status it gives ('Signs' → sign → signed; 'ink' in sentence case).
_HEADLINE_STAGES: dict[str, AgreementStatus] = {
    **dict.fromkeys(("sign", "ink"), "signed"),
    **dict.fromkeys("secure strike seal reach conclude agree finalise finalize clinch".split(), "agreed"),
    **dict.fromkeys("end cancel scrap".split(), "ended"),
    "suspend": "suspended",
    **dict.fromkeys("renew extend".split(), "in_force"),
}


def stage_only_ahead(verb: Token | None) -> bool:
    """'Officials said the deal would take effect Jan. 1', 'warned that the deal could collapse if sanctions
    return': a taking effect or an end only ahead or supposed, which tells no stage of an agreement the text
    has given one (one the sides agreed on stays agreed; assembly still reads it where nothing else does)."""
    if verb is None or not aux_of(verb) & _MODAL_OR_FUTURE:
        return False
    lemma = verb.lemma_.lower()
    return (
        lemma in _ENDING | SUSPENDING_VERBS | TAKING_EFFECT_VERBS
        or _takes_effect(verb)
        or _ends_by_phrase(verb)
        or _withdraws_by_phrase(verb)
    )


def _held_in_talks(verb: Token) -> bool:
    """'remains under negotiation', 'is still under discussion', 'stays in negotiation': a subject the talks
    still hold (before 'remains' reads as the agreement standing)."""
    return verb.lemma_.lower() in _PENDING_VERBS | {"stay"} and any(
        c.dep_ == "prep"
        and c.lower_ in ("under", "in")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in NEGOTIATING for g in c.children)
        for c in verb.children
    )


def _possessed(anchor: Token, modifiers: set[str]) -> bool:
    """'our treaty with Japan', 'Canada's agreements with the EU': one the speaker's side already has ('their
    new agreement' is news, not a standing one)."""
    return "new" not in modifiers and any(c.dep_ == "poss" for c in anchor.lefts)


def _is_entry_into_force(token: Token) -> bool:
    return token.lemma_.lower() == "entry" and any(
        c.lower_ == "into" and any(g.lower_ == "force" for g in c.children) for c in token.rights
    )


_IN_FORCE_REACH = 12  # tokens after an agreement noun within which 'in force' is said of it


def clause_status(verb: Token) -> AgreementStatus:
    """The status a verb's clause gives what it says of an agreement, read by the clause rules alone: for an
    anchor that is no agreement noun ('Those made with Finland have been approved by the Congress')."""
    status = _verb_status(verb)
    later = _carried_on(verb)  # 'Those concluded with Belgium have been approved', parsed as two clauses
    if later is not None and (status is None or _STAGE_ORDER.index(later) > _STAGE_ORDER.index(status)):
        return later
    return status or "unknown"


_STAGE_ORDER: tuple[AgreementStatus, ...] = (
    "unknown",
    "planned",
    "in_negotiation",
    "agreed",
    "signed",
    "in_force",
    "suspended",
    "ended",
)


def standing_said(anchor: Token) -> AgreementStatus | None:
    """What a sentence pointing back says of where the agreement stands, as its subject: 'This convention is
    pending before the Senate', 'The agreement is now before Parliament' → signed; 'This agreement is to remain
    in force until 1908', 'The arrangement remains in force' → in_force. Assembly moves the agreement founded
    before on to it where it is later ('The agreement is to come into force next year' says neither)."""
    first = first_conjunct(anchor)
    if not is_noun(anchor) or first.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if _before_the_legislature(anchor):
        return "signed"
    if _said_in_force(anchor):
        return "in_force"
    return None


def _said_in_force(anchor: Token) -> bool:
    """'the agreement is in force' (or in effect), '... with the EU, which has been in force since 2010': said of this
    agreement, not of a later one in the sentence."""
    sent = anchor.sent
    after = anchor.doc[anchor.i + 1 : min(sent.end, anchor.i + _IN_FORCE_REACH)]
    for token in after:
        if token.lemma_.lower() in AGREEMENT_NOUNS:
            return False
        if token.lower_ == "in" and token.i + 1 < sent.end and token.nbor().lower_ in _OPERATING:
            verb = token.head  # 'ceased to be in force', 'is no longer in force' say it ended
            ended = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ENDING
            return not ended and not any(c.dep_ == "neg" or c.lower_ == "longer" for c in verb.children)
        if token.lower_ == "into" and token.i + 1 < sent.end and token.nbor().lower_ == "force":
            verb = token.head  # '..., which came into force in 2024'; not 'will enter into force'
            return (
                verb.lemma_.lower() in ("come", "enter")
                and verb.tag_ in ("VBD", "VBN")
                and not aux_of(verb) & FUTURE_AUX
            )
    return False


def _tabled_in_talks(noun: Token) -> bool:
    """'Proposals for a free trade agreement were exchanged', 'exchanged draft texts of a new investment
    agreement', 'the exchange of offers on the agreement': what the sides put on the table for an agreement is
    talk on it, in negotiation ('exchanged the MoUs' is the ceremony that signs them; 'exchanged instruments of
    ratification' puts one in force)."""
    for _ in range(2):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or not is_noun(noun.head.head):
            return False
        noun = noun.head.head
        lemma = noun.lemma_.lower()
        drafted = lemma in ("text", "paper") and any(
            c.dep_ in ("amod", "compound") and c.lower_ == "draft" for c in noun.children
        )
        if lemma not in TABLED_NOUNS and not drafted:
            continue
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in TABLING_VERBS
        ):
            return True  # 'the exchange of proposals on'
        verb = governing_verb(noun)
        return verb is not None and verb.lemma_.lower() in TABLING_VERBS and not _denied_or_conditional(verb)
    return False


def _signing_still_ahead(verb: Token) -> bool:
    """'Negotiators concluded a partnership agreement on Friday, though it still has to be signed', '..., and it
    will be signed in May', 'concluded a treaty and will sign it next month', '..., but it awaits signature': a
    clause joined to the verb that made the agreement, about it, that puts its signing ahead says the text is
    reached, not signed (the verb that signed it is not read so)."""
    if verb.lemma_.lower() in ("sign", "ink"):
        return False
    for clause in verb.children:
        if clause.i < verb.i or clause.dep_ not in ("advcl", "conj") or clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ == "advcl" and not subjects:
            continue
        if not all(s.lower_ in ("it", "they") or names_agreement(s) for s in subjects):
            continue
        if clause.lemma_.lower() in AWAITING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _SIGNATURE for c in clause.children
        ):
            return True
        for signing in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
            aux = aux_of(signing)
            ahead = (
                bool(aux & _MODAL_OR_FUTURE) or "to" in aux or any(c.dep_ == "neg" for c in signing.children)
            )
            if signing.lemma_.lower() in ("sign", "ink") and ahead:
                return True
    return False


def _end_disclaimed(verb: Token) -> bool:
    """'Canada has no plans to pull out of the treaty', 'does not intend to withdraw from it', 'has no
    intention of leaving it', 'ruled out withdrawing', and one only meant ('plans to pull out', 'has plans to
    leave', 'is expected to withdraw'): an end no one means, or one still ahead, leaves the agreement standing
    ('agreed to terminate the treaty', 'has decided to withdraw' end it)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("acl", "xcomp", "ccomp", "dobj", "advcl"):
        return False
    if head.i == verb.i:
        return False
    lemma = head.lemma_.lower()
    if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
        return True
    if verb.dep_ == "advcl":
        return False
    if "to" in aux_of(verb) and lemma in PLANNING_VERBS and not is_noun(head):
        return True  # 'plans to pull out of the treaty', 'is expected to withdraw': an end only ahead
    if lemma not in INTENT_WORDS:
        return False
    return is_noun(head) or _denied_or_conditional(head)  # 'has (no) plans to', 'does not intend to'


def _frames_a_purchase(noun: Token) -> AgreementStatus | None:
    """'Norway will buy British frigates in the UK's largest warship export deal' → agreed; 'Emirates bought 30
    jets in a deal worth $16bn' → signed: a deal that frames a purchase or a sale is reached where what it is for
    is still ahead, and made where it is done (one only planned, supposed or denied is read elsewhere)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in BUYING_VERBS | SELLING_VERBS:
        return None
    aux = aux_of(verb)
    if _denied_or_conditional(verb) or "to" in aux or aux & (_MODAL_OR_FUTURE - _FUTURE_ONLY):
        return None
    if aux & _FUTURE_ONLY:
        return "agreed"
    return "signed" if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") else None


_FUTURE_ONLY = frozenset({"will", "shall", "'ll"})


def _approved_after_the_fact(noun: Token) -> bool:
    """'The Union Cabinet has given its ex-post facto approval to the MoU between India and Ghana', 'approval
    ex post facto for the agreement': a government's approval after the fact of an agreement already signed
    ('has approved the signing of' is ahead, read elsewhere; a legislature's approval puts it in force)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "for", "of"):
        return False
    approval = noun.head.head
    return (
        is_noun(approval)
        and approval.lemma_.lower() in APPROVAL_NOUNS
        and any(t.lower_ == "facto" for t in approval.subtree if t.i < noun.head.i)
    )


def stage_told_after(sent: Span) -> AgreementStatus | None:
    """'The instruments of ratification were exchanged at Washington on November 1', 'It entered into force on
    29 December', 'It has since been ratified by both governments': a sentence that names no agreement but
    tells, of 'it' (said as what is done to it, or as taking effect) or of the ratifications, a stage an
    agreement reaches. The caller moves the agreement of the sentence just before on to it where it is later.
    'It ratified the Paris accord' acts on something else; 'it will enter into force' is not there yet."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or _denied_or_conditional(root):
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if _ratifications(subject):
        exchanged = root.lemma_.lower() == "exchange" and subject.dep_ == "nsubjpass"
        return "in_force" if exchanged and not aux_of(root) & _MODAL_OR_FUTURE else None
    return _stage_of_it(root)


def _stage_of_it(verb: Token) -> AgreementStatus | None:
    """The stage a verb tells of its subject 'it' where only an agreement can be meant: what is done to it ('it
    has been ratified', 'it is being implemented') or its taking effect or lapsing ('it took effect', 'it
    expired'), done or under way ('it will be implemented', 'it takes effect next year' are ahead); 'it ratified
    the Paris accord', 'it ended the dispute' act on another."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].lower_ != "it" or _denied_or_conditional(verb):
        return None
    subject = subjects[0]
    lemma = verb.lemma_.lower()
    if _takes_effect(verb) or (lemma in ("expire", "lapse") and subject.dep_ == "nsubj"):
        pass  # 'it took effect in November', 'it expired in 2020': only an agreement does that
    elif subject.dep_ != "nsubjpass" or any(
        c.dep_ in ("dobj", "attr", "acomp", "xcomp") for c in verb.children
    ):
        return None  # 'it ratified the Paris accord' acts on another
    status = _verb_status(verb)
    ahead = aux_of(verb) & _MODAL_OR_FUTURE or verb.tag_ in ("VB", "VBZ", "VBP")
    if status in _LATER_STAGES and ahead:
        return None  # 'it will be implemented over two years', 'it takes effect next year': not there yet
    return status if status in _TOLD_AFTER else None


_TOLD_AFTER = frozenset({"signed", "in_force", "suspended", "ended"})


_RATIFICATIONS_DONE = frozenset("exchange receive deposit".split())


def _ratifications_exchanged_beside(anchor: Token) -> bool:
    """An absolute clause in the agreement's sentence, 'the ratifications having been exchanged (received,
    deposited)': the last step to force taken ('ratifications having yet to be exchanged' has not). Read over
    the sentence, as the parser hangs the clause on the agreement's verb, or the agreement on the clause."""
    for token in anchor.sent:
        if token.lemma_.lower() not in _RATIFICATIONS_DONE or token.tag_ != "VBN":
            continue
        having = any(c.dep_ == "aux" and c.lower_ == "having" for c in token.children)
        ratified = any(c.dep_ == "nsubjpass" and _ratifications(c) for c in token.children)
        if having and ratified and not _denied_or_conditional(token):
            return True
    return False


def _ratifications(noun: Token) -> bool:
    """'ratifications', 'the instruments of ratification'."""
    lemma = noun.lemma_.lower()
    if lemma == "ratification":
        return True
    return lemma == "instrument" and any(
        p.lower_ == "of" and any(g.lemma_.lower() == "ratification" for g in p.children)
        for p in noun.children
    )
