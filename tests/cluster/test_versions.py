"""Elasticsearch external versions, a guard of at-least-once delivery: a redelivered older text never
overwrites a newer one, and a rewrite of the same text (a source added, a story relabelled) is kept."""

from __future__ import annotations

from crawlers.cluster.versioned import VersionedIndex
from presswatch.document import Document, document_id
from search.elastic import STALE, ElasticsearchBackend

URL = "https://gov.example/news/bridge"


def _text(body: str, *, source: str = "ministry") -> Document:
    return Document(id=document_id(URL), url=URL, source=source, title="Bridge", body=body)


def test_an_older_text_redelivered_after_a_newer_one_is_refused_and_a_rewrite_of_the_same_is_kept(
    elastic_backend: ElasticsearchBackend,
) -> None:
    newer = _text("The bridge opens on Monday.")
    assert elastic_backend.index_versioned([newer], versions={newer.id: 20}).added == 1

    older = _text("The bridge will open soon.")
    refused = elastic_backend.index_versioned([older], versions={older.id: 10})
    assert refused.failed == {older.id: STALE}
    assert elastic_backend.get(newer.id) == newer

    relisted = newer.model_copy(update={"sources": ("ministry", "council")})
    assert elastic_backend.index_versioned([relisted], versions={newer.id: 20}).updated == 1
    assert elastic_backend.get_versioned(newer.id) == (relisted, 20)


def test_a_batch_view_rewrites_a_stored_document_at_its_stored_version_and_reports_stale_ones(
    elastic_backend: ElasticsearchBackend,
) -> None:
    stored = _text("The bridge opens on Monday.")
    elastic_backend.index_versioned([stored], versions={stored.id: 50})
    view = VersionedIndex(elastic_backend, versions={})
    found = view.get(stored.id)
    assert found == stored
    report = view.index([found.model_copy(update={"story_id": "s1"})])  # a relabel keeps version 50
    assert report.updated == 1 and not report.failed
    assert elastic_backend.get_versioned(stored.id) == (stored.model_copy(update={"story_id": "s1"}), 50)

    stale = VersionedIndex(elastic_backend, versions={stored.id: 40})
    assert not stale.index([_text("An old draft.")]).failed
    assert stale.stale == {stored.id}
    assert elastic_backend.get(stored.id).body == "The bridge opens on Monday."  # type: ignore[union-attr]


def test_an_older_text_is_refused_even_when_the_batch_read_the_newer_one_first(
    elastic_backend: ElasticsearchBackend,
) -> None:
    """The index worker checks for staleness before NLP, then reads the document again under its lock just
    before writing: a newer text written in between (another worker, seconds of NLP) must still win."""
    older = _text("The bridge will open soon.")
    view = VersionedIndex(elastic_backend, versions={older.id: 40})
    assert view.stored_version(older.id) is None  # the check before NLP: nothing stored yet

    newer = _text("The bridge opens on Monday.")
    elastic_backend.index_versioned([newer], versions={newer.id: 50})  # another worker, meanwhile

    assert view.get(older.id) == newer  # the read under the document's lock
    assert not view.index([older]).failed
    assert view.stale == {older.id}
    assert elastic_backend.get_versioned(newer.id) == (newer, 50)

    relisted = newer.model_copy(update={"sources": ("ministry", "council")})
    assert view.index([relisted]).updated == 1, "the same text with a source added is a rewrite"
    assert elastic_backend.get_versioned(newer.id) == (relisted, 50)
