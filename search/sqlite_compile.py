"""Compiles a search (a `Query` and its `ParsedQuery`) into the SQL that answers it. Pure: no connection.

Ranking (the shared matching policy): a document must match every phrase and OR group and at least one plain
word; documents with more of the plain words come first ("coverage"), then BM25 with the title weighted
most. Only rowids are ranked: the page's documents, snippets and scores are read afterwards for the page
alone, and facets count a bounded sample of matches, so a common word costs no more than a rare one.

One statement (`matches`) lists the newest matches of the text and filters, by rowid only, up to the
total's limit: the total, the facet sample and the ranking window all come from that one list, so the
filters run once per search. Every filter is a set of rowids read from a covering index (never a join with
`documents` per match), so a selective filter is a lookup and the full-text doclist is walked without
touching a table row. BM25 and the word coverage run only over the ranking window.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from search.base import Query, QueryError
from search.checks import check_possible
from search.parsed import ParsedQuery
from search.querytext import compile_fts, quoted_word
from search.sqlite_schema import utc_text

# Column weights for bm25(): a match in the title counts most, then in entity names, then in the body.
WEIGHTS = (8.0, 1.0, 3.0)
FACET_SIZE = 20
# Relevance ranks the newest RANK_WINDOW matches (of the text and filters): enough for any page people
# read, and a common word then costs no more than a rare one.
RANK_WINDOW = 1000
# Totals are counted up to this many (as Elasticsearch's default); `Page.total_exact` says when it was reached.
TOTAL_LIMIT = 10_000
# Facets count at most this many matches (the newest); `Page.facets_sampled` says when they did.
FACET_SAMPLE = 500
_BM25 = "bm25(documents_fts, " + ", ".join(str(w) for w in WEIGHTS) + ")"


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page starts. `ceiling` keeps later pages to the documents that existed at the first one."""

    ceiling: int | None = None
    offset: int = 0  # relevance order
    after: tuple[str, int] | None = None  # date order: (published_key, rowid) of the previous page's last hit

    def encode(self) -> str:
        raw = json.dumps({"c": self.ceiling, "o": self.offset, "a": self.after}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor: str | None) -> Position:
        """The position a cursor stands for; a cursor we did not make is a `QueryError`, not a crash."""
        if not cursor:
            return cls()
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            ceiling, offset, after = data["c"], data["o"], data["a"]
            valid = (
                isinstance(ceiling, int)
                and isinstance(offset, int)
                and offset >= 0
                and (after is None or (isinstance(after[0], str) and isinstance(after[1], int)))
            )
        except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError):
            valid = False
        if not valid:
            raise QueryError("invalid cursor: pass back the next_cursor of a previous page")
        return cls(ceiling=ceiling, offset=offset, after=(after[0], after[1]) if after else None)


@dataclass(frozen=True, slots=True)
class CompiledSearch:
    """The statements of one search. `matches` lists matching rowids, newest first, up to TOTAL_LIMIT + 1.

    `by_date` pages (`page`: rowid, coverage, published_key, score) continue after the last hit (keyset);
    relevance pages rank the newest RANK_WINDOW matches, with `rank(window)`, by offset. `match` is the
    FTS5 expression (None without text).
    """

    match: str | None
    parsed: ParsedQuery | None
    by_date: bool
    matches: Statement
    page: Statement | None
    limit: int
    position: Position

    def rank(self, window: list[int]) -> Statement:
        """The relevance page among `window` (matching rowids, newest first): coverage, then BM25."""
        assert self.parsed is not None and self.match is not None
        return _relevance_page(self.parsed, self.match, window, limit=self.limit, offset=self.position.offset)


def _in_json(column: str) -> str:
    return f"{column} IN (SELECT value FROM json_each(?))"


def _rows(select: str) -> str:
    return f"{{rowid}} IN ({select})"


def compile_filters(query: Query) -> tuple[list[str], list[Any]]:
    """Conditions on a rowid (`{rowid}` in each, to be formatted) for every filter, with their parameters.

    Each is a set of rowids from a covering index, so no filter reads a `documents` row per match.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if query.sources:
        clauses.append(_rows("SELECT rowid FROM documents WHERE " + _in_json("source")))
        params.append(json.dumps(query.sources))
    if query.kinds:
        clauses.append(_rows("SELECT rowid FROM documents WHERE " + _in_json("kind")))
        params.append(json.dumps(query.kinds))
    if query.ids:
        clauses.append(_rows("SELECT rowid FROM documents WHERE " + _in_json("id")))
        params.append(json.dumps(query.ids))
    if query.story_id is not None:
        clauses.append(_rows("SELECT rowid FROM documents WHERE story_id = ?"))
        params.append(query.story_id)
    published: list[str] = []
    if query.published_from is not None:
        published.append("published >= ?")
        params.append(utc_text(query.published_from))
    if query.published_to is not None:
        published.append("published <= ?")
        params.append(utc_text(query.published_to))
    if published:
        clauses.append(_rows("SELECT rowid FROM documents WHERE " + " AND ".join(published)))
    for name in query.entities:
        clauses.append(_rows("SELECT m.doc_rowid FROM mentions m WHERE m.name = ?"))
        params.append(name)
    for code in query.countries:
        clauses.append(_rows("SELECT m.doc_rowid FROM mentions m WHERE m.code = ?"))
        params.append(code.upper())
    money: list[str] = []
    if query.figure_currency is not None:
        money.append("f.currency = ?")
        params.append(query.figure_currency.upper())
    if query.figure_min is not None:
        money.append("f.value_max >= ?")  # a range (£5m to £8m) counts when it reaches the minimum
        params.append(query.figure_min)
    if query.figure_max is not None:
        money.append("f.value <= ?")
        params.append(query.figure_max)
    if money:
        clauses.append(_rows("SELECT f.doc_rowid FROM figures f WHERE " + " AND ".join(money)))
    if query.agreement_parties or query.agreement_status:
        # Parties and status are of one and the same agreement.
        same: list[str] = []
        if query.agreement_status:
            same.append(_in_json("a.status"))
            params.append(json.dumps(query.agreement_status))
        for party in query.agreement_parties:
            same.append(
                "EXISTS (SELECT 1 FROM agreement_parties p WHERE p.doc_rowid = a.doc_rowid"
                " AND p.ordinal = a.ordinal AND p.party = ?)"
            )
            params.append(party)
        clauses.append(_rows("SELECT a.doc_rowid FROM agreements a WHERE " + " AND ".join(same)))
    return clauses, params


def _coverage(parsed: ParsedQuery, floor: int, window: str) -> tuple[str, list[Any]]:
    """How many of the plain words a row holds (0 when there are fewer than two: nothing to order).

    Each word's rows are taken within the window only, so a common word adds at most the window's size
    to the set, however many documents hold it.
    """
    if len(parsed.optional) < 2:
        return "0", []
    one = (
        "(documents_fts.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
        f" AND rowid >= {int(floor)} AND +rowid IN (SELECT value FROM json_each(?))))"
    )
    words = [param for w in parsed.optional for param in (quoted_word(w), window)]
    return "(" + " + ".join([one] * len(parsed.optional)) + ")", words


def _where(conditions: list[str], *, rowid: str) -> str:
    return " AND ".join(c.format(rowid=rowid) for c in conditions) or "1"


def _date_page(
    query: Query, match: str | None, filters: list[str], params: list[Any], position: Position
) -> Statement:
    """Newest first, continuing after the previous page's last (published_key, rowid): a keyset."""
    conditions = list(filters)
    values = list(params)
    if match is not None:
        conditions.insert(0, "{rowid} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        values.insert(0, match)
    if position.ceiling is not None:
        conditions.append("{rowid} <= ?")
        values.append(position.ceiling)
    if position.after is not None:
        conditions.append("(d.published_key, d.rowid) < (?, ?)")
        values.extend(position.after)
    return Statement(
        f"SELECT d.rowid, 0, d.published_key, 0.0 FROM documents d WHERE {_where(conditions, rowid='d.rowid')}"
        " ORDER BY d.published_key DESC, d.rowid DESC LIMIT ?",
        (*values, query.limit + 1),
    )


def _relevance_page(
    parsed: ParsedQuery, match: str, window: list[int], *, limit: int, offset: int
) -> Statement:
    """Most plain words first, then BM25, over the window only; rowids, so nothing else is read."""
    floor = min(window, default=0)
    rows = json.dumps(window)
    coverage, coverage_params = _coverage(parsed, floor, rows)
    return Statement(
        f"SELECT documents_fts.rowid, {coverage} AS coverage, '', -{_BM25} FROM documents_fts"
        f" WHERE documents_fts MATCH ? AND documents_fts.rowid >= {int(floor)}"
        " AND +documents_fts.rowid IN (SELECT value FROM json_each(?))"
        f" ORDER BY coverage DESC, {_BM25}, documents_fts.rowid DESC LIMIT ? OFFSET ?",
        (*coverage_params, match, rows, limit + 1, offset),
    )


def compile_search(query: Query, parsed: ParsedQuery | None, position: Position) -> CompiledSearch:
    """The statements for one page of `query`; `parsed` is its text parsed (None for no text)."""
    check_possible(query)
    if query.mode != "text":
        raise QueryError(f"{query.mode} search is not available on the SQLite backend; use mode=text")
    filters, filter_params = compile_filters(query)
    by_date = parsed is None or query.sort == "date"
    match = compile_fts(parsed) if parsed is not None else None
    conditions = list(filters)
    values: list[Any] = list(filter_params)
    if position.ceiling is not None:
        conditions.append("{rowid} <= ?")
        values.append(position.ceiling)
    if match is not None:
        # `+rowid`: the filter sets are checked per match, never pushed into FTS5 as one lookup per rowid
        where = _where(["documents_fts MATCH ?", *conditions], rowid="+documents_fts.rowid")
        matches = Statement(
            f"SELECT documents_fts.rowid FROM documents_fts WHERE {where}"
            f" ORDER BY documents_fts.rowid DESC LIMIT {TOTAL_LIMIT + 1}",
            (match, *values),
        )
    else:
        matches = Statement(
            f"SELECT d.rowid FROM documents d WHERE {_where(conditions, rowid='d.rowid')}"
            f" ORDER BY d.rowid DESC LIMIT {TOTAL_LIMIT + 1}",
            tuple(values),
        )
    page = _date_page(query, match, filters, filter_params, position) if by_date else None
    return CompiledSearch(
        match=match,
        parsed=parsed,
        by_date=by_date,
        matches=matches,
        page=page,
        limit=query.limit,
        position=position,
    )


# Facets read one narrow row per sampled document (`data`, the long column, is never touched).
FACET_DOCUMENTS_SQL = (
    "SELECT d.source, d.kind, d.day, d.facet_tags FROM json_each(?) s JOIN documents d ON d.rowid = s.value"
)
