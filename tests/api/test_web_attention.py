"""The search page's attention chart as numbers (/ui/attention.csv) and as SVG, over the real demo index:
counts per month for each compared query, each period's documents, the share; links that narrow dates."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index)) as client:
        yield client


def rows(client: TestClient, **params: str) -> list[dict[str, str]]:
    response = client.get("/ui/attention.csv", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_csv_counts_every_match_per_period_for_each_compared_query(client: TestClient) -> None:
    found = rows(client, q="Kosovo", q2="Serbia")
    searches = {r["search"] for r in found}
    assert searches == {"Kosovo", "Serbia"}
    for name in searches:
        total = client.get("/search", params={"q": name, "limit": 1}).json()["total"]
        assert sum(int(r["documents"]) for r in found if r["search"] == name) == total
    kosovo = [r for r in found if r["search"] == "Kosovo"]
    span = {"from": kosovo[0]["period_start"], "to": kosovo[-1]["period_end"], "limit": 1}
    everything = client.get("/search", params=span).json()["total"]
    assert sum(int(r["all_documents"]) for r in kosovo) == everything, "each document in one period"
    assert [r["period_start"][:7] for r in kosovo] == sorted({r["period_start"][:7] for r in kosovo})
    for r in found:
        assert int(r["documents"]) <= int(r["all_documents"])
        share = 100 * int(r["documents"]) / int(r["all_documents"]) if int(r["all_documents"]) else 0
        assert float(r["share_percent"]) == pytest.approx(share, abs=0.01)


def test_narrowed_dates_draw_days_and_the_csv_says_why_a_query_fails(client: TestClient) -> None:
    month = rows(client, q="Kosovo", **{"from": "2026-03-01", "to": "2026-03-31"})
    assert len(month) == 31 and month[0]["period_start"] == month[0]["period_end"] == "2026-03-01"
    bad = client.get("/ui/attention.csv", params={"q": '"open'})
    assert bad.status_code == 400 and "quotation mark" in bad.text


def test_the_page_draws_one_series_per_query_and_links_each_period(client: TestClient) -> None:
    page = client.get("/", params={"q": "Kosovo", "q2": "Serbia", "per": "share"})
    assert page.status_code == 200
    assert page.text.count('class="bar s1"') == page.text.count('class="bar s2"') > 1
    assert "Share of all documents per month" in page.text
    assert "q2=Serbia&amp;per=share&amp;from=2026-05-01&amp;to=2026-05-31" in page.text
    assert client.get("/").text.count("<svg") == 0, "no chart before anything is asked"


def test_a_query_that_would_start_a_formula_is_text_in_the_csv(client: TestClient) -> None:
    """The search's own words go into the CSV's `search` column: a spreadsheet must not run them."""
    found = rows(client, q="Kosovo", q2="-Kosovo border")
    assert {r["search"] for r in found} == {"Kosovo", "'-Kosovo border"}


def test_dates_at_the_ends_of_the_calendar_draw_a_bounded_chart(client: TestClient) -> None:
    """Dates a hand-edited URL can hold: the last months of year 9999 have no month after them (a 500
    before), and ten thousand years of zeros were 10,000 bars, each a count of the index (13 s, 5 MB)."""
    last_year = {"q": "Kosovo", "from": "9999-01-01", "to": "9999-12-31"}
    assert len(rows(client, **last_year)) == 12
    assert client.get("/", params=last_year).status_code == 200
    every_year = {"q": "zzqxnomatch", "from": "0001-01-01", "to": "9999-12-31"}
    years = rows(client, **every_year)
    assert len(years) == 62 and years[-1]["period_start"] == "9999-01-01"  # the newest years
    page = client.get("/", params=every_year)
    assert page.status_code == 200 and page.text.count('class="bar s1"') == 62
