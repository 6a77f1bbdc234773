"""`presswatch crawl` and `ingest` in cluster mode (`PRESSWATCH_DATABASE_URL` on a real PostgreSQL): two sources that list
the same articles fetch each one once (claimed in PostgreSQL), both sources land on it, a second crawl fetches
nothing new, and the sources' health is read back from PostgreSQL by `presswatch sources` and `GET /sources`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from crawlers.seen import PostgresSeenStore
from presswatch.config import Settings
from presswatch.database import pool_for
from search.base import Query
from search.sqlite import SQLiteBackend
from tests.conftest import crawl_env, run_crawl
from tests.crawlers.test_crawl import LISTED
from tests.crawlers.test_two_sources import SHARED, totals, two_feeds
from tests.fixture_site import FixtureSite
from tests.serve_process import serving

pytestmark = pytest.mark.slow
__all__ = ["two_feeds"]  # the fixture, imported for this module's tests


def test_two_sources_fetch_each_article_once_and_the_next_crawl_nothing(
    settings: Settings, two_feeds: FixtureSite, postgres_url: str
) -> None:
    settings.sources_file.write_text(
        f'[[source]]\nname = "newsroom"\nurl = "{two_feeds.feed_url}"\n\n'
        f'[[source]]\nname = "partner"\nurl = "{two_feeds.base_url}/partner.atom"\n',
        encoding="utf-8",
    )
    database = {"PRESSWATCH_DATABASE_URL": postgres_url}
    first = run_crawl(settings, **database)
    assert first.returncode == 0, first.stderr[-3000:]
    fetched = Counter(a.path for a in two_feeds.answers if a.path.startswith("/news/"))
    assert len(fetched) == LISTED and set(fetched.values()) == {1}, fetched  # the shared ones too: once
    counts = totals(first.stdout)
    assert counts["indexed new"] == LISTED and counts["duplicates"] == SHARED, (
        first.stdout + first.stderr[-3000:]
    )
    for store in ("seen.sqlite3", "stories.sqlite3", "source-health.sqlite3"):
        assert not (settings.data_dir / store).exists(), f"{store}: the stores are in PostgreSQL"

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        documents = [backend.get(hit.id) for hit in backend.search(Query(limit=100, facets=False)).hits]
    finally:
        backend.close()
    both = [d for d in documents if d is not None and set(d.sources) == {"newsroom", "partner"}]
    assert len(both) == SHARED
    seen = PostgresSeenStore(pool_for(postgres_url))  # seen for both now: neither claims them again
    assert all(seen.seen_by(d.url, "newsroom") and seen.seen_by(d.url, "partner") for d in both)
    assert all(d is not None and d.story_id for d in documents), "placed in stories kept in PostgreSQL"

    asked = len(two_feeds.answers)
    again = run_crawl(settings, **database)
    assert again.returncode == 0, again.stderr[-3000:]
    assert not [a.path for a in two_feeds.answers[asked:] if a.path.startswith("/news/")], again.stdout
    assert totals(again.stdout)["not modified"] == 2, again.stdout  # both feeds: 304

    listed = subprocess.run(
        [sys.executable, "-m", "presswatch", "sources", "--json"],
        env=crawl_env(settings, **database),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr[-3000:]
    health = {row["name"]: row for row in json.loads(listed.stdout)}
    assert health["newsroom"]["runs"] == health["partner"]["runs"] == 2
    assert health["newsroom"]["pages"] == LISTED - SHARED + sum(
        1 for d in documents if d is not None and d.source == "newsroom" and len(d.sources) == 2
    )
    with serving(settings, **database) as api:
        served = {row["name"]: row for row in api.get("/sources").json()["sources"]}
        metrics = api.get("/metrics").text
    assert 'presswatch_crawl_runs_with_errors{source="partner"} 0.0' in metrics  # counted in PostgreSQL
    assert served["newsroom"]["runs"] == 2 and served["partner"]["last_crawl_at"] is not None


def test_an_unreachable_database_is_a_clear_error(settings: Settings, newsroom: FixtureSite) -> None:
    """A crawl told to use a PostgreSQL that does not answer stops with the reason, not a traceback, and never
    shows the password."""
    from tests.demo_process import free_port

    settings.sources_file.write_text(
        f'[[source]]\nname = "newsroom"\nurl = "{newsroom.feed_url}"\n', encoding="utf-8"
    )
    url = f"postgresql://presswatch:s3cret@127.0.0.1:{free_port()}/presswatch"
    crawl = run_crawl(settings, PRESSWATCH_DATABASE_URL=url)
    assert crawl.returncode == 2, crawl.stderr[-3000:]
    assert "cannot connect to PostgreSQL at postgresql://presswatch:***@127.0.0.1" in crawl.stderr
    assert "s3cret" not in crawl.stderr + crawl.stdout and "Traceback" not in crawl.stderr


def test_two_crawl_processes_at_once_fetch_a_shared_article_once(
    settings: Settings, two_feeds: FixtureSite, postgres_url: str
) -> None:
    """As crawl workers of a cluster do: one `presswatch crawl --source` process per source, both running at
    once. The articles both list are fetched by one of them only, and carry both sources."""
    settings.sources_file.write_text(
        f'[[source]]\nname = "newsroom"\nurl = "{two_feeds.feed_url}"\n\n'
        f'[[source]]\nname = "partner"\nurl = "{two_feeds.base_url}/partner.atom"\n',
        encoding="utf-8",
    )
    env = crawl_env(settings, PRESSWATCH_DATABASE_URL=postgres_url)
    crawls = [
        subprocess.Popen(
            [sys.executable, "-m", "presswatch", "crawl", "--source", name],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("partner", "newsroom")
    ]
    for crawl in crawls:
        _, errors = crawl.communicate(timeout=300)
        assert crawl.returncode == 0, errors[-3000:]
    fetched = Counter(a.path for a in two_feeds.answers if a.path.startswith("/news/"))
    assert len(fetched) == LISTED and set(fetched.values()) == {1}, fetched
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        documents = [backend.get(hit.id) for hit in backend.search(Query(limit=100, facets=False)).hits]
    finally:
        backend.close()
    assert len(documents) == LISTED
    assert sum(1 for d in documents if d is not None and set(d.sources) == {"newsroom", "partner"}) == SHARED


def test_ingest_places_stories_in_postgresql(settings: Settings, postgres_url: str) -> None:
    """`presswatch ingest` in cluster mode: a copy of an article at another URL joins its story, and the
    signatures are in PostgreSQL (a placer on another machine sees them), not in the data dir."""
    import psycopg

    from presswatch.document import document_id
    from tests.test_cli import balkan_article_text

    original, copy = "https://www.gov.uk/news/agreements", "https://mirror.example.org/agreements"
    for url in (original, copy):
        ingested = subprocess.run(
            [sys.executable, "-m", "presswatch", "ingest", "-", "--url", url],
            input=balkan_article_text(),
            env=crawl_env(settings, PRESSWATCH_DATABASE_URL=postgres_url),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert ingested.returncode == 0, ingested.stderr[-3000:]
    assert not (settings.data_dir / "stories.sqlite3").exists()
    with psycopg.connect(postgres_url) as conn:
        stories = dict(conn.execute("SELECT doc_id, story_id FROM story_signatures").fetchall())
    assert stories == {document_id(original): document_id(original), document_id(copy): document_id(original)}
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        placed = backend.get(document_id(copy))
    finally:
        backend.close()
    assert placed is not None and placed.story_id == document_id(original)
