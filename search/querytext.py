"""Compiles a `ParsedQuery` into an FTS5 MATCH expression.

Every term is quoted here, so no input can reach FTS5 as syntax.
"""

from __future__ import annotations

from search.parsed import AnyOf, Atom, Clause, ParsedQuery, Phrase, parse_query


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


def compile_fts(parsed: ParsedQuery) -> str:
    """The MATCH expression: every clause and every word required, exclusions with NOT."""
    expression = " AND ".join(_clause(c) for c in (*parsed.required, *parsed.optional))
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
