"""A one-word subject that comments or acts is no company where a city or a head of government bears it, or it
names a god: round 12's rule took 'Moscow denied the report, Beijing declined to comment' for three bodies
(found by a review with fresh sentences). One-word companies stay found."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, text: str) -> set[str]:
    doc = extractor.enrich(
        Document.from_page(url="https://apnews.com/article/x", source="t", title="t", body=text)
    )
    return {m.normalized for m in doc.entities if m.label == "ORG"}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow denied the report, Beijing declined to comment and Washington did not respond.",
        "Brussels will provide 300 million euros for the project, an official said.",
        "Wellington declined to comment on the report, but Canberra denied it outright.",
        "Modi welcomed the agreement on Tuesday.",
        "God will provide for the faithful, the pastor said.",
    ],
)
def test_a_city_a_leader_or_a_god_is_no_body(extractor: Extractor, text: str) -> None:
    assert organisations(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Fonterra welcomed the decision on Tuesday.", "Fonterra"),
        ("Veolia will operate the plant from 2027.", "Veolia"),
        ("Safaricom confirmed the outage on Monday.", "Safaricom"),
    ],
)
def test_one_word_companies_stay_bodies(extractor: Extractor, text: str, body: str) -> None:
    assert organisations(extractor, text) == {body}


def test_a_people_is_no_body(extractor: Extractor) -> None:
    text = "The treaty will allow up to 10,000 Papua New Guineans to serve in the Australian Defence Force."
    assert "Papua New Guineans" not in organisations(extractor, text)
