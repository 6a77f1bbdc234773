"""Figures: money (value + ISO currency), counts (value + counted noun) and percentages, with qualifiers.

Every spaCy English model splits `£75m` into `£ | 75 | m` and tags only `75` as MONEY, so money and
percentages are found by rules over the text *before* `ner` and handed to it as preset entities; counts
need the parse (which noun is counted), so they are read *after* the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from nlp.components import doc_extension
from nlp.numbers import (
    AMOUNT_PATTERN,
    CASED_DOLLAR_PREFIXES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    ISO_CODES,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    POSTFIX_SYMBOLS,
    QUALIFIER_PATTERN,
    SCALE_PATTERN,
    SCALES,
    SUBUNIT_WORDS,
    currency_code,
    currency_factor,
    parse_number,
    parse_number_words,
    qualifier_for,
    scale_value,
)
from presswatch.document import Figure

_SYMBOLS = "|".join(
    re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True) if not s[0].isalpha()
)
_WORD_SYMBOLS = r"\b(?:Rs|Re)\.?"  # the rupee's abbreviations, as whole words: 'Rs. 1,250', 'Rs.5', 'Re 1'
_ISO = "|".join(sorted(ISO_CODES))
_WORDS = "|".join(re.escape(w) for w in sorted([*CURRENCY_WORDS, *SUBUNIT_WORDS], key=len, reverse=True))
_PREFIXED_DOLLAR = (
    r"\b(?:(?i:"
    + "|".join(
        re.escape(p) for p in sorted(DOLLAR_PREFIXES, key=len, reverse=True) if p not in CASED_DOLLAR_PREFIXES
    )
    + ")|"
    + "|".join(sorted(CASED_DOLLAR_PREFIXES))
    + r")\s?\$"
)
_QUAL = rf"(?:\b(?P<qual>(?i:{QUALIFIER_PATTERN}))\s+)?"
_SCALE = rf"(?:\s?(?P<scale>(?i:{SCALE_PATTERN}))(?![\w£$€₹]))?"
_CUR_BEFORE = rf"{_PREFIXED_DOLLAR}|{_WORD_SYMBOLS}|{_SYMBOLS}|\b(?:{_ISO})\s?"
# The upper end of a range: '£5m to £8m', '£5-8m', '€2.5–3bn'.
_RANGE_TAIL = (
    rf"(?:\s?(?:-|–|—)\s?|\s+to\s+)(?:{_CUR_BEFORE})?\s?(?P<num2>{AMOUNT_PATTERN})(?!\d)"
    rf"(?:\s?(?P<scale2>(?i:{SCALE_PATTERN}))(?![\w£$€₹]))?"
)
_BETWEEN_TAIL = rf"\s+and\s+(?:{_CUR_BEFORE})?\s?(?P<bnum2>{AMOUNT_PATTERN})(?!\d)(?:\s?(?P<bscale2>(?i:{SCALE_PATTERN}))(?![\w£$€₹]))?"

MONEY_BEFORE = re.compile(
    rf"(?:\b(?P<between>(?i:between))\s+)?{_QUAL}(?P<cur>{_CUR_BEFORE})\s?(?P<num>{AMOUNT_PATTERN})(?!\d){_SCALE}"
    rf"(?(between)(?:{_BETWEEN_TAIL})?|(?:{_RANGE_TAIL})?)"
)
MONEY_AFTER = re.compile(
    rf"{_QUAL}\b(?:(?P<num>{AMOUNT_PATTERN})(?!\d)|(?P<words>(?i:{NUMBER_WORD_PATTERN})))"
    rf"{_SCALE}(?:[\s-]+(?P<cur>(?:(?i:{_WORDS})|(?:{_ISO}))\b)|\s?(?P<postfix>{'|'.join(POSTFIX_SYMBOLS)}))"
)
PERCENT = re.compile(  # '5%', 'up to 5 per cent', '5-10%', 'between 5 and 10 per cent'
    rf"(?:\b(?P<between>(?i:between))\s+)?{_QUAL}\b(?P<num>{NUMBER_PATTERN})"
    rf"(?:(?(between)\s+and\s+|\s?(?:-|–|to)\s?)(?P<num2>{NUMBER_PATTERN}))?"
    rf"\s?(?:%|(?i:per\s?cent|percent|percentage points?)\b)"
)
# A price per unit: 'Rs.5 per litre', '£3 a day', '$40/kg'.
_PER_UNIT = re.compile(r"^\s*(?:(?:per|an?|each)\s+|/\s?)(?P<per>(?:square\s+|cubic\s+)?[A-Za-z][A-Za-z]*)\b")
_PER_AFTER_ARTICLE = frozenset(
    "day week month year hour night litre liter kg kilogram tonne ton gallon barrel unit head person household "
    "family pupil student patient passenger mile kilometre km metre meter share dose".split()
)

# Labels whose numbers are not counts of things.
_NOT_COUNTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "ORDINAL", "QUANTITY"})
_SKIPPABLE_BEFORE_NOUN = frozenset({"ADJ", "ADV", "NUM"})
GENERIC_ADJECTIVES = frozenset(
    "new additional extra more further other small large big major many several more few senior junior young "
    "old existing current former total annual individual different separate various key".split()
)
# Nouns whose plural is their singular: '200 staff', '300 sheep'. Other singular nouns after a number above
# one are not what it counts ('a 5-2 victory').
_SAME_IN_THE_PLURAL = frozenset(
    "staff personnel police aircraft sheep cattle fish livestock deer crew head offspring".split()
)
_UNIT_LEMMAS = {"people": "person", "persons": "person", "staff": "staff member", "children": "child"}
# A number after these refers back to things already counted ('the two countries'), it does not count them,
# unless a complement says which ones ('the 27 members of the EU').
_BACK_REFERENCES = frozenset("the these those both its their our his her each every".split())
_QUALIFIER_REACH = 30  # characters before a number searched for 'more than', 'almost', ...
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<qual>(?i:{QUALIFIER_PATTERN}))\s+$")
_AGE_WORDS = frozenset("aged age ages old".split())
_MIN_NOUN_LETTERS = 3
_YEAR_RANGE = (1800, 2100)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(?0\d{2,4}\)?[\s-]?)\d{3,4}[\s-]?\d{3,4}")
# Periods are durations, not counts of things: '37 days', 'seven to ten years'.
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# A capitalised word of these kinds after a sentence-initial number shows the number labels what follows:
# '17 When taken ...' (a footnote marker), '1.33 Passengers will ...' (a paragraph number).
_LABEL_FOLLOWERS = frozenset({"ADV", "SCONJ", "ADP", "DET", "PRON", "VERB", "AUX", "CCONJ", "PART"})
_RANGE_LINKS = frozenset({"-", "–", "to"})
_NAMING_WORDS = frozenset(
    "article section clause paragraph page chapter rule regulation no number type class phase stage tier "
    "level grade route line platform room flight category schedule annex part item question".split()
)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and _YEAR_RANGE[0] <= int(text) <= _YEAR_RANGE[1]


def _range_end(match: re.Match[str]) -> tuple[str, str | None] | None:
    """The upper number of a range and its scale, where the match has one."""
    groups = match.groupdict()
    if groups.get("num2"):
        return groups["num2"], groups.get("scale2")
    if groups.get("bnum2"):
        return groups["bnum2"], groups.get("bscale2")
    return None


def _per_unit(text: str, end: int) -> tuple[str, int] | None:
    """'litre' and where it ends, for a price followed by 'per litre', '/litre' or 'a day'."""
    match = _PER_UNIT.match(text[end : end + 40])
    if match is None:
        return None
    unit = match["per"].lower()
    said_with_article = not match.group(0).lstrip().startswith(("per", "/", "each"))
    if said_with_article and unit not in _PER_AFTER_ARTICLE:
        return None
    return unit, end + match.end()


_WEIGHT_OF = re.compile(r"^\s+of\s+(?P<next>[A-Za-z]+)")
_MONEY_AFTER_OF = frozenset(
    "funding investment investments money cash aid support spending revenue income savings debt tax taxes "
    "taxpayers taxpayer public government new additional extra further fresh private borrowing losses "
    "profit profits assets business trade exports imports capital".split()
)


def _a_weight(currency: str, text: str, end: int) -> bool:
    """'5,200 pounds of water vapour' weighs; '5 million pounds of investment' and 'pounds of the budget'
    are money."""
    if currency.lower() not in ("pound", "pounds"):
        return False
    match = _WEIGHT_OF.match(text[end : end + 40])
    if match is None:
        return False
    word = match["next"].lower()
    return word not in _MONEY_AFTER_OF and word not in ("the", "a", "an", "its", "their", "our", "his", "her")


def _money_figures(text: str) -> Iterator[Figure]:
    for pattern in (MONEY_BEFORE, MONEY_AFTER):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            words = groups.get("words")
            number = (
                parse_number(match["num"])
                if match["num"]
                else parse_number_words(words.split())
                if words
                else None
            )
            currency = groups.get("cur") or groups.get("postfix") or ""
            code = currency_code(currency)
            if number is None or code is None:
                continue
            start, end = match.start(), match.start() + len(match.group(0).rstrip())
            if _a_weight(currency, text, end):
                continue
            upper = _range_end(match)
            if groups.get("between") and upper is None:  # 'between £5m' without its 'and': no range
                start = match.start("qual") if groups.get("qual") else match.start("cur")
            scale = match["scale"]
            value_max: float | None = None
            factor = currency_factor(currency)
            if upper is not None and _is_year(upper[0]) and not upper[1]:  # '£20m to 2030' is a deadline
                upper, end = None, match.end("scale") if match["scale"] else match.end("num")
            if upper is not None:
                top = parse_number(upper[0])
                top_scale = upper[1] or scale
                value_max = round(scale_value(top, top_scale) * factor, 6) if top is not None else None
                if value_max is not None and value_max <= scale_value(number, scale or upper[1]) * factor:
                    # 'Rs 3,000 crore to 15 states': a smaller number after 'to' is not the top of a range
                    value_max, end = None, match.end("scale") if match["scale"] else match.end("num")
                else:
                    scale = scale or upper[1]  # '£5-8m': the scale of the upper end applies to both
            per = _per_unit(text, end)
            if per is not None:
                end = per[1]
            yield Figure(
                kind="money",
                text=text[start:end],
                value=round(scale_value(number, scale) * factor, 6),
                value_max=value_max,
                currency=code,
                per=per[0] if per else None,
                qualifier=qualifier_for(groups.get("qual")),
                start=start,
                end=end,
            )


def _percent_figures(text: str) -> Iterator[Figure]:
    for match in PERCENT.finditer(text):
        number = parse_number(match["num"])
        top = parse_number(match["num2"]) if match["num2"] else None
        start = match.start() if top is not None or not match["between"] else match.start("num")
        if top is not None and _is_year(match["num"]):
            number, top, start = top, None, match.start("num2")  # 'to fall in 2015 to 6.8%' is no range
        if number is not None:
            yield Figure(
                kind="percent",
                text=text[start : match.end()],
                value=float(number),
                value_max=float(top) if top is not None else None,
                qualifier=qualifier_for(match["qual"]) if start == match.start() else "exact",
                start=start,
                end=match.end(),
            )


def _without_overlaps(figures: list[Figure], text: str) -> list[Figure]:
    """Keep the longest of overlapping matches (the two money patterns can both see `40 million euros`), and
    read '3 dollars 50 cents' or 'thirteen dollars and forty-five cents' as one amount."""
    kept: list[Figure] = []
    for fig in sorted(figures, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and fig.start < kept[-1].end:
            continue
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.kind == fig.kind == "money"
            and last.currency == fig.currency
            and text[last.end : fig.start].strip().lower() in ("", "and")
            and fig.text.lower().endswith(tuple(SUBUNIT_WORDS))
            and last.value_max is None
            and not last.text.lower().endswith(tuple(SUBUNIT_WORDS))
        ):
            kept[-1] = last.model_copy(
                update={
                    "value": round(last.value + fig.value, 6),
                    "end": fig.end,
                    "text": text[last.start : fig.end],
                }
            )
            continue
        kept.append(fig)
    return kept


class FigureSpans:
    """Finds money and percentages by rule and presets them as entities for `ner` to respect."""

    def __call__(self, doc: Doc) -> Doc:
        figures = _without_overlaps([*_money_figures(doc.text), *_percent_figures(doc.text)], doc.text)
        spans: list[Span] = []
        kept: list[Figure] = []
        for fig in figures:
            span = doc.char_span(fig.start, fig.end, label=fig.kind.upper(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
                kept.append(fig)
        doc.ents = filter_spans([*doc.ents, *spans])
        doc._.figures = kept
        return doc


def _is_number(token: Token) -> bool:
    """A number that can count things: not 'one' or 'a' (too often a pronoun or article), not zero."""
    if not token.like_num or token.lower_ in ("one", "a", "an", "zero", "nil"):
        return False
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
    if before.lower_ in _BACK_REFERENCES and noun and _named_group(first, noun[-1]):
        return False  # 'the 27 EU member states', 'the 193 UN members': a named whole, counted
    if before.lower_ in _BACK_REFERENCES:
        if (
            first.text[0].isdigit()
            and first.i > 1
            and before.lower_ == "the"
            and first.doc[first.i - 2].lower_ == "of"
        ):
            return (
                False  # 'each of the 47 prefectures', 'half of the 3,000 respondents': the whole is counted
            )
        return not (noun and _complemented(noun[-1]) and first.text[0].isdigit())
    if before.lower_ in _NAMING_WORDS:
        return True
    if before.pos_ == "PROPN" and not before.is_sent_start and not before.is_punct:
        return True  # 'the iPhone 11 lineup', 'Boeing 737 jets': part of a product's name
    return before.is_title and before.pos_ == "NOUN" and not before.is_sent_start


def _named_group(first: Token, noun: Token) -> bool:
    """A name between the number and the noun says which group is counted: 'the 27 EU member states'."""
    between = first.doc[first.i + 1 : noun.i]
    return first.text[0].isdigit() and any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in between)


def _run_value(run: list[Token]) -> Decimal | None:
    first = parse_number(run[0].text)
    if first is None:
        return parse_number_words([t.text for t in run])
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
    else:
        for token in doc[last.i + 1 : last.i + 4]:
            if token.pos_ == "NOUN" and token.lower_ not in SCALES:
                head = token
                break
            if token.pos_ not in _SKIPPABLE_BEFORE_NOUN and token.lower_ not in SCALES:
                break
    if head is not None and head.pos_ == "PROPN" and _PLURAL_ACRONYM.match(head.text):
        return [head]  # '3 MoUs', '12 MPs', '40 NGOs'
    if head is None or head.pos_ == "PROPN" or head.ent_type_ in _NOT_COUNTS or head.lower_ in SCALES:
        return []
    if (
        len(head.text) < _MIN_NOUN_LETTERS
        or not head.is_alpha
        or any("/" in t.text for t in doc[last.i : head.i])
    ):
        return []  # '20 µg/L', '5 kg': a measurement, not a count of things
    if head.lower_ in ("year", "years") and any(t.lower_ in _AGE_WORDS for t in doc[head.i : head.i + 3]):
        return []  # '45 years old' is an age
    if head.lower_ in _TIME_UNITS:
        return []  # '37 days', 'every seven to ten years': a duration
    if doc[last.i + 1].text in ("-", "–") and head.tag_ == "NN":
        return []  # 'an 11-game streak', 'a 7-megapixel camera': a compound modifier
    modifiers = [t for t in doc[last.i + 1 : head.i] if _names_the_kind(t)]
    return [*modifiers, head]


def _names_the_kind(token: Token) -> bool:
    """'social' in '45 new social workers' says what is counted; 'new' and 'British' do not."""
    if token.lower_ in SCALES:
        return False
    if token.dep_ == "compound" and token.pos_ == "NOUN":
        return True
    return (
        token.dep_ == "amod"
        and token.pos_ == "ADJ"
        and token.lower_ not in GENERIC_ADJECTIVES
        and token.ent_type_ not in ("NORP", "GPE")
    )


def _unit(tokens: list[Token]) -> str:
    words = [t.lower_ for t in tokens[:-1]]
    head = tokens[-1]
    lemma = _UNIT_LEMMAS.get(head.lower_, head.lemma_.lower())
    if _PLURAL_ACRONYM.match(head.text):
        lemma = head.lower_[:-1]
    if head.lower_.endswith("ses") and not head.lower_.endswith("sses") and lemma == head.lower_[:-2]:
        lemma = head.lower_[:-1]  # the lemmatiser's 'dos' for 'doses', 'respons' for 'responses'
    if head.tag_ == "NNPS" and lemma.endswith("s"):  # 'Ukrainians' → 'ukrainian'
        lemma = lemma[:-1]
    return " ".join([*words, lemma])


def _is_not_a_quantity(doc: Doc, run: list[Token]) -> bool:
    """Years, ages, phone numbers and list numbers are numbers, but not figures."""
    first = run[0]
    if len(run) == 1 and _is_year(first.text):
        return True
    if first.i > 0 and doc[first.i - 1].lower_ in _AGE_WORDS:
        return True
    if (
        first.i > 2
        and doc[first.i - 1].lower_ in _RANGE_LINKS
        and doc[first.i - 2].like_num
        and doc[first.i - 3].lower_ in _AGE_WORDS
    ):
        return True  # the end of an age range: 'ages 26-30'
    if first.i > 1 and doc[first.i - 1].text in ("-", "–", "/") and _is_year(doc[first.i - 2].text):
        return True  # the second year of '2016-17'
    last = run[-1]
    if _in_a_proportion(doc, first, last):
        return True
    if last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        return True  # 'Two: broadcasting' labels a point of a list
    if (
        first.is_sent_start
        and last.i + 1 < len(doc)
        and doc[last.i + 1].is_title
        and doc[last.i + 1].pos_ in _LABEL_FOLLOWERS
    ):
        return True  # '17 When taken ...', '1.33 Passengers will ...': a footnote or paragraph number
    line_start = doc.text.rfind("\n", 0, first.idx) + 1
    if (
        not doc.text[line_start : first.idx].strip()
        and first.i + 1 < len(doc)
        and doc[first.i + 1].text in (".", ")")
    ):
        return True  # '1. Officers will patrol' numbers a list item
    around = doc.text[max(0, first.idx - 6) : first.idx + 20]
    return first.dep_ == "meta" or bool(_PHONE.search(around) and first.text.startswith("0"))


def _in_a_proportion(doc: Doc, first: Token, last: Token) -> bool:
    """'nine in ten adults', 'one out of five children': a share, not a count."""
    after = doc[last.i + 1 : last.i + 4]
    if len(after) >= 2 and after[0].lower_ == "in" and after[1].like_num:
        return True
    if len(after) >= 3 and after[0].lower_ == "out" and after[1].lower_ == "of" and after[2].like_num:
        return True
    before = doc[max(0, first.i - 3) : first.i]
    words = [t.lower_ for t in before]
    return (len(words) >= 2 and words[-1] == "in" and before[-2].like_num) or (
        len(words) >= 3 and words[-2:] == ["out", "of"] and before[-3].like_num
    )


def _labels_a_noun(doc: Doc, noun: Token, first: Token) -> bool:
    """'junctions 10 and 11', 'articles 3, 4 and 5': numbers right after a noun name its members."""
    between = doc[noun.i + 1 : first.i]
    if between and not between[0].like_num:
        return False  # "6 sets of regulations, 2 covering Glasgow": the comma ends the naming
    return all(t.like_num or t.lower_ in ("and", "or", ",", "-", "–") for t in between)


def _noun_named_earlier(doc: Doc, first: Token, counts: list[Figure]) -> list[Token] | None:
    """The noun a bare number counts when it is named before it in the sentence.

    'recruited 3,100 officers, of whom 2,450 are women' counts officers twice; in 'the scheme has helped
    Ukrainians, and more than 400,000 have arrived' the number stands for the people named before it.
    """
    if first.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"):
        return None
    sent = first.sent
    earlier = [f for f in counts if sent.start_char <= f.start < first.idx]
    before = doc[sent.start : first.i]
    if earlier and any(t.lower_ in ("whom", "which", "them", "those") for t in before[-4:]):
        return list(doc.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand") or ())[-1:]
    for token in reversed(before):
        if token.tag_ in ("NNS", "NNPS") and (token.ent_type_ == "NORP" or token.pos_ == "NOUN"):
            return None if _labels_a_noun(doc, token, first) else [token]
    return None


def _count_figures(doc: Doc, taken: list[Figure]) -> Iterator[Figure]:
    blocked = {t.i for ent in doc.ents if ent.label_ in _NOT_COUNTS for t in ent}
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
        run = [token]
        while run[-1].i + 1 < len(doc):
            nxt = doc[run[-1].i + 1]
            if nxt.i in blocked or not (_is_number(nxt) or (nxt.lower_ in SCALES and len(nxt.text) > 2)):
                break
            run.append(nxt)
        i = run[-1].i + 1
        value = _run_value(run)
        start_of_range = run[0].i - 2
        if (
            value is None
            or _is_not_a_quantity(doc, run)
            or (len(run) == 1 and (value == 1 or value != value.to_integral_value()))
            or (start_of_range in rejected and doc[run[0].i - 1].lower_ in _RANGE_LINKS | {"and"})
        ):
            # 'in 1 member state' counts nothing; '5.3 Regional levers' and '18.5' are not counts, nor is
            # the 25 of 'between 18.5 and 25'
            rejected.add(run[-1].i)
            continue
        noun = _counted_noun(doc, run[-1])
        end_token: Token | None = noun[-1] if noun else None
        if not noun and run[0].text[0].isdigit():
            noun = _noun_named_earlier(doc, run[0], counts) or []
            end_token = run[-1]
        if not noun or end_token is None or _is_reference(run[0], noun) or noun[-1].lower_ in _TIME_UNITS:
            continue  # a duration named before: '37 days compared to 55'
        if (
            noun[-1].tag_ == "NN"
            and not noun[-1].lower_.endswith("s")  # 'MoUs', mistagged as singular
            and value > 1
            and noun[-1].lower_ not in _SAME_IN_THE_PLURAL
            and not (len(run) > 1 or run[0].lower_ in SCALES)
        ):
            continue  # 'the 5-2 victory': a singular noun is not what a number above one counts
        start = run[0].idx
        window = max(0, start - _QUALIFIER_REACH)
        qualifier = _QUALIFIER_BEFORE.search(doc.text[window:start])
        if qualifier:
            start = window + qualifier.start()
        end = end_token.idx + len(end_token.text)
        figure = Figure(
            kind="count",
            text=doc.text[start:end],
            value=float(value),
            unit=_unit(noun) if len(noun) > 1 or noun[-1].i > run[-1].i else _unit(noun[-1:]),
            qualifier=qualifier_for(qualifier["qual"] if qualifier else None),
            start=start,
            end=end,
        )
        counts.append(figure)
        yield figure


_ABOUT_PREPS = frozenset("for to towards on in into of".split())
_ABOUT_NOUNS_BEFORE = frozenset(
    "funding investment fund package grant grants contract deal budget spending loan loans allocation "
    "support aid boost programme program scheme".split()
)
_MAX_ABOUT_TOKENS = 14


def _phrase(tokens: list[Token], *, taken: set[int]) -> str | None:
    """The text of a run of tokens, stopped at a clause boundary (a comma, a relative clause, a dash) or
    at another figure."""
    kept: list[Token] = []
    for token in tokens:
        if token.i in taken:
            break
        if token.is_punct and token.text not in ("'", "’", "-"):
            break
        if token.dep_ in ("relcl", "acl", "advcl") and len(kept) >= 2:
            break
        if token.lower_ in ("which", "who", "that") and kept:
            break
        kept.append(token)
    while kept and (kept[-1].pos_ in ("CCONJ", "DET", "ADP") or kept[-1].text in ("'", "’", "-")):
        kept.pop()
    if len(kept) < 2:
        return None
    doc = kept[0].doc
    return doc.text[kept[0].idx : kept[-1].idx + len(kept[-1].text)]


def _about(doc: Doc, figure: Figure, taken: set[int]) -> str | None:
    """What a money figure is for: 'funding for the Border Security Command' in 'an extra £75m funding for
    the UK's new Border Security Command, which ...'; 'for roads' in 'Rs 1,250 crore for roads'."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return None
    after = doc[span.end : span.end + _MAX_ABOUT_TOKENS]
    i = 0
    head: list[Token] = []
    while i < len(after) and (after[i].pos_ in ("NOUN", "ADJ") or after[i].lower_ in _ABOUT_NOUNS_BEFORE):
        head.append(after[i])
        i += 1
    noun_before = (
        span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].pos_ == "NOUN"
    )
    if not head and noun_before:  # 'funding of £40m for ports': the noun stands before the figure
        head = [doc[span.start - 2]]
    rest = list(after[i:])
    purpose = None
    if (
        len(rest) > 1
        and rest[0].lower_ in _ABOUT_PREPS
        and not (rest[1].like_num or rest[1].ent_type_ == "DATE")
    ):
        prep = rest[0]
        if prep.dep_ == "aux" and prep.head.i == prep.i + 1:  # '£2bn to build homes': the purpose clause
            prep = prep.head
        subtree = [t for t in prep.subtree if t.i >= rest[0].i]
        contiguous = subtree and subtree[-1].i - rest[0].i + 1 == len(subtree)
        purpose = _phrase(subtree if contiguous else rest, taken=taken)
    head_text = " ".join(t.text for t in head) if head else None
    if head_text and purpose:
        return f"{head_text} {purpose}"
    if purpose and _only_a_kind(purpose):
        return _where_it_goes(span, purpose, taken) or purpose
    return purpose or head_text


_DESTINATION_PREPS = frozenset("to for towards on into".split())


def _only_a_kind(purpose: str) -> bool:
    """'in funding', 'in new grants': the kind of money, not what it is for."""
    words = purpose.split()
    return words[0] == "in" and len(words) <= 3 and words[-1].lower() in _ABOUT_NOUNS_BEFORE


def _where_it_goes(span: Span, purpose: str, taken: set[int]) -> str | None:
    """'£75m in funding will go to the Border Security Command' → 'funding to the Border Security Command':
    the destination the clause gives."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS and child.i >= span.end:
            destination = _phrase(list(child.subtree), taken=taken)
            if destination:
                return f"{purpose.split(maxsplit=1)[1]} {destination}"
    return None


class CountFigures:
    """Adds counts of things ('more than 31,000 people') once the parse says which noun is counted, and says
    what each figure is about."""

    def __call__(self, doc: Doc) -> Doc:
        taken: list[Figure] = [f for f in doc._.figures or [] if f.kind != "count"]
        found = sorted([*taken, *_count_figures(doc, taken)], key=lambda f: f.start)
        in_figures = {
            t.i
            for f in found
            if f.kind == "money"
            for t in doc.char_span(f.start, f.end, alignment_mode="expand") or ()
        }
        doc._.figures = [
            f.model_copy(update={"about": _about(doc, f, in_figures)})
            if f.kind == "money" and f.about is None
            else f
            for f in found
        ]
        return doc


@Language.factory("presswatch_figures", assigns=["doc.ents", "doc._.figures"])
def make_figure_spans(nlp: Language, name: str) -> FigureSpans:
    doc_extension("figures")
    return FigureSpans()


@Language.factory(
    "presswatch_counts",
    assigns=["doc._.figures"],
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma"],
)
def make_count_figures(nlp: Language, name: str) -> CountFigures:
    doc_extension("figures")
    return CountFigures()
