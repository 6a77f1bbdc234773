"""People and quotes in news reports, session 13 of issue 19: a body's 'official' and 'a Senior Advocate' are
roles; of two subjects the parse hangs on one speech verb the nearer speaks; a person who only possesses the
subject ('a reporter's source') does not; 'saying he' in a clause a person's own verb governs is that person;
a few title-case words in quotation marks after a broadcaster's possessive are a programme, no quote. Each text
was written for the test, in the styles `bench/people_probes.py` (batch 24) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document, Quote


def _read(extractor: Extractor, text: str) -> Document:
    return extractor.enrich(
        Document.from_page(url="https://apnews.com/article/news13", source="t", title="t", body=text)
    )


def _roles(document: Document) -> dict[str, str | None]:
    return {m.normalized: m.role for m in document.entities if m.label == "PERSON"}


def _said(quotes: tuple[Quote, ...]) -> list[tuple[str | None, str]]:
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in quotes]


def test_a_bodys_official_before_a_name_is_the_role(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "Former Interior Department official Dana Whitfield told the panel that the leases were rushed.",
    )
    assert _roles(document) == {"Dana Whitfield": "Former Interior Department official"}


def test_a_senior_advocate_is_a_role(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "The appeal was filed by Ngozi Eze, a Senior Advocate of Nigeria, on behalf of the traders.",
    )
    assert _roles(document) == {"Ngozi Eze": "Senior Advocate of Nigeria"}


def test_of_two_subjects_of_one_speech_verb_the_nearer_speaks(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "In a letter calling for the meeting, CPUC President Marybel Batjer said that “lack of service is not a "
        "mere inconvenience— it endangers lives.”",
    )
    assert _said(document.quotes) == [("Marybel Batjer", "lack of service")]


def test_a_person_who_only_has_the_subject_does_not_speak(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "A VOA reporter Nisan Ahmado's source inside the camp, a refugee who asked not to be identified, said "
        "that the claim is “absolutely not true.”",
    )
    assert _said(document.quotes) == [(None, "absolutely not true.")]


def test_saying_he_in_a_persons_own_clause_is_that_person(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "Gordon Sondland bragged about his ties to the president. Last week State Department official David "
        "Holmes revealed one of those calls to investigators, saying he recalled it “vividly.”",
    )
    assert _said(document.quotes) == [("David Holmes", "vividly.")]


def test_a_programme_after_a_broadcasters_possessive_is_no_quote(extractor: Extractor) -> None:
    document = _read(
        extractor,
        '"This stock had been getting clobbered," Maley said on CNBC\'s " Trading Nation" on Monday. "It was '
        'down for four straight years."',
    )
    assert [text for _, text in _said(document.quotes)] == ["This stock had", "It was down"]
