"""GET /agreements as one row per agreement with its status history, and its CSV and JSON Lines exports
(the API's format= and the page's export buttons), over the real demo index."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Agreement, Document
from search.sqlite import SQLiteBackend


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index)) as client:
        yield client


def test_one_row_per_agreement_with_its_status_history(client: TestClient) -> None:
    items = client.get("/agreements", params={"limit": 100}).json()["items"]
    keys = [(i["document"]["id"], frozenset(i["agreement"]["parties"])) for i in items]
    assert len(keys) == len(set(keys)), "the same parties in one document are one row"
    india = [i for i in items if set(i["agreement"]["parties"]) == {"United Kingdom", "India"}]
    # the demo's summary says what the deal is expected to do (no status), its body that it was signed
    assert [i["statuses"] for i in india] == [["signed"]]


def test_a_status_history_skips_statements_of_no_status(tmp_path: Path) -> None:
    """Planned, then a sentence on what it will do (unknown), then signed: one row, planned → signed; a
    filter on a status finds the row by that status."""
    settings = Settings(data_dir=tmp_path / "data", rate_limit_per_minute=0)
    said = [
        ("The UK and Kosovo will sign a returns agreement.", "planned"),
        ("The agreement is expected to cut crossings.", "unknown"),
        ("The UK and Kosovo signed the returns agreement on Friday.", "signed"),
    ]
    body = " ".join(sentence for sentence, _ in said)
    agreements = tuple(
        Agreement(
            text=sentence,
            parties=("Kosovo", "United Kingdom"),
            status=status,  # type: ignore[arg-type]
            start=body.index(sentence),
            end=body.index(sentence) + len(sentence),
        )
        for sentence, status in said
    )
    page = Document.from_page(
        url="https://gov.example/returns", source="ministry", title="Returns", body=body
    )
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([page.model_copy(update={"agreements": agreements})])
    backend.close()
    with TestClient(create_app(settings)) as client:
        [row] = client.get("/agreements").json()["items"]
        assert row["statuses"] == ["planned", "signed"] and row["agreement"]["status"] == "signed"
        [planned] = client.get("/agreements", params={"status": "planned"}).json()["items"]
        assert planned["agreement"]["status"] == "planned" and planned["statuses"] == ["planned", "signed"]
        assert client.get("/agreements", params={"status": "unknown"}).json()["items"] == []


@pytest.mark.parametrize("route", ["/agreements", "/ui/agreements/export"])
def test_csv_and_jsonl_export_every_agreement_found(client: TestClient, route: str) -> None:
    listed = client.get("/agreements", params={"party": "Kosovo", "limit": 100}).json()["items"]
    response = client.get(route, params={"party": "Kosovo", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(listed) > 0
    assert all("Kosovo" in r["parties"].split(" + ") and r["evidence"] for r in rows)
    assert [r["document_id"] for r in rows] == [i["document"]["id"] for i in listed]
    lines = client.get(route, params={"party": "Kosovo", "format": "jsonl"}).text.splitlines()
    assert [json.loads(line) for line in lines] == listed
    assert client.get(route, params={"q": '"open', "format": "csv"}).status_code == 400


def test_csv_cells_that_would_start_a_formula_are_text(tmp_path: Path) -> None:
    """Titles and sentences come from crawled sites: a title such as '=HYPERLINK(...)' is written as text."""
    settings = Settings(data_dir=tmp_path / "data", rate_limit_per_minute=0)
    sentence = "-1 The United Kingdom and Kosovo signed an agreement."
    agreement = Agreement(
        text=sentence,
        parties=("Kosovo", "United Kingdom"),
        status="signed",
        start=0,
        end=len(sentence),
        evidence=(sentence,),
    )
    page = Document.from_page(
        url="https://gov.example/formula",
        source="ministry",
        title='=HYPERLINK("http://x.example","Click")',
        body=sentence,
    )
    document = page.model_copy(update={"agreements": (agreement,)})
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([document])
    backend.close()
    with TestClient(create_app(settings)) as client:
        for route in ("/agreements", "/ui/agreements/export"):
            found = list(csv.DictReader(io.StringIO(client.get(route, params={"format": "csv"}).text)))
            assert [row["document_id"] for row in found] == [document.id], route
            cells = list(found[0].values())
            assert "'" + document.title in cells and not any(c.startswith(("=", "-")) for c in cells), cells
