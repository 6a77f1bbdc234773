"""Real crawls: `presswatch crawl` in its own process against the newsroom on a loopback HTTP server."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.conftest import FIXTURES, crawl_env, run_crawl, write_sources
from tests.fixture_site import FixtureSite, Reply

LISTED = 20  # articles the demo feed links to that robots.txt allows


def indexed_urls(settings: Settings) -> list[str]:
    with sqlite3.connect(settings.sqlite_path) as conn:
        return [row[0] for row in conn.execute("SELECT url FROM documents ORDER BY url")]


def test_crawl_indexes_every_allowed_article_once_and_obeys_robots(
    settings: Settings, newsroom: FixtureSite
) -> None:
    write_sources(settings, newsroom.feed_url)
    first = run_crawl(settings)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "indexed new 20" in first.stdout
    assert "Warning" not in first.stderr, (
        "a crawl warns of nothing (Scrapy's deprecated install_root_handler did)"
    )

    urls = indexed_urls(settings)
    assert len(urls) == len(set(urls)) == LISTED
    assert "/robots.txt" in newsroom.requests
    assert not any(path.startswith("/drafts/") for path in newsroom.requests), "robots.txt disallows /drafts/"

    second = run_crawl(settings)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "not modified 1" in second.stdout, "the unchanged feed answered 304"
    assert newsroom.answered("/feed.atom") == [200, 304]
    assert indexed_urls(settings) == urls

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        page = backend.search(_query("Kosovo"))
        assert page.hits[0].title.startswith("UK to sign new agreements with Serbia")
    finally:
        backend.close()

    shown = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "Kosovo", "--limit", "1"],
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "UK to sign new agreements with Serbia" in shown.stdout
    assert "figure: 75,000,000 GBP" in shown.stdout
    for counterpart in ("Serbia", "North Macedonia", "Kosovo"):  # one agreement per counterpart
        assert f"agreement (planned): United Kingdom, {counterpart}" in shown.stdout


def test_killed_crawl_then_rerun_leaves_each_article_once(settings: Settings) -> None:
    with FixtureSite(article_delay=0.4) as slow:
        write_sources(settings, slow.feed_url)
        crawl = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "crawl"],
            env=crawl_env(settings),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and _count(settings) < 3:
                time.sleep(0.1)
            crawl.send_signal(signal.SIGKILL)
            crawl.wait(timeout=30)
        finally:
            if crawl.poll() is None:
                crawl.kill()
        part = _count(settings)
        assert 3 <= part < LISTED, "the crawl was interrupted half-way"
        remembered = _seen_urls(settings)
        assert 0 < len(remembered) <= part, "only stored articles are remembered as seen"
        asked = len(slow.answers)

        rerun = run_crawl(settings)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        urls = indexed_urls(settings)
        assert len(urls) == len(set(urls)) == LISTED
        assert f"indexed new {LISTED - part}" in rerun.stdout
        assert slow.answered("/feed.atom") == [200, 200], "the killed crawl kept no validators for its feed"
        fetched_again = {slow.base_url + a.path for a in slow.answers[asked:]}
        assert not fetched_again & remembered, "an article stored before the kill was fetched again"


@pytest.fixture
def broken_site() -> Iterator[FixtureSite]:
    pages = FIXTURES / "pages"

    def slow() -> Reply:
        time.sleep(3)
        return Reply(b"<html><body><p>too late</p></body></html>")

    routes = {
        "/fixtures/cp1252": lambda: Reply((pages / "cp1252-statement.html").read_bytes(), "text/html"),
        "/fixtures/malformed": lambda: Reply((pages / "malformed-budget.html").read_bytes()),
        "/fixtures/empty": lambda: Reply(b""),
        "/fixtures/error": lambda: Reply(b"<h1>Internal error</h1>", status=500),
        "/fixtures/huge": lambda: Reply(
            b"<html><body>" + b"<p>padding words here</p>" * 20_000 + b"</body></html>"
        ),
        "/fixtures/slow": slow,
        "/fixtures/report.pdf": lambda: Reply(b"%PDF-1.4\n\x00\x01\x02\xff binary", "application/pdf"),
    }
    links = [*routes, "/fixtures/malformed?utm_source=rss", "/fixtures/missing"]
    items = "".join(f"<item><title>{p}</title><link>{p}</link></item>" for p in links)
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>fixtures</title>{items}</channel></rss>'
    routes["/fixtures/feed.rss"] = lambda: Reply(feed.encode(), "application/rss+xml")
    with FixtureSite(extra_routes=routes) as server:
        yield server


def test_bad_pages_are_reported_and_do_not_stop_the_crawl(
    settings: Settings, broken_site: FixtureSite
) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "fixtures"\nurl = "{broken_site.base_url}/fixtures/feed.rss"\n', encoding="utf-8"
    )
    result = run_crawl(settings, PRESSWATCH_MAX_PAGE_BYTES="65536", PRESSWATCH_DOWNLOAD_TIMEOUT="1")
    assert result.returncode == 0, result.stderr[-3000:]
    summary = result.stdout
    assert "indexed new 2" in summary
    assert "duplicates 1" in summary
    assert "extract errors 2" in summary  # the empty page and the PDF
    assert "fetch errors 4" in summary  # 500, 404, too large, too slow
    log = result.stderr
    assert "/fixtures/huge" in log and "/fixtures/slow" in log and "/fixtures/error" in log

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        statement = backend.get(_id(broken_site.base_url + "/statements/port-security"))
        assert statement is not None
        assert "government’s decision to provide £40m" in statement.body
        assert "40,000,000 GBP" in [f.normalized for f in statement.figures]
    finally:
        backend.close()


def test_unreachable_feed_is_an_error_not_a_crash(settings: Settings) -> None:
    settings.sources_file.write_text('[[source]]\nname = "dead"\nurl = "http://127.0.0.1:9/feed.atom"\n')
    result = run_crawl(settings, PRESSWATCH_DOWNLOAD_TIMEOUT="2")
    assert result.returncode == 1, "a source that gave nothing but errors fails the crawl"
    assert "fetch errors 1" in result.stdout
    assert "no articles from dead" in result.stderr
    # robots.txt is asked first, and a site whose robots.txt cannot be reached is left alone (RFC 9309)
    assert "not following http://127.0.0.1:9/feed.atom: http://127.0.0.1:9/robots.txt could not be read" in (
        result.stderr
    )
    assert "Connection refused" in result.stderr


def test_bad_sources_file_exits_with_a_message(settings: Settings) -> None:
    settings.sources_file.write_text("[[source]]\nname = 'x'\n")
    result = run_crawl(settings)
    assert result.returncode == 2
    assert "source #1 (url): Field required" in result.stderr


def test_unusable_index_stops_the_crawl_before_fetching(settings: Settings, newsroom: FixtureSite) -> None:
    write_sources(settings, newsroom.feed_url)
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.mkdir()  # a folder where the index file should be
    result = run_crawl(settings)
    assert result.returncode == 2
    assert "cannot open the SQLite index" in result.stderr
    assert newsroom.requests == []


def _seen_urls(settings: Settings) -> set[str]:
    with sqlite3.connect(settings.data_dir / "seen.sqlite3") as conn:
        return {row[0] for row in conn.execute("SELECT url FROM seen")}


def _count(settings: Settings) -> int:
    if not settings.sqlite_path.exists():
        return 0
    try:
        with sqlite3.connect(settings.sqlite_path, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _id(url: str) -> str:
    from presswatch.document import document_id

    return document_id(url)


def _query(text: str):  # type: ignore[no-untyped-def]
    from search.base import Query

    return Query(text=text)
