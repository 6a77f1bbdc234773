"""A filter's name read as the index stores it: 'JICA' finds the Japan International Cooperation Agency.

The extractor stores a body under its full name however the text wrote it (an acronym defined in the text or
one of the public bodies' tables), so a filter written the way a release writes the body ('JICA', 'the CRA')
matched nothing. A name no document is filed under is looked up as written in the texts: where the mentions
written so carry one stored name, the filter uses it; otherwise the name is kept as given.
"""

from __future__ import annotations

from collections import Counter

from search.base import Query, SearchBackend

_LOOK_AT = 10  # documents whose text has the name: enough to see what its mentions are filed under


def stored_name(backend: SearchBackend, name: str) -> str:
    """`name` if some document is filed under it; else the one name its mentions are stored under; else `name`."""
    if not name.strip() or _filed_under(backend, name):
        return name
    written = " ".join(name.replace('"', " ").split())
    if not written:
        return name
    folded = {written.casefold(), f"the {written.casefold()}"}
    page = backend.search(Query(text=f'"{written}"', limit=_LOOK_AT, facets=False))
    stored: Counter[str] = Counter()
    for hit in page.hits:
        document = backend.get(hit.id)
        for mention in document.entities if document else ():
            if mention.text.casefold() in folded and mention.normalized.casefold() != written.casefold():
                stored[mention.normalized] += 1
    if len(stored) != 1:  # none, or two bodies written alike: the filter keeps what it was given
        return name
    (found,) = stored
    return found


def with_stored_names(backend: SearchBackend, query: Query) -> Query:
    """`query` with each entity and agreement party read by `stored_name`."""
    if not query.entities and not query.agreement_parties:
        return query
    return query.model_copy(
        update={
            "entities": tuple(stored_name(backend, e) for e in query.entities),
            "agreement_parties": tuple(stored_name(backend, p) for p in query.agreement_parties),
        }
    )


def _filed_under(backend: SearchBackend, name: str) -> bool:
    found = backend.search(Query(entities=(name,), limit=1, facets=False))
    if found.hits:
        return True
    return bool(backend.search(Query(agreement_parties=(name,), limit=1, facets=False)).hits)
