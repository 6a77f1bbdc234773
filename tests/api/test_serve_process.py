"""The documented deployment: `presswatch serve` running while another process adds documents."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from presswatch.config import Settings
from tests.serve_process import serving

# A crawl (or `presswatch ingest`) in miniature: another process opens the index and adds documents.
ADD_DOCUMENTS = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from presswatch.document import Document
from search.sqlite import SQLiteBackend

backend = SQLiteBackend(path=Path(sys.argv[1]))
first, last = int(sys.argv[2]), int(sys.argv[3])
backend.index(
    Document.from_page(
        url=f"https://gov.example/news/{n}",
        source="home-office",
        title=f"Kosovo returns agreement {n}",
        body=f"The agreement with Kosovo, number {n}, covers returns.",
        published=datetime(2026, 6, 1, 10, tzinfo=UTC),
    )
    for n in range(first, last)
)
backend.close()
"""


def add_documents(settings: Settings, first: int, last: int) -> None:
    subprocess.run(
        [sys.executable, "-c", ADD_DOCUMENTS, str(settings.sqlite_path), str(first), str(last)],
        check=True,
        timeout=60,
    )


@pytest.fixture
def api(settings: Settings) -> Iterator[httpx.Client]:
    with serving(settings) as client:
        yield client


def test_documents_added_by_another_process_show_at_once(settings: Settings, api: httpx.Client) -> None:
    add_documents(settings, 0, 2)
    assert api.get("/search", params={"q": "Kosovo"}).json()["total"] == 2
    assert api.get("/health").json()["documents"] == 2
    add_documents(settings, 2, 5)
    search = api.get("/search", params={"q": "Kosovo"}).json()
    assert search["total"] == 5, "the API must not keep reading an old snapshot"
    assert api.get("/health").json()["documents"] == 5
    add_documents(settings, 5, 6)
    assert api.get("/health").json()["documents"] == 6
    assert api.get("/search", params={"q": "number 5"}).json()["total"] >= 1
