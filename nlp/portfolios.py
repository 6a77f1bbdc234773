"""People named after an office and a portfolio the body tables need not know: 'Minister for Trade and Export
Growth [Todd McClay]', 'Cabinet Secretary for Interior and National Administration [Kipchumba Murkomen]'.

Releases write the office, its portfolio and the holder's name as one run of capitalised words, and the small
model mostly tags none of it, or takes the name into a body's span with the portfolio. The split between the two
is read from the words: a portfolio is made of common nouns and of the words public bodies are named with
(Trade, Energy, Security, Administration), a name is not. The name is the run's last two words, and up to two
more before them that are neither (`common` is the English lexicon's nouns and adjectives, the lemmatizer's own
index, read once when the pipeline is built), nor a place, nor a joining word; a run whose last words are a
body's or a place's ('Minister for Health and Social Care said') names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from nlp.bodies.tables import public_bodies
from nlp.cities import is_city
from nlp.people import ROLE_WORDS, is_honorific
from presswatch.gazetteer import country, international_bodies, region

# Words a portfolio joins its parts with: 'Forestry, Fisheries and the Environment', 'Road Transport & Highways'.
_JOINING = frozenset({"and", "of", "the", "&", ",", "for"})
_NAME_WORDS = (2, 4)  # a name after a portfolio has two to four words ('Francisco Tiu Laurel')
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
# What the model tags a place, which a name's word is not where the gazetteer or the cities know it as one (the
# model tags names as places too: '[Jelani Okafor]' as GPE).
_NOT_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """The words, in lower case, that public bodies' names are made of (the body tables and the
    international bodies): a run's word among them belongs to the portfolio, not to the name."""
    names = [s for b in public_bodies() for s in b.spellings] + [
        a for b in international_bodies() for a in b.aliases
    ]
    return frozenset(
        w.lower() for name in names for w in re.findall(r"[A-Za-z]+", name) if w.istitle() and len(w) > 2
    )


def _capitalised(token: Token) -> bool:
    """'McClay', "O'Connor", 'Tiu': a word that opens in upper case and is not all of it (no acronym)."""
    text = token.text
    return (
        text[:1].isupper()
        and any(c.islower() for c in text)
        and text.replace("'", "").replace("’", "").isalpha()
    )


def _joined(doc: Doc, i: int) -> bool:
    """A hyphen written inside a word ('Armah-Kofi'), which the tokenizer splits off."""
    token = doc[i]
    return token.text == "-" and not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _run_end(doc: Doc, start: int) -> int:
    """The end of the capitalised run after an office's 'for' or 'of': capitalised words and the words that
    join a portfolio's parts, to the first other word, a sentence's end or another office's title."""
    i = start
    while i < len(doc) and not (i > start and doc[i].is_sent_start):
        token = doc[i]
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") or token.tag_ in _FINITE:
            break  # 'Minister for Europe Stephen Doughty Visits Kyiv': a headline's verb ends the name
        if _capitalised(token):
            if token.lower_ in ROLE_WORDS or is_honorific(token):
                break  # 'Minister of Finance and Coordinating Minister ...': another office (or a title)
        elif token.text == ",":
            if i + 1 >= len(doc) or not _capitalised(doc[i + 1]):
                break
        elif not (token.lower_ in _JOINING or _joined(doc, i)):
            break
        i += 1
    while i > start and not _capitalised(doc[i - 1]):
        i -= 1  # a run ends on a word of the name, not on 'and' or a comma
    return i


def _words(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The run's words from its end back as (start, end) token bounds, a hyphenated name one word."""
    found: list[tuple[int, int]] = []
    i = end
    while i > start:
        first = i - 1
        while first - 2 >= start and _joined(doc, first - 1) and _capitalised(doc[first - 2]):
            first -= 2
        found.append((first, i))
        i = first
    return found


def _portfolio_word(words: Span, *, common: frozenset[str], person: bool) -> bool:
    """A word of a portfolio: one that bodies are named with, a place, or a common noun or adjective ('Mines'
    by its singular) unless the model tagged it as a person's (it knows 'Samuel' and 'Maria' are names, though
    the lexicon has them), and then still a plural the tagger marks as one (NNPS)."""
    text = words.text
    last = words[-1]
    if text.lower() in portfolio_words() or last.lemma_.lower() in portfolio_words() or _place(text):
        return True
    if person:
        return last.tag_ == "NNPS" and last.lemma_.lower() != last.lower_
    return _common(words, common)


def _headline_words(doc: Doc, words: list[tuple[int, int]], *, common: frozenset[str]) -> bool:
    """'Minister for Europe Stephen Doughty [Visits Kyiv]': a headline's words in title case, a place and a common
    word, where a name would be (the model tags neither as a person's; 'Dion George' has a word no lexicon has)."""
    spans = [doc[first:last] for first, last in words]
    if any(s[0].ent_type_ == "PERSON" for s in spans):
        return False
    places = [_place(s.text) for s in spans]
    plain = [_common(s, common) for s in spans]
    return any(places) and all(p or c for p, c in zip(places, plain, strict=True))


def _common(words: Span, common: frozenset[str]) -> bool:
    """Whether the lexicon has the word, or its singular ('Visits', 'Mines': the model lemmatises neither)."""
    word = words.text.lower()
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word in common or words[-1].lemma_.lower() in common or (singular != word and singular in common)


def _forename(word: Span, *, common: frozenset[str]) -> bool:
    """'[Neale] Richmond', '[Hilary] Benn': a word no lexicon, body or place has, before a surname that is also
    a place's name (the model tags 'Richmond' as one), which makes the pair a name, not a portfolio's place."""
    return (
        bool(common)
        and word[0].ent_type_ not in _NOT_NAME_LABELS
        and not _common(word, common)
        and word.text.lower() not in portfolio_words()
        and not _place(word.text)
    )


def _place(text: str) -> bool:
    """A country or a region the gazetteer knows, or a city of GeoNames."""
    return country(text) is not None or region(text) is not None or is_city(text)


def _name_start(doc: Doc, start: int, end: int, *, common: frozenset[str]) -> int | None:
    """Where the name at the end of a portfolio's run opens, or None when the run ends on no name."""
    words = _words(doc, start, end)
    least, most = _NAME_WORDS
    if len(words) <= least:
        return None  # a portfolio of one word at least comes before the name
    forename = _forename(doc[words[1][0] : words[1][1]], common=common)
    for n, (first, last) in enumerate(words[:least]):
        if not all(_capitalised(t) or t.text == "-" for t in doc[first:last]):
            return None
        if (
            doc[first:last].text.lower() in portfolio_words()
            or doc[first].lower_ in _JOINING
            or (
                doc[first].ent_type_ in _NOT_NAME_LABELS
                and _place(doc[first:last].text)
                and not (n == 0 and forename)
            )
            or doc[first].ent_type_ in ("DATE", "TIME", "EVENT", "LAW")
        ):
            return None  # 'Minister for Health and Social Care said': the run ends on a body's words
    if _headline_words(doc, words[:least], common=common):
        return None
    opening = words[least - 1][0]
    for first, last in words[least : min(most, len(words) - 1)]:
        person = doc[first].ent_type_ == "PERSON"
        if not _capitalised(doc[first]) or _portfolio_word(doc[first:last], common=common, person=person):
            break
        opening = first
    if _place(doc[opening:end].text):
        return None  # 'Premier of New South Wales'
    return opening


def names_after_portfolios(
    doc: Doc, spans: Sequence[Span], *, common: frozenset[str] = frozenset()
) -> list[Span]:
    """PERSON spans for the names written after '<office> for/of <portfolio>' where the model tagged no
    person in the portfolio (it may have tagged a part of the name: 'Bhagwant [Mann]'); `spans` are the
    document's entities."""
    people = [s for s in spans if s.label_ == "PERSON"]
    found: list[Span] = []
    i = 0
    while i < len(doc) - 3:
        office = doc[i]
        if not (
            office.lower_ in ROLE_WORDS and office.text[:1].isupper() and doc[i + 1].lower_ in ("for", "of")
        ):  # 'Minister for ...', 'MP for ...'
            i += 1
            continue
        end = _run_end(doc, i + 2)
        opening = _name_start(doc, i + 2, end, common=common) if end > i + 2 else None
        if opening is not None and not any(i + 2 <= p.start and p.end <= opening for p in people):
            found.append(Span(doc, opening, end, label="PERSON"))
        i = max(i + 1, end)
    return found


def portfolio_people(doc: Doc, people: Sequence[Span], *, common: frozenset[str]) -> list[Span]:
    """The model's PERSON spans that are part of an office's portfolio, joined to more of it and every word of
    them one that bodies are named with or a common noun: 'Union Minister of Fisheries, [Animal Husbandry] and
    Dairying Shri Rajiv Ranjan Singh' (a name ends the run: 'Secretary of State John Foster Dulles')."""
    runs = [
        (i + 2, _run_end(doc, i + 2))
        for i in range(len(doc) - 3)
        if doc[i].lower_ in ROLE_WORDS and doc[i].text[:1].isupper() and doc[i + 1].lower_ in ("for", "of")
    ]
    return [
        p
        for p in people
        if any(start <= p.start and p.end < end and doc[p.end].lower_ in _JOINING for start, end in runs)
        and all(_portfolio_word(p[k : k + 1], common=common, person=False) for k in range(len(p)))
    ]
