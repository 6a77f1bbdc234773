"""Quotes with speakers and roles, and entity normalisation, on the real model."""

from nlp.pipeline import Extractor
from presswatch.document import Document


def enrich(extractor: Extractor, text: str) -> Document:
    return extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))


def test_quote_with_role_before_the_name(extractor: Extractor) -> None:
    doc = enrich(
        extractor, "Home Secretary Helen Marsh said: “These agreements will help us smash the gangs.”"
    )
    [quote] = doc.quotes
    assert (quote.speaker, quote.role) == ("Helen Marsh", "Home Secretary")
    assert quote.text == "These agreements will help us smash the gangs."


def test_quote_with_role_after_the_name(extractor: Extractor) -> None:
    doc = enrich(
        extractor, "“We are working closely with our partners,” said Dan Jarvis, the Minister for Security."
    )
    [quote] = doc.quotes
    assert (quote.speaker, quote.role) == ("Dan Jarvis", "Minister for Security")


def test_a_following_quote_keeps_the_last_speaker(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "Trade Minister Oliver Grant said: “The region is full of opportunity for us.”\n"
        "“British firms are in demand there,” he added.",
    )
    assert [q.speaker for q in doc.quotes] == ["Oliver Grant", "Oliver Grant"]


def test_unattributed_quote_has_no_speaker(extractor: Extractor) -> None:
    doc = enrich(extractor, "The sign read “No entry beyond this point for anyone without a pass.”")
    assert [q.speaker for q in doc.quotes] == [None]


def test_countries_are_normalised_and_titles_are_not_organisations(extractor: Extractor) -> None:
    doc = enrich(
        extractor, "Home Secretary Helen Marsh met officials from Britain, the U.K. Border Force and the US."
    )
    names = {(m.label, m.normalized) for m in doc.entities}
    assert ("GPE", "United Kingdom") in names
    assert ("GPE", "United States") in names
    assert ("PERSON", "Helen Marsh") in names
    assert ("ORG", "Home") not in names


def test_role_with_lower_case_words(extractor: Extractor) -> None:
    doc = enrich(
        extractor, "Minister for Border Security Sarah Lind said: “Returns agreements work well for us.”"
    )
    [quote] = doc.quotes
    assert (quote.speaker, quote.role) == ("Sarah Lind", "Minister for Border Security")


def test_an_unnamed_spokesperson_speaks_for_their_body(extractor: Extractor) -> None:
    """GUIDE: the speaker is the organisation where a body speaks, as for 'a spokesperson for the Home
    Office'; an unnamed person who speaks for no named body is no speaker ('the doctor said')."""
    doc = enrich(extractor, "A Home Office spokesperson said: “We are determined to end the crossings.”")
    assert [q.speaker for q in doc.quotes] == ["Home Office"]


def test_a_short_quoted_name_with_no_speaker_is_no_quote(extractor: Extractor) -> None:
    doc = enrich(
        extractor, "The MoUs and the ‘Partners in Defence’ framework will help, as will “Peace in our Time”."
    )
    assert doc.quotes == ()


def test_the_person_in_apposition_to_a_title_is_the_speaker(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "British High Commissioner to Pakistan, Jane Marriott CMG OBE, said:\n\n"
        "“Brilliantly British captures everything we love about the UK.”",
    )
    assert [q.speaker for q in doc.quotes] == ["Jane Marriott"]


def test_a_quote_whose_mark_closes_only_after_its_last_paragraph(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "Crime prevention minister Jeremy Browne said:\n\n"
        "‘Distorted information from their peers can lead young people’s choices astray.\n\n"
        "‘We know FRANK works, and we will keep it going for years.’",
    )
    assert [(q.text.split()[0], q.speaker) for q in doc.quotes] == [
        ("Distorted", "Jeremy Browne"),
        ("We", "Jeremy Browne"),
    ]


def test_a_surname_speaker_is_the_person_named_in_full(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "The mayor of Lyon, Grégory Doucet, opened the fair.\n\n"
        "“The city belongs to everyone,” Doucet said. “We want people to feel at home here.”\n\n"
        "Housing Minister Chris Bishop spoke too. “Kiwis deserve warm homes,” Mr Bishop said.",
    )
    assert [q.speaker for q in doc.quotes] == ["Grégory Doucet", "Grégory Doucet", "Chris Bishop"]


def test_a_body_that_speaks_without_being_tagged(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        'The Italian foreign ministry said it "deplores any step that weakens the truce".\n\n'
        'A spokesperson for the European Commission reiterated that the sanctions "remain in force".',
    )
    assert [q.speaker for q in doc.quotes] == ["Italian foreign ministry", "European Commission"]


def test_a_quote_signed_after_a_dash(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        '"In the end, the network always wins." - Clara Jensen\n\n'
        "Writing on her blog, Clara Jensen of the Daily Ledger called the dispute a sideshow.",
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Clara Jensen", "In the end, the network always wins.")
    ]


def test_a_quote_opening_a_paragraph_after_someone_said(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        '"The numbers are clear," said Omar Haddad, an economist at the bank.\n\n'
        "Chief negotiator Lina Farah said the offer was an insult.\n\n"
        '"They wanted us to give up everything we have built."',
    )
    assert [q.speaker for q in doc.quotes] == ["Omar Haddad", "Lina Farah"]


def test_a_word_or_two_quoted_in_what_someone_said(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        'Prime Minister Ana Silva said she was "very moved" by the vote. The "Blue Line" opens in May.',
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Ana Silva", "very moved")]


def test_what_someone_called_something_is_their_quote(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        'Union leader Rosa Lindgren called the cuts "a betrayal of loyal staff". '
        'Veterans still call the camp the "Hanoi Hilton".',
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Rosa Lindgren", "a betrayal of loyal staff")]
