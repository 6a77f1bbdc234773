"""Writes `nlp/data/currencies.tsv`: each currency in use today, the territories whose legal tender it is, and
the symbols people write it with, from the Unicode CLDR (read through Babel, which trafilatura's `courlan`
already installs).

    python -m nlp.training.build_currency_table

CLDR gives ISO 4217 codes, each territory's tender and each locale's symbol ('Ksh', 'GH₵', '₦', 'RM', 'NZ$');
the forms local presses use that CLDR lacks ('KSh', 'Kshs', 'N' for the naira, 'N$', 'Rs' for the Nepalese and
Sri Lankan rupees) are in `SUPPLEMENT`. Only Latin letters and currency signs are kept: presswatch reads English.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name

OUT = Path(__file__).resolve().parent.parent / "data" / "currencies.tsv"
# Forms used in English-language government releases and papers that CLDR does not list for the currency.
SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "KES": ("KSh", "KShs", "Kshs", "Kshs.", "Ksh.", "KSh.", "Sh"),  # 'Sh' is shared: read by the publisher
    "UGX": ("USh", "UShs", "Ushs", "Shs", "Sh"),
    "TZS": ("TSh", "TShs", "Tshs", "Sh"),
    "NGN": ("N",),
    "GHS": ("GH¢", "GH₵", "GHC", "Gh¢", "GH¢"),
    "NAD": ("N$",),
    "INR": ("Rs", "Rs.", "Re", "Re.", "INR"),
    "PKR": ("Rs", "Rs.", "PKR"),
    "LKR": ("Rs", "Rs.", "SLRs"),
    "NPR": ("Rs", "Rs.", "NRs"),
    "MUR": ("Rs", "Rs."),
    "BDT": ("Tk", "Tk."),
    "ZAR": ("R",),
    "MYR": ("RM",),
    "IDR": ("Rp", "Rp."),
    "PHP": ("₱", "PhP", "Php"),
    "ZMW": ("K",),
    "MWK": ("MK",),
    "PGK": ("K",),
    "BWP": ("P",),
    "SGD": ("S$",),
    "JMD": ("J$", "JA$"),
    "TTD": ("TT$",),
    "FJD": ("FJ$",),
    "BBD": ("Bds$",),
    "XCD": ("EC$",),
}


# The currency's name without its country, as a release writes it once the country is plain: '2 billion naira'.
# Words that are also common English words ('won', 'real', 'mark') are left out.
LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "NGN": ("naira",),
    "GHS": ("cedi", "cedis", "Ghana cedis"),
    "KES": ("shilling", "shillings", "Kenya shillings"),
    "UGX": ("shilling", "shillings", "Uganda shillings"),
    "TZS": ("shilling", "shillings", "Tanzania shillings"),
    "ZAR": ("rand",),
    "MYR": ("ringgit",),
    "IDR": ("rupiah",),
    "BDT": ("taka",),
    "THB": ("baht",),
    "ZMW": ("kwacha",),
    "MWK": ("kwacha",),
    "INR": ("rupee", "rupees"),
    "PKR": ("rupee", "rupees"),
    "LKR": ("rupee", "rupees"),
    "NPR": ("rupee", "rupees"),
    "PHP": ("peso", "pesos"),
    "MXN": ("peso", "pesos"),
    "USD": ("dollar", "dollars"),
    "CAD": ("dollar", "dollars"),
    "AUD": ("dollar", "dollars"),
    "NZD": ("dollar", "dollars"),
    "SGD": ("dollar", "dollars"),
    "NAD": ("dollar", "dollars"),
    "GBP": ("pound", "pounds", "sterling", "pounds sterling"),
    "EUR": ("euro", "euros"),
    "JPY": ("yen",),
    "CNY": ("yuan", "renminbi", "RMB"),
}


def _usable(symbol: str) -> bool:
    """Latin letters, '.', and currency signs, with no space: the symbols an English text can contain."""
    return all(ch.isascii() or unicodedata.category(ch) == "Sc" or ch in "¢₵" for ch in symbol) and not any(
        ch.isspace() or ch.isdigit() for ch in symbol
    )


def build() -> str:
    today = date.today()
    territories: dict[str, set[str]] = defaultdict(set)
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if (
                tender
                and (end is None or date(*end) >= today)
                and len(territory) == 2
                and territory.isalpha()
            ):
                territories[code].add(territory)
    symbols: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        try:
            locale = Locale.parse(identifier)
        except (ValueError, localedata.UnknownLocaleError):  # type: ignore[attr-defined]
            continue
        for code, symbol in locale.currency_symbols.items():
            if code in territories and symbol != code and _usable(symbol):
                symbols[code].add(symbol)
    for code, extra in SUPPLEMENT.items():
        symbols[code].update(extra)
    names = {
        code: {get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en"), *LOCAL_NAMES.get(code, ())}
        for code in territories
    }
    lines = [
        "# ISO 4217 code <TAB> territories (ISO 3166-1 alpha-2) whose tender it is <TAB> symbols <TAB> English names;",
        "# symbols and names '|'-separated.",
        "# From the Unicode CLDR (Unicode licence) via Babel, plus local forms; regenerate with",
        "# `python -m nlp.training.build_currency_table`.",
    ]
    for code in sorted(territories):
        lines.append(
            f"{code}\t{','.join(sorted(territories[code]))}\t{'|'.join(sorted(symbols[code]))}"
            f"\t{'|'.join(sorted(n.lower() for n in names[code]))}"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
