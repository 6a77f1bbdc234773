"""The API's story on documents and hits, and GET /sources (the extraction health the crawls record, and each
source's documents in the index)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from presswatch.document import Document
from presswatch.source_health import FILE_NAME, CrawlRun, SourceHealthStore
from search.sqlite import SQLiteBackend
from tests.conftest import run_presswatch

DAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _document(slug: str, *, story: str | None, days: int, source: str = "ministry") -> Document:
    return Document.from_page(
        url=f"https://gov.example/news/{slug}",
        source=source,
        title=f"Border funding {slug}",
        body=f"The government announced border funding ({slug}) for the coming year.",
        published=DAY + timedelta(days=days),
        story_id=story,
    )


def test_documents_and_hits_carry_their_story(settings: Settings) -> None:
    release = _document("release", story="story-1", days=0)
    reports = [_document(f"report-{n}", story="story-1", days=n, source="paper") for n in (1, 2)]
    alone = _document("alone", story=None, days=3)
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([release, *reports, alone])
    backend.close()
    with TestClient(create_app(settings)) as client:
        body = client.get(f"/documents/{release.id}").json()
        assert body["story_id"] == "story-1"
        assert body["story"]["id"] == "story-1" and body["story"]["size"] == 3
        assert [d["id"] for d in body["story"]["documents"]] == [reports[1].id, reports[0].id]  # newest first
        assert body["story"]["documents"][0]["source"] == "paper"
        assert client.get(f"/documents/{alone.id}").json()["story"] is None

        hits = client.get("/search", params={"q": "border funding", "limit": 10}).json()["hits"]
        assert {h["id"]: h["story_id"] for h in hits} == {
            release.id: "story-1",
            reports[0].id: "story-1",
            reports[1].id: "story-1",
            alone.id: None,
        }
        story = client.get("/search", params={"story": "story-1"}).json()
        assert story["total"] == 3 and {h["story_id"] for h in story["hits"]} == {"story-1"}
        spec = client.get("/openapi.json").json()["components"]["schemas"]
        assert "story" in spec["DocumentWithStory"]["properties"] and "story_id" in spec["Hit"]["properties"]


def test_sources_serves_the_recorded_health(settings: Settings) -> None:
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([_document(f"n{n}", story=None, days=n) for n in range(8)])
    backend.close()
    with TestClient(create_app(settings)) as client:
        assert client.get("/sources").json() == {"window_pages": 20, "sources": []}  # nothing crawled yet
        with SourceHealthStore.in_data_dir(settings.data_dir) as store:
            store.record(
                [
                    CrawlRun(
                        source="ministry",
                        started_at=DAY,
                        finished_at=DAY,
                        pages=8,
                        no_date=2,
                        new=8,
                        documents=8,
                    ),
                    CrawlRun(
                        source="ministry",
                        started_at=DAY + timedelta(hours=1),
                        finished_at=DAY + timedelta(hours=1),
                        pages=2,
                        empty_body=2,
                        errors=2,
                        error="skipped https://gov.example/x: no article body found",
                    ),
                ]
            )
        [ministry] = client.get("/sources").json()["sources"]
    assert ministry["name"] == "ministry" and ministry["pages"] == 10
    assert ministry["empty_body_share"] == 0.2 and ministry["no_date_share"] == 0.2
    assert ministry["last_error"].endswith("no article body found")
    assert ministry["last_error_at"].startswith("2026-03-02T10:00")
    assert ministry["documents"] == 8 and ministry["last_run"]["pages"] == 2


def test_sources_count_the_documents_in_the_index_when_asked(settings: Settings) -> None:
    """A cluster's crawl counted its source's documents when it ended, before the index workers had indexed
    its batches: `documents 0` after a first crawl, and one crawl behind ever after, in GET /sources and in
    `presswatch sources`. Without an index to ask, the crawl's count is shown."""
    settings.sources_file.write_text('[[source]]\nname = "ministry"\nurl = "https://gov.example/feed"\n')
    with SourceHealthStore.in_data_dir(settings.data_dir) as store:
        store.record(
            [CrawlRun(source="ministry", started_at=DAY, finished_at=DAY, pages=3, new=3, documents=0)]
        )
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([_document(f"late-{n}", story=None, days=n) for n in range(3)])  # by the index workers
    backend.close()
    with TestClient(create_app(settings)) as client:
        [ministry] = client.get("/sources").json()["sources"]
    listed = run_presswatch(settings, "sources", "--json")
    assert ministry["documents"] == 3 and ministry["documents_counted_by"] == "index"
    assert listed.returncode == 0, listed.stderr
    assert [(row["documents"], row["documents_counted_by"]) for row in json.loads(listed.stdout)] == [
        (3, "index")
    ]

    settings.sqlite_path.unlink()
    unindexed = run_presswatch(settings, "sources", "--json")
    assert unindexed.returncode == 0, unindexed.stderr
    assert [(row["documents"], row["documents_counted_by"]) for row in json.loads(unindexed.stdout)] == [
        (0, "crawl")
    ]
    assert not settings.sqlite_path.exists(), "listing the sources made an index"


def test_a_source_of_more_than_ten_thousand_documents_is_counted_whole(settings: Settings) -> None:
    """Counted by a search, whose total stops at 10,000: a larger source showed 10,000."""
    settings.sources_file.write_text('[[source]]\nname = "ministry"\nurl = "https://gov.example/feed"\n')
    with SourceHealthStore.in_data_dir(settings.data_dir) as store:
        store.record([CrawlRun(source="ministry", started_at=DAY, finished_at=DAY, pages=1, documents=1)])
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(_document(f"n{n}", story=None, days=n % 300) for n in range(10_002))
    backend.index([_document("other", story=None, days=0, source="paper")])
    backend.close()
    with TestClient(create_app(settings)) as client:
        [ministry] = client.get("/sources").json()["sources"]
    listed = run_presswatch(settings, "sources", "--json")
    assert ministry["documents"] == 10_002
    assert [row["documents"] for row in json.loads(listed.stdout)] == [10_002]


def test_an_unreadable_health_store_is_503(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    (settings.data_dir / FILE_NAME).write_bytes(b"not a database" * 100)
    with TestClient(create_app(settings)) as client:
        response = client.get("/sources")
    assert response.status_code == 503
    assert response.json() == {"detail": "the source health store cannot be read"}
