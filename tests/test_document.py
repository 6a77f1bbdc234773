from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from presswatch.document import Agreement, Document, Figure, Mention, Quote, canonical_url, document_id


def test_id_comes_from_the_canonical_url() -> None:
    a = Document.from_page(
        url="HTTP://Example.GOV.uk:80/news/a?utm_source=x&b=2&a=1#top", source="s", title="t", body="b"
    )
    b = Document.from_page(url="http://example.gov.uk/news/a?a=1&b=2", source="s", title="t", body="b")
    assert a.id == b.id == document_id("http://example.gov.uk/news/a?a=1&b=2")
    assert a.url == "http://example.gov.uk/news/a?a=1&b=2"


def test_paths_stay_case_sensitive_and_ports_matter() -> None:
    assert document_id("http://x.org/News") != document_id("http://x.org/news")
    assert canonical_url("http://x.org:8080/a") == "http://x.org:8080/a"
    assert canonical_url("https://x.org:443/a") == "https://x.org/a"


def test_json_round_trip_keeps_every_field() -> None:
    doc = Document.from_page(
        url="https://gov.example/news/1",
        source="home-office",
        kind="press_release",
        title="UK to sign",
        body="The UK will sign ... £75m",
        published=datetime(2026, 6, 16, 8, 30, tzinfo=UTC),
        entities=(Mention(text="UK", label="GPE", normalized="United Kingdom", start=4, end=6),),
        figures=(Figure(kind="money", text="£75m", value=75_000_000, currency="GBP", start=21, end=25),),
        agreements=(
            Agreement(
                text="The UK will sign",
                parties=("United Kingdom", "Serbia"),
                status="planned",
                start=0,
                end=16,
            ),
        ),
        quotes=(Quote(text="We will", speaker="Helen Marsh", role="Home Secretary", start=0, end=9),),
    )
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert '"normalized":"75,000,000 GBP"' in doc.to_json()


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (Figure(kind="money", text="£75m", value=75e6, currency="GBP", start=0, end=4), "75,000,000 GBP"),
        (
            Figure(kind="count", text="x", value=31000, unit="person", qualifier="at_least", start=0, end=1),
            "at least 31,000 person",
        ),
        (
            Figure(kind="count", text="x", value=1e5, unit="migrant", qualifier="about", start=0, end=1),
            "about 100,000 migrant",
        ),
        (Figure(kind="percent", text="2.5%", value=2.5, start=0, end=4), "2.5%"),
        (Figure(kind="money", text="$1.25", value=1.25, currency="USD", start=0, end=4), "1.25 USD"),
    ],
)
def test_normalized_figures_read_as_people_write_them(figure: Figure, expected: str) -> None:
    assert figure.normalized == expected


def test_documents_are_frozen_and_strict() -> None:
    doc = Document.from_page(url="http://x.org/a", source="s", title="t", body="b")
    with pytest.raises(ValidationError):
        doc.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Document.from_page(url="http://x.org/a", source="s", title="t", body="b", kind="blog")
