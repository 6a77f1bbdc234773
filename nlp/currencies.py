"""Which currency a symbol or name stands for, and which one a publishing government's own '$' means.

The table (`nlp/data/currencies.tsv`, built from the Unicode CLDR by `nlp.training.build_currency_table`) gives
every current ISO 4217 currency with the territories whose tender it is, its symbols ('KSh', 'GH₵', '₦', 'N$')
and its English names ('naira', 'Kenyan shillings'). Many forms are shared ('$', 'Rs', 'kr', 'shillings'):
the publishing government's own currency wins where the form is one of its own, so '$50 million' in a New
Zealand ministry's release is NZD; elsewhere a shared form keeps its usual reading ('$' is USD, 'Rs' INR) or,
if it has none, is no money at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from presswatch.gazetteer import country

# The usual reading of a form several currencies share, where the publisher does not say otherwise.
USUAL: dict[str, str] = {
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "Rs": "INR",
    "Rs.": "INR",
    "Re": "INR",
    "Re.": "INR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "rupee": "INR",
    "rupees": "INR",
    "peso": "MXN",
    "pesos": "MXN",
}
# ISO codes that are also English words ('ALL 5 schools', 'TOP 10'): read as money only from their publisher.
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "CUP", "MOP", "BOB", "PEN", "MAD", "GEL", "TOP", "SOS", "AMD"})
# Publishers that are no country in the gazetteer, by the territory code CLDR gives them.
_TERRITORIES = {"European Union": "EU"}
_MIN_WORD_SYMBOL = 2


@dataclass(frozen=True)
class Currency:
    code: str
    territories: frozenset[str]
    symbols: tuple[str, ...]
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def currencies() -> dict[str, Currency]:
    text = files("nlp").joinpath("data/currencies.tsv").read_text(encoding="utf-8")
    table: dict[str, Currency] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, territories, symbols, names = [*line.split("\t"), "", "", ""][:4]
        table[code] = Currency(
            code=code,
            territories=frozenset(t for t in territories.split(",") if t),
            symbols=tuple(s for s in symbols.split("|") if s),
            names=tuple(n for n in names.split("|") if n),
        )
    return table


@lru_cache(maxsize=1)
def _forms() -> dict[str, frozenset[str]]:
    """Each symbol (as written) and name (lower case) → the codes it may stand for."""
    found: dict[str, set[str]] = {}
    for currency in currencies().values():
        for form in (*currency.symbols, *currency.names):
            found.setdefault(form, set()).add(currency.code)
    return {form: frozenset(codes) for form, codes in found.items()}


@lru_cache(maxsize=64)
def local_currency(government: str | None) -> str | None:
    """'New Zealand' → NZD, 'European Union' → EUR: the currency of the territory the government runs (the one
    of fewest territories where several are tender: Namibia's N$, not the rand)."""
    if not government:
        return None
    place = country(government)
    territory = _TERRITORIES.get(government) or (place.code if place else None)
    tender = [c for c in currencies().values() if territory in c.territories]
    return min(tender, key=lambda c: (len(c.territories), c.code)).code if tender else None


def resolve(form: str, *, local: str | None = None) -> str | None:
    """'KSh' → KES; '$' → the publisher's dollar or USD; 'kr' with no Nordic publisher → None."""
    forms = _forms()
    codes = forms.get(form) or forms.get(form.rstrip(".")) or forms.get(form.lower()) or frozenset()
    if local is not None and local in codes:
        return local
    if form in USUAL or form.lower() in USUAL:
        return USUAL.get(form) or USUAL[form.lower()]
    if len(codes) == 1:
        (code,) = codes
        return code
    return None


def _is_word(symbol: str) -> bool:
    return symbol.rstrip(".").isalpha()


@lru_cache(maxsize=1)
def symbols_anywhere() -> tuple[str, ...]:
    """Symbols safe to read as money in any text, longest first: those with a currency sign ('GH₵', 'N$'), and
    lettered ones of two letters or more that are not all capitals ('KSh', 'Rs', 'Tk'; 'FC 2', 'KM 5' and a
    lone 'R' are not money). A shared one ('kr') is money only where `resolve` gives it a reading."""
    return tuple(
        sorted(
            {
                s
                for s in _all_symbols()
                if not _is_word(s) or (len(s.rstrip(".")) >= _MIN_WORD_SYMBOL and not s.isupper())
            },
            key=len,
            reverse=True,
        )
    )


def local_symbols(code: str) -> tuple[str, ...]:
    """The publisher's own lettered symbols that `symbols_anywhere` leaves out ('R' for the rand, 'N' for the
    naira, 'RM' for the ringgit): read as money only in its own government's releases."""
    anywhere = set(symbols_anywhere())
    currency = currencies().get(code)
    mine = currency.symbols if currency else ()
    return tuple(sorted((s for s in mine if s not in anywhere), key=len, reverse=True))


@lru_cache(maxsize=1)
def _all_symbols() -> frozenset[str]:
    return frozenset(s for c in currencies().values() for s in c.symbols)


def iso_codes(*, local: str | None = None) -> tuple[str, ...]:
    """Current ISO 4217 codes, without those that are English words unless they are the publisher's."""
    return tuple(sorted(c for c in currencies() if c not in _CODES_THAT_ARE_WORDS or c == local))


@lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """Every English name of a currency ('naira', 'kenyan shillings', 'shillings'), longest first."""
    return tuple(sorted({n for c in currencies().values() for n in c.names}, key=len, reverse=True))
