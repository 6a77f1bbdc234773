"""Compiles a search (a `Query` and its `ParsedQuery`) into the SQL that answers it. Pure: no connection.

Ranking (the shared matching policy): a document must match every phrase and OR group and at least one plain
word; documents with more of the plain words come first ("coverage"), then BM25 with the title weighted
most. Only rowids are ranked: the page's documents, snippets and scores are read afterwards for the page
alone, and facets count a bounded sample of matches, so a common word costs no more than a rare one.

One statement (`matches`) lists the newest matches of the text and filters, by rowid only, up to the
total's limit: the total, the facet sample and the ranking window all come from that one list, so the
filters run once per search. Filters are tokens of the full-text index (search/sqlite_tags.py), so FTS5
intersects them with the text in one walk of the doclists; what tokens cannot say exactly is checked per
matching row. BM25 and the word coverage run only over the ranking window. Newest-first pages order the
complete list of matches by date when there are at most TOTAL_LIMIT of them, and otherwise walk the date
index and ask FTS5 about each row, which is quick precisely because so many rows match.
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
from search.sqlite_tags import tag_filter

# Column weights for bm25(): a match in the title counts most, then in entity names, then in the body.
WEIGHTS = (8.0, 1.0, 3.0, 0.0)  # the last column holds the filter tokens: never a reason to rank
FACET_SIZE = 20
# Relevance ranks the newest RANK_WINDOW matches (of the text and filters): enough for any page people
# read, and a common word then costs no more than a rare one.
RANK_WINDOW = 1000
# Totals are counted up to this many (as Elasticsearch's default); `Page.total_exact` says when it was reached.
TOTAL_LIMIT = 10_000
_BM25 = "bm25(documents_fts, " + ", ".join(str(w) for w in WEIGHTS) + ")"


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Any, ...] = ()


MAX_OFFSET = 1_000_000  # far past any page a ranking window holds
MAX_KEY_CHARS = 100  # a published_key is an ISO date or ""


def _row_number(value: object) -> bool:
    """A value SQLite takes as a rowid (a JSON true is not 1; 2**64 would overflow its 64-bit integers)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**63 - 1


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
                (ceiling is None or _row_number(ceiling))
                and isinstance(offset, int)
                and not isinstance(offset, bool)
                and 0 <= offset <= MAX_OFFSET
                and (
                    after is None
                    or (
                        isinstance(after, list)
                        and len(after) == 2
                        and isinstance(after[0], str)
                        and len(after[0]) <= MAX_KEY_CHARS
                        and _row_number(after[1])
                    )
                )
            )
        except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError):
            valid = False
        if not valid:
            raise QueryError("invalid cursor: pass back the next_cursor of a previous page")
        return cls(ceiling=ceiling, offset=offset, after=(after[0], after[1]) if after else None)


@dataclass(frozen=True, slots=True)
class CompiledSearch:
    """The statements of one search.

    `newest` lists the newest RANK_WINDOW matching rowids (the ranking window and the facet sample) and
    `count` counts matches up to TOTAL_LIMIT + 1, inside SQLite. Relevance pages rank the window with
    `rank`, by offset; `by_date` pages (rows: rowid, coverage, published_key, score) continue after the
    last hit (keyset): `date_page` orders every match by date when there are at most TOTAL_LIMIT of them,
    and otherwise the reader walks the date index in chunks (`date_chunk`), keeping the rows that match
    (`among`), which ends soon precisely because so many rows match. `match` is the whole FTS5 expression,
    text and filter tokens (None when there is neither); ranking uses it too, so FTS5 reads only rows that
    pass the filters (the tokens' column has no weight in BM25).
    """

    match: str | None
    ranking_match: str | None  # `match` with only the filters that narrow ranking (TagFilter.narrowing)
    filters: str | None  # those filters alone (over the tags column), None without any
    parsed: ParsedQuery | None
    by_date: bool
    checks: tuple[str, ...]  # exact conditions on `{rowid}` beside the MATCH, with their parameters
    check_params: tuple[Any, ...]
    limit: int
    position: Position

    def _matching(self) -> Statement:
        """Every match, as `hit`, in no particular order."""
        if self.match is None:
            return Statement(
                f"SELECT d.rowid AS hit FROM documents d WHERE {_where(list(self.checks), rowid='d.rowid')}",
                self.check_params,
            )
        where = _where(["documents_fts MATCH ?", *self.checks], rowid="documents_fts.rowid")
        return Statement(
            f"SELECT documents_fts.rowid AS hit FROM documents_fts WHERE {where}",
            (self.match, *self.check_params),
        )

    @property
    def newest(self) -> Statement:
        matching = self._matching()
        return Statement(f"{matching.sql} ORDER BY hit DESC LIMIT {RANK_WINDOW}", matching.params)

    @property
    def count(self) -> Statement:
        matching = self._matching()
        return Statement(f"SELECT count(*) FROM ({matching.sql} LIMIT {TOTAL_LIMIT + 1})", matching.params)

    def page(self, newest: list[int], total: int) -> Statement | None:
        """The page's statement; None when nothing matched, or when a date page must walk in chunks."""
        if self.by_date:
            return self.date_page(complete=total <= TOTAL_LIMIT)
        return self.rank(newest) if newest else None

    def rank(self, window: list[int]) -> Statement:
        """The relevance page among `window` (matching rowids, newest first): coverage, then BM25."""
        assert self.parsed is not None and self.ranking_match is not None
        return _relevance_page(
            self.parsed,
            self.ranking_match,
            self.filters,
            window,
            limit=self.limit,
            offset=self.position.offset,
        )

    def _after(self) -> tuple[list[str], list[Any]]:
        if self.position.after is None:
            return [], []
        return ["(d.published_key, d.rowid) < (?, ?)"], list(self.position.after)

    def date_page(self, *, complete: bool) -> Statement | None:
        """Newest first among every match (a join with the matches, each looked up once), or by the date
        index alone when there is no text or filter token; None when there are too many matches to order."""
        conditions, values = self._after()
        if self.match is None:
            source = "documents d"
            conditions = [*self.checks, *conditions]
            values = [*self.check_params, *values]
        elif complete:
            matching = self._matching()
            source = f"({matching.sql}) AS listed JOIN documents d ON d.rowid = listed.hit"
            values = [*matching.params, *values]
        else:
            return None
        return Statement(
            f"SELECT d.rowid, 0, d.published_key, 0.0 FROM {source} WHERE {_where(conditions, rowid='d.rowid')}"
            " ORDER BY d.published_key DESC, d.rowid DESC LIMIT ?",
            (*values, self.limit + 1),
        )

    def date_chunk(self, after: tuple[str, int] | None, *, size: int) -> Statement:
        """The next `size` documents by date, newest first, after `after`: (rowid, published_key)."""
        conditions, values = (["(d.published_key, d.rowid) < (?, ?)"], list(after)) if after else ([], [])
        return Statement(
            f"SELECT d.rowid, d.published_key FROM documents d WHERE {_where(conditions, rowid='d.rowid')}"
            " ORDER BY d.published_key DESC, d.rowid DESC LIMIT ?",
            (*values, size),
        )

    def among(self, rowids: list[int]) -> Statement:
        """Which of `rowids` match: one walk of the doclists, bounded by the smallest and largest."""
        assert self.match is not None, "without a MATCH, date_page reads the date index directly"
        matching = self._matching()
        return Statement(
            f"{matching.sql} AND +documents_fts.rowid IN (SELECT value FROM json_each(?))"
            " AND documents_fts.rowid BETWEEN ? AND ?",
            (*matching.params, json.dumps(rowids), min(rowids), max(rowids)),
        )


def compile_filters(query: Query) -> tuple[list[str], list[Any]]:
    """Conditions on a rowid (`{rowid}` in each, to be formatted) for every filter, with their parameters:
    for callers that want the set of rowids passing the filters alone (semantic search)."""
    filters = tag_filter(query)
    clauses, params = list(filters.checks), list(filters.params)
    expression = filters.match(None)
    if expression is not None:
        clauses.insert(0, "{rowid} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.insert(0, expression)
    return clauses, params


def _coverage(parsed: ParsedQuery, filters: str | None, floor: int, window: str) -> tuple[str, list[Any]]:
    """How many of the plain words a row holds (0 when there are fewer than two: nothing to order).

    Each word's rows are taken within the window only (and among rows passing the filters, so FTS5 skips
    the rest of a common word's doclist), so a common word adds at most the window's size to the set.
    """
    if len(parsed.optional) < 2:
        return "0", []
    one = (
        "(documents_fts.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
        f" AND rowid >= {int(floor)} AND +rowid IN (SELECT value FROM json_each(?))))"
    )
    words = [
        param
        for w in parsed.optional
        for param in (quoted_word(w) if filters is None else f"{quoted_word(w)} AND {filters}", window)
    ]
    return "(" + " + ".join([one] * len(parsed.optional)) + ")", words


def _where(conditions: list[str], *, rowid: str) -> str:
    return " AND ".join(c.format(rowid=rowid) for c in conditions) or "1"


def _relevance_page(
    parsed: ParsedQuery, match: str, filters: str | None, window: list[int], *, limit: int, offset: int
) -> Statement:
    """Most plain words first, then BM25, over the window only; rowids, so nothing else is read."""
    floor = min(window, default=0)
    rows = json.dumps(window)
    coverage, coverage_params = _coverage(parsed, filters, floor, rows)
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
    filters = tag_filter(query)
    text = compile_fts(parsed) if parsed is not None else None
    checks, values = list(filters.checks), list(filters.params)
    if position.ceiling is not None:
        checks.append("{rowid} <= ?")
        values.append(position.ceiling)
    return CompiledSearch(
        match=filters.match(text),
        ranking_match=filters.match(text, ranking=True),
        filters=filters.match(None, ranking=True),
        parsed=parsed,
        by_date=parsed is None or query.sort == "date",
        checks=tuple(checks),
        check_params=tuple(values),
        limit=query.limit,
        position=position,
    )


# Facets read one narrow row per sampled document (`data`, the long column, is never touched).
# Every facet key ("facet:value") of the sampled documents in one string, joined by TAG_SEPARATOR inside SQLite
# (char(31)), so Python splits and counts it in two C calls instead of a loop over rows.
FACET_KEYS_SQL = (
    "SELECT group_concat('source:' || d.source || char(31) || 'kind:' || d.kind || char(31) || 'day:'"
    " || coalesce(d.day, '') || CASE WHEN d.facet_tags != '' THEN char(31) || d.facet_tags ELSE '' END,"
    " char(31)) FROM json_each(?) s JOIN documents d ON d.rowid = s.value"
)
