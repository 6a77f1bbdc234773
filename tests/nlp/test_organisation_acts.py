"""Bodies the small model misses or takes for people, found from what the text says they do (`context`): the
subject of a verb only a body does, the body a person joins or works for, a relative 'which', a company's
shares, an online service's account; and the people in the same frames, who stay people."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def entities(extractor: Extractor, text: str) -> tuple[set[str], set[str]]:
    """(organisations, people) of a news report."""
    document = Document.from_page(url="https://news.test/story", source="t", title="t", body=text)
    found = extractor.enrich(document).entities
    return (
        {m.normalized for m in found if m.label == "ORG"},
        {m.normalized for m in found if m.label == "PERSON"},
    )


def test_the_subject_of_a_verb_only_a_body_does_is_a_body(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor,
        "Pinterest banned advertisements for weight-loss pills on Tuesday. Tim Cook joined Apple in 1998.",
    )
    assert {"Pinterest", "Apple"} <= orgs
    assert "Tim Cook" in people and "Tim Cook" not in orgs


def test_a_person_hiring_stays_a_person(extractor: Extractor) -> None:
    orgs, people = entities(extractor, "Maria Olsen hired a lawyer. Kjell Berg has sued the council.")
    assert {"Maria Olsen", "Kjell Berg"} <= people
    assert orgs == set()


def test_the_body_a_person_joins_is_a_body_over_its_of(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor, "Defender Kwame Mensah joined Hearts of Oak from Asante Kotoko last season."
    )
    assert {"Hearts of Oak", "Asante Kotoko"} <= orgs
    assert "Kwame Mensah" in people


def test_a_name_with_a_relative_which_is_no_person(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor,
        "Johnson Matthey, which makes catalytic converters, said profits had fallen. Anne Hidalgo, who runs "
        "the city, said the tram would open in May.",
    )
    assert "Johnson Matthey" in orgs and "Johnson Matthey" not in people
    assert "Anne Hidalgo" in people and "Anne Hidalgo" not in orgs


def test_a_name_with_shares_is_a_company_but_a_holder_stays_a_person(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor,
        "Shares of Charles Schwab fell 5 percent on Monday. Warren Buffett said his shares in Coca-Cola were "
        "not for sale.",
    )
    assert {"Charles Schwab", "Coca-Cola"} <= orgs
    assert people == {"Warren Buffett"}


def test_every_mention_of_a_name_the_context_makes_a_body_is_the_body(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor,
        "Eaton Vance, a Boston firm of fund managers, agreed terms. Shares of Eaton Vance rose 40 percent.",
    )
    assert "Eaton Vance" in orgs
    assert "Eaton Vance" not in people


def test_an_online_services_account_is_a_body_and_a_persons_post_is_not(extractor: Extractor) -> None:
    orgs, _ = entities(
        extractor, "The minister's Twitter account was hacked on Friday, and a Gazprom page was taken down."
    )
    assert {"Twitter", "Gazprom"} <= orgs
    orgs, people = entities(extractor, "Donald Trump wrote a long post. The Trump post was shared widely.")
    assert orgs == set()
    assert "Donald Trump" in people


def test_where_a_document_is_published_is_no_body(extractor: Extractor) -> None:
    orgs, _ = entities(
        extractor,
        "Details of these arrangements have been published on GOV.UK. Officials said on Monday that the road "
        "was closed.",
    )
    assert orgs == set()


def test_a_kind_of_bodys_list_after_include_names_bodies_and_speakers_stay_people(
    extractor: Extractor,
) -> None:
    orgs, people = entities(
        extractor,
        "Other firms that have cut staff this year include Pinterest, Zoom and Dropbox. Speakers at the event "
        "include Jane Holloway and Peter Grant.",
    )
    assert orgs == {"Pinterest", "Zoom", "Dropbox"}
    assert people == {"Jane Holloway", "Peter Grant"}


def test_a_source_after_according_to_is_a_body_unless_a_person(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor,
        "Sales rose 3 percent, according to Joy Sports. Sales fell, according to Martha Quist, an analyst.",
    )
    assert orgs == {"Joy Sports"}
    assert people == {"Martha Quist"}


def test_a_city_a_person_worked_at_is_no_body(extractor: Extractor) -> None:
    orgs, people = entities(
        extractor, "Lena Berg worked at Stockholm for a year. Boston banned plastic bags."
    )
    assert orgs == set()
    assert people == {"Lena Berg"}
