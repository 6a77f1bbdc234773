"""The tables of public bodies (`nlp/data/bodies_<country>.tsv`) and lookups in them.

One table per country (and one for the EU's institutions), each a line per body: a key, a tab, the canonical
name and every other spelling, '|' between them; the first line says whose bodies they are (`# country: CA`)
and the comments under it where the names come from and under which licence. A full name means one body
wherever it is read; an acronym means one body only within a country ('HSE' is Ireland's Health Service
Executive and Britain's Health and Safety Executive; 'ED' is India's Enforcement Directorate), so a lookup
says which countries' acronyms apply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from nlp.people import fold
from presswatch.gazetteer import country_by_code, name_rows

# Tables whose acronyms apply in every document: the EU's institutions and the international organisations and
# news agencies (`bodies_int.tsv`) are read about everywhere.
INTERNATIONAL = "International"
EVERYWHERE = frozenset({"European Union", INTERNATIONAL})
# Whose acronyms a document of no known publisher reads first (news sites; the project began with GOV.UK).
DEFAULT = "United Kingdom"
# Last in the order of a document of no known publisher (a news site): an acronym of three letters or more
# that only one table holds is that body wherever the report is from ('NASA' in a wire story about the Moon).
ANYWHERE = "*"


@dataclass(frozen=True)
class PublicBody:
    """One body: whose it is, its canonical name, every spelling (the canonical name first), and the
    spellings that name it only in its country's documents (written '~Supreme Court' in the table)."""

    country: str
    name: str
    spellings: tuple[str, ...]
    local: frozenset[str] = frozenset()


def is_local(spelling: str, bodies: tuple[PublicBody, ...] = ()) -> bool:
    """'DVLA', 'NRCan', 'Treasury', 'Revenue': one word, an acronym or a common noun, means one body only
    within a country, and so does a generic name a table marks ('Supreme Court'); a name of several words
    ('Canada Revenue Agency') means one body anywhere."""
    return " " not in spelling or any(fold(spelling) in b.local for b in bodies)


def _country_of(code: str) -> str:
    if code == "EU":
        return "European Union"
    if code == "INT":
        return INTERNATIONAL
    found = country_by_code(code)
    if found is None:
        raise ValueError(f"bodies table for an unknown country code: {code}")
    return found.name


def _read(name: str) -> list[PublicBody]:
    text = files("nlp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    header = text.splitlines()[0]
    if not header.startswith("# country:"):
        raise ValueError(f"nlp/data/{name} does not start with '# country: <code>'")
    owner = _country_of(header.partition(":")[2].strip())
    return [
        PublicBody(
            country=owner,
            name=names[0],
            spellings=tuple(n.removeprefix("~") for n in names),
            local=frozenset(fold(n[1:]) for n in names if n.startswith("~")),
        )
        for _, names in name_rows(text)
    ]


@lru_cache(maxsize=1)
def public_bodies() -> tuple[PublicBody, ...]:
    """Every body of every table."""
    tables = sorted(
        entry.name
        for entry in files("nlp").joinpath("data").iterdir()
        if entry.name.startswith("bodies_") and entry.name.endswith(".tsv")
    )
    return tuple(body for table in tables for body in _read(table))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[PublicBody, ...]]:
    found: dict[str, list[PublicBody]] = {}
    for body in public_bodies():
        for spelling in body.spellings:
            holders = found.setdefault(fold(spelling), [])
            if body not in holders:
                holders.append(body)
    return {key: tuple(bodies) for key, bodies in found.items()}


def _bare(name: str) -> str:
    text = " ".join(name.split())
    return text[4:] if text.lower().startswith("the ") else text


def candidates(name: str) -> tuple[PublicBody, ...]:
    """Every body of the tables spelled so, in any country."""
    return _index().get(fold(_bare(name)), ())


def applicable(publisher: str | None, named: Iterable[str] = ()) -> tuple[str, ...]:
    """The countries whose acronyms a document reads, in order of preference: its publisher's; the countries
    it names; the default one when no publisher is known; the EU's and the international bodies'; and, when no
    publisher is known, any table's acronym that only one table holds (`ANYWHERE`)."""
    order = [publisher] if publisher else []
    order += [c for c in named if c not in order]
    if publisher is None and DEFAULT not in order:
        order.append(DEFAULT)
    order += [c for c in EVERYWHERE if c not in order]
    if publisher is None:
        order.append(ANYWHERE)
    return tuple(order)


def public_body(name: str, *, countries: Iterable[str] | None = None) -> str | None:
    """The canonical name of a public body ('the DVLA' → 'Driver and Vehicle Licensing Agency'), else None.

    A full name ('Canada Revenue Agency') is found whatever the countries; a one-word name ('CRA', 'Treasury')
    only among the bodies of `countries`, the first country that has it winning (`applicable` gives the order);
    with no countries given, a name that only one table holds."""
    found = candidates(name)
    names = {b.name for b in found}
    if len(names) == 1 and (countries is None or not is_local(_bare(name), found)):
        return found[0].name
    for owner in countries or ():
        if owner == ANYWHERE and len(names) == 1 and _unique_acronym(_bare(name)):
            return found[0].name
        for body in found:
            if body.country == owner:
                return body.name
    return None


def _unique_acronym(spelling: str) -> bool:
    """'NASA', 'FEMA': capitals only, three or more; not a word a table lists ('Revenue', 'Treasury')."""
    return len(spelling) >= 3 and spelling.isupper() and spelling.isalpha()
