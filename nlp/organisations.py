"""Organisations an analyst would list: no titles, generic nouns, fragments or names of laws and programmes.

The small model tags as ORG whatever is capitalised near an organisation word: "Home" in "Home Secretary",
"Council" alone, "the Minister for Health", "the Online Safety Act". Each rule here says what an ORG span is
instead (a title, a law, a place, nothing), and `acronyms` ties an acronym to the name it stands for.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from nlp.people import ROLE_WORDS, fold

# The last word of an organisation's name ('Ministry', 'Office'): a name ending so is not a bare title.
ORG_HEADS = frozenset(
    """department ministry office commission council agency authority association society board committee
    foundation bank fund service services organisation organization federation union college university
    school court tribunal trust corporation company institute institution centre center command force forces
    police army navy party parliament assembly congress senate group network alliance community partnership
    laboratory secretariat executive inc ltd plc llc co corp bureau directorate administration government
    news times nations""".split()
)
# Words an ORG span may end with that make it a law, agreement or programme (label LAW), not a body.
LAW_HEADS = frozenset(
    """act bill treaty agreement accord convention protocol charter programme program scheme strategy plan
    initiative framework directive regulation declaration deal pact compact roadmap fta contract""".split()
)
# Words an ORG span may end with that make it an event, a place, a tax, a target or a document: no body at all
# ('Anti-Corruption Summit', 'Spending Review', 'Air Passenger Duty', 'Southampton Central Station').
NOT_BODY_HEADS = frozenset(
    """summit review budget duty tax levy grant credit allowance award awards prize day week rally games festival
    goals targets flag certificate certificates formula station avenue street road lane square room building
    house market pool park airport bridge report campaign website facility passport checks conference
    region""".split()
)
# Lower-case words after a name that make it the name of a programme, not of a body ('the MentorSet scheme').
PROGRAMME_WORDS = frozenset(
    """scheme programme program campaign initiative project grant fund strategy plan report review act bill
    agreement deal treaty app""".split()
)
# Common adjectives that, in front of a generic noun, still name no particular body ('Local Government').
GENERIC_MODIFIERS = frozenset(
    "local combined armed fire central devolved regional relevant other public county district city parish".split()
)
# Legal forms a company's name may carry or not: 'Arriva Rail North Ltd' is 'Arriva Rail North'.
LEGAL_FORMS = frozenset("ltd ltd. limited plc inc inc. llp llc".split())
# An ORG of one of these words alone names no particular body ("the Council", "the Department").
GENERIC = frozenset(
    """council department ministry government committee agency office commission authority court board police
    service team group company union party cabinet army navy force unit administration executive
    organisation organization association institute secretariat bureau directorate assembly senate
    state states house""".split()
)
# Words that head a title rather than a body ('Minister for Health', 'President of the Commission').
TITLE_HEADS = frozenset(
    """minister secretary president chancellor ambassador commissioner spokesperson spokesman spokeswoman
    mayor governor envoy mp prime premier chair chairman chairwoman""".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_STOPWORDS = frozenset({"of", "for", "and", "the", "&", "on", "in", "to", "at", "by", "with", "from"})
# Words in front of a plural that make it a class of bodies, not one ('our Crisis Centres').
_QUANTIFIERS = frozenset("our their its his her my your these those all many other some several".split())
# Words in front of 'Parliament' that make it a term of office ('in this Parliament'), not the body.
_TERM_WORDS = frozenset("this that next last previous current each every".split())


def core(span: Span) -> Span:
    """The span without a leading 'the' and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def name_part(span: Span) -> Span:
    """The part of an ORG span that names the body: 'Civil Aviation Authority (CAA' loses its bracket,
    'Contact the Local Government Association: info@...' starts after 'the' and ends at the colon, "EDF's
    Cannington Court" is EDF's (the owner is the body, what it owns is not, unless the name is one such as
    "Women's Engineering Society"), and 'Arriva Rail North Ltd' loses its legal form."""
    words = core(span)
    doc = span.doc
    end = words.end
    for token in words:
        if token.text in ("(", "[", ":", ";") or (token.text in ("'s", "’s") and _owner(words, token)):
            end = token.i
            break
    start = words.start
    for token in doc[words.start + 1 : end - 1]:
        if token.lower_ == "the" and doc[token.i - 1].lower_ not in _STOPWORDS:
            start = token.i + 1  # 'Contact the Local Government Association': a word before the name
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in LEGAL_FORMS:
        end -= 1
    return doc[start:end]


def _owner(words: Span, possessive: Token) -> bool:
    """Whether the words before a possessive are the body: "EDF's [Cannington Court]", "the Nuclear Industry
    Association's [campaign]"; not "Women's [Engineering Society]", a name with a possessive inside."""
    if possessive.i == words.start:
        return False
    owner = words.doc[words.start : possessive.i]
    return not (words[-1].lower_ in ORG_HEADS and len(owner) == 1 and not owner[0].is_upper)


def parts(span: Span) -> list[Span]:
    """'the Scottish Government, Welsh Government' and 'Ubisoft, Microsoft' are two bodies each; a comma inside
    a body's own name ('Department for Environment, Food and Rural Affairs') splits nothing. A longer list
    of other words ('Science, Technology, Engineering') is a list of subjects: no parts."""
    words = core(span)
    commas = [t.i for t in words if t.text == ","]
    if not commas:
        return [span]
    bounds = [words.start, *[c + 1 for c in commas]]
    ends = [*commas, words.end]
    pieces = [span.doc[a:b] for a, b in zip(bounds, ends, strict=True) if b > a]
    headed = [p for p in pieces if p[-1].lower_ in ORG_HEADS]
    if len(headed) == len(pieces):
        return pieces
    if any(t.lower_ in ORG_HEADS for t in words):
        return [span]
    names = [p for p in pieces if not (len(p) == 1 and p[0].lower_ in _lower_case_words(span.doc))]
    return names if len(names) == len(pieces) else []  # 'Ubisoft, Microsoft', not 'Science, Technology'


def _in_title(doc: Doc, start: int) -> bool:
    """'Inter Provincial Coordination' in 'Minister for Planning, Development and Inter Provincial Coordination',
    'Operations' in 'Head of Operations': capitalised words back to a role word's 'for' or 'of'."""
    i = start - 1
    while i > 0 and (doc[i].is_title or doc[i].text in (",", "&") or doc[i].lower_ == "and"):
        if doc[i].is_sent_start:
            return False
        i -= 1
    return i >= 1 and doc[i].lower_ in ("of", "for") and doc[i - 1].lower_ in ROLE_WORDS


def _singular(token: Token) -> str | None:
    """The singular of a plural noun ('Territories' → 'territory'), None when the word is no plural. The
    model's lemma keeps a proper noun's plural as it is, so the ending decides; a word tagged as a singular
    proper noun ('Lines') is a plural when the text writes its singular in lower case."""
    word = token.lower_
    if token.is_upper or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    single = word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word[:-1]
    if token.tag_ in ("NNS", "NNPS"):
        return single
    if token.tag_ == "NNP" and single in _lower_case_words(token.doc):
        return single
    return None


def _person_before_role(doc: Doc, end: int) -> bool:
    """'[Ahsan Iqbal] the Federal Minister', '[Jane Hill], Chief Executive': a role right after the span."""
    if end >= len(doc) or doc[end].lower_ not in ("the", ","):
        return False
    return any(t.is_title and t.lower_ in ROLE_WORDS for t in doc[end + 1 : end + 4])


def _is_plural_common(token: Token) -> bool:
    """'Attendees', 'Overseas Territories', 'Goals': a plural noun that is no organisation word."""
    single = _singular(token)
    return single is not None and single not in ORG_HEADS


def law_or_org(span: Span) -> str | None:
    """'LAW', 'ORG', or None when the span is not an organisation at all (a title, a fragment, a noun)."""
    words = name_part(span)
    if not len(words):
        return None
    doc = span.doc
    first, last = words[0], words[-1]
    body_first = first.lower_ in ORG_HEADS and len(words) > 2 and words[1].lower_ in ("of", "for")
    if not body_first and (
        last.lower_ in LAW_HEADS or (len(words) > 1 and words[-2].lower_ in LAW_HEADS and last.is_digit)
    ):
        return "LAW"  # but 'Office for Nuclear Regulation' is a body
    if first.lower_ in _STOPWORDS or last.lower_ in _STOPWORDS or not first.text[:1].isupper():
        return None  # a fragment cut at a connector, or a lower-case phrase
    if first.tag_ == "VBG":
        return None  # 'Assessing Fitness to Drive' is a guidance title
    if "\n" in core(span).text:
        return None  # a heading, or a span across paragraphs
    if len(words) == 1 and last.lower_ in GENERIC:
        return None
    before = doc[words.start - 1] if words.start else None
    article = words.start - 1
    while article > 0 and article > words.start - 3 and doc[article].is_title:
        article -= 1  # past 'Lifetime' in 'a Lifetime ISA'
    modifier = last.dep_ in ("compound", "amod", "nmod")  # 'a NASA T-shirt': the article is the shirt's
    if article >= 0 and doc[article].lower_ in ("a", "an") and last.lower_ not in ORG_HEADS and not modifier:
        return None  # 'a Lifetime ISA', 'an MBE': a kind of thing, not a body
    named_body = last.lower_ in ORG_HEADS or _ACRONYM.match(last.text) is not None
    if not named_body and _person_before_role(doc, span.end):
        return None  # 'Ahsan Iqbal the Federal Minister for Planning': a person the model took for a body
    if before is not None and before.lower_ in _TERM_WORDS and last.lower_ == "parliament":
        return None  # 'in this Parliament' is a term of office
    if core(span)[-1].lower_ in NOT_BODY_HEADS:
        return None  # "St Ursula's Day"
    generic_head = last.lower_ in GENERIC or (_singular(last) or "") in GENERIC
    if generic_head and all(w.lower_ in GENERIC_MODIFIERS for w in words[:-1]):
        return None  # 'Local Government', 'Combined Authority', 'Fire Services'
    if last.lower_ in NOT_BODY_HEADS and not body_first:
        return None  # 'Spending Review', 'Anti-Corruption Summit', 'Eland House'
    if last.is_digit and len(words) > 1 and words[-2].lower_ in NOT_BODY_HEADS:
        return None
    if _is_plural_common(last) and not any(w.lower_ in ORG_HEADS for w in words):
        return None  # 'Crown Dependencies', 'Building Regulations'
    if (_singular(first) or "") in ORG_HEADS or (
        _singular(last) is not None and before is not None and before.lower_ in _QUANTIFIERS
    ):
        return None  # 'Departments of State', 'our Crisis Centres'
    if last.tag_ == "JJ" and last.is_title:
        return None  # 'Commons Ministerial' [team]
    if first.lower_ in TITLE_HEADS or (last.lower_ in TITLE_HEADS and last.lower_ != "mp"):
        return None  # 'the Minister for Health', 'Foreign Secretary'
    if all(t.is_digit or t.is_punct for t in words):
        return None
    if _in_title(doc, words.start):
        return None
    follower = doc[span.end] if span.end < len(doc) else None
    if follower is not None and last.lower_ not in ORG_HEADS and not _ACRONYM.match(last.text):
        if follower.is_title and follower.lower_ in ROLE_WORDS:
            return None  # 'Home' in 'Home Secretary', 'Border Security' in 'Border Security Minister'
        if follower.is_lower and follower.lower_ in PROGRAMME_WORDS:
            return None  # 'the MentorSet scheme'
    if names_something_else(span):
        return None
    if [t.lower_ for t in doc[span.end : span.end + 3]] == ["of", "the", "year"]:
        return None  # 'Digital Public Service Innovation of the Year' [Award]
    if (
        len(words) == 1
        and not last.is_upper
        and follower is not None
        and follower.is_title
        and not follower.is_sent_start
    ):
        return None  # 'the Northern' [Ireland Executive], 'the Royal' [Commonwealth Pool]
    return "ORG"


def names_something_else(span: Span) -> bool:
    """'Commonwealth' in 'Commonwealth Games', 'EU' in 'EU Summit': the name goes on into an event's."""
    follower = span.doc[span.end] if span.end < len(span.doc) else None
    return follower is not None and follower.is_title and follower.lower_ in NOT_BODY_HEADS


def in_list_of_places(span: Span) -> bool:
    """'Inverness' in 'Cardiff, Aberdeen and Inverness': one word coordinated with places is a place."""
    if len(span) != 1:
        return False
    token = span[0]
    linked = [token.head] if token.dep_ == "conj" else []
    linked += [c for c in token.children if c.dep_ == "conj"]
    return any(t.ent_type_ in ("GPE", "LOC") for t in linked)


def _lower_case_words(doc: Doc) -> frozenset[str]:
    """Every word the document writes in lower case (cached on the Doc's user data)."""
    key = "presswatch_lower_words"
    if key not in doc.user_data:
        lower = [t for t in doc if t.is_lower and t.is_alpha]
        doc.user_data[key] = frozenset([t.text for t in lower] + [t.lemma_ for t in lower])
    found: frozenset[str] = doc.user_data[key]
    return found


def modifier_acronyms(doc: Doc, spans: list[Span]) -> frozenset[str]:
    """Acronyms the text uses mostly in front of a common noun ('STEM subjects', 'STEM initiatives'): a
    subject or a product, not a body (a body is mostly the subject or object of a verb)."""
    tagged = {core(s).text for s in spans if len(core(s)) == 1 and _ACRONYM.match(core(s).text)}
    uses: dict[str, list[bool]] = {}
    for token in doc:
        if token.text not in tagged:
            continue
        follower = doc[token.i + 1] if token.i + 1 < len(doc) else None
        modifies = follower is not None and follower.is_lower and follower.pos_ == "NOUN"
        uses.setdefault(token.text, []).append(modifies)
    acts = {t.text for t in doc if t.text in uses and t.dep_ == "nsubj"}  # 'FRANK provides advice'
    return frozenset(
        a for a, flags in uses.items() if len(flags) >= 3 and sum(flags) * 2 > len(flags) and a not in acts
    )


def common_acronyms(doc: Doc) -> frozenset[str]:
    """Acronyms the text defines as something other than a body: 'education services grant (ESG)',
    'Chief Medical Officer's (CMO)', 'Air Passenger Duty (APD)'."""
    found: set[str] = set()
    for token in doc:
        i = token.i
        if token.text != "(" or i < 1 or i + 2 >= len(doc) or not _ACRONYM.match(doc[i + 1].text):
            continue
        if doc[i + 2].text not in (")", "–", "-", ",", ";"):
            continue
        before = doc[i - 1]
        if before.text in ("'s", "’s") and i >= 2:
            before = doc[i - 2]
        if before.is_alpha and before.is_lower and before.lower_ not in _STOPWORDS:
            found.add(doc[i + 1].text)  # spelled out in lower case: a thing, not a body
        elif before.lower_ in ROLE_WORDS or before.lower_ in NOT_BODY_HEADS or before.lower_ in LAW_HEADS:
            found.add(doc[i + 1].text)
    return frozenset(found)


def spelled_out(doc: Doc, acronym: str) -> str | None:
    """The capitalised words of the text whose initials the acronym is, ending in an organisation word:
    'CDE' → 'Centre for Defence Enterprise' even where no bracket ties them."""
    letters = fold(acronym.replace("&", ""))
    for token in doc:
        if not token.is_title or fold(token.text[0]) != letters[0] or token.i + 1 >= len(doc):
            continue
        taken, end = 0, token.i
        while end < len(doc) and taken < len(letters):
            word = doc[end]
            if word.lower_ in _STOPWORDS and taken:
                end += 1
                continue
            if not (word.is_title or word.is_upper) or fold(word.text[0]) != letters[taken]:
                break
            taken += 1
            end += 1
        if taken == len(letters) and (doc[end - 1].lower_ in ORG_HEADS or taken >= 3):
            return doc[token.i : end].text
    return None


def acronyms(doc: Doc, orgs: list[tuple[Span, str]]) -> dict[str, str]:
    """Acronym → full name: 'European Political Community (EPC)', an acronym whose letters are the
    initials of exactly one organisation named in the document, or of capitalised words of the text."""
    found: dict[str, str] = {}
    for span, name in orgs:
        k = name_part(span).end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            acronym = doc[k + 1].text
            if _ACRONYM.match(acronym) and initials_match(acronym, name.split()):
                found.setdefault(acronym, name)
    names = {name for _, name in orgs}
    for name in names:
        if _ACRONYM.match(name) and name not in found:
            longer = {n for n in names if len(n.split()) > 1 and initials_match(name, n.split())}
            if len(longer) == 1:
                found[name] = longer.pop()
            elif not longer and (written := spelled_out(doc, name)) is not None:
                found[name] = written
    return found


def initials_match(acronym: str, words: list[str]) -> bool:
    letters = "".join(w[0] for w in words if w.lower() not in _STOPWORDS and w[:1].isalpha())
    return len(letters) >= 2 and fold(letters) == fold(acronym.replace("&", ""))
