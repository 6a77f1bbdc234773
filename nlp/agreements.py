"""Agreements: who the parties are, what it is about and how far along it is, read across sentences.

A sentence *founds* an agreement when it names one without pointing back ("new agreements", "a treaty") or
says that parties agreed or signed. A later sentence that points back ("the deals", "the agreement", "the
memorandum") adds its parties, subject and evidence to the agreement founded just before it. Parties named
after "with" are counterparts; the others lead. A government that announces an agreement with others
without naming itself ("the government will sign a deal with Serbia") is the announcing government: the
country the document first makes the subject of a sentence.

Output form: plural agreements between one side and several others ("agreements with Serbia, North
Macedonia and Kosovo") are one bilateral agreement per other side; a singular agreement with several parties
("a treaty between A, B and C") is one joint agreement.

Status is read from the clause that governs the agreement noun (tense, modality and cues): "will sign",
"to sign", "plans to" → planned; "signed", "have agreed" → signed; "negotiating", "talks on" → in
negotiation; "already has", "existing", "under the 2019 agreement", "in force", "to have signed" → in force;
"suspended" → suspended; "withdrew from", "scrapped" → ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.agreement_classifier import AgreementClassifier, shipped_classifier
from nlp.components import ExtensionWriter
from nlp.entities import normalize_name
from presswatch.document import Agreement, AgreementStatus
from presswatch.gazetteer import country, international_body

AGREEMENT_NOUNS = frozenset(
    "agreement deal treaty accord pact memorandum mou partnership compact convention protocol arrangement".split()
)
SIGNING_VERBS = frozenset(
    "sign agree conclude strike seal finalise finalize ratify reach enter renew extend endorse".split()
)
# Carrying out an agreement shows it is in force: 'implementing the Stormont House Agreement'.
IMPLEMENTING = frozenset("implement implementation honour honor uphold enforce".split())
# 'working towards a deal', 'progress towards devolution deals': the deal is being negotiated.
_TOWARDS = frozenset({"towards", "toward"})
NEGOTIATING = frozenset("negotiate negotiation talk discuss discussion".split())
PLANNING_VERBS = frozenset("plan intend expect propose aim seek hope want prepare set aspire look".split())
PLANNED_MODIFIERS = frozenset("proposed planned upcoming forthcoming future draft prospective".split())
IN_FORCE_MODIFIERS = frozenset("existing current landmark longstanding long-standing".split())
ENDING_VERBS = frozenset("terminate scrap cancel abandon expire collapse end withdraw quit exit tear".split())
SUSPENDING_VERBS = frozenset("suspend pause freeze halt".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "going"})
# A definite agreement noun points back to one founded just before ('the deals will ...').
_REFERRING_DETERMINERS = frozenset("the these those this that such both its their our".split())
_REFERENCE_WINDOW = 4  # sentences after a founding sentence that may point back to it
# 'a meeting in Hungary', 'a better deal than Canada': names after these are places or comparisons.
_NON_PARTY_PREPOSITIONS = frozenset("in at from across through into via near during than like".split())
_PARTY_GROUP_NOUNS = frozenset(
    "country countries state states government governments nation nations member members partner partners".split()
    # a country's leaders act for it: 'the Prime Ministers of Canada and of the United Kingdom ... endorsed'
    + "minister ministers president presidents leader leaders premier premiers chancellor".split()
)
_TIME_WORDS = frozenset("since after before until when while despite".split())
_MIN_PARTIES = 2
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

    def add_parties(self, leads: list[str], counterparts: list[str]) -> None:
        for name in leads:
            if not self._knows(name):
                self.leads.append(name)
        for name in counterparts:
            if not self._knows(name):
                self.counterparts.append(name)

    def _knows(self, name: str) -> bool:
        """A party already listed, under this name or as the full name of this acronym ('GLA')."""
        known = [*self.leads, *self.counterparts]
        return name in known or (name.isupper() and any(_initials(k) == name for k in known))


def _initials(name: str) -> str:
    """'Greater London Authority' → 'GLA'; 'Department for Transport' → 'DT'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def agreement_nouns(sent: Span) -> list[Token]:
    """Tokens that name an agreement ('deals', 'treaty', 'MoU', 'joint declaration'), not the verb 'to deal
    with'."""
    return [
        t
        for t in sent
        if t.pos_ in ("NOUN", "PROPN")
        and t.ent_type_ != "PERSON"
        and (
            t.lemma_.lower() in AGREEMENT_NOUNS
            or (t.lemma_.lower() == "declaration" and any(c.lower_ == "joint" for c in t.lefts))
        )
    ]


def agreeing_verbs(sent: Span) -> list[Token]:
    """'have agreed to build', 'signed a treaty': verbs that make an agreement by themselves."""
    return [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ("agree", "sign")]


def is_reference(noun: Token) -> bool:
    """'the deals', 'these agreements', 'the memorandum' point back; 'the 2019 agreement' or 'the Paris
    Agreement' name one of their own."""
    dets = [c for c in noun.lefts if c.dep_ in ("det", "poss")]
    if not dets or dets[0].lower_ not in _REFERRING_DETERMINERS:
        return False
    named = any(c.like_num or c.pos_ == "PROPN" or c.ent_type_ in ("DATE", "GPE", "ORG") for c in noun.lefts)
    return not named and not noun.is_title


def _governing_verb(token: Token) -> Token | None:
    """The verb whose clause a noun belongs to ('sign' for 'agreements' in 'will sign new agreements')."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _verb_status(verb: Token, *, depth: int = 0) -> AgreementStatus | None:
    lemma = verb.lemma_.lower()
    aux = _aux(verb)
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    right = [c.lower_ for c in verb.rights]
    if lemma in ENDING_VERBS or (lemma == "pull" and "out" in right):
        return "ended"
    if lemma in SUSPENDING_VERBS:
        return "suspended"
    if (
        lemma in ("come", "enter")
        and "into" in right
        and any(c.lower_ == "force" for p in verb.rights for c in p.children)
    ):
        return "signed" if aux & FUTURE_AUX else "in_force"
    if "to" in aux and "have" in aux:
        return "in_force"  # 'the only two states to have signed treaties with Israel': long since done
    if "already" in adverbs and lemma not in SIGNING_VERBS:
        return "in_force"
    if lemma in NEGOTIATING:
        return "in_negotiation"
    if lemma in IMPLEMENTING:
        return "in_force"
    if aux & FUTURE_AUX or lemma in PLANNING_VERBS:
        return "planned"
    if "to" in aux:
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.i != verb.i and depth < 2:
            return _verb_status(verb.head, depth=depth + 1) or "planned"
        return "planned"
    if lemma == "have" and verb.pos_ == "VERB":
        return "in_force"  # 'the UK has agreements with Albania': they exist
    if lemma in SIGNING_VERBS:
        if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return "signed"
        return "planned" if verb.tag_ == "VB" else "signed"
    if verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i and depth < 2:
        return _verb_status(verb.head, depth=depth + 1)
    return None


def status_for(anchor: Token) -> AgreementStatus:
    """The status an agreement noun (or agreeing verb) has in its own clause."""
    if anchor.pos_ in ("VERB", "AUX"):
        return _verb_status(anchor) or "unknown"
    modifiers = {c.lower_ for c in anchor.lefts}
    if modifiers & IN_FORCE_MODIFIERS:
        return "in_force"
    if modifiers & PLANNED_MODIFIERS:
        return "planned"
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "under":
        return "in_force"  # 'under the 2019 agreement, 5,000 people were returned'
    first = _first_conjunct(anchor)
    if first.dep_ == "pobj" and first.head.lower_ in _TOWARDS:
        return "in_negotiation"  # 'working towards devolution deals with ...'
    if first.dep_ == "pobj" and first.head.head.lemma_.lower() in IMPLEMENTING:
        return "in_force"  # 'implementation of the City Deal is well under way'
    if anchor.dep_ == "pobj" and head.head.lemma_.lower() in NEGOTIATING:
        return "in_negotiation"  # 'talks on a new agreement'
    for child in anchor.subtree:
        if child.i <= anchor.i or child.i > anchor.i + 8:
            continue
        if child.dep_ == "relcl" and child.lemma_.lower() in SIGNING_VERBS | NEGOTIATING:
            status = _verb_status(child)
            if status is not None:
                return status  # 'the deal the EU has ever struck', 'the treaty they are negotiating'
    text_after = anchor.doc[anchor.i + 1 : anchor.i + 6].text.lower()
    if "in force" in text_after or "in place" in text_after:
        return "in_force"
    verb = _governing_verb(anchor)
    status = _verb_status(verb) if verb is not None else None
    if status is None and "new" in modifiers:
        return "planned"  # 'New deals with Balkan states': a headline announcing them
    return status or "unknown"


def _clause_scope(anchor: Token) -> set[int]:
    """Token indices that can name parties: the governing verb's clause, without time and adverbial
    clauses ('... since leaving the EU' does not make the EU a party), plus the subject above it."""
    sent = anchor.sent
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _governing_verb(anchor)
    if verb is None:
        return {t.i for t in sent}
    scope = {t.i for t in verb.subtree}
    for child in verb.children:
        if child.dep_ == "advcl" and anchor.i not in {t.i for t in child.subtree}:
            scope -= {t.i for t in child.subtree}
    for token in verb.subtree:
        if token.dep_ in ("prep", "mark") and token.lower_ in _TIME_WORDS:
            scope -= {t.i for t in token.subtree}
    current = verb
    while current.head.i != current.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
        current = current.head
    for above in (current, current.head):
        for child in above.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                scope |= {t.i for t in child.subtree}
    return scope


def _first_conjunct(token: Token) -> Token:
    """'Liverpool' in 'with Sheffield, Liverpool and Leeds' stands where 'Sheffield' stands."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    return current


def _is_counterpart(ent: Span) -> bool:
    """A name the agreement is made with: 'a deal with Cornwall', 'a city deal for Stirling'."""
    first = _first_conjunct(ent.root)
    if first.dep_ != "pobj" or first.head.lower_ not in ("with", "between", "for"):
        return False
    holder = first.head.head
    if first.head.lower_ == "for":  # 'for' names a party only right after the agreement noun
        return holder.lemma_.lower() in AGREEMENT_NOUNS
    return True


def _signs(ent: Span) -> bool:
    """'Network Rail and First MTR have signed ...': a named body that is the subject of agreeing."""
    first = _first_conjunct(ent.root)
    verb = first.head
    return first.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in SIGNING_VERBS | NEGOTIATING


def _without_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _party_name(ent: Span) -> str | None:
    """Countries and international bodies are parties; other named bodies and places only where the
    agreement is made with them or they sign it. 'Ireland' inside 'Northern Ireland' is not Ireland."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text == "(":
        return None  # '(GLA)' repeats the name before it
    if ent.start > 0 and doc[ent.start - 1].lower_ == "northern":
        return None
    name = _without_article(normalize_name(ent))
    if ent.label_ == "GPE":
        if country(name) is not None:
            return name
        return name if _is_counterpart(ent) else None
    if ent.label_ == "ORG":
        if international_body(name) is not None:
            return name
        if _is_counterpart(ent) or _signs(ent):
            return name
    return None


def _excluded(ent: Span) -> bool:
    """'Russia's invasion of Ukraine', 'a meeting in Hungary': names that are not parties."""
    root = ent.root
    if root.dep_ == "poss" and root.head.lemma_.lower() not in AGREEMENT_NOUNS | _PARTY_GROUP_NOUNS:
        return True
    first = _first_conjunct(root)
    if first.dep_ == "pobj" and first.head.lower_ in _NON_PARTY_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        governor = root.head.head
        return governor.lemma_.lower() not in AGREEMENT_NOUNS | _PARTY_GROUP_NOUNS
    return False


def parties_in(anchor: Token) -> tuple[list[str], list[str]]:
    """The leading parties and the counterparts ('with ...') that the anchor's clause names."""
    scope = _clause_scope(anchor)
    leads: list[str] = []
    counterparts: list[str] = []
    for ent in anchor.sent.ents:
        if ent.root.i not in scope or _excluded(ent):
            continue
        name = _party_name(ent)
        if name is None or name in leads or name in counterparts:
            continue
        after_with = _is_counterpart(ent) or any(
            a.lower_ == "with" for a in ent.root.ancestors if a.i >= anchor.sent.start
        )
        (counterparts if after_with else leads).append(name)
        if _signs(ent):
            leads += [n for n in _unrecognised_cosigners(ent) if n not in leads]
    return leads, counterparts


def _unrecognised_cosigners(ent: Span) -> list[str]:
    """'Network Rail and First MTR have signed': a proper-noun conjunct the recogniser left unlabelled signs too."""
    doc = ent.doc
    names: list[str] = []
    for conj in ent.root.conjuncts:
        if conj.pos_ != "PROPN" or conj.ent_type_ or conj.i < ent.root.i:
            continue
        start = conj.left_edge.i
        while doc[start].pos_ not in ("PROPN",) and start < conj.i:
            start += 1
        names.append(doc[start : conj.i + 1].text)
    return names


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
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _governing_verb(anchor)
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


def name_of(anchor: Token) -> str | None:
    """'the Paris Agreement', 'the UK-India Free Trade Agreement': a title-case name ending in the noun."""
    if not anchor.is_title:
        return None
    words = [t for t in anchor.lefts if t.dep_ in ("compound", "amod", "nmod") and (t.is_title or t.is_upper)]
    if not words:
        return None
    doc = anchor.doc
    return doc.text[words[0].idx : anchor.idx + len(anchor.text)]


def announcing_party(doc: Doc) -> str | None:
    """The announcing government: the first country a sentence is about (its subject), else the government
    whose site published the page (`doc._.publisher`, set by the extractor from the URL), else the country
    the document names most often."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "GPE" or country(normalize_name(ent)) is None:
            continue
        name = normalize_name(ent)
        if ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ == "poss" and ent.root.head.dep_ in ("nsubj", "nsubjpass")
        ):
            return name
        counts[name] = counts.get(name, 0) + 1
    publisher: str | None = doc._.publisher if Doc.has_extension("publisher") else None
    if publisher:
        return publisher
    return max(counts, key=lambda k: counts[k]) if counts else None


def _anchor_of(sent: Span) -> tuple[Token, bool] | None:
    """The token an agreement sentence hangs on, and whether it only points back to an earlier one."""
    nouns = agreement_nouns(sent)
    founding = [n for n in nouns if not is_reference(n)]
    if founding:
        return founding[0], False
    verbs = [
        v
        for v in agreeing_verbs(sent)
        if v.lemma_.lower() == "agree" or any(c.dep_ == "dobj" for c in v.children)
    ]
    if verbs and not nouns:
        return verbs[0], False
    if nouns:
        return nouns[0], True
    return None


def _sentence_status(sent: Span, anchor: Token) -> AgreementStatus:
    """The anchor's status or, where its clause says nothing, that of another agreement noun in the sentence
    ('City deals in Scotland – the government is making progress towards city deals for Edinburgh')."""
    status = status_for(anchor)
    if status != "unknown" or anchor.pos_ in ("VERB", "AUX"):
        return status
    for noun in agreement_nouns(sent):
        if noun.i != anchor.i and not is_reference(noun):
            status = status_for(noun)
            if status != "unknown":
                return status
    return "unknown"


def _candidates(doc: Doc) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, sent in enumerate(doc.sents):
        if sent.text.rstrip().endswith("?"):
            continue  # 'Surely Britain will get a better deal?': a question announces nothing
        anchored = _anchor_of(sent)
        if anchored is None:
            continue
        anchor, refers = anchored
        leads, counterparts = parties_in(anchor)
        earlier = found[-1] if found and index - found[-1].sentence_index <= _REFERENCE_WINDOW else None
        if refers and earlier is not None:
            earlier.add_parties(leads, counterparts)
            earlier.evidence.append(sent)
            earlier.subject = earlier.subject or subject_of(anchor)
            if earlier.status == "unknown":
                earlier.status = status_for(anchor)
            earlier.sentence_index = index
            continue
        candidate = _Candidate(
            anchor=anchor,
            sentence=sent,
            status=_sentence_status(sent, anchor),
            plural=anchor.tag_ in ("NNS", "NNPS"),
            subject=subject_of(anchor),
            name=name_of(anchor),
            evidence=[sent],
            sentence_index=index,
        )
        candidate.add_parties(leads, counterparts)
        found.append(candidate)
    return found


def _agreements_of(candidate: _Candidate, home: str | None) -> list[Agreement]:
    leads = list(candidate.leads)
    if not leads and home is not None and home not in candidate.counterparts and candidate.counterparts:
        leads = [home]
    others = candidate.counterparts
    sides: list[tuple[str, ...]]
    if candidate.plural and len(leads) == 1 and len(others) >= _MIN_PARTIES:
        sides = [(leads[0], other) for other in others]
    elif candidate.plural and len(others) == 1 and len(leads) >= _MIN_PARTIES:
        sides = [(lead, others[0]) for lead in leads]
    else:
        sides = [tuple(leads + others)]
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
        if len(parties) >= _MIN_PARTIES
    ]


def _restates(agreement: Agreement, earlier: list[Agreement]) -> bool:
    """A later sentence naming a subset of an earlier agreement's parties, with no clearer status, repeats it."""
    return any(
        set(agreement.parties) <= set(e.parties) and agreement.status in (e.status, "unknown")
        for e in earlier
    )


def _with_verdict(candidate: _Candidate, classifier: AgreementClassifier | None) -> float | None:
    """Lets the classifier read the founding sentence: it fills a status the rules could not read and
    returns its confidence that the sentence announces an agreement (None without an embedding)."""
    vectors = doc_vectors(candidate.sentence.doc)
    vector = vectors.get(candidate.sentence.start_char) if vectors else None
    if classifier is None or vector is None:
        return None
    verdict = classifier.verdict(vector)
    if candidate.status == "unknown" and verdict.p_agreement >= _CLASSIFIER_STATUS_FLOOR:
        candidate.status = verdict.status
    return verdict.p_agreement


def find_agreements(doc: Doc, *, classifier: AgreementClassifier | None = None) -> list[Agreement]:
    home = announcing_party(doc)
    found: list[Agreement] = []
    for candidate in _candidates(doc):
        weak = candidate.status == "unknown"
        confidence = _with_verdict(candidate, classifier)
        if weak and confidence is not None and confidence < _CLASSIFIER_DROP_BELOW:
            continue  # neither the rules nor the classifier read an agreement here
        for agreement in _agreements_of(candidate, home):
            if not _restates(agreement, found):
                found.append(
                    agreement.model_copy(update={"confidence": round(confidence, 3)})
                    if confidence is not None
                    else agreement
                )
    return found


def doc_vectors(doc: Doc) -> dict[int, Any] | None:
    """Sentence embeddings the encoder component left on the Doc, if it ran."""
    if not Doc.has_extension("sentence_embeddings"):
        return None
    vectors: dict[int, Any] | None = doc._.sentence_embeddings
    return vectors


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
