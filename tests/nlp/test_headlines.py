"""Headlines in title case ('President Trump Secures Historic Trade Deal with Vietnam'), which US, Canadian,
Australian and New Zealand releases open with: the model parses them as one long name, so a verb there ended
inside a person's name ('Trump Secures Historic Trade') and every agreement read as in force. Each text was
written for the test in those releases' styles."""

from __future__ import annotations

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def enriched(
    extractor: Extractor, text: str, url: str = "https://www.whitehouse.gov/fact-sheets/x"
) -> Document:
    return extractor.enrich(Document.from_page(url=url, source="test", title="", body=text))


def test_a_headline_verb_ends_a_name(extractor: Extractor) -> None:
    text = "FACT SHEET: President Trump Secures Historic Trade Deal with Vietnam\n\nThe deal cuts tariffs."
    people = {m.normalized for m in enriched(extractor, text).entities if m.label == "PERSON"}
    assert people == {"Trump"}


@pytest.mark.parametrize(
    ("headline", "status"),
    [
        ("UK Signs Returns Deal With Serbia", "signed"),
        ("President Trump Secures Historic Trade Deal with Vietnam", "agreed"),
        ("Canada to Sign Trade Agreement With Ecuador", "planned"),
        ("Australia Launches Negotiations on Free Trade Agreement With UAE", "in_negotiation"),
        ("Britain Scraps Migration Deal With Rwanda", "ended"),
        ("Prime Minister Welcomes Agreement With EU", "unknown"),  # the release's text says where it stands
    ],
)
def test_a_headlines_status_is_its_verbs(extractor: Extractor, headline: str, status: str) -> None:
    url = "https://www.whitehouse.gov/x" if "President" in headline else "https://www.canada.ca/en/news/x"
    assert [a.status for a in enriched(extractor, headline, url).agreements] == [status]


def test_a_headline_of_no_status_is_the_agreement_the_text_then_tells(extractor: Extractor) -> None:
    text = (
        "Prime Minister Welcomes Agreement With EU\n\n"
        "Canada and the European Union signed a digital trade agreement in Brussels on Monday."
    )
    found = enriched(extractor, text, "https://www.canada.ca/en/news/x").agreements
    assert [(a.status, sorted(a.parties)) for a in found] == [("signed", ["Canada", "European Union"])]


def test_a_headline_verb_ends_no_body_but_the_body_after_it_stays(extractor: Extractor) -> None:
    text = "Minister Joly Welcomes Canada Infrastructure Bank Investment in Toronto Transit"
    found = {
        m.normalized
        for m in enriched(extractor, text, "https://www.canada.ca/en/news/x").entities
        if m.label == "ORG"
    }
    assert found == {"Canada Infrastructure Bank"}  # not 'Joly Welcomes Canada Infrastructure Bank'


def test_a_plural_noun_in_a_bodys_name_is_no_headline_verb(extractor: Extractor) -> None:
    text = "The Organization of American States has been further developed as an instrument of cooperation."
    found = {m.normalized for m in enriched(extractor, text).entities if m.label == "ORG"}
    assert found == {"Organization of American States"}
