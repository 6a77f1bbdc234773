"""A filter's name read as the index stores it: 'JICA' finds the Japan International Cooperation Agency.

The extractor stores a body under its full name however the text wrote it (an acronym defined in the text or
one of the public bodies' tables), so a filter written the way a release writes the body ('JICA', 'the CRA')
matched nothing. An acronym (one short word) no document is filed under is looked up as written in the texts: where the
mentions written so carry one stored name it abbreviates (its letters are the name's initials, in order), the
filter uses that name; otherwise the name is kept as given. A name the user's aliases file merged into another
('Pristina' into 'Kosovo') is written so in the texts too, but abbreviates nothing: it filters nothing once merged.

`search_as_filed` searches first and reads the names only when the names as given find nothing: a hit means
every name is filed (each must be mentioned), so the common search costs one query, not one or two more per name.
"""

from __future__ import annotations

import re
from collections import Counter

from search.base import Page, Query, SearchBackend

_LOOK_AT = 10  # documents whose text has the name: enough to see what its mentions are filed under
# Names read per query: a crafted one with 40 common words ran 111 searches and 110 reads, holding up others.
READ_AT_MOST = 4
# One short word, as bodies are abbreviated ('JICA', 'DfT', 'MoD', 'HMRC', 'the CRA'), in any case ('jica').
_ACRONYM = re.compile(r"(?:the\s+)?[a-z&]{2,12}", re.IGNORECASE)


def stored_name(backend: SearchBackend, name: str) -> str:
    """`name` if some document is filed under it or it is no acronym; else the one name the mentions written so
    are stored under; else `name`."""
    if not _may_abbreviate(name) or _filed_under(backend, name):
        return name
    written = " ".join(name.replace('"', " ").split())
    written = written[4:] if written.casefold().startswith("the ") else written  # 'the CRA' is written 'CRA'
    if not written:
        return name
    folded = {written.casefold(), f"the {written.casefold()}"}
    page = backend.search(Query(text=f'"{written}"', limit=_LOOK_AT, facets=False))
    stored: Counter[str] = Counter()
    for hit in page.hits:
        document = backend.get(hit.id)
        for mention in document.entities if document else ():
            if mention.text.casefold() in folded and _abbreviates(written, mention.normalized):
                stored[mention.normalized] += 1
    if len(stored) != 1:  # none, or two bodies written alike: the filter keeps what it was given
        return name
    (found,) = stored
    return found


def with_stored_names(backend: SearchBackend, query: Query) -> Query:
    """`query` with its entities and agreement parties read by `stored_name`: the first `READ_AT_MOST` that
    could be acronyms (each read is up to a dozen lookups, inside the search limiter), the rest as given."""
    if not query.entities and not query.agreement_parties:
        return query
    reads = 0

    def read(name: str) -> str:
        nonlocal reads
        if not _may_abbreviate(name) or reads >= READ_AT_MOST:
            return name
        reads += 1
        return stored_name(backend, name)

    return query.model_copy(
        update={
            "entities": tuple(read(e) for e in query.entities),
            "agreement_parties": tuple(read(p) for p in query.agreement_parties),
        }
    )


def search_as_filed(backend: SearchBackend, query: Query) -> Page:
    """`backend.search(query)`, or, where it finds nothing, the search with its names read by `stored_name`."""
    page = backend.search(query)
    if page.hits or not any(map(_may_abbreviate, (*query.entities, *query.agreement_parties))):
        return page
    filed = with_stored_names(backend, query)
    return page if filed == query else backend.search(filed)


def _may_abbreviate(name: str) -> bool:
    """One short word ('JICA', 'the CRA'): a name that may be read as the one it abbreviates."""
    return _ACRONYM.fullmatch(name.strip()) is not None


def _abbreviates(acronym: str, name: str) -> bool:
    """'JICA' of 'Japan International Cooperation Agency', 'DfT' of 'Department for Transport', 'HMRC' of 'HM
    Revenue and Customs': the acronym's letters, in order, among the name's initials and capitals, the first
    letter the name's."""
    letters = acronym.split()[-1].casefold()  # without a leading 'the'
    words = name.split()
    if len(words) < 2 or not letters or words[0][0].casefold() != letters[0]:
        return False
    marks = iter(c.casefold() for w in words for i, c in enumerate(w) if i == 0 or c.isupper())
    return all(letter in marks for letter in letters)


def _filed_under(backend: SearchBackend, name: str) -> bool:
    found = backend.search(Query(entities=(name,), limit=1, facets=False))
    if found.hits:
        return True
    return bool(backend.search(Query(agreement_parties=(name,), limit=1, facets=False)).hits)
