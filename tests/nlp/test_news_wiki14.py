"""Organisations, roles and quote speakers in news reports, round 14 of issue 19 (news reports of the kind the
held-out Wikinews texts are, added to the tune half): a body's name that says 'U.S.' is written 'United States'
(the guide's one exception to the body's own form); two offices of one body before a name are the role, and what
a person owns after their possessive is no part of their name; a mixed-case body speaks through its unnamed
spokesperson as a title-case one does, a quote opened inside a paragraph goes on in the next as one that opens the
paragraph does, and a pronoun deep in a sentence about one person is that person; a region named after a country
('Inner Mongolia') is no mention of it. Each text was written for the test, in the styles of the reports the round
added."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document, Quote


def _read(extractor: Extractor, text: str) -> Document:
    return extractor.enrich(
        Document.from_page(url="https://apnews.com/article/wiki14", source="t", title="t", body=text)
    )


def _organisations(document: Document) -> set[str]:
    return {m.normalized for m in document.entities if m.label == "ORG"}


def test_us_in_a_bodys_name_is_written_united_states(extractor: Extractor) -> None:
    """GUIDE: "U.S." or "US" standing for the United States in a body's name is written "United States", so
    that one body is one key, whether a table knows the body or not."""
    document = _read(
        extractor,
        "The agency referred the case to the U.S. Soccer Federation, and U.S. Immigration and Customs Enforcement "
        "detained the driver. The U.S. Securities and Exchange Commission opened its own inquiry.",
    )
    assert _organisations(document) == {
        "United States Soccer Federation",
        "United States Immigration and Customs Enforcement",
        "United States Securities and Exchange Commission",
    }


def test_a_company_named_for_the_country_keeps_its_brand(extractor: Extractor) -> None:
    document = _read(extractor, "Shares of US Airways and U.S. Steel fell after the tariff announcement.")
    assert "United States Steel" not in _organisations(document)
    assert "United States Airways" not in _organisations(document)


def _roles(document: Document) -> dict[str, str | None]:
    return {m.normalized: m.role for m in document.entities if m.label == "PERSON"}


def test_two_offices_of_one_body_before_a_name_are_the_role(extractor: Extractor) -> None:
    """GUIDE: the role is the whole phrase naming the office beside the name, with the words before it that
    say which one: 'Acme founder and co-CEO' is one person's two offices at one body, not 'co-CEO'."""
    document = _read(
        extractor,
        "The deal was announced on Monday by Kestrel Bank chairman and CEO Dana Whitfield in Frankfurt.",
    )
    assert _roles(document) == {"Dana Whitfield": "Kestrel Bank chairman and CEO"}


def test_two_lower_case_offices_of_one_body_before_a_name_are_the_role(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "Shares rose after Halden chairman and managing director Priya Nair said sales had doubled.",
    )
    assert _roles(document) == {"Priya Nair": "Halden chairman and managing director"}


def test_what_a_person_owns_is_no_part_of_their_name(extractor: Extractor) -> None:
    """GUIDE: the whole name as written, and only the name: the company after a person's possessive is not
    part of it ("Jeff Bezos's Blue Origin" names Jeff Bezos)."""
    document = _read(
        extractor,
        "The contract went to rivals such as Amazon founder Jeff Bezos’s Blue Origin and Elon Musk’s SpaceX.",
    )
    assert {"Jeff Bezos", "Elon Musk"} <= set(_roles(document))
    assert _roles(document)["Jeff Bezos"] == "Amazon founder"


def _said(quotes: tuple[Quote, ...]) -> list[tuple[str | None, str]]:
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in quotes]


def test_a_mixed_case_bodys_unnamed_spokesperson_speaks_for_it(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "“We have received a request for records and are cooperating fully,” said a PayPal spokeswoman when "
        "reached by phone on Tuesday.",
    )
    assert _said(document.quotes) == [("PayPal", "We have received")]


def test_a_quote_opened_inside_a_paragraph_goes_on_in_the_next(extractor: Extractor) -> None:
    """GUIDE: every stretch in quotation marks attributed to a speaker. A quote of several paragraphs leaves
    each paragraph's end open; one that opens after 'X said:' inside its paragraph is a quote as one that
    opens the paragraph is."""
    document = _read(
        extractor,
        "The regulator's chair, Ruth Okafor, said: \"We have asked the company for every record of the "
        "outage and we expect them within a week.\n\n"
        '"Customers deserve to know why the network failed for nine hours."\n\n'
        "The company has apologised.",
    )
    assert _said(document.quotes) == [
        ("Ruth Okafor", "We have asked"),
        ("Ruth Okafor", "Customers deserve to"),
    ]


def test_a_pronoun_deep_in_a_sentence_is_the_one_person_its_clause_is_about(extractor: Extractor) -> None:
    """GUIDE: the speaker is the person who said it. 'she said' inside a relative clause of a sentence about one
    person is that person, not the speaker of the quote before."""
    document = _read(
        extractor,
        "“My client regrets what happened,” said her lawyer, Tom Hale. Mara Okafor was charged in May over a "
        "call she made to the council office, in which she said she would “burn the whole place down.”",
    )
    assert _said(document.quotes) == [("Tom Hale", "My client regrets"), ("Mara Okafor", "burn the whole")]


def _countries(document: Document) -> set[str]:
    return {m.code for m in document.entities if m.label == "GPE" and m.code}


def test_a_region_named_after_a_country_is_no_mention_of_it(extractor: Extractor) -> None:
    """GUIDE: cities, regions and states alone do not count. 'Inner Mongolia' is a region of China, not a
    mention of Mongolia (as 'New Mexico' is no mention of Mexico)."""
    document = _read(
        extractor,
        "Health officials in Inner Mongolia said a herder had been isolated, China's state media reported.",
    )
    assert _countries(document) == {"CN"}
