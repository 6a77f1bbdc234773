"""The page's figure filter ('a figure over £10m'), through TestClient over the real demo index: it finds what
GET /search finds with the same filters, says so in its chips, carries it to the export and the alert form,
and a bound that is no number is a 400 that says why. Chromium: tests/browser/test_figure_filter.py."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings

OVER_10M = {"currency": "GBP", "min_amount": "10,000,000"}


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index), headers={"Origin": "http://testserver"}) as client:
        yield client


def test_a_figure_over_ten_million_pounds_finds_what_the_api_finds(client: TestClient) -> None:
    api = client.get("/search", params={"currency": "GBP", "min_amount": 1e7, "limit": 100}).json()
    assert api["total"] >= 1
    everything = client.get("/search", params={"limit": 100}).json()["total"]
    assert api["total"] < everything, "the demo has documents without such a figure: the filter must narrow"
    page = client.get("/", params=OVER_10M)
    assert page.status_code == 200
    listed = set(re.findall(r'href="/ui/documents/([^"?]+)\?', page.text))
    assert listed == {hit["id"] for hit in api["hits"]}
    for doc_id in listed:
        figures = client.get(f"/documents/{doc_id}").json()["figures"]
        assert any(f["currency"] == "GBP" and (f["value_max"] or f["value"]) >= 1e7 for f in figures)
    assert "figure at least: 10,000,000" in page.text and "figure in: GBP" in page.text
    assert 'id="min_amount" name="min_amount" type="text" inputmode="decimal" value="10,000,000"' in page.text


def test_the_figure_filter_goes_with_the_export_and_the_alert(client: TestClient) -> None:
    total = client.get("/search", params={"currency": "GBP", "min_amount": 1e7}).json()["total"]
    exported = client.get("/ui/export", params={**OVER_10M, "format": "csv"})
    assert exported.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(exported.text)))) == total
    form = client.get("/ui/alerts", params={**OVER_10M, "country": "Serbia"})
    assert "figure at least: 10,000,000" in form.text and "figure in: GBP" in form.text
    made = client.post("/ui/alerts", data={**OVER_10M, "country": "Serbia", "name": "Serbia over 10m"})
    assert made.status_code in (200, 303), made.text
    [saved] = [a for a in client.get("/alerts").json() if a["spec"]["name"] == "Serbia over 10m"]
    query = saved["spec"]["query"]
    assert (query["figure_currency"], query["figure_min"], query["countries"]) == ("GBP", 1e7, ["RS"])
    client.post(f"/ui/alerts/{saved['id']}/delete")


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"min_amount": "ten million"}, "min amount &#39;ten million&#39; is not a number"),
        ({"max_amount": "-5"}, "max amount must be a number of zero or more"),
        ({"min_amount": "inf"}, "min amount must be a number of zero or more"),
        ({"min_amount": "5", "max_amount": "1"}, "min_amount is more than max_amount"),
        ({"currency": "pounds"}, "is not an ISO 4217 code"),
    ],
)
def test_a_bound_that_is_no_number_says_why(client: TestClient, params: dict[str, str], says: str) -> None:
    page = client.get("/", params=params)
    assert page.status_code == 400 and says in page.text
