"""Names a saved search cannot match: an agreement party or a country no one knows ('Kosvo'), a story the
index does not hold.

A party is known when the gazetteer knows it (a country or an international body) or when some indexed
agreement has it; a country must be one of the gazetteer's. Anything else would never fire, so saving it is
refused with the nearest names the gazetteer has.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from presswatch.gazetteer import countries, country, international_bodies, international_body
from search.base import Query, SearchBackend

SUGGESTIONS = 3


class UnknownStoryError(ValueError):
    """A saved search names a story no indexed document is in: it could never fire. `field` is where the
    request gave it (`story_id`, or `query.story_id`); the API answers 404, as for any id that names nothing."""

    def __init__(self, story_id: str, *, field: tuple[str, ...]) -> None:
        super().__init__(
            f"{'.'.join(field)} {story_id!r} is no story of the index: a story is followed by the `story_id` of"
            " an indexed document (GET /documents/{id}, a search hit), so this search could never fire"
        )
        self.story_id = story_id
        self.field = field


def unknown_story(*stories: tuple[tuple[str, ...], str | None], backend: SearchBackend) -> None:
    """Raise UnknownStoryError for the first (field, story id) given whose story no indexed document is in."""
    for field, story_id in stories:
        if story_id and not backend.search(Query(story_id=story_id, limit=1, facets=False)).hits:
            raise UnknownStoryError(story_id, field=field)


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """Every spelling the gazetteer knows, folded, mapped to its canonical name."""
    return {alias.casefold(): p.name for p in (*countries(), *international_bodies()) for alias in p.aliases}


def nearest(name: str) -> list[str]:
    """Up to SUGGESTIONS canonical names spelt most like `name`."""
    spellings = _known()
    close = difflib.get_close_matches(name.casefold(), spellings, n=SUGGESTIONS * 3, cutoff=0.6)
    return list(dict.fromkeys(spellings[c] for c in close))[:SUGGESTIONS]


def _hint(name: str) -> str:
    found = nearest(name)
    return f"; did you mean {', '.join(found)}?" if found else ""


def unknown_name(query: Query, backend: SearchBackend) -> str | None:
    """Why `query` names a party or country that cannot match (or an empty name: it matches nothing, so the
    search would never fire), or None."""
    for field in ("sources", "entities", "countries", "agreement_parties"):
        if any(not value.strip() for value in getattr(query, field)):
            return (
                f"query.{field} holds an empty name: it matches no document, so the search would never fire"
            )
    if query.story_id is not None and not query.story_id.strip():
        return "query.story_id is empty: it matches no document, so the search would never fire"
    codes = {p.code for p in countries()}
    for code in query.countries:
        if code not in codes:
            return (
                f"country {code!r} is unknown (give a name such as Serbia or a code such as RS){_hint(code)}"
            )
    for party in query.agreement_parties:
        if country(party) or international_body(party) or _indexed_party(party, backend):
            continue
        return (
            f"agreement party {party!r} is unknown: not a country, an international body or a party of any"
            f" indexed agreement{_hint(party)}"
        )
    return None


def _indexed_party(party: str, backend: SearchBackend) -> bool:
    found = backend.search(Query(agreement_parties=(party,), limit=1, facets=False))
    return bool(found.hits)
