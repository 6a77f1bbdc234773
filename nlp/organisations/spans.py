"""Organisation spans the small model cuts, mislabels or misses, mended from the noun phrase around them.

The model stops a name at 'of' ('Comic Corps of' + 'Canada') or cuts it in pieces that an acronym in brackets
after it spans ('Kenya' + 'Dentists Union (KMPDU)'), starts it at the organisation word ('Society
of Canada' after 'Doctor Who'), calls a newspaper a building ('the Saudi Gazette' as FAC) and a company a
place ('Ubisoft' as GPE) or nothing. The noun phrase says what the words are: a name after a noun for a kind
of organisation ('the security firm Secunia', 'US team Cloud9', 'newspaper Le Monde') is an organisation's,
and so is a name ending in a newspaper's word. A name cut at 'and' or short of its organisation word goes on to
it ('Moi Teaching and' + 'Referral Hospital', 'the All' + 'India Institute'), two names joined at 'and' part
('Firefly Aerospace and Relativity Space'), and a score after a name is no part of it.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from nlp.bodies import document_countries, public_body
from nlp.cities import is_city
from nlp.doc_cache import cached_on_doc
from nlp.organisations.acronyms import initials_match, stands_for
from nlp.organisations.context import INSTITUTIONS, context_organisations, lone_names
from nlp.organisations.funds import runs_programmes
from nlp.organisations.lexicon import (
    BRACKETED_SHORT_FORM,
    COMPANY_HEADS,
    KIND_NOUNS,
    LAW_HEADS,
    NOT_BODY_HEADS,
    ORG_HEADS,
    PAIRING_NOUNS,
    PRESS_HEADS,
    TITLE_HEADS,
)
from nlp.organisations.rules import (
    KIND_KEY,
    PARTY_KEY,
    lower_case_words,
    named_for_an_office,
    named_possessives,
)
from nlp.people import MAORI_GROUP_OPENERS, MAORI_PARTICLES, ROLE_WORDS
from presswatch.gazetteer import country, demonym, region

_LINKS = frozenset({"of", "for"})
# The last words of a body's name: organisation words, a company's, and a hospital's or a school's.
_HEADS = ORG_HEADS | COMPANY_HEADS | INSTITUTIONS
_DASHES = frozenset({"-", "–"})
# Labels the model gives the name of a website, a paper or a band, whose words it spans whole.
_TITLE_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC"})
# Words that after a known body's name still name it ('United Nations Organization', 'NATO alliance').
_SAME_BODY = frozenset({"organization", "organisation", "alliance", "group"})
# Bodies whose name opens the names of their own councils and offices ('White House' + 'Gender Policy Council',
# 'White House' + 'Office of Science and Technology Policy'), as a gazetteer body's opens its agencies'.
_NAMES_ITS_UNITS = frozenset({"white house"})
# 'the Nationalist Government of' + 'China': a country's government is the country, no body of its own.
_STATE_WORDS = frozenset(
    {
        "government",
        "governments",
        "administration",
        "republic",
        "kingdom",
        "people",
        "peoples",
        "state",
        "states",
    }
)


def _name_word(token: Token) -> bool:
    """A word of a proper name: capitalised or mixed with digits ('Cloud9', '4chan', 'Hitwise'), no role."""
    text = token.text
    return (
        (text[:1].isupper() or (any(c.isdigit() for c in text) and any(c.isalpha() for c in text)))
        and not token.is_sent_start
        and token.lower_ not in ROLE_WORDS
        and token.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")
    )


def _before_name(token: Token) -> bool:
    """A capitalised word that can open a name ending in an organisation word ('Doctor Who Society')."""
    return (
        token.is_title and not token.is_sent_start and not token.ent_type_ and token.tag_ in ("NNP", "NNPS")
    )


def _body_word(word: str) -> bool:
    """An organisation's last word, or its plural ('Service Companies')."""
    single = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word in _HEADS or single in _HEADS


def _extended(span: Span) -> Span:
    """'Comic Corps of' + 'Canada', 'Armed Forces of the' + 'Philippines': a name cut after its 'of' or 'for'
    (or a Māori name after its 'o' or 'ā': 'Te Rūnanga o' + 'Ngāi Tahu') goes on over the capitalised words after it, and one the model closed with a comma over the place after it
    ('the University of California,' + 'Berkeley'); 'Society of Canada' after 'Doctor Who': a name that starts with its organisation word takes
    the capitalised words before it; "Westminster Magistrate's" goes on to its 'Court'; 'Cricket Board' after 'Pakistan' takes the country's name that opens
    it, unless the tables know the body without it; a known body's name goes on into a longer name ending in
    an organisation word ('United Nations' + 'Relief and Works Agency'); a name of no organisation word goes
    on over a place's name right after it ('Radio Television' + 'Hong Kong'), and so does one whose last word
    the parse makes a compound on the place ('the Minerals Council' + 'South Africa' urged)."""
    doc = span.doc
    start, end = span.start, span.end
    if (
        doc[start].is_sent_start
        and end - start > 1
        and (doc[start].tag_ == "JJ" or doc[start].lower_ in lower_case_words(doc))
        and doc[start + 1].is_title
        and public_body(doc[start + 1 : end].text) is not None
    ):
        start += 1  # 'Key' + 'Security Council' [powers]: a word opening the sentence that the text writes in
        # lower case, before a body the tables know
    if end - start > 3 and doc[end - 1].like_num and doc[end - 2].text in _DASHES and doc[end - 3].like_num:
        end -= 3  # 'the Boston Red Sox 5-3': the score is no part of the name
    if (
        end - start > 1
        and end < len(doc)
        and doc[end - 1].tag_ == "POS"
        and named_for_an_office(doc[end - 2], doc[end])
    ):
        end += 1  # "Westminster Magistrate's" + 'Court': a body named for the office it serves
    link = end - 1
    if end - start > 1 and doc[link].lower_ in ("and", "&"):
        j = end
        while j < len(doc) and j - end < 4 and doc[j].is_title and not doc[j].is_sent_start:
            j += 1
        # 'Moi Teaching and' + 'Referral Hospital'; 'Google and' alone loses its 'and'
        end = j if j > end and _body_word(doc[j - 1].lower_) else link
        link = end - 1
    if end - start > 2 and doc[end - 1].lower_ == "the" and doc[end - 2].lower_ in _LINKS:
        if any(t.lower_ in ORG_HEADS for t in span):
            link = end - 2  # 'Armed Forces of the' + 'Philippines'; not 'Noah Lyles of the' + 'United States'
        elif end < len(doc) and doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ == "B":
            end -= 2  # 'The Kansas City Chiefs of the' + 'NFL': a member of the body after it
            link = end - 1
    if (
        end + 1 < len(doc)
        and doc[end].text in MAORI_PARTICLES
        and doc[end - 1].is_title
        and doc[end + 1].is_title
    ):
        end += (
            1  # 'Ngā Pōtiki' + 'ā Tamapahore Trust': the particle the model left out joins the name's words
        )
        link = end - 1
    if (doc[link].lower_ in _LINKS or doc[link].text in MAORI_PARTICLES) and not (
        link > start and doc[link - 1].lower_ in _STATE_WORDS
    ):
        j = end
        while j < len(doc) and j - end < 4 and doc[j].text[:1].isupper() and not doc[j].is_sent_start:
            j += 1
        end = j if j > end else link
    if (
        doc[end - 1].text == ","
        and end < len(doc)
        and doc[end].ent_iob_ == "B"
        and doc[end].ent_type_ in ("GPE", "LOC")
        and any(t.lower_ in ORG_HEADS for t in span)
    ):
        end += 1  # 'the University of California,' + 'Berkeley': the model's comma says the name goes on
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if (
        doc[start].lower_ in ORG_HEADS
        and doc[start].is_title
        and start + 1 < end
        and doc[start + 1].lower_ in _LINKS
    ):
        i = start
        while i > 0 and start - i < 3 and _before_name(doc[i - 1]):
            i -= 1
        start = i
    if start > 0 and public_body(span.text) is None:
        before = doc[start - 1]
        headed = doc[end - 1].lower_ in _HEADS or (
            start <= before.head.i < end and any(t.lower_ in _HEADS for t in doc[start:end])
        )  # 'Kenya' + 'National Union of Nurses', whose 'Union' the country's name modifies
        if (
            headed
            and before.ent_type_ in ("GPE", "NORP")
            and before.dep_ == "compound"
            and before.ent_iob_ != "O"
        ):
            while (
                start > 0 and doc[start - 1].ent_type_ == before.ent_type_ and doc[start - 1].lower_ != "the"
            ):
                start -= 1  # 'Pakistan' + 'Cricket Board', 'Kenyan' + 'Ministry of Health'
    names_units = bool(span.id_) or doc[start:end].text.lower().removeprefix("the ") in _NAMES_ITS_UNITS
    if names_units and end < len(doc) and doc[end].is_title and not doc[end].ent_id_:
        j = end
        while j < len(doc) and j - end < 5 and (doc[j].is_title or doc[j].lower_ in ("and", "for", "of")):
            j += 1
        if j - end > 1 and doc[j - 1].lower_ in ROLE_WORDS:
            j -= 1  # 'White House' + 'Gender Policy Council' + 'Director': the office after the name is no part
        headed = doc[j - 1].lower_ in ORG_HEADS or (
            j > end + 2 and doc[end].lower_ in ORG_HEADS and doc[end + 1].lower_ in _LINKS
        )  # 'U.S. Army' + 'Corps of Engineers': a body's word and its 'of' go on to the name's end
        headed = headed or runs_programmes(span.id_, doc[j - 1])  # 'United Nations' + 'Environment Program'
        if (j > end + 1 or doc[end].lower_ not in _SAME_BODY) and headed:
            end = j  # 'United Nations' + 'Relief and Works Agency', 'Commonwealth' + 'Bank': another body's name
        elif (
            j > end
            and doc[j - 1].lower_ == "mission"
            and j + 1 < len(doc)
            and doc[j].lower_ == "in"
            and doc[j + 1].ent_iob_ == "B"
            and doc[j + 1].ent_type_ == "GPE"
        ):
            end = (
                j + 2
            )  # 'United Nations' + 'Assistance Mission in' + 'Afghanistan': a body's mission to a country
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
    if (
        end == span.end
        and end < len(doc)
        and doc[end].ent_iob_ == "B"
        and doc[end].ent_type_ == "GPE"
        and doc[end - 1].is_title
        and doc[end - 1].lower_ not in NOT_BODY_HEADS | LAW_HEADS
    ):
        j = end + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if (j >= len(doc) or not (doc[j].is_title or doc[j].is_upper)) and (
            doc[end - 1].lower_ not in ORG_HEADS | COMPANY_HEADS or end <= doc[end - 1].head.i < j
        ):  # 'the Minerals Council' + 'South Africa' urged, a compound on the place; not 'told the Security
            # Council' + 'Russia had', the subject of the next clause
            end = (
                j  # 'Radio Television' + 'Hong Kong', 'Cricket' + 'Australia': a place closing a body's name
            )
    if not span.id_ and end == span.end and doc[end - 1].is_title and not _body_word(doc[end - 1].lower_):
        end = _on_to_body_word(doc, end)  # 'the All' + 'India Institute of Medical Sciences'
    if (
        start > 1
        and doc[start - 1].lower_ == "and"
        and doc[start - 2].is_title
        and not doc[start - 2].ent_type_
        and _body_word(doc[end - 1].lower_)
    ):
        opening = start - 2 - _country_opening(doc, start - 2)
        if doc[opening].is_sent_start or doc[opening - 1].lower_ == "the":
            start = opening  # 'The Employment and' + 'Labour Relations Court', 'U.S. Fish and' + 'Wildlife Service'
    if (start, end) == (span.start, span.end) or end <= start:
        return span
    return Span(doc, start, end, label=span.label_)


def _country_opening(doc: Doc, i: int) -> int:
    """1 where a country's short name the model tagged alone stands right before word `i` ('U.S.', 'US',
    'N.Z.' before 'Fish and Wildlife Service'), else 0."""
    if i < 1:
        return 0
    word = doc[i - 1]
    alone = word.ent_iob_ == "B" and word.ent_type_ == "GPE" and doc[i].ent_iob_ != "I"
    return 1 if alone and word.text[:1].isupper() and country(word.text) is not None else 0


def _on_to_body_word(doc: Doc, end: int) -> int:
    """Where a name the model stopped short goes on to: the last of the capitalised words after it (over 'of',
    'for', 'and', '&', no person's, up to six) that is a body's word, else where it stopped."""
    found = end
    j = end
    while (
        j < len(doc)
        and j - end < 6
        and (doc[j].is_title or (j > end and doc[j].lower_ in ("of", "for", "and", "&")))
        and not doc[j].is_sent_start
        and doc[j].ent_type_ != "PERSON"
    ):
        if doc[j].is_title and _body_word(doc[j].lower_):
            found = j + 1
        j += 1
    return found


def _split_pair(span: Span) -> list[Span]:
    """'Firefly Aerospace and Relativity Space' as one name: two of two words at least, the first ending in a
    body's word and with no 'of' or 'for' (not 'Ministry of Electronics and Information Technology'), the
    second ending in no organisation word that both share."""
    doc = span.doc
    link = next((t.i for t in span if t.lower_ == "and"), None)
    if span.label_ != "ORG" or link is None:
        return [span]
    left, right = doc[span.start : link], doc[link + 1 : span.end]
    if left[0].lower_ == "the":
        left = left[1:]
    if len(left) < 2 or len(right) < 2 or not _body_word(left[-1].lower_) or right[-1].lower_ in ORG_HEADS:
        return [span]  # not 'U.S. Securities and Exchange Commission', one commission
    if any(t.lower_ in _LINKS for t in left) or not all(t.is_title or t.text == "&" for t in right):
        return [span]
    return [Span(doc, span.start, link, label="ORG"), Span(doc, link + 1, span.end, label="ORG")]


def _maori_body(span: Span) -> Span | None:
    """'Ngā Pōtiki' (a person to the model) + 'ā Tamapahore Trust': a Māori name that opens as a group's does
    (`nlp.people.MAORI_GROUP_OPENERS`) and goes on over its particle to an organisation word is a body's; an
    iwi's name alone ('Ngāi Tahu') is none."""
    if span.label_ != "PERSON" or span[0].lower_ not in MAORI_GROUP_OPENERS:
        return None
    longer = _extended(Span(span.doc, span.start, span.end, label="ORG"))
    return longer if _body_word(longer[-1].lower_) else None


def _joined(ents: list[Span]) -> list[Span]:
    """'Department of Commerce' + 'and' + 'Labor': a body named 'X of Y' and a word or two after 'and' that the
    model cut into a body of their own (no organisation word, no acronym, nothing the tables know) are one
    name."""
    out: list[Span] = []
    alone = Counter(e.text for e in ents if e.label_ == "ORG")
    for ent in ents:
        last = out[-1] if out else None
        doc = ent.doc
        if (
            last is not None
            and last.label_ == ent.label_ == "ORG"
            and ent.start == last.end + 1
            and doc[last.end].lower_ == "and"
            and len(ent) <= 2
            and all(t.is_title and t.lower_ not in ORG_HEADS for t in ent)
            and not ent.id_
            and alone[ent.text] == 1  # not 'the University of Oxford and Google' where Google acts alone too
            and any(t.lower_ in _LINKS for t in last[1:-1])
            and last[-1].is_title
        ):
            out[-1] = Span(doc, last.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


# Words inside a body's name between its capitalised words ('Pharmacists and Dentists', 'Mission in Somalia').
_INNER = frozenset({"of", "for", "and", "&", "in", "on", "the", ","})


def _bracketed_names(doc: Doc) -> list[Span]:
    """'Kenya Medical Practitioners, Pharmacists and Dentists Union (KMPDU)', 'African Union Transition
    Mission in Somalia (ATMIS)': the acronym a text writes in brackets after a name says where the name
    starts, whatever pieces the model cut it into: the capitalised words before the bracket whose initials
    the acronym is (`acronyms.stands_for`), back to the furthest word that still fits."""
    found: list[Span] = []
    for token in doc[1:-2]:
        i = token.i
        if token.text != "(" or doc[i + 2].text != ")" or not BRACKETED_SHORT_FORM.match(doc[i + 1].text):
            continue
        first = i
        while first > 0 and i - first < 12:
            word = doc[first - 1]
            if word.lower_ == "the" and (first < 2 or doc[first - 2].lower_ not in ("of", "for")):
                break
            if not (word.is_title or word.is_upper or word.lower_ in _INNER) or "\n" in word.whitespace_:
                break
            first -= 1
            if word.is_sent_start:
                break
        starts = [
            k
            for k in range(first, i - 1)
            if doc[k].lower_ not in _INNER and stands_for(doc[i + 1].text, [t.text for t in doc[k:i]])
        ]
        exact = [k for k in starts if initials_match(doc[i + 1].text, [t.text for t in doc[k:i]])]
        if starts:  # the furthest start whose initials the acronym is exactly, before one that skips a word
            found.append(Span(doc, (exact or starts)[0], i, label="ORG"))  # not 'Officers of the' + 'Oil ...'
    return found


def _with_bracketed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with each name an acronym in brackets delimits (`_bracketed_names`) in place of the
    pieces the model cut it into, where the model saw a body in it or it ends in an organisation's word;
    a longer entity around it stays."""
    out = list(ents)
    for name in _bracketed_names(doc):
        inside = [e for e in out if e.start < name.end and name.start < e.end]
        if any(e.start < name.start and doc[e.start].lower_ != "the" for e in inside) or any(
            (e.start, e.end) == (name.start, name.end) for e in inside
        ):
            continue
        if not (any(e.label_ == "ORG" for e in inside) or _headed_name(name)):
            continue
        start = min([name.start, *(e.start for e in inside)])  # 'the' of the model's span stays with it
        out = [e for e in out if e not in inside] + [Span(doc, start, name.end, label="ORG")]
    return sorted(out, key=lambda e: e.start)


def _headed_name(name: Span) -> bool:
    """'Kenya Medical Practitioners, Pharmacists and Dentists Union', 'Armed Forces of the Philippines': a name
    ending in an organisation's word, or with one before its 'of' or 'for'."""
    heads = ORG_HEADS | COMPANY_HEADS
    return name[-1].lower_ in heads or any(
        t.lower_ in heads and name.doc[t.i + 1].lower_ in _LINKS for t in name[:-1]
    )


@cached_on_doc
def own_acronyms(doc: Doc) -> dict[str, str]:
    """Acronym → the name the text itself writes it in brackets after ('the Armed Forces of the Philippines
    (AFP)'): the text's own meaning, which wins over a table's ('AFP' is Agence France-Presse elsewhere)
    everywhere in that text (cached on the Doc's user data)."""
    found: dict[str, str] = {}
    for name in _bracketed_names(doc):
        if _headed_name(name):
            found.setdefault(doc[name.end + 1].text, name.text)
    return found


def _after_kind_noun(doc: Doc) -> list[Span]:
    """Names right after a noun for a kind of organisation: 'the company Hitwise', 'security firm Secunia',
    'Volunteer organization Comic Corps of Canada', 'US team Cloud9 and Immortals'."""
    found: list[Span] = []
    for token in doc[:-1]:
        if not token.is_lower or token.lemma_ not in KIND_NOUNS or token.tag_ not in ("NN", "NNS"):
            continue
        start = end = token.i + 1
        if doc[start].lower_ == "the":
            continue  # 'the company the firm...': no name in apposition
        while end < len(doc) and end - start < 5 and _name_word(doc[end]):
            end += 1
        if end > start and doc[start].ent_iob_ == "B" and doc[start].ent_type_ in _TITLE_LABELS:
            while end < len(doc) and doc[end].ent_iob_ == "I" and end - start < 6:
                end += 1  # 'the dating website [Plenty of Fish]', which the model took for a work's title
        if (
            end < len(doc) - 1
            and end > start
            and doc[end].lower_ in _LINKS
            and doc[end + 1].ent_type_ == "GPE"
        ):
            end += 2  # 'Comic Corps of Canada'
        span = Span(doc, start, end, label="ORG")
        if end == start or (span.root.ent_type_ in ("GPE", "NORP", "LOC") and _a_known_place(span.root)):
            continue  # 'team GB', 'the company Hitwise UK' (a name headed by a country's is no body's); but
            # 'the marketplace Tokopedia', a name the model took for a place that no gazetteer knows
        found.append(span)
        if token.tag_ == "NNS" and end + 1 < len(doc) and doc[end].lower_ == "and":
            second = end + 1
            last = second
            while last < len(doc) and last - second < 4 and _name_word(doc[last]):
                last += 1
            if last > second:
                found.append(Span(doc, second, last, label="ORG"))  # 'teams Cloud9 and Immortals'
    return found


def _a_known_place(token: Token) -> bool:
    """A word the gazetteers know as a country, a region, a people or a city ('GB', 'UK', 'Boston')."""
    text = token.text
    return any(f(text) is not None for f in (country, region, demonym)) or is_city(text)


def _press(span: Span) -> bool:
    """'the Saudi Gazette', 'The Globe and Mail' tagged as a building or a work: a newspaper's name."""
    return span.label_ in ("FAC", "WORK_OF_ART", "PRODUCT") and span[-1].lower_ in PRESS_HEADS


def _headed_place(span: Span) -> bool:
    """'the Syrian Observatory for Human Rights', 'Makerere University' tagged as a place: a name of several
    words with an organisation's word in it that no gazetteer knows as a place ('West Bank' is one); as a
    building, a name that opens with an organisation's word and its 'for' or 'of'."""
    words = [t for t in span if t.lower_ != "the"]
    # a building's tag on 'the Centre for Strategic and International Studies'; not 'Kenyatta Conference Centre'
    if span.label_ == "FAC":
        return len(words) > 2 and words[0].lower_ in ORG_HEADS and words[1].lower_ in ("for", "of")
    if span.label_ not in ("GPE", "LOC"):
        return False
    text = " ".join(t.text for t in words)
    return (
        len(words) > 1
        and any(t.lower_ in ORG_HEADS | COMPANY_HEADS for t in words)
        and not (country(text) or region(text))
    )


# Organisation words that are also surnames ('Margaret Court', 'Joseph Bank'): a person's name may end in them.
_SURNAME_HEADS = frozenset({"court", "bank", "press", "post", "trust", "union", "college", "times"})


def _headed_person(span: Span) -> bool:
    """'Masten Space Systems', 'Indian Railways', 'Harlow District Council', 'Miami Herald' tagged as a person: a
    name of several capitalised words ending in an organisation's, a company's or a newspaper's word, which no
    person's name does."""
    last = span[-1]
    word = last.lower_.replace(".", "")  # 'Manchester United F.C.'
    return (
        span.label_ == "PERSON"
        and len(span) > 1
        and (last.is_title or last.is_upper)
        and word in (ORG_HEADS | COMPANY_HEADS | PRESS_HEADS) - _SURNAME_HEADS
    )


# A party's name of one word that a nation's adjective makes the name of its branch there ('Scottish Labour',
# 'Australian Greens', 'Welsh Conservatives'); 'Democrats' and 'Republicans' are their members.
_PARTY_WORDS = frozenset({"labour", "labor", "greens", "conservatives", "liberals"})
# The nations of the United Kingdom, whose adjectives the gazetteer's demonyms of countries do not hold.
_NATIONS = frozenset({"scottish", "welsh", "english", "cornish"})
# Words after the name that make it say a person's membership ('a Scottish Labour MSP'), not name the party.
_MEMBER_WORDS = frozenset(
    {"mp", "mps", "msp", "msps", "ms", "mss", "mla", "mlas", "voters", "supporters", "members"}
)


def _party_names(doc: Doc) -> list[Span]:
    """'Scottish Labour', 'the Scottish Greens', 'Welsh Conservatives leader': a nation's adjective and a party's
    one-word name is the party's name there, however the model tagged the two words (a nationality and a
    group of people, or a person), unless another capitalised word goes on with the name or a member's word
    follows it ('Scottish Labour MSPs')."""
    found: list[Span] = []
    for token in doc[1:]:
        adjective = doc[token.i - 1]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            token.lower_ in _PARTY_WORDS
            and token.is_title
            and adjective.is_title
            and (adjective.lower_ in _NATIONS or demonym(adjective.text) is not None)
            and not (
                adjective.i > 0 and doc[adjective.i - 1].is_title and not doc[adjective.i - 1].is_sent_start
            )
            and not (after is not None and (after.is_title or after.lower_ in _MEMBER_WORDS))
        ):
            found.append(Span(doc, adjective.i, token.i + 1, label="ORG"))
    return found


def _with_possessive(span: Span) -> Span:
    """ "Sainsbury" + "'s": a name the text writes with its "'s" (`rules.named_possessives`) keeps it."""
    if span.label_ == "ORG" and span.end in named_possessives(span.doc):
        return Span(span.doc, span.start, span.end + 1, label="ORG")
    return span


def _after_country(doc: Doc) -> list[Span]:
    """'the [U.S.] Trade and Development Agency': a body's name the model tagged nothing of but the country's
    short name that opens it, after 'the', ending in an organisation word over capitalised words and 'and',
    'of', 'for' (two to six; the country and a body's word alone, 'the UK Parliament', is left to the tables)."""
    found: list[Span] = []
    for token in doc[1:-2]:
        if not (doc[token.i - 1].lower_ == "the" and _country_opening(doc, token.i + 1)):
            continue
        end = last = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 6
            and not doc[end].ent_type_
            and not doc[end].is_sent_start
            and (doc[end].is_title or (end > token.i + 1 and doc[end].lower_ in ("and", "of", "for", "&")))
        ):
            end += 1
            if doc[end - 1].is_title and doc[end - 1].lower_ in ORG_HEADS:
                last = end
        if last > token.i + 2 and (last == len(doc) or not doc[last].is_title):  # not 'the UK Parliament'
            found.append(Span(doc, token.i, last, label="ORG"))
    return found


def organisation_spans(doc: Doc, ents: list[Span]) -> list[Span]:
    """The document's entities with organisation spans mended: cut names extended, newspapers tagged as
    buildings and names with an organisation's word tagged as places or people made organisations, and names after a kind-of-organisation noun added over whatever the
    model made of their words ('the security firm [Quorvex]' as a person), unless it found an organisation
    there or a person's name that goes on past them; and names their context makes organisations'
    (`context`), where the model found no organisation or person on their words (but a one-word 'person'
    no one in the text is: 'Ajax' of 'Ajax coach')."""
    mended = [
        _titled_office(_extended(e))
        if e.label_ == "ORG"
        else Span(doc, e.start, e.end, label="ORG")
        if _press(e) or _headed_place(e) or _headed_person(e)
        else _maori_body(e) or e
        for e in ents
    ]
    mended = [part for e in _with_bracketed_names(doc, _joined(mended)) for part in _split_pair(e)]
    parties = _party_names(doc)
    doc.user_data[PARTY_KEY] = frozenset((p.start, p.end) for p in parties)
    mended = sorted(
        [e for e in mended if not any(p.start <= e.start and e.end <= p.end for p in parties)]
        + [
            p
            for p in parties
            if not any(e.start < p.end and p.start < e.end and len(e) > len(p) for e in mended)
        ],
        key=lambda span: span.start,
    )
    added = [
        s
        for s in _after_kind_noun(doc)
        if not any(
            e.start < s.end
            and s.start < e.end
            and (e.label_ == "ORG" or (e.label_ == "PERSON" and (e.start < s.start or e.end > s.end)))
            for e in mended
        )
    ]
    by_kind = [(s.start, s.end) for s in added]
    added += [s for s in _after_country(doc) if not any(e.start < s.end and s.start < e.end for e in added)]
    lone = lone_names(doc)
    added += [
        s
        for s in context_organisations(doc)
        if not any(
            e.start < s.end
            and s.start < e.end
            and (e.label_ == "ORG" or (e.label_ == "PERSON" and e.start not in lone))
            for e in mended + added
        )
    ]
    panels = _eponymous_panels(doc)
    added = [s for s in added if not any(p.start < s.end and s.start < p.end for p in panels)] + panels
    doc.user_data[KIND_KEY] = frozenset(
        by_kind
    )  # 'the investigative website Bellingcat', a work to the model
    kept = [e for e in mended if not any(e.start < s.end and s.start < e.end for s in added)]
    kept = [part for e in kept for part in _deal_sides(e, kept + added)]
    out: list[Span] = []
    for span in sorted(kept + added, key=lambda s: (s.start, -len(s))):
        if out and span.start < out[-1].end:
            continue  # an extended name swallowed the next entity ('Canada' in 'Comic Corps of Canada')
        if out and _hyphenated(out[-1], span):
            out[-1] = Span(doc, out[-1].start, span.end, label="ORG")  # 'Air France' + '-' + 'KLM': one group
            continue
        if out and _split_name(out[-1], span):
            out[-1] = Span(doc, out[-1].start, span.end, label="ORG")  # 'GateHouse' + 'Media': one name
            continue
        span = _with_possessive(span)
        numbered = _with_ordinal(span)
        if (
            out and out[-1].end > numbered.start
        ):  # the ordinal the model tagged apart, now the name's first word
            if (out[-1].start, out[-1].end) == (numbered.start, span.start):
                out.pop()
            else:
                numbered = span
        out.append(numbered)
    return out


# Lower-case words for a panel that a person's name before them makes a body ('the Grace commission').
_PANELS = frozenset({"commission", "committee"})


def _eponymous_panels(doc: Doc) -> list[Span]:
    """'the Grace commission', 'the Kerner commission's report', 'the Dearing committee': a panel named after the
    person who chaired it, with its word in lower case, is a body of that name (the model tags the name alone,
    as a person or a body); not 'the Senate committee' or 'the EU commission', a known body's own panel or the
    body itself, nor a place's ('the Texas commission')."""
    found: list[Span] = []
    for token in doc[2:]:
        if token.lower_ not in _PANELS or not token.is_lower:
            continue
        start = token.i
        while (
            start > 0 and start > token.i - 3 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN"
        ):
            start -= 1
        if start == token.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        name = doc[start : token.i]
        if public_body(name.text, countries=document_countries(doc)) is not None or any(
            _a_known_place(t) for t in name
        ):
            continue
        found.append(Span(doc, start, token.i + 1, label="ORG"))
    return found


# Words of a court's circuit or a military unit, which an ordinal in front of them opens ('2nd U.S. Circuit Court
# of Appeals', '101st Airborne Division').
_NUMBERED_UNITS = frozenset(
    "circuit district division brigade battalion regiment fleet corps army airborne".split()
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _with_ordinal(span: Span) -> Span:
    """'2nd' + 'U.S. Circuit Court of Appeals': an ordinal right before a court's or a unit's name is its first
    word (the model tags it apart, and the name without it is another circuit's)."""
    doc = span.doc
    if span.label_ != "ORG" or span.start == 0 or not _ORDINAL.match(doc[span.start - 1].text):
        return span
    if not any(t.lower_ in _NUMBERED_UNITS for t in span):
        return span
    return Span(doc, span.start - 1, span.end, label="ORG")


def _titled_office(span: Span) -> Span:
    """ "The Mayor's" + 'Office of Housing Recovery', "the California Governor's" + 'Office of Emergency
    Services': an office named for the title it serves is named with the title's possessive and the place
    before it, which the model leaves out."""
    doc = span.doc
    i = span.start
    if span[0].lower_ != "office" or i < 2 or doc[i - 1].text not in ("'s", "’s"):
        return span
    title = doc[i - 2]
    if not (title.is_title and title.lower_ in TITLE_HEADS):
        return span
    start = i - 2
    while start > 0 and i - 2 - start < 2 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
        start -= 1  # 'California', 'Prime'
    return Span(doc, start, span.end, label="ORG")


def _hyphenated(last: Span, span: Span) -> bool:
    """Two organisations' names joined by a hyphen with no space name one group ('Air France-KLM'), but not
    before a deal's noun ('the Gannett-GateHouse merger': the deal's two sides, `_deal_sides`)."""
    doc = span.doc
    return (
        last.label_ == span.label_ == "ORG"
        and span.start == last.end + 1
        and doc[last.end].text in ("-", "–")
        and not (last[-1].whitespace_ or doc[last.end].whitespace_)
        and not (span.end < len(doc) and doc[span.end].lower_ in PAIRING_NOUNS)
    )


def _split_name(last: Span, span: Span) -> bool:
    """'GateHouse' + 'Media': the model cuts a name whose words differ in shape, leaving its last word, a
    company's or an organisation's, as an ORG of its own right after the first with only a space between."""
    return (
        last.label_ == span.label_ == "ORG"
        and span.start == last.end
        and len(span) == 1
        and span[0].is_title
        and span[0].lower_ in COMPANY_HEADS | ORG_HEADS
        and last[-1].whitespace_ == " "
        and last[-1].text[:1].isupper()
    )


def _deal_sides(span: Span, ents: list[Span]) -> list[Span]:
    """'the [Gannett-Gatehouse] merger', 'the [Coty-Kylie Jenner] deal': one ORG span of two names joined by a
    hyphen before a deal's noun names the deal's sides; each side the text names as a body elsewhere (a span
    of the model's or the rules' that is the side or opens with it) stays a body, the others (a person) go."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc) or doc[span.end].lower_ not in PAIRING_NOUNS:
        return [span]
    dashes = [t.i for t in span if t.text in _DASHES and not t.whitespace_ and not doc[t.i - 1].whitespace_]
    if len(dashes) != 1 or dashes[0] in (span.start, span.end - 1):
        return [span]
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    sides = [Span(doc, start, dashes[0], label="ORG"), Span(doc, dashes[0] + 1, span.end, label="ORG")]
    elsewhere = {e.text.casefold() for e in ents if e.label_ == "ORG" and e != span}
    return [
        side
        for side in sides
        if any(
            name == side.text.casefold() or name.startswith(side.text.casefold() + " ") for name in elsewhere
        )
    ]
