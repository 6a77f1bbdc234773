"""Reading numbers, scales, currencies and qualifiers as people write them in announcements.

Pure functions with no spaCy in them, so each rule is easy to test on its own.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from nlp.currencies import currencies, resolve
from presswatch.document import Qualifier

SCALES: dict[str, int] = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "t": 1_000_000_000_000,  # only as a money suffix: '$2.174T'
    "trillion": 1_000_000_000_000,
    # Indian numbering: a lakh is 100,000 and a crore 10,000,000; 'lakh crore' is their product.
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
}

# Symbols and words that name a currency, mapped to ISO 4217 codes.
CURRENCY_SYMBOLS: dict[str, str] = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "$A": "AUD",  # the Australian form: '$A50 million'
    "$US": "USD",
    "C$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "¥": "JPY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "Re.": "INR",
    "Re": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₽": "RUB",
    "元": "CNY",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
}
CURRENCY_WORDS: dict[str, str] = {
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "british pounds": "GBP",
    "japanese yen": "JPY",
    "chinese yuan": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "indian rupees": "INR",
    "francs": "CHF",
    "franc": "CHF",
    "swiss franc": "CHF",
    "french francs": "FRF",
    "dutch guilders": "NLG",
    "guilders": "NLG",
    "finnish markka": "FIM",
    "markka": "FIM",
    "pesetas": "ESP",
    "deutsche marks": "DEM",
    "turkish lira": "TRY",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "yen": "JPY",
    "rupees": "INR",
    "swiss francs": "CHF",
    "dinars": "RSD",
    "hryvnia": "UAH",
    "rmb": "CNY",
    "pesos": "MXN",
}
# Words for a hundredth of a currency: '50 cents' is 0.50 USD, '470 pence' is 4.70 GBP.
SUBUNIT_WORDS: dict[str, str] = {"cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP"}
# Dollar-sign prefixes, also as tokenised text writes them ('C $', 'us $').
DOLLAR_PREFIXES: dict[str, str] = {
    "US": "USD",
    "U.S.": "USD",
    "U.S": "USD",
    "C": "CAD",
    "CA": "CAD",
    "A": "AUD",
    "AU": "AUD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
    "R": "BRL",
    "MEX": "MXN",
}
# Symbols written after the amount ('100 €', '100元').
POSTFIX_SYMBOLS = ("€", "元", "₡", "₾", "₭", "₹", "£")
# Single-letter prefixes that are also words ('a $5 fee', 'its $5m'): only in capitals.
CASED_DOLLAR_PREFIXES = frozenset({"A", "S", "R"})
ISO_CODES = frozenset(
    [
        "GBP",
        "EUR",
        "USD",
        "JPY",
        "CHF",
        "CAD",
        "AUD",
        "NZD",
        "CNY",
        "HKD",
        "INR",
        "KRW",
        "RSD",
        "MKD",
        "BAM",
        "UAH",
        "PLN",
        "SEK",
        "NOK",
        "DKK",
        "CZK",
        "HUF",
        "RON",
        "TRY",
        "RUB",
        "ZAR",
        "BRL",
        "MXN",
        "SGD",
        "AED",
        "SAR",
    ]
)

QUALIFIERS: dict[str, Qualifier] = {
    "more than": "at_least",
    "over": "at_least",
    "at least": "at_least",
    "in excess of": "at_least",
    "upwards of": "at_least",
    "a minimum of": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "up to": "up_to",  # a ceiling on what may be given or reached, as the annotation guide reads it
    "fewer than": "at_most",
    "less than": "at_most",
    "under": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "almost": "just_under",
    "nearly": "just_under",
    "just under": "just_under",
    "just short of": "just_under",
    "just shy of": "just_under",
    "a little under": "just_under",
    "around": "about",
    "about": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "circa": "about",
}

_WORD_UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_WORD_TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_WORD_SPECIAL: dict[str, int] = {"a": 1, "an": 1, "dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100}

# Western (1,250,000) and Indian (12,50,000) digit grouping, or plain digits.
NUMBER_PATTERN = r"\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Amounts may also be grouped by spaces, as EU texts write them ('EUR 1 500 000', also with a no-break or
# thin space); only for money, where a currency vouches for it ('74 100%' in a table is two numbers).
AMOUNT_PATTERN = rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,])(?:\.\d+)?|{NUMBER_PATTERN}"
NUMBER_WORD_PATTERN = (  # 'a' only before another number word: 'a hundred pounds', not 'a pound of flour'
    r"(?:an?[\s-])?(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\s-]?)+"
)
SCALE_PATTERN = (  # 'T' only right after the number: '$2.174T'
    r"lakh\s+crores?|lakhs?\s+crores?|trillion|billions?|millions?|thousand|lakhs?|lacs?|crores?|cr|bn|mn|mln|tn|m|k|b"
    r"|(?-i:(?<=\d)T)"
)
QUALIFIER_PATTERN = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))


_YEAR_RANGE = (1800, 2100)


def is_year(text: str) -> bool:
    """'2030' is a year, wherever it stands: a number of four digits between 1800 and 2100."""
    return len(text) == 4 and text.isdigit() and _YEAR_RANGE[0] <= int(text) <= _YEAR_RANGE[1]


def parse_number(text: str) -> Decimal | None:
    """'31,000' → 31000, '1.2' → 1.2; None where the text is not a plain number."""
    try:
        return Decimal("".join(text.replace(",", "").split()))
    except InvalidOperation:
        return None


def parse_number_words(words: list[str]) -> Decimal | None:
    """'two hundred', 'forty five', 'a dozen', 'three' → their value; None if any word is not a number word."""
    total = current = 0
    seen = False
    for raw in words:
        word = raw.lower().strip(",")
        for part in word.split("-"):
            if part in _WORD_UNITS:
                current += _WORD_UNITS[part]
            elif part in _WORD_TENS:
                current += _WORD_TENS[part]
            elif part in ("hundred", "hundreds"):
                current = max(current, 1) * 100
            elif part in ("dozen", "dozens"):
                current = max(current, 1) * 12
            elif part in SCALES and len(part) > 2:
                total += max(current, 1) * SCALES[part]
                current = 0
            elif part in ("a", "an") and not seen:
                current = 1
            elif part == "and" and seen:
                continue
            else:
                return None
            seen = True
    return Decimal(total + current) if seen else None


def scale_factor(scale: str | None) -> int:
    """'m' → 10**6; 'lakh crore' → 10**12 (each word multiplies)."""
    factor = 1
    for word in (scale or "").lower().split():
        factor *= SCALES.get(word, 1)
    return factor


def scale_value(number: Decimal, scale: str | None) -> float:
    """Apply a scale word or suffix ('m', 'billion', 'lakh crore', ...) to a number."""
    return float(number * scale_factor(scale))


def currency_code(symbol_or_word: str, *, local: str | None = None) -> str | None:
    """'£' → GBP, 'euros' → EUR, 'usd' → USD, 'HK $' → HKD, 'KSh' → KES; '$' → `local` (the publishing
    government's currency) where '$' is one of its symbols; None where unknown or shared with no reading."""
    token = " ".join(symbol_or_word.split())
    if token.endswith("$") and token[:-1].strip().upper() in DOLLAR_PREFIXES:
        return DOLLAR_PREFIXES[token[:-1].strip().upper()]
    if local is not None and resolve(token, local=local) == local:
        return local
    if token in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[token]
    if token.upper() in ISO_CODES or (token.isupper() and token in currencies()):
        return token.upper()
    return CURRENCY_WORDS.get(token.lower()) or SUBUNIT_WORDS.get(token.lower()) or resolve(token)


def currency_factor(word: str) -> float:
    """0.01 for subunit words (cents, pence), else 1."""
    return 0.01 if " ".join(word.split()).lower() in SUBUNIT_WORDS else 1.0


def qualifier_for(phrase: str | None) -> Qualifier:
    return QUALIFIERS.get(" ".join(phrase.lower().split()), "exact") if phrase else "exact"
