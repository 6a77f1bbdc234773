"""A German page crawled next to an English one: each gets its language, only the English one goes through
the English NLP (both are indexed and searchable as text)."""

from __future__ import annotations

from pathlib import Path

from presswatch.config import Settings
from presswatch.document import Document
from search.base import Query
from search.sqlite import SQLiteBackend
from tests.conftest import run_crawl, write_sources
from tests.crawlers.articles import write_article
from tests.fixture_site import FixtureSite

GERMAN = [
    "Bundeskanzler Olaf Scholz und der britische Premierminister Keir Starmer haben am Dienstag in Berlin "
    "ein neues Abkommen über die Zusammenarbeit bei der Grenzsicherheit unterzeichnet.",
    "Die Bundesregierung stellt dafür in den kommenden drei Jahren 75 Millionen Euro bereit. Das Abkommen "
    "sieht einen regelmäßigen Austausch von Informationen zwischen den Behörden beider Länder vor.",
    "„Wir arbeiten eng mit unseren Partnern in Europa zusammen“, sagte der Bundeskanzler nach dem Treffen. "
    "Die Innenministerin Nancy Faeser wird im Frühjahr nach London reisen, um die Umsetzung zu besprechen.",
]
ENGLISH = [
    "The Home Secretary Yvette Cooper announced on Tuesday a new agreement with Germany on border security "
    "cooperation, signed in Berlin by the Prime Minister Keir Starmer.",
    "The government will provide £75 million over the next three years. The agreement sets up a regular "
    "exchange of information between the authorities of both countries.",
    "The Home Secretary will travel to Berlin in the spring to discuss how the agreement is put into practice.",
]


def test_german_page_is_indexed_with_its_language_and_skips_the_english_nlp(
    settings: Settings, tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    # Both pages carry the site template's lang="en-GB": only the body tells them apart.
    write_article(
        articles,
        slug="abkommen",
        title="Neues Abkommen zur Grenzsicherheit",
        published="2026-03-03T10:00:00+01:00",
        paragraphs=GERMAN,
    )
    write_article(
        articles,
        slug="agreement",
        title="New border security agreement with Germany",
        published="2026-03-03T09:00:00+00:00",
        paragraphs=ENGLISH,
    )
    with FixtureSite(articles_dir=articles) as site:
        write_sources(settings, site.feed_url)
        crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "indexed new 2" in crawl.stdout, crawl.stdout

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        german = _only(backend, "Grenzsicherheit")
        english = _only(backend, "Cooper")
    finally:
        backend.close()
    assert german.language == "de"
    assert "75 Millionen Euro" in german.body
    assert (german.entities, german.figures, german.agreements, german.quotes) == ((), (), (), ())
    assert english.language == "en"
    assert {m.normalized for m in english.entities if m.label == "PERSON"} >= {
        "Yvette Cooper",
        "Keir Starmer",
    }
    assert [f.normalized for f in english.figures] == ["75,000,000 GBP"]


def _only(backend: SQLiteBackend, text: str) -> Document:
    [hit] = backend.search(Query(text=text, limit=5, facets=False)).hits
    document = backend.get(hit.id)
    assert document is not None
    return document
