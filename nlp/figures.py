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

from nlp.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    ISO_CODES,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
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

_SYMBOLS = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_ISO = "|".join(sorted(ISO_CODES))
_WORDS = "|".join(re.escape(w) for w in sorted([*CURRENCY_WORDS, *SUBUNIT_WORDS], key=len, reverse=True))
_PREFIXED_DOLLAR = rf"\b(?i:{'|'.join(DOLLAR_PREFIXES)})\s?\$"
_QUAL = rf"(?:\b(?P<qual>(?i:{QUALIFIER_PATTERN}))\s+)?"
_SCALE = rf"(?:\s?(?P<scale>(?i:{SCALE_PATTERN}))(?![\w£$€]))?"

MONEY_BEFORE = re.compile(
    rf"{_QUAL}(?P<cur>{_PREFIXED_DOLLAR}|{_SYMBOLS}|\b(?:{_ISO})\s?)\s?(?P<num>{NUMBER_PATTERN})(?!\d){_SCALE}"
)
MONEY_AFTER = re.compile(
    rf"{_QUAL}\b(?:(?P<num>{NUMBER_PATTERN})(?!\d)|(?P<words>(?i:{NUMBER_WORD_PATTERN})))"
    rf"{_SCALE}[\s-]+(?P<cur>(?i:{_WORDS})|(?:{_ISO}))\b"
)
PERCENT = re.compile(rf"{_QUAL}\b(?P<num>{NUMBER_PATTERN})\s?(?:%|(?i:per\s?cent|percent)\b)")

# Labels whose numbers are not counts of things.
_NOT_COUNTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "ORDINAL", "QUANTITY"})
_SKIPPABLE_BEFORE_NOUN = frozenset({"ADJ", "ADV", "NUM"})
GENERIC_ADJECTIVES = frozenset(
    "new additional extra more further other small large big major many several more few senior junior young "
    "old existing current former total annual individual different separate various key".split()
)
_UNIT_LEMMAS = {"people": "person", "persons": "person", "staff": "staff member", "children": "child"}
# A number after these refers back to things already counted ('the two countries'), it does not count them.
_BACK_REFERENCES = frozenset("the these those all both its their our his her each every".split())
_QUALIFIER_REACH = 30  # characters before a number searched for 'more than', 'almost', ...
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<qual>(?i:{QUALIFIER_PATTERN}))\s+$")


def _money_figures(text: str) -> Iterator[Figure]:
    for pattern in (MONEY_BEFORE, MONEY_AFTER):
        for match in pattern.finditer(text):
            words = match.groupdict().get("words")
            number = (
                parse_number(match["num"])
                if match["num"]
                else parse_number_words(words.split())
                if words
                else None
            )
            code = currency_code(match["cur"])
            if number is None or code is None:
                continue
            yield Figure(
                kind="money",
                text=match.group(0).strip(),
                value=round(scale_value(number, match["scale"]) * currency_factor(match["cur"]), 6),
                currency=code,
                qualifier=qualifier_for(match["qual"]),
                start=match.start(),
                end=match.start() + len(match.group(0).rstrip()),
            )


def _percent_figures(text: str) -> Iterator[Figure]:
    for match in PERCENT.finditer(text):
        number = parse_number(match["num"])
        if number is not None:
            yield Figure(
                kind="percent",
                text=match.group(0),
                value=float(number),
                qualifier=qualifier_for(match["qual"]),
                start=match.start(),
                end=match.end(),
            )


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """Keep the longest of overlapping matches (the two money patterns can both see `40 million euros`)."""
    kept: list[Figure] = []
    for fig in sorted(figures, key=lambda f: (f.start, -(f.end - f.start))):
        if not kept or fig.start >= kept[-1].end:
            kept.append(fig)
    return kept


class FigureSpans:
    """Finds money and percentages by rule and presets them as entities for `ner` to respect."""

    def __call__(self, doc: Doc) -> Doc:
        figures = _without_overlaps([*_money_figures(doc.text), *_percent_figures(doc.text)])
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
    return bool(token.like_num) and token.lower_ not in ("one", "a", "an")


def _is_reference(first: Token) -> bool:
    """'the two navies' refers back; 'Type 26 frigates' and 'Article 5' name things: neither is a count."""
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.lower_ in _BACK_REFERENCES:
        return True
    return before.is_title and before.pos_ in ("PROPN", "NOUN") and not before.is_sent_start


def _run_value(run: list[Token]) -> Decimal | None:
    first = parse_number(run[0].text)
    if first is None:
        return parse_number_words([t.text for t in run])
    factor = 1
    for token in run[1:]:
        factor *= SCALES.get(token.lower_, 1)
    return first * factor


def _counted_noun(doc: Doc, last: Token) -> list[Token]:
    """The noun a number counts, with the compound nouns before it ('asylum seekers')."""
    head: Token | None = None
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        head = last.head
    else:
        for token in doc[last.i + 1 : last.i + 4]:
            if token.pos_ == "NOUN":
                head = token
                break
            if token.pos_ not in _SKIPPABLE_BEFORE_NOUN:
                break
    if head is None or head.pos_ == "PROPN" or head.ent_type_ in _NOT_COUNTS:
        return []
    modifiers = [t for t in doc[last.i + 1 : head.i] if _names_the_kind(t)]
    return [*modifiers, head]


def _names_the_kind(token: Token) -> bool:
    """'social' in '45 new social workers' says what is counted; 'new' and 'British' do not."""
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
    return " ".join([*words, lemma])


def _count_figures(doc: Doc, taken: list[Figure]) -> Iterator[Figure]:
    blocked = {t.i for ent in doc.ents if ent.label_ in _NOT_COUNTS for t in ent}
    blocked |= {
        t.i for fig in taken for t in doc.char_span(fig.start, fig.end, alignment_mode="expand") or ()
    }
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
        noun = _counted_noun(doc, run[-1])
        if value is None or not noun or _is_reference(run[0]):
            continue
        start = run[0].idx
        window = max(0, start - _QUALIFIER_REACH)
        qualifier = _QUALIFIER_BEFORE.search(doc.text[window:start])
        if qualifier:
            start = window + qualifier.start()
        end = noun[-1].idx + len(noun[-1].text)
        yield Figure(
            kind="count",
            text=doc.text[start:end],
            value=float(value),
            unit=_unit(noun),
            qualifier=qualifier_for(qualifier["qual"] if qualifier else None),
            start=start,
            end=end,
        )


class CountFigures:
    """Adds counts of things ('more than 31,000 people') once the parse says which noun is counted."""

    def __call__(self, doc: Doc) -> Doc:
        taken: list[Figure] = list(doc._.figures or [])
        doc._.figures = sorted([*taken, *_count_figures(doc, taken)], key=lambda f: f.start)
        return doc


@Language.factory("presswatch_figures")
def make_figure_spans(nlp: Language, name: str) -> FigureSpans:
    return FigureSpans()


@Language.factory("presswatch_counts")
def make_count_figures(nlp: Language, name: str) -> CountFigures:
    return CountFigures()
