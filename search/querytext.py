"""Turns what a person types into a safe FTS5 expression.

Supported: words (all must match), "quoted phrases", `OR` between words, `-word` to exclude, and `word*`
for a prefix. Everything else is quoted, so no input can reach FTS5 as syntax; mistakes a person can make
(an unclosed quote, a query that only excludes) are a `QueryError` with a message saying what to fix.
"""

from __future__ import annotations

import re

from search.base import QueryError

_TOKEN = re.compile(r'-?"[^"]*"|\S+')
_WORDLIKE = re.compile(r"\w")
MAX_QUERY_CHARS = 1000


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(raw: str) -> str | None:
    prefix = raw.endswith("*") and not raw.startswith('"')
    body = raw.strip('"').rstrip("*")
    if not _WORDLIKE.search(body):
        return None
    return _quoted(body) + ("*" if prefix else "")


def terms_of(text: str) -> list[str]:
    """The plain words and phrases of a query, without operators: for highlighting and logging."""
    return [t.strip('"-*') for t in _TOKEN.findall(text) if t not in ("OR", "AND", "NOT")]


def to_fts(text: str) -> str:
    """The FTS5 MATCH expression for a user's query text."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(text)} characters, at most {MAX_QUERY_CHARS}")
    if text.count('"') % 2:
        raise QueryError('unbalanced quotation mark: close the phrase with another "')
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for raw in _TOKEN.findall(text):
        if raw == "OR":
            pending_or = bool(positive)
            continue
        if raw in ("AND", "NOT"):
            continue
        excluded = raw.startswith("-") and len(raw) > 1
        term = _term(raw[1:] if excluded else raw)
        if term is None:
            continue
        if excluded:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        if negative:
            raise QueryError("a query needs at least one word that is not excluded with '-'")
        raise QueryError("the query has no words to search for")
    expression = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for term in negative:
        expression = f"({expression}) NOT {term}"
    return expression
