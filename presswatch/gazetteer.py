"""Countries (with ISO 3166-1 codes), former states no state continues (no code: Prussia, the Ottoman Empire)
and international bodies, as data every layer may read.

It lives in the core, not in `nlp`, so that the API can normalise a filter such as `entity=UK` without
loading spaCy. The lists are plain text files in `presswatch/data/`, one entry a line, so a user or a
contributor can correct a spelling without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True, kw_only=True)
class Place:
    """One gazetteer entry: a canonical name, its code and every other way it is written."""

    code: str
    name: str
    aliases: tuple[str, ...]


def name_rows(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The rows of a names table (key, tab, spellings with '|' between, canonical first; '#' comments), as
    (key, spellings); the format of these tables and of `nlp/data/bodies_*.tsv`."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, names = line.partition("\t")
        spellings = tuple(n.strip() for n in names.split("|") if n.strip())
        if spellings:
            rows.append((code.strip(), spellings))
    return rows


def _rows(resource: str) -> list[tuple[str, tuple[str, ...]]]:
    return name_rows(files("presswatch").joinpath(f"data/{resource}").read_text(encoding="utf-8"))


def _read(resource: str) -> tuple[Place, ...]:
    return tuple(Place(code=code, name=names[0], aliases=names) for code, names in _rows(resource))


def _alias_index(places: tuple[Place, ...]) -> dict[str, Place]:
    """Every spelling of every place, case-folded, to its place."""
    return {alias.casefold(): place for place in places for alias in place.aliases}


@lru_cache(maxsize=1)
def countries() -> tuple[Place, ...]:
    """Every sovereign state (and Kosovo, XK) and the territories with a code of their own (Hong Kong, Puerto
    Rico, Greenland), with its ISO 3166-1 alpha-2 code."""
    return _read("countries.tsv")


@lru_cache(maxsize=1)
def _code_index() -> dict[str, Place]:
    return {place.code: place for place in reversed(countries())}  # the first row of a code wins


def country_by_code(code: str) -> Place | None:
    """The country with this ISO 3166-1 code ('JP' → Japan), else None."""
    return _code_index().get(code)


@lru_cache(maxsize=1)
def international_bodies() -> tuple[Place, ...]:
    """International organisations (EU, UN, NATO, ...): organisations that can be parties to agreements."""
    return _read("bodies.tsv")


def _without_article(name: str) -> str:
    text = " ".join(name.split())
    return text[4:] if text.lower().startswith("the ") else text


@lru_cache(maxsize=1)
def _country_index() -> dict[str, Place]:
    return _alias_index(countries())


@lru_cache(maxsize=1)
def _body_index() -> dict[str, Place]:
    return _alias_index(international_bodies())


@lru_cache(maxsize=1)
def _former_rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(_rows("former_states.tsv"))


@lru_cache(maxsize=1)
def former_states() -> tuple[Place, ...]:
    """Former sovereign states no state today continues ('the Ottoman Empire', 'the Kingdom of Prussia'): a
    treaty with one keeps it as its party. They have no ISO code (`code` is ''), so they are no countries."""
    return tuple(Place(code="", name=names[0], aliases=names) for _, names in _former_rows())


@lru_cache(maxsize=1)
def _former_index() -> dict[str, Place]:
    return _alias_index(former_states())


def former_state(name: str) -> Place | None:
    """The former state a spelling stands for ('the Sublime Porte' → Ottoman Empire), else None."""
    return _former_index().get(_without_article(name).casefold())


@lru_cache(maxsize=1)
def _still_places() -> frozenset[str]:
    return frozenset(names[0] for kind, names in _former_rows() if kind == "region")


def still_a_place(state: Place) -> bool:
    """Whether a former state's name also names a place today ('Bavaria', a German state): such a name is a
    side of an agreement only where the text makes the agreement with it, as any place is."""
    return state.name in _still_places()


def country(name: str) -> Place | None:
    """The country a spelling stands for ('UK', 'the U.K.', 'Britain' → United Kingdom, GB), else None."""
    return _country_index().get(_without_article(name).casefold())


def international_body(name: str) -> Place | None:
    """The international body a name stands for ('the EU' → European Union), else None."""
    return _body_index().get(_without_article(name).casefold())


def country_aliases() -> dict[str, str]:
    """Every spelling of every country (as written, case kept) mapped to the canonical name."""
    return {alias: place.name for place in countries() for alias in place.aliases}


def canonical_name(name: str) -> str:
    """The name the index stores for a country, international body or former state; other names come back
    trimmed."""
    found = country(name) or international_body(name) or former_state(name)
    return found.name if found else " ".join(name.split())


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, Place]:
    return _alias_index(_read("demonyms.tsv"))


def demonym(word: str) -> Place | None:
    """The country a demonym belongs to ('Hungarian' → HU), else None. A demonym names no country by itself:
    'the Hungarian capital' is not a mention of Hungary, so callers keep it apart from country mentions."""
    return _demonym_index().get(" ".join(word.split()).casefold())


@lru_cache(maxsize=1)
def _demonym_by_code() -> dict[str, str]:
    return {place.code: place.name for place in reversed(_read("demonyms.tsv"))}


def demonym_of(code: str) -> str | None:
    """A country's demonym by its ISO code ('JP' → 'Japanese'), for names such as 'Japanese Defence Ministry'
    that the text writes 'Japan's defence ministry'."""
    return _demonym_by_code().get(code)


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, ...], ...]:
    """Every region or sea of `regions.tsv`, each as its spellings (the canonical name first)."""
    text = files("presswatch").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    found: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            found.append(tuple(n.strip() for n in line.split("|") if n.strip()))
    return tuple(found)


@lru_cache(maxsize=1)
def _region_index() -> dict[str, str]:
    return {n.casefold(): names[0] for names in regions() for n in names}


# The countries that make up a country and count as it (the annotation guide: England, Scotland, Wales and
# Northern Ireland are GB); each keeps its own name as a place.
_PARTS = {"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB"}


def country_of_part(name: str) -> Place | None:
    """The country that a constituent country belongs to ('Scotland' → United Kingdom), else None."""
    code = _PARTS.get(_without_article(" ".join(name.split())).casefold())
    return country_by_code(code) if code else None


def region(name: str) -> str | None:
    """The canonical name of a region or sea that is not a country ('the Channel' → English Channel)."""
    text = " ".join(name.split())
    return _region_index().get(text.casefold()) or _region_index().get(_without_article(text).casefold())
