"""Attention over time: how many documents one or more searches match per period, and what share of all
documents published in that period that is (Media Cloud's normalisation), for the search page, its CSV
and the entity page.

Counts come from walking each search's matches newest first (bounded, as the entity timeline always did),
through the SearchBackend interface only, so both backends give the same chart. The all-documents
denominators are one count per period (a `limit=1` search over its dates).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from api.chart import Period, Series, per_period, periods, too_many_years
from api.export import as_text_cell, hits
from search.base import Hit, SearchBackend
from search.base import Query as SearchQuery

MAX_DOCUMENTS = 2000


def day_of(hit: Hit) -> date | None:
    """The UTC day of publication: the day the page's date filters put it in. A time with no zone (a page that
    states only its day) is UTC, as the index stores it: `astimezone` would read it in the server's zone."""
    if hit.published is None:
        return None
    published = hit.published if hit.published.tzinfo else hit.published.replace(tzinfo=UTC)
    return published.astimezone(UTC).date()


@dataclass(frozen=True, slots=True)
class Timeline:
    """Documents per UTC day for one search; `counted` of `total` matches (the newest) when bounded."""

    name: str
    days: Counter[date]
    counted: int
    total: int


def timeline(backend: SearchBackend, query: SearchQuery, *, name: str) -> Timeline:
    days: Counter[date] = Counter()
    counted = 0
    for hit in hits(
        backend, query.model_copy(update={"sort": "date", "cursor": None}), max_rows=MAX_DOCUMENTS
    ):
        counted += 1
        day = day_of(hit)
        if day is not None:
            days[day] += 1
    total = backend.search(query.model_copy(update={"limit": 1, "facets": False, "cursor": None})).total
    return Timeline(name=name, days=days, counted=counted, total=total)


def documents_in(backend: SearchBackend, bar: Period) -> int:
    """Every document published in the period, whatever it says (the share's denominator)."""
    return backend.search(
        SearchQuery(
            published_from=datetime.combine(bar.start, time.min, tzinfo=UTC),
            published_to=datetime.combine(bar.end, time.max, tzinfo=UTC),
            limit=1,
            facets=False,
        )
    ).total


@dataclass(frozen=True, slots=True)
class Attention:
    bars: list[Period]
    timelines: list[Timeline]
    counts: list[tuple[int, ...]]  # per timeline, per bar
    all_documents: tuple[int, ...]  # per bar

    @property
    def bounded(self) -> bool:
        return any(t.counted < t.total for t in self.timelines)

    def shares(self, i: int) -> tuple[float, ...]:
        """Percent of all documents in each period that timeline `i` matches."""
        return tuple(
            100 * n / d if d else 0.0 for n, d in zip(self.counts[i], self.all_documents, strict=True)
        )

    def series(self, *, share: bool) -> list[Series]:
        return [
            Series(name=t.name, values=self.shares(i) if share else tuple(map(float, self.counts[i])))
            for i, t in enumerate(self.timelines)
        ]


def attention(
    backend: SearchBackend,
    searches: Sequence[tuple[str, SearchQuery]],
    *,
    start: date | None = None,
    end: date | None = None,
) -> Attention | None:
    """Per-period counts of each (name, search) on shared bars, from `start`/`end` when given, else from
    the first to the last day any of them matched; None when nothing dated matches."""
    return on_shared_bars(
        backend, [timeline(backend, query, name=name) for name, query in searches], start, end
    )


def on_shared_bars(
    backend: SearchBackend, timelines: list[Timeline], start: date | None, end: date | None
) -> Attention | None:
    """The timelines on one set of bars, with each bar's count of all documents."""
    days = [d for t in timelines for d in t.days]
    if not days and (start is None or end is None):
        return None
    first, last = start or min(days), end or max(days)
    if first > last:
        return None
    if too_many_years(first, last) and days:  # dates chosen wider than the bars can show: the matches' span
        first, last = min(days), max(days)
    bars = periods(first, last)
    return Attention(
        bars=bars,
        timelines=timelines,
        counts=[per_period(t.days, bars) for t in timelines],
        all_documents=tuple(documents_in(backend, bar) for bar in bars),
    )


def attention_csv(found: Attention | None) -> str:
    """One row per period and search: the counts, the period's documents and the share (percent)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["period_start", "period_end", "search", "documents", "all_documents", "share_percent"])
    if found is None:
        return out.getvalue()
    for i, t in enumerate(found.timelines):
        rows = zip(found.bars, found.counts[i], found.all_documents, found.shares(i), strict=True)
        for bar, n, d, share in rows:
            writer.writerow(
                [bar.start.isoformat(), bar.end.isoformat(), as_text_cell(t.name), n, d, f"{share:.2f}"]
            )
    return out.getvalue()
