"""Whose body a short name is where the text says it: 'China CDC', "India's Supreme Court", 'the Kenyan Treasury'.

A one-word or generic name ('CDC', 'Treasury', 'Supreme Court') means one body only within a country
(`tables.is_local`), and the document's countries decide which. A country, people or region written right
before the name decides instead: "Kenya's Treasury" is no HM Treasury whoever publishes the page, and 'Africa
CDC' is no US agency. Only the owner's own table can then resolve the name; a region has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from presswatch.gazetteer import country, country_by_code, demonym, international_body, region

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_OWNER_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG"})


@dataclass(frozen=True)
class Owner:
    """The country (or region) named before a body's name, where its words start, and whether the text
    writes it as a possessive ("India's") rather than as part of the name ('China CDC')."""

    name: str
    start: int
    possessive: bool


def owner_before(doc: Doc, start: int) -> Owner | None:
    """The country, people or region written right before the token `start` ('China' of 'China CDC',
    "South Africa" of "South Africa's Treasury", 'Kenyan' of 'the Kenyan Treasury'), else None."""
    end = start
    possessive = end > 0 and doc[end - 1].text in _POSSESSIVE
    if possessive:
        end -= 1
    if end == 0 or (not doc[end - 1].is_title and not doc[end - 1].is_upper):
        return None
    first = end - 1
    if doc[first].ent_type_ in _OWNER_LABELS:
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1  # 'South' + 'Africa'
    words = doc[first:end].text
    if words.lower().startswith("the "):
        words, first = words[4:], first + 1
    name = _owner_name(words)
    return Owner(name=name, start=first, possessive=possessive) if name is not None else None


def _owner_name(words: str) -> str | None:
    if (place := country(words) or international_body(words)) is not None:
        return place.name
    if (people := demonym(words)) is not None:
        return place.name if (place := country_by_code(people.code)) is not None else None
    return region(words)
