"""Bar charts of documents over time as inline SVG, drawn on the server: no chart library, no script.

A span of up to `MAX_BARS` days is drawn per day, a longer one per month (up to `MAX_BARS` months), a
longer one still per year, so a chart never has more bars than a phone can show. Every month is labelled
(under its first day, or under its own bar). Several series (compared queries) share the axes, side by
side in each period; each period is one link (narrowing the search to its dates), so a keyboard reaches
it. The page gives the same numbers as a table (for screen readers and for copying).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

MAX_BARS = 62
WIDTH, PLOT_HEIGHT, LEFT, RIGHT, TOP = 480, 150, 40, 8, 12
# Series are told apart by colour and by their place in the group; the legend and the table name them.
SERIES_CLASSES = ("s1", "s2", "s3")


@dataclass(frozen=True, slots=True)
class Period:
    """One bar's dates, both ends included."""

    start: date
    end: date
    unit: str  # "day", "month" or "year"

    @property
    def name(self) -> str:
        if self.unit == "day":
            return f"{self.start.day} {self.start:%b %Y}"
        return f"{self.start:%b %Y}" if self.unit == "month" else f"{self.start.year}"


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float, ...]  # one per period


def periods(first: date, last: date) -> list[Period]:
    """The bars from `first` to `last`: days, or months, or years, whichever keeps them to MAX_BARS; a span
    of more than MAX_BARS years gets its newest MAX_BARS (every bar costs the page a count)."""
    if (last - first).days < MAX_BARS:
        return [
            Period(d, d, "day") for d in (first + timedelta(days=i) for i in range((last - first).days + 1))
        ]
    if (last.year - first.year) * 12 + last.month - first.month < MAX_BARS:
        out, start = [], first.replace(day=1)
        while start <= last:
            end = start.replace(day=monthrange(start.year, start.month)[1])
            out.append(Period(start, end, "month"))
            if end == date.max:  # December 9999: no month follows
                break
            start = end + timedelta(days=1)
        return out
    years = range(max(first.year, last.year - MAX_BARS + 1), last.year + 1)
    return [Period(date(y, 1, 1), date(y, 12, 31), "year") for y in years]


def too_many_years(first: date, last: date) -> bool:
    """More years than bars: `periods` would leave the oldest out."""
    return last.year - first.year >= MAX_BARS


def per_period(days: Mapping[date, int], bars: Sequence[Period]) -> tuple[int, ...]:
    """Counts per day summed into the bars (days outside them are left out)."""
    return tuple(sum(n for d, n in days.items() if p.start <= d <= p.end) for p in bars)


def _labels(bars: Sequence[Period], step: float, base: float) -> list[str]:
    """Every month named: under its bar (month bars), under its first day (day bars), years for year bars.
    Names turn upright-sideways when the bars are too narrow to hold them side by side."""
    out = []
    turned = step < 34
    for i, bar in enumerate(bars):
        if bar.unit == "day" and bar.start.day != 1 and i != 0:
            continue
        x = LEFT + i * step + (step / 2 if bar.unit != "day" else 0)
        if bar.unit == "year":
            text = str(bar.start.year)
        elif bar.unit == "day" and bar.start.day != 1:
            text = f"{bar.start.day} {bar.start:%b}"
        else:
            text = f"{bar.start:%b}"
        year = bar.unit != "year" and (i == 0 or (bar.start.month == 1 and bar.start.day == 1))
        if turned and year:
            text += f" {bar.start:%y}"
        if bar.unit == "day":
            out.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 5}" class="axis"/>')
        if turned:
            out.append(
                f'<text x="{x:.1f}" y="{base + 8}" transform="rotate(-90 {x:.1f} {base + 8})"'
                f' text-anchor="end" dominant-baseline="middle" class="tick when">{escape(text)}</text>'
            )
        else:
            anchor = "start" if bar.unit == "day" else "middle"
            out.append(
                f'<text x="{x:.1f}" y="{base + 18}" text-anchor="{anchor}" class="tick when">{escape(text)}</text>'
            )
            if year:  # the year on a line of its own, under the first month and each January
                out.append(
                    f'<text x="{x:.1f}" y="{base + 36}" text-anchor="{anchor}" class="tick">{bar.start.year}</text>'
                )
    return out


def _number(value: float, unit: str) -> str:
    return f"{value:.1f}{unit}" if unit else f"{value:g}"


def bar_chart_svg(
    bars: Sequence[Period],
    series: Sequence[Series],
    *,
    title: str,
    unit: str = "",
    link: Callable[[Period], str] | None = None,
    chart_id: str = "chart",
) -> str:
    """An accessible SVG bar chart: a titled group; each period a link (when `link` gives one) whose
    name says its dates and values; each bar its own tooltip title."""
    if not bars or not series:
        return ""
    peak = max((v for s in series for v in s.values), default=0) or 1
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / len(bars)
    base = TOP + PLOT_HEIGHT
    height = base + (52 if step < 34 else 42)
    bar_w = step * 0.8 / len(series)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="group" aria-labelledby="{chart_id}-title"'
        ' xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" class="axis"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" class="tick">{_number(peak, unit)}</text>',
        f'<text x="{LEFT - 6}" y="{base}" text-anchor="end" class="tick">0</text>',
    ]
    for i, bar in enumerate(bars):
        values = ", ".join(f"{s.name}: {_number(s.values[i], unit)}" for s in series)
        rects = [
            f'<rect x="{LEFT + i * step:.1f}" y="{TOP}" width="{step:.1f}" height="{PLOT_HEIGHT}" class="hit"/>'
        ]
        for j, s in enumerate(series):
            h = PLOT_HEIGHT * s.values[i] / peak
            x = LEFT + i * step + step * 0.1 + j * bar_w
            rects.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{max(bar_w, 1):.1f}" height="{h:.1f}"'
                f' class="bar {SERIES_CLASSES[j % len(SERIES_CLASSES)]}">'
                f"<title>{escape(bar.name)}: {escape(s.name)} {_number(s.values[i], unit)}</title></rect>"
            )
        group = "".join(rects)
        if link is not None:
            label = escape(f"{bar.name}: {values}. Show only these dates")
            group = f'<a href="{escape(link(bar))}" aria-label="{label}" class="period">{group}</a>'
        parts.append(group)
    parts.extend(_labels(bars, step, base))
    parts.append("</svg>")
    return "".join(parts)
