"""Stories in the crawl and in `presswatch ingest`: a press release and two reworded reports of it share a
story_id; unrelated articles do not; re-ingesting changes nothing; a merge relabels the index."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from crawlers.indexer import Indexer
from crawlers.stories import MAX_CANDIDATES, StoryStore
from nlp.pipeline import Extractor
from presswatch.config import Settings
from presswatch.document import Document, document_id
from search.base import Query
from search.sqlite import SQLiteBackend
from tests.conftest import crawl_env, run_crawl, write_sources
from tests.crawlers.articles import write_article
from tests.fixture_site import FixtureSite

RELEASE = [
    "The Home Office has today announced a new border security partnership with the governments of Serbia, "
    "North Macedonia and Kosovo to tackle organised immigration crime along the Western Balkans route.",
    "Under the partnership the United Kingdom will provide 75 million pounds over three years for joint "
    "investigation teams, new surveillance equipment at border crossings and training for specialist "
    "officers who target the smuggling gangs that move people towards western Europe.",
    "The Home Secretary said the gangs exploit vulnerable people and that only close work with partners "
    "along the route can break their business model and stop the dangerous crossings.",
    "Officers from the National Crime Agency will be based in Belgrade and Skopje from the spring, working "
    "alongside local police to share intelligence and disrupt the financial networks of the gangs.",
]
REPORT_ONE = [
    "Britain is to pay for police teams in the Balkans, ministers said on Tuesday.",
    RELEASE[1],
    RELEASE[3],
    "Critics said the money would be better spent on processing asylum claims at home, and questioned "
    "whether the plan would reduce the number of small boat crossings this year.",
]
REPORT_TWO = [
    "Ministers in London have agreed a deal with three Balkan governments on people smuggling.",
    RELEASE[0],
    RELEASE[1],
    "Under the partnership, said the Home Secretary, only close work with partners along the route can "
    "break the business model of the gangs, which exploit vulnerable people.",
]
DEMO_UNRELATED = 20  # the demo newsroom's articles, none of which repeats another


def _story_of(backend: SQLiteBackend, url: str) -> str | None:
    document = backend.get(document_id(url))
    assert document is not None, url
    return document.story_id


def test_release_and_two_reports_crawled_and_ingested_share_one_story(
    settings: Settings, newsroom: FixtureSite, tmp_path: Path
) -> None:
    articles = tmp_path / "wire"
    write_article(
        articles,
        slug="release",
        title="New border partnership with the Western Balkans",
        published="2026-03-03T09:00:00+00:00",
        paragraphs=RELEASE,
        kind="press_release",
    )
    write_article(
        articles,
        slug="report-one",
        title="UK to fund Balkan police teams",
        published="2026-03-03T12:00:00+00:00",
        paragraphs=REPORT_ONE,
    )
    with FixtureSite(articles_dir=articles) as wire:
        write_sources(
            settings, newsroom.feed_url, extra=f'\n[[source]]\nname = "wire"\nurl = "{wire.feed_url}"\n'
        )
        crawl = run_crawl(settings)
        release_url, report_one_url = f"{wire.base_url}/news/release", f"{wire.base_url}/news/report-one"
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert "indexed new 2" in crawl.stdout and f"indexed new {DEMO_UNRELATED}" in crawl.stdout, (
            crawl.stdout
        )

        report_two_url = "https://news.example.org/2026/03/03/balkan-smuggling-deal"
        text = "UK agrees Balkan smuggling deal\n\n" + "\n\n".join(REPORT_TWO)
        ingest = _ingest(settings, text, report_two_url)
        assert ingest.returncode == 0, ingest.stderr[-3000:]

        backend = SQLiteBackend(path=settings.sqlite_path)
        try:
            story = _story_of(backend, release_url)
            assert story is not None
            assert _story_of(backend, report_one_url) == story
            assert _story_of(backend, report_two_url) == story
            others = [
                backend.get(hit.id)
                for hit in backend.search(Query(sources=("demo-newsroom",), limit=100, facets=False)).hits
            ]
            labels = [d.story_id for d in others if d is not None]
            assert len(labels) == DEMO_UNRELATED and None not in labels
            assert story not in labels
            assert len(set(labels)) == DEMO_UNRELATED, "unrelated articles must not share a story"
        finally:
            backend.close()

        again = _ingest(settings, text, report_two_url)
        assert again.returncode == 0 and again.stdout.startswith("unchanged"), again.stdout + again.stderr
        recrawl = run_crawl(settings)
        assert recrawl.returncode == 0, recrawl.stderr[-3000:]
        backend = SQLiteBackend(path=settings.sqlite_path)
        try:
            assert {_story_of(backend, u) for u in (release_url, report_one_url, report_two_url)} == {story}
        finally:
            backend.close()


def _ingest(settings: Settings, text: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", "ingest", "-", "--url", url, "--source", "wire-copy"],
        input=text,
        env=crawl_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_release_that_bridges_two_stories_relabels_them_in_the_index(
    extractor: Extractor, tmp_path: Path
) -> None:
    """Two reports that share nothing with each other are two stories until the release they both repeat
    arrives: then all three carry one story_id in the index, written by separate runs."""
    first_half = " ".join(RELEASE[:2]) + " Opposition politicians welcomed the plan on Tuesday."
    second_half = " ".join(RELEASE[2:]) + " The announcement came as new figures were published."

    def page(slug: str, body: str) -> Document:
        return Document.from_page(url=f"https://example.org/{slug}", source="test", title=slug, body=body)

    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    stories = StoryStore.in_data_dir(tmp_path)
    try:
        for document in (page("a", first_half), page("b", second_half), page("release", " ".join(RELEASE))):
            run = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000, stories=stories)
            assert [r.outcome for r in run.process([document])] == ["indexed_new"]
            if document.title == "b":
                a, b = backend.get(page("a", "").id), backend.get(page("b", "").id)
                assert a is not None and b is not None and a.story_id != b.story_id
        labels = {backend.get(page(s, "").id).story_id for s in ("a", "b", "release")}  # type: ignore[union-attr]
        assert len(labels) == 1 and None not in labels
    finally:
        stories.close()
        backend.close()


def test_a_busy_story_store_costs_the_story_not_the_document(extractor: Extractor, tmp_path: Path) -> None:
    """Another process holding the story store's lock must not lose the article: it is indexed without a
    story (placed when it changes) and the run goes on."""
    backend = SQLiteBackend(path=tmp_path / "index.sqlite3")
    stories = StoryStore.in_data_dir(tmp_path)
    blocker = sqlite3.connect(tmp_path / "stories.sqlite3", isolation_level=None)
    try:
        stories._rows._db.execute("PRAGMA busy_timeout = 100")  # type: ignore[attr-defined]  # fail fast instead of sqlite3's 5 s default
        blocker.execute("BEGIN EXCLUSIVE")
        document = Document.from_page(
            url="https://example.org/r", source="t", title="r", body=" ".join(RELEASE)
        )
        run = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000, stories=stories)
        assert [r.outcome for r in run.process([document])] == ["indexed_new"]
        stored = backend.get(document.id)
        assert stored is not None and stored.story_id is None and stored.figures
    finally:
        blocker.close()
        stories.close()
        backend.close()


TEMPLATED = 500


def _templated_notice(folder: Path, number: int) -> None:
    """A statistics notice as government newsrooms publish hundreds of: one template, a few facts changed.
    In German, as a federal statistics office publishes it: placement runs for every language, and the
    English-only NLP does not, so the crawl's time is the placement and indexing this test is about."""
    area = f"Landkreis {number}"
    write_article(
        folder,
        slug=f"notice-{number}",
        title=f"Verkehrsstatistik für den {area}",
        published=f"2026-02-{1 + number % 28:02d}T09:30:00+00:00",
        kind="press_release",
        paragraphs=[
            f"Das Statistische Landesamt hat heute die Verkehrsstatistik für den {area} veröffentlicht. "
            f"Im vergangenen Jahr wurden dort {200 + number} Millionen Fahrzeugkilometer gezählt, wie aus "
            "den neuesten Zahlen hervorgeht.",
            "Diese Statistiken gehören zu einer Sammlung amtlicher Statistiken über den Straßenverkehr. "
            "Amtliche Statistiken werden unparteiisch und frei von politischer Einflussnahme erstellt und vor "
            "ihrer Veröffentlichung nach den Grundsätzen der Statistik geprüft.",
            "Die Zahlen umfassen alle Arten von Kraftfahrzeugen auf Bundes-, Landes- und Kreisstraßen, "
            "darunter Personenwagen und Taxis, leichte Nutzfahrzeuge, schwere Lastwagen, Busse und Krafträder. "
            "Die Schätzungen für Kreisstraßen beruhen auf Stichproben und werden jedes Jahr überarbeitet.",
            "Für weitere Auskünfte zu dieser Veröffentlichung, zu den Methoden oder zu den Daten für Ihren "
            "Kreis wenden Sie sich bitte an das Referat Verkehrsstatistik.",
        ],
    )


def test_hundreds_of_templated_pages_are_placed_with_bounded_work_per_page(
    settings: Settings, tmp_path: Path
) -> None:
    """500 near-identical notices (the shape that once stalled a crawl: every page a candidate of every
    other, so placement grew with the corpus) are all crawled, placed and indexed, and no page was compared
    with more than MAX_CANDIDATES earlier ones. Timing is reported, not asserted."""
    articles = tmp_path / "statistics"
    for number in range(TEMPLATED):
        _templated_notice(articles, number)
    with FixtureSite(articles_dir=articles) as site:
        settings.sources_file.write_text(
            f'[[source]]\nname = "statistics"\nurl = "{site.feed_url}"\nkind = "press_release"\n'
            f"max_items = {TEMPLATED}\n",
            encoding="utf-8",
        )
        started = time.monotonic()
        crawl = run_crawl(settings)
        print(f"crawl of {TEMPLATED} templated pages: {time.monotonic() - started:.1f} s")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert f"indexed new {TEMPLATED}" in crawl.stdout, crawl.stdout[-3000:]
    with sqlite3.connect(settings.data_dir / "stories.sqlite3") as db:
        placed, most, total = db.execute(
            "SELECT COUNT(*), MAX(compared), SUM(compared) FROM signatures"
        ).fetchone()
    assert placed == TEMPLATED
    # Unbounded, the i-th page was compared with all i-1 before it: 124,750 comparisons in all.
    assert most == MAX_CANDIDATES
    assert total <= TEMPLATED * MAX_CANDIDATES
    with sqlite3.connect(settings.sqlite_path) as index:
        indexed, unplaced, stories = index.execute(
            "SELECT COUNT(*), SUM(story_id IS NULL), COUNT(DISTINCT story_id) FROM documents"
        ).fetchone()
    assert (indexed, unplaced) == (TEMPLATED, 0)
    assert stories == 1, "the notices share nearly all their text: one story by the overlap rule"
