"""Organisations the small model labels as something else or misses, found from the words around a name.

News names a company or a club without saying what it is, and the model calls it a place ('Gazprom'), a
person ('Penguin Random House') or nothing ('Tesla'). The text says it is a body where a name has a
spokesperson, a chief executive, shares or staff ('Tesla chief executive Elon Musk', "BASF's chief
financial officer", 'a spokeswoman for Auckland Transport'), where a kind of organisation follows it
('al-Ikhbariya television', 'the ZANU-PF party'), where a country's name opens a name ending in an
organisation word ('Pakistan' + 'Cricket Board', 'Qatar' + 'Airways'), or where an appositive says so
('Halvorsen, a Norwegian shipping company'), or where it is listed with organisations only ('Ubisoft,
Nintendo and Activision'). What a name does says so too: a verb only a body does ('Reddit banned'), a body a
person joins or works for ('works for Facebook'), a source ('according to Joy Sports'), an online service's
account ('the Twitter account'); and a 'person' with a relative 'which' or shares is none ('Johnson Controls,
which'), in every mention the text writes so. So do a side of a score ('beating Manchester City 1-0'), a
plural name in a text that speaks of 'the team', 'the band' or 'the party' ('the Golden State Warriors'), the
other side of a club's win by a margin ('Collingwood beat the Brisbane Lions by 12 points'), a product's maker
('developed by Valve'), a subject 'X for Y' that speaks ('Transport for Greater Manchester said') and untagged
capitalised words ending in a body's word ('at Kenyatta National Hospital').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from nlp.cities import is_city
from nlp.doc_cache import cached_on_doc
from nlp.leaders import leaders_country, titled_leaders_country
from nlp.organisations.lexicon import (
    BODY_VERBS,
    CALENDAR_WORDS,
    COMPANY_HEADS,
    CORPORATE_ROLES,
    DEALING_NOUNS,
    JOINED_VERBS,
    KIND_NOUNS,
    LAW_HEADS,
    MEDIA_NOUNS,
    NOT_BODIES,
    NOT_BODY_HEADS,
    ONLINE_NOUNS,
    ORG_HEADS,
    ORG_ROLES,
    POSTING_VERBS,
    PRESS_HEADS,
    STATE_MODIFIERS,
    WORK_VERBS,
)
from nlp.organisations.rules import CONTEXT_KEY, first_conjunct, lower_case_words, outlet_name
from nlp.people import ROLE_WORDS
from presswatch.gazetteer import country, demonym, region

# Labels whose spans a context may make an organisation's: the model's guesses for a company's name.
_RELABELLED = frozenset({"", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "ORG", "EVENT"})
# Words after a role that make it a role of a body: 'spokeswoman for', 'shares of', 'chief executive of'.
_OF = frozenset({"of", "for", "in", "at"})
# Words in front of a country's name that open a body's name: 'Radio New Zealand', 'Air Canada'.
_OPENERS = frozenset({"radio", "air"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Lower-case words between a body's name and its people's role: 'Munster head coach'.
_ROLE_MODIFIERS = frozenset({"head", "assistant", "interim", "former", "deputy", "senior"})


@cached_on_doc
def lone_names(doc: Doc) -> frozenset[int]:
    """Token indices of the names the model took for people that no person of the text is: one word no
    person of the text bears ('Munster', 'Ajax', 'Dell': a person in news is named in full before the surname
    alone), a singular name with a plural verb ('Manchester United have sacked', 'Leinster are'), which
    a club or a company takes and no person, a name a relative 'which' follows ('Johnson Controls, which
    supplies'), whose shares or staff the text names ('shares of Eaton Vance'), whose head it names ('Virgin
    Money chief executive David Duffy') or that an appositive calls a kind of body ('Walton Harris, a law
    firm'); and every other mention
    the text writes as one of those (cached on the Doc's user data)."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    words = {t.lower_ for e in people if len(e) > 1 for t in e}
    lone = [
        e
        for e in people
        if (
            (len(e) == 1 and e[0].lower_ not in words)
            or _collective_subject(e.root)
            or _no_person(e)
            or e.root in _opponents(e.root.head)  # 'Gor Mahia beat AFC Leopards 2-1'
        )
        and not (e.start and _titled(e.doc[e.start - 1]))
    ]
    texts = {e.text for e in lone}
    return frozenset(t.i for e in people if e.text in texts for t in e)


# A company's holders and staff: a name with them ('Eaton Vance shares', 'shares of Eaton Vance') is no person's.
_HOLDINGS = frozenset("shares shareholders stock employees".split())


def _no_person(ent: Span) -> bool:
    """'Johnson Controls, which supplies', 'shares of Eaton Vance', 'Eaton Vance employees': a relative 'which'
    (a person takes 'who') or a company's shares or staff after the name or before its 'of' or 'in'."""
    doc = ent.doc
    if any(
        c.dep_ == "relcl" and any(g.lower_ == "which" and g.i < c.i for g in c.children)
        for c in ent.root.children
    ):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in _HOLDINGS:
        return True
    if ent.start > 1 and doc[ent.start - 1].lower_ in ("of", "in") and doc[ent.start - 2].lower_ in _HOLDINGS:
        return True
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "dobj" and (_lists_kinds(first.head) or _lists_dealers(first.head)):
        return True  # 'Sponsoring firms include Virgin Money', "The festival's sponsors include Virgin Money"
    if any(c.dep_ == "appos" and c.is_lower and c.lemma_ in KIND_NOUNS for c in ent.root.children):
        return True  # 'Walton Harris, a law firm in Leeds' (not 'Jane Roe, a company director')
    return _heads_a_person(ent)


# A company's heads, whose holder a name before them and a person's name after them say whose they are.
_LEADERS = frozenset("chief ceo cfo coo chairman chairwoman chair founder co-founder cofounder boss".split())


def _heads_a_person(ent: Span) -> bool:
    """'Virgin Money chief executive David Duffy', "Cox Automotive's chairman, Alex Taylor": a name before a
    company's head and the person who is it; not a person's name whose surname the text writes alone
    elsewhere ('Donald Trump' + 'chief of staff' where 'Trump said')."""
    doc = ent.doc
    i = ent.end + (ent.end < len(doc) and doc[ent.end].text in ("'s", "’s"))
    if i >= len(doc) or doc[i].lower_ not in _LEADERS or not (doc[i].is_lower or doc[i].is_upper):
        return False
    i += 1
    while i < len(doc) and i - ent.end < 5 and doc[i].is_lower and doc[i].ent_type_ != "PERSON":
        i += 1  # 'chief executive', 'chief financial officer'
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
        return False
    last = ent[-1].lower_
    return not any(e.label_ == "PERSON" and e.text != ent.text and e[-1].lower_ == last for e in doc.ents)


def _lists_dealers(verb: Token) -> bool:
    """ "The festival's sponsors include", 'Its clients included': those a body deals with as the subject of
    'include'."""
    return verb.lemma_ == "include" and any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lower_ in DEALING_NOUNS for c in verb.children
    )


def _lists_kinds(verb: Token) -> bool:
    """'Other firms that have cut staff include', 'Charities taking part included': a plural noun for a kind
    of organisation as the subject of 'include'."""
    return verb.lemma_ == "include" and any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lemma_ in KIND_NOUNS and c.is_lower for c in verb.children
    )


_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof professor".split())


def _titled(before: Token) -> bool:
    """'Mr', 'Dr.', 'General' (of 'General Torrijos has pledged'): a title makes the name after it a person's."""
    return before.lower_.rstrip(".") in _HONORIFICS or (before.is_title and before.lower_ in ROLE_WORDS)


def _collective_subject(root: Token) -> bool:
    """'[Manchester United] have sacked', '[Leinster] are top': a singular proper noun, in no coordination,
    the subject of a plural present verb ('have', 'are', 'were')."""
    if root.dep_ != "nsubj" or root.tag_ != "NNP" or root.dep_ == "conj":
        return False
    if any(c.dep_ == "conj" for c in root.children):
        return False
    verb = root.head
    plural = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBP" or t.lower_ == "were" for t in plural)


def _name_token(token: Token, *, loose: bool = False) -> bool:
    """A word of a proper name: a proper noun written with a capital or in capitals, or another capitalised
    word inside a sentence the text never writes in lower case; with `loose`, also at a sentence's start
    ('Tesla' read as an adjective in 'Tesla chief executive', where a company's role follows). No role."""
    text = token.text
    capital = text[:1].isupper() or text[:1].isdigit() or (token.pos_ == "PROPN" and not text.islower())
    if not capital or token.lower_ in ROLE_WORDS:
        return False  # but 'al-Ikhbariya', 'eBay'
    if (
        token.ent_type_ not in _RELABELLED
        and not (token.ent_type_ == "ORDINAL" and token.is_title)
        and not (token.i in lone_names(token.doc) and token.lower_ not in lower_case_words(token.doc))
    ):
        return False  # 'First' of 'First MTR' is a name's word; 'Ajax' of 'Ajax coach' (no person's) too
    if token.pos_ == "PROPN":
        return True
    before = token.doc[token.i - 1] if token.i else None
    opening = before is None or token.is_sent_start or before.is_left_punct or before.is_quote
    if token.pos_ not in ("ADJ", "NOUN", "X"):
        return False
    if not opening:
        return True  # 'First' of 'First MTR'
    return loose and token.lower_ not in lower_case_words(
        token.doc
    )  # not 'Aviation analysts', 'Central banks'


def _place_or_people(span: Span) -> bool:
    """A country, a region or a people ('US', 'Wall Street', 'Chinese') is no body whatever its context."""
    text = span.text
    lone = lone_names(span.doc)
    return _known_place_or_people(text) or any(
        t.ent_type_ == "NORP" or (t.ent_type_ == "PERSON" and t.i not in lone) for t in span
    )


def _name_before(doc: Doc, end: int, *, loose: bool = False) -> Span | None:
    """The proper name that ends at `end` (up to four words back), if any."""
    start = end
    while start > 0 and end - start < 4 and _name_token(doc[start - 1], loose=loose):
        start -= 1
    if start == end:
        return None
    span = doc[start:end]
    return None if _place_or_people(span) else span


def _name_after(doc: Doc, start: int, *, links: tuple[str, ...] = ("of", "and", "&")) -> Span | None:
    """The proper name that starts at `start` (after an optional 'the'), up to five words, over `links`."""
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while (
        end < len(doc)
        and end - start < 5
        and (
            _name_token(doc[end])
            or (end > start and doc[end].lower_ in links and end + 1 < len(doc) and _name_token(doc[end + 1]))
        )
    ):
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    return None if _place_or_people(span) else span


def _role_at(doc: Doc, i: int) -> int:
    """How many words of a body's role start at `i` ('chief executive', 'spokesman', 'shares'), or 0."""
    token = doc[i]
    if token.text in ("CEO", "CFO", "COO"):
        return 1
    if not (token.is_lower or (token.is_sent_start and token.is_title)):
        return 0  # but 'Shares in Rio Tinto' opening a sentence
    if token.lower_ == "chief":
        return 2 if i + 1 < len(doc) and doc[i + 1].is_lower else 0  # 'chief executive', 'chief financial'
    return 1 if token.lower_ in ORG_ROLES else 0


def _corporate(token: Token) -> bool:
    return token.lower_ in CORPORATE_ROLES or token.text in ("CEO", "CFO", "COO")


def _by_roles(doc: Doc) -> list[Span]:
    """'Tesla chief executive Elon Musk', "BASF's chief financial officer", 'Tesla shares', 'a spokeswoman for
    Auckland Transport', 'shares of Halvorsen Shipping'; a name the model took for a place only with a
    company's role ('Gazprom shares', not 'Moscow officials')."""
    found: list[Span] = []
    for token in doc:
        i = token.i
        size = _role_at(doc, i)
        if not size:
            continue
        places = _corporate(token)
        end = i - 1 if i > 0 and doc[i - 1].text in ("'s", "’s") else i
        if end > 0 and doc[end - 1].lower_ in _ROLE_MODIFIERS:
            end -= 1  # 'Munster head coach', 'Ajax assistant manager'
        loose = places or token.lower_ in ("chief", "chairman", "chairwoman")  # 'Tesla chief executive'
        names = [_name_before(doc, end, loose=loose)]
        after = i + size
        if after < len(doc) and doc[after].lower_ in _OF:
            names.append(_name_after(doc, after + 1))
        found.extend(
            n for n in names if n is not None and (places or all(t.ent_type_ not in _PLACES for t in n))
        )
    return found


def _by_kind_after(doc: Doc) -> list[Span]:
    """'al-Ikhbariya television', 'the ZANU-PF party': a name right before a noun for its kind of body."""
    found: list[Span] = []
    for token in doc[1:]:
        if not token.is_lower or (token.lemma_ not in KIND_NOUNS and token.lower_ not in MEDIA_NOUNS):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # 'Volunteer organization Comic Corps': the noun introduces the name after it
        if (name := _name_before(doc, token.i)) is not None and all(t.ent_type_ != "GPE" for t in name):
            found.append(name)
    return found


def _by_place_opening(doc: Doc) -> list[Span]:
    """'Pakistan Cricket Board', 'Qatar Airways', 'Radio New Zealand': a country's or a city's name opening
    capitalised words that end in an organisation word, or after 'Radio' or 'Air'."""
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        end = ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        # 'UK Parliament' is Parliament; 'New Zealand Herald' and 'Qatar Airways' are bodies of their own
        heads = COMPANY_HEADS | PRESS_HEADS if end - ent.end == 1 else ORG_HEADS | COMPANY_HEADS | PRESS_HEADS
        if end > ent.end and doc[end - 1].lower_ in heads:
            while start > 0 and ent.start - start < 2 and _name_token(doc[start - 1]):
                start -= 1  # 'Biman' + 'Bangladesh' + 'Airlines'
            found.append(doc[start:end])
        elif (
            start > 0
            and doc[start - 1].lower_ in _OPENERS
            and doc[start - 1].is_title
            and not (start > 1 and doc[start - 2].is_title and not doc[start - 2].is_sent_start)
        ):
            found.append(doc[start - 1 : ent.end])  # 'Radio New Zealand', not 'Free Radio Europe
        elif start > 0 and _country_closes_name(doc[start - 1], ent):
            found.append(doc[start - 1 : ent.end])  # 'Cricket Australia confirmed', 'Sport New Zealand will'
    return found


def _country_closes_name(word: Token, ent: Span) -> bool:
    """'Cricket Australia', 'Sport New Zealand', 'Netball New Zealand' acting: one capitalised word of no entity
    or role before a country's name that is a verb's subject is a national body's name (the places ruler
    keeps the model from tagging it so), and so is one listed with bodies only ('and Brain Canada'); not
    'Yesterday Australia' (a date), 'Western Australia' (a word
    of no noun) or 'Red China', 'Imperial Japan' (the country as a state, a regime or an era)."""
    doc = word.doc
    return (
        word.is_title
        and word.pos_ in ("PROPN", "NOUN")
        and not word.ent_type_
        and word.lower_ not in ROLE_WORDS
        and word.lower_ not in STATE_MODIFIERS  # 'Red China', 'Imperial Japan': the country
        and demonym(word.text) is None  # 'Soviet Russia'
        and (word.is_sent_start or not doc[word.i - 1].is_title)
        and (
            (ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.lemma_ in _ACTS_AS_A_BODY)
            or _listed_with_bodies_only(ent.root)
        )
        and country(ent.text) is not None
    )


def _listed_with_bodies_only(root: Token) -> bool:
    """'the Canadian Institutes of Health Research and Brain Canada', 'Fáilte Ireland and the airport operator
    DAA': a name coordinated with names the model took for organisations, and only with them."""
    linked = _linked(root)
    return bool(linked) and all(t.ent_type_ == "ORG" for t in linked)


_LIST_OPENERS = frozenset({"—", "–", ":", "including", "like"})


def _by_list_after_kind(doc: Doc) -> list[Span]:
    """'the five companies — Blue Origin, Ceres Robotics and SpaceX', 'retailers including Walmart and
    Target', 'firms such as Uber': the names a plural noun for a kind of organisation lists."""
    found: list[Span] = []
    for token in doc[:-2]:
        if token.tag_ != "NNS" or token.lemma_ not in KIND_NOUNS or not token.is_lower:
            continue
        i = token.i + 1
        if doc[i].lower_ == "such" and doc[i + 1].lower_ == "as":
            i += 2
        elif doc[i].text in _LIST_OPENERS:
            i += 1
        else:
            continue
        while i < len(doc) and (name := _name_after(doc, i, links=("of", "&"))) is not None:
            found.append(name)
            i = name.end
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ in ("and", "or"):
                i += 1
            elif i >= len(doc) or doc[i - 1].text != ",":
                break
    return found


def _by_apposition(doc: Doc) -> list[Span]:
    """'Halvorsen, a Norwegian shipping company': a name whose appositive is a kind of organisation."""
    found: list[Span] = []
    for token in doc:
        if token.dep_ != "appos" or token.lemma_ not in KIND_NOUNS or not token.is_lower:
            continue
        head = token.head
        if head.i >= token.i or head.pos_ != "PROPN":
            continue
        if (name := _name_before(doc, head.i + 1)) is not None:
            found.append(name)
    return found


def _by_coordination(doc: Doc) -> list[Span]:
    """'Ubisoft' tagged as a place in 'Ubisoft, Nintendo and Activision': a name no gazetteer knows as a
    place, coordinated only with organisations (two at least, or one the tables know: 'TfL and Merseyrail';
    'Eitan and Zahr' is a pair of people), is one too; so is a name the model left untagged or took for a
    person no one in the text is ('Dell and HP', 'Easyjet and Lufthansa'), coordinated with one at least."""
    found: list[Span] = []
    lone = lone_names(doc)
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or _place_or_people(ent):
            continue
        linked = _linked(ent.root)
        known = len(linked) == 1 and bool(linked[0].ent_id_)  # 'TfL and Merseyrail'
        if (len(linked) > 1 or known) and all(t.ent_type_ == "ORG" for t in linked):
            found.append(ent)
    for token in doc:
        if token.dep_ != "conj" and not any(c.dep_ == "conj" for c in token.children):
            continue  # only a word in a coordination
        if not (token.ent_type_ == "" or token.i in lone) or not token.text[:1].isupper():
            continue
        if (
            token.tag_ != "NNP"
            and not (token.tag_ == "NN" and token.lower_ not in lower_case_words(doc))
            and not (token.tag_ == "NNPS" and token.i in lone)
        ):
            continue  # not 'Building Regulations' beside 'Crown Dependencies'; but 'Easyjet' read as a noun and
            # 'Morrisons' as a person no one in the text is
        name = _name_before(doc, token.i + 1, loose=True)
        if name is None or name.start != _compound_start(token):
            continue
        linked = _linked(token)
        if linked and all(t.ent_type_ == "ORG" for t in linked) and not _after_place_word(token):
            found.append(name)
    return found


# Prepositions that open a place more often than a body: 'City Deals for Cardiff, Aberdeen and Inverness'.
_PLACE_PREPOSITIONS = frozenset("in at from for to near across throughout around".split())


def _after_place_word(token: Token) -> bool:
    """Whether the coordination the word is in hangs on a preposition of place ('for Cardiff and Aberdeen')
    or modifies a noun ('the ScotRail and Caledonian Sleeper franchises')."""
    first = first_conjunct(token)
    return first.dep_ in ("compound", "amod", "nmod") or (
        first.dep_ == "pobj" and first.head.lower_ in _PLACE_PREPOSITIONS
    )


def _linked(root: Token) -> list[Token]:
    """The tagged words coordinated with `root`, the first conjunct included."""
    first = root.head if root.dep_ == "conj" else root
    return [t for t in (first, *first.conjuncts) if t.i != root.i and t.ent_type_]


def _compound_start(token: Token) -> int:
    """Where the name a word heads starts: 'Virgin Media O2' from 'O2', over compounds on compounds."""
    start = token.i
    doc = token.doc
    while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= token.i:
        start -= 1  # 'Yorkshire' of 'Yorkshire Evening Post', a compound on 'Evening'
    return start


# Words between the words of a body's name that says or does something ('Transport for Greater Manchester').
_LINKS = frozenset({"for", "of"})
# Verbs a body says or reports with: '[Ticketmaster] said', '[Sky Sports] reported'.
_SPEECH = frozenset("say report announce confirm state tell warn add claim".split())
# Verbs whose agent ('reported by', 'published by') is a paper, a broadcaster or a website.
_PUBLISHING = frozenset("report publish broadcast air reveal".split())
# What a body does as its subject and a country as a state seldom does ('Cricket Australia confirmed', 'Sport
# New Zealand will fund'): a state's acts ('Imperial Japan attacked', 'Mainland China produces') stay the
# country's whatever word stands before it.
_ACTS_AS_A_BODY = _SPEECH | frozenset(
    """welcome fund launch publish award appoint select name release host sponsor invest unveil reveal issue
    deny praise criticise criticize apologise apologize partner""".split()
)


def _by_speech(doc: Doc) -> list[Span]:
    """'Sky Sports reported', 'Ticketmaster said refunds would be issued': a name the model took for no person
    (untagged, an organisation, or a one-word 'person' no one in the text is) that says or reports
    something in the past is a body speaking; so is a 'person' with a plural verb ('Manchester United have
    sacked their manager': `_collective_subject`)."""
    found: list[Span] = []
    for token in doc:
        if token.tag_ != "VBD" or token.lemma_ not in _SPEECH:
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and (name := _linked_name(child)) is not None:
                found.append(name)  # 'Transport for Greater Manchester said'
            if child.dep_ != "nsubj" or child.pos_ != "PROPN":
                continue
            name = _name_before(doc, child.i + 1)
            if name is not None and name.start == _compound_start(child) and not _a_known_place(name):
                found.append(name)
    honorific = {e.start for e in doc.ents if e.start and doc[e.start - 1].lower_.rstrip(".") in _HONORIFICS}
    found += [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and e.start not in honorific and _collective_subject(e.root)
    ]  # 'Manchester United have sacked their manager'
    return found


# What a company or a public body does as the subject of a wire report's sentence, in any tense ('Fonterra
# welcomed the decision', 'Glencore declined to comment', 'Tesla did not respond', 'Veolia will operate').
_COMMENTS = _SPEECH | frozenset(
    """welcome decline respond comment deny acknowledge operate supply provide""".split()
)
# Words before a place's name: a word written after one of them somewhere in the text is a place's name there.
_AT = frozenset({"in", "at", "near", "from", "to", "outside", "across"})
# Labels of a word the model may give a company's one-word name it does not know ('Veolia' as a place).
_UNKNOWN_NAME = frozenset({"", "ORG", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"})


def _by_comment(doc: Doc) -> list[Span]:
    """'Fonterra welcomed the decision', 'Glencore declined to comment', 'Transpower confirmed', 'Veolia will
    operate the plant': one capitalised word that the text never writes in lower case, subject of a verb a
    company or a body comments or acts with, is a body's name where nothing says it is anything else: no
    person of the text bears it, no honorific or role stands before it, no country, people or month is
    it, no city of 15,000 people or head of government bears it ('Beijing declined to comment', 'Modi
    welcomed'), and the text never writes it after 'in', 'near' or 'at' as a place; a common noun so only
    inside a sentence ('Officials said' is no body)."""
    people = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    lone = lone_names(doc)
    lower = lower_case_words(doc)
    places = {t.text for t in doc[1:] if doc[t.i - 1].lower_ in _AT and t.text[:1].isupper()}
    found: list[Span] = []
    for verb in doc:
        if verb.lemma_ not in _COMMENTS or verb.pos_ not in ("VERB", "AUX"):
            continue
        for word in verb.children:
            if word.dep_ != "nsubj" or not _one_word_name(word, lower=lower) or word.text in places:
                continue
            if word.lower_ in people or (word.ent_type_ == "PERSON" and word.i not in lone):
                continue
            if word.ent_type_ not in _UNKNOWN_NAME | {"PERSON"} or _known_place_or_people(word.text):
                continue  # 'Telstra' the model took for a people is none the gazetteer knows
            if word.ent_type_ != "ORG" and (is_city(word.text) or word.lower_ in NOT_BODIES):
                continue  # 'Moscow denied', 'Wellington declined to comment': a seat of government; 'God'
            if leaders_country(word.text) or titled_leaders_country(word.text):
                continue  # 'Modi welcomed the agreement': a head of government by surname
            if word.i and _titled(doc[word.i - 1]):
                continue  # 'Dr Fonterra said'
            found.append(doc[word.i : word.i + 1])
    return found


def _a_known_place(name: Span) -> bool:
    """'Nairobi' of the dateline 'Nairobi, 9 July - Oxfam warned' that the parse made the subject: a name the
    model took for a place that is a city of 15,000 people or a country, region or people the gazetteer knows."""
    return all(t.ent_type_ in ("GPE", "LOC") for t in name) and (
        is_city(name.text) or _known_place_or_people(name.text)
    )


def _known_place_or_people(text: str) -> bool:
    """A country, a region or a people the gazetteer knows ('US', 'Wall Street', 'Chinese')."""
    return any(f(text) is not None for f in (country, demonym, region))


def _one_word_name(word: Token, *, lower: frozenset[str]) -> bool:
    """A name of one word: capitalised, not in capitals (acronyms have their own rules), letters only, no
    month and no word the text writes in lower case; a proper noun, or a singular common noun inside a
    sentence; no article, no capitalised word joined to it ("Contact Energy" is the model's) and no owner."""
    text = word.text
    if not (text[:1].isupper() and not word.is_upper and text.isalpha() and len(text) > 2):
        return False
    if word.lower_ in lower or word.lower_ in CALENDAR_WORDS or word.lower_ in ROLE_WORDS:
        return False
    if word.tag_ not in ("NNP", "NN") or (word.tag_ == "NN" and word.is_sent_start):
        return False
    doc = word.doc
    neighbours = (doc[word.i - 1] if word.i else None, doc[word.i + 1] if word.i + 1 < len(doc) else None)
    if any(n is not None and n.text[:1].isupper() and n.lower_ != "the" and n.is_alpha for n in neighbours):
        return False
    if word.lower_ in NOT_BODY_HEADS | LAW_HEADS:
        return False  # 'the Budget announces'
    return not any(
        c.dep_ == "det" or (c.dep_ in ("poss", "compound", "amod") and c.text[:1].isupper())
        for c in word.children
    )  # a company's one-word name takes no article: 'Zespri said', not 'the Review said'


def _linked_name(word: Token) -> Span | None:
    """'Transport for Greater Manchester', 'Friends of the Earth', 'Doctors for Ukraine': a subject of capitalised
    words, the first a noun and no role, with 'for' or 'of' before a proper name, and nothing else."""
    doc = word.doc
    start, end = word.left_edge.i, word.right_edge.i + 1
    if doc[start].lower_ == "the":
        start += 1
    if start != word.i or end - start < 3 or not word.is_title or word.lower_ in ROLE_WORDS:
        return None
    link = doc[start + 1]
    if link.lower_ not in _LINKS or link.head.i != word.i or doc[end - 1].pos_ != "PROPN":
        return None
    if not all(t.is_title or t.i == link.i or t.lower_ == "the" for t in doc[start:end]):
        return None
    name = doc[start:end]
    return None if _place_or_people(name) or any(t.ent_type_ == "PERSON" for t in name) else name


def _acting_name(word: Token, how: str) -> Span | None:
    """The name a subject's or an object's word heads, from its first word ('the Tampa Bay Rays') over 'of'
    ('Hearts of Oak'), when it names no place and no person of the text ('Boston banned'; but 'Accra Hearts
    of Oak sacked', and a name listed with bodies that the model took for a city: 'firms include Spotify';
    not 'worked at Stockholm'), no
    title in quotes and, where it only speaks or is a source, no document ('the Spending Review says')."""
    if word.pos_ != "PROPN" and not (word.tag_ in ("NNS", "NNPS") and word.is_title):
        return None  # 'Warriors' tagged as a common plural
    doc = word.doc
    start = word.left_edge.i
    while start < word.i and not _name_token(doc[start]):
        start += 1  # past 'the', 'its'
    name = _name_after(doc, start, links=("of", "&"))
    if name is None or name.end <= word.i or (name.start and doc[name.start - 1].is_quote):
        return None  # 'says on "The Internet Explorer 6 Countdown"': a title
    places = _PLACES - {"GPE"} if how == "listed" else _PLACES  # not 'worked at Stockholm'
    if name[-1].ent_type_ in places or name.root.ent_type_ in places:
        return None
    if how == "speaks" and any(t.ent_type_ != "ORG" for t in name):
        return None  # a speaker the model took for no body may be anyone
    if how in ("speaks", "source") and name[-1].lower_ in NOT_BODY_HEADS | LAW_HEADS:
        return None
    return name


def _acting_words(verb: Token) -> list[tuple[Token, str]]:
    """The words of the names a verb makes bodies, each with how: 'acts' (a body's verb, posting), 'object'
    (joined, acquired, worked for), 'speaks' (a speech verb not in the past: `_by_speech` reads that),
    'source' ('according to'), 'listed' (after a kind of organisation and 'include')."""
    lemma = verb.lemma_
    words: list[tuple[Token, str]] = []
    acting = lemma in BODY_VERBS and (
        lemma != "lay" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )
    for child in verb.children:
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "nsubj" and acting:
            words.append((child, "acts"))
        elif child.dep_ == "nsubj" and lemma in _SPEECH and verb.tag_ != "VBD":
            words.append((child, "speaks"))  # '[The Rolling Stones] have announced'
        elif child.dep_ == "dobj" and lemma in JOINED_VERBS:
            words.append((child, "object"))
        elif child.dep_ == "prep" and (
            (lemma in ("join", "rejoin") and child.lower_ == "from")  # 'joined from the Rays'
            or (lemma in WORK_VERBS and child.lower_ in ("for", "at"))
        ):
            words += [(g, "object") for g in objects]
        elif lemma in POSTING_VERBS and child.lower_ == "on" and not _passive(verb):
            words += [(g, "acts") for g in objects]  # not 'published on GOV.UK', where a document is
        elif lemma == "accord" and child.lower_ == "to":
            words += [(g, "source") for g in objects]  # 'according to Cox Automotive'
        elif child.dep_ == "agent" and lemma in _PUBLISHING:
            words += [(w, "source") for g in objects for w in (g, *g.conjuncts)]  # 'reported by The Insider'
    # "The festival's sponsors include Virgin Money", 'Other firms that have cut staff include Spotify and Zoom'
    if _lists_dealers(verb) or _lists_kinds(verb):
        words += [(w, "listed") for c in verb.children if c.dep_ == "dobj" for w in (c, *c.conjuncts)]
    return words


def _by_acts(doc: Doc) -> list[Span]:
    """'Reddit banned', 'Morgan Stanley will acquire', 'Johnson Controls laid off', 'The Rolling Stones have
    announced': the subject of a verb only a body does, or (a name the model took for a body, whatever its
    last word) of a speech verb in any tense; 'joined the Red Sox', 'acquired Eaton Vance', 'works for
    Facebook', 'managed Aduana Stars', 'joined from the Tampa Bay Rays', 'said on Twitter': the body a verb of
    joining, working or posting names; 'according to Cox Automotive'; 'Sponsors include Virgin Money'."""
    found: list[Span] = []
    for verb in doc:
        if verb.pos_ in ("VERB", "AUX"):
            found += [n for w, how in _acting_words(verb) if (n := _acting_name(w, how)) is not None]
    return found


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _by_online_noun(doc: Doc) -> list[Span]:
    """'the Twitter account', 'a Facebook page', 'YouTube posts': a name before a lower-case noun of an online
    service, no person's unless an owner is named before it ("the minister's Twitter account")."""
    found: list[Span] = []
    for token in doc[1:]:
        if not token.is_lower or token.lower_ not in ONLINE_NOUNS:
            continue
        name = _name_before(doc, token.i)
        if name is None or any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in name):
            continue
        owned = name.start > 0 and doc[name.start - 1].tag_ in ("POS", "PRP$")
        if owned or not any(t.ent_type_ == "PERSON" for t in name):
            found.append(name)  # "the minister's Twitter account", not 'a Trump post'
    return found


def _same_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """The other mentions the model took for people of a name the context made a body ('Eaton Vance, a
    Boston-based investment manager' where 'shares of Eaton Vance' follows)."""
    texts = {s.text for s in spans}
    lone = lone_names(doc)
    return [e for e in doc.ents if e.label_ == "PERSON" and e.text in texts and e.start in lone]


_CREDITS = frozenset({"image", "photo", "picture", "credit", "courtesy"})


def _by_credit(doc: Doc) -> list[Span]:
    """'Main image credit: Getty', 'Image: NASA': a credit that names one word (a person's credit names two),
    or a name with an organisation word."""
    found: list[Span] = []
    for token in doc[1:-1]:
        if token.text != ":" or doc[token.i - 1].lower_ not in _CREDITS:
            continue
        name = _name_after(doc, token.i + 1)
        if name is not None and (len(name) == 1 or name[-1].lower_ in ORG_HEADS | COMPANY_HEADS):
            found.append(name)
    return found


# Nouns a report calls a team, a band or a party by ('the team said', 'the band announced', 'the party's office'):
# a text that does so may name one in the plural ('the Golden State Warriors', 'the Arctic Monkeys').
_COLLECTIVES = frozenset("team club side squad band group party franchise".split())
# Dependencies of a noun phrase that stands for something in its clause (not a modifier of another noun).
_ARGUMENTS = frozenset("nsubj nsubjpass dobj pobj dative conj appos".split())


def _by_plural_name(doc: Doc) -> list[Span]:
    """'The Golden State Warriors signed', 'with the Memphis Grizzlies', 'the Liberal Democrats gained': in a text
    that speaks of 'the team', 'the band' or 'the party', a name of several capitalised words after 'the' ending
    in a plural the text never writes in lower case (not 'the Overseas Territories' beside 'territories') that
    stands for something in its clause is a team's, a band's or a party's."""
    if not any(
        t.lower_ in _COLLECTIVES and t.i > 0 and doc[t.i - 1].lower_ == "the" for t in doc if t.is_lower
    ):
        return []
    found: list[Span] = []
    lower = lower_case_words(doc)
    for token in doc:
        word = token.lower_
        if not (token.tag_ in ("NNPS", "NNS") or (token.tag_ == "NNP" and word.endswith("s"))):
            continue  # 'Warriors', 'Kings' (read as a common noun), 'Hornets'
        if not token.is_title or token.is_sent_start:
            continue
        single = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if token.dep_ not in _ARGUMENTS or word in lower or single in lower:
            continue
        start = token.left_edge.i + 1  # after its 'the'
        if token.i - start < 1 or doc[start - 1].lower_ != "the":
            continue
        name = doc[start : token.i + 1]
        if all(_name_token(t) for t in name) and not _place_or_people(name):
            found.append(name)
    return found


# Verbs of a match whose subject and object are sides ('beat', 'beating Manchester City 1-0').
_MATCH_VERBS = frozenset("beat defeat thrash edge overcome draw lose win".split())


def _by_score(doc: Doc) -> list[Span]:
    """'beating Manchester City 1-0', 'Crystal Palace won ... beating City 1-0': a name right before a score is
    a side in a match, and so is the subject of the match's verb (the clause's, where the verb hangs on it)."""
    found: list[Span] = []
    for token in doc[1:-2]:
        if not (token.like_num and doc[token.i + 1].text in ("-", "–") and doc[token.i + 2].like_num):
            continue
        end = token.i
        while end > 0 and doc[end - 1].ent_iob_ == "I" and doc[end - 1].like_num:
            end -= 1
        name = _name_before(doc, end)
        if name is None:
            continue
        found.append(name)
        verb = name.root.head
        if verb.lemma_ not in _MATCH_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("advcl", "conj"):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        for subject in subjects:
            side = _name_before(doc, subject.i + 1)
            if side is not None and side.start == _compound_start(subject):
                found.append(side)
    return found


# Verbs of a win, whose subject and object are the two sides of a match.
_WIN_VERBS = frozenset("beat defeat thrash edge overcome".split())


def _margin(verb: Token) -> bool:
    """'beat ... 2-1', 'beat ... by 12 points': a win by a score or a margin, a match's (not an election's); the
    parse hangs the score on the verb or on the loser ('beat Bandari FC 2-1')."""
    losers = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        c.like_num or (c.lower_ == "by" and any(any(n.like_num for n in o.children) for o in c.children))
        for c in verb.children
    ) or any(
        c.like_num and c.i + 2 < len(verb.doc) and verb.doc[c.i + 1].text in ("-", "–")
        for loser in losers
        for c in loser.children
    )


def _opponents(verb: Token) -> list[Token]:
    """The subject and the object of a win by a margin ('Collingwood beat the Brisbane Lions by 12 points'),
    one of which the model took for an organisation or for nothing: both are sides; none otherwise."""
    if verb.pos_ != "VERB" or verb.lemma_ not in _WIN_VERBS or not _margin(verb):
        return []
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    if len(sides) != 2 or not any(t.ent_type_ in ("ORG", "") and t.pos_ == "PROPN" for t in sides):
        return []  # not 'Nadal beat Djokovic 6-4', two people, nor 'Nadal beat him 6-4'
    return sides


def _by_opponent(doc: Doc) -> list[Span]:
    """'Collingwood beat the Brisbane Lions by 12 points', 'Gor Mahia beat AFC Leopards 2-1': the other side of
    a club's match is a club too, whatever the model took it for."""
    found: list[Span] = []
    for verb in doc:
        for side in _opponents(verb):
            if side.ent_type_ != "ORG" and (name := _headed_name(side)) is not None:
                found.append(name)
    return found


def _headed_name(token: Token) -> Span | None:
    """The proper name a word heads ('Sydney Swans' of 'Swans'), of capitalised proper nouns the model took for
    no place and no person of the text (but for a people it may: 'Valve', 'Swans'), that the gazetteer knows
    as no place or people."""
    doc = token.doc
    name = doc[_compound_start(token) : token.i + 1]
    lone = lone_names(doc)
    if all(
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and (t.ent_type_ in _RELABELLED | {"NORP"} or (t.ent_type_ == "PERSON" and t.i in lone))
        for t in name
    ) and not _known_place_or_people(name.text):
        return name
    return None


# Verbs of making a product, whose agent ('developed by Valve') is its maker.
_MAKING_VERBS = frozenset("develop manufacture publish build design make".split())


def _by_maker(doc: Doc) -> list[Span]:
    """'The game, developed by Valve with Hidden Path Entertainment', 'jets manufactured by Embraer': the agent
    of a verb of making a thing, a name the model took for no person, place or people, is its maker, a body."""
    found: list[Span] = []
    for token in doc:
        verb = token.head.head
        if not (
            token.dep_ == "pobj"
            and token.head.lower_ == "by"
            and token.head.dep_ == "agent"
            and verb.tag_ == "VBN"
            and verb.lemma_.lower() in _MAKING_VERBS
        ):
            continue
        if (name := _headed_name(token)) is not None:
            found.append(name)  # 'Valve' the model took for a people: no people the gazetteer knows
    return found


# Words that end a hospital's, a school's or a church's name, which are no general organisation words.
INSTITUTIONS = frozenset({"hospital", "clinic", "infirmary", "academy", "church"})
# Last words that make capitalised words a body's name wherever they stand: not those that may end a place's,
# a programme's, a service's or an office's name too ('Grand Manan Channel', 'Emergency Services Network',
# 'United Community', 'CCHQ Press' office).
_BODY_ENDINGS = INSTITUTIONS | frozenset(
    """university college school council association society union
    institute foundation trust bank agency authority commission committee board federation corporation company
    ministry department court tribunal police party league club inc ltd limited plc llc corp bureau directorate systems
    technologies industries holdings airlines airways motors electronics pharmaceuticals""".split()
)


def _by_head_word(doc: Doc) -> list[Span]:
    """'Nurses at Kenyatta National Hospital walked out': capitalised words inside a sentence that end in a
    body's word and that the model tagged as nothing are a body's name (not 'the Strategic Innovation Fund')."""
    found: list[Span] = []
    for token in doc:
        if (
            token.ent_type_
            or token.pos_ != "PROPN"
            or token.lower_ not in _BODY_ENDINGS
            or token.dep_ == "compound"
        ):
            continue
        start = _compound_start(token)
        name = doc[start : token.i + 1]
        if (
            start < token.i
            and not doc[start].is_sent_start
            and all(_name_token(t) for t in name)
            and not _place_or_people(name)
        ):
            found.append(name)
    return found


def _by_outlet(doc: Doc) -> list[Span]:
    """'told Polygraph.info', 'PanARMENIAN.Net - Verified video footage': an outlet named by its web address
    (`rules.outlet_name`), which the model tags as nothing or a word."""
    return [
        doc[t.i : t.i + 1] for t in doc if "." in t.text[1:-1] and t.text[:1].isupper() and outlet_name(t)
    ]


def context_organisations(doc: Doc) -> list[Span]:
    """Names the words around them make organisations', labelled ORG, each span once (remembered on the
    Doc's user data for `said_by_context`)."""
    spans = _by_roles(doc) + _by_kind_after(doc) + _by_place_opening(doc) + _by_apposition(doc)
    spans += _by_coordination(doc) + _by_list_after_kind(doc) + _by_credit(doc) + _by_speech(doc)
    spans += _by_comment(doc)
    spans += _by_acts(doc) + _by_online_noun(doc) + _by_plural_name(doc) + _by_head_word(doc) + _by_score(doc)
    spans += _by_opponent(doc) + _by_maker(doc) + _by_outlet(doc)
    spans += _same_names(doc, spans)
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(Span(doc, span.start, span.end, label="ORG"))
    doc.user_data[CONTEXT_KEY] = frozenset(seen)
    return out
