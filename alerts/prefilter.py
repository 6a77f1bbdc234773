"""Which saved searches can possibly match a batch: a query index, as a percolator keeps one.

From each saved search come its *conditions*: facts every matching document holds, each a set of keys of
which a document must hold at least one (`{"party:kosovo"}`; `{"term:flood", "term:storm"}` for
`flood OR storm`). A search is indexed under the keys of its most selective condition; a batch looks up
only the keys its documents hold, so matching costs what can match, not the number of saved searches.
A candidate is then checked against each document's keys (all its conditions), and runs on the backend over
the documents that pass. Searches with no condition (an exclusion only, a prefix, a date range) always run.

Never dropping a true match is the point: every key is at least as coarse as both backends. Names are
folded as Elasticsearch folds them (SQLite's NOCASE is coarser only on ASCII, which folding covers); a
country is the code NLP gave or the gazetteer's (SQLite fills it in, Elasticsearch does not); text terms
come from the index's own analysis (search/index_terms.py), and a search keys no text when that analysis
cannot be reproduced. tests/alerts/test_prefilter.py compares it with running every search.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presswatch.document import Document
from search.base import Query, QueryError
from search.index_terms import IndexTerms
from search.parsed import AnyOf, Atom, Phrase, Word, parse_query
from search.stems import fold
from search.stored import country_code

Condition = frozenset[str]  # a document holds at least one of these keys
# Which kind of key to index a search by, most selective first (among conditions of as many keys).
_SELECTIVITY = ("id", "story", "party", "entity", "term", "country", "currency", "status", "source")


def conditions_of(query: Query, *, terms: IndexTerms | None) -> tuple[Condition, ...]:
    """What every document `query` matches holds; `terms=None`: nothing about its text."""
    if query.mode != "text":
        return ()  # semantic matching has no word a document must hold
    found: list[Condition] = []
    if query.ids:
        found.append(frozenset(f"id:{i}" for i in query.ids))
    if query.sources:
        found.append(frozenset(f"source:{s}" for s in query.sources))
    if query.kinds:
        found.append(frozenset(f"kind:{k}" for k in query.kinds))
    found += [frozenset({f"entity:{fold(e)}"}) for e in query.entities]
    found += [frozenset({f"country:{c.upper()}"}) for c in query.countries]
    if query.figure_currency is not None:
        found.append(frozenset({f"currency:{query.figure_currency.upper()}"}))
    elif query.figure_min is not None or query.figure_max is not None:
        found.append(frozenset({"money"}))
    found += [frozenset({f"party:{fold(p)}"}) for p in query.agreement_parties]
    if query.agreement_status:
        found.append(frozenset(f"status:{s}" for s in query.agreement_status))
    if query.story_id is not None:
        found.append(frozenset({f"story:{query.story_id}"}))
    if terms is not None and query.text.strip():
        found += _text_conditions(query.text, terms)
    return tuple(c for c in dict.fromkeys(found) if c)


def _text_conditions(text: str, terms: IndexTerms) -> list[Condition]:
    """Every phrase word and OR group is required; at least one plain word is (the parsed policy)."""
    try:
        parsed = parse_query(text)
    except QueryError:
        return []  # the backend refuses it too
    found: list[Condition] = []
    for clause in parsed.required:
        if isinstance(clause, AnyOf):
            options = [_one_of(option, terms) for option in clause.options]
            if all(options):
                found.append(frozenset().union(*options))
        else:
            found += [frozenset({key}) for key in _all_of(clause, terms)]
    if parsed.optional:
        options = [_one_of(word, terms) for word in parsed.optional]
        if all(options):
            found.append(frozenset().union(*options))
    return found


def _all_of(atom: Atom, terms: IndexTerms) -> list[str]:
    """Keys a document matching `atom` holds every one of (none for a prefix: it has no single term)."""
    if isinstance(atom, Word) and atom.prefix:
        return []
    words = atom.words if isinstance(atom, Phrase) else (atom.text,)
    return sorted({f"term:{t}" for found in terms.terms(list(words)) for t in found})


def _one_of(atom: Atom, terms: IndexTerms) -> frozenset[str]:
    """One key a document matching `atom` holds (the longest term), or nothing when there is none."""
    keys = _all_of(atom, terms)
    return frozenset({max(keys, key=len)}) if keys else frozenset()


def document_keys(documents: Sequence[Document], *, terms: IndexTerms | None) -> list[frozenset[str]]:
    """Every key each document holds, in the form of `conditions_of`."""
    texts: list[frozenset[str]] = (
        terms.terms([_text_of(d) for d in documents]) if terms is not None else [frozenset()] * len(documents)
    )
    return [_keys(d) | {f"term:{t}" for t in words} for d, words in zip(documents, texts, strict=True)]


def _text_of(document: Document) -> str:
    """All the text either backend searches: title, body and entity names (one per line)."""
    names = dict.fromkeys(m.normalized for m in document.entities)
    return "\n".join((document.title, document.body, *names))


def _keys(d: Document) -> frozenset[str]:
    keys = {f"id:{d.id}", f"source:{d.source}", f"kind:{d.kind}"}
    if d.story_id is not None:
        keys.add(f"story:{d.story_id}")
    for m in d.entities:
        keys.add(f"entity:{fold(m.normalized)}")
        if m.code:
            keys.add(f"country:{m.code.upper()}")
        code = country_code(m.label, m.normalized, m.code)
        if code:
            keys.add(f"country:{code}")
    for f in d.figures:
        if f.kind == "money":
            keys.add("money")
            if f.currency:
                keys.add(f"currency:{f.currency.upper()}")
    for a in d.agreements:
        keys.add(f"status:{a.status}")
        keys |= {f"party:{fold(p)}" for p in a.parties}
    return frozenset(keys)


def holds(keys: frozenset[str], conditions: Iterable[Condition]) -> bool:
    return all(not keys.isdisjoint(condition) for condition in conditions)


def _rank(condition: Condition) -> tuple[int, int, int]:
    kind = next(iter(condition)).split(":", 1)[0]
    order = _SELECTIVITY.index(kind) if kind in _SELECTIVITY else len(_SELECTIVITY)
    return len(condition), order, -min(len(k) for k in condition)


@dataclass(frozen=True, slots=True)
class CandidateIndex:
    """Search positions by the keys of their most selective condition, and those with none."""

    conditions: tuple[tuple[Condition, ...], ...]
    by_key: dict[str, tuple[int, ...]]
    always: tuple[int, ...]

    @classmethod
    def build(cls, conditions: Sequence[tuple[Condition, ...]]) -> CandidateIndex:
        by_key: defaultdict[str, list[int]] = defaultdict(list)
        always: list[int] = []
        for position, found in enumerate(conditions):
            if not found:
                always.append(position)
                continue
            for key in min(found, key=_rank):
                by_key[key].append(position)
        return cls(
            conditions=tuple(conditions),
            by_key={k: tuple(v) for k, v in by_key.items()},
            always=tuple(always),
        )

    def candidates(self, keys: Sequence[frozenset[str]]) -> dict[int, list[int]]:
        """For each search that can match, the positions (in `keys`) of the documents it can match."""
        present = frozenset().union(*keys) if keys else frozenset()
        looked_up = {p for key in present & self.by_key.keys() for p in self.by_key[key]}
        found: dict[int, list[int]] = {}
        for position in sorted(looked_up.union(self.always)):
            documents = [i for i, held in enumerate(keys) if holds(held, self.conditions[position])]
            if documents:
                found[position] = documents
        return found
