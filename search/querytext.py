"""Compiles a `ParsedQuery` into an FTS5 MATCH expression, following the shared matching policy.

Every term is quoted here, so no input can reach FTS5 as syntax.
"""

from __future__ import annotations

from search.parsed import AnyOf, Atom, Clause, ParsedQuery, Phrase, Word, parse_query


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _atom(atom: Atom) -> str:
    if isinstance(atom, Phrase):
        return _quoted(" ".join(atom.words))
    return _quoted(atom.text) + ("*" if atom.prefix else "")


def _clause(clause: Clause) -> str:
    if isinstance(clause, AnyOf):
        return "(" + " OR ".join(_atom(o) for o in clause.options) + ")"
    return _atom(clause)


def quoted_word(word: Word) -> str:
    """One plain word (or prefix) as an FTS5 expression of its own."""
    return _atom(word)


def compile_fts(parsed: ParsedQuery) -> str:
    """The MATCH expression: every phrase and OR group, at least one plain word, exclusions with NOT.

    Plain words are optional (`minimum_should_match`): the backend ranks documents with more of them first.
    """
    parts = [_clause(c) for c in parsed.required]
    if parsed.optional:
        words = [_atom(w) for w in parsed.optional]
        parts.append(words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")")
    expression = " AND ".join(parts)
    for atom in parsed.excluded:
        expression = f"({expression}) NOT {_atom(atom)}"
    return expression


def to_fts(text: str) -> str:
    """The FTS5 MATCH expression for a user's query text."""
    return compile_fts(parse_query(text))


def terms_of(text: str) -> list[str]:
    """The plain words and phrases of a query, without operators: for highlighting and logging."""
    atoms = parse_query(text).positive_atoms()
    return [" ".join(a.words) if isinstance(a, Phrase) else a.text for a in atoms]
