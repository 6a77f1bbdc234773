"""What a person types, parsed once into a backend-neutral query that every backend compiles.

Syntax: words, "quoted phrases", `OR` between words or phrases, `-word` or `-"a phrase"` to exclude, and
`word*` for a prefix. `AND` and `NOT` are accepted as plain separators (they are what people type out of
habit). Nothing the user types reaches SQL or a query DSL as a string: backends build their own syntax from
these values, quoting each term themselves.

Matching policy (shared, so the backends agree): a phrase and an OR group must match as written; plain words
are `optional`: a document needs at least `minimum_should_match` of them, and ranking puts documents with all
of them first, then those with most of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from search.base import QueryError

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 64
_TOKEN = re.compile(r'-?"[^"]*"\*?|\S+')
_WORD_CHARS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Word:
    """One word, or a prefix of words when `prefix` (`migra*`)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together, in this order."""

    words: tuple[str, ...]


Atom = Word | Phrase


@dataclass(frozen=True, slots=True)
class AnyOf:
    """`a OR b OR "c d"`: at least one of the options matches."""

    options: tuple[Atom, ...]


Clause = Atom | AnyOf


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    required: tuple[Clause, ...]
    optional: tuple[Word, ...]
    excluded: tuple[Atom, ...]

    @property
    def minimum_should_match(self) -> int:
        """How many optional words a document needs: one, unless nothing else is required."""
        return 1 if self.optional else 0

    def positive_atoms(self) -> list[Atom]:
        """Every word and phrase that counts for a match, for highlighting."""
        atoms: list[Atom] = []
        for clause in (*self.required, *self.optional):
            atoms.extend(clause.options if isinstance(clause, AnyOf) else (clause,))
        return atoms


_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c")


def _clean(text: str) -> str:
    """Reject control characters (NUL included): no one types them, so they are a mistake to report.

    Tabs and line breaks are spaces; other invisible characters (format, unassigned) separate words.
    """
    for ch in text:
        if unicodedata.category(ch) == "Cc" and ch not in _WHITESPACE_CONTROLS:
            raise QueryError(f"the query contains a control character (U+{ord(ch):04X}): remove it")
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def _atom(raw: str) -> Atom | None:
    """A word or phrase from one token, or None when it holds no word characters (lone punctuation)."""
    if raw.startswith('"'):
        words = tuple(_WORD_CHARS.findall(raw.strip("*").strip('"')))
        if not words:
            return None
        return Phrase(words) if len(words) > 1 else Word(words[0])
    prefix = raw.endswith("*")
    words = tuple(_WORD_CHARS.findall(raw.rstrip("*")))
    if not words:
        return None
    if len(words) > 1:  # 'co-operation', 'U.K.' and "Starmer's" as one atom: a phrase of their parts
        return Phrase(words)
    return Word(words[0], prefix=prefix)


def _parts(raw: str) -> list[Atom]:
    """The atoms of one unquoted token: 'cross-border' stands for its words, each optional like any word.

    Writers hyphenate freely ('cross-border', 'cross border', 'crossborder'), so requiring the parts as a
    phrase lost the documents that spell it otherwise; a quoted "cross-border" stays an exact phrase.
    """
    if raw.startswith('"'):
        atom = _atom(raw)
        return [atom] if atom is not None else []
    prefix = raw.endswith("*")
    words = _WORD_CHARS.findall(raw.rstrip("*"))
    return [Word(w, prefix=prefix and i == len(words) - 1) for i, w in enumerate(words)]


def parse_query(text: str) -> ParsedQuery:
    """Parse what a person typed; a mistake they can fix is a `QueryError` that says how."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(text)} characters, at most {MAX_QUERY_CHARS}")
    text = _clean(text)
    if text.count('"') % 2:
        raise QueryError('unbalanced quotation mark: close the phrase with another "')
    groups: list[list[Atom]] = []
    excluded: list[Atom] = []
    pending_or = False
    tokens = _TOKEN.findall(text)
    for position, raw in enumerate(tokens):
        if raw == "OR":
            pending_or = bool(groups)
            continue
        if raw in ("AND", "NOT"):
            continue
        negated = raw.startswith("-") and len(raw) > 1
        alternative = pending_or or tokens[position + 1 : position + 2] == ["OR"]
        if negated or alternative:  # an excluded or alternative 'cross-border' is the phrase as one atom
            atom = _atom(raw[1:] if negated else raw)
            if atom is None:
                continue
            if negated:
                excluded.append(atom)
            elif pending_or:
                groups[-1].append(atom)
                pending_or = False
            else:
                groups.append([atom])
            continue
        groups.extend([atom] for atom in _parts(raw))
    if len(groups) + len(excluded) > MAX_CLAUSES:
        raise QueryError(f"too many terms: at most {MAX_CLAUSES} words, phrases and exclusions")
    if not groups:
        if excluded:
            raise QueryError("a query needs at least one word that is not excluded with '-'")
        raise QueryError("the query has no words to search for")
    required: list[Clause] = []
    optional: list[Word] = []
    for group in groups:
        if len(group) > 1:
            required.append(AnyOf(tuple(dict.fromkeys(group))))
        elif isinstance(group[0], Word):
            optional.append(group[0])
        else:
            required.append(group[0])
    return ParsedQuery(
        required=tuple(required),
        optional=tuple(dict.fromkeys(optional)),
        excluded=tuple(dict.fromkeys(excluded)),
    )
