"""CSV exports from `presswatch serve` open in a spreadsheet as text: a crawled title cannot be a formula."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from presswatch.config import Settings
from tests.serve_process import serving

TITLES = [
    '=HYPERLINK("http://x.example","Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "Kosovo plain title",
]
ADD_TITLED = """
import sys
from pathlib import Path
from presswatch.document import Document
from search.sqlite import SQLiteBackend

backend = SQLiteBackend(path=Path(sys.argv[1]))
backend.index(
    Document.from_page(url=f"https://gov.example/csv/{n}", source="ministry", title=title,
                       body=f"Kosovo returns, item {n}.")
    for n, title in enumerate(sys.argv[2:])
)
backend.close()
"""


def test_formula_cells_are_written_as_text_in_both_exports(settings: Settings) -> None:
    subprocess.run(
        [sys.executable, "-c", ADD_TITLED, str(settings.sqlite_path), *TITLES], check=True, timeout=60
    )
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        for path in ("/search", "/ui/export"):
            answer = api.get(path, params={"q": "Kosovo", "format": "csv"})
            assert answer.status_code == 200, path
            rows = list(csv.DictReader(io.StringIO(answer.text, newline="")))
            titles = sorted(row["title"] for row in rows)
            assert titles == sorted(t if t[0].isalpha() else "'" + t for t in TITLES), path
            for row in rows:
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()), (
                    row
                )
        jsonl = api.get("/search", params={"q": "Kosovo", "format": "jsonl"}).text
        assert '"title": "=HYPERLINK' in jsonl, "JSON Lines is data for programs: kept as it is"
