"""A bar chart of documents over time as inline SVG, drawn on the server: no chart library, no script.

Days are grouped into months when there are more than `MAX_BARS` days between the first and the last, so
the chart stays legible on a phone. The numbers are also given as a table next to it (for screen readers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

MAX_BARS = 62
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 220, 36, 28, 12


def buckets(days: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """(label, count) per day from the first to the last (gaps as zero), or per month for long spans."""
    if not days:
        return []
    counts = {date.fromisoformat(d): n for d, n in days}
    first, last = min(counts), max(counts)
    if (last - first).days + 1 <= MAX_BARS:
        span = ((first + timedelta(days=i)) for i in range((last - first).days + 1))
        return [(d.isoformat(), counts.get(d, 0)) for d in span]
    months: Counter[str] = Counter()
    for d, n in counts.items():
        months[d.strftime("%Y-%m")] += n
    labels, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [(label, months.get(label, 0)) for label in labels]


def bar_chart_svg(bars: Sequence[tuple[str, int]], *, title: str) -> str:
    """An accessible SVG bar chart: role=img with a title; each bar has its own tooltip title."""
    if not bars:
        return ""
    peak = max(n for _, n in bars) or 1
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / len(bars)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title"'
        ' xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 8}" y2="{TOP + plot_h}" class="axis"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" class="tick">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" class="tick">0</text>',
    ]
    for i, (label, count) in enumerate(bars):
        h = plot_h * count / peak
        x = LEFT + i * step + step * 0.1
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{max(step * 0.8, 1):.1f}" height="{h:.1f}"'
            f' class="bar"><title>{escape(label)}: {count}</title></rect>'
        )
    y = HEIGHT - 8
    parts.append(f'<text x="{LEFT}" y="{y}" class="tick">{escape(bars[0][0])}</text>')
    if len(bars) > 1:
        parts.append(
            f'<text x="{WIDTH - 8}" y="{y}" text-anchor="end" class="tick">{escape(bars[-1][0])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
