"""An article that is gone from its site (404 or 410 on a re-crawl) is kept and marked withdrawn: a real crawl
of the loopback fixture site, then `presswatch serve` shows the mark and filters on it. A gone article is not
a failed source: the crawl still exits 0; a source that gives nothing but errors still exits 1."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from presswatch.config import Settings
from presswatch.demo.site import Article, render_feed
from tests.conftest import run_crawl, write_sources
from tests.fixture_site import FixtureSite, Reply
from tests.serve_process import serving


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_article_is_kept_marked_and_the_crawl_succeeds(
    settings: Settings, newsroom: FixtureSite, status: int
) -> None:
    listed = [a for a in newsroom.articles if a.listed and not a.path.startswith("/drafts/")][:3]
    feed: dict[str, list[Article]] = {"articles": listed}
    newsroom.extra_routes["/three.atom"] = lambda: Reply(
        render_feed(feed["articles"], base_url=newsroom.base_url).encode(), "application/atom+xml"
    )
    write_sources(settings, f"{newsroom.base_url}/three.atom")
    first = run_crawl(settings)
    assert first.returncode == 0 and "indexed new 3" in first.stdout, first.stderr[-3000:]

    gone = listed[0]  # its listing now says it changed, and the page answers `status`
    feed["articles"] = [replace(gone, published=datetime.now(UTC) + timedelta(days=1)), *listed[1:]]
    newsroom.extra_routes[gone.path] = lambda: Reply(b"<h1>Gone</h1>", status=status)
    second = run_crawl(settings)
    assert second.returncode == 0, second.stdout + second.stderr[-3000:]
    assert "withdrawn 1" in second.stdout and "fetch errors" not in second.stdout, second.stdout

    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        everything = api.get("/search", params={"limit": 10}).json()
        assert everything["total"] == 3, "kept"
        marked = {hit["url"].rsplit("/", 1)[-1]: hit["withdrawn"] for hit in everything["hits"]}
        assert marked == {a.path.rsplit("/", 1)[-1]: a is gone for a in listed}
        only = api.get("/search", params={"withdrawn": "true"}).json()["hits"]
        assert [hit["url"].endswith(gone.path) for hit in only] == [True]
        live = api.get("/search", params={"withdrawn": "false"}).json()["hits"]
        assert len(live) == 2 and not any(hit["url"].endswith(gone.path) for hit in live)
        page = api.get(f"/ui/documents/{only[0]['id']}")
        assert page.status_code == 200 and "Withdrawn:" in page.text
        assert "Withdrawn" in api.get("/", params={"q": gone.title.split()[0]}).text
        assert api.get(f"/documents/{only[0]['id']}").json()["withdrawn"] is True


def test_a_source_that_fails_still_fails_the_crawl(settings: Settings, newsroom: FixtureSite) -> None:
    newsroom.extra_routes["/broken.atom"] = lambda: Reply(b"gone", status=410)
    write_sources(settings, f"{newsroom.base_url}/broken.atom")
    assert run_crawl(settings).returncode == 1
