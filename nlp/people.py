"""People: clean names, their roles, and one entity per person across a document's mentions.

The small English model tags names with their honorifics ("Sir Keir"), cuts names inside particles
("Ursula von der" + "Leyen"), and tags a surname alone as another person. Here each PERSON span is cleaned
(honorifics, post-nominals and leading titles come off; particles join the name; a name with particles the
model cut, tagged as a body or missed is found from the particles when the text makes it a person's, and a
later 'De Vries' or 'Van der Meer' is the same person), its role is read from the
title before it (with the words the parse hangs on it: 'Manchester City manager'), the apposition before or
after it, or 'as' after it, the fullest the text gives, and mentions are grouped: a shorter name whose words
all belong to one longer name in the document ("Keir", "Starmer", "Sir Keir") is that person. A role phrase on its own
("the prime minister") is a mention of the one person who holds that role in the document. A plural title
gives each name after it its role ("Presidents Sadat and Carter"), and a plural role after 'both' each name
listed before it ("Kevin King and Timothy Weeks, both professors at ...", the second name found so where
the model tagged it as a place or a date). Not people: a title alone ("Mr.
Speaker"), a name in a list the model tags mostly as bodies ("Kestrel Dynamics, Northwind Freight and Apex
Marine"), the title of a work or a vessel ("the film ..."), a place ("St Lucia", a country or region), a
name that ends as places' names do ("Sioux Falls"), unless the text says what the person is ("local resident
Peter Hall"). A lower-case agent noun before the name is a role ("cosplayer Jessica Anderson", "shop owner"; not kin), and
"local", like praise, is no part of one. Ranks open a role, not a name ("Lieutenant", "Sergeant Major", but not "John Major"), and a name after a
lower-case role and 'of' or 'at' is what the role is held in ("manager of Hamilton Wanderers"), not a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from nlp.cities import is_city
from nlp.doc_cache import cached_on_doc
from nlp.leaders import leaders_country
from presswatch.gazetteer import country, demonym, region

HONORIFICS = frozenset(
    "sir dame dr dr. mr mr. mrs mrs. ms ms. miss mx lord lady baroness baron rt rt. hon hon. honourable "
    "honorable right prof prof. professor rev rev. reverend the his her excellency sheikh madam madame shri smt "
    "prince princess h.e. "
    "shrimati alhaji alhaja ustad generalissimo datuk datin dato seri tun".split()
)
POSTNOMINALS = frozenset(
    "obe mbe cbe kbe dbe kcmg gcmg cmg kcb gcb cb kc qc mp mep msp ms am mla td frs phd".split()
)
PARTICLES = frozenset(
    "von van der den de da di du del della dela delos dos das le la bin binti bint ibn al el ter ten".split()
)
ROLE_WORDS = frozenset(
    """secretary minister president chancellor ambassador director chief commissioner spokesperson spokesman
    spokeswoman chair chairman chairwoman chairperson leader mayor governor envoy head officer mp commander
    general deputy prime premier king queen ceo executive founder manager adviser advisor mep
    senator congressman congresswoman representative judge justice attorney prosecutor chairman minister-president
    secretary-general commissioner-general undersecretary under-secretary emir sultan pope archbishop bishop
    admiral colonel captain coach spokesperson trustee superintendent inspector constable marshal
    vice-president treasurer registrar counsel rapporteur ombudsman sheriff
    doctor nurse surgeon physician gp economist scientist lawyer editor correspondent taoiseach tánaiste speaker whip
    tanaiste gov. sen. rep. gen. lt. col. capt. sgt. cllr amb. supt. insp. det. adm. maj. cpl.
    councillor councilor alderman detective sergeant analyst boss striker midfielder goalkeeper defender
    artist novelist playwright illustrator architect historian researcher campaigner activist lawmaker
    legislator diplomat negotiator entrepreneur investor pastor priest imam rabbi cardinal principal
    engineer technician teacher farmer paramedic firefighter pilot soldier musician singer actor actress
    writer author journalist reporter photographer biologist physicist chemist scholar magistrate coroner
    auditor comptroller fellow lecturer consultant strategist coordinator administrator curator dean
    lieutenant brigadier corporal commodore official advocate counselor counsellor""".split()
)
_BODY_WORDS = frozenset(
    "board council committee office service department agency group union team government ministry authority".split()
)
_CONNECTORS = frozenset({"for", "of", "and", "the", "to", "on", "&"})
_NOT_NAMES = frozenset({"i", "we", "he", "she", "they", "it", "you"})
# Verbs a headline in title case puts after a name ('President Trump Secures Historic Trade Deal', 'Secretary
# Rubio Announces New Sanctions'): never part of the name, which the model and the rules would carry on. Only
# verbs that are no plural noun of a name or a title ('States', 'Awards', 'Returns', 'Issues' are left out).
HEADLINE_VERBS = frozenset(
    """announces welcomes secures signs launches unveils meets visits says calls urges congratulates hosts
    pledges commits confirms appoints travels speaks celebrates reaffirms condemns approves boosts invests
    outlines introduces proclaims strengthens expands extends renews concludes completes attends addresses
    receives discusses agrees reaches seals strikes clinches finalises finalizes warns vows directs praises
    applauds commends hails responds joins opens ends cancels scraps suspends""".split()
)
_MALE = frozenset("sir mr mr. lord baron king prince sheikh".split())
_FEMALE = frozenset("dame mrs mrs. ms ms. miss lady baroness queen princess".split())
_LEADING_NOT_ROLE = frozenset({"our", "his", "her", "their", "its", "my", "your", "as"})
# 'the late Senator Vandenberg', 'the new Ambassador', 'the local MP': praise, time and place are no part of an
# office
_NOT_OF_ROLE = frozenset(
    "late great famous renowned legendary new celebrated acclaimed beloved distinguished eminent iconic local".split()
)


def _not_of_role(token: Token) -> bool:
    """A word of praise, time or place written as a plain word: in lower case, or first in its sentence before
    a lower-case word ('Local shop owner'), unlike 'New' in 'Air New Zealand' or 'New Zealand spokesperson'."""
    plain = token.is_lower or (
        bool(token.is_sent_start) and token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_lower
    )
    return plain and token.lower_ in _NOT_OF_ROLE


def _phrase(words: Sequence[Token]) -> str:
    """The words as the text writes them: 'Under-Secretary', not 'Under - Secretary'."""
    doc = words[0].doc
    return doc[words[0].i : words[-1].i + 1].text


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'Orban' finds 'Orbán' (the accented spelling is kept)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_honorific(token: Token) -> bool:
    """'Sir', 'Mr', 'Hon', 'the' written as part of a name's opening, which is no part of the name."""
    return token.lower_ in HONORIFICS and (token.is_title or token.is_upper or token.lower_ == "the")


def _is_postnominal(token: Token) -> bool:
    return (token.lower_ in POSTNOMINALS and token.is_upper) or token.text in ("'s", "’s", ",")


def _accented(text: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFKD", text) if unicodedata.combining(c))


@dataclass
class Person:
    """One person in one document: the fullest spelling of the name, and the first role the text gives."""

    name: str
    words: tuple[str, ...]
    role: str | None = None
    first: int = 0
    gender: str | None = None  # 'm' or 'f' where an honorific says so ('Sir', 'Mrs'), so 'he' finds him
    role_at: int = 0  # the token where the text gives the role


def _fuller(role: str | None, at: int, person: Person) -> bool:
    """Whether `role` (given at token `at`) is the person's role rather than the one they hold: of the roles
    the text gives, the fullest ('Secretary of State' over 'Secretary'), and of two as full, the first."""
    if role is None:
        return False
    if person.role is None:
        return True
    mine, theirs = len(role.split()), len(person.role.split())
    return mine > theirs or (mine == theirs and at < person.role_at)


@dataclass
class PersonMention:
    """A span of the text (token indices) that refers to a person."""

    start: int
    end: int
    person: Person
    as_role: bool = False


@dataclass
class People:
    """Every person of a document and every span that names or refers to one."""

    persons: list[Person] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)

    def at(self, start: int, end: int) -> PersonMention | None:
        """The mention overlapping tokens [start, end), if any (the last one if several)."""
        found = [m for m in self.mentions if m.start < end and m.end > start]
        return found[-1] if found else None

    def named(self, name: str) -> Person | None:
        """The one person whose name holds all the words of `name` ('Bishop', 'Chris Bishop'), if one."""
        words = set(_words(name))
        holders = [p for p in self.persons if words and words <= set(p.words)]
        return holders[0] if len(holders) == 1 else None

    def before(self, index: int, *, gender: str | None = None) -> PersonMention | None:
        """The last mention that ends at or before token `index` (of a person who may have that gender)."""
        found = [m for m in self.mentions if m.end <= index and may_be(m.person, gender)]
        return max(found, key=lambda m: m.end) if found else None


def may_be(person: Person, gender: str | None) -> bool:
    """Whether 'he' (gender 'm') or 'she' ('f') can stand for this person, as far as the text says."""
    return gender is None or person.gender is None or person.gender == gender


_MALE_ROLES = frozenset("spokesman chairman congressman king prince duke businessman".split())
_FEMALE_ROLES = frozenset("spokeswoman chairwoman congresswoman queen princess duchess businesswoman".split())


def _role_gender(role: str | None) -> str | None:
    """'spokeswoman', 'King': a few roles say whether 'he' or 'she' stands for their holder."""
    words = set(role.lower().split()) if role else set()
    return "m" if words & _MALE_ROLES else "f" if words & _FEMALE_ROLES else None


def _gender(tokens: Iterable[Token]) -> str | None:
    for token in tokens:
        if is_honorific(token) and token.lower_ in _MALE:
            return "m"
        if is_honorific(token) and token.lower_ in _FEMALE:
            return "f"
    return None


def extend_over_particles(doc: Doc, start: int, end: int) -> int:
    """The end of a name that the model cut inside 'von der ...', 'de ...', 'bin ...'."""
    i = end
    if i > start and doc[i - 1].lower_ in PARTICLES:
        i -= 1  # 'Ursula von der' ends on a particle: look past it
    j = i
    while j < len(doc) and doc[j].lower_ in PARTICLES and doc[j].is_lower:
        j += 1
    if j == i or j >= len(doc) or not doc[j].is_title:
        return end
    while j < len(doc) and doc[j].is_title and not doc[j].is_sent_start:
        j += 1
    return j


# Honorifics that open a name the model may not tag at all ('Dame Jane Doe DBE'); not 'the', 'his', 'right'.
_NAME_OPENERS = frozenset(
    "sir dame dr mr mrs ms miss lord lady baroness prof professor shri smt hon honourable honorable alhaji".split()
)


def _name_word(token: Token, *, at_start: bool = False) -> bool:
    """A word that can go on a name: capitalised, a proper noun, no title, body word or post-nominal
    ('Jiun' in 'Chia Der Jiun', "Ndung'u"), in no other entity; a sentence's first word only `at_start`."""
    return (
        token.text[:1].isupper()
        and not token.is_upper
        and token.tag_ == "NNP"
        and (at_start or not token.is_sent_start)
        and not token.ent_type_
        and token.lower_ not in ROLE_WORDS | _BODY_WORDS | HONORIFICS | HEADLINE_VERBS
    )


def extend_name(doc: Doc, start: int, end: int) -> int:
    """The end of a name the model cut short: over particles ('Ursula von der' + 'Leyen') and over up to two
    more name words ('Tan Kiat' + 'How', 'Njuguna' + "Ndung'u")."""
    end = extend_over_particles(doc, start, end)
    stop = min(len(doc), end + 2)
    while end < stop and _name_word(doc[end]):
        end += 1
    return end


def _ends_a_portfolio(doc: Doc, i: int) -> bool:
    """Whether the word at `i` ends an office's portfolio the model tagged as a body or a place ('Secretary of
    National [Defense] Gilberto Teodoro', 'Minister of External Affairs of [India] Subrahmanyam Jaishankar'),
    after which the next capitalised words are a name, not more of another name."""
    if doc[i].ent_type_ not in ("ORG", "GPE"):
        return False
    j = i - 1
    while j > max(0, i - 8) and (doc[j].is_title or doc[j].lower_ in _CONNECTORS):
        if doc[j].lower_ in ("of", "for") and doc[j - 1].lower_ in ROLE_WORDS and doc[j - 1].is_title:
            return True
        j -= 1
    return False


def name_start(doc: Doc, start: int, *, end: int | None = None) -> int:
    """The start of a name the model cut at its front: up to two name words before it ('Ana' + 'Paula
    Zacarias', 'Nusrat Fateh' + 'Ali Khan'), when what comes before them is no other capitalised word than a
    title or an honorific (else the words may be another name's), nor a connector ('for', 'of'). A sentence's
    first word alone before a name of two words is mostly what the person is ('Resident Tom Price')."""
    first = start
    while first > 0 and start - first < 2:
        before = doc[first - 1]
        if not _name_word(before, at_start=bool(before.is_sent_start)):
            break
        if before.is_sent_start and first == start and end is not None and end - start >= 2:
            return start
        first -= 1
        if before.is_sent_start:
            return first
    if first == start or first == 0:
        return first
    previous = doc[first - 1]
    if previous.text[:1].isupper() and not (
        is_honorific(previous) or previous.lower_ in ROLE_WORDS or _ends_a_portfolio(doc, first - 1)
    ):
        return start
    if previous.lower_ in _CONNECTORS:
        return start  # 'Minister for Border Security [Sarah Lind]': the words end a title
    return first


def titled_names(doc: Doc) -> list[Span]:
    """Names the model tagged as nothing, after an honorific ('Dame Jane Doe DBE') or a military rank with two
    names or more ('Field Marshal Syed Asim Munir'; one name after a rank may be a ship's, 'Admiral Kuznetsov');
    the rank is the role, no part of the name (PERSON spans)."""
    found: list[Span] = []
    for token in doc[:-1]:
        opener = token.lower_.rstrip(".")
        if opener not in _NAME_OPENERS | _RANKS or not token.is_title or token.ent_type_:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and _name_word(doc[end]):
            end += 1
        if opener in _RANKS and end - token.i >= 3:
            found.append(Span(doc, token.i + 1, end, label="PERSON"))
        elif opener not in _RANKS and end - token.i >= 2:
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found


# Ranks the model leaves untagged names after: 'Air Chief Marshal', 'Rear Admiral', 'Brigadier'.
_RANKS = frozenset("marshal admiral brigadier colonel commodore".split())


# Capitalised words after an office that name a body or a thing, not its holder ('Prime Minister Office').
_NOT_HOLDERS = frozenset(
    """office department ministry council committee service agency board commission house group team program
    programme fund bank award prize act bill report""".split()
)


# Offices a holder's surname follows as a title ('Senate Majority Leader Baker', 'Chairman Comer'); not words
# that also open a body's or another office's name ('Premier League', 'Chief Planner', 'General Secretariat').
_OFFICES_BEFORE_NAMES = frozenset(
    """leader speaker senator chairman chairwoman chair minister secretary president governor mayor justice
    judge treasurer ambassador commissioner representative congressman congresswoman whip""".split()
)


def names_after_titles(doc: Doc) -> list[Span]:
    """The surnames `_names_after_titles` finds, as PERSON spans."""
    return [Span(doc, i, i + 1, label="PERSON") for i in sorted(_names_after_titles(doc))]


@cached_on_doc
def _names_after_titles(doc: Doc) -> frozenset[int]:
    """A surname the model tags as nothing after a capitalised office, where the name ends the phrase: 'House
    Minority Leader [Jeffries].', 'Speaker of the House [O'Neill], Senate Majority Leader Baker' (an office 'of
    the' one word the model tags as a body). Not a word of a body's or a place's name ('Minister Office',
    'Governor Phillip Tower' goes on), nor a word the model tags as anything (token indices, once a document)."""
    found: list[int] = []
    for token in doc[1:]:
        i = token.i
        if token.ent_type_ or not token.is_title or token.pos_ != "PROPN" or token.lower_ in ROLE_WORDS:
            continue
        if token.tag_ == "NNPS" or plural_role(token):
            continue  # 'Their Executive Directors': an office in the plural, no name
        if token.lower_ in _NOT_HOLDERS or any(f(token.text) is not None for f in (country, demonym, region)):
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and not (after.text in (",", ".", ";") or after.is_lower):
            continue
        if after is not None and after.lower_ == "and" and i + 2 < len(doc) and doc[i + 2].is_title:
            continue  # 'Chief Fire and Rescue Adviser': the office goes on
        before = doc[i - 1]
        office = before.is_title and before.lower_ in _OFFICES_BEFORE_NAMES
        of_a_body = (
            i >= 4
            and before.ent_type_ == "ORG"
            and before.ent_iob_ == "B"
            and doc[i - 2].lower_ == "the"
            and doc[i - 3].lower_ == "of"
            and doc[i - 4].is_title
            and doc[i - 4].lower_ in _OFFICES_BEFORE_NAMES
        )
        if office or of_a_body:
            found.append(i)
    return frozenset(found)


def full_names_after_offices(doc: Doc) -> list[Span]:
    """Whole names the model tags as nothing after a capitalised office, where the name ends the phrase:
    'U.S. Secretary of State [Antony J. Blinken].', 'Governor [Kathy Hochul],' (two to four name words or
    initials; an office 'of' a body the model tags: 'Secretary of State' + the name). A single surname is
    `names_after_titles`'s (PERSON spans)."""
    found: list[Span] = []
    i = 1
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 4 and _untagged_name_word(doc[end]):
            end += 1
        if (
            end - i < 2
            or doc[i].text.endswith(".")
            or not _ends_phrase(doc, end)
            or not _after_office(doc, i)
        ):
            i = max(end, i + 1)
            continue
        found.append(Span(doc, i, end, label="PERSON"))
        i = end
    return found


def _untagged_name_word(token: Token) -> bool:
    """A capitalised proper noun or an initial ('J.') the model tags as nothing, no title or body word."""
    if token.ent_type_ or token.is_sent_start:
        return False
    if len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
        return True
    return (
        token.is_title
        and token.tag_ == "NNP"
        and token.lower_ not in ROLE_WORDS | _BODY_WORDS | _NOT_HOLDERS | HONORIFICS | HEADLINE_VERBS
        and not any(f(token.text) is not None for f in (country, demonym, region))
    )


def _ends_phrase(doc: Doc, end: int) -> bool:
    return end >= len(doc) or doc[end].text in (",", ".", ";", ":") or doc[end].is_lower


def _after_office(doc: Doc, i: int) -> bool:
    """Whether the words before `i` end an office: its capitalised word ('Governor'), or an office 'of' a body
    the model tags ('Secretary of [State]', 'Secretary of [the Treasury]')."""
    before = doc[i - 1]
    if before.is_title and before.lower_ in _OFFICES_BEFORE_NAMES:
        return True
    if before.ent_type_ not in ("ORG", "GPE") or (i < len(doc) and doc[i].ent_iob_ == "I"):
        return False
    start = before.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    k = start - 1 - (start >= 1 and doc[start - 1].lower_ == "the")
    return (
        k >= 1
        and doc[k].lower_ == "of"
        and doc[k - 1].is_title
        and doc[k - 1].lower_ in _OFFICES_BEFORE_NAMES
    )


def names_in_titles(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """Names the model took into a title it tagged as a body: 'Secretary of [State Dulles]', '[General
    Eisenhower]', when the document names the person so elsewhere ('Secretary Dulles has reported'). The
    name is the span's last words that the model tags as a person's elsewhere, after a role word in the
    span or after '<role> of' before it (PERSON spans)."""
    person_words = {fold(t.text) for e in spans if e.label_ == "PERSON" for t in e if t.is_title}
    found: list[Span] = []
    for span in spans:
        if span.label_ not in ("ORG", "GPE", "NORP", "FAC") or len(span) < 2:
            continue
        first = span.end
        while first > span.start and fold(doc[first - 1].text) in person_words:
            first -= 1
        if first in (span.start, span.end):
            continue
        before = doc[span.start - 2 : span.start] if span.start >= 2 else None
        titled = any(t.lower_ in ROLE_WORDS and t.is_title for t in doc[span.start : first]) or (
            before is not None and before[1].lower_ in ("of", "for") and before[0].lower_ in ROLE_WORDS
        )
        if titled:
            found.append(Span(doc, first, span.end, label="PERSON"))
    return found + _after_plural_titles(doc, spans) + _listed_before_shared_role(doc, spans)


def _listed_before_shared_role(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """'Kevin King and [Australian] [Timothy Weeks], both professors at ...': a name of two to four capitalised
    words listed after a person's before a role both hold, which the model tagged as a place or a date, or
    not at all (PERSON spans)."""
    people = {i for e in spans if e.label_ == "PERSON" for i in range(e.start, e.end)}
    found: list[Span] = []
    for span in spans:
        i = span.end
        if span.label_ != "PERSON" or i + 1 >= len(doc) or doc[i].lower_ != "and":
            continue
        first = i + 1 + _describes(doc[i + 1])
        end = first
        while end < len(doc) and end - first < 4 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if (
            end - first >= 2
            and shares_role_after(doc, end)
            and any(_plural_office(t) for t in doc[end + 2 : end + 4])
            and not any(k in people for k in range(first, end))
        ):
            found.append(Span(doc, first, end, label="PERSON"))
    return found


def _after_plural_titles(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """'Secretaries [Vance] and [Brown]': the names after a plural title, which the model often takes into
    a body's span with the title; names it tagged as people already are left to it (PERSON spans)."""
    people = {i for e in spans if e.label_ == "PERSON" for i in range(e.start, e.end)}
    found: list[Span] = []
    for token in doc:
        if not (token.is_title and plural_role(token)):
            continue
        i = token.i + 1
        names: list[Span] = []
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].pos_ == "PROPN":
                j += 1
            if j == i:
                break
            names.append(Span(doc, i, j, label="PERSON"))
            if j + 1 >= len(doc) or doc[j].lower_ not in ("and", ","):
                break
            i = j + 1
        if len(names) > 1:  # a plural title names several people ('Leaders Top 100' names none)
            found.extend(n for n in names if not any(k in people for k in range(n.start, n.end)))
    return found


# Capitalised words that say what a person belongs to, not who they are: 'Democrat Joe Manchin'.
_AFFILIATIONS = frozenset(
    "democrat republican labour tory conservative liberal catholic protestant muslim jewish".split()
)


def _describes(token: Token) -> bool:
    """'Scientologist' in 'Scientologist Tom Cruise', 'Nigerian' in 'Nigerian Olusegun Obasanjo': a demonym,
    an adherent ('-ist') or a party before a name is no part of it."""
    word = token.lower_
    return token.is_title and (
        word in _AFFILIATIONS or word.endswith("ist") or demonym(token.text) is not None
    )


def _opener(doc: Doc, i: int, end: int) -> bool:
    """'Hosting' in 'Hosting Tim Cook', 'Defenseman' in 'Defenseman Jonas Brodin': a sentence's first word,
    capitalised only for being first, that the model took into the name after it (two name words remain)."""
    token = doc[i]
    return (
        bool(token.is_sent_start)
        and i < end - 2
        and token.lower_ not in PARTICLES  # 'Van der Meer leads'
        and doc[i + 1].lower_ not in PARTICLES  # 'Pieter van den Broek': a first name
        and (token.tag_ not in ("NNP", "NNPS") or token.lower_ in _lower_words(doc))
    )


@cached_on_doc
def _lower_words(doc: Doc) -> frozenset[str]:
    return frozenset(t.lower_ for t in doc if t.is_lower and t.is_alpha)


def clean_name(doc: Doc, start: int, end: int) -> tuple[int, int, str | None]:
    """Token bounds of the bare name inside a PERSON span, and a title found at its front.

    'Prime Minister Sir Keir Starmer MP' → the bounds of 'Keir Starmer' and 'Prime Minister'.
    """
    role_end = start
    for i in range(start, end):
        after_title = start > 0 and doc[start - 1].is_title and _title_word(doc[start - 1])
        titled = is_honorific(doc[start]) or after_title  # 'Hon Chris Bishop', 'Minister [Bishop]'
        surname = i == end - 1 and (titled or (i > start and not _title_word(doc[i - 1])))  # 'Chris Bishop'
        if (
            (doc[i].lower_ in ROLE_WORDS or plural_role(doc[i]) or _major(doc, i))
            and doc[i].is_title
            and not surname
        ):
            role_end = i + 1
    role_start = start
    while (
        role_end > start
        and role_start > 0
        and doc[role_start - 1].is_title
        and doc[role_start - 1].dep_ in ("compound", "amod")
        and start <= doc[role_start - 1].head.i < end
    ):
        role_start -= 1  # 'Prime [Ministers Churchill]': the model left the title's first word out
    role = singular_role(doc[role_start:role_end].text) if role_end > start else None
    if role is not None and doc[start].lower_ in ("the", "a"):
        role = doc[start + 1 : role_end].text or None
    i = role_end
    while i < end and (
        is_honorific(doc[i])
        or doc[i].is_punct
        or (i < end - 2 and _describes(doc[i]))
        or _opener(doc, i, end)
    ):
        i += 1
    j = end
    headline = next(
        (k for k in range(i + 1, end) if doc[k].is_title and doc[k].lower_ in HEADLINE_VERBS), end
    )
    j = headline  # 'Trump Secures': the name ends where a headline's verb starts
    owned = next((k for k in range(i + 1, j - 1) if doc[k].text in ("'s", "’s")), j)
    j = owned  # "Jeff Bezos's Blue Origin": what the person owns is no part of the name
    while j > i and (_is_postnominal(doc[j - 1]) or doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    if j - i >= 3 and _opens_a_description(doc, j - 1):
        j -= 1  # 'Name Current role Spencer Webster Barrister and ...': a table's row read as one line
    return i, j, role


# Occupations a table of appointees writes in capitals right after a name ('Spencer Webster Barrister and chief
# executive of ...', 'Charlotte von Dadelszen Partner in Buddle Findlay'), none a common surname.
_OCCUPATIONS = frozenset(
    "partner barrister solicitor lawyer director chair chairperson consultant accountant engineer adviser advisor".split()
)


def _opens_a_description(doc: Doc, last: int) -> bool:
    """The last word the model gave a name of three words or more is the first of what the person is: an
    occupation before 'in', 'at', 'of', 'and' or a comma, or a capitalised word before a lower-case office
    ('Pat Dougherty Chartered member of Engineering NZ')."""
    if last + 1 >= len(doc) or not doc[last].is_title:
        return False
    after = doc[last + 1]
    if doc[last].lower_ in _OCCUPATIONS:
        return after.lower_ in ("in", "at", "of", "and", ",")
    return after.is_lower and after.lower_ in ROLE_WORDS | _KIN and doc[last].lower_ not in ROLE_WORDS


def _major(doc: Doc, i: int) -> bool:
    """'Major' of a rank ('Sergeant Major', 'Major General'), which a surname alone is not ('John Major')."""
    return doc[i].lower_ == "major" and (
        (i > 0 and doc[i - 1].lower_ in ROLE_WORDS) or (i + 1 < len(doc) and doc[i + 1].lower_ in ROLE_WORDS)
    )


def _title_word(token: Token) -> bool:
    """A word of a title or an honorific, which a name's last word follows only when it is a surname."""
    return token.lower_ in ROLE_WORDS or is_honorific(token) or token.lower_ in _CONNECTORS


def is_plausible_name(tokens: Span) -> bool:
    """Words a person's name can be: capitalised words and particles, no digits, not an acronym alone; a
    particle opens a name only before a capitalised word ('de Gaulle', 'von der Leyen')."""
    if not len(tokens) or (tokens[0].lower_ in PARTICLES and not tokens[-1].is_title):
        return False
    if len(tokens) == 1 and (tokens[0].is_upper or tokens[0].lower_ in _NOT_NAMES or len(tokens[0]) < 2):
        return False
    return all(
        (t.text[:1].isupper() and not any(c.isdigit() for c in t.text))
        or t.lower_ in PARTICLES
        or t.text in ("-", "'", "’")
        or (t.i > tokens.start and joins(t.nbor(-1)) and t.is_alpha)  # 'Chou En-lai'
        for t in tokens
    )


def _title_taken_for_a_name(token: Token) -> bool:
    """'[Counselor] of the Department of State Derek Chollet': an office's capitalised word the model tagged as
    a person's name, alone, which the office before a name still holds."""
    return (
        token.ent_type_ == "PERSON"
        and token.ent_iob_ == "B"
        and token.is_title
        and token.lower_ in ROLE_WORDS
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    )


def role_before(doc: Doc, start: int) -> str | None:
    """'Home Secretary' in 'Home Secretary Yvette Cooper', 'Prime Minister' in 'Prime Minister Sir Keir'."""
    if start >= 2 and doc[start - 2].lower_ == "crown" and doc[start - 1].lower_ in ("prince", "princess"):
        return doc[start - 2 : start].text  # an heir's office, unlike a title of royalty alone
    i = start - 1
    while i >= 0 and is_honorific(doc[i]):
        i -= 1
    if i >= 2 and doc[i].lower_ in _TITLES_BEFORE_NAMES and doc[i].is_title and _portfolio_comma(doc, i - 1):
        i -= 1  # 'The Minister of Budget and Economic Planning, [Senator] Abubakar Bagudu': a title, the office before
    if i >= 1 and doc[i].text == "," and doc[i - 1].is_title:
        i -= 1  # 'Malaysia's Prime Minister, Najib Razak'
    words: list[Token] = []
    while (
        i >= 0
        and (not doc[i].is_punct or joins(doc[i]) or _portfolio_comma(doc, i))
        and (
            doc[i].ent_type_ not in ("PERSON", "DATE", "CARDINAL")
            or _title_taken_for_a_name(doc[i])
            or _place_cut_off(doc, i, start)
        )
    ):
        token = doc[i]
        if token.text == "," and any(w.lower_ in ROLE_WORDS for w in words):
            break  # 'Speaker of the House O'Neill, [Senate Majority Leader] Baker': the office is whole already
        if i > 1 and joins(doc[i - 1]):  # 'President-elect', 'co-founder', 'Vice-Premier': one word
            words[:0] = doc[i - 2 : i + 1]
            if doc[i - 2].is_sent_start:
                break
            i -= 3
            continue
        if not (
            token.is_title
            or token.is_upper
            or camel_case(token)
            or token.lower_ in _CONNECTORS
            or "-" in token.text
            or token.text == ","  # a portfolio's, as the loop lets through
        ):
            break
        words.insert(0, token)
        if token.is_sent_start:
            break
        i -= 1
    while words and (
        words[0].lower_ in _CONNECTORS
        or words[0].text == ","
        or words[0].lower_ in _LEADING_NOT_ROLE
        or is_honorific(words[0])
        or (words[0].is_stop and words[0].pos_ in ("ADV", "SCONJ", "ADP", "DET", "PRON", "CCONJ"))  # 'When'
    ):
        words.pop(0)
    words = _lower_case_modifiers(doc, words, start) + words
    if not words:
        if i >= 1 and doc[i].text == "," and doc[i - 1].is_lower:
            i -= 1  # "the county's chief nurse, Jo Bell"
        return (
            _lower_case_role_before(doc, i if i >= 0 and doc[i].is_lower else -1, start)
            or _apposed_to(doc, start)
            or _listed_after_plural_role(doc, start)
        )
    if words[-1].lower_ in _CONNECTORS:
        return None  # 'Prime Minister of Norway and Tom Vale': the title is the other person's
    words = _after_possessive(words, within=len(words))
    joined = [k for k, w in enumerate(words) if w.lower_ in ("and", "&")]
    if joined and any(w.lower_ in ROLE_WORDS for w in words[joined[-1] :]):
        before, after = words[: joined[-1]], words[joined[-1] + 1 :]
        if not before or not (before[-1].lower_ in ROLE_WORDS or _one_office(before, after)):
            words = after  # 'Nehru of India and [President] Tito', 'President Buhari and'
    roles = [k for k, w in enumerate(words) if w.lower_ in ROLE_WORDS or (w.is_title and plural_role(w))]
    if not roles:  # 'The mayor of Lyon, Grégory Doucet', 'two professors at Kabul University, Kevin King'
        return _apposed_to(doc, start) or _listed_after_plural_role(doc, start)
    last = roles[-1]
    while last + 2 < len(words) and joins(words[last + 1]):
        last += 2  # 'Secretary-General', 'President-elect'
    if last + 1 < len(words) and words[last + 1].lower_ not in ("for", "of", "to"):
        words = words[: last + 1]  # 'Minister for Border Security' goes on; 'Minister Keir' does not
    return singular_role(_phrase(words))


def _place_cut_off(doc: Doc, i: int, start: int) -> bool:
    """'the Premier of [Victoria John Brumby]': the word after an office's 'of' that the model read as the
    name's first word, cut off it, is the office's place ('Premier of Victoria'), not another person's name."""
    return (
        2 <= i < start
        and doc[i].ent_type_ == "PERSON"
        and all(t.ent_iob_ == "I" for t in doc[i + 1 : start + 1])
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_ in ROLE_WORDS
    )


# Offices also written as a title before a name ('Senator Abubakar Bagudu', 'General Christopher Musa').
_TITLES_BEFORE_NAMES = frozenset("senator general ambassador chief governor commander justice judge".split())


def _portfolio_comma(doc: Doc, i: int) -> bool:
    """The comma of a portfolio's list: 'Minister of Forestry[,] Fisheries and the Environment', between
    capitalised words after an office's 'of' or 'for' in the same phrase."""
    if doc[i].text != "," or i < 2 or i + 1 >= len(doc) or not (doc[i - 1].is_title and doc[i + 1].is_title):
        return False
    for j in range(i - 1, max(0, i - 8), -1):
        if (
            doc[j].is_punct
            or not (doc[j].is_title or doc[j].lower_ in _CONNECTORS)
            or doc[j].ent_type_ == "PERSON"
        ):
            return False  # a person's name ends a list of titled names, no portfolio ('Manalo, Secretary of ...')
        if doc[j].lower_ in ("for", "of") and doc[j - 1].lower_ in ROLE_WORDS:
            return True
    return False


def _one_office(before: list[Token], after: list[Token]) -> bool:
    """Whether the words on both sides of 'and' in a title are one person's: 'Foreign and Commonwealth
    Affairs Minister', 'Trade and Investment Minister' (the parse hangs the first words on the title after 'and'),
    'Minister of Finance and Coordinating Minister of the Economy' (two offices, each with its portfolio, held
    together)."""
    last = before[-1]
    if (
        last.head in after
        and (
            last.dep_ in ("amod", "compound")
            or (last.dep_ == "nmod" and not last.ent_type_)
            or (
                last.dep_ == "nmod"
                and last.ent_type_ == "ORG"
                and after[0].is_title
                and not after[0].ent_type_
            )
        )
    ):  # 'Commerce and Industry Minister' ('Commerce' tagged a body); not 'between Trump and Chinese vice-premier
        # Liu He' (nor '[Trump] and US Trade Representative', 'Trump' tagged a body too)
        return True
    return _with_portfolio(before) and _with_portfolio(after)


def _with_portfolio(words: list[Token]) -> bool:
    """'Minister of Justice', 'Attorney-General of the Federation': an office and the 'of' or 'for' of its
    portfolio; not of a place ('Prime Minister of Canada and Premier of Ontario Doug Ford' are two people)."""
    for k, w in enumerate(words[:-1]):
        if w.lower_ in ROLE_WORDS and w.is_title and words[k + 1].lower_ in ("for", "of"):
            held = words[0].doc[words[k + 1].i + 1 : words[-1].i + 1].text
            held = held.removeprefix("the ")
            return country(held) is None and region(held) is None and not is_city(held)
    return False


def camel_case(token: Token) -> bool:
    """'WikiLeaks', 'OpenAI', 'PwC': a body's name in mixed case, which opens a role as a title-case word does
    ('WikiLeaks co-founder')."""
    text = token.text
    return text[:1].isupper() and any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def plural_role(token: Token) -> bool:
    """'Presidents' in 'Presidents Sadat and Carter', 'Secretaries' in 'Secretaries Vance and Brown'."""
    word = token.lower_
    return (word.endswith("ies") and word[:-3] + "y" in ROLE_WORDS) or (
        word.endswith("s") and word[:-1] in ROLE_WORDS
    )


def singular_role(role: str) -> str:
    """The office each of the people after a plural title holds: 'Prime Ministers' → 'Prime Minister'."""
    words = role.split(" ")
    last = words[-1]
    if (
        last.lower() not in ROLE_WORDS
        and last.lower().endswith("ies")
        and last.lower()[:-3] + "y" in ROLE_WORDS
    ):
        words[-1] = last[:-3] + "y"
    elif last.lower() not in ROLE_WORDS and last.lower().endswith("s") and last.lower()[:-1] in ROLE_WORDS:
        words[-1] = last[:-1]
    return " ".join(words)


def _lower_case_modifiers(doc: Doc, words: list[Token], start: int) -> list[Token]:
    """'former' in 'former Liberal Democrat leader', 'opposition' in 'opposition Labour party leader': up to
    two lower-case words the parse hangs on the title or the name, right before a capitalised title."""
    if not words:
        return []
    found: list[Token] = []
    i = words[0].i - 1
    while (
        i >= 0
        and len(found) < 2
        and doc[i].is_lower
        and doc[i].pos_ in ("ADJ", "NOUN")
        and doc[i].dep_ in ("amod", "compound", "nmod")
        and words[0].i <= doc[i].head.i <= start + 3
        and doc[i].lower_ not in _NOT_OF_ROLE
    ):
        found.insert(0, doc[i])
        i -= 1
    joined = i >= 1 and doc[i].lower_ == "and" and doc[i - 1].is_lower and doc[i - 1].lower_ in ROLE_WORDS
    if not found and not (joined and _owned(doc, i - 1)):
        return found  # 'the prime minister and President Tito': two people's offices, no body owning both
    if joined:
        found[:0] = doc[i - 1 : i + 1]  # 'WeWork founder and former CEO': two offices the person holds
        i -= 2
    named = 0
    while (
        i >= 0
        and named < 3
        and doc[i].text[:1].isupper()
        and doc[i].dep_ in ("compound", "amod", "nmod")
        and i < doc[i].head.i <= start + 3
        and doc[i].ent_type_ != "PERSON"
    ):
        found.insert(0, doc[i])  # 'Civil Defense Authority director General': the body the office is of
        named += 1
        i -= 1
    return found


def _owned(doc: Doc, office: int) -> bool:
    """'Salesforce founder' in 'Salesforce founder and co-CEO Marc Benioff': a capitalised name the parse hangs
    on a lower-case office, the body whose offices the person holds both of."""
    owner = doc[office - 1] if office >= 1 else None
    return (
        owner is not None
        and owner.text[:1].isupper()
        and owner.dep_ in ("compound", "nmod")
        and owner.head.i == office
        and owner.ent_type_ != "PERSON"
    )


def _after_possessive(words: list[Token], *, within: int) -> list[Token]:
    """The words after the last possessive among the first `within`: "CDE's Technology Manager" →
    'Technology Manager' (the body owns the role; it is not part of it)."""
    possessive = [k for k, w in enumerate(words[:within]) if w.text in ("'s", "’s") or w.tag_ == "POS"]
    return words[possessive[-1] + 1 :] if possessive else words


def _lower_case_role_before(doc: Doc, last: int, start: int) -> str | None:
    """'crime prevention minister' in 'the crime prevention minister Ann Lee': news writes such titles in
    lower case; the nouns that end on a role word, up to the word before the name."""
    if last < 0 or not all(is_honorific(t) or t.text == "," for t in doc[last + 1 : start]):
        return None
    if not (doc[last].lower_ in ROLE_WORDS or _agent_noun(doc[last], start)) or doc[last].pos_ not in (
        "NOUN",
        "PROPN",
    ):
        return None
    first = last
    while (
        last - first < 2  # 'crime prevention minister'; a longer run is mostly a body's name cut in two
        and first - 1 >= 0
        and doc[first - 1].is_lower
        and doc[first - 1].pos_ in ("NOUN", "ADJ", "PROPN")
    ):
        first -= 1
    if (
        first >= 2
        and doc[first - 1].lower_ == "and"
        and doc[first - 2].is_lower
        and doc[first - 2].lower_ in ROLE_WORDS
        and _owned(doc, first - 2)
    ):
        first -= 2  # 'Brightwave founder and chief executive': two offices of the body named before them
    named = first
    while (
        named - 1 >= 0
        and first - named < 4
        and (doc[named - 1].text[:1].isupper() or doc[named - 1].is_lower)
        and doc[named - 1].dep_ in ("compound", "amod", "nmod")
        and named - 1 < doc[named - 1].head.i <= start + 3
        and doc[named - 1].ent_type_ != "PERSON"
        and not _not_of_role(doc[named - 1])
    ):
        named -= 1  # 'Manchester City manager', 'former Liberal Democrat leader': what the parse hangs on it
    if named >= 2 and joins(doc[named - 1]) and demonym(doc[named - 2].text) and demonym(doc[named].text):
        named -= 2  # 'Hungarian-American investor': two nationalities the hyphen joins, one word as written
    if named < first and doc[named].lower_ in _LEADING_NOT_ROLE | {"the", "a", "an"}:
        named = first
    if _describes_before(doc, named):
        return None
    return doc[named : last + 1].text


_KIN = frozenset("father mother brother sister daughter grandfather grandmother partner member user".split())


def _agent_noun(token: Token, start: int) -> bool:
    """'cosplayer' in 'cosplayer Jessica Anderson', 'shop owner' in 'shop owner Dev Patel': a lower-case noun
    for what someone does ('-er', '-or', '-ist', '-ian'), written as the name's modifier; not kin."""
    return (
        token.is_lower
        and token.dep_ == "compound"
        and token.head.i >= start
        and len(token) > 4
        and token.lower_.endswith(("er", "or", "ist", "ian"))
        and token.lower_ not in _KIN
    )


def _describes_before(doc: Doc, first: int) -> bool:
    """'Adam Smith the great economist, David Ricardo': a phrase right after another name is that
    person's description, not the next name's role."""
    opening = first - 1 if first > 0 and doc[first - 1].lower_ in ("the", "a", "an") else first
    return opening > 0 and doc[opening - 1].ent_type_ == "PERSON"


def joins(token: Token) -> bool:
    """A hyphen written inside a word ('Secretary-General'), which the tokenizer splits off."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def in_apposition_to_role(span: Span) -> bool:
    """'director of public prosecutions, [Eva-Marie Persson],': a span the parse makes the apposition of a
    role noun before it and a comma."""
    return _apposed_to(span.doc, span.start) is not None


def _apposed_to(doc: Doc, start: int) -> str | None:
    """'mayor of Lyon' in 'The mayor of Lyon, Grégory Doucet, opened ...': a role noun phrase the parse
    makes the name an apposition of, written before it and a comma."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    for token in doc[start : min(start + 4, len(doc))]:
        head = token.head
        for _ in range(2):  # the parse hangs it on the role's complement: 'mayor of [Lyon], Grégory Doucet'
            if head.lower_ not in ROLE_WORDS and head.dep_ in ("pobj", "prep"):
                head = head.head.head if head.dep_ == "pobj" else head.head
        if token.dep_ != "appos" or head.i >= start - 1 or head.lower_ not in ROLE_WORDS:
            continue
        if _describes_before(doc, head.left_edge.i):
            return None
        words = [t for t in doc[head.left_edge.i : start - 1] if not t.is_space]
        words = _after_possessive(words, within=len(words))
        while words and (words[0].dep_ in ("det", "poss") or words[0].lower_ in _LEADING_NOT_ROLE):
            words.pop(0)
        return _phrase(words) if words and head in words else None
    return None


def _listed_after_plural_role(doc: Doc, start: int) -> str | None:
    """'professors at the University of Nairobi' for each of 'Two professors at the University of Nairobi,
    Grace Wanjiru and Peter Otieno': names listed after a plural role and a comma, which the parse joins to
    the role noun (the first) and to each other (the rest), each hold the role as written."""
    for token in doc[start : min(start + 4, len(doc))]:
        if token.dep_ not in ("conj", "appos"):
            continue
        head = token.head
        while head.dep_ in ("conj", "appos") and head.pos_ == "PROPN" and head.head.i < head.i:
            head = head.head
        if head.i >= start or head.tag_ != "NNS" or not _plural_office(head):
            return None  # 'professors' is a role when plural, a title before one name ('Professor Lee')
        if not any(c.dep_ == "prep" for c in head.children):
            return None  # 'the two leaders, Kim and Moon', 'Three senators, ...': which office, the text does not say
        comma = next((t for t in doc[head.i : start] if t.text == ","), None)
        if comma is None:
            return None
        words = [t for t in doc[head.left_edge.i : comma.i] if not t.is_space]
        while words and words[0].dep_ in ("det", "poss", "nummod"):
            words.pop(0)
        return _phrase(words) if words and words[0].i <= head.i else None
    return None


def _title_after(doc: Doc, end: int) -> str | None:
    """'Prime Minister of Canada' in a signature block, 'Anna Berg MP Prime Minister of Canada': a title
    written straight after the name (and its post-nominals), capitalised, on the same line."""
    i = end
    while i < len(doc) and doc[i].lower_ in POSTNOMINALS and doc[i].is_upper:
        i += 1
    words: list[Token] = []
    while i < len(doc) and len(words) < 12 and not doc[i].is_sent_start and not doc[i].is_space:
        token = doc[i]
        if not (token.is_title or token.lower_ in _CONNECTORS) or token.ent_type_ == "PERSON":
            break
        words.append(token)
        i += 1
    while words and words[-1].lower_ in _CONNECTORS:
        words.pop()
    if not words or not words[0].is_title or not any(w.lower_ in ROLE_WORDS for w in words[:3]):
        return None
    return _phrase(words)


def role_after(doc: Doc, end: int) -> str | None:
    """'the Home Secretary' in 'Yvette Cooper, the Home Secretary, said', 'spokesman for the military'."""
    if end >= len(doc):
        return None
    described = False
    if doc[end].text in (",", "(", "–", "—"):
        i = end + 1
    elif doc[end].lemma_ == "be" and end + 1 < len(doc) and doc[end + 1].lower_ == "the":
        i = end + 1  # 'Ann Lee is the finance director at ...'
    elif doc[end].lower_ == "as" and end + 1 < len(doc) and doc[end + 1].is_title:
        i = end + 1  # 'I have named Mr. Averell Harriman as Ambassador to Moscow'
    elif doc[end].lower_ == "the" and _the_role_after(doc, end):
        i = end + 1  # 'Jane Austen the great novelist', 'Ahsan Iqbal the Federal Minister for Planning'
    elif described := _opens_a_description(doc, end):
        i = end  # 'Spencer Webster [Barrister and chief executive of ...]': a table's row
    else:
        return _title_after(doc, end)
    while i < len(doc) and (doc[i].lower_ in {"the", "a", "an"} | _LEADING_NOT_ROLE or _not_of_role(doc[i])):
        i += 1
    shared = doc[end].text == "," and i < len(doc) and doc[i].lower_ in _EACH
    i += shared  # 'A and B, both professors at the University of Nairobi': each holds it, as written
    words: list[Token] = []
    while i < len(doc) and len(words) < 16:
        token = doc[i]
        joined = i > 0 and joins(doc[i - 1])  # 'London-based'
        if (token.is_punct and token.text not in ("-", "'s", "’s") and token.tag_ != "POS") or (
            token.pos_ in ("VERB", "AUX") and not joined and token.dep_ not in ("amod", "compound")
        ):
            break  # a verb ends the role; a participle in it does not ('the start-up Farmlink')
        if token.lower_ in _CLAUSE_OPENERS or token.is_sent_start or token.is_space:
            break  # 'a nurse at Kano Hospital where the first patients were admitted': a clause, no office
        if token.lower_ == "and" and any(w.lower_ in ROLE_WORDS for w in words) and i + 1 < len(doc):
            following = doc[i + 1]
            if following.pos_ in ("DET", "PRON") or following.ent_type_ == "PERSON":
                break  # 'Chair of the Board and an expert on ...', '... at RWM and Kinna Kintrea'
        words.append(token)
        i += 1
    while words and (words[-1].lower_ in _CONNECTORS or words[-1].pos_ == "ADP"):
        words.pop()
    words = _after_possessive(words, within=4)
    named = [
        k
        for k, w in enumerate(words)
        if (
            w.ent_type_ == "PERSON"
            and not (_after_role_of(doc, _ent_start(w)) or _seat(words, k))
            and not (described and w.i == end)  # the occupation the model read as the name's last word
        )
        or w.i in _names_after_titles(doc)  # 'Speaker of the House [Dick]'
    ]
    if named and (named[0] == 0 or words[named[0] - 1].lower_ in ROLE_WORDS or _title_of(words[: named[0]])):
        return None  # 'Angel Catbird, with illustrator Johnnie Christmas': the title is the next name's
    if named:
        words = words[: named[0]]  # '..., chief executive of the website Full Fact': no name in a role
        while words and (words[-1].lower_ in _CONNECTORS or words[-1].pos_ in ("ADP", "DET")):
            words.pop()
    head = [
        w
        for w in words[:5]
        if w.lower_ in ROLE_WORDS
        or (shared and _plural_office(w))
        or (w.lower_ == "professor" and w.is_lower)
    ]  # 'professor of economics at ...' in lower case is an office, not an honorific before a name
    head = head or _office_after_body_name(words)
    if (not head and not described) or words[0].pos_ in ("ADP", "CCONJ"):
        return None  # ', and its manager, Ian Holt': the next name's role, not this one's
    if doc[end].text == "," and any(
        w.dep_ in ("nsubj", "nsubjpass") and w.head.i > words[-1].i for w in head
    ):
        return None  # 'a meeting with George VI, the Prime Minister found ...': the next clause's subject
    return _phrase(words)


def _office_after_body_name(words: list[Token]) -> list[Token]:
    """'White House Gender Policy Council Director': an office's capitalised word after a body's name of more
    words than a role's opening usually has, every word before it capitalised (up to eight words in all)."""
    for k, word in enumerate(words[:8]):
        if not (word.is_title or word.is_upper):
            return []
        if k >= 5 and word.lower_ in ROLE_WORDS and word.is_title:
            return [word]
    return []


_EACH = frozenset({"both", "all"})
# Words that open a relative clause or a reporting verb after a role: the role ends before them.
_CLAUSE_OPENERS = frozenset("who whom whose which that where when said says".split())


def _title_of(words: list[Token]) -> bool:
    """'Speaker of the House' in 'Thune, Speaker of the House Johnson': a capitalised office that runs into the
    next name is that name's title, as 'Senate Majority Leader' before 'Thune' is his; not 'chief executive
    of the website' before a name the model took for a person's."""
    return (
        bool(words)
        and words[-1].is_title
        and any(w.lower_ in ROLE_WORDS and w.is_title for w in words)
        and all(w.is_title or w.lower_ in _CONNECTORS for w in words)
    )


def _plural_office(token: Token) -> bool:
    """'professors', 'lecturers': a role or a title in the plural."""
    return plural_role(token) or (token.tag_ == "NNS" and token.lemma_.lower() in HONORIFICS)


def shares_role_after(doc: Doc, end: int) -> bool:
    """', both professors at ...' after a name: the role is also each name's listed before it."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _EACH


def _the_role_after(doc: Doc, the: int) -> bool:
    """'the' after a name opens its role when a role word follows within three words and the parse does
    not make that word a subject ('told Smith the minister would resign' names no role of Smith's)."""
    for token in doc[the + 1 : min(the + 4, len(doc))]:
        if token.lower_ in ROLE_WORDS:
            return token.dep_ not in ("nsubj", "nsubjpass")
        if token.is_punct:
            return False
    return False


@dataclass
class _Named:
    start: int
    end: int
    text: str
    role: str | None
    titled: bool = False  # written with an honorific ('Lady Hale', 'Mr Buhari')
    gender: str | None = None
    shared: bool = False  # its title is plural and goes on to the next name ('Presidents Sadat and Carter')


def _person_spans(doc: Doc, spans: Iterable[Span]) -> list[_Named]:
    named: list[_Named] = []
    for span in sorted(spans, key=lambda s: s.start):
        end = extend_name(doc, span.start, span.end)
        first = name_start(doc, span.start, end=span.end) if span.label_ == "PERSON" else span.start
        start, stop, prefix_role = clean_name(doc, first, end)
        if start >= stop or not is_plausible_name(doc[start:stop]):
            continue
        if _names_a_thing(doc[start:stop]) and not _described_person(doc, start, prefix_role):
            continue
        if _after_role_of(doc, start):
            continue  # 'manager of [Hamilton Wanderers]': the body the person works for
        if _names_a_work(doc, start) or _names_a_place(doc[start:stop]) or _names_a_group(doc, start, stop):
            continue
        after = stop if stop < end and _opens_a_description(doc, stop) else end  # the row's description
        found = [r for r in (prefix_role or role_before(doc, start), role_after(doc, after)) if r]
        role = max(found, key=lambda r: len(r.split())) if found else None  # the fullest, the first of two
        if role is None and span.label_ == "PERSON" and in_list_of_bodies(doc[start:stop]):
            continue
        titled = any(
            is_honorific(t) for t in doc[max(span.start, start - 2) : start] if t.lower_ != "the"
        ) or (
            start > 0
            and doc[start - 1].is_title
            and is_honorific(doc[start - 1])
            and doc[start - 1].lower_ != "the"
        )
        gender = _gender(doc[max(0, min(span.start, start - 2)) : start]) or _role_gender(role)
        shared = any(plural_role(t) and t.is_title for t in doc[max(0, start - 3) : start])
        if role is None and named and named[-1].shared and _joined(doc, named[-1].end, start):
            role, shared = named[-1].role, True  # 'Presidents Sadat and [Carter]'
        if role is not None and shares_role_after(doc, end):
            _share_back(doc, named, start, role)
        named.append(
            _Named(
                start=start,
                end=stop,
                text=doc[start:stop].text,
                role=role,
                titled=titled,
                gender=gender,
                shared=shared and role is not None,
            )
        )
    return named


def _share_back(doc: Doc, named: list[_Named], start: int, role: str) -> None:
    """'[Kevin King] and Australian Timothy Weeks, both professors at ...': the names listed before the one
    the shared role follows, with nothing but 'and', commas and what they are between them, hold it too."""
    for before in reversed(named):
        between = doc[before.end : start]
        if (
            before.role is not None
            or len(between) > 3
            or not all(t.lower_ in ("and", ",") or _describes(t) for t in between)
        ):
            return
        before.role, start = role, before.start


def _joined(doc: Doc, end: int, start: int) -> bool:
    """Whether only 'and' or a comma stands between two names."""
    return 0 < start - end <= 2 and all(t.lower_ in ("and", ",") for t in doc[end:start])


# Nouns after which a name is the title of a work or the name of a vessel: 'the film Mashujaa Wetu',
# 'her graphic novel Angel Catbird', 'the ship Queen Mary'.
_WORKS = frozenset(
    """novel book film movie documentary album song single play opera musical series sitcom app game
    painting poem sculpture ship vessel yacht frigate destroyer submarine locomotive racehorse""".split()
)
# First words of the names of places: 'St Helena', 'Mount Kenya', 'Fort Worth', 'Cape Verde'.
_PLACE_OPENERS = frozenset("st st. mount mt mt. fort cape lake".split())


def _names_a_work(doc: Doc, start: int) -> bool:
    """A name written right after a lower-case noun for a work or a vessel names that work."""
    return start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in _WORKS


def _names_a_place(tokens: Span) -> bool:
    """'St Lucia', 'Mount Kenya', 'Sindh', 'Bermuda': a name that opens as places do, or that the
    gazetteer knows as a country or a region."""
    if len(tokens) > 1 and tokens[0].lower_ in _PLACE_OPENERS:
        return True
    return country(tokens.text) is not None or region(tokens.text) is not None


# Words that open the name of an iwi or a hapū (Māori tribes: 'Ngāti Whātua', 'Ngāi Tahu') or of a group or
# body with the plural article ('Ngā Pōtiki'), never a person's; and the particles that join the words of a Māori
# name ('Te Korowai o Wainuiārua', 'Ngā Pōtiki ā Tamapahore Trust', 'Uenuku ki Manganui'). Source: Te Aka Māori
# Dictionary (maoridictionary.co.nz), entries 'ngāti', 'ngāi', 'ngā', 'o', 'ā', 'ki'. The particles count only
# in lower case, as Māori names write them ('Ban Ki-moon' is no Māori name).
MAORI_GROUP_OPENERS = frozenset("ngāti ngati ngāi ngā".split())
MAORI_PARTICLES = frozenset("o ā ki".split())


def _names_a_group(doc: Doc, start: int, stop: int) -> bool:
    """'Ngāi Tahu', 'Ngā Pōtiki', or the end of 'Te Korowai o [Wainuiārua]' the model cut off: an iwi's or a
    Māori body's name, which New Zealand's releases write often and the model reads as a person's."""
    if doc[start].lower_ in MAORI_GROUP_OPENERS:
        return True
    if any(t.text in MAORI_PARTICLES for t in doc[start + 1 : stop - 1]):
        return True
    return start > 1 and doc[start - 1].text in MAORI_PARTICLES and doc[start - 2].is_title


def in_list_of_bodies(span: Span) -> bool:
    """'Blue Harbor Logistics, Kestrel Dynamics, Northwind Freight and Apex Marine': a name in a list whose
    other members the model tags as bodies more often than as people is a body's name."""
    others = [t for t in span.root.conjuncts if not span.start <= t.i < span.end]
    bodies = sum(1 for t in others if t.ent_type_ == "ORG")
    persons = sum(1 for t in others if t.ent_type_ == "PERSON")
    return bodies >= 2 and bodies > persons


# Last words of the names of events, places and things, which no person's name ends with; and of laws,
# plans and administrations named after a person ('the Vandenberg Resolution', 'the Bush Administration').
_THING_HEADS = frozenset(
    """cup trophy award prize festival games championship series show expo park street road avenue bridge
    river lake island falls bay valley hall centre center stadium arena north south east west central
    resolution doctrine plan act amendment treaty pact accord agreement reservation report programme program
    scheme rule fund protocol declaration initiative administration foundation""".split()
)


def _ent_start(token: Token) -> int:
    """The first token of the entity the token is in."""
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _after_role_of(doc: Doc, start: int) -> bool:
    """'manager of [Hamilton Wanderers]', 'a researcher at [the Grattan Institute]': a name after a role
    written in lower case and 'of' or 'at' names what the role is held in, not a person."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return (
        i >= 1 and doc[i].lower_ in ("of", "at") and doc[i - 1].is_lower and doc[i - 1].lower_ in ROLE_WORDS
    )


def _seat(words: list[Token], k: int) -> bool:
    """'MP for [Rotherham]', 'Senator for [Queensland]': a place the model tagged as a person, right after an
    office and its 'for' or 'of', is the seat the office is held for."""
    word = words[k]
    return (
        k >= 2
        and words[k - 1].lower_ in ("for", "of")
        and words[k - 2].lower_ in ROLE_WORDS
        and (is_city(word.text) or region(word.text) is not None or country(word.text) is not None)
    )


def _described_person(doc: Doc, start: int, role: str | None) -> bool:
    """'local resident Peter Hall', 'Minister Ann Park': a name the text gives a role or a lower-case noun
    for what someone is (a surname may be a word that ends places' names)."""
    if role is not None or role_before(doc, start) is not None:
        return True
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.is_lower and before.pos_ == "NOUN" and before.dep_ == "compound"


def _names_a_thing(tokens: Span) -> bool:
    """'Prison Governors', 'Supervisory Boards': a plural (as the model tags it, or of a role or a body word,
    which it often tags as a singular name) is no person's name."""
    last = tokens[-1]
    if len(tokens) > 1 and last.is_title and last.lower_ in _THING_HEADS:
        return True  # 'Davis Cup', 'Yobe North', 'Sioux Falls': an event's or a place's name
    if len(tokens) < 2 or not last.lower_.endswith("s"):
        return False
    plural = last.tag_ == "NNS" or (last.tag_ == "NNPS" and last.ent_type_ != "PERSON")  # not 'Guterres'
    return plural or last.lower_[:-1] in ROLE_WORDS | _BODY_WORDS


# Words after which a name with a particle names a body, a building or a prize, not a person: 'the Van Gogh
# Museum', 'Banco de la Nación', 'Al Yamamah Palace'.
_NOT_PERSON_WORDS = frozenset(
    """museum gallery palace airport port hospital mosque church cathedral library university college school
    institute bank company corporation foundation trust prize medal hotel tower square station
    instituto universidad universidade università banco museo casa colegio ciudad puerto ministerio palacio
    palais banque conseil""".split()
)
_NOT_PERSON_HEADS = _THING_HEADS | _BODY_WORDS | _NOT_PERSON_WORDS
# Verbs whose subject speaks, which people do and bodies mostly do through someone: 'Ludwig van der Meer told'.
_SPEAKING = frozenset("say tell add announce warn state note explain insist argue stress urge".split())
_PARTICLE_NAME = "presswatch_people_particle_names"


def _is_name_part(token: Token) -> bool:
    """A capitalised word a name with particles can hold: 'Vries', 'María'; no title, honorific or body."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not (token.is_upper and len(token) > 1)
        and token.lower_ not in ROLE_WORDS | HONORIFICS | _NOT_PERSON_HEADS | PARTICLES
        and not token.ent_id_  # a country or an international body the gazetteer knows
    )


def _particle_runs(doc: Doc) -> list[tuple[int, int, bool]]:
    """Every stretch of name words joined by particles: 'Jan de Vries', 'Ana María de la Cruz', 'Abdullah bin
    Zayed Al Nahyan' (full: a name word before the first particle), and 'De Vries', 'Van der Meer', 'de la
    Cruz said' (a tail: the particle opens it), as (start, end, full). One pass over the particles only."""
    runs: list[tuple[int, int, bool]] = []
    lowered = [t.lower_ for t in doc]
    i = 0
    while i < len(doc):
        if lowered[i] not in PARTICLES or (runs and i < runs[-1][1]):
            i += 1
            continue
        end = i
        while end < len(doc) and (lowered[end] in PARTICLES or _is_name_part(doc[end])):
            if end > i and doc[end].is_sent_start:
                break
            end += 1
        while end > i and lowered[end - 1] in PARTICLES:
            end -= 1
        if end == i or end - i > 6 or (end < len(doc) and doc[end].lower_ in _NOT_PERSON_HEADS):
            i = max(end, i + 1)
            continue
        start = i
        while (
            start > 0
            and i - start < 3
            and not doc[start].is_sent_start
            and _is_name_part(doc[start - 1])
            and (doc[start - 1].is_title or doc[start - 1].pos_ == "PROPN")
        ):
            start -= 1
        previous = doc[start - 1] if start else None
        if (
            i - start >= 2
            and previous is not None
            and (
                previous.lower_ in _CONNECTORS
                or (previous.is_title and not (is_honorific(previous) or previous.lower_ in ROLE_WORDS))
            )
        ):
            start += 1  # 'Minister of Finance [Vincent Van Peteghem]': the word after 'of' ends the title
        runs.append((start, end, start < i))
        i = end
    return runs


def _speaks(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is the subject of a speech verb ('Ludwig van der Meer told reporters')."""
    head = doc[end - 1]
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in _SPEAKING


def particle_names(doc: Doc) -> list[Span]:
    """Names with particles the model cut, tagged as a body or a place, or missed ('Jan de Vries' with 'De
    Vries' tagged ORG, 'Pieter van den' + 'Broek'), when the text makes the full name a person's: a role
    beside it, an honorific or a title before it, a speech verb it is the subject of, the model's PERSON
    tag on a word of it, or a later mention by its tail ('De Vries', 'Van der Meer'). A tail is the same
    person, never a second one or a body; a tail with no full name ('De Beers said', 'Al Jazeera') is left
    to the model (PERSON spans)."""
    if _PARTICLE_NAME in doc.user_data:
        bounds: tuple[tuple[int, int], ...] = doc.user_data[_PARTICLE_NAME]
        return [Span(doc, start, end, label="PERSON") for start, end in bounds]
    runs = _particle_runs(doc)
    tails = [_words(doc[s:e].text) for s, e, full in runs if not full]
    persons: list[Span] = []
    for start, end, full in runs:
        if not full or doc[start].lower_ in _NOT_PERSON_HEADS:  # 'Instituto de Salud', 'Banco de Bogotá'
            continue
        words = _words(doc[start:end].text)
        before = doc[start - 1] if start else None
        if (
            any(t.ent_type_ == "PERSON" for t in doc[start:end])
            or (before is not None and is_honorific(before) and before.lower_ != "the")
            or role_before(doc, start) is not None
            or any(
                t.ent_type_ == "PERSON" for t in doc[end - 1].conjuncts
            )  # 'Ana de la Torre and Luis Vidal'
            or role_after(doc, end) is not None
            or _speaks(doc, start, end)
            or any(tail and set(tail) <= set(words) for tail in tails)
        ):
            persons.append(Span(doc, start, end, label="PERSON"))
    known = [set(_words(p.text)) for p in persons]
    for start, end, full in runs:
        tail = set(_words(doc[start:end].text))
        if not full and tail and any(tail <= words for words in known):
            persons.append(Span(doc, start, end, label="PERSON"))
    doc.user_data[_PARTICLE_NAME] = tuple((p.start, p.end) for p in persons)
    return persons


def _with_particle_names(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """The spans with names with particles in place of the spans they overlap, and two PERSON spans the
    model wrote side by side joined ('Shri Anil' + 'Kumar Sharma' is one name)."""
    found = particle_names(doc)
    kept = [s for s in spans if not any(p.start < s.end and s.start < p.end for p in found)]
    joined: list[Span] = []
    for span in sorted(kept, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label_ == span.label_ == "PERSON"
            and last.end == span.start
            and not doc[span.start].is_sent_start
        ):
            joined[-1] = Span(doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return sorted(joined + found, key=lambda s: s.start)


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in text.replace("-", " ").split() if w.lower() not in PARTICLES)


def resolve_people(doc: Doc, spans: Sequence[Span]) -> People:
    """Group the PERSON spans of a document into people, then add role-phrase mentions."""
    named = _person_spans(doc, _with_particle_names(doc, spans))
    people = People()
    by_words: dict[tuple[str, ...], Person] = {}
    # Fullest names first, so that a shorter name can join the person it belongs to.
    for item in sorted(named, key=lambda n: (-len(_words(n.text)), n.start)):
        words = _words(item.text)
        if not words:
            continue
        person = by_words.get(words) or _containing(people.persons, words, item.start)
        if person is None:
            person = Person(
                name=item.text,
                words=words,
                role=item.role,
                first=item.start,
                gender=item.gender,
                role_at=item.start,
            )
            people.persons.append(person)
        elif len(words) == len(person.words) and _accented(item.text) > _accented(person.name):
            person.name = item.text
        by_words.setdefault(words, person)
        if _fuller(item.role, item.start, person):
            person.role, person.role_at = item.role, item.start
        person.first = min(person.first, item.start)
        person.gender = person.gender or item.gender
        people.mentions.append(PersonMention(start=item.start, end=item.end, person=person))
    _drop_lone_words(doc, people, named)
    _drop_names_in_marks(doc, people)
    _roles_named_later(doc, people)
    people.mentions.extend(_role_mentions(doc, people))
    people.mentions.sort(key=lambda m: m.start)
    return people


def _roles_named_later(doc: Doc, people: People) -> None:
    """'Rachel Reeves visited Leeds. The Chancellor said ...': a capitalised title as the subject of the
    sentence that names a person without a role, or of the next one, is that person's role, when no other
    person of the document holds it and no other person is named in between."""
    held = {p.role.lower() for p in people.persons if p.role}
    i = 0
    while i < len(doc) - 1:
        if doc[i].lower_ != "the" or not doc[i + 1].is_title:
            i += 1
            continue
        j = i + 1
        while (
            j < len(doc) and (doc[j].is_title or doc[j].lower_ in ("of", "for")) and not doc[j].is_sent_start
        ):
            j += 1
        while j > i + 1 and doc[j - 1].lower_ in ("of", "for"):
            j -= 1
        title = doc[i + 1 : j]
        i = j
        if not any(t.lower_ in ROLE_WORDS for t in title) or title.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if title.text.lower() in held or people.at(title.start, title.end) is not None:
            continue
        if j < len(doc) and doc[j].pos_ == "PROPN":
            continue  # a title in front of a name
        previous = people.before(title.start)
        if previous is None or previous.person.role is not None:
            continue
        if doc[previous.end - 1].dep_ not in ("nsubj", "nsubjpass"):
            continue  # 'after a meeting with George VI, the Prime Minister found': someone else
        sentences = {doc[previous.start].sent.start, title.sent.start}
        if len(sentences) > 1 and doc[previous.start].sent.end != title.sent.start:
            continue
        previous.person.role = title.text
        held.add(title.text.lower())


def _drop_lone_words(doc: Doc, people: People, named: list[_Named]) -> None:
    """A single word that no fuller name of the document holds, that has no honorific and no role, is
    rarely a person in a press release ('Glasgow', 'Download', 'Abellio'): such a person is dropped, unless
    the text names them so again and again ('Hitler' in a history). A title alone ('Mr. Speaker') is
    dropped whatever goes with it, unless a title is written before it ('Minister Bishop')."""
    kept_starts = {n.start for n in named if n.titled or n.role}
    counts: dict[str, int] = {}
    for n in named:
        counts[fold(n.text)] = counts.get(fold(n.text), 0) + 1
    kept_starts |= {n.start for n in named if counts[fold(n.text)] >= 3}
    # "Putin's war", 'the Kremlin and Lukashenko': a leader the leaders' table lists by surname alone (no other
    # leader bears it) is the person wherever the model tags the word as one; not a name that modifies a noun
    # ('the Nixon administration', a government named by its leader)
    kept_starts |= {
        n.start
        for n in named
        if n.end - n.start == 1 and doc[n.start].dep_ != "compound" and leaders_country(n.text.strip())
    }
    lone = {
        id(p)
        for p in people.persons
        if len(p.words) == 1
        and (
            (p.words[0] in ROLE_WORDS and not _after_title(doc, people, p))  # 'Mr. Speaker': a title alone
            or not any(m.start in kept_starts for m in people.mentions if m.person is p)
        )
    }
    if lone:
        people.persons = [p for p in people.persons if id(p) not in lone]
        people.mentions = [m for m in people.mentions if id(m.person) not in lone]


_IN_MARKS = re.compile(r"[‘“\"]([A-Z][^‘’“”\"\n]{1,60}?)[’”\"]")


def _drop_names_in_marks(doc: Doc, people: People) -> None:
    """ "the start-up is called 'Oxy Pure'": a name the text writes alone inside quotation marks names a
    thing (a person's nickname sits inside the name: Dwayne 'The Rock' Johnson)."""
    marked = {fold(found) for found in _IN_MARKS.findall(doc.text)}
    if marked & {fold(p.name) for p in people.persons}:
        dropped = {id(p) for p in people.persons if fold(p.name) in marked}
        people.persons = [p for p in people.persons if id(p) not in dropped]
        people.mentions = [m for m in people.mentions if id(m.person) not in dropped]


def _after_title(doc: Doc, people: People, person: Person) -> bool:
    """Whether a mention of the person follows a title ('Minister [Bishop]')."""
    return any(
        m.start > 0 and doc[m.start - 1].is_title and doc[m.start - 1].lower_ in ROLE_WORDS
        for m in people.mentions
        if m.person is person
    )


def _containing(persons: list[Person], words: tuple[str, ...], at: int) -> Person | None:
    """The one person whose name holds all these words ('Starmer' → Keir Starmer); the nearest before `at`
    when several do, none when the words are not part of any longer name."""
    holders = [p for p in persons if len(p.words) > len(words) and set(words) <= set(p.words)]
    if len(holders) <= 1:
        return holders[0] if holders else None
    earlier = [p for p in holders if p.first <= at]
    if earlier:
        return max(earlier, key=lambda p: p.first)
    return min(holders, key=lambda p: p.first)  # a surname in a headline, before any full name


def _role_heads(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Shorter ways a text names the same office: 'the president' for the 'Afghan President', 'the
    Minister' and 'the Union Minister' for the 'Union Minister for Health and Family Welfare'."""
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "to", "at")), len(words))
    office = words[:cut]
    heads: set[tuple[str, ...]] = set()
    if office and office[-1] in ROLE_WORDS:
        heads |= {office, office[-1:]}
    heads.discard(words)
    return heads


def _role_mentions(doc: Doc, people: People) -> list[PersonMention]:
    """'the prime minister' where exactly one person of the document is the Prime Minister, or where of
    the holders of an office the text names shortly ('the Minister'), one only was named before."""
    holders: dict[tuple[str, ...], list[Person]] = {}
    heads: dict[tuple[str, ...], list[Person]] = {}  # 'the president' for the 'Afghan President'
    for person in people.persons:
        if person.role:
            words = tuple(person.role.lower().split())
            holders.setdefault(words, []).append(person)
            for head in _role_heads(words):
                heads.setdefault(head, []).append(person)
    for head, persons in heads.items():
        holders.setdefault(head, persons)
    found: list[PersonMention] = []
    taken = {i for m in people.mentions for i in range(m.start, m.end)}
    lowered = [t.lower_ for t in doc]
    after_the = [i + 1 for i, word in enumerate(lowered[:-1]) if word == "the"]
    for words, persons in holders.items():
        if len(words) < 2 and words[0] in ("chief", "head", "officer", "deputy"):
            continue
        n = len(words)
        for i in after_the:
            if tuple(lowered[i : i + n]) != words:
                continue
            after = doc[i + n] if i + n < len(doc) else None
            if after is not None and (
                (after.is_title and after.pos_ == "PROPN") or after.lower_ in ("of", "for")
            ):
                continue  # a title in front of a name, or a longer title
            if any(k in taken for k in range(i - 1, i + n)) or (i >= 2 and doc[i - 2].lower_ in ROLE_WORDS):
                continue
            named_before = [p for p in persons if p.first < i - 1]
            if len(persons) == 1 or len(named_before) == 1:
                person = persons[0] if len(persons) == 1 else named_before[0]
                found.append(PersonMention(start=i - 1, end=i + n, person=person, as_role=True))
    return found
