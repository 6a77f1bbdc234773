"""The `govuk` source kind, crawled for real: the loopback server answers GOV.UK's search API and Content API
with responses built at test time from the real items in `../shared/eval/govuk-content`; what is indexed must
be what each item says (title, dates, people, body, withdrawal), filtered by organisation, paged, newest first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from presswatch.config import Settings
from presswatch.document import document_id
from search.sqlite import SQLiteBackend
from tests.conftest import run_crawl
from tests.crawlers.test_govuk import paragraphs_of, real_items, titles
from tests.crawlers.test_two_sources import totals
from tests.fixture_site import FixtureSite, Reply

SEARCH_PAGE = 10  # the fixture API answers at most this many results a page, so the spider must page


def _slugs(item: dict[str, Any]) -> set[str]:
    return {o["base_path"].rsplit("/", 1)[-1] for o in item.get("links", {}).get("organisations", [])}


def _newest_first(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda i: datetime.fromisoformat(i["public_updated_at"]), reverse=True)


def _distinct_items() -> list[dict[str, Any]]:
    """One item per page: where the set holds two versions of a page, the withdrawn or the later one."""
    by_path: dict[str, dict[str, Any]] = {}
    for path in real_items():
        item = json.loads(path.read_text(encoding="utf-8"))
        key = (bool(item.get("withdrawn_notice")), item["public_updated_at"])
        kept = by_path.get(item["base_path"])
        if kept is None or key > (bool(kept.get("withdrawn_notice")), kept["public_updated_at"]):
            by_path[item["base_path"]] = item
    return list(by_path.values())


def _search(items: list[dict[str, Any]], path: str) -> Reply:
    query = parse_qs(urlsplit(path).query)
    assert query["order"] == ["-public_timestamp"]
    organisations = set(query.get("filter_organisations", []))
    types = set(query.get("filter_content_store_document_type", []))
    found = [
        i
        for i in _newest_first(items)
        if (not organisations or organisations & _slugs(i)) and (not types or i["document_type"] in types)
    ]
    start, count = int(query["start"][0]), min(int(query["count"][0]), SEARCH_PAGE)
    results = [
        {
            "link": i["base_path"],
            "title": i["title"],
            "public_timestamp": i["public_updated_at"],
            "content_store_document_type": i["document_type"],
        }
        for i in found[start : start + count]
    ]
    body = {"results": results, "total": len(found), "start": start}
    return Reply(json.dumps(body).encode(), "application/json")


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    return _distinct_items()


@pytest.fixture
def govuk(items: list[dict[str, Any]]) -> Iterator[FixtureSite]:
    server = FixtureSite()
    by_path = {i["base_path"]: json.dumps(i).encode() for i in items}
    server.prefix_routes["/api/search.json"] = lambda path: _search(items, path)
    server.prefix_routes["/api/content/"] = lambda path: (
        Reply(by_path[path.removeprefix("/api/content")], "application/json")
        if path.removeprefix("/api/content") in by_path
        else Reply(b'{"error": "not found"}', "application/json", 404)
    )
    with server:
        yield server


def test_govuk_search_and_content_api(
    settings: Settings, govuk: FixtureSite, items: list[dict[str, Any]]
) -> None:
    assert len(items) > SEARCH_PAGE * 2
    settings.sources_file.write_text(
        f'[[source]]\nname = "govuk-all"\ntype = "govuk"\nurl = "{govuk.base_url}"\n\n'
        f'[[source]]\nname = "govuk-home-office"\ntype = "govuk"\nurl = "{govuk.base_url}"\n'
        'organisations = ["home-office"]\n',
        encoding="utf-8",
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert totals(crawl.stdout)["indexed new"] == len(items), crawl.stdout

    searches = [urlsplit(p) for p in govuk.requests if p.startswith("/api/search.json")]
    starts = sorted(parse_qs(s.query)["start"][0] for s in searches if "filter_organisations" not in s.query)
    assert starts == ["0", "10", "20"], "paged through the search API"
    assert any(parse_qs(s.query).get("filter_organisations") == ["home-office"] for s in searches)
    assert all("filter_content_store_document_type=press_release" in s.query for s in searches)

    home_office = {i["base_path"] for i in items if "home-office" in _slugs(i)}
    assert home_office, "the shared items include Home Office ones"
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        for item in items:
            document = backend.get(document_id(govuk.base_url + item["base_path"]))
            assert document is not None, item["base_path"]
            assert document.title == " ".join(item["title"].split())
            assert document.published == datetime.fromisoformat(item["first_published_at"])
            assert document.modified == datetime.fromisoformat(item["public_updated_at"])
            assert document.withdrawn == bool(item.get("withdrawn_notice")), item["base_path"]
            assert list(document.organisations) == titles(item, "organisations"), item["base_path"]
            for person in titles(item, "people") + titles(item, "speaker"):
                assert document.author and person in document.author, (item["base_path"], person)
            for paragraph in paragraphs_of(item["details"]["body"]):
                assert paragraph in document.body, (item["base_path"], paragraph)
            assert ("govuk-home-office" in document.sources) == (item["base_path"] in home_office)
    finally:
        backend.close()
    assert any(i.get("withdrawn_notice") for i in items), "withdrawn items are among them"

    asked = len(govuk.answers)
    again = run_crawl(settings)
    assert again.returncode == 0, again.stderr[-3000:]
    later = govuk.answers[asked:]
    assert [a.status for a in later if a.path.startswith("/api/search.json")] == [304, 304]
    assert not [a for a in later if a.path.startswith("/api/content/")], "no item fetched again"
