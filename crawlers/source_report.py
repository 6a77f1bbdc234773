"""`presswatch sources`: every source of sources.toml with its extraction health, as a table or JSON."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from presswatch.durations import format_duration
from presswatch.source_health import SourceHealth

WARN_SHARE = 0.2  # a share of empty, untitled or undated pages above this is shown in red
PLAIN_WIDTH = 200  # when not on a terminal: wide enough that rows are not wrapped


def _share(value: float | None) -> Text:
    if value is None:
        return Text("-")
    return Text(f"{value:.0%}", style="red" if value > WARN_SHARE else "")


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}Z ({format_duration(now - moment)} ago)"


def _documents(health: SourceHealth) -> str:
    if health.documents is None:
        return "-"
    return f"{health.documents:,}" + (" (crawl)" if health.documents_counted_by == "crawl" else "")


def health_table(rows: list[SourceHealth], *, now: datetime) -> Table:
    recorded = any(health.documents_counted_by == "crawl" for health in rows)
    table = Table(
        title="sources",
        title_justify="left",
        caption="documents (crawl): as their crawls counted them; the index could not count them now"
        if recorded
        else None,
        caption_justify="left",
    )
    for header in (
        "source",
        "last crawl",
        "documents",
        "pages",
        "empty body",
        "no title",
        "no date",
        "failing",
    ):
        table.add_column(header, no_wrap=True)
    table.add_column("last error", overflow="fold")
    for health in rows:
        error = ""
        if health.last_error:
            error = f"{_when(health.last_error_at, now)}: {health.last_error}"
        table.add_row(
            health.name,
            _when(health.last_crawl_at, now),
            _documents(health),
            str(health.pages),
            _share(health.empty_body_share),
            _share(health.no_title_share),
            _share(health.no_date_share),
            Text(f"{health.failures_in_a_row} runs", style="red") if health.failures_in_a_row else Text("no"),
            error,
        )
    return table


def print_health(rows: list[SourceHealth], *, as_json: bool = False, stream: IO[str] | None = None) -> None:
    """Shares are over the newest pages read (see `presswatch.source_health.WINDOW_PAGES`)."""
    out = stream or sys.stdout
    if as_json:
        out.write(json.dumps([row.model_dump(mode="json") for row in rows], indent=2) + "\n")
        return
    console = Console(file=out)
    if not console.is_terminal:
        console = Console(file=out, width=PLAIN_WIDTH)
    console.print(health_table(rows, now=datetime.now(UTC)))
