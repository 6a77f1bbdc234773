"""Quotes and their speakers: words in quotation marks, attributed to the person the text says said them.

A quote's speaker is the subject of the speech verb ("said", "added", "told", ...) of its own sentence,
outside the quotation marks: a verb right before the quote ("He added: ...") or right after it ("..., she
said."; not the next sentence's verb with a clause of its own, '"...." Greenpeace said it would appeal', nor
a judging one, 'welcomed the ruling as'), or the source after "according to" or "in the words of"; a speech given ('Chamberlain gave the speech again:') is a speech verb. The subject is resolved to a person of the
document: a name or part of one ("Sir Keir"), a role ("the prime minister", "the Minister" for the one
minister named before), or "he"/"she", which stands for the person the sentences just before the quote are
about (or else the last speaker quoted, or the last person named); "I", "we" and "they" are the text's own
voice or a group, no one named. Reported speech inside a person's sentence ("Rubio said the department had
concluded that '...'") is theirs. A quote that opens its paragraph or its sentence with no verb goes on from
the sentence before that says who spoke, else continues the last speaker (across an attribution however
long: '"...," said X, who ... . "..."'); a quote signed after a dash is the signer's, and a quote the next sentence points back at ('"...." That was the view
of Grace Wanjiku', 'Those were the words of ...') is the person's it names. A body speaks as the text
names it ("The French foreign ministry said", "a spokesperson for the Home Office said", "A Home Office
spokesperson said", "PC World's analysis concluded"), and 'it', 'the group', 'the ministry' or 'a company
spokesperson' speak for the body the sentences before name (or name again where the model tagged nothing),
a noun for what a body does ('the operator', 'the utility') for none where they name several; a body's short
name ('KWS', 'a Commission spokesperson') speaks under the fuller name the text gives it; an office no one of the
text holds ('the Union Minister for Railways') is no one, nor is the outlet that reports its words ('The Hindu
reported that ...'), and a later sentence's verb that is not its main one ('Reuters reported that X had called')
says nothing of the quote before; a speaker the text does not name ("the doctor said",
"said one customer") is none, and no one else's; 'the Portuguese', 'the 34-year-old' are the person named before
as 'he' would be (the one the text gives that age, where it does). A curly quote may close with a straight mark, and each
paragraph of a quote left open at its end is a quote. A word or two in quotation marks are a
quote only inside what someone said ("very moved"), never a name ("the 'Hanoi Hilton'"). A quote inside reported speech ("He said
the UK would be 'at the heart of ...'") is marked partial. Headlines quote in straight single marks
("'...,' says Health Secretary": the one person whose role that title ends), a transcript sets out 'Name:'
before the quote, a body goes on speaking in the next quote as a person does, a paragraph left open is said by
whoever closes the quote, and a name the parse hung away from its verb ('... Ram Mohan Naidu said:') still
speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp.components import ExtensionWriter
from nlp.organisations.lexicon import GENERIC
from nlp.people import (
    ROLE_WORDS,
    People,
    Person,
    PersonMention,
    camel_case,
    is_honorific,
    may_be,
    resolve_people,
)
from presswatch.document import Mention, Quote
from presswatch.gazetteer import demonym

QUOTE_PATTERN = re.compile(
    # a curly quote closes at its mark, at a straight one ('“Buyers are back," she said'), or where a new
    # paragraph opens with a mark (a quote of several paragraphs leaves each paragraph's end open)
    r"“(?P<curly>(?:(?!\n\s*“)[^”\"]){2,}?)(?:”|’’|\"|(?=\n\s*“))|\"(?P<straight>[^\"\n”]{2,}?)[\"”]|(?<![\w’'])‘(?P<single>(?:[^‘’]|(?<=\w)’(?=\w)){8,}?)’(?![\w‘])"
    # a paragraph that opens a quote the next paragraph goes on with (the mark closes only at the end), at its
    # start or inside it ('Ms Lee said: "We ...' then a paragraph that opens with a mark)
    r"|(?:(?m:^)|(?<=[\s(]))[‘“\"](?P<paragraph>(?:[^\n‘’“”\"]|(?<=\w)’(?=\w)){8,})(?=\n+[‘“\"])"
    # straight single marks around a sentence that ends inside them ("'We will not back down,' says ..."), which
    # an apostrophe ('doctors' strike') never is
    r"|(?<![\w'])'(?P<straight_single>[A-Z](?:[^'\n]|(?<=\w)'(?=\w)){6,}?[,.!?])'(?!\w)"
)
# Verbs that judge what they name ('welcomed the ruling as "..."'): they attribute the quote they lead to, never one
# before them ('"...." It welcomed the decision' is a new sentence about something else).
_EVALUATIVE = frozenset("welcome hail praise condemn denounce criticise criticize slam".split())
SPEECH_VERBS = (
    frozenset(
        """say add tell explain state comment insist warn claim note announce declare write continue
    argue stress remark reply respond conclude admit acknowledge ask urge describe suggest reiterate emphasise
    emphasize confirm deny vow pledge assert recall concede tweet call dub characterise characterize counter
    retort assure remind mention promise predict complain caution testify exclaim quip joke boast lament
    proclaim observe recount report""".split()
    )
    | _EVALUATIVE
)
_ADDRESSES = frozenset({"speech", "address", "statement", "remark", "broadcast"})
_NAMING_VERBS = frozenset({"call", "dub"})
PRONOUNS = frozenset({"he", "she"})  # 'I' and 'we' are the text's own voice, 'they' a group: no one named
_MIN_QUOTE_WORDS = 3
_TITLE_WORDS = 8  # a shorter quote with no speaker and no sentence end is a title or a slogan


@dataclass
class _Speaker:
    name: str | None
    role: str | None
    person: Person | None


def _people(doc: Doc) -> People:
    if Doc.has_extension("people") and doc._.people is not None:
        people: People = doc._.people
        return people
    return resolve_people(doc, [e for e in doc.ents if e.label_ == "PERSON"])


def _is_speech_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("decline", "refuse"):
        return False  # 'A spokesperson for Acme declined to comment': said nothing
    if lemma == "read":  # 'A statement from the ministry read: ...'
        return any(c.dep_ == "nsubj" and c.lower_ in _WRITTEN for c in token.children)
    if lemma in ("give", "deliver", "make"):  # 'Chamberlain gave the speech a second time:'
        return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _ADDRESSES for c in token.children)
    if lemma == "put":  # 'As Sir Edmund Hillary once put it, "..."'
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    if lemma == "post":  # 'Murkomen posted on X: "..."', not 'posted a loss'
        return any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children) and not any(
            c.dep_ == "dobj" for c in token.children
        )
    return lemma in SPEECH_VERBS or (
        lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )  # 'it pointed out that ...'


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # of two the parse hangs on it ('[CPUC] President Marybel [Batjer] said'), the nearer
        return max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
    for child in verb.lefts:  # '," the 34-year-old said': the parse hangs the age on the verb
        if child.dep_ in ("amod", "advmod", "npadvmod") and child.lower_ == "old" and child.i == verb.i - 1:
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)  # 'Sir Keir spoke and added: ...'
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        return _subject(verb.head.head)  # 'the Commission issued a statement warning that "..."'
    return None


def _subject_or_name(verb: Token, people: People) -> Token | None:
    """The verb's subject, else the last word of a person's name written right before it, where the parse hung
    the name elsewhere ('Union Minister of Civil Aviation Ram Mohan Naidu said:' with 'Naidu' under 'of')."""
    subject = _subject(verb)
    if subject is not None or verb.i == 0:
        return subject
    mention = people.at(verb.i - 1, verb.i)
    return verb.doc[verb.i - 1] if mention is not None and mention.end == verb.i else None


def _named_after_verb(verb: Token, quote: Span) -> Token | None:
    """The capitalised words right after a verb that follows the quote ('," says Education Secretary on ...'),
    whom the parse of a headline may not make the subject: the last of them."""
    if not (quote.end <= verb.i <= quote.end + 1) or verb.i + 1 >= len(verb.doc):
        return None
    i = verb.i + 1 + (verb.doc[verb.i + 1].lower_ == "the")
    last = None
    while i < len(verb.doc) and verb.doc[i].is_title and verb.doc[i].pos_ in ("PROPN", "NOUN"):
        last, i = verb.doc[i], i + 1
    return last


def _speaks(subject: Token | None, people: People) -> bool:
    """Whether a subject is a person, or a word that may stand for one or for a body (not 'plan')."""
    if subject is None:
        return False
    return (
        people.at(subject.i, subject.i + 1) is not None
        or subject.pos_ in ("PRON", "PROPN")
        or subject.ent_type_ != ""
        or subject.lower_ in ROLE_WORDS | _BODY_NOUNS | _SPOKES | _REPORTS | _WRITTEN
    )


def _speaker_of(
    subject: Token, doc: Doc, people: People, last: Person | None, *, quote_start: int | None = None
) -> _Speaker:
    """The speaker a subject names; `quote_start` is where the quote opens, before which a pronoun's
    person is looked for."""
    words = [t for t in subject.subtree if not t.is_punct]
    start, end = words[0].i, words[-1].i + 1
    mention = people.at(start, end)
    if mention is not None and _owner_only(subject, mention):
        mention = None  # "Nisan Ahmado's source said": the source speaks, not the reporter who has it
    if mention is not None:
        return _Speaker(mention.person.name, mention.person.role, mention.person)
    after = people.at(end, min(end + 2, len(doc)))
    if after is not None and all(t.is_punct for t in doc[end : after.start]):
        # 'British High Commissioner to Pakistan, Jane Marriott, said': the person in apposition
        return _Speaker(after.person.name, after.person.role, after.person)
    if (subject.pos_ == "PROPN" or subject.is_title) and (person := people.named(_proper_name(subject))):
        return _Speaker(
            person.name, person.role, person
        )  # a name the model tagged as a body, or as a noun ('Mills')
    if (aged := _aged(subject, people)) is not None:
        return _Speaker(aged.name, aged.role, aged)
    if (holder := _role_holder(subject, people)) is not None:
        return _Speaker(holder.name, holder.role, holder)
    if (subject.lower_ in PRONOUNS and len(words) == 1) or _described(subject):
        gender = {"he": "m", "she": "f"}.get(subject.lower_)
        before = subject.i if quote_start is None else min(subject.i, quote_start)
        person = _governing_subject(subject, people, gender) or _recent_subject(doc, people, before, gender)
        if person is None and last is not None and may_be(last, gender):
            person = last
        if person is None:
            previous = people.before(start, gender=gender)
            person = previous.person if previous is not None else None
        if person is not None:
            return _Speaker(person.name, person.role, person)
        return _Speaker(None, None, None)
    if subject.ent_type_ in _NOT_SPEAKERS or subject.lower_ in _DOCUMENTS:
        return _Speaker(None, None, None)  # 'The Constitution declares', 'the Charter says': no one speaks
    if subject.ent_type_ == "ORG":  # 'the Home Office said'
        ent = next(e for e in doc.ents if e.start <= subject.i < e.end)
        return _Speaker(_body_name(ent), None, None)
    owners = [c for c in subject.children if c.dep_ == "poss" and c.ent_type_ == "ORG"]
    if owners:  # "PC World's recent analysis concluded": the body whose report it is
        ent = next(e for e in doc.ents if e.start <= owners[0].i < e.end)
        return _Speaker(_body_name(ent), None, None)
    if (named := _named_in_apposition(subject, people)) is not None:
        return named
    untagged = [
        c
        for c in subject.children
        if c.dep_ == "poss" and c.pos_ == "PROPN" and not c.ent_type_ and people.at(c.i, c.i + 1) is None
    ]
    if untagged and subject.lower_ in _REPORTS | _WRITTEN:  # the same, where the model tagged no body
        return _Speaker(_proper_name(untagged[0]), None, None)
    if subject.lower_ in _SPOKES and (body := _spoken_for(subject)) is not None:
        return _Speaker(body, None, None)  # 'A spokesperson for the British Foreign Office said'
    if subject.lower_ in _REPORTS | _NOTES and (body := _spoken_for(subject, by=("from", "by"))) is not None:
        return _Speaker(body, None, None)  # 'a report from Nomura', not 'a review of the Home Office'
    name = [t for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod")]
    if subject.lower_ in GENERIC and any(t.is_title for t in name):  # 'The French foreign ministry said'
        return _Speaker(" ".join(t.text for t in [*name, subject]), None, None)
    if (body := _body_at(subject)) is not None:  # "Norway's foreign ministry said": as the entities name it
        return _Speaker(body, None, None)
    if (
        body := _body_referred(subject)
    ) is not None:  # 'the company said', 'it added', 'a company spokesperson'
        return _Speaker(body, None, None)
    if subject.pos_ == "PROPN" and subject.is_title and _office_alone(subject):
        return _Speaker(None, None, None)  # 'the Union Minister for Railways said': an office, no one named
    if subject.pos_ == "PROPN" and subject.is_title:  # a name the model did not tag: 'Rathbun wrote'
        return _Speaker(_proper_name(subject), None, None)
    if subject.lower_ in ROLE_WORDS:  # 'A Home Office spokesperson said': the body speaks through them
        owner = [t for t in words if t.i < subject.i and t.dep_ != "det"]
        if owner and all(
            t.is_title or t.is_upper or camel_case(t) or t.lower_ in ("of", "for", "and") for t in owner
        ):  # 'a WeWork spokesperson' too: a body's name in mixed case
            owned = " ".join(t.text for t in owner)  # 'a Commission spokesperson': the European Commission
            return _Speaker(_fuller_name(doc, owner[0].idx, owned), None, None)
    return _Speaker(None, None, None)  # 'the doctor said', 'one official said': the text names no one


def _governing_subject(pronoun: Token, people: People, gender: str | None) -> Person | None:
    """'David Holmes revealed one of those calls, saying he recalled it "vividly"': a pronoun in a clause that a
    person's own verb governs is that person, before any person of the sentences before."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    head = pronoun.head
    for _ in range(4):
        if head.head.i == head.i or head.dep_ not in ("advcl", "ccomp", "xcomp", "conj", "acl"):
            break
        head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i:
                mention = people.at(child.i, child.i + 1)
                if mention is not None and may_be(mention.person, gender):
                    return mention.person
    return _sentence_subject(pronoun, people, gender)


def _sentence_subject(pronoun: Token, people: People, gender: str | None) -> Person | None:
    """'Ann Lee was charged over a call she made, in which she said she would "..."': a pronoun however deep in
    a sentence whose main subject is a person (named by the model, or by a surname the text gave in full before)
    is that person, where no other person is the subject of a clause before the pronoun."""
    sentence = pronoun.sent
    subjects = [
        t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i and t.pos_ == "PROPN"
    ]
    if not subjects or subjects[0].head != sentence.root:
        return None
    persons = {id(p): p for t in subjects if (p := _person_named(t, people)) is not None}
    first = _person_named(subjects[0], people)
    if first is None or len(persons) != 1 or not may_be(first, gender):
        return None
    return first


def _person_named(token: Token, people: People) -> Person | None:
    mention = people.at(token.i, token.i + 1)
    if mention is not None:
        return None if mention.as_role else mention.person
    return people.named(_proper_name(token)) if token.is_title else None


def _owner_only(subject: Token, mention: PersonMention) -> bool:
    """Whether the person a common-noun subject holds is only its possessor ("a reporter's source", "her
    lawyer"), not the subject itself nor a name beside it."""
    if subject.pos_ != "NOUN":
        return False
    owners = [c for c in subject.children if c.dep_ == "poss"]
    return any(o.left_edge.i <= mention.start and mention.end <= o.right_edge.i + 1 for o in owners)


def _named_in_apposition(subject: Token, people: People) -> _Speaker | None:
    """'The group, WeWorkers Coalition, ... stating that': the name a noun is given beside it, a body the
    model did not tag ('the report's authors' gives none)."""
    if subject.pos_ != "NOUN" or subject.lower_ not in _BODY_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ != "appos" or people.at(child.i, child.i + 1) is not None:
            continue
        if child.ent_type_ == "ORG":
            ent = next(e for e in subject.doc.ents if e.start <= child.i < e.end)
            return _Speaker(_body_name(ent), None, None)
        if child.pos_ == "PROPN" and child.is_title and not child.ent_type_:
            return _Speaker(_proper_name(child), None, None)
    return None


def _role_holder(subject: Token, people: People) -> Person | None:
    """A title alone, in capitals, that the role of one person of the text ends with: 'says Health Secretary'
    in a headline above 'Health Secretary Wes Streeting said'."""
    if subject.lower_ not in ROLE_WORDS or not subject.is_title:
        return None
    title = [t for t in subject.lefts if t.dep_ == "compound" and t.is_title] + [subject]
    if title[0].i != subject.left_edge.i and subject.doc[subject.left_edge.i].dep_ != "det":
        return None  # 'Meridian's chief executive': whose title, the words before it say
    words = " ".join(t.lower_ for t in title)
    holders = {id(p): p for p in people.persons if p.role and _role_names(p.role.casefold(), words)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _role_names(role: str, title: str) -> bool:
    """Whether a person's role is the title, ends with it ('Health Secretary' of 'Shadow Health Secretary') or
    opens a double office with it ('the Tánaiste' of 'Tánaiste and Minister for Foreign Affairs')."""
    return role == title or role.endswith(" " + title) or role.startswith(title + " and ")


def _aged(subject: Token, people: People) -> Person | None:
    """'the 61-year-old' for the one person the text gives that age ('Mark Vale, 61, ...')."""
    doc = subject.doc
    if subject.lower_ != "old":
        return None
    ages = {t.text for t in doc[max(0, subject.i - 4) : subject.i] if t.like_num}
    found = {
        id(m.person): m.person
        for m in people.mentions
        if m.end + 1 < len(doc) and doc[m.end].text in (",", "(") and doc[m.end + 1].text in ages
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _described(subject: Token) -> bool:
    """'the Portuguese', 'the Briton', 'the 34-year-old': a person the text named before, spoken of by their
    nationality or age, as 'he' or 'she' would be."""
    doc = subject.doc
    if subject.lower_ == "old" or subject.text.endswith("-old"):  # 'the 34 - year - old'
        return any(t.lower_ == "the" for t in doc[max(0, subject.i - 5) : subject.i])
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return the and subject.ent_type_ == "NORP" and demonym(subject.text) is not None


def _office_alone(subject: Token) -> bool:
    """'the Foreign Secretary', 'the Union Minister for Railways': a person's office with 'the', that no person
    of the text holds; an office of a body the text names ('the UN High Commissioner for Refugees') speaks as
    that body does."""
    if subject.lower_ not in ROLE_WORDS or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return False
    return not any(
        t.ent_type_ in ("ORG", "NORP", "GPE") or t.is_upper for t in subject.subtree if t.i != subject.i
    )


def _proper_name(subject: Token) -> str:
    """'UN High Commissioner for Refugees', 'Rathbun': a proper-noun subject with its compounds and a
    capitalised 'for' or 'of' phrase after it, without honorifics."""
    left = list(subject.doc[subject.left_edge.i : subject.i + 1])
    while left[:-1] and (left[0].dep_ in ("det", "poss") or left[0].is_punct or is_honorific(left[0])):
        left.pop(0)
    if all(t.is_title or t.is_upper or t.lower_ in ("of", "for", "and") for t in left):
        name = left  # 'United Nations High Commissioner'
    else:
        name = [t for t in subject.lefts if t.dep_ in ("compound", "flat") and not is_honorific(t)] + [
            subject
        ]
    while len(name) > 1 and name[0].lower_ in ROLE_WORDS | {"detective", "police"}:
        name.pop(0)  # 'Detective Constable Mark Ellis', 'Minister Joly': the title is no part of the name
    titled = [k for k, t in enumerate(name[:-1]) if t.lower_ in ROLE_WORDS and name[k + 1].pos_ == "PROPN"]
    if titled and all(t.pos_ == "PROPN" for t in name[titled[-1] + 1 :]):
        name = name[titled[-1] + 1 :]  # 'Indonesian Foreign Minister Sugiono': the name after its title
    for prep in subject.rights:
        phrase = list(prep.subtree)
        contiguous = phrase[-1].i == prep.i + len(phrase) - 1
        capitalised = all(t.is_title or t.lower_ in ("of", "for", "and", "the") for t in phrase[1:])
        if prep.lower_ in ("for", "of") and len(phrase) > 1 and contiguous and capitalised:
            name = [*name, *phrase]
        break
    return " ".join(t.text for t in sorted(name, key=lambda t: t.i))


# What a text quotes without anyone speaking: laws, works, documents (the guide's speaker is a person or a
# body, else none).
_NOT_SPEAKERS = frozenset({"LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "DATE", "TIME"})
_DOCUMENTS = frozenset(
    "charter constitution treaty covenant convention declaration bible scripture act resolution".split()
)

_REPORTS = frozenset("analysis report study survey review research findings website blog".split())
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "statement"})
# What a bank or a broker publishes, which speaks for it as its report does ('a research note from DBS Bank said').
_NOTES = frozenset("note notes memo briefing commentary".split())


# What 'the company', 'the group' or 'a ministry spokesperson' may stand for: a body named before.
_BODY_NOUNS = (  # not a person's role: 'the chief executive said' is a person the text does not name
    GENERIC - {"government", "state", "states", "house", "territory", "nation", "cabinet"} - ROLE_WORDS
) | frozenset(
    """firm operator charity airline regulator bank broadcaster newspaper club network foundation trust university
    retailer manufacturer carrier insurer watchdog body coalition campaign organisation utility""".split()
)
# What a body does, which says that a noun names one body of a sentence and not the other ('the operator',
# 'the utility'), unlike 'the company' or 'the group', which any may be.
_TRADES = frozenset(
    """operator charity airline regulator bank broadcaster newspaper club network university retailer
    manufacturer carrier insurer watchdog utility""".split()
)
# may be an alliance, a union, ...; a party's name seldom ends in 'party' ('the Democratic Alliance')
_ANY_BODY = frozenset({"group", "organisation", "organization", "body", "party"})
# A government body the text names once and goes on calling by its kind ('the ministry', 'the department'),
# unlike 'the police' or 'the council', which a text may say of no body in particular
_MINISTRIES = frozenset({"ministry", "department", "agency", "commission"})
_BODY_WINDOW = 3  # sentences back (the subject's own included) in which 'it' or 'the company' finds its body


def _bodies(doc: Doc) -> list[Mention]:
    mentions: list[Mention] = doc._.mentions if Doc.has_extension("mentions") and doc._.mentions else []
    return [m for m in mentions if m.label == "ORG"]


def _body_at(subject: Token) -> str | None:
    """The organisation an entity mention the small model did not tag names at the subject ("Norway's foreign
    ministry" → Norwegian Foreign Ministry)."""
    if subject.ent_type_ or subject.pos_ == "PRON":
        return None
    at = [m for m in _bodies(subject.doc) if m.start <= subject.idx < m.end]
    return at[0].normalized if at else None


def _body_referred(subject: Token) -> str | None:
    """The body 'it', 'the group' or 'a company spokesperson' stands for: of the bodies named in the sentences
    just before (and earlier in its own), the latest whose name ends in the noun ('the ministry' → the Foreign
    Ministry), else the latest that was the subject of its clause, else the only one they name. 'They', 'the
    government' and a noun with a name of its own ('the Acme group') are not read so."""
    doc = subject.doc
    if subject.lower_ == "it" and subject.dep_ != "nsubj":
        return None  # 'It was reported that ...': no body; 'it' is no one here
    if subject.lower_ == "it":
        noun = None
    elif subject.lower_ in _BODY_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children
    ):
        noun = subject.lower_
    elif subject.lower_ in _SPOKES | ROLE_WORDS:
        nouns = [
            c.lower_ for c in subject.children if c.dep_ in ("compound", "nmod") and c.lower_ in _BODY_NOUNS
        ]
        if not nouns or any(c.is_title for c in subject.lefts if c.dep_ == "compound"):
            return None
        noun = nouns[0]
    else:
        return None
    named = [t for t in subject.subtree if t.i != subject.i and t.dep_ != "det" and not t.is_punct]
    if any(t.is_title or t.is_upper or t.pos_ == "PROPN" for t in named):
        return None  # 'the Internet security firm Secunia.com', 'the Acme group': a name of its own
    sentence = subject.sent
    for _ in range(_BODY_WINDOW - 1):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    before = _named_again(doc, sentence.start_char, subject.idx)
    if noun is not None:
        alike = [m for m in before if _kind_of(m.normalized) == noun]
        if not alike and noun in _MINISTRIES:  # 'the ministry' is the last ministry named, however far back
            alike = [m for m in _named_again(doc, 0, subject.idx) if _kind_of(m.normalized) == noun]
        if alike:
            return alike[-1].normalized
        if noun not in _ANY_BODY:  # 'the bank' is not the Financial Conduct Authority: a name of another kind
            before = [m for m in before if _kind_of(m.normalized) not in _BODY_NOUNS]
        if noun in _TRADES and len({m.normalized for m in before}) > 1:
            return None  # 'Siemens will build trains for Nordbahn. The operator said': which one is, the text does not say
    subjects = [
        (m, span.root)
        for m in before
        if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
        and span.root.dep_ in ("nsubj", "nsubjpass")
    ]
    if subjects:
        latest, root = subjects[-1]
        if any(c.dep_ == "conj" for c in root.children):
            return None  # 'Amazon and Walmart both cut prices. The company said': which one, the text does not say
        return latest.normalized
    bodies = {m.normalized for m in before}
    return bodies.pop() if len(bodies) == 1 else None  # the one body the sentences name


def _named_again(doc: Doc, start: int, end: int) -> list[Mention]:
    """The bodies named between characters `start` and `end`: the entities' mentions, and each name they
    give written again where the model tagged nothing ('WeWork is headquartered in New York. A company
    spokesperson said')."""
    bodies = _bodies(doc)
    found = [m for m in bodies if start <= m.start and m.end <= end]
    taken = {m.start for m in found}
    text = doc.text[:end]
    for name, normalized in {(m.text, m.normalized) for m in bodies if m.start < end and len(m.text) > 2}:
        at = text.find(name, start)
        while at != -1:
            if at not in taken and not text[at + len(name) : at + len(name) + 1].isalnum():
                found.append(
                    Mention(text=name, label="ORG", normalized=normalized, start=at, end=at + len(name))
                )
                taken.add(at)
            at = text.find(name, at + 1)
    return sorted(found, key=lambda m: m.start)


def _kind_of(name: str) -> str:
    """The noun a body's name heads with: 'ministry' of the Foreign Ministry and of the Ministry of Defence,
    'department' of the Department for Transport."""
    words = name.casefold().split()
    heads = [w for w, after in pairwise(words) if after in ("of", "for")]
    return heads[0] if heads else words[-1] if words else ""


def _spoken_for(subject: Token, *, by: tuple[str, ...] = ("for", "of", "from")) -> str | None:
    """'the British Foreign Office' in 'A spokesperson for the British Foreign Office': the body a spokesperson
    speaks for (or a report is from: `by`), when the text names it as an entity."""
    for prep in subject.rights:
        if prep.lower_ in by:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                    ent = next(e for e in obj.doc.ents if e.start <= obj.i < e.end)
                    return _body_name(ent)
    return None


def _body_name(ent: Span) -> str:
    """A body's name as a speaker: as written, without an article or a possessive ("the Bureau of
    Meteorology's"), or the fuller name the document's entities resolve a short one to ("KWS" after "the
    Kenya Wildlife Service (KWS)", "the Commission" → European Commission)."""
    name = ent.text.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")
    return _fuller_name(ent.doc, ent.start_char, name)


def _fuller_name(doc: Doc, start: int, name: str) -> str:
    at = [m for m in _bodies(doc) if m.start <= start < m.end]
    return at[0].normalized if at and len(at[0].normalized.split()) > len(name.split()) else name


def _recent_subject(doc: Doc, people: People, before: int, gender: str | None) -> Person | None:
    """The person a sentence just before the quote and its pronoun is about ('Ann Lee told reporters the
    plan was late. "...," she said'): its subject, when it is a person the pronoun may stand for. A sentence
    whose subject is 'he' or 'she' passes on the person it names before the pronoun ('When Ashraf Ghani
    announced the swap, he said ...'), else the search stops there."""
    index = doc[before].sent.start - 1
    for _ in range(2):
        if index < 0:
            return None
        sentence = doc[index].sent
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head == sentence.root]
        for token in subjects:
            if token.lower_ in ("he", "she", "they"):
                named = [
                    m
                    for m in people.mentions
                    if sentence.start <= m.start and m.end <= token.i and not m.as_role
                ]
                found = {id(m.person): m.person for m in named}
                if len(found) == 1 and may_be(named[0].person, gender):
                    return named[0].person
                return None
            mention = people.at(token.i, token.i + 1)
            if mention is not None:
                return mention.person if may_be(mention.person, gender) else None
        index = sentence.start - 1
    return None


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= index < e for s, e in spans)


def _according_to(doc: Doc, quote: Span, quoted: list[tuple[int, int]]) -> list[Token]:
    """'..., according to Mary Tan', 'In the words of Woodrow Wilson, "..."': the source named after
    'according to' or 'in the words of' in the quote's sentence."""
    sources: list[Token] = []
    for token in quote.sent:
        if _inside(token.i, quoted) or token.i + 1 >= len(doc):
            continue
        after = doc[token.i + 1]
        words_of = token.lower_ == "words" and token.i > 0 and doc[token.i - 1].lower_ == "the"
        if (token.lower_ == "according" and after.lower_ == "to") or (words_of and after.lower_ == "of"):
            sources.extend(t for t in after.children if t.dep_ == "pobj")
    return sources


def _frame_verbs(doc: Doc, quote: Span, quoted: list[tuple[int, int]]) -> list[Token]:
    """Speech verbs of the quote's own sentence(s), outside every quote, nearest to the quote first.

    A verb after the quote that introduces the next one ('... . Jane Doe said: "...') is not this quote's.
    """
    first = quote.sent.start
    last_sent = doc[quote.end].sent if quote.end < len(doc) else quote.sent
    last = last_sent.end if not _starts_paragraph_after(doc, quote.end) else quote.end
    verbs: list[tuple[int, Token]] = []
    for token in doc[first:last]:
        if not _is_speech_verb(token) or _inside(token.i, quoted) or quote.start <= token.i < quote.end:
            continue
        if token.i >= quote.end:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and following.text == ":":
                continue
            if token.sent.start >= quote.end and (_says_its_own(token) or token.dep_ != "ROOT"):
                continue  # '"... ." Greenpeace said it would appeal': the next sentence says something else
            distance = token.i - quote.end
        else:
            distance = quote.start - token.i
        verbs.append((distance, token))
    return [t for _, t in sorted(verbs, key=lambda pair: pair[0])]


def _says_its_own(verb: Token) -> bool:
    """A speech verb with its own clause ('said it would appeal') or a judging one ('condemned the ruling'):
    a sentence after a quote that closed its own sentence says something else, not who said the quote."""
    return verb.lemma_.lower() in _EVALUATIVE or any(c.dep_ == "ccomp" for c in verb.children)


def _attributes(verb: Token, quote: Span) -> bool:
    """A speech verb written right against the quote ('," said the post', 'one resident said: "')."""
    return 0 <= verb.i - quote.end <= 3 or 0 < quote.start - verb.i <= 3


def _said_right_after(verb: Token, quote: Span) -> bool:
    """A speech verb right after the quote with nothing between them but its own subject ('," the
    34-year-old said'), unlike '“...” document, which declared'."""
    between = quote.doc[quote.end : verb.i]
    return (
        _attributes(verb, quote)
        and verb.i >= quote.end
        and all(t.is_punct or t.head.i == verb.i or quote.end <= t.head.i < verb.i for t in between)
    )


def _reporting(
    verb: Token, doc: Doc, people: People, last: Person | None, quoted: list[tuple[int, int]]
) -> _Speaker | None:
    """The person whose speech verb reports the clause of `verb`, which names no person ('Pompeo said
    Washington had concluded the settlements were "not, per se, inconsistent"')."""
    head = verb
    while head.dep_ in ("ccomp", "xcomp", "advcl") and head.head.i != head.i:
        head = head.head
        if _is_speech_verb(head) and not _inside(head.i, quoted):
            subject = _subject(head)
            if subject is not None and not _inside(subject.i, quoted):
                found = _speaker_of(subject, doc, people, last)
                if found.person is not None:
                    return found
    return None


def _introducing_verbs(doc: Doc, quote: Span, quoted: list[tuple[int, int]]) -> list[Token]:
    """'Road Safety Minister Robert Goodwill said:' ending the paragraph before a quote that opens its own."""
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":" or _inside(i, quoted):
        return []
    sentence = doc[i].sent
    verbs = [t for t in doc[sentence.start : i] if _is_speech_verb(t) and not _inside(t.i, quoted)]
    return verbs[::-1]


def _before_colon(doc: Doc, quote: Span, people: People, quoted: list[tuple[int, int]]) -> Person | None:
    """'Albanese hit back: "..."', 'Ruto turned to the crowd: "..."': a person whose clause a colon ends right
    before the quote, whatever the verb."""
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":" or _inside(i, quoted):
        return None
    verbs = [
        t
        for t in doc[doc[i].sent.start : i]
        if t.pos_ == "VERB" and not _inside(t.i, quoted) and any(c.dep_ == "nsubj" for c in t.children)
    ]
    if not verbs:
        return None
    subject = _subject(verbs[-1])
    mention = people.at(subject.i, subject.i + 1) if subject is not None else None
    return mention.person if mention is not None and not mention.as_role else None


def _starts_paragraph_after(doc: Doc, index: int) -> bool:
    return index >= len(doc) or "\n" in doc[index - 1].whitespace_ or doc[index].is_space


def _is_partial(doc: Doc, quote: Span, inner: str) -> bool:
    """Quoted words inside a reported sentence: after a word rather than ':' or ',' or a line start."""
    if inner[:1].islower():
        return True
    previous = doc[quote.start - 1] if quote.start > 0 else None
    if previous is None or previous.is_space or "\n" in previous.whitespace_:
        return False
    return not previous.is_punct and quote.start != quote.sent.start


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    people = _people(doc)
    matches = list(QUOTE_PATTERN.finditer(text))
    spans: list[tuple[re.Match[str], Span]] = []
    for match in matches:
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            spans.append((match, span))
    quoted = [(s.start, s.end) for _, s in spans]
    quotes: list[Quote] = []
    last: Person | None = None
    last_said = _Speaker(None, None, None)  # whom the next quote goes on from, a person or a body
    last_end = -1
    for match, span in spans:
        inner = _inner(match).strip()
        speaker = _Speaker(None, None, None)
        naming = (
            False  # 'called it "a betrayal"': a name in quotation marks ('the "Hanoi Hilton"') is no quote
        )
        unnamed = False  # '"...," said one customer': the text says who spoke, and names nobody
        verbs = _frame_verbs(doc, span, quoted) or _introducing_verbs(doc, span, quoted)
        tried: list[Token] = []
        for verb in verbs:
            subject = _subject_or_name(verb, people)
            if (inverted := _named_after_verb(verb, span)) is not None and not _speaks(subject, people):
                subject = inverted  # "'...,' says Education Secretary on new schools plan": a headline
            if subject is not None and not _inside(subject.i, quoted):
                speaker = _speaker_of(subject, doc, people, last, quote_start=span.start)
                if speaker.person is None and (outer := _reporting(verb, doc, people, last, quoted)):
                    speaker = outer  # 'Rubio said the department had concluded that "..."': his words
                if speaker.person is None and any(verb.is_ancestor(t) for t in tried):
                    speaker = _Speaker(
                        None, None, None
                    )  # 'The Hindu reported that the minister had described'
                tried.append(verb)
                naming = verb.lemma_.lower() in _NAMING_VERBS
                if speaker.name:
                    break
                unnamed = unnamed or (
                    subject.head.i == verb.i
                    and (subject.pos_ in ("NOUN", "PROPN") or subject.lower_ in ("i", "we", "they"))
                    and _attributes(verb, span)
                )
        for source in [] if speaker.name else _according_to(doc, span, quoted):
            speaker = _speaker_of(source, doc, people, last)
            if speaker.name:
                break
            unnamed = (
                True  # 'according to police, the driver was "well over the limit"': said, by no one named
            )
        if len(inner.split()) < _MIN_QUOTE_WORDS and (
            naming or not (speaker.name and _is_partial(doc, span, inner))
        ):
            continue  # a word or two in quotation marks are a quote only inside a sentence someone said
        if _named_so(doc, span):
            continue  # 'the project, dubbed "Blue Horizon"', 'a report titled "Breaking the Cycle: ..."': a name
        signed = _signed(doc, span, people) if speaker.name is None else None
        if signed is not None:  # a signed quote stands alone: the next quote does not go on in its voice
            speaker = _Speaker(signed.name, signed.role, None)
        if speaker.name is None and not unnamed and (named := _named_after(doc, span, people, quoted)):
            speaker = _Speaker(named.name, named.role, named)
        if (
            speaker.name is None
            and not unnamed
            and (_opens_paragraph(doc, span) or span.start == span.sent.start)
        ):
            speaker = _said_before(doc, span, people, quoted)
        if speaker.name is None and not unnamed and (answered := _before_colon(doc, span, people, quoted)):
            speaker = _Speaker(answered.name, answered.role, answered)
        if speaker.name is None and not unnamed and (labelled := _labelled(doc, span, people)) is not None:
            speaker = _Speaker(labelled.name, labelled.role, labelled)
        if (
            speaker.name is None
            and not unnamed
            and last_said.name
            and _continues(doc, span, last_end, people=people, last=last_said)
        ):
            speaker = last_said
        if speaker.person is not None:
            last = speaker.person
        if signed is None:  # a body goes on speaking as a person does ('," the ministry said. "...'); no one
            last_said = speaker  # goes on for 'one customer'
        last_end = span.end
        said = any(_said_right_after(v, span) for v in verbs)  # '"I can't believe it," the 34-year-old said'
        if speaker.name is None and not unnamed and not said and _is_title(inner):
            continue
        quotes.append(
            Quote(
                text=inner,
                speaker=speaker.name,
                role=speaker.role,
                start=match.start(),
                end=match.end(),
                partial=_is_partial(doc, span, inner),
            )
        )
    quotes = _closed_later(quotes, text)
    quotes.extend(_unmarked_quotes(doc, text, people, quoted))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _closed_later(quotes: list[Quote], text: str) -> list[Quote]:
    """'"We have registered ... this season.' / '"Those who sell ...," he said.': a paragraph of a quote left
    open is said by whoever the paragraph that goes on with it says spoke, where nothing before named them."""
    for index in range(len(quotes) - 2, -1, -1):
        quote, after = quotes[index], quotes[index + 1]
        gap = text[quote.end : after.start]
        left_open = text[quote.end - 1 : quote.end] not in ("”", '"', "’", "'")
        if quote.speaker is None and after.speaker and left_open and not gap.strip() and "\n" in gap:
            quotes[index] = quote.model_copy(update={"speaker": after.speaker, "role": after.role})
    return quotes


def _unmarked_quotes(doc: Doc, text: str, people: People, quoted: list[tuple[int, int]]) -> list[Quote]:
    """'Road Safety Minister Robert Goodwill said:' ending a paragraph, then the words without quotation
    marks (a blockquote on GOV.UK, whose marks the page leaves to its style sheet): the next paragraph.
    `text` is `doc.text`, which spaCy rebuilds from every token at each read."""
    found: list[Quote] = []
    for colon in (t for t in doc if t.text == ":" and not _inside(t.i, quoted)):
        start = colon.i + 1
        while start < len(doc) and doc[start].is_space:
            start += 1
        if start >= len(doc) or "\n" not in text[colon.idx + 1 : doc[start].idx]:
            continue  # only a colon that ends its paragraph
        if doc[start].text in ("“", '"', "‘") or _inside(start, quoted):
            continue
        verbs = [t for t in doc[colon.sent.start : colon.i] if _is_speech_verb(t)][::-1]
        subjects = [s for v in verbs if (s := _subject_or_name(v, people)) is not None]
        if not subjects:
            continue
        speaker = _speaker_of(subjects[0], doc, people, None)
        if speaker.name is None:
            continue
        begin = doc[start].idx
        end = text.find("\n", begin)
        end = len(text) if end == -1 else end
        inner = text[begin:end].strip()
        if len(inner.split()) >= _MIN_QUOTE_WORDS:
            found.append(Quote(text=inner, speaker=speaker.name, role=speaker.role, start=begin, end=end))
    return found


_WRITTEN = frozenset("statement letter message note post notice tweet release sign".split())
_NAMED = frozenset(
    {"dub", "name", "title", "entitle", "nickname", "brand", "call", "label", "rate", "classify"}
)


def _named_so(doc: Doc, quote: Span) -> bool:
    """A quote right after a participle that names or rates ('dubbed', 'called', 'titled', 'rated') or 'known
    as' (the model reads 'rated' as a form of 'rat'), or a few title-case words after a name's possessive (a
    programme's or a report's title: "on CNBC's “Trading Nation”")."""
    if quote.start == 0:
        return False
    before = doc[quote.start - 1]
    if before.lower_ == "as":
        return quote.start > 1 and doc[quote.start - 2].lower_ == "known"
    if before.text in ("'s", "’s") and quote.start > 1 and doc[quote.start - 2].text[:1].isupper():
        words = [t for t in quote if t.is_alpha]  # "CNBC's “Trading Nation”": a programme, a show, a report
        return 0 < len(words) < _TITLE_WORDS and all(t.is_title or t.is_stop for t in words)
    return before.tag_ == "VBN" and (before.lemma_.lower() in _NAMED or before.lower_ in ("rated", "classed"))


def _is_title(inner: str) -> bool:
    """'Partners in Defence', 'Peace in our Time', 'English votes for English laws': a few quoted words
    that end no sentence are the name of something, not words someone said."""
    return len(inner.split()) < _TITLE_WORDS and not inner.rstrip("’'\"”").endswith((".", "!", "?", "…"))


def _signed(doc: Doc, quote: Span, people: People) -> Person | None:
    """'"So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram': a name after a dash that
    follows the quote, on its line."""
    i = quote.end
    while i < len(doc) and doc[i].is_space:
        i += 1  # '”\n– Hon. Kieran McAnulty, Minister for ...': a release signs its quote on the next line
    on_next_line = i > quote.end or "\n" in doc[quote.end - 1].whitespace_
    if i + 1 >= len(doc) or doc[i].text not in ("-", "–", "—") or (on_next_line and not _line_start(doc, i)):
        return None
    first = i + 1
    while first + 1 < len(doc) and (is_honorific(doc[first]) or doc[first].text == "."):
        first += 1  # 'Hon.', 'Dr'
    mention = people.at(first, first + 1)
    if mention is not None and mention.start in (i + 1, first):
        return mention.person
    end = i + 1
    while end < len(doc) and end - i <= 4 and doc[end].is_title and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return people.named(doc[i + 1 : end].text) if end > i + 1 else None  # a name tagged elsewhere only


def _labelled(doc: Doc, quote: Span, people: People) -> Person | None:
    """'Minister Grant Robertson: "There are no plans ..."': a quote after a person's name and a colon, as a
    transcript or a release sets out who speaks, with only a title before the name on its line."""
    i = quote.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or (mention := people.at(i - 1, i)) is None or mention.end != i:
        return None
    start = mention.start
    while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_:
        start -= 1
        if not (doc[start].is_title or doc[start].is_upper):
            return None  # 'the report, written by Jane Doe:' is no label
    return mention.person


def _line_start(doc: Doc, index: int) -> bool:
    return index == 0 or "\n" in doc[index - 1].whitespace_ or doc[index - 1].is_space


def _opens_paragraph(doc: Doc, quote: Span) -> bool:
    return quote.start == 0 or "\n" in doc[quote.start - 1].whitespace_ or doc[quote.start - 1].is_space


def _said_before(doc: Doc, quote: Span, people: People, quoted: list[tuple[int, int]]) -> _Speaker:
    """'Erekat said it was only the latest move. / "They wanted us on our knees ..."': a quote that opens
    its paragraph or its sentence goes on from the person the sentence before it says spoke (outside any
    quote), also as 'he' or 'she' ('Ms Collins will travel to Manila to sign it, she says.', release style)."""
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or _inside(i, quoted):
        return _Speaker(None, None, None)
    sentence = doc[i].sent
    for verb in (t for t in sentence if _is_speech_verb(t) and not _inside(t.i, quoted)):
        subject = _subject_or_name(verb, people)
        if subject is not None and (mention := people.at(subject.i, subject.i + 1)) is not None:
            return _Speaker(mention.person.name, mention.person.role, mention.person)
        if (
            subject is not None
            and subject.lower_ in PRONOUNS
            and not any(_inside(t.i, quoted) for t in doc[max(sentence.start - 1, 0) : sentence.end])
            # not '"...," she wrote. "...': a quote's own attribution, whose voice the next quote goes on in
            and (person := _pronoun_near(subject, people)) is not None
        ):  # 'Ms Collins will travel ..., she says.', a sentence of reported speech with no quote of its own
            return _Speaker(person.name, person.role, person)
    return _Speaker(None, None, None)


def _pronoun_near(pronoun: Token, people: People) -> Person | None:
    """The person 'he' or 'she' of a background sentence stands for, found near it only: the one person its
    own sentence names before it, or the one its clause or the sentences just before make the subject. Not
    the last person named anywhere before, as an attribution's pronoun may be: with no quote in the sentence
    nothing else ties it to a speaker ('..., Figgins said.' of a name the model left untagged, then
    'Sometimes employees don't follow the rules, he said.' is no one the text named paragraphs earlier)."""
    gender = {"he": "m", "she": "f"}.get(pronoun.lower_)
    sentence = pronoun.sent
    named = {
        id(m.person): m.person for m in people.mentions if sentence.start <= m.start and m.end <= pronoun.i
    }
    if len(named) == 1 and may_be(person := next(iter(named.values())), gender):
        return person
    return _governing_subject(pronoun, people, gender) or _recent_subject(
        pronoun.doc, people, pronoun.i, gender
    )


_BACK = frozenset({"that", "this", "those", "these", "such"})


def _named_after(doc: Doc, quote: Span, people: People, quoted: list[tuple[int, int]]) -> Person | None:
    """'"We cannot keep asking nurses to work double shifts." That was the view of Grace Wanjiku, ...',
    'Those were the words of ...': a quote that ends its sentence, whose next sentence in the paragraph points
    back at it ('that', 'those' as the subject of 'be') and names whose words they were ('of' a person)."""
    i = quote.end
    if i >= len(doc) or not doc[i].is_sent_start or "\n" in doc[i - 1].whitespace_ or _inside(i, quoted):
        return None
    sentence = doc[i].sent
    if doc[i].lower_ not in _BACK or doc[i].dep_ != "nsubj" or sentence.root.lemma_ != "be":
        return None
    for mention in people.mentions:
        if sentence.start <= mention.start and mention.end <= sentence.end:
            head = doc[mention.end - 1]
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "attr":
                return mention.person
    return None


def _continues(doc: Doc, quote: Span, last_end: int, *, people: People, last: _Speaker) -> bool:
    """A quote that opens its paragraph soon after the last attributed one, or however far after it where
    the paragraphs between name no one else (a release's background paragraphs on the schools it opens, then
    the minister's next quote), or a sentence of its own in the same paragraph right after the last quote's
    attribution ('"...," Doucet said. "We want ..."'), goes on in the same voice."""
    if last_end < 0:
        return False
    opens = quote.start == 0 or "\n" in doc[quote.start - 1].whitespace_ or doc[quote.start - 1].is_space
    if opens:
        if doc[last_end : quote.start].text.count("\n\n") <= 2:
            return True
        return last.person is not None and all(
            m.person is last.person for m in people.mentions if last_end <= m.start < quote.start
        )
    between = doc[last_end : quote.start]
    if quote.start != quote.sent.start or "\n" in between.text:
        return False
    # the last quote's attribution, however long, ends where this quote begins
    return len(between) <= 12 or doc[last_end].sent.end >= quote.start


def _inner(match: re.Match[str]) -> str:
    return (
        match["curly"]
        or match["straight"]
        or match["single"]
        or match["paragraph"]
        or match["straight_single"]
        or ""
    )


@Language.factory(
    "presswatch_quotes",
    assigns=["doc._.quotes"],
    requires=["doc.ents", "doc._.people", "token.dep", "token.lemma", "token.is_sent_start"],
)
def make_quote_finder(nlp: Language, name: str) -> ExtensionWriter:
    return ExtensionWriter(attribute="quotes", find=find_quotes)
