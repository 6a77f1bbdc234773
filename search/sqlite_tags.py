"""Filter values as tokens of the full-text index, so that FTS5 intersects filters with the text itself.

A filter that is a set of rowids (every document of a source, every GBP figure over £10m) costs as many
rows as the set holds, however few of them the text matches; at 100,000 documents that was most of a
filtered search's time. Here each filterable value of a document is a token of the `tags` column of
`documents_fts`, so "Kosovo AND source X AND a GBP figure of at least 10^7" is one FTS5 expression, and FTS5
steps through the doclists together, skipping what cannot match.

A token is a hash of (field, value): a short word that cannot be confused with text and that the
tokenizer keeps as it is (it ends in a digit, so the Porter stemmer has no suffix to take off). Dates are
tokens at six granularities (millennium to day), so any range is a short OR of tokens. Amounts are tokens
per power of ten (at least 10^k, at most 10^k), so a range is one token each way, and an exact per-row
check keeps what the tokens cannot say (an amount between two powers of ten, a bound within a day, several
parties of the same agreement).
"""

from __future__ import annotations

import hashlib
import json
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from presswatch.document import Document
from search.base import Query
from search.stored import country_code, utc_text

TAGS_COLUMN = "tags"
# Amount tokens: 10^0 to 10^MAX_POWER in each direction; beyond it only the exact check applies.
MAX_POWER = 15
_LEVELS = ("millennium", "century", "decade", "year", "month", "day")
_YEARS = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}  # the levels that are whole years
_ANY_CURRENCY = "*"
_POWERS = frozenset(float(10**k) for k in range(MAX_POWER + 1))


def tag(kind: str, value: str) -> str:
    """The token for one filter value (`kind` names the field)."""
    digest = hashlib.blake2b(f"{kind}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"t{digest}0"


WITHDRAWN_TAG = tag("withdrawn", "yes")


def _quoted(token: str) -> str:
    return f'"{token}"'


def _any(tokens: list[str]) -> str:
    quoted = [_quoted(t) for t in dict.fromkeys(tokens)]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _fold(name: str) -> str:
    return name.casefold()


def _day_tags(day: date) -> list[str]:
    """The tokens of one day: the day and every unit it falls in, the same ones a range is covered with."""
    return [tag(level, _value(day, level)) for level in _LEVELS]


def _powers_at_least(value: float) -> range:
    """k such that value >= 10^k."""
    return range(0, next((k for k in range(MAX_POWER, -1, -1) if value >= 10**k), -1) + 1)


def _powers_at_most(value: float) -> range:
    """k such that value <= 10^k."""
    return range(next((k for k in range(MAX_POWER + 1) if value <= 10**k), MAX_POWER + 1), MAX_POWER + 1)


def document_tags(doc: Document) -> str:
    """The `tags` text of a document: every value a filter can ask for."""
    tags: list[str] = [tag("source", doc.source), tag("kind", doc.kind)]
    if doc.story_id is not None:
        tags.append(tag("story", doc.story_id))
    if doc.withdrawn:
        tags.append(WITHDRAWN_TAG)
    published = utc_text(doc.published)  # the stored form, which the exact checks compare with
    if published is not None:
        tags.extend(_day_tags(date.fromisoformat(published[:10])))
    for mention in doc.entities:
        tags.append(tag("entity", _fold(mention.normalized)))
        code = country_code(mention.label, mention.normalized, mention.code)
        if code:
            tags.append(tag("country", code))
    for figure in doc.figures:
        if figure.kind != "money" or not figure.currency:
            continue
        currency = figure.currency.upper()
        high = figure.value_max if figure.value_max is not None else figure.value
        tags.append(tag("currency", currency))
        for which in (currency, _ANY_CURRENCY):
            tags.extend(tag("at-least", f"{which}:{k}") for k in _powers_at_least(high))
            tags.extend(tag("at-most", f"{which}:{k}") for k in _powers_at_most(figure.value))
    for agreement in doc.agreements:
        tags.append(tag("status", agreement.status))
        for party in agreement.parties:
            tags.append(tag("party", _fold(party)))
            tags.append(tag("party-status", f"{_fold(party)}:{agreement.status}"))
    return " ".join(dict.fromkeys(tags))


def _end(day: date, level: str) -> date:
    """The last day of the `level` unit that starts on `day`."""
    if level == "day":
        return day
    if level == "month":
        return day.replace(day=monthrange(day.year, day.month)[1])  # December 9999 has no month after it
    span = _YEARS[level]
    last = day.year + span - 1
    return date(last, 12, 31) if last <= date.max.year else date.max


def _starts(day: date, level: str) -> bool:
    if level == "day":
        return True
    if level == "month":
        return day.day == 1
    span = _YEARS[level]
    return day.month == 1 and day.day == 1 and day.year % span == 0


def _value(day: date, level: str) -> str:
    y = day.year
    return {
        "millennium": str(y // 1000),
        "century": str(y // 100),
        "decade": str(y // 10),
        "year": str(y),
        "month": f"{y}-{day.month}",
        "day": day.isoformat(),
    }[level]


def day_range_tags(first: date, last: date) -> list[str]:
    """The fewest tokens whose days are exactly first..last (inclusive): the largest units that fit."""
    tokens: list[str] = []
    day = first
    while day <= last:
        level = next(lv for lv in _LEVELS if _starts(day, lv) and _end(day, lv) <= last)
        tokens.append(tag(level, _value(day, level)))
        end = _end(day, level)
        if end == date.max:
            break
        day = end + timedelta(days=1)
    return tokens


@dataclass
class TagFilter:
    """A query's filters: an FTS5 expression over `tags`, and the exact per-row checks it needs beside it."""

    expression: str | None = None
    checks: list[str] = field(default_factory=list)  # conditions with a `{rowid}` placeholder
    params: list[Any] = field(default_factory=list)  # the checks' parameters, in order
    # The filters worth repeating where rows are ranked: single tokens, which make FTS5 skip most of a
    # common word's doclist. A date range (an OR of many tokens) costs more there than it saves.
    narrowing: str | None = None

    def match(self, text: str | None, *, ranking: bool = False) -> str | None:
        """The whole MATCH expression: the text's (if any) and the filters' (the narrowing ones, for ranking)."""
        expression = self.narrowing if ranking else self.expression
        filters = f"{TAGS_COLUMN} : ({expression})" if expression else None
        if text and filters:
            return f"({text}) AND {filters}"
        return text or filters


def _money(query: Query, parts: list[str], result: TagFilter) -> None:
    if query.figure_currency is None and query.figure_min is None and query.figure_max is None:
        return
    which = query.figure_currency.upper() if query.figure_currency else _ANY_CURRENCY
    if query.figure_currency is not None:
        parts.append(_quoted(tag("currency", which)))
    if query.figure_min is not None:
        below = [k for k in range(MAX_POWER + 1) if 10**k <= query.figure_min]
        if below:
            parts.append(_quoted(tag("at-least", f"{which}:{below[-1]}")))
    if query.figure_max is not None:
        above = [k for k in range(MAX_POWER + 1) if 10**k >= query.figure_max]
        if above:
            parts.append(_quoted(tag("at-most", f"{which}:{above[0]}")))
    exact_min = query.figure_min is None or query.figure_min in _POWERS
    exact_max = query.figure_max is None or query.figure_max in _POWERS
    if (query.figure_min is None or query.figure_max is None) and exact_min and exact_max:
        return  # the tokens say it all: a currency, or one bound that is a power of ten (at least £10m)
    money: list[str] = []
    if query.figure_currency is not None:
        money.append("+f.currency = ?")
        result.params.append(which)
    if query.figure_min is not None:
        money.append("+f.value_max >= ?")  # a range (£5m to £8m) counts when it reaches the minimum
        result.params.append(query.figure_min)
    if query.figure_max is not None:
        money.append("+f.value <= ?")
        result.params.append(query.figure_max)
    # `+` keeps SQLite on the per-document index: the amount indexes would scan every figure per row
    result.checks.append(
        "EXISTS (SELECT 1 FROM figures f WHERE f.doc_rowid = {rowid} AND " + " AND ".join(money) + ")"
    )


def _dates(query: Query, parts: list[str], result: TagFilter) -> None:
    low, high = utc_text(query.published_from), utc_text(query.published_to)
    if low is None and high is None:
        return
    first = date.fromisoformat(low[:10]) if low else date.min
    last = date.fromisoformat(high[:10]) if high else date.max
    parts.append(_any(day_range_tags(first, last)) if first <= last else _quoted(tag("never", "")))
    if low is not None and not low.endswith("T00:00:00"):
        result.checks.append("(SELECT published FROM documents WHERE rowid = {rowid}) >= ?")
        result.params.append(low)
    if high is not None and not high.endswith("T23:59:59"):
        result.checks.append("(SELECT published FROM documents WHERE rowid = {rowid}) <= ?")
        result.params.append(high)


def _agreements(query: Query, parts: list[str], result: TagFilter) -> None:
    parties, statuses = query.agreement_parties, query.agreement_status
    if len(parties) == 1 and statuses:
        parts.append(_any([tag("party-status", f"{_fold(parties[0])}:{s}") for s in statuses]))
        return
    parts.extend(_quoted(tag("party", _fold(p))) for p in parties)
    if statuses:
        parts.append(_any([tag("status", s) for s in statuses]))
    if len(parties) > 1:  # parties (and status) of one and the same agreement: only the rows can say
        same: list[str] = []
        if statuses:
            same.append("+a.status IN (SELECT value FROM json_each(?))")
            result.params.append(json.dumps(statuses))
        for party in parties:
            same.append(
                "EXISTS (SELECT 1 FROM agreement_parties p WHERE p.doc_rowid = a.doc_rowid"
                " AND p.ordinal = a.ordinal AND p.party = ?)"
            )
            result.params.append(party)
        result.checks.append(
            "EXISTS (SELECT 1 FROM agreements a WHERE a.doc_rowid = {rowid} AND " + " AND ".join(same) + ")"
        )


def tag_filter(query: Query) -> TagFilter:
    """The query's filters as tokens (and exact checks where tokens cannot say it all)."""
    result = TagFilter()
    parts: list[str] = []
    if query.sources:
        parts.append(_any([tag("source", s) for s in query.sources]))
    if query.kinds:
        parts.append(_any([tag("kind", k) for k in query.kinds]))
    if query.story_id is not None:
        parts.append(_quoted(tag("story", query.story_id)))
    parts.extend(_quoted(tag("entity", _fold(name))) for name in query.entities)
    parts.extend(_quoted(tag("country", code.upper())) for code in query.countries)
    if query.withdrawn:
        parts.append(_quoted(WITHDRAWN_TAG))
    elif query.withdrawn is False:  # few are withdrawn: the rows that are, set aside once per search
        result.checks.append("{rowid} NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        result.params.append(f"{TAGS_COLUMN} : {_quoted(WITHDRAWN_TAG)}")
    _money(query, parts, result)
    _agreements(query, parts, result)
    result.narrowing = " AND ".join(parts) or None
    _dates(query, parts, result)
    if query.ids:
        result.checks.append(
            "{rowid} IN (SELECT rowid FROM documents WHERE id IN (SELECT value FROM json_each(?)))"
        )
        result.params.append(json.dumps(query.ids))
    result.expression = " AND ".join(parts) or None
    return result
