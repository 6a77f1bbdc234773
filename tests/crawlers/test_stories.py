"""Story grouping on real text: a press release and two reworded reports of it, and the demo newsroom's
unrelated articles from the same departments; the same with the signatures in SQLite and in PostgreSQL, where
a second placer catches up on what the first placed."""

from __future__ import annotations

from crawlers.stories import PostgresSignatures, StoryStore, open_stories
from presswatch.config import Settings
from presswatch.database import pool_for
from presswatch.demo.site import load_articles
from presswatch.document import Document

RELEASE = """
The Home Office today announced a new agreement with Serbia, North Macedonia and Kosovo to tackle organised
immigration crime along the Western Balkans route. Under the agreement, officers from the Border Security
Command will be deployed to Belgrade, Skopje and Pristina to work alongside local police, and an extra £75m
will fund joint investigations, intelligence sharing and new equipment at border crossings.
More than 31,000 people have crossed the Channel in small boats so far this year, many of them after
travelling through the Balkans with the help of smuggling gangs.
Home Secretary Helen Marsh said: "These agreements will help us dismantle the gangs at every stage of their
route. Working with our partners in the Western Balkans, we will stop the smugglers long before they reach
the Channel coast."
The agreements will be signed at a summit in London next month. Ministers from all three governments are
expected to attend, and the first officers will be deployed by the end of the summer.
"""

REPORT_ONE = """
Britain is to send border officers to the Western Balkans as part of a crackdown on people smuggling, the
government said on Tuesday. The Home Office announced a new agreement with Serbia, North Macedonia and Kosovo
to tackle organised immigration crime along the Western Balkans route. Officers from the Border Security
Command will be deployed to Belgrade, Skopje and Pristina to work alongside local police, and an extra £75m
will fund joint investigations, intelligence sharing and new equipment at border crossings.
More than 31,000 people have crossed the Channel in small boats so far this year.
Home Secretary Helen Marsh said: "These agreements will help us dismantle the gangs at every stage of their
route." Critics said the money would be better spent on processing asylum claims faster.
"""

REPORT_TWO = """
UK officers will be posted to Belgrade, Skopje and Pristina under agreements with Serbia, North Macedonia and
Kosovo aimed at organised immigration crime on the Western Balkans route, ministers announced. An extra £75m
will fund joint investigations, intelligence sharing and new equipment at border crossings, according to
the Home Office. "Working with our partners in the Western Balkans, we will stop the smugglers long before
they reach the Channel coast," the Home Secretary, Helen Marsh, said. The agreements will be signed at a
summit in London next month. More than 31,000 people have crossed the Channel in small boats so far this
year, many of them after travelling through the Balkans with the help of smuggling gangs.
"""


def test_a_release_and_two_reworded_reports_are_one_story_and_unrelated_articles_are_not(
    store_settings: Settings,
) -> None:
    unrelated = load_articles()[:20]
    assert len(unrelated) == 20
    with open_stories(store_settings) as store:
        for article in unrelated:
            store.assign(article.slug, "\n\n".join(article.paragraphs))
        release = store.assign("release", RELEASE)
        one = store.assign("report-one", REPORT_ONE)
        two = store.assign("report-two", REPORT_TWO)
        assert release.story_id == one.story_id == two.story_id == "release"
        assert one.copy_of is None and two.copy_of is None
        stories = {store.story_of(article.slug) for article in unrelated}
        assert len(stories) == 20
        assert "release" not in stories


def test_an_exact_copy_on_another_url_is_recognised(store_settings: Settings) -> None:
    with open_stories(store_settings) as store:
        store.assign("release", RELEASE)
        copy = store.assign("syndicated", "  " + RELEASE.upper() + "\n")
    assert (copy.story_id, copy.copy_of, copy.similarity) == ("release", "release", 1.0)


def test_grouping_carries_across_runs(store_settings: Settings) -> None:
    with open_stories(store_settings) as store:
        store.assign("release", RELEASE)
    with open_stories(store_settings) as store:
        assert len(store) == 1
        report = store.assign("report-one", REPORT_ONE)
        again = store.assign("release", RELEASE)  # a re-crawl of an unchanged page keeps its story
        assert report.story_id == again.story_id == "release"
        assert store.members("release") == ["release", "report-one"]


def test_a_release_that_arrives_after_its_reports_joins_their_stories(store_settings: Settings) -> None:
    with open_stories(store_settings) as store:
        first = store.assign("report-one", REPORT_ONE)
        second = store.assign("report-two", REPORT_TWO)
        release = store.assign("release", RELEASE)
        stories = {store.story_of(doc) for doc in ("report-one", "report-two", "release")}
        assert stories == {release.story_id}
        assert set(release.merged) == {first.story_id, second.story_id} - {release.story_id}


def test_a_document_gets_its_story_id(store_settings: Settings) -> None:
    release = Document.from_page(
        url="https://gov.example/news/release", source="gov", title="R", body=RELEASE
    )
    report = Document.from_page(
        url="https://paper.example/report", source="paper", title="P", body=REPORT_ONE
    )
    with open_stories(store_settings) as store:
        placed_release, _ = store.place(release)
        placed_report, match = store.place(report)
    assert placed_release.story_id == placed_report.story_id == release.id
    assert match.similar_to == release.id and placed_report.body == report.body


def test_a_second_placer_sees_what_the_first_placed(postgres_url: str) -> None:
    """Two placers (an active one and a standby, opened at once): each placement first catches up on what the
    other stored since, so a report placed by the standby joins the release the active one placed."""
    active = StoryStore(PostgresSignatures(pool_for(postgres_url)))
    standby = StoryStore(PostgresSignatures(pool_for(postgres_url)))
    release = Document.from_page(
        url="https://gov.example/news/release", source="gov", title="R", body=RELEASE
    )
    report = Document.from_page(
        url="https://paper.example/report", source="paper", title="P", body=REPORT_ONE
    )
    other = Document.from_page(url="https://paper.example/other", source="paper", title="O", body=REPORT_TWO)
    active.place(release)
    active.close()  # the active placer stops; the standby takes over
    _, joined = standby.place(report)
    assert joined.story_id == release.id and joined.similar_to == release.id
    assert standby.assign_all([(other.id, other.body)])[other.id].story_id == release.id
    assert standby.members(release.id) == [release.id, report.id, other.id]
    assert len(StoryStore(PostgresSignatures(pool_for(postgres_url)))) == 3
