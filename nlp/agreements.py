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

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.agreement_classifier import AgreementClassifier, shipped_classifier
from nlp.components import ExtensionWriter
from nlp.entities import normalize_name
from nlp.sentence_vectors import sentence_vectors
from presswatch.document import Agreement, AgreementStatus
from presswatch.gazetteer import countries, country, demonym, international_body

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
IN_FORCE_MODIFIERS = frozenset("existing current longstanding long-standing".split())
# 'the landmark Good Friday Agreement' is in force, but 'signed a landmark deal' is news: only where the
# clause says nothing else.
_WEAK_IN_FORCE_MODIFIERS = frozenset({"landmark"})
# 'The Cabinet has approved the signing of an MoU': it is yet to be signed.
_APPROVING = frozenset("approve authorise authorize sanction clear".split())
ENDING_VERBS = frozenset("terminate scrap cancel abandon expire collapse end withdraw quit exit tear".split())
SUSPENDING_VERBS = frozenset("suspend pause freeze halt".split())
# 'the deal has been delayed': not yet made.
DELAYING_VERBS = frozenset("delay postpone defer".split())
# 'have deepened their partnership', 'will strengthen the agreement': it exists already.
STRENGTHENING_VERBS = frozenset("deepen strengthen expand broaden reinforce enhance upgrade".split())
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
    # and its institutions: "North Macedonia's parliament ratified the agreement"
    + "parliament assembly cabinet ministry executive administration council authorities officials".split()
)
_PLACE_PREPOSITIONS = frozenset("in at near across through via during into".split())
_TIME_WORDS = frozenset("since after before until when while despite".split())
# A nationality on these stands for its government: 'his Hungarian counterpart', 'the Indian and Japanese
# governments', 'Philippine Foreign Secretary Manalo'.
_ACTING_FOR_A_COUNTRY = frozenset(
    "counterpart counterparts government governments administration minister ministers secretary president "
    "premier chancellor leader leaders delegation authorities officials ambassador envoy".split()
)
# 'The two countries signed ...', 'both leaders', 'the two sides': the parties are named just before.
_GROUP_REFERENCES = frozenset(
    "country nation government side leader minister party partner counterpart".split()
)
_GROUP_LOOKBACK = 2  # sentences searched for the parties a group reference stands for
# 'the Government of India' names India; 'the Albanese Government' names the announcing one.
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:government|republic|kingdom|state|governments)\s+of\b\s*", re.I)
_NAMED_GOVERNMENT = re.compile(r"^(?:the\s+)?(?P<who>.+?)\s+(?:government|administration)$", re.I)
# 'a party to the agreement', 'a signatory to the treaty', 'committed to the agreement': it is in force.
_BOUND_BY = frozenset("party parties signatory signatories committed commitment adherence".split())
_MIN_PARTIES = 2
# Governments of the nations inside a country: 'the Scottish Government' is a body of its own, not the
# announcing government named after its leader ('the Albanese Government').
_SUBNATIONAL_ADJECTIVES = frozenset({"scottish", "welsh"})  # names with a space are never a leader's
# News names a government by its seat: 'Washington and Kyiv finalised a deal', 'Belgrade and Pristina
# agreed'. Read so only where the city signs, negotiates or is the other side ('a deal with Moscow').
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "London": "United Kingdom",
    "Washington": "United States",
    "Brussels": "European Union",
    "New Delhi": "India",
    "Delhi": "India",
    "Canberra": "Australia",
    "Wellington": "New Zealand",
    "Ottawa": "Canada",
    "Belgrade": "Serbia",
    "Pristina": "Kosovo",
    "Prishtina": "Kosovo",
    "Skopje": "North Macedonia",
    "Tirana": "Albania",
    "Podgorica": "Montenegro",
    "Sarajevo": "Bosnia and Herzegovina",
    "Zagreb": "Croatia",
    "Ljubljana": "Slovenia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Moscow": "Russia",
    "Beijing": "China",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "Paris": "France",
    "Berlin": "Germany",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Ankara": "Turkey",
    "Athens": "Greece",
    "Sofia": "Bulgaria",
    "Bucharest": "Romania",
    "Budapest": "Hungary",
    "Warsaw": "Poland",
    "Islamabad": "Pakistan",
    "Dhaka": "Bangladesh",
    "Colombo": "Sri Lanka",
    "Kathmandu": "Nepal",
    "Tehran": "Iran",
    "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia",
    "Doha": "Qatar",
    "Abu Dhabi": "United Arab Emirates",
    "Jakarta": "Indonesia",
    "Manila": "Philippines",
    "Hanoi": "Vietnam",
    "Port Moresby": "Papua New Guinea",
    "Suva": "Fiji",
    "Dublin": "Ireland",
    "Chisinau": "Moldova",
    "Tbilisi": "Georgia",
    "Yerevan": "Armenia",
    "Baku": "Azerbaijan",
    "Minsk": "Belarus",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Oslo": "Norway",
    "Stockholm": "Sweden",
    "Copenhagen": "Denmark",
    "Helsinki": "Finland",
    "The Hague": "Netherlands",
    "Vienna": "Austria",
    "Bern": "Switzerland",
    "Prague": "Czechia",
    "Bratislava": "Slovakia",
    "Lisbon": "Portugal",
    "Nairobi": "Kenya",
    "Abuja": "Nigeria",
    "Pretoria": "South Africa",
    "Kigali": "Rwanda",
    "Taipei": "Taiwan",
    "Kabul": "Afghanistan",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Beirut": "Lebanon",
    "Amman": "Jordan",
    "Bangkok": "Thailand",
    "Kuala Lumpur": "Malaysia",
    "Male": "Maldives",
}
HOME = "\x00home"  # stands for the announcing government until the document's is known
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


def _clause_verb(anchor: Token) -> Token | None:
    """The verb of an anchor's clause: the anchor itself when it is one ('agreed'), else its governing verb."""
    return anchor if anchor.pos_ in ("VERB", "AUX") else _governing_verb(anchor)


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


# 'needs to complete free-trade agreements', 'aim to finalise the deal': a deal yet to be finished is being
# negotiated ('finalised a deal' is signed).
FINISHING = frozenset("complete finalise finalize conclude".split())


def _verb_status(verb: Token, *, depth: int = 0) -> AgreementStatus | None:
    status = _clause_status(verb, depth=depth)
    if status == "planned" and verb.lemma_.lower() in FINISHING and not _denied_or_conditional(verb):
        return "in_negotiation"
    return status


def _clause_status(verb: Token, *, depth: int = 0) -> AgreementStatus | None:
    lemma = verb.lemma_.lower()
    aux = _aux(verb)
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    right = [c.lower_ for c in verb.rights]
    if lemma in ENDING_VERBS or (lemma == "pull" and "out" in right):
        return "ended"
    if lemma in SUSPENDING_VERBS:
        return "suspended"
    if lemma in DELAYING_VERBS:
        return "planned"
    if lemma in STRENGTHENING_VERBS:
        return "in_force"
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
    if lemma == "agree" and any(
        c.dep_ == "xcomp" and any(g.dep_ == "dobj" and g.lemma_.lower() in NEGOTIATING for g in c.children)
        for c in verb.children
    ):
        return "in_negotiation"  # 'agreed to resume talks': what they agreed is to negotiate
    if lemma in IMPLEMENTING:
        return "in_force"
    if aux & FUTURE_AUX or lemma in PLANNING_VERBS:
        return "planned"
    if "to" in aux:
        if verb.head.lemma_.lower() == "have" and verb.dep_ == "xcomp":
            return "planned"  # 'has yet to sign', 'will have to ratify': not done
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.i != verb.i and depth < 2:
            return _verb_status(verb.head, depth=depth + 1) or "planned"
        return "planned"
    if lemma == "have" and verb.pos_ == "VERB" and verb.tag_ != "VBG":
        return "in_force"  # 'the UK has agreements with Albania' ('the option of having a deal' is no fact)
    if lemma in SIGNING_VERBS and _denied_or_conditional(verb):
        return "planned"  # 'if no deal is reached', 'has not signed the treaty': not (yet) made
    if lemma in SIGNING_VERBS:
        if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return "signed"
        return "planned" if verb.tag_ == "VB" else "signed"
    if verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i and depth < 2:
        return _verb_status(verb.head, depth=depth + 1)
    return None


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
        verb = _governing_verb(first.head.head)
        if verb is not None and verb.lemma_.lower() in SUSPENDING_VERBS | ENDING_VERBS:
            return _verb_status(verb) or "suspended"  # 'frozen the implementation of the agreement'
        return "in_force"  # 'implementation of the City Deal is well under way'
    if first.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "signing":
        verb = _governing_verb(head.head)
        if verb is not None and verb.lemma_.lower() in _APPROVING:
            return "planned"  # 'the Cabinet has approved the signing of an MoU'
    if anchor.dep_ == "pobj" and head.head.lemma_.lower() in NEGOTIATING:
        return "in_negotiation"  # 'talks on a new agreement'
    if (
        first.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lower_ in _BOUND_BY
        and not modifiers & {"a", "new"}
    ):
        return "in_force"  # 'a party to the agreement', 'remains committed to the Agreement'
    entry = next((a for a in anchor.ancestors if _is_entry_into_force(a)), None)
    if entry is not None:  # 'welcomes the entry into force of the agreement', unless it is yet to come
        verb = _governing_verb(entry)
        return "planned" if verb is not None and _verb_status(verb) == "planned" else "in_force"
    for child in anchor.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in SIGNING_VERBS:
            return "signed"  # 'the Free Trade Agreement, signed in July, will cut tariffs'
    for child in anchor.subtree:
        if child.i <= anchor.i or child.i > anchor.i + 8:
            continue
        if child.dep_ == "relcl" and child.lemma_.lower() in SIGNING_VERBS | NEGOTIATING:
            status = _verb_status(child)
            if status is not None:
                return status  # 'the deal the EU has ever struck', 'the treaty they are negotiating'
    if _said_in_force(anchor):
        return "in_force"
    verb = _governing_verb(anchor)
    status = _verb_status(verb) if verb is not None else None
    if status is None and "new" in modifiers:
        return "planned"  # 'New deals with Balkan states': a headline announcing them
    if status is None and modifiers & _WEAK_IN_FORCE_MODIFIERS:
        return "in_force"
    if status is None and name_of(anchor) is not None and (verb is None or not _aux(verb) & FUTURE_AUX):
        return "in_force"  # 'co-guarantors of the Good Friday Agreement': a named agreement, spoken of as it stands
    return status or "unknown"


def _is_entry_into_force(token: Token) -> bool:
    return token.lemma_.lower() == "entry" and any(
        c.lower_ == "into" and any(g.lower_ == "force" for g in c.children) for c in token.rights
    )


_IN_FORCE_REACH = 12  # tokens after an agreement noun within which 'in force' is said of it


def _said_in_force(anchor: Token) -> bool:
    """'the agreement is in force', '... with the EU, which has been in force since 2010': said of this
    agreement, not of a later one in the sentence."""
    sent = anchor.sent
    after = anchor.doc[anchor.i + 1 : min(sent.end, anchor.i + _IN_FORCE_REACH)]
    for token in after:
        if token.lemma_.lower() in AGREEMENT_NOUNS:
            return False
        if token.lower_ == "in" and token.i + 1 < sent.end and token.nbor().lower_ in ("force", "place"):
            return not any(c.dep_ == "neg" for c in token.head.children)
        if token.lower_ == "into" and token.i + 1 < sent.end and token.nbor().lower_ == "force":
            verb = token.head  # '..., which came into force in 2024'; not 'will enter into force'
            return (
                verb.lemma_.lower() in ("come", "enter")
                and verb.tag_ in ("VBD", "VBN")
                and not _aux(verb) & FUTURE_AUX
            )
    return False


def _clause_scope(anchor: Token) -> set[int]:
    """Token indices that can name parties: the governing verb's clause, without time and adverbial
    clauses ('... since leaving the EU' does not make the EU a party), plus the subject above it."""
    sent = anchor.sent
    verb = _clause_verb(anchor)
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


def _acts(ent: Span) -> bool:
    """'Washington suspended the treaty', 'Belgrade and Pristina agreed': the subject of making, negotiating,
    suspending or ending an agreement."""
    first = _first_conjunct(ent.root)
    verbs = SIGNING_VERBS | NEGOTIATING | SUSPENDING_VERBS | ENDING_VERBS
    return first.dep_ in ("nsubj", "nsubjpass") and first.head.lemma_.lower() in verbs


def _without_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {place.code: place.name for place in countries()}


def _demonym_party(ent: Span) -> str | None:
    """'his Hungarian counterpart', 'the Indian and Japanese governments', 'Philippine Foreign Secretary
    Manalo': a nationality on a title or a government stands for its country. 'Hungarian farmers' does not."""
    place = demonym(ent.text)
    if place is None:
        return None
    head = _first_conjunct(ent.root).head
    for _ in range(3):
        titles = [head, *(c for c in head.lefts if c.dep_ == "compound")]
        if any(
            t.lemma_.lower() in _ACTING_FOR_A_COUNTRY or t.lower_ in _ACTING_FOR_A_COUNTRY for t in titles
        ):
            return _country_names().get(place.code)
        if head.dep_ != "compound" or head.head.i == head.i:
            break
        head = head.head
    return None


def _government_party(name: str, doc: Doc) -> str | None:
    """'Government of India' → India; 'the Albanese Government' (named after its leader) → the announcing
    government; 'Government of' alone (a clipped entity) → None. 'the Welsh Government' or 'the Queensland
    Government' (a nation or region the text names as a place) is a body of its own, read as other named
    bodies are."""
    rest = _GOVERNMENT_OF.sub("", name, count=1)
    if rest != name:
        found = country(rest) if rest else None
        return found.name if found else None
    named = _NAMED_GOVERNMENT.match(name)
    if named is None:
        return None
    who = named["who"]
    found = country(who)
    if found is not None:
        return found.name
    if who.lower() in _SUBNATIONAL_ADJECTIVES or any(
        e.label_ in ("GPE", "LOC") and e.text == who for e in doc.ents
    ):
        return None
    return HOME if who[:1].isupper() and " " not in who and demonym(who) is None else None


def _party_name(ent: Span) -> str | None:
    """Countries and international bodies are parties; other named bodies and places only where the
    agreement is made with them or they sign it. 'Ireland' inside 'Northern Ireland' is not Ireland."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text == "(":
        return None  # '(GLA)' repeats the name before it
    if ent.start > 0 and doc[ent.start - 1].lower_ == "northern":
        return None
    if ent.label_ == "NORP":
        return _demonym_party(ent)
    name = _without_article(normalize_name(ent))
    if ent.label_ == "ORG" and (_GOVERNMENT_OF.match(name) or _NAMED_GOVERNMENT.match(name)):
        governing = _government_party(name, ent.doc)
        if governing is not None or _GOVERNMENT_OF.match(name):
            return governing
    if ent.label_ == "GPE":
        if country(name) is not None:
            return name
        if name in SEATS_OF_GOVERNMENT and (_is_counterpart(ent) or _acts(ent)):
            return SEATS_OF_GOVERNMENT[name]
        return name if _is_counterpart(ent) else None
    if ent.label_ == "ORG":
        if international_body(name) is not None:
            return name
        if _is_counterpart(ent) or _signs(ent):
            return name
    return None


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
        return child.lemma_.lower() not in SIGNING_VERBS | NEGOTIATING
    return child.dep_ == "prep" and child.lower_ == "for" and any(t.pos_ == "VERB" for t in child.subtree)


def _in_purpose(ent: Span, anchor: Token) -> bool:
    """'an agreement for US troops to begin leaving Afghanistan', 'a deal to buy Boeing jets': names in what
    the agreement is for are not its parties, unless it is made with them."""
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        _is_purpose(child)
        and ent.root.i in {t.i for t in child.subtree}
        and not any(a.lower_ in ("with", "between") for a in ent.root.ancestors if a.i > child.i)
        for child in anchor.rights
    )


def _affiliation(ent: Span) -> bool:
    """'Derek Scissors, a China scholar with the American Enterprise Institute': where a person works."""
    first = _first_conjunct(ent.root)
    if first.dep_ != "pobj" or first.head.lower_ not in ("with", "at", "of", "from"):
        return False
    holder = first.head.head
    return holder.ent_type_ == "PERSON" or (holder.dep_ == "appos" and holder.head.ent_type_ == "PERSON")


def _excluded(ent: Span) -> bool:
    """'Russia's invasion of Ukraine', 'a meeting in Hungary': names that are not parties."""
    root = ent.root
    if _in_dateline(ent) or _affiliation(ent):
        return True
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
        if ent.root.i not in scope or _excluded(ent) or _in_purpose(ent, anchor):
            continue
        name = _party_name(ent)
        if name is None or name in leads or name in counterparts:
            continue
        after_with = (
            _is_counterpart(ent)
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
    return leads, counterparts


_DASHES = frozenset({"-", "–", "—", "--"})


def _names_a_plural_subject(ent: Span, anchor: Token) -> bool:
    """'the only two Arab states to have signed peace treaties with Israel – Egypt and Jordan – ...': names
    set off by a dash after the other side are the unnamed plural subject ('states'), not more of the
    other side. The parser often hangs them under the 'with' phrase."""
    verb = _clause_verb(anchor)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ != "NNS" or subjects[0].ent_type_ in ("GPE", "ORG", "NORP"):
        return False
    doc = ent.doc
    before = doc[max(anchor.i, subjects[0].i) + 1 : ent.start]
    dashes = [t for t in before if t.text in _DASHES]
    return (
        len(dashes) == 1
        and doc[dashes[0].i + 1].ent_type_ in ("GPE", "ORG")
        and any(t.lower_ == "with" for t in before if t.i < dashes[0].i)
        and any(t.ent_type_ in ("GPE", "ORG") for t in before if t.i < dashes[0].i)
    )


def _names_the_other_side(ent: Span, anchor: Token) -> bool:
    """'scrapped the Rwanda deal': one country before the agreement noun is the other side; two ('the
    UK-India agreement') are both sides."""
    if (
        ent.label_ != "GPE"
        or ent.root.dep_ not in ("compound", "nmod")
        or anchor.pos_ not in ("NOUN", "PROPN")
    ):
        return False
    if ent.root.head.i != anchor.i:
        return False
    before_anchor = [e for e in anchor.sent.ents if e.label_ in ("GPE", "ORG") and e.root.head.i == anchor.i]
    # only where the clause says what became of it: 'if we take the Canada deal as a guide' names no side
    return len(before_anchor) == 1 and status_for(anchor) != "unknown"


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


def refers_to_a_group(anchor: Token) -> bool:
    """'The two countries signed an agreement', 'both leaders welcomed the deal', 'the two sides agreed':
    the clause's parties are a group named before."""
    verb = _clause_verb(anchor)
    if verb is None:
        return False
    for token in verb.subtree:
        if token.lemma_.lower() not in _GROUP_REFERENCES or token.tag_ not in ("NNS", "NN"):
            continue
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "conj"):
            continue
        words = {c.lower_ for c in token.lefts}
        if "both" in words or ("two" in words and words & {"the", "both"}):
            return True
    return False


def _state_or_body(ent: Span) -> str | None:
    """The entity's name where it is a country or an international body, the parties a text can refer back
    or forward to."""
    name = _without_article(normalize_name(ent))
    return name if country(name) or international_body(name) else None


def _parties_named_before(sents: list[Span], index: int) -> list[str]:
    """Countries and international bodies named in the sentences just before one that says 'the two
    countries'."""
    names: list[str] = []
    for sent in sents[max(0, index - _GROUP_LOOKBACK) : index]:
        for ent in sent.ents:
            first = _first_conjunct(ent.root)
            if ent.label_ not in ("GPE", "ORG", "NORP") or (
                first.dep_ == "pobj" and first.head.lower_ in _PLACE_PREPOSITIONS
            ):
                continue  # 'met in Hanoi' names a place; 'her counterpart from Vietnam' a party
            name = _demonym_party(ent) if ent.label_ == "NORP" else _state_or_body(ent)
            if name is not None and name not in names:
                names.append(name)
    return names


def _signs_with_a_counterpart(anchor: Token) -> bool:
    """'Secretary Blinken and Philippine Foreign Secretary Manalo signed', 'Prime Minister Vučević and his
    Hungarian counterpart signed': a person of the announcing government signs with a foreign one."""
    verb = _clause_verb(anchor)
    if verb is None:
        return False
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group = [subject, *subject.conjuncts]
        person = any(t.ent_type_ == "PERSON" and demonym(t.text) is None for t in group)
        foreign = any(
            t.lemma_.lower() in ("counterpart", "counterparts")
            or any(c.ent_type_ == "NORP" for c in t.subtree if c.i < t.i)
            for t in group
        )
        if person and foreign:
            return True
    return False


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
    verb = _clause_verb(anchor)
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
        if ent.label_ != "GPE" or country(normalize_name(ent)) is None or _in_dateline(ent):
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


_GOVERNMENT_SUBJECTS = frozenset(
    "we i government governments minister ministers secretary department administration cabinet office".split()
)


def made_by_others(anchor: Token) -> bool:
    """'a partnership between the ITF and Kosmos', 'the only two Arab states to have signed peace treaties
    with Israel': the clause names every side, so the announcing government is not one of them."""
    if anchor.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "between" for c in anchor.children):
        return True
    if any(
        t.lower_ == "between"
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" and c.conjuncts for c in t.children)
        for t in anchor.sent
    ):
        return True  # 'This partnership expands the relationship between GE and Ascom'
    verb = _clause_verb(anchor)
    if verb is None or verb.lemma_.lower() not in SIGNING_VERBS | NEGOTIATING | {"have"}:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.pos_ == "NOUN"
        and c.lemma_.lower() not in _GOVERNMENT_SUBJECTS | AGREEMENT_NOUNS
        for c in verb.children
    )


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
        first = _first_conjunct(ent.root)
        if first.dep_ not in ("nsubj", "nsubjpass") or ent.label_ not in ("GPE", "ORG"):
            continue
        name = _state_or_body(ent)
        if name is not None and name not in names:
            names.append(name)
    return names if len(names) >= _MIN_PARTIES else []


def _complete_parties(candidate: _Candidate, sents: list[Span], index: int) -> None:
    """Where the clause names fewer than two parties: 'the two countries' stands for those named just
    before, a person of the announcing government signing with a foreign counterpart brings it in, and an
    agreement named without its sides takes the countries the next sentence is about."""
    anchor = candidate.anchor
    if len(candidate.leads) + len(candidate.counterparts) >= _MIN_PARTIES:
        return
    if not candidate.leads and not candidate.counterparts:
        candidate.add_parties(_subjects_named_next(sents, index), [])
        if candidate.leads:
            return
    if refers_to_a_group(anchor):
        candidate.add_parties(_parties_named_before(sents, index), [])
        if len(candidate.leads) + len(candidate.counterparts) < _MIN_PARTIES:
            candidate.add_parties([HOME], [])
    elif _signs_with_a_counterpart(anchor):
        candidate.add_parties([HOME], [])


def _candidates(doc: Doc) -> list[_Candidate]:
    found: list[_Candidate] = []
    sents = list(doc.sents)
    for index, sent in enumerate(sents):
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
            others_make_it=made_by_others(anchor),
        )
        candidate.add_parties(leads, counterparts)
        _complete_parties(candidate, sents, index)
        found.append(candidate)
    return found


def _agreements_of(candidate: _Candidate, home: str | None) -> list[Agreement]:
    leads: list[str] = []
    for name in candidate.leads:
        resolved = home if name == HOME else name
        if resolved is not None and resolved not in leads and resolved not in candidate.counterparts:
            leads.append(resolved)
    if (
        not leads
        and home is not None
        and home not in candidate.counterparts
        and candidate.counterparts
        and not candidate.others_make_it
    ):
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
