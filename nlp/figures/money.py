"""Money and percentages, read by regular expressions over the text before `ner` runs.

Every spaCy English model splits `£75m` into `£ | 75 | m` and tags only `75` as MONEY, so money and
percentages are found here and handed to `ner` as preset entities, which it then respects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.currencies import iso_codes, local_currency, local_symbols, symbols_anywhere
from nlp.currencies import names as currency_names
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
    QUALIFIERS,
    SCALE_PATTERN,
    SUBUNIT_WORDS,
    currency_code,
    currency_factor,
    is_year,
    parse_number,
    parse_number_words,
    qualifier_for,
    scale_value,
)
from presswatch.document import Figure


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of literals as a prefix tree ('KSh|Ksh|Kz' → 'K(?:Sh|sh|z)'), longest first where one
    word starts another: the regex engine then tries one branch per distinct character, not one per word —
    with hundreds of currency symbols and codes, the difference is most of the money rules' time."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
        return body

    return emit(tree)


_PREFIXED_DOLLAR = (
    r"\b(?:(?i:"
    + "|".join(
        re.escape(p) for p in sorted(DOLLAR_PREFIXES, key=len, reverse=True) if p not in CASED_DOLLAR_PREFIXES
    )
    + ")|"
    + "|".join(sorted(CASED_DOLLAR_PREFIXES))
    + r")\s?\$"
)
# 'half a billion dollars', 'a quarter of a million euros', 'a million pounds': a share of the scale word after it.
_SHARES = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.75")}
_SHARE_OF_A_SCALE = r"(?i:(?:half\s+an?|an?\s+quarter\s+of\s+an?|three\s+quarters\s+of\s+an?|an?)(?=\s+(?:million|billion|trillion|thousand)\b))"
_QUAL = rf"(?:\b(?P<qual>(?i:{trie_pattern(QUALIFIERS)}))\s+)?"
# The scale after a space or a hyphen ('a $25-billion plan', 'a JPY 25-billion loan', as Canadian and Asian
# releases write it); a hyphen before a digit is a range's ('£5-8m').
_BEFORE_SCALE = r"(?:\s|-(?=[A-Za-z]))?"
_SCALE = rf"(?:{_BEFORE_SCALE}(?P<scale>(?i:{SCALE_PATTERN}))(?![\w£$€₹]))?"


def _symbols_pattern(symbols: Iterable[str]) -> str:
    """Symbols as one pattern: lettered ends are word boundaries ('KSh' in 'KSh 2', not in 'UKSh 2')."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for symbol in symbols:
        groups.setdefault((symbol[0].isalpha(), symbol[-1].isalpha()), []).append(symbol)
    parts = [
        (r"\b" if starts else "") + f"(?:{trie_pattern(members)})" + (r"(?![A-Za-z])" if ends else "")
        for (starts, ends), members in sorted(groups.items())
    ]
    return "|".join(parts)


def _local_symbol(symbol: str) -> str:
    """A symbol only the publisher's own releases use: 'R1.2bn', 'N300 billion' (a lone letter, then digits)."""
    return rf"\b{re.escape(symbol)}" + (r"(?=\d)" if len(symbol) == 1 else r"(?=\s?\d)")


@lru_cache(maxsize=32)
def money_patterns(local: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The money patterns with the currency before the amount ('£5m', 'KSh 2 billion') and after it ('5 million
    naira'), for the publisher whose currency is `local` (its lone-letter symbols and its ISO code that is an
    English word only count in its own releases)."""
    symbols = {*CURRENCY_SYMBOLS, *symbols_anywhere()}
    words = trie_pattern({*CURRENCY_WORDS, *SUBUNIT_WORDS, *currency_names()})
    mine = "|".join(_local_symbol(s) for s in local_symbols(local)) if local else ""
    iso = trie_pattern({*ISO_CODES, *iso_codes(local=local)})
    before = rf"{_PREFIXED_DOLLAR}|{_symbols_pattern(symbols)}|\b(?:{iso})\s?" + (f"|{mine}" if mine else "")
    scale2 = rf"(?:{_BEFORE_SCALE}(?P<{{name}}>(?i:{SCALE_PATTERN}))(?![\w£$€₹]))?"
    # The upper end of a range: '£5m to £8m', '£5-8m', '€2.5–3bn'; or of 'between £5m and £8m'.
    range_tail = (
        rf"(?:\s?(?:-|–|—)\s?|\s+to\s+)(?:{before})?\s?(?P<num2>{AMOUNT_PATTERN})(?!\d)"
        + scale2.format(name="scale2")
    )
    between_tail = rf"\s+and\s+(?:{before})?\s?(?P<bnum2>{AMOUNT_PATTERN})(?!\d)" + scale2.format(
        name="bscale2"
    )
    # Every match starts at a word's start or at a sign: the leading look-behind rejects the positions inside a
    # word at once, which the optional groups after it would each try in turn.
    money_before = re.compile(
        rf"(?<![A-Za-z])(?:\b(?P<between>(?i:between))\s+)?{_QUAL}(?P<cur>{before})\s?(?P<num>{AMOUNT_PATTERN})(?!\d){_SCALE}"
        rf"(?(between)(?:{between_tail})?|(?:{range_tail})?)"
    )
    money_after = re.compile(
        rf"(?<!\w){_QUAL}\b(?:(?P<num>{AMOUNT_PATTERN})(?!\d)|(?P<share>{_SHARE_OF_A_SCALE})"
        rf"|(?P<words>(?i:{NUMBER_WORD_PATTERN})))"
        rf"{_SCALE}(?:[\s-]+(?P<cur>(?:(?i:{words})|(?:{iso}))\b)|\s?(?P<postfix>{'|'.join(POSTFIX_SYMBOLS)}))"
    )
    return money_before, money_after


PERCENT = re.compile(  # '5%', 'up to 5 per cent', '5-10%', 'between 5 and 10 per cent', '-58%', 'two per cent'
    rf"(?<!\w)(?:\b(?P<between>(?i:between))\s+)?{_QUAL}\b(?P<num>{NUMBER_PATTERN})"
    # a range's dash stands between two numbers spaced on both sides or on neither: '207 -58%' is no range but a
    # number and a signed change (`_SIGN`)
    rf"(?:(?(between)\s+and\s+|(?:[-–]|\s[-–]\s|\s?to\s))(?P<num2>{NUMBER_PATTERN}))?"
    rf"\s?(?:%|(?i:per\s?cent|percent|percentage points?)\b)"
)
# A sign set against a percentage after a space or at a line's start ('495 207 -58%', '+40%' in a statistics
# table) is the change's, as a range's dash never is.
_SIGN = re.compile(r"(?:^|(?<=[\s(]))[-−+]\Z")
# A number in words before the word (New Zealand's and Australia's releases write small ones so: 'a two per cent
# drop', 'down five percent'; '%' is never written after words), looked for only right before the word, which is
# rare: tried at every word of a text, number words would double the time percentages take.
_PERCENT_WORD = re.compile(r"(?i)\b(?:per\s?cent|percent|percentage points?)\b")
_WORDS_BEFORE = re.compile(rf"(?<!\w){_QUAL}\b(?P<words>(?i:{NUMBER_WORD_PATTERN}))(?<=[\s-])\Z")
_WORDS_WINDOW = 80  # characters before the word in which its number is written
# A price per unit: 'Rs.5 per litre', '£3 a day', '$40/kg'.
_PER_UNIT = re.compile(r"^\s*(?:(?:per|an?|each)\s+|/\s?)(?P<per>(?:square\s+|cubic\s+)?[A-Za-z][A-Za-z]*)\b")
_PER_AFTER_ARTICLE = frozenset(
    "day week month year hour night litre liter kg kilogram tonne ton gallon barrel unit head person household "
    "family pupil student patient passenger mile kilometre km metre meter share dose".split()
)


def _range_end(match: re.Match[str]) -> tuple[str, str | None] | None:
    """The upper number of a range and its scale, where the match has one."""
    groups = match.groupdict()
    if groups.get("num2"):
        return groups["num2"], groups.get("scale2")
    if groups.get("bnum2"):
        return groups["bnum2"], groups.get("bscale2")
    return None


def _bare_after_to(match: re.Match[str]) -> bool:
    """'₱1.5 billion to 250,000 families': after a scaled amount, 'to' and a number with neither currency nor
    scale of its own starts what the money goes to, not the top of a range ('£5m to £8m', '£5 to 8 million')."""
    if not match["scale"] or not match.groupdict().get("num2"):
        return False
    return match.string[match.end("scale") : match.start("num2")].strip() == "to"


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


# A weighing verb, maybe with a qualifier, just before the number: 'who weighed 250 pounds', 'weighing about
# 12 pounds', 'tipped the scales at 300 pounds'.
_WEIGHED = re.compile(
    r"\b(?:weigh(?:s|ed|ing)?|tip(?:s|ped|ping)? the scales at)"
    r"(?:\s+(?:about|around|roughly|some|nearly|almost|over|under|just|more|less|than|up|to|at|least|most))*\s+$",
    re.IGNORECASE,
)


def _a_weight(currency: str, text: str, start: int, end: int) -> bool:
    """'5,200 pounds of water vapour' and 'who weighed 250 pounds' weigh; '5 million pounds of investment' and
    'pounds of the budget' are money."""
    if currency.lower() not in ("pound", "pounds"):
        return False
    if _WEIGHED.search(text[max(0, start - 60) : start]):
        return True
    match = _WEIGHT_OF.match(text[end : end + 40])
    if match is None:
        return False
    word = match["next"].lower()
    return word not in _MONEY_AFTER_OF and word not in ("the", "a", "an", "its", "their", "our", "his", "her")


def _money_figures(text: str, *, local: str | None = None) -> Iterator[Figure]:
    """Money in `text`; `local` is the publishing government's currency, which a bare '$' or 'Rs' means."""
    for pattern in money_patterns(local):
        pos = 0
        while (match := pattern.search(text, pos)) is not None:
            pos = max(match.end(), pos + 1)
            groups = match.groupdict()
            words = groups.get("words")
            share = groups.get("share")
            number = (
                parse_number(match["num"])
                if match["num"]
                else next((v for w, v in _SHARES.items() if w in share.lower().split()), Decimal(1))
                if share
                else parse_number_words(words.split())
                if words
                else None
            )
            currency = groups.get("cur") or groups.get("postfix") or ""
            code = currency_code(currency, local=local)
            if number is None or code is None:
                continue
            start, end = match.start(), match.start() + len(match.group(0).rstrip())
            if _a_weight(currency, text, start, end):
                continue
            upper = _range_end(match)
            if groups.get("between") and upper is None:  # 'between £5m' without its 'and': no range
                start = match.start("qual") if groups.get("qual") else match.start("cur")
            scale = match["scale"]
            value_max: float | None = None
            factor = currency_factor(currency)
            if upper is not None and not upper[1] and (is_year(upper[0]) or _bare_after_to(match)):
                # '£20m to 2030' is a deadline; 'RM500 million to 2,000 firms' gives to firms
                upper, end = None, match.end("scale") if match["scale"] else match.end("num")
                pos = end  # what follows is read again: no range, but maybe money of its own
            if upper is not None:
                top = parse_number(upper[0])
                top_scale = upper[1] or scale
                value_max = round(scale_value(top, top_scale) * factor, 6) if top is not None else None
                if value_max is not None and value_max <= scale_value(number, scale or upper[1]) * factor:
                    # 'Rs 3,000 crore to 15 states': a smaller number after 'to' is not the top of a range
                    value_max, end = None, match.end("scale") if match["scale"] else match.end("num")
                    pos = end  # 'cut from $30 to $8': the smaller amount is money of its own
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


# Pence written after the amount, as British texts do: '97p of every £1', 'a 5p charge' (one or two digits:
# '1080p' is a screen, and more than 99 pence is written in pounds); not '4p.m.'.
_PENCE = re.compile(r"(?<![\w.£$])(?P<num>\d{1,2}(?:\.\d+)?)p\b(?!\.m\b)")


def _pence_figures(text: str, *, local: str | None) -> Iterator[Figure]:
    """Pence, where the publisher's currency is the pound or the text speaks of pounds."""
    if local != "GBP" and "£" not in text:
        return
    for match in _PENCE.finditer(text):
        yield Figure(
            kind="money",
            text=match.group(0),
            value=round(float(match["num"]) / 100, 6),
            currency="GBP",
            qualifier="exact",
            start=match.start(),
            end=match.end(),
        )


def _percent_figures(text: str) -> Iterator[Figure]:
    yield from _percents_in_words(text)
    for match in PERCENT.finditer(text):
        number = parse_number(match["num"])
        signed = (
            match.start() > 0 and _SIGN.search(text, max(0, match.start() - 2), match.start()) is not None
        )
        if number is not None and signed and text[match.start() - 1] in "-−":
            number = -number
        top = parse_number(match["num2"]) if match["num2"] else None
        start = match.start() if top is not None or not match["between"] else match.start("num")
        if top is not None and is_year(match["num"]):
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


def _percents_in_words(text: str) -> Iterator[Figure]:
    """'two per cent' → 2; 'a' opens the number only before 'hundred' ('a two per cent drop' is 2)."""
    for unit in _PERCENT_WORD.finditer(text):
        match = _WORDS_BEFORE.search(text, max(0, unit.start() - _WORDS_WINDOW), unit.start())
        if match is None:
            continue
        words = match["words"].replace("-", " ").split()
        start = match.start()
        if len(words) > 1 and words[0].lower() in ("a", "an") and words[1].lower() != "hundred":
            words, start = words[1:], match.start("words") + match["words"].index(words[1])
        number = parse_number_words(words)
        if number is not None:
            yield Figure(
                kind="percent",
                text=text[start : unit.end()],
                value=float(number),
                qualifier=qualifier_for(match["qual"]) if start == match.start() else "exact",
                start=start,
                end=unit.end(),
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
        text = doc.text
        local = local_currency(doc._.publisher) if Doc.has_extension("publisher") else None
        figures = _without_overlaps(
            [*_money_figures(text, local=local), *_pence_figures(text, local=local), *_percent_figures(text)],
            text,
        )
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
