"""What an ORG span is: a body, a law or programme, or nothing (a title, a fragment, an event, a place).

`law_or_org` asks its questions in order, the first answer winning: laws and programmes by their last word
first (so 'Office for Nuclear Regulation' is checked as a body before 'Regulation' makes it a law), then the
shapes of fragments and lower-case phrases, then events, places, plurals and titles.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from nlp.bodies import document_countries, post_nominal, public_body, publisher
from nlp.cities import is_city
from nlp.doc_cache import cached_on_doc
from nlp.numbers import SCALES
from nlp.organisations.blocs import a_common_market
from nlp.organisations.funds import a_united_nations_programme, names_money_or_a_programme
from nlp.organisations.indices import market_index
from nlp.organisations.lexicon import (
    ACRONYM,
    CALENDAR_WORDS,
    COMPANY_HEADS,
    CONTACT_DESK,
    CONTACT_DESK_WORDS,
    COPY_NOUNS,
    DOCUMENT_WORDS,
    EVENT_OPENERS,
    EXAM_NOUNS,
    GENERIC,
    GENERIC_MODIFIERS,
    KIND_NOUNS,
    LAW_HEADS,
    LEGAL_FORMS,
    MEDIA_NOUNS,
    NOT_BODIES,
    NOT_BODY_HEADS,
    ORG_HEADS,
    PAGE_FURNITURE,
    PLACE_NOUNS,
    PRESS_HEADS,
    PRODUCT_NOUNS,
    PRODUCT_SUFFIXES,
    PROGRAMME_WORDS,
    QUANTIFIERS,
    RELATION_WORDS,
    SEATED_NOUNS,
    SPEAKING_VERBS,
    STATE_CODES,
    STATE_SEATS,
    STOPWORDS,
    TERM_WORDS,
    THING_ACRONYMS,
    TITLE_HEADS,
    VENUES,
    WORK_NOUNS,
)
from nlp.organisations.states import own_state
from nlp.people import HEADLINE_VERBS, ROLE_WORDS, fold
from presswatch.gazetteer import country, demonym, region

_WEB_ADDRESS = re.compile(r"\w\.(com|org|net|gov|edu|co\.uk|org\.uk|int)$", re.I)
# A news outlet or a company named by its web address, written as a name: a capital, letters, a domain.
_OUTLET = re.compile(r"^[A-Z][A-Za-z0-9-]{2,}\.(?i:com|net|org|info|news|co\.uk|co|in|ng|ke|ph|au|nz|za|sg)$")


def without_domain(name: str) -> str:
    """'Polygraph.info' → 'Polygraph', 'Gawker.com' → 'Gawker': a body named by its web address is the body (the
    annotation guide), as a company is without its legal form; any other name is as it is."""
    return name.split(".", 1)[0] if _OUTLET.match(name[:1].upper() + name[1:]) else name  # 'secunia.com' too


# 'U.S.' or 'US' standing for the United States in a body's name ('U.S. Army', 'the US Department of State').
_US = re.compile(r"\b(?:U\.S\.|US)(?= [A-Z0-9'])")
_OPENS_WITH_US = re.compile(r"^(?:[Tt]he )?(?:U\.S\.|US) [A-Z]")


def us_written_out(name: str, *, written: str) -> str:
    """A body's 'U.S.' written 'United States', so that one body is one key however a text abbreviates it (the
    annotation guide): 'U.S. Army Corps of Engineers' → 'United States Army Corps of Engineers', '9th U.S.
    Circuit Court of Appeals' → '9th United States Circuit Court of Appeals'. `name` is the body's full name
    (a table's, which may leave the country out: 'Food and Drug Administration'), `written` what the text
    wrote: a name the text opened with 'U.S.' keeps its country ('U.S. Food and Drug Administration' → 'United
    States Food and Drug Administration'). A company keeps its brand ('U.S. Steel', 'US Airways')."""
    if any(word.casefold() in COMPANY_HEADS for word in name.split()[1:]):
        return name
    name = _US.sub("United States", name)
    if "United States" not in name and _OPENS_WITH_US.match(written):
        return f"United States {name}"
    return name


# 'UN' or 'U.N.' opening a body's name ('UN Verification Mission in Colombia').
_OPENS_WITH_UN = re.compile(r"^(?:U\.N\.|UN) (?=[A-Z])")


def un_written_out(name: str) -> str:
    """A body's opening 'UN' written 'United Nations', as the tables and the guide write the UN's bodies ('UN
    Security Council' → 'United Nations Security Council'), for a body no table knows: 'UN Human Rights
    Monitoring Mission in Ukraine' → 'United Nations Human Rights Monitoring Mission in Ukraine'."""
    return _OPENS_WITH_UN.sub("United Nations ", name)


def outlet_name(token: Token) -> bool:
    """'Polygraph.info', 'PanARMENIAN.Net', 'Rappler.com': a web address written with a capital and no 'www.' or
    path is the outlet's or the company's name as it calls itself (the text's subject, or whom a source
    'told'); 'secunia.com' in lower case or 'www.ascom.com' is an address to visit, and so is 'Secunia.com' where
    the text names 'Secunia' itself (the body is Secunia, the address its site)."""
    if not _OUTLET.match(token.text) or token.like_email:
        return False
    stem = token.text.split(".", 1)[0].casefold()
    return not any(t.lower_ == stem for t in token.doc)


# Lower-case words after a name that say what kind of body it is ('news agency', 'party', 'television').
_KIND_WORDS = KIND_NOUNS | MEDIA_NOUNS | {"news"}
# The Doc's user data key under which `context.context_organisations` keeps the spans it found.
CONTEXT_KEY = "presswatch_context_organisations"
# The key under which `spans` keeps the names it found right after a noun for a kind of body.
KIND_KEY = "presswatch_kind_organisations"
# The key under which `spans` keeps a nation's party names ('Scottish Conservatives': a plural that names a party).
PARTY_KEY = "presswatch_party_organisations"


def said_by_context(span: Span) -> bool:
    """Whether the words around the span made it an organisation (`nlp.organisations.context`): its context,
    not its shape, decides ('Tesla' read as an adjective is still the company in 'Tesla chief executive')."""
    return (span.start, span.end) in span.doc.user_data.get(CONTEXT_KEY, ())


def _after_kind(span: Span) -> bool:
    """Whether a noun for a kind of body stands right before the span ('the investigative website [Bellingcat]'),
    which makes it a body even where the model took it for a work (`spans`)."""
    return (span.start, span.end) in span.doc.user_data.get(KIND_KEY, ())


# Possessive determiners before a body's name ('our Travel Service'): no part of it, unless the name is
# written with one mid-sentence ('Our Future Health', 'Our Lady of Lourdes Hospital').
_POSSESSIVES = frozenset({"our", "their", "its", "my", "your", "his", "her"})


def _said_lower(token: Token) -> bool:
    """A word written in lower case, or capitalised only because it opens its sentence."""
    return token.is_lower or token.is_sent_start or token.i == 0


def core(span: Span) -> Span:
    """The span without a leading 'the' (or 'our': `_POSSESSIVES`) and a trailing possessive, unless the text writes the body with it
    ("Sainsbury's", "Barnardo's": `named_possessives`)."""
    start, end = span.start, span.end
    doc = span.doc
    kept = named_possessives(doc)
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (doc[start].lower_ in _POSSESSIVES and _said_lower(doc[start]))
    ):
        start += 1
    while end > start and (
        (doc[end - 1].text in ("'s", "’s", "'", "’") and end - 1 not in kept) or doc[end - 1].is_punct
    ):
        end -= 1
    return doc[start:end]


@cached_on_doc
def named_possessives(doc: Doc) -> frozenset[int]:
    """The "'s" tokens that end a body's name: "Sainsbury's said", "the charity Barnardo's warned" use a name
    ending in "'s" as the subject or object itself (the word before it owns nothing), so the text writes the
    body so, and its "Sainsbury's shares" is the same name. Worked out once per document. A name the text
    also writes bare as a subject or object ('McClatchy said', "McClatchy's parlous condition") is the name
    without the "'s", whatever the parse made of one possessive."""
    marks = [t for t in doc if t.tag_ == "POS" and t.text in ("'s", "’s") and t.i > 0]
    names = {
        doc[t.i - 1].text
        for t in marks
        if doc[t.i - 1].text[:1].isupper()
        and doc[t.i - 1].pos_ == "PROPN"
        and doc[t.i - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "conj")
        and doc[t.i - 1].ent_type_ not in ("GPE", "NORP", "LOC")
    }
    if names:  # one pass over the document, only where some name was read with its "'s"
        names -= {
            t.text
            for t in doc[:-1]
            if t.text in names
            and doc[t.i + 1].tag_ != "POS"
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        }
    return frozenset(t.i for t in marks if doc[t.i - 1].text in names)


def name_part(span: Span) -> Span:
    """The part of an ORG span that names the body: 'Civil Aviation Authority (CAA' loses its bracket,
    'Contact the Local Government Association: info@...' starts after 'the' and ends at the colon, "EDF's
    Cannington Court" is EDF's (the owner is the body, what it owns is not, unless the name is one such as
    "Women's Engineering Society"), and 'Arriva Rail North Ltd' loses its legal form and 'the Xinhua news
    agency' the words for its kind."""
    words = core(span)
    doc = span.doc
    end = words.end
    for token in words:
        possessive = (token.text in ("'s", "’s") and token.i not in named_possessives(doc)) or (
            token.tag_ == "POS" and token.text in ("'", "’")
        )
        if token.text in ("(", "[", ":", ";") or (possessive and _owner(words, token)):
            end = token.i
            break
    start = words.start
    for token in doc[words.start + 1 : end - 1]:
        if token.lower_ == "the" and doc[token.i - 1].lower_ not in STOPWORDS:
            start = token.i + 1  # 'Contact the Local Government Association': a word before the name
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in LEGAL_FORMS and doc[end - 2].text != "&":
        end -= 1
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in _KIND_WORDS:
        end -= 1  # 'the Xinhua news agency', 'the ZANU-PF party': the kind of body is no part of its name
    return doc[start:end]


def _owner(words: Span, possessive: Token) -> bool:
    """Whether the words before a possessive are the body: "EDF's [Cannington Court]", "the Nuclear Industry
    Association's [campaign]", "the Kansas City Chiefs' [QB]"; not "Women's [Engineering Society]" or "Women's
    [Prize for Fiction]", names with a possessive inside."""
    if possessive.i == words.start:
        return False
    owner = words.doc[words.start : possessive.i]
    after = words.doc[possessive.i + 1] if possessive.i + 1 < words.end else None
    if after is not None and named_for_an_office(owner[-1], after):
        return False
    if _people_plural(owner[-1].lower_) or owner[0].lower_.rstrip(".") in (
        "st",
        "saint",
    ):
        return False  # "Women's Refuge", "the National Cattlemen's Beef Association", "St Mary's Hospital"
    if (
        possessive.text in ("'", "’")
        and possessive.i + 1 < words.end
        and words.doc[possessive.i + 1].is_title
    ):
        return False  # "Australian Workers' Union": a name goes on after a plural's apostrophe
    return not (words[-1].lower_ in ORG_HEADS and len(owner) == 1 and not owner[0].is_upper)


def named_for_an_office(title: Token, head: Token) -> bool:
    """Whether "<title>'s <head>" names a body for the office it serves, not one a person owns: "the Mayor's
    Office of Housing Recovery", "the County Sheriff's Department", "Westminster Magistrate's Court"."""
    return (
        title.is_title
        and title.lower_ in TITLE_HEADS | ROLE_WORDS
        and head.is_title
        and head.lower_ in ORG_HEADS
    )


def _people_plural(word: str) -> bool:
    """'women', 'children', 'workers', 'pharmacists', 'cattlemen', 'fishermen': a plural noun for people."""
    return word in ("women", "men", "children", "people") or word.endswith((*_GROUP_ENDINGS, "smen", "lemen"))


def parts(span: Span) -> list[Span]:
    """'the Scottish Government, Welsh Government' and 'Ubisoft, Microsoft' are two bodies each, 'Ubisoft,
    Electronic Arts and Activision' three; a comma inside
    a body's own name ('Department for Environment, Food and Rural Affairs') splits nothing. A longer list
    of other words ('Science, Technology, Engineering') is a list of subjects: no parts."""
    words = core(span)
    verb = next((t for t in words[1:] if t.is_title and t.lower_ in HEADLINE_VERBS), None)
    if verb is not None:
        # 'Minister Joly Welcomes Canada Infrastructure Bank Investment': a title-case headline, whose verb
        # the model took into a name; the body, if any, follows the verb
        return [span.doc[verb.i + 1 : words.end]] if verb.i + 1 < words.end else []
    if (known := _two_known_bodies(words)) is not None:
        return known
    commas = [t.i for t in words if t.text == ","]
    if not commas:
        return _two_bodies(span, words)
    if public_body(words.text) is not None:
        return [span]  # 'Innovation, Science and Economic Development Canada'
    bounds = [words.start, *[c + 1 for c in commas]]
    ends = [*commas, words.end]
    pieces = [_unlinked(span.doc[a:b]) for a, b in zip(bounds, ends, strict=True) if b > a]
    pieces = [p for p in pieces if len(p)]
    headed = [p for p in pieces if p[-1].lower_ in ORG_HEADS or _opens_a_name(p)]
    if len(headed) == len(pieces):
        # 'Department of Defense, Department of Energy, Department of the Treasury': each piece a name of its
        # own; the last may join two ('..., Department of Defence and Department of Home Affairs')
        return [part for p in pieces for part in _two_bodies(p, p)]
    if (listed := _opening_names(words)) is not None:
        return listed
    if any(t.lower_ in ORG_HEADS for t in words):
        return [span]
    last = pieces[-1]
    if len(pieces) > 1 and (link := next((t for t in last if t.lower_ in ("and", "&")), None)) is not None:
        pieces[-1:] = [p for p in (span.doc[last.start : link.i], span.doc[link.i + 1 : last.end]) if len(p)]
    names = [p for p in pieces if not (len(p) == 1 and p[0].lower_ in lower_case_words(span.doc))]
    return (
        names if len(names) == len(pieces) else []
    )  # 'Ubisoft, EA and Activision', not 'Science, Technology'


def _unlinked(piece: Span) -> Span:
    """A piece of a comma list without the 'and' or 'the' that joins it to the list ('and the Office of ...')."""
    start = piece.start
    while start < piece.end and piece.doc[start].lower_ in ("and", "&", "the"):
        start += 1
    return piece.doc[start : piece.end]


def _opens_a_name(piece: Span) -> bool:
    """'Department of Energy', 'Ministry of National Defense': a body's word and its 'of' or 'for' open the
    piece, as a ministry's or department's name opens ('Department of Health', not 'Health Department')."""
    return len(piece) >= 3 and piece[0].lower_ in ORG_HEADS and piece[1].lower_ in ("of", "for")


_LINKS = frozenset({",", "and", "&", "the"})


def _opening_names(words: Span) -> list[Span] | None:
    """'Department of Industry, Science and Resources, Department of Education and Department of Employment and
    Workplace Relations': names that each open with a body's word and its 'of' or 'for', listed with commas or
    'and'; a new name opens only there, so a comma inside one ('Industry, Science and Resources') splits
    nothing."""
    if not _opens_a_name(words):
        return None
    doc = words.doc
    starts = [words.start]
    for token in words[2:]:
        link = token.i - 1 - (doc[token.i - 1].lower_ == "the")
        if _opens_a_name(doc[token.i : words.end]) and (
            doc[link].text == "," or doc[link].lower_ in ("and", "&")
        ):
            starts.append(token.i)
    if len(starts) < 2:
        return None
    names = []
    for start, end in zip(starts, [*starts[1:], words.end], strict=True):
        while end > start and doc[end - 1].lower_ in _LINKS:
            end -= 1
        names.append(doc[start:end])
    return names if all(len(name) >= 3 for name in names) else None


def _two_known_bodies(words: Span) -> list[Span] | None:
    """'Ministry of Business, Innovation and Employment and Te Whatu Ora': two names the tables know joined by
    'and', where the whole is no name they know ('Department of Health and Social Care' is one)."""
    links = [t.i for t in words if t.lower_ == "and"]
    if not links or public_body(words.text) is not None:
        return None
    doc = words.doc
    for link in links:
        left, right = doc[words.start : link], doc[link + 1 : words.end]
        if len(left) and len(right) and public_body(left.text) and public_body(right.text):
            return [left, right]
    return None


def _two_bodies(span: Span, words: Span) -> list[Span]:
    """'University of Cape Town and Wits University': two names joined by 'and', each with its own
    organisation word; not 'Department of Health and Social Care' or 'Food and Drug Administration'."""
    link = next((t for t in words if t.lower_ == "and"), None)
    if link is None:
        return [span]
    left, right = span.doc[words.start : link.i], span.doc[link.i + 1 : words.end]
    # 'the Council and Parliament', 'the Senate and House': two bodies, each read alone
    if len(left) == len(right) == 1 and all(
        t.is_title and t.lower_ in ORG_HEADS | GENERIC for t in (*left, *right)
    ):
        return [left, right]
    if len(left) < 2 or len(right) < 2:
        return [span]
    left_named = left[-1].lower_ in ORG_HEADS or (
        left[0].lower_ in ORG_HEADS and left[1].lower_ in ("of", "for")
    )
    right_named = (right[-1].lower_ in ORG_HEADS and right[0].lower_ not in GENERIC_MODIFIERS) or (
        fold(right[0].text) in ORG_HEADS | _FOREIGN_HEADS and right[1].lower_ in _NAME_LINKS
    )  # 'University of Waterloo and Universite de Sherbrooke': a body's word and its 'of' open the second
    return (
        [left, right] if left_named and right_named else [span]
    )  # not '... Communities and Local Government'


# Bodies' words that open names in other languages ('Universite de Sherbrooke', 'Universidad de Chile').
_FOREIGN_HEADS = frozenset(
    "universite universidad universidade universita universitat institut instituto".split()
)
# The words after a body's word that go on to what it is of ('University of', 'Universite de').
_NAME_LINKS = frozenset("of for de du des di del della".split())


def _in_title(doc: Doc, start: int) -> bool:
    """'Inter Provincial Coordination' in 'Minister for Planning, Development and Inter Provincial Coordination',
    'Operations' in 'Head of Operations': capitalised words back to a role word's 'for' or 'of' (not a
    body's own people, whose role is written in lower case: 'a spokeswoman for Auckland Transport', 'the
    chairman of Barclays', 'president and chief operating officer of SpaceX')."""
    i = start - 1
    while i > 0 and (doc[i].is_title or doc[i].text in (",", "&") or doc[i].lower_ == "and"):
        if doc[i].is_sent_start:
            return False
        i -= 1
    role = doc[i - 1] if i >= 1 else None
    if role is None or doc[i].lower_ not in ("of", "for") or role.lower_ not in ROLE_WORDS:
        return False
    return (
        role.is_title
    )  # 'a spokeswoman for Auckland Transport', 'chief operating officer of SpaceX', 'the CEO of Micron'


def _portfolio_before_title(doc: Doc, i: int) -> bool:
    """Whether up to three capitalised words from `i` end in an office's title ('[and] Industry Minister',
    '[and] Investment Secretary'): the words before 'and' are the other half of its portfolio."""
    words = 0
    while i < len(doc) and doc[i].is_title and words < 4:
        if doc[i].lower_ in ROLE_WORDS:
            return words > 0
        if doc[i].ent_type_:
            return False  # 'Microsoft and [Google] Chief Executive Sundar Pichai': another body's title
        words += 1
        i += 1
    return False


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
    if token.tag_ == "NNP" and single in lower_case_words(token.doc):
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


# Plurals that name states as a group ('the American Republics', 'the Western Democracies', 'the Allied Powers').
_STATE_PLURALS = frozenset("republics states nations kingdoms countries powers democracies emirates".split())


def _group_of_states(words: Span) -> bool:
    """'the American Republics', 'the Western Democracies': title-case words before a plural that names states
    are those states, no body; not a body's name holding one ('Organization of American States', 'Alliance of
    Small Island States'), nor 'the United Nations', 'the United States'."""
    if (
        len(words) < 2
        or len(words) > 4
        or words[-1].lower_ not in _STATE_PLURALS
        or words[0].lower_ == "united"
    ):
        return False
    return all(t.is_title and t.lower_ not in ORG_HEADS for t in words[:-1])


def law_or_org(span: Span) -> str | None:
    """'LAW', 'ORG', or None when the span is not an organisation at all (a title, a fragment, a noun)."""
    words = name_part(span)
    if not len(words):
        return None
    if market_index(words):
        return None  # 'the Sensex', 'the Nasdaq rose 0.9%': a stock market index, no body (`indices`)
    doc = span.doc
    first, last = words[0], words[-1]
    if len(words) > 1 and last.i in named_possessives(doc):
        last = words[-2]  # "Sainsbury's" is judged by 'Sainsbury'
    body_first = first.lower_ in ORG_HEADS and len(words) > 2 and words[1].lower_ in ("of", "for")
    if not body_first and [t.lower_ for t in words[-2:]] == ["chief", "executive"]:
        return (
            None  # 'Hong Kong Chief Executive' [Carrie Lam]: an office, though 'Executive' ends bodies' names
        )
    if a_common_market(words):
        return "ORG"  # 'the European Common Market', though 'Market' ends a place's name
    if a_united_nations_programme(words):
        return "ORG"  # 'the United Nations Environment Program', though 'Program' ends a scheme's name
    if names_money_or_a_programme(words):
        return "LAW"  # 'the Strategic Petroleum Reserve', 'a Common Fund', 'the Partnership for Peace'
    if not body_first and (
        last.lower_ in LAW_HEADS or (len(words) > 1 and words[-2].lower_ in LAW_HEADS and last.is_digit)
    ):
        return "LAW"  # but 'Office for Nuclear Regulation' is a body
    if _law_of_a_place(words):
        return "LAW"  # 'Convention of Belem', 'Treaty of Rarotonga': an agreement named by where it was made
    if last.lower_ == "partnership" and any(t.lower_ in RELATION_WORDS for t in words):
        return "LAW"  # 'the Singapore-Australia Comprehensive Strategic Partnership': a relation, no body
    arabic = len(words) > 2 and first.lower_ in ("al", "el") and words[1].text == "-"  # 'al-Ikhbariya'
    numbered = _ORDINAL.match(first.text) is not None and len(words) > 1  # '2nd U.S. Circuit Court'
    if (
        first.lower_ in STOPWORDS
        or last.lower_ in STOPWORDS
        or not (first.text[:1].isupper() or arabic or numbered)
    ):
        return None  # a fragment cut at a connector, or a lower-case phrase
    if _group_of_states(words):
        return None  # 'all the American Republics', 'the Western Democracies': states, not one body
    if (
        len(words) == 2
        and last.lower_ in ("government", "administration")
        and (demonym(first.text) or country(first.text))
    ):
        return None  # 'the Japanese Government' is Japan (the guide), not a body of its own
    if words.start > 0 and doc[words.start - 1].text in ("#", "@") and not doc[words.start - 1].whitespace_:
        return None  # '#GhanaFirst', '@GhanaPresidency': a hashtag or an account's handle, not a body's name
    if len(sides := re.split(r"\s?[-–—]\s?", words.text)) > 1 and all(country(side) for side in sides):
        return None  # 'the U.S.-India TRUST initiative': the two countries of what follows, no body
    if _an_amount(words):
        return None  # 'N15.8 trillion', 'KSh2bn': an amount of money the model took for a name
    if len(words) == 1 and first.lower_ in ROLE_WORDS:
        return None  # 'the Tánaiste said', 'the Taoiseach': an office, its holder a person, not a body
    if words.text.lower() in PAGE_FURNITURE or core(span).text.lower() in PAGE_FURNITURE:
        return None  # 'Press Release', 'Read more': the newsroom's page, not the release
    if _page_furniture(words):
        return None  # 'MFA Press Statement', 'Media Relations Office': a label or a contact desk
    if " ".join(t.lower_ for t in words) in NOT_BODIES:
        return None  # 'Islam', 'Medicare', 'the State of the Union'
    if words.text.lower() in STATE_SEATS and not _speaks(words):
        return (
            None  # "the Kremlin's war": Russia's government by its seat, no body; 'the Kremlin said' is one
        )
    if first.lower_ == "state" and [t.lower_ for t in doc[words.end : words.end + 3]][:3] == [
        "of",
        "the",
        "union",
    ]:
        return None  # 'State' of 'the State of the Union' [Address]
    if (
        first.is_digit
        or (first.like_num and first.is_lower and not _ORDINAL.match(first.text))
        or (len(words) == 1 and last.text in THING_ACRONYMS)
    ):
        return None  # '4 government' (of 'four governments'), 'AI' (in 'AI safety'), 'GDP'
    if last.text in THING_ACRONYMS and not any(t.lower_ in ORG_HEADS for t in words):
        return None  # 'Emissions of CO2', "the Chiefs' QB"; not 'Ministry of ICT'
    if last.lower_ in ("no", "no.") and len(words) > 1 and _numbered(doc, words.end):
        return None  # 'Signal No. 3', 'Bulletin No. 12': a numbered thing, not a body
    if len(words) == 1 and last.lower_ in CALENDAR_WORDS:
        return None  # 'Monday', 'March'
    if len(words) == 1 and (_ticker(last) or _state_code(last)):
        return None  # '(NYSE: LMT)', 'the NH primary', 'Concord, NH'
    if len(words) == 1 and ACRONYM.match(last.text) and post_nominal(doc, words.start):
        return None  # 'Dame Sarah Jones DBE': an honour, not the Department of Basic Education
    if (first.lower_ in EVENT_OPENERS and last.lower_ not in ORG_HEADS) or " ".join(
        t.lower_ for t in words[-2:]
    ) in VENUES:
        return None  # 'Conference on Disarmament' [session], 'Operation Clambake', 'Metro Toronto Convention Centre'
    if any(_WEB_ADDRESS.search(t.text) and not outlet_name(t) for t in words):
        return None  # 'secunia.com' is a website; 'Rappler.com' told of is its outlet (`outlet_name`)
    if first.tag_ == "VBG":
        return None  # 'Assessing Fitness to Drive' is a guidance title
    # a span across paragraphs, or a heading's one word ('Background'); not a body's name on a heading's line of
    # its own ('Ministry of Defence')
    if "\n" in core(span).text.strip() or ("\n" in core(span).text and len(words) == 1):
        return None
    if len(words) == 1 and last.lower_ in GENERIC:
        return None
    if _dateline(words):
        return None  # 'OTTAWA, ON –', 'MUMBAI:': where the report was filed
    if len(words) == 1 and _measure_or_model(last):
        return None  # '2,000 MW of storage', 'the Boeing 737 MAX 9': a unit or a model's name
    before = doc[words.start - 1] if words.start else None
    article = words.start - 1
    while article > 0 and article > words.start - 3 and doc[article].is_title:
        article -= 1  # past 'Lifetime' in 'a Lifetime ISA'
    modifier = last.dep_ in ("compound", "amod", "nmod")  # 'a NASA T-shirt': the article is the shirt's
    if (
        article >= 0
        and doc[article].lower_ in ("a", "an")
        and last.lower_ not in ORG_HEADS
        and not body_first
        and words.root.lower_ not in ORG_HEADS
        and not modifier
    ):  # but 'a Bureau of Corporations', 'an International Bank for Reconstruction and Development'
        return None  # 'a Lifetime ISA', 'an MBE': a kind of thing, not a body
    if all(w.lower_ in GENERIC for w in words) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in words.root.children
    ):
        return None  # 'a world class Police Force': what a body is, in capitals, not its name
    named_body = last.lower_ in ORG_HEADS or ACRONYM.match(last.text) is not None
    if (
        not named_body
        and not (before is not None and before.lower_ == "the")
        and _person_before_role(doc, span.end)
    ):
        return None  # 'Ahsan Iqbal the Federal Minister for Planning': a person the model took for a body
    if before is not None and before.lower_ in TERM_WORDS and last.lower_ == "parliament":
        return None  # 'in this Parliament' is a term of office
    if core(span)[-1].lower_ in NOT_BODY_HEADS and not said_by_context(words):
        return None  # "St Ursula's Day"
    if not named_body and _an_agreements_subject(words):
        return None  # 'Memorandum of Understanding ... on Health Cooperation': what it is on
    head = words.root
    if head.lower_ in NOT_BODY_HEADS and head.i < last.i and head.nbor(1).lower_ in ("for", "of", "on"):
        return None  # 'Academy Award for Best Actress', 'Summit on Climate': the head word is an event's
    generic_head = last.lower_ in GENERIC or (_singular(last) or "") in GENERIC
    if generic_head and all(w.lower_ in GENERIC_MODIFIERS for w in words[:-1]):
        return None  # 'Local Government', 'Combined Authority', 'Fire Services'
    if last.lower_ in NOT_BODY_HEADS and not body_first and not said_by_context(words):
        return None  # 'Spending Review', 'Anti-Corruption Summit', 'Eland House'
    if last.is_digit and len(words) > 1 and words[-2].lower_ in NOT_BODY_HEADS:
        return None
    if (
        _is_plural_common(last)
        and not any(w.lower_ in ORG_HEADS | COMPANY_HEADS for w in words)
        and not (words.end < len(doc) and doc[words.end].lower_ in LEGAL_FORMS)  # 'Bharat Dynamics Limited'
        and not said_by_context(words)
        and not listed_with_bodies(words)
        and not _group_of_people(words)
        and not _singular_subject(words)
        and (words.start, words.end) not in doc.user_data.get(PARTY_KEY, ())
    ):
        return None  # 'Crown Dependencies', 'Building Regulations'; not 'Draper, Intuitive Machines and ...'
    if (_singular(first) or "") in ORG_HEADS or (
        _singular(last) is not None and before is not None and before.lower_ in QUANTIFIERS
    ):
        return None  # 'Departments of State', 'our Crisis Centres'
    if last.tag_ == "JJ" and last.is_title and not said_by_context(words):
        return None  # 'Commons Ministerial' [team]; not 'Tesla' in 'Tesla chief executive'
    titled_body = (
        len(words) > 1 and words[1].lower_ not in STOPWORDS and last.lower_ in ORG_HEADS | COMPANY_HEADS
    ) or any(  # "the Mayor's Office of Housing Recovery"
        t.lower_ == "office" and t.i > words.start and doc[t.i - 1].text in ("'s", "’s") for t in words
    )
    if (first.lower_ in TITLE_HEADS and not titled_body) or (
        last.lower_ in TITLE_HEADS and last.lower_ != "mp"
    ):
        return None  # 'the Minister for Health', 'Foreign Secretary'; not 'the Premier League'
    if all(t.is_digit or t.is_punct for t in words):
        return None
    if _in_title(doc, words.start):
        return None
    follower = doc[span.end] if span.end < len(doc) else None
    if follower is not None and last.lower_ not in ORG_HEADS and not ACRONYM.match(last.text):
        if follower.is_title and follower.lower_ in ROLE_WORDS:
            return None  # 'Home' in 'Home Secretary', 'Border Security' in 'Border Security Minister'
        if follower.lower_ in ("and", "&") and _portfolio_before_title(doc, span.end + 1):
            return None  # 'Commerce' in 'Commerce and Industry Minister'
        after = _past_number(follower)  # 'the Artemis II mission', 'the Chandrayaan 4 mission'
        if after.is_lower and after.lower_ in PROGRAMME_WORDS | _CATEGORY_NOUNS:
            return None  # 'the MentorSet scheme', 'its Lifestyle-Religion category', 'the Artemis II mission'
        if len(words) == 1 and follower.lower_ in _LEADERS_GOVERNMENT:
            return None  # 'the Trump administration', 'the Labour government': the country (the guide)
        if follower.is_lower and (follower.lower_ in PLACE_NOUNS or follower.lemma_ in PLACE_NOUNS):
            return None  # 'Logar province', 'Pangram area': a place
    if follower is not None and len(words) == 1 and follower.is_lower and _names_a_facility(words, follower):
        return None  # 'the Eraring power station', 'the T3 terminal'
    if (
        follower is not None
        and follower.is_lower
        and (
            follower.lower_ in DOCUMENT_WORDS
            or (len(words) == 1 and ACRONYM.match(last.text) and follower.lower_ in EXAM_NOUNS)
        )
        and last.lower_ not in ORG_HEADS
        and public_body(words.text) is None
    ):
        return None  # 'an Aadhaar card', 'a PAN card', 'the KCSE results': the document or exam, not a body
    if _in_a_thing_title(words):
        return None  # 'the Ibrahim Index of African Governance': the subject of an index, not a body
    if _in_a_place(words) or _at_a_venue(words) or _used_as_a_place(words):
        return None  # 'a hospital in El Fasher', 'gunfire in Senkata', 'at Old Trafford'
    if _listed_with_people(words) or _example_of_a_thing(words) or _quoted_title(words):
        return None  # 'Hera, Poseidon and Athena', 'apps like Couch to 5K', 'the report "Growing Up Online"'
    if names_something_else(span) or (names_a_product(words) and not _after_kind(words)):
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
    if len(words) == 1 and not named_body and last.is_title and last.lower_ in lower_case_words(doc):
        return None  # 'Housing', 'Reserve', 'Chamber': a word the text also writes in lower case
    return "ORG"


def _an_amount(words: Span) -> bool:
    """'N15.8 [trillion]', 'GH₵5m': a word with digits in it before a scale, or one that ends in a scale."""
    doc, last = words.doc, words[-1]
    if not any(c.isdigit() for c in last.text):
        return False
    scale = re.search(r"\d([a-z]+)$", last.lower_)
    return (scale is not None and scale.group(1) in SCALES) or (
        words.end < len(doc) and doc[words.end].lower_ in SCALES
    )


def _speaks(words: Span) -> bool:
    """'the Kremlin said', 'the Kremlin denied': the subject of a verb of speaking."""
    root = words.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEAKING_VERBS


def _page_furniture(words: Span) -> bool:
    """'MFA Press Statement' (a body's label over its release), 'Media Relations Office', 'Corporate
    Communication and Marketing Division' (the contact desk under it): the newsroom's page, no body."""
    if len(words) > 2 and " ".join(t.lower_ for t in words[-2:]) in PAGE_FURNITURE:
        return True
    lower = {t.lower_ for t in words}
    return lower <= CONTACT_DESK and bool(lower & CONTACT_DESK_WORDS)


def _ticker(token: Token) -> bool:
    """'LMT' of '(NYSE: LMT)': capitals after an exchange's acronym and a colon in brackets are a share's symbol."""
    doc, i = token.doc, token.i
    return (
        i >= 3
        and token.is_upper
        and doc[i - 1].text == ":"
        and doc[i - 2].is_upper
        and doc[i - 3].text in ("(", "[")
    )


def _state_code(token: Token) -> bool:
    """'NH' of 'the NH primary' or 'Concord, NH': a US state's postal code before a lower-case noun or after a
    town's name and a comma."""
    if token.text not in STATE_CODES:
        return False
    doc, i = token.doc, token.i
    follower = doc[i + 1] if i + 1 < len(doc) else None
    if follower is not None and follower.is_lower and follower.pos_ == "NOUN":
        return True
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].is_title


_ROMAN = re.compile(r"^[IVX]{1,4}$")


# An ordinal in figures, which opens a circuit's or a unit's name ('2nd U.S. Circuit Court of Appeals').
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _numbered(doc: Doc, end: int) -> bool:
    """Whether a number follows (past a full stop): 'Signal No' + '. 3'."""
    while end < len(doc) and doc[end].text == ".":
        end += 1
    return end < len(doc) and doc[end].like_num


def _past_number(token: Token) -> Token:
    """The word after a number or a Roman numeral that goes on a name ('Artemis [II] mission'), else the word."""
    doc = token.doc
    if (token.like_num or _ROMAN.match(token.text)) and token.i + 1 < len(doc):
        return doc[token.i + 1]
    return token


# Last letters of a plural noun for people, which a group of several words names itself by ('Economic Freedom
# Fighters', 'Ontario Ghostbusters', 'Young Farmers'), where 'Crown Dependencies' names no body.
_GROUP_ENDINGS = ("ers", "ists", "ians", "ors")
# Prepositions of place: a name after them is where something is ('in Senkata', 'near Malatya').
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
# Words after which 'in' takes a body, not a place: 'a stake in Tesla', 'writing in Le Monde'.
_IN_A_BODY = frozenset(
    """stake stakes share shares investment invest interest holding job role member membership position
    career write publish report article interview column op-ed editorial appear quote say""".split()
)


def inverted_name(words: Span) -> str | None:
    """'General Assembly of the United Nations' as 'United Nations General Assembly': a body's name after
    'of' put before the words that name its part, which is how the tables write such a body (None where the
    words have no 'of' between capitalised words)."""
    link = next((t for t in words[1:-1] if t.lower_ == "of"), None)
    if link is None or not words[link.i - words.start - 1].is_title:
        return None
    owner = words.doc[link.i + 1 : words.end]
    if len(owner) and owner[0].lower_ == "the":
        owner = owner[1:]
    if not len(owner) or not owner[0].is_title:
        return None
    return f"{owner.text} {words.doc[words.start : link.i].text}"


_DASHES = frozenset({"-", "–", "—", ":"})
# Lower-case words after a leader's or a party's name that make it a country's government, no body of its own.
_LEADERS_GOVERNMENT = frozenset({"administration", "government", "regime", "cabinet"})
# Lower-case nouns after a name that make it a class of things, not a body ('its Lifestyle-Religion category').
_CATEGORY_NOUNS = frozenset(
    "category categories section column segment genre ranking rankings chart charts".split()
)
# Lower-case nouns of facilities: a name before them is the facility's ('the Kusile power station', 'the T3
# terminal'), unless the text names it elsewhere too, as it names a company that owns one ('Shell said ... the
# Shell refinery').
_FACILITIES = frozenset(
    """station plant terminal mine refinery reactor dam field oilfield gasfield smelter stadium camp base prison
    pipeline port factory warehouse depot campus shipyard""".split()
)


def _names_a_facility(words: Span, follower: Token) -> bool:
    """A one-word name before a facility's lower-case noun, maybe after another ('power station'), that the
    text writes only there."""
    doc = words.doc
    j = follower.i
    while j + 1 < len(doc) and doc[j].is_lower and doc[j].dep_ == "compound" and j - follower.i < 2:
        j += 1
    if not (doc[j].is_lower and doc[j].lemma_ in _FACILITIES) or said_by_context(words):
        return False
    return doc.text.count(words.text) == 1 and public_body(words.text) is None


def _dateline(words: Span) -> bool:
    """'OTTAWA, ON –', 'NAIROBI, Kenya —', 'MUMBAI:', 'PARIS (AFP) -': capitals opening a paragraph before a dash or a colon,
    or before a comma, a place and a dash: the place a report was filed from, unless a table knows a body by
    them."""
    doc = words.doc
    i, end = words.start, words.end
    if i and "\n" not in doc[i - 1].whitespace_ + doc[i - 1].text:
        return False
    if not all(t.is_upper and t.is_alpha for t in words) or public_body(words.text) is not None:
        return False
    after = doc[end : end + 5]
    if len(after) and after[0].text in _DASHES:
        return True
    if len(after) > 3 and after[0].text == "(" and after[2].text == ")" and after[3].text in _DASHES:
        return True  # 'PARIS (AFP) -', 'MEXICO CITY (Reuters) -': the agency in brackets before the dash
    if not len(after) or after[0].text != ",":
        return False
    dash = next((t.i for t in after[1:] if t.text in _DASHES), None)
    return dash is not None and all(t.text[:1].isupper() or t.text == "," for t in doc[end + 1 : dash])


def _measure_or_model(token: Token) -> bool:
    """One word counted by a number ('2,000 MW', '40 GW'), which no body is, or written in capitals right after
    a model's number ('737 MAX', 'A321 XLR'): a unit, or part of a product's name."""
    if any(c.dep_ == "nummod" and c.like_num and c.i < token.i for c in token.children):
        return True
    before = token.doc[token.i - 1] if token.i else None
    return (
        token.is_upper
        and before is not None
        and bool(before.whitespace_)
        and any(c.isdigit() for c in before.text)
        and before.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "ORG")
    )


def _in_a_thing_title(words: Span) -> bool:
    """Whether the words follow 'of' after the capitalised head of an index's, report's, prize's or treaty's title
    ('Index of African Governance', 'Prize for Peace', 'Treaty of Tlatelolco'): its subject or place, unless they
    name a body by an organisation word or a table's name ('the Annual Report of the World Bank', 'Charter of
    the United Nations')."""
    doc, i = words.doc, words.start
    if i >= 1 and doc[i - 1].lower_ == "the":
        i -= 1
    if i < 2 or doc[i - 1].lower_ not in ("of", "on", "for"):
        return False
    head = doc[i - 2]
    return head.is_title and head.lower_ in NOT_BODY_HEADS | LAW_HEADS and not _names_a_body(words)


def _an_agreements_subject(words: Span) -> bool:
    """'Health Cooperation' in 'a Memorandum of Understanding between the two ministries on Health
    Cooperation': the capitalised subject an agreement is 'on' (a title's words), no body."""
    root = words.root
    if root.dep_ != "pobj" or root.head.lower_ != "on":
        return False
    current = root.head.head
    for _ in range(_AGREEMENT_REACH):
        if current.lower_ in _AGREEMENT_TITLE_WORDS:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


_AGREEMENT_REACH = 6  # heads walked up from 'on' to the agreement's noun
_AGREEMENT_TITLE_WORDS = frozenset(
    "memorandum memoranda mou mous moc agreement agreements treaty accord convention protocol arrangement".split()
)


def _law_of_a_place(words: Span) -> bool:
    """'Convention of Belem', 'Treaty of Rarotonga': a name opening with an agreement's word and 'of', whose
    rest names no body ('Charter of the United Nations' names one); and a name whose agreement's word goes on
    with 'on' or 'for' after other words that name no body ('the Pacific Agreement on Closer Economic Relations
    Plus'; 'the Council of the Agreement on ...' is a body)."""
    if len(words) < 3:
        return False
    if words[0].lower_ in LAW_HEADS and words[1].lower_ in ("of", "on"):
        return _names_no_body(words[2:])
    for k in range(1, len(words) - 2):
        if words[k].lower_ in _AGREEMENT_WORDS and words[k + 1].lower_ in ("on", "for"):
            return not _names_a_body(words[:k]) and _names_no_body(words[k + 2 :])
    return False


_AGREEMENT_WORDS = frozenset("treaty agreement accord convention protocol pact compact".split())


def _names_no_body(rest: Span) -> bool:
    if len(rest) and rest[0].lower_ == "the":
        rest = rest[1:]
    return len(rest) > 0 and not _names_a_body(rest)


def _names_a_body(words: Span) -> bool:
    """Words with an organisation word or an acronym, or a table's body ('the World Bank', 'UNESCO')."""
    return (
        any(w.lower_ in ORG_HEADS or ACRONYM.match(w.text) for w in words)
        or public_body(words.text) is not None
    )


def _in_a_place(words: Span) -> bool:
    """'its hospital in El Fasher', 'a fuel plant in Senkata': a name the model took for a body that hangs on
    'in', 'near' or 'outside' and has no organisation word is where something is (not 'a stake in Tesla',
    'writing in Le Monde', nor a name whose context makes it a body)."""
    root = words.root
    if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPOSITIONS or said_by_context(words):
        return False
    heads = ORG_HEADS | COMPANY_HEADS | PRESS_HEADS | MEDIA_NOUNS
    if any(t.lower_ in heads or ACRONYM.match(t.text) for t in words):
        return False
    return root.head.head.lemma_.lower() not in _IN_A_BODY


# Verbs after which 'at' takes a body, not a venue: 'works at Google', 'studied at Stanford', 'spoke at Chatham
# House'.
_AT_A_BODY = frozenset(
    "work study teach train intern lecture research graduate enrol enroll speak serve".split()
)


def _at_a_venue(words: Span) -> bool:
    """'beat Arsenal 2-1 at Old Trafford', 'the final was played at Wembley': a name the text writes once, of no
    organisation word, after an 'at' that hangs on a verb of no work or study, is the venue."""
    root = words.root
    if root.dep_ != "pobj" or root.head.lower_ != "at" or said_by_context(words):
        return False
    verb = root.head.head
    seated = verb.pos_ == "NOUN" and verb.lower_ in SEATED_NOUNS  # 'the tribunal of arbitration at Berne'
    if not seated and (verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _AT_A_BODY):
        return False
    heads = ORG_HEADS | COMPANY_HEADS | PRESS_HEADS | MEDIA_NOUNS
    if any(t.lower_ in heads or ACRONYM.match(t.text) for t in words):
        return False
    return words.doc.text.count(words.text) == 1 and public_body(words.text) is None


def first_conjunct(token: Token) -> Token:
    """The first word of the list a word is coordinated in ('Hera' → 'Zeus' in 'Zeus, Hera and Athena'), or the
    word itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _listed_with_people(words: Span) -> bool:
    """'Zeus, Hera, Poseidon, Aphrodite, and Athena': one word coordinated with names the model took for people
    (two at least) and none it took for a body is a person's name too."""
    if len(words) != 1:
        return False
    root = words.root
    first = first_conjunct(root)
    linked = [t for t in (first, *first.conjuncts) if t.i != root.i]
    people = sum(t.ent_type_ == "PERSON" for t in linked)
    if people < 2 or any(t.ent_type_ == "ORG" for t in linked):
        return False
    bodies = words.doc.user_data.get(CONTEXT_KEY, ())  # 'firms ... include Pinterest, Zoom and Dropbox'
    return not any(start <= t.i < end for start, end in bodies for t in (root, *linked))


def _example_of_a_thing(words: Span) -> bool:
    """'our apps like Couch to 5K', 'games such as Grand Theft Auto', 'films including Inside Out': a name
    given as an example of an owner's products, or of several words as an example of products or works, is
    one."""
    root = words.root
    first = first_conjunct(root)
    link = first.head
    if first.dep_ != "pobj" or link.lower_ not in ("like", "including", "as"):
        return False
    noun = link.head.head if link.lower_ == "as" and link.head.lower_ == "such" else link.head
    if not (noun.is_lower and noun.lower_ in PRODUCT_NOUNS | WORK_NOUNS):
        return False
    owned = any(c.dep_ == "poss" for c in noun.children)  # 'our apps like Couch to 5K'
    return owned or len(words) > 1  # 'apps such as Spotify': a one-word brand is often the company


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _quoted_title(words: Span) -> bool:
    """'the website "The Internet Explorer 6 Countdown"', 'the single "Viva La Vida"': a name of several words
    alone between quotation marks, with no organisation word or acronym, is a work's title."""
    doc = words.doc
    start = words.start - (1 if words.start and doc[words.start - 1].lower_ == "the" else 0)
    if len(words) < 2 or start < 1 or words.end >= len(doc):
        return False
    if doc[start - 1].text not in _QUOTES or doc[words.end].text not in _QUOTES:
        return False
    return not any(t.lower_ in ORG_HEADS | COMPANY_HEADS or ACRONYM.match(t.text) for t in words)


def _used_as_a_place(words: Span) -> bool:
    """'Derby', 'Gibraltar': one word the model tags elsewhere in the text as a place more often than as a
    body (what the text does with it, not what it is called)."""
    return (
        len(words) == 1
        and not said_by_context(words)
        and not _after_kind(words)  # 'the marketplace Tokopedia', which the model took for a place
        and _named_as_a_thing(words, labels=("GPE", "LOC", "FAC"))
    )


# Lower-case words after an acronym that make it a disease's ('the SARS outbreak', 'the 2003 SARS epidemic').
_OUTBREAK_WORDS = frozenset(
    "outbreak outbreaks epidemic epidemics pandemic virus infection infections".split()
)


def names_a_disease(words: Span) -> bool:
    """'SARS' in 'the SARS outbreak': an acronym before 'outbreak', 'epidemic' or 'virus' is the disease, no
    body, whatever body a table gives the same letters to (South Africa's revenue service)."""
    doc = words.doc
    return (
        len(words) == 1
        and ACRONYM.match(words[0].text) is not None
        and words.end < len(doc)
        and doc[words.end].lower_ in _OUTBREAK_WORDS
    )


# Lower-case words after 'Treasury' that make it the debt a treasury issues ('Treasury yields', 'Treasury bills').
_SECURITY_WORDS = frozenset(
    """yield yields bond bonds note notes bill bills securities futures prices market auction auctions curve
    holdings issuance""".split()
)


def names_securities(words: Span) -> bool:
    """'U.S. Treasury yields', 'the Treasury bill auction': the securities a treasury issues, which market
    reports name after it, are no mention of the body (and no mention of Britain's HM Treasury)."""
    doc = words.doc
    return (
        len(words) > 0  # a span of punctuation alone ('،' in Arabic text) has no name part
        and fold(words[-1].text) in ("treasury", "treasuries")
        and words.end < len(doc)
        and doc[words.end].lower_ in _SECURITY_WORDS
    )


def names_something_else(span: Span) -> bool:
    """'Commonwealth' in 'Commonwealth Games', 'EU' in 'EU Summit': the name goes on into an event's. A name of
    no organisation word or acronym also where capitalised words after it (past a possessive) end in an event's,
    a prize's or a scheme's word: 'Women' of "Women's Prize", 'Pradhan Mantri' of 'Pradhan Mantri Awas Yojana'."""
    doc = span.doc
    follower = doc[span.end] if span.end < len(doc) else None
    if follower is None:
        return False
    if follower.is_title and follower.lower_ in NOT_BODY_HEADS:
        return True
    words = core(span)
    if not len(words) or any(t.lower_ in ORG_HEADS or ACRONYM.match(t.text) for t in words):
        return False
    possessive = follower.text in ("'s", "’s")
    if possessive and words[-1].tag_ not in ("NNS", "NNPS"):
        return False  # "Tesla's Annual Report": the owner is a body; "Women's Prize": a plural noun is none
    i = span.end + possessive
    end = i
    while end < len(doc) and end - i < 3 and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    return end > i and doc[end - 1].lower_ in NOT_BODY_HEADS | LAW_HEADS


# Last words of a part of a body: a unit, a branch or a chapter, named through its parent ("the Philippine Army's
# 8th Infantry Division", "Age UK's Leeds Branch").
_PART_WORDS = frozenset(
    """division divisions brigade battalion regiment squadron fleet wing unit branch chapter directorate
    department faculty""".split()
)


def part_of_an_owner(span: Span) -> bool:
    """The Philippine Army's 8th Infantry Division: a unit, branch or chapter written after its parent's
    possessive is the parent (the guide), which the text names already; no body of its own."""
    words = core(span)
    doc = span.doc
    if not len(words) or words[-1].lower_ not in _PART_WORDS or words.start < 2:
        return False
    mark, owner = doc[words.start - 1], doc[words.start - 2]
    return mark.text in ("'s", "’s") and owner.ent_type_ == "ORG"


def names_a_product(words: Span) -> bool:
    """'Mozilla Firefox' beside 'Mozilla', 'MacBook Pro', 'Internet Explorer 6', 'the Trent XWB engines',
    'Batman' where the text also names it as a work: a brand's product, not a body. A name ending in an
    organisation's word ('Sony Pictures', 'BBC News', 'Channel 4') stays a body."""
    doc = words.doc
    if len(words) > 1 and words[-1].i in named_possessives(doc):
        words = words[:-1]  # "Sainsbury's" is the name 'Sainsbury' written so, not a product of it
    heads = ORG_HEADS | COMPANY_HEADS | PRESS_HEADS | MEDIA_NOUNS
    if not len(words) or any(t.lower_ in heads or t.lower_ in STOPWORDS for t in words):
        return False
    if _made_by(words):
        return True  # 'Fortnite' in 'Epic Games, the maker of Fortnite'
    if _named_as_a_thing(words) and not (said_by_context(words) and words.root.dep_ in _ARGUMENTS):
        return True  # 'Batman' of 'Batman: The Animated Series'; not 'The Crusaders beat the Chiefs 24-20'
    if _owned_product(words) or _copy_of(words) or words.text in _work_titles(doc) | _product_names(doc):
        return True  # "its Copilot assistant", 'every copy of Windows', 'the game Epic Mickey'
    if words.text in _works_of_makers(doc) or _part_of_a_numbered_product(words):
        return True  # 'Epic Mickey by The Katherinator'; 'Explorer', 'IE' beside 'Internet Explorer 6'
    if len(words) < 2:
        return False
    last = words[-1]
    follower = doc[words.end] if words.end < len(doc) else None
    if last.lower_ in PRODUCT_SUFFIXES or (any(c.isdigit() for c in last.text) and not words[0].is_upper):
        return True  # 'MacBook Pro', 'Apple Watch Series', 'Internet Explorer 6', not the station 'NBC 5'
    if follower is not None and follower.is_lower and follower.lower_ in PRODUCT_NOUNS:
        return True  # 'Rolls-Royce Trent XWB' engines
    if any(t.ent_type_ in ("GPE", "LOC") for t in words[1:]):
        return False  # 'Bayern Munich'
    if words[0].lower_ not in GENERIC and words[0].text in _single_organisations(doc):
        return True  # 'Mozilla Firefox' where the text names 'Mozilla' alone
    return _named_as_a_thing(words[1:], labels=("PRODUCT", "WORK_OF_ART", "PERSON"))  # and 'Firefox' alone


# Dependencies of a name that stands for something in its clause, not a modifier ('Tornado teams').
_ARGUMENTS = frozenset("nsubj nsubjpass dobj pobj dative conj appos".split())


@cached_on_doc
def _works_of_makers(doc: Doc) -> frozenset[str]:
    """'Epic Mickey by The Katherinator', 'the Model Y from Tesla': the names that a 'by' right after them hangs
    on, with a proper name as its object, or a 'from' with a body as its object: what they made, a work or a
    product, wherever the text names it; not a name inside another noun's phrase ('the takeover of Twitter by
    Elon Musk'). Cached on the Doc's user data."""
    found: set[str] = set()
    for link in doc[1:-1]:
        name, maker = link.head, next((c for c in link.children if c.dep_ == "pobj"), None)
        if link.lower_ not in ("by", "from") or maker is None or link.i != name.i + 1 or name.pos_ != "PROPN":
            continue
        if name.dep_ not in ("ROOT", "nsubj", "nsubjpass", "dobj", "appos"):
            continue
        if link.lower_ == "from":
            made = maker.ent_type_ == "ORG"  # not 'Immortals from Brazil'
        else:
            made = (
                maker.pos_ == "PROPN"
                and maker.text[:1].isupper()
                and maker.ent_type_ in ("ORG", "PERSON", "")
            )
        if made:
            start = name.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == name.i:
                start -= 1
            found.add(doc[start : name.i + 1].text)
    return frozenset(found)


# What may follow a model's number: not a score's or a time's sign ('Arsenal 2-1', '10:30').
_AFTER_NUMBER = frozenset({"-", "–", "%", ":", "/", ","})


@cached_on_doc
def _numbered_products(doc: Doc) -> frozenset[tuple[str, ...]]:
    """Names of two words or more that the text writes before a model's number ('Internet Explorer 6', 'Galaxy Z
    Fold 6'), word by word: a product's, of no organisation's word ('Channel 4', 'BBC Radio 4'), not a score
    ('Manchester United 2 Chelsea 1'). Cached on the Doc's user data."""
    found: set[tuple[str, ...]] = set()
    heads = ORG_HEADS | COMPANY_HEADS | PRESS_HEADS | MEDIA_NOUNS | NOT_BODY_HEADS
    for token in doc[2:]:
        if not (token.is_digit and len(token.text) <= 2):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.text in _AFTER_NUMBER or (after.is_title and after.ent_type_)):
            continue
        start = token.i
        while (
            start > 0 and token.i - start < 4 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN"
        ):
            start -= 1
        words = doc[start : token.i]
        if len(words) > 1 and not any(t.lower_ in heads or t.ent_type_ in ("GPE", "PERSON") for t in words):
            found.add(tuple(t.text for t in words))
    return frozenset(found)


def _part_of_a_numbered_product(words: Span) -> bool:
    """'Explorer', 'Internet Explorer' or 'IE' where the text writes 'Internet Explorer 6': the product's name, its
    last words, or its initials; not its first word ('Sony' of 'Sony PlayStation 5', the maker)."""
    products = _numbered_products(words.doc)
    if not products:
        return False
    text = tuple(t.text for t in words)
    if any(len(text) <= len(p) and p[len(p) - len(text) :] == text for p in products):
        return True
    return len(words) == 1 and any(len(p) > 1 and "".join(w[0] for w in p) == words.text for p in products)


# Nouns for whoever makes a thing: what comes after them and 'of' is the thing ('the maker of Fortnite').
_MAKERS = frozenset("maker makers developer developers manufacturer creator creators publisher".split())


def _owned_product(words: Span) -> bool:
    """ "its Copilot assistant", "Apple's Vision Pro headset": a name between its owner (a possessive) and a
    lower-case noun of a product is the product; 'the Boeing aircraft' names no owner, so Boeing stays a body."""
    doc = words.doc
    if words.start < 1 or words.end >= len(doc):
        return False
    owner, follower = doc[words.start - 1], doc[words.end]
    return (
        (owner.tag_ == "PRP$" or owner.text in ("'s", "’s"))
        and follower.is_lower
        and follower.lower_ in PRODUCT_NOUNS
    )


def _copy_of(words: Span) -> bool:
    """'every copy of Windows', 'a new version of Firefox': a copy's or version's 'of' takes a product."""
    doc = words.doc
    return (
        words.start >= 2 and doc[words.start - 1].lower_ == "of" and doc[words.start - 2].lower_ in COPY_NOUNS
    )


@cached_on_doc
def _work_titles(doc: Doc) -> frozenset[str]:
    """The names the text writes right after a lower-case noun of a work ('the film Oppenheimer', 'the game
    Epic Mickey'): titles, not bodies (cached on the Doc's user data; one pass over the words)."""
    found = set()
    for token in doc:
        if not (token.is_lower and token.lower_ in WORK_NOUNS) or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if end > token.i + 1:
            found.add(doc[token.i + 1 : end].text)
    return frozenset(found)


# Verbs whose passive subject or object is a product, not a body ('the Wii was released', 'install Linux').
_PRODUCT_VERBS = frozenset("release install uninstall download upgrade discontinue unveil ship".split())


@cached_on_doc
def _product_names(doc: Doc) -> frozenset[str]:
    """The names the model tagged (as bodies, people or places) that the text treats as products somewhere: released, installed or
    downloaded ('the Wii was released', 'download Firefox'), selling well ('the Xbox sold well') or going on
    sale (cached on the Doc's user data; one pass over the entities)."""
    found = set()
    for ent in doc.ents:
        root = first_conjunct(ent.root)  # 'the Xbox and the Wii sold well'
        verb = root.head
        lemma = verb.lemma_.lower()
        if ent.label_ not in ("ORG", "PERSON", "PRODUCT", "GPE") or verb.pos_ not in ("VERB", "AUX"):
            continue
        acted_on = root.dep_ in ("nsubjpass", "dobj") and lemma in _PRODUCT_VERBS
        sold = root.dep_ == "nsubj" and (
            (lemma == "sell" and not any(c.dep_ == "dobj" for c in verb.children))
            or (lemma == "go" and any(c.lower_ == "on" and c.nbor(1).lower_ == "sale" for c in verb.children))
        )
        if acted_on or sold:
            found.add(core(ent).text)
    return frozenset(found)


def _singular_subject(words: Span) -> bool:
    """'Electronic Arts has pulled out', 'General Motors is': a name of several words in the plural with a
    singular verb is one thing, a company, not a class of things ('Building Regulations are')."""
    root = words.root
    if len(words) < 2 or root.dep_ != "nsubj" or root.tag_ not in ("NNPS", "NNS"):
        return False  # one word in the plural may be a surname's ('Edmunds says')
    verb = root.head
    return any(
        t.tag_ == "VBZ" or t.lower_ == "was"
        for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass")))
    )


def _group_of_people(words: Span) -> bool:
    """'the Economic Freedom Fighters', 'Young Farmers': several words ending in a plural noun for people,
    standing for a body in the sentence (not opening it: 'Successful Stormtroopers share a high-five'; not
    modifying a noun: 'the Wales & Borders franchise')."""
    return (
        len(words) > 1
        and words[-1].lower_.endswith(_GROUP_ENDINGS)
        and not words[0].is_sent_start
        and words.root.dep_ not in ("compound", "nmod", "amod")
    )


def _made_by(words: Span) -> bool:
    """'the maker of Fortnite', 'the developer of Minecraft': the object of a maker's 'of' is its product."""
    doc = words.doc
    return words.start >= 2 and doc[words.start - 1].lower_ == "of" and doc[words.start - 2].lower_ in _MAKERS


def _named_as_a_thing(words: Span, *, labels: tuple[str, ...] = ("PRODUCT", "WORK_OF_ART")) -> bool:
    """The same words tagged in the text as a product or a work (or `labels`) more often than as an
    organisation."""
    found = _labels_by_name(words.doc).get(words.text, ())
    things = sum(label in labels for label in found)
    return things > found.count("ORG")


@cached_on_doc
def _labels_by_name(doc: Doc) -> dict[str, tuple[str, ...]]:
    """Each name the model tagged, without 'the' and a possessive, with the labels it gave it (cached on the
    Doc's user data: one pass over the entities, not one a name)."""
    labels: dict[str, list[str]] = {}
    for e in doc.ents:
        labels.setdefault(core(e).text, []).append(e.label_)
    return {name: tuple(found) for name, found in labels.items()}


@cached_on_doc
def _single_organisations(doc: Doc) -> frozenset[str]:
    """The one-word organisation names the model tagged in the text, without a legal form (cached on the Doc's
    user data)."""
    return frozenset(
        name_part(e).text for e in doc.ents if e.label_ == "ORG" and len(name_part(e)) == 1
    )  # 'Google' of 'Google Inc.' too


def in_list_of_places(span: Span) -> bool:
    """'Inverness' in 'Cardiff, Aberdeen and Inverness': one word coordinated with places (anywhere in the
    list) is a place, and so is one in a list of the places a noun such as 'cities' includes."""
    if len(span) != 1:
        return False
    token = span[0]
    first = first_conjunct(token)
    linked = [t for t in first.conjuncts if t.i != token.i] + ([first] if first.i != token.i else [])
    named = [t for t in linked if t.ent_type_ or region(t.text)]
    if named and all(t.ent_type_ in ("GPE", "LOC") or region(t.text) for t in named):
        return True  # not 'Microsoft' in 'Ubisoft, Microsoft, and PlayStation VR', a list of companies
    # 'towns and cities including Bristol, Cardiff and Plymouth'
    return (
        first.dep_ == "pobj"
        and first.head.lower_ in ("including", "like")
        and first.head.head.lemma_ in (PLACE_NOUNS)
    )


def a_city_in_the_text(words: Span) -> bool:
    """'Geelong' in '129 vehicles in Geelong ... a great day for Geelong': a one-word name a city of 15,000
    people or more bears, which the text puts somewhere as a place ('built in', 'held near'), is that place
    wherever the text names it; not a company in which someone invests or holds a stake ('invest in Nokia')."""
    return len(words) == 1 and words.text in _cities_as_places(words.doc)


@cached_on_doc
def _cities_as_places(doc: Doc) -> frozenset[str]:
    return frozenset(
        t.text
        for t in doc
        if t.dep_ == "pobj"
        and t.is_title
        and t.head.lower_ in _PLACE_PREPOSITIONS
        and t.head.head.lemma_.lower() not in _HOLDING_WORDS
        and is_city(t.text)
    )


_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})
# What one has 'in' a company, not in a place.
_HOLDING_WORDS = frozenset("invest investment stake share interest holding confidence trust".split())


def listed_with_bodies(words: Span) -> bool:
    """'Intuitive Machines' in 'Draper, Intuitive Machines and Moon Express': a name coordinated with names
    the model took for organisations (two at least, and more than it took for places or people, so that one
    mislabel does not carry the list)."""
    root = words.root
    first = first_conjunct(root)
    linked = [t for t in (first, *first.conjuncts) if not words.start <= t.i < words.end]
    bodies = sum(t.ent_type_ == "ORG" for t in linked)
    return bodies >= 2 and bodies > sum(t.ent_type_ in ("GPE", "LOC", "PERSON") for t in linked)


@cached_on_doc
def lower_case_words(doc: Doc) -> frozenset[str]:
    """Every word the document writes in lower case (cached on the Doc's user data)."""
    lower = [t for t in doc if t.is_lower and t.is_alpha]
    return frozenset([t.text for t in lower] + [t.lemma_ for t in lower])


def head_reference(words: Span) -> Span | None:
    """'the Command' after 'the Border Security Command', 'the University' after 'the University of Toronto': an
    organisation word alone stands for the one longer organisation of the document it heads (none when two
    do, or none); 'Parliament' is a body of its own."""
    if len(words) != 1 or words[0].lower_ not in GENERIC | ORG_HEADS - _BODIES_ALONE:
        return None
    word = words[0].lower_
    longer = {
        name.text: name
        for e in words.doc.ents
        if e.label_ == "ORG" and len(name := core(e)) > 1 and _headed_by(name, word)
    }
    return next(iter(longer.values())) if len(longer) == 1 else None


def eu_institution(words: Span) -> str | None:
    """'the Council', 'the Commission's', 'Parliament' in a release of the EU's own sites are its institutions
    (the Council of the European Union, not a council of the text), where no longer name of the text has that
    word at its head."""
    if len(words) != 1 or publisher(words.doc) != "European Union" or head_reference(words) is not None:
        return None
    return _EU_INSTITUTIONS.get(words[0].text)


_EU_INSTITUTIONS = {
    "Commission": "European Commission",
    "Council": "Council of the European Union",
    "Parliament": "European Parliament",
}
# Organisation words that name a body alone, the country's ('Parliament', 'Congress').
_BODIES_ALONE = frozenset({"parliament", "congress"})


def _headed_by(name: Span, word: str) -> bool:
    """Whether an organisation word heads a name: at its end ('Kenya Revenue Authority') or before its 'of' or
    'for' ('University of Toronto'), so that 'the University' or 'the Authority' may stand for it."""
    if name[-1].lower_ == word:
        return True
    return name[0].lower_ == word and name[1].lower_ in ("of", "for")


def coordinated_bodies(doc: Doc) -> list[tuple[Span, list[str]]]:
    """'the Scottish and Welsh Governments': two bodies under one plural organisation word, each named
    with it ('Scottish Government', 'Welsh Government'), where the tables know one of them or both words
    say whose bodies they are; the span covers the whole phrase."""
    found: list[tuple[Span, list[str]]] = []
    countries: tuple[str, ...] | None = None
    for token in doc[3:]:
        i = token.i
        word = token.lower_
        single = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if not token.is_title or not word.endswith("s") or single not in ORG_HEADS:
            continue
        link = i - 2 if doc[i - 2].lower_ == "and" else i - 3  # 'Treasury and Post Office Departments'
        first, second = doc[link - 1], doc[link + 1 : i]
        if link < 1 or doc[link].lower_ != "and" or first.is_sent_start:
            continue
        if not (first.is_title and all(t.is_title for t in second)):
            continue
        if {first.lower_, *(t.lower_ for t in second)} & (STOPWORDS | GENERIC_MODIFIERS):
            continue  # 'Local and Combined Authorities' name no particular bodies
        head = single.capitalize()
        names = [f"{first.text} {head}", f"{second.text} {head}"]
        if countries is None:
            countries = document_countries(doc)
        if any(public_body(n, countries=countries) for n in names) or (
            len(second) == 1 and _of_places(first, second[0])
        ):
            found.append((doc[link - 1 : i + 1], names))  # not 'the Catering and Food Services'
    return found


def _of_places(first: Token, second: Token) -> bool:
    """Both words say whose bodies they are; or one is the state's own name in its government's release and the
    other, then, one of its states ('the Commonwealth and Victorian Governments' in Australia's,
    `states.own_state`), which the gazetteer need not know by its adjective."""
    home = publisher(first.doc)
    if any(own_state(t.text, home=home) is not None for t in (first, second)):
        return True
    return all(_of_a_place(t) for t in (first, second))


def _of_a_place(token: Token) -> bool:
    """'Scottish', 'Canadian', 'Ontario': a word that says whose body it is."""
    text = token.text
    return token.ent_type_ in ("NORP", "GPE") or any(f(text) for f in (demonym, country, region))


# Words that end a university's part: a school, a faculty or a department named through its university is the
# university (the guide: 'Oxford's physics department' is the University of Oxford).
_UNIT_WORDS = frozenset("school department faculty laboratory lab division".split())
_UNIVERSITY_WORDS = frozenset({"university", "college"})


def parent_university(name: str, names: set[str]) -> str | None:
    """'Harvard Medical School' where the text names 'Harvard University', 'Yale Law School' beside 'Yale
    University': the one university of the text whose one own word (all but 'University', 'of', 'the') the
    part's name opens with, when the part's name ends in a unit's word."""
    words = name.split()
    lowered = [w.lower() for w in words]
    if len(words) < 2 or lowered[-1] in _UNIVERSITY_WORDS:
        return None
    if lowered[-1] not in _UNIT_WORDS:
        return None
    found = set()
    for other in names:
        own = [w for w in other.split() if w.lower() not in _UNIVERSITY_WORDS | STOPWORDS]
        if other == name or len(own) != 1 or not _UNIVERSITY_WORDS & {w.lower() for w in other.split()}:
            continue
        if words[0] == own[0]:
            found.add(other)
    return found.pop() if len(found) == 1 else None
