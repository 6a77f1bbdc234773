"""Counts of things ('more than 31,000 people'), read after the parser, which says which noun is counted.

Each run of number tokens ('2.5 million', 'seven hundred and fifty', 'forty-five', 'a dozen', 'half a
million') outside money, percentages, dates and ordinals goes through the rules in this order, and the first
that decides, decides:

1. `_is_not_a_quantity`: years, ranks ('the 20 biggest'), ages (also 'aged between 18 and 24'), the second
   year of '2016-17', shares ('nine in ten'), alternatives ('two or three'), model numbers ('787-9'), list
   and footnote labels, phone numbers, and counts of one or of a fraction are no counts.
2. `_counted_noun`: the noun the number modifies (digits after a number in words name a model: 'five 787
   sales'), a partitive's noun ('4 of the 22 authorities'), else the first noun after it; a plural acronym
   ('3 MoUs') is taken before proper nouns are ruled out, and a capitalised plural ('50 Medicare Clinics')
   is kept; measurements, durations, multiples ('3 times'), currencies and compound modifiers ('a 5-star
   hotel', but 'a 53-nation effort' counts) are dropped. Then, for a number with no noun of its own: the
   upper end's noun for the lower end of a range ('242 to 330 passengers'); what was counted before for
   'N more' or 'N others' (`_counted_again`; after money, it is more money); the noun named before it in
   the sentence (`_noun_named_earlier`); people, where harm is done ('killing 107').
3. `_is_reference`: 'the two countries' counts (the guide lists no back-reference among non-counts); a
   possessive or distributive ('our two countries', '1 in every 7') refers back unless it names a whole
   ('the 27 EU member states', 'to the 47 counties'); 'Article 5' and 'Boeing 737 jets' name things.
4. A singular noun after a number above one is no count ('a 5-2 victory'), unless it is its own plural.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from spacy.tokens import Doc, Token

from nlp.figures.about import about
from nlp.figures.lexicon import (
    AGE_WORDS,
    BACK_REFERENCES,
    DEFINITE_ARTICLES,
    GENERIC_ADJECTIVES,
    HARM_WORDS,
    LABEL_FOLLOWERS,
    MEASURE_UNITS,
    MEMBER_NOUNS,
    MIN_NOUN_LETTERS,
    NAMED_ONES,
    NAMING_WORDS,
    NOT_COUNTED_NOUNS,
    NOT_COUNTS,
    PHONE,
    QUALIFIER_BEFORE,
    QUALIFIER_REACH,
    RANGE_LINKS,
    RANK_WORDS,
    RULED_LABELS,
    SAME_IN_THE_PLURAL,
    SKIPPABLE_BEFORE_NOUN,
    SUPERLATIVE_TAGS,
    TIME_UNITS,
    UNIT_LEMMAS,
    WHOLE_PREPOSITIONS,
)
from nlp.numbers import (
    CURRENCY_WORDS,
    SCALES,
    SUBUNIT_WORDS,
    is_year,
    parse_number,
    parse_number_words,
    qualifier_for,
)
from presswatch.document import Figure


def _is_number(token: Token) -> bool:
    """A number that can count things: not 'one' or 'a' (too often a pronoun or article), not zero; 'a dozen'
    is twelve and 'two dozen' twenty-four ('dozens' is vague)."""
    if token.lower_ == "dozen":
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is not None and (before.lower_ in ("a", "one") or before.like_num)
    if token.lower_ == "one" and token.i + 1 < len(token.doc):
        return token.doc[token.i + 1].lower_ in _HUNDREDS_AND_SCALES  # 'one million', not 'one of them'
    if not token.like_num or token.lower_ in ("one", "a", "an", "zero", "nil") or "/" in token.text:
        return False  # a fraction or a pair of years ('2011/12') counts nothing
    value = parse_number(token.text)
    return value is None or value != 0


def _complemented(noun: Token) -> bool:
    """'the 27 members of the EU' says which ones: an 'of' complement makes a definite number a count."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.rights)


def _is_reference(first: Token, noun: list[Token]) -> bool:
    """'the two navies' refers back; 'Type 26 frigates' and 'Article 5' name things: neither is a count.

    'all 28 states' and 'the 27 members of the EU' are collective counts, not references.
    """
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.lower_ in BACK_REFERENCES and noun and _named_group(first, noun[-1]):
        return False  # 'the 27 EU member states', 'the 193 UN members': a named whole, counted
    if before.lower_ in DEFINITE_ARTICLES:
        return False  # 'the two countries', 'the three fatalities': the text counts them, if again
    if before.lower_ in BACK_REFERENCES:
        if (
            first.text[0].isdigit()
            and first.i > 1
            and before.lower_ == "the"
            and first.doc[first.i - 2].lower_ in WHOLE_PREPOSITIONS
        ):
            # 'each of the 47 prefectures', 'funds to the 47 counties', 'across the 12 regions': after a
            # preposition, a definite number in digits counts the whole
            return False
        return not (noun and _complemented(noun[-1]) and first.text[0].isdigit())
    if before.lower_ in NAMING_WORDS:
        return True
    if before.pos_ == "PROPN" and not before.is_sent_start and any(c.isalpha() for c in before.text):
        return True  # 'the iPhone 11 lineup', 'Boeing 737 jets': part of a product's name
    return before.is_title and before.pos_ == "NOUN" and not before.is_sent_start


def _named_group(first: Token, noun: Token) -> bool:
    """A name between the number and the noun says which group is counted: 'the 27 EU member states'."""
    between = first.doc[first.i + 1 : noun.i]
    return first.text[0].isdigit() and any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in between)


# Thousands grouped by spaces, as South African and EU texts write them: '1 500 delegates', '12 000 jobs'.
_SPACE_GROUPS = (re.compile(r"^\d{1,3}$"), re.compile(r"^\d{3}$"))
_COMMA_GROUPED = re.compile(r"\d,\d{3}\b")


def _space_grouped(run: list[Token]) -> bool:
    """Digit groups of a number written with spaces, in a text that groups no number with commas (where it
    does, '400 737' is two numbers), and not before a model's name."""
    first, rest = _SPACE_GROUPS
    return (
        len(run) > 1
        and first.match(run[0].text) is not None
        and all(rest.match(t.text) and run[k].whitespace_ for k, t in enumerate(run[1:]))
        and _COMMA_GROUPED.search(run[0].doc.text) is None
        and not _names_a_model(run[-1])
    )


def _names_a_model(last: Token) -> bool:
    """'roughly 400 [737 Max] jets': a group of digits before a capitalised word is a model's number."""
    doc = last.doc
    return last.i + 1 < len(doc) and doc[last.i + 1].is_title


def _run_value(run: list[Token]) -> Decimal | None:
    if _space_grouped(run):
        return parse_number("".join(t.text for t in run))
    first = parse_number(run[0].text)
    if first is None:
        return parse_number_words([t.text for t in run if t.text != "-"])
    factor = 1
    for token in run[1:]:
        factor *= SCALES.get(token.lower_, 1)
    return first * factor


_PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]s$")


def _counted_noun(doc: Doc, last: Token) -> list[Token]:
    """The noun a number counts, with the compound nouns before it ('asylum seekers')."""
    head: Token | None = None
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        head = last.head
    elif (partitive := _partitive_noun(doc, last)) is not None:
        head = partitive  # 'over 100,000 of our troops'
    else:
        for token in doc[
            last.i + 1 : last.i + 4
        ]:  # past adjectives and participles: '1.4 lakh recognised startups'
            if token.pos_ == "NOUN" and token.lower_ not in SCALES:
                head = token
                break
            if token.pos_ not in SKIPPABLE_BEFORE_NOUN and token.tag_ != "VBN" and token.lower_ not in SCALES:
                break
    if head is not None and head.pos_ == "PROPN" and _PLURAL_ACRONYM.match(head.text):
        return [head]  # '3 MoUs', '12 MPs', '40 NGOs'
    if head is not None and head.pos_ == "PROPN" and not _a_plural_name(last, head):
        return []
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in NOT_COUNTED_NOUNS:
        return []  # '10 times as many cases' (the parse may hang the number on 'cases'): a multiple, no count
    if (
        head is None
        or (head.ent_type_ in NOT_COUNTS and not _countable(head))
        or head.lower_ in SCALES
        or head.lower_ in NOT_COUNTED_NOUNS
        or head.lower_ in CURRENCY_WORDS
        or head.lower_ in SUBUNIT_WORDS
    ):
        return []  # money is never also a count: 'a billion dollars' the money rules did not read
    if (
        len(head.text) < MIN_NOUN_LETTERS
        or not head.is_alpha
        or any("/" in t.text for t in doc[last.i : head.i])
    ):
        return []  # '20 µg/L', '5 kg': a measurement, not a count of things
    if head.lower_ in ("year", "years") and any(t.lower_ in AGE_WORDS for t in doc[head.i : head.i + 3]):
        return []  # '45 years old' is an age
    if head.lower_ in TIME_UNITS:
        return []  # '37 days', 'every seven to ten years': a duration
    if doc[last.i + 1].text in ("-", "–") and head.tag_ == "NN" and not _hyphenated_count(doc, last, head):
        return []  # 'a 7-megapixel camera', 'a 5-star hotel': a compound modifier that measures or rates
    modifiers = [t for t in doc[last.i + 1 : head.i] if _names_the_kind(t)]
    return [*modifiers, head]


def _hyphenated_count(doc: Doc, last: Token, head: Token) -> bool:
    """'a 53-nation effort', 'the 27-member bloc': a number joined by a hyphen to a word for the members of a
    group still counts them; other such modifiers measure, last or rate ('a 7-megapixel camera', 'a 30-day
    wait', 'a 5-star hotel', 'a two-class layout')."""
    return (
        head.i == last.i + 2
        and doc[last.i + 1].text in ("-", "–")
        and head.lower_ in MEMBER_NOUNS
        and not (head.i + 1 < len(doc) and doc[head.i + 1].text in ("-", "–"))
    )


def _a_plural_name(number: Token, head: Token) -> bool:
    """'150 new Kendriya Vidyalayas', '50 Medicare Urgent Care Clinics', '27 Member States', '400,000
    Singaporeans': a capitalised plural the number modifies is what it counts; '2 United States' is no plural
    of things, and a capitalised number word is part of the name ('at Three Bridges', 'the Four Seasons')."""
    if number.is_title and not number.is_sent_start:
        return False
    word = head.lower_
    plural = head.tag_ == "NNPS" or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
    return plural and head.ent_type_ not in NAMED_ONES and len(word) > MIN_NOUN_LETTERS


def _names_the_kind(token: Token) -> bool:
    """'social' in '45 new social workers' says what is counted; 'new' and 'British' do not."""
    if token.lower_ in SCALES:
        return False
    if token.dep_ == "compound" and token.pos_ == "NOUN":
        return not _part_of_a_name(token)
    return (
        token.dep_ == "amod"
        and token.pos_ == "ADJ"
        and token.lower_ not in GENERIC_ADJECTIVES
        and token.ent_type_ not in ("NORP", "GPE")
    )


def _part_of_a_name(token: Token) -> bool:
    """'4 [Vande] Bharat trains': a capitalised word the tagger took for a noun beside a proper noun is a name's
    word (the train's), not the kind of thing counted."""
    doc = token.doc
    return token.is_title and any(
        0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title for k in (token.i - 1, token.i + 1)
    )


def _unit(tokens: list[Token]) -> str:
    """The counted noun, singular, with the words that say its kind: 'social worker', 'start-up'."""
    head = tokens[-1]
    words: list[str] = []
    for token in tokens[:-1]:
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        joined = (
            after is not None and after.text in ("-", "–") and not token.whitespace_ and not after.whitespace_
        )
        words.append(token.lower_ + "-" if joined else token.lower_)
    lemma = UNIT_LEMMAS.get(head.lower_, head.lemma_.lower())
    if head.pos_ == "PROPN" and lemma == head.lower_ and lemma.endswith("s"):  # 'Clinics' → 'clinic'
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    if _PLURAL_ACRONYM.match(head.text):
        lemma = head.lower_[:-1]
    if head.lower_.endswith("ses") and not head.lower_.endswith("sses") and lemma == head.lower_[:-2]:
        lemma = head.lower_[:-1]  # the lemmatiser's 'dos' for 'doses', 'respons' for 'responses'
    if head.tag_ == "NNPS" and lemma.endswith("s"):  # 'Ukrainians' → 'ukrainian'
        lemma = lemma[:-1]
    return " ".join([*words, lemma]).replace("- ", "-")


def _is_not_a_quantity(doc: Doc, text: str, run: list[Token]) -> bool:
    """Years, ages, phone numbers and list numbers are numbers, but not figures."""
    first = run[0]
    if len(run) == 1 and is_year(first.text):
        return True
    if _is_a_rank(doc, run):
        return True
    if _an_age(doc, first):
        return True
    if (
        first.i > 1
        and doc[first.i - 1].lower_ in RANGE_LINKS | {"and"}
        and doc[first.i - 2].like_num
        and _an_age(doc, doc[first.i - 2])
    ):
        return True  # the end of an age range: 'ages 26-30'
    if first.i > 1 and doc[first.i - 1].text in ("-", "–", "/") and is_year(doc[first.i - 2].text):
        return True  # the second year of '2016-17'
    last = run[-1]
    if (
        _in_a_proportion(doc, first, last)
        or _an_alternative(doc, first, last)
        or _a_model_number(doc, first, last)
    ):
        return True
    if last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        return True  # 'Two: broadcasting' labels a point of a list
    if (
        first.is_sent_start
        and last.i + 1 < len(doc)
        and doc[last.i + 1].is_title
        and doc[last.i + 1].pos_ in LABEL_FOLLOWERS
    ):
        return True  # '17 When taken ...', '1.33 Passengers will ...': a footnote or paragraph number
    line_start = text.rfind("\n", 0, first.idx) + 1
    if (
        not text[line_start : first.idx].strip()
        and first.i + 1 < len(doc)
        and doc[first.i + 1].text in (".", ")")
    ):
        return True  # '1. Officers will patrol' numbers a list item
    around = text[max(0, first.idx - 6) : first.idx + 20]
    return first.dep_ == "meta" or bool(PHONE.search(around) and first.text.startswith("0"))


def _an_age(doc: Doc, first: Token) -> bool:
    """'aged 45', 'ages 26-30', 'people aged between 18 and 24': the word for age before a number, or
    before the 'between' or 'from' that starts its range."""
    before = first.i - 1
    if before > 0 and doc[before].lower_ in ("between", "from"):
        before -= 1
    return before >= 0 and doc[before].lower_ in AGE_WORDS


def _an_alternative(doc: Doc, first: Token, last: Token) -> bool:
    """'two or three goals' gives no figure: either number is only a guess."""
    after, before = doc[last.i + 1 : last.i + 3], doc[max(0, first.i - 2) : first.i]
    return (len(after) == 2 and after[0].lower_ == "or" and _is_number(after[1])) or (
        len(before) == 2 and before[1].lower_ == "or" and _is_number(before[0])
    )


def _a_model_number(doc: Doc, first: Token, last: Token) -> bool:
    """'the 787-9', 'A350-900 jets': digits joined by a hyphen to a larger number or to a name with digits
    name a model; a range rises ('5-10 schools')."""
    for near, hyphen in ((last.i + 2, last.i + 1), (first.i - 2, first.i - 1)):
        if not (0 <= near < len(doc) and doc[hyphen].text in ("-", "–")):
            continue
        glued = not doc[hyphen].whitespace_ and not doc[min(near, hyphen)].whitespace_
        other = doc[near].text
        if not glued:
            continue
        if any(c.isalpha() for c in other) and any(c.isdigit() for c in other):
            return True  # 'A350-900'
        low, high = (first.text, other) if near > last.i else (other, first.text)
        lo, hi = parse_number(low), parse_number(high)
        if lo is not None and hi is not None and lo > hi and not is_year(low):
            return True  # '787-9'
    return False


def _is_a_rank(doc: Doc, run: list[Token]) -> bool:
    """'one of the 20 biggest economies', 'the 10 most populous countries', 'the top 5 contributors': a
    number that ranks is no count of the things ranked."""
    first, last = run[0], run[-1]
    if first.i > 0 and doc[first.i - 1].lower_ in RANK_WORDS:
        return True
    for token in doc[last.i + 1 : last.i + 4]:
        if token.tag_ in SUPERLATIVE_TAGS or token.lower_ in ("most", "least"):
            return True
        if token.pos_ not in ("ADV", "ADJ"):
            return False
    return False


def _in_a_proportion(doc: Doc, first: Token, last: Token) -> bool:
    """'nine in ten adults', 'one out of five children': a share, not a count."""
    after = doc[last.i + 1 : last.i + 4]
    if len(after) >= 2 and after[0].lower_ == "in" and after[1].like_num and not is_year(after[1].text):
        return True  # not '4.9 million in 2010'
    if len(after) >= 3 and after[0].lower_ == "out" and after[1].lower_ == "of" and after[2].like_num:
        return True
    before = doc[max(0, first.i - 3) : first.i]
    words = [t.lower_ for t in before]
    return (len(words) >= 2 and words[-1] == "in" and _a_share_of(before[-2])) or (
        len(words) >= 3 and words[-2:] == ["out", "of"] and _a_share_of(before[-3])
    )


def _a_share_of(number: Token) -> bool:
    """'nine' of 'nine in ten': a plain number; not the end of an amount ('$45 million in 18 projects', '£2m
    in 30 schools' put money into things the second number counts)."""
    return number.like_num and number.lower_ not in SCALES and number.ent_type_ not in ("MONEY", "PERCENT")


def _labels_a_noun(doc: Doc, noun: Token, first: Token) -> bool:
    """'junctions 10 and 11', 'articles 3, 4 and 5': numbers right after a noun name its members."""
    between = doc[noun.i + 1 : first.i]
    if between and not between[0].like_num:
        return False  # "6 sets of regulations, 2 covering Glasgow": the comma ends the naming
    return all(t.like_num or t.lower_ in ("and", "or", ",", "-", "–") for t in between)


_NOUN_LIKE = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"})


def _noun_named_earlier(
    doc: Doc, first: Token, counts: list[Figure], *, counted_only: bool = False, more: bool = False
) -> list[Token] | None:
    """The noun a bare number counts when it is named before it in the sentence.

    'recruited 3,100 officers, of whom 2,450 are women' counts officers twice; in 'the scheme has helped
    Ukrainians, and more than 400,000 have arrived' the number stands for the people named before it.
    """
    if more:
        pass  # '... veterans have returned, and 2 million more will follow', whatever the parse makes of it
    elif first.dep_ not in _NOUN_LIKE and not (first.dep_ == "compound" and first.head.dep_ in _NOUN_LIKE):
        return None  # 'compared to 4.9 million': the run's last word takes the part a noun would
    sent = first.sent
    earlier = [f for f in counts if sent.start_char <= f.start < first.idx]
    before = doc[sent.start : first.i]
    span = doc.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand") if earlier else None
    counted = [t for t in span or () if t.pos_ in ("NOUN", "PROPN")][-1:]
    if counted or counted_only:  # 'of whom 2,450', '11.9 million people at risk and one million who have it'
        return counted
    for token in reversed(before):
        if token.tag_ in ("NNS", "NNPS") and (token.ent_type_ == "NORP" or token.pos_ == "NOUN"):
            return None if _labels_a_noun(doc, token, first) else [token]
    return None


_PARTITIVE_DETERMINERS = frozenset("the our their these those its his her my your".split())


def _partitive_noun(doc: Doc, last: Token) -> Token | None:
    """'100,000 of our troops', '40 of the 193 members': the plural noun after 'of' and a determiner."""
    words = doc[last.i + 1 : last.i + 5]
    if len(words) < 3 or words[0].lower_ != "of" or words[1].lower_ not in _PARTITIVE_DETERMINERS:
        return None
    for token in words[2:]:
        if token.tag_ == "NNS":
            return token
        if token.pos_ != "ADJ":
            break
    # Past a number or a name the parse says which noun the 'of' takes: '4 of the 22 police authorities',
    # 'some 60 of the embattled 737 Max jet' (a singular that a number of its own makes several)
    noun = next((c for c in words[0].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or words[1].head.i != noun.i:
        return None
    several = noun.tag_ == "NNS" or any(c.dep_ == "nummod" for c in noun.children)
    return noun if several else None


def _countable(noun: Token) -> bool:
    """A plural noun of things, in whatever entity the model put it: no period, no unit of measurement."""
    return (
        noun.tag_ == "NNS"
        and noun.ent_type_ in ("", "DATE", "TIME", "QUANTITY")
        and noun.lower_ not in TIME_UNITS
        and noun.lower_ not in MEASURE_UNITS
    )


def _counts_things(token: Token, label: str) -> bool:
    """A number the model put in a date, time or quantity that still counts things: its noun is a plural
    after it that is no period and no unit of measurement ('Today 5 countries' tagged as a date, '30 million
    barrels' as a quantity)."""
    if label not in ("DATE", "TIME", "QUANTITY") or not token.like_num or is_year(token.text):
        return False
    head = token
    while head.pos_ == "NUM" and head.head.i != head.i:
        head = head.head
    return (
        head.i > token.i
        and _countable(head)
        and all(
            t.like_num or t.lower_ in SCALES or t.pos_ == "ADJ" or t.lower_ in RANGE_LINKS | {"and"}
            for t in token.doc[token.i + 1 : head.i]
        )  # 'Between 40 and 50 migrants', tagged a date
    )


def _counts_harmed_people(run: list[Token]) -> bool:
    """'killing 107 or more and wounding 238', '12 were injured', 'at least 107 killed': a number with no noun
    that harm is done to, or that is said to be harmed, counts people."""
    last = run[-1]
    head = last.head
    if (
        last.dep_ in ("dobj", "conj")
        and head.lower_ in HARM_WORDS
        and head.pos_ == "VERB"
        and head.i < last.i
    ):
        return True
    after = last.doc[last.i + 1 : last.i + 3]
    return any(t.lower_ in HARM_WORDS and t.tag_ in ("VBN", "VBD", "JJ") for t in after[:1]) or (
        len(after) == 2 and after[0].lemma_ == "be" and after[1].lower_ in HARM_WORDS
    )


def _joins_number_words(last: Token, after: Token) -> bool:
    """The 'and' of 'seven hundred and fifty', 'two thousand and five': between a hundred or a scale word
    and a number word below a hundred."""
    if after.lower_ != "and" or after.i + 1 >= len(after.doc) or last.lower_ not in _HUNDREDS_AND_SCALES:
        return False
    value = parse_number_words([after.doc[after.i + 1].text])
    return value is not None and value < 100


_HUNDREDS_AND_SCALES = frozenset({"hundred", *(word for word in SCALES if len(word) > 2)})


def _number_run(doc: Doc, token: Token, blocked: set[int]) -> list[Token]:
    """The tokens of one number from `token` on: '2.5 million', 'seven hundred and fifty', 'forty - five'.

    A number in digits after one in words names a model, it adds nothing ('five 787 Dreamliner sales')."""
    run = [token]
    while run[-1].i + 1 < len(doc):
        nxt = doc[run[-1].i + 1]
        if _joins_number_words(run[-1], nxt):  # 'seven hundred and fifty'
            run.append(nxt)
            nxt = doc[nxt.i + 1]
        if _hyphenated_number_word(run[-1], nxt):  # 'forty-five'
            run.extend((nxt, doc[nxt.i + 1]))
            continue
        grouped = _space_grouped([*run, nxt])  # '12 000': its second group may be all zeros
        if nxt.i in blocked or not (
            grouped or _is_number(nxt) or (nxt.lower_ in SCALES and len(nxt.text) > 2)
        ):
            if run[-1].lower_ == "and":
                run.pop()
            break
        if nxt.text[0].isdigit() and not run[-1].text[0].isdigit():
            break
        run.append(nxt)
    return run


def _hyphenated_number_word(last: Token, hyphen: Token) -> bool:
    """'forty-five', which the tokenizer splits at its hyphen: a tens word, a hyphen, a units word."""
    if hyphen.text != "-" or last.whitespace_ or hyphen.whitespace_ or hyphen.i + 1 >= len(hyphen.doc):
        return False
    tens, units = parse_number_words([last.text]), parse_number_words([hyphen.doc[hyphen.i + 1].text])
    return tens is not None and units is not None and tens % 10 == 0 and 20 <= tens < 100 and 0 < units < 10


def _range_partner(doc: Doc, run: list[Token], blocked: set[int]) -> list[Token] | None:
    """The upper end of a range a number starts: '242 to 330 passengers', 'between 300 and 400 troops',
    '5-10 schools'; the lower end counts the noun the upper end counts."""
    link_i = run[-1].i + 1
    if link_i + 1 >= len(doc):
        return None
    link = doc[link_i]
    between = run[0].i > 0 and doc[run[0].i - 1].lower_ == "between"
    if not (link.lower_ in RANGE_LINKS or (link.lower_ == "and" and between)):
        return None
    upper = doc[link_i + 1]
    if upper.i in blocked or not _is_number(upper):
        return None
    return _number_run(doc, upper, blocked)


def _model_after(doc: Doc, run: list[Token]) -> Token | None:
    """The digits right after a number in words, which name a model: '787' in 'five 787 Dreamliner sales'."""
    after = run[-1].i + 1
    if after >= len(doc) or run[-1].text[0].isdigit() or not doc[after].text[0].isdigit():
        return None
    return doc[after] if doc[after].like_num else None


_MORE_OF_THEM = frozenset({"more", "others", "fewer"})


def _said_as_more(doc: Doc, run: list[Token]) -> bool:
    """'200 more', 'seven others'; not '200 more than last year', which compares."""
    after = doc[run[-1].i + 1 : run[-1].i + 3]
    return bool(after) and after[0].lower_ in _MORE_OF_THEM and (len(after) < 2 or after[1].lower_ != "than")


def _counted_again(doc: Doc, run: list[Token], figures: list[Figure]) -> Figure | None:
    """The count a number adds to: '700 asylum seekers ... and 200 more' counts asylum seekers again, as do
    'seven others' after 'eleven nations' and '6 more' after '5 countries' (in the sentence or the one before);
    after money, more money."""
    if not _said_as_more(doc, run):
        return None
    sent = run[0].sent
    since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    earlier = sorted((f for f in figures if since <= f.start < run[0].idx), key=lambda f: f.start)
    return earlier[-1] if earlier else None


def _money_again(text: str, run: list[Token], value: Decimal, earlier: Figure) -> Figure:
    """'brought in 50 billion euros ... to bring in 200 billion more': more of the money named before, in its
    currency (a scaled amount only: '6 more' after '£5m' is too short to be sure of)."""
    more = run[-1].doc[run[-1].i + 1]
    start, end = run[0].idx, more.idx + len(more.text)
    return Figure(
        kind="money",
        text=text[start:end],
        value=float(value),
        currency=earlier.currency,
        qualifier="exact",
        start=start,
        end=end,
    )


_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25")}


def _fraction_before(doc: Doc, run: list[Token]) -> tuple[Decimal, Token] | None:
    """'half a million', 'a quarter of a million', 'three quarters of a million': the share of the scale word
    that follows, and the word the figure starts at."""
    if run[0].lower_ not in SCALES or run[0].i < 2 or doc[run[0].i - 1].lower_ != "a":
        return None
    i = run[0].i - 2
    if doc[i].lower_ == "of":
        i -= 1
    if i < 0 or doc[i].lower_ not in _FRACTIONS:
        return None
    share, lead = _FRACTIONS[doc[i].lower_], doc[i]
    if i > 0 and doc[i - 1].lower_ == "a":
        lead = doc[i - 1]
    elif (
        i > 0 and (many := parse_number_words([doc[i - 1].text])) is not None and doc[i].lower_ == "quarters"
    ):
        share, lead = share * many, doc[i - 1]
    return share, lead


def _number_head(run: list[Token]) -> Token:
    """The token of a run the parse hangs the counted noun on: its last, unless only its first modifies a
    noun after it ('five lakh self-help groups', with 'lakh' parsed as an adjective)."""
    first, last = run[0], run[-1]
    if last.dep_ not in ("nummod", "quantmod") and first.dep_ == "nummod" and first.head.i > last.i:
        return first
    return last


def _count_figures(doc: Doc, text: str, taken: list[Figure]) -> Iterator[Figure]:
    # Money and percentages are the rules' own (`taken`): the model's MONEY or PERCENT elsewhere is a guess
    # ('for 14 Indigenous communities' tagged PERCENT), and no reason to drop a count.
    blocked = {
        t.i
        for ent in doc.ents
        if ent.label_ in NOT_COUNTS - RULED_LABELS
        for t in ent
        if not _counts_things(t, ent.label_)
    }
    blocked |= {
        t.i for fig in taken for t in doc.char_span(fig.start, fig.end, alignment_mode="expand") or ()
    }
    counts: list[Figure] = []
    rejected: set[int] = set()  # numbers that are not counts: the other end of their range is none either
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in blocked or not _is_number(token):
            i += 1
            continue
        run = _number_run(doc, token, blocked)
        i = run[-1].i + 1
        value = _run_value(run)
        lead = run[0]
        fraction = _fraction_before(doc, run) if value is not None else None
        if fraction is not None and value is not None:  # 'half a million people'
            value, lead = value * fraction[0], fraction[1]
        start_of_range = run[0].i - 2
        if (
            value is None
            or _is_not_a_quantity(doc, text, run)
            or (len(run) == 1 and (value == 1 or value != value.to_integral_value()))
            or (start_of_range in rejected and doc[run[0].i - 1].lower_ in RANGE_LINKS | {"and"})
        ):
            # 'in 1 member state' counts nothing; '5.3 Regional levers' and '18.5' are not counts, nor is
            # the 25 of 'between 18.5 and 25'
            rejected.add(run[-1].i)
            continue
        model = _model_after(doc, run)
        if model is not None:  # 'five 787 Dreamliner sales': the digits name the model, the word counts
            i = model.i + 1
        noun = _counted_noun(doc, model or _number_head(run))
        end_token: Token | None = noun[-1] if noun else None
        upper = None if noun else _range_partner(doc, run, blocked)
        if upper is not None and (_run_value(upper) or 0) > value:
            noun, end_token = (
                _counted_noun(doc, upper[-1]),
                run[-1],
            )  # the lower end of '242 to 330 passengers'
        again = (
            _counted_again(doc, run, [*taken, *counts])
            if not noun or noun[-1].lower_ in _MORE_OF_THEM
            else None
        )
        if again is not None and again.kind != "count":
            if again.kind == "money" and len(run) > 1:  # '50 billion euros ... and 200 billion more'
                yield _money_again(text, run, value, again)
            continue
        if again is None and not noun:
            # a number in words alone is too often a pronoun ('the two agreed') to take any plural before it;
            # it takes only what a count before it in the sentence counted ('five sales: two to X')
            in_words = not run[0].text[0].isdigit() and len(run) == 1
            more = _said_as_more(doc, run)
            noun = _noun_named_earlier(doc, run[0], counts, counted_only=in_words, more=more) or []
            end_token = run[-1]
        harmed = again is None and not noun and _counts_harmed_people(run)
        if again is not None:
            noun, end_token = [doc[run[-1].i + 1]], doc[run[-1].i + 1]
        elif harmed:
            noun, end_token = [run[-1]], run[-1]
        elif not noun or end_token is None or _is_reference(run[0], noun) or noun[-1].lower_ in TIME_UNITS:
            continue  # a duration named before: '37 days compared to 55'
        if (
            again is None
            and not _hyphenated_count(doc, run[-1], noun[-1])
            and noun[-1].tag_ == "NN"
            and not noun[-1].lower_.endswith("s")  # 'MoUs', mistagged as singular
            and value > 1
            and noun[-1].lower_ not in SAME_IN_THE_PLURAL
            and not (len(run) > 1 or run[0].lower_ in SCALES)
        ):
            continue  # 'the 5-2 victory': a singular noun is not what a number above one counts
        start = lead.idx
        window = max(0, start - QUALIFIER_REACH)
        qualifier = QUALIFIER_BEFORE.search(text[window:start])
        if qualifier:
            start = window + qualifier.start()
        end = end_token.idx + len(end_token.text)
        figure = Figure(
            kind="count",
            text=text[start:end],
            value=float(value),
            unit=again.unit
            if again is not None
            else "person"
            if harmed
            else _unit(noun)
            if len(noun) > 1 or noun[-1].i > run[-1].i
            else _unit(noun[-1:]),
            qualifier=qualifier_for(qualifier["qual"] if qualifier else None),
            start=start,
            end=end,
        )
        counts.append(figure)
        yield figure


class CountFigures:
    """Adds counts of things ('more than 31,000 people') once the parse says which noun is counted, and says
    what each figure is about."""

    def __call__(self, doc: Doc) -> Doc:
        taken: list[Figure] = [f for f in doc._.figures or [] if f.kind != "count"]
        found = sorted([*taken, *_count_figures(doc, doc.text, taken)], key=lambda f: f.start)
        in_figures = {
            t.i
            for f in found
            if f.kind == "money"
            for t in doc.char_span(f.start, f.end, alignment_mode="expand") or ()
        }
        doc._.figures = [
            f.model_copy(update={"about": about(doc, f, in_figures)})
            if f.kind == "money" and f.about is None
            else f
            for f in found
        ]
        return doc
