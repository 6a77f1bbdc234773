"""A first, rule-based agreement detector: which parties, and whether it is planned or signed.

A sentence announces an agreement when it names one (agreement, deal, treaty, memorandum, ...) or uses a
signing verb. Its tense decides the status: "will sign", "to sign", "set to sign" are planned; "signed",
"have agreed" are signed; "negotiating", "talks on" are in negotiation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.components import ExtensionWriter
from nlp.entities import normalize_name
from presswatch.document import Agreement, AgreementStatus
from presswatch.gazetteer import country, international_body

AGREEMENT_NOUNS = frozenset(
    [
        "agreement",
        "deal",
        "treaty",
        "accord",
        "pact",
        "memorandum",
        "mou",
        "partnership",
        "compact",
        "convention",
        "protocol",
    ]
)
SIGNING_VERBS = frozenset(
    ["sign", "agree", "conclude", "strike", "seal", "finalise", "finalize", "ratify", "reach", "enter"]
)
NEGOTIATING = frozenset(["negotiate", "negotiation", "talk", "discuss"])
PLANNED_WORDS = frozenset(
    ["plan", "planned", "proposed", "upcoming", "forthcoming", "intend", "expect", "set", "aim"]
)
FUTURE_AUX = frozenset({"will", "shall", "would", "'ll"})
_ORG_PARTY_HEADS = frozenset({"with", "between", "and", "sign", "agree"})
_MIN_PARTIES = 2
_TIME_WORDS = frozenset("since after before until when while despite".split())


def _is_agreement_sentence(sent: Span) -> bool:
    """Names an agreement and a step towards it, or says that parties agreed ('have agreed to build')."""
    lemmas = {t.lemma_.lower() for t in sent}
    if any(t.lemma_.lower() == "agree" and t.pos_ == "VERB" for t in sent):
        return True
    return bool(lemmas & AGREEMENT_NOUNS) and bool(lemmas & (SIGNING_VERBS | NEGOTIATING | {"new"}))


def _verb_status(verb: Token) -> AgreementStatus | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or "to" in aux:
        return "planned"
    if verb.tag_ in ("VBD", "VBN"):
        return "signed"
    return None


def status_of(sent: Span) -> AgreementStatus:
    """Planned, signed, in negotiation, or unknown, from the verbs of one sentence."""
    statuses: list[AgreementStatus] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in SIGNING_VERBS:
            status = _verb_status(token)
            if status:
                statuses.append(status)
        elif lemma in NEGOTIATING:
            statuses.append("in_negotiation")
        elif lemma in PLANNED_WORDS and token.pos_ in ("VERB", "ADJ"):
            statuses.append("planned")
    for status in ("signed", "planned", "in_negotiation"):
        if status in statuses:
            return status
    return "unknown"


def _is_party(ent: Span) -> bool:
    """Countries (and unions of them) are parties; cities are places; organisations only as signatories."""
    name = normalize_name(ent)
    if ent.label_ == "GPE":
        return country(name) is not None
    if ent.label_ == "ORG" and international_body(name) is not None:
        return True
    return ent.label_ == "ORG" and ent.root.head.lower_ in _ORG_PARTY_HEADS


def _signing_scope(sent: Span) -> set[int]:
    """Token indices that can name parties: the signing verb's clause where there is one, else the sentence.

    'The UK has signed agreements with Serbia, and is working with Italy' names Italy outside the signing.
    """
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SIGNING_VERBS]
    if not verbs:
        return {t.i for t in sent}
    scope: set[int] = set()
    for verb in verbs:
        scope |= {t.i for t in verb.subtree}
        for child in verb.children:  # '... has struck since leaving the EU' does not make the EU a party
            if child.dep_ == "advcl" or (child.dep_ in ("prep", "mark") and child.lower_ in _TIME_WORDS):
                scope -= {t.i for t in child.subtree}
        scope |= {t.i for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return scope


def parties_of(sent: Span) -> tuple[str, ...]:
    scope = _signing_scope(sent)
    names: list[str] = []
    for ent in sent.ents:
        name = normalize_name(ent)
        if ent.root.i in scope and _is_party(ent) and name not in names:
            names.append(name)
    return tuple(names)


def _restates(agreement: Agreement, earlier: list[Agreement]) -> bool:
    """A later sentence naming a subset of an earlier agreement's parties, with no clearer status, repeats it."""
    return any(
        set(agreement.parties) <= set(e.parties) and agreement.status in (e.status, "unknown")
        for e in earlier
    )


def find_agreements(doc: Doc) -> list[Agreement]:
    found: list[Agreement] = []
    for sent in doc.sents:
        if not _is_agreement_sentence(sent):
            continue
        parties = parties_of(sent)
        if len(parties) < _MIN_PARTIES:
            continue
        agreement = Agreement(
            text=sent.text.strip(),
            parties=parties,
            status=status_of(sent),
            start=sent.start_char,
            end=sent.end_char,
        )
        if not _restates(agreement, found):
            found.append(agreement)
    return found


@Language.factory("presswatch_agreements")
def make_agreement_detector(nlp: Language, name: str) -> ExtensionWriter:
    return ExtensionWriter(attribute="agreements", find=find_agreements)
