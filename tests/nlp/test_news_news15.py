"""Organisations, roles and quote speakers in news reports, round 15 of issue 19 (wire, markets and health reports
from Asia, India and Hong Kong added to the tune half): a stock market index is no body, whether its name is one
only an index has ('the Sensex') or an exchange's or a newspaper's name that moves as an index does ('the Nasdaq
rose'); an acronym before 'outbreak' or 'epidemic' is the disease, not the body a table gives the letters to
('SARS'); a role ends before a relative clause ('where', 'when', 'whose'); a hyphenated nationality before an
office is the role's as a whole ('Hungarian-American investor'); a report, note or statement from a body speaks
for it. Each text was written for the test, in the styles of the reports the round added."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def _read(extractor: Extractor, text: str, url: str = "https://www.reuters.com/article/news15") -> Document:
    return extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))


def _organisations(document: Document) -> set[str]:
    return {m.normalized for m in document.entities if m.label == "ORG"}


def _roles(document: Document) -> dict[str, str | None]:
    return {m.normalized: m.role for m in document.entities if m.label == "PERSON"}


def test_a_market_index_is_no_body(extractor: Extractor) -> None:
    """GUIDE: indices are not organisations; the companies whose shares move them are."""
    document = _read(
        extractor,
        "The Sensex closed at a record and the Nifty 50 rose 0.6%, while in New York the Dow Jones Industrial "
        "Average slipped. Shares of Wipro gained after the results.",
    )
    assert _organisations(document) == {"Wipro"}


def test_an_exchanges_name_that_moves_is_its_index(extractor: Extractor) -> None:
    """'the Nasdaq rose' is the Nasdaq Composite index; 'Nasdaq said' is the exchange's operator, a body."""
    moving = _read(extractor, "The Nasdaq rose 0.9% on Tuesday and the Hang Seng fell 1.4%.")
    assert _organisations(moving) == set()
    speaking = _read(extractor, "Nasdaq said on Tuesday it would delist the company's shares next month.")
    assert _organisations(speaking) == {"Nasdaq"}


def test_an_acronym_before_outbreak_is_the_disease(extractor: Extractor) -> None:
    """'the SARS outbreak' names the disease; South Africa's revenue service, which a table gives the letters
    to, is not in a report from Hanoi."""
    document = _read(
        extractor,
        "Doctors in Hanoi said the hospital had learnt from the SARS outbreak of 2003, when Bach Mai Hospital "
        "closed two wards.",
        url="https://www.scmp.com/news/asia/news15",
    )
    assert "South African Revenue Service" not in _organisations(document)
    assert "Bach Mai Hospital" in _organisations(document)


def test_the_body_keeps_its_acronym_elsewhere(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "SARS said it had collected R1.7 trillion in the tax year, more than the National Treasury expected.",
        url="https://www.gov.za/news/news15",
    )
    assert "South African Revenue Service" in _organisations(document)


def test_a_role_ends_before_a_relative_clause(extractor: Extractor) -> None:
    """GUIDE: the role runs up to the comma, dash or verb that ends its phrase: 'where the first cases were seen'
    says where, it names no office."""
    document = _read(
        extractor,
        "“We had no warning,” said Musa Bello, a pharmacist at Kano General Hospital where the first cases "
        "were seen.",
    )
    assert _roles(document) == {"Musa Bello": "pharmacist at Kano General Hospital"}


def test_a_hyphenated_nationality_is_the_roles_as_a_whole(extractor: Extractor) -> None:
    """GUIDE: the words before the office that say which one, as written: 'Swedish-Iranian researcher', not
    'Iranian researcher'."""
    document = _read(
        extractor,
        "Swedish-Iranian researcher Leila Karimi said the results would be published in March.",
    )
    assert _roles(document) == {"Leila Karimi": "Swedish-Iranian researcher"}


def test_a_report_from_a_body_speaks_for_it(extractor: Extractor) -> None:
    """GUIDE: a spokesperson or a report speaks for its body; 'a report from X', 'a note from X' and 'a
    statement from X' are X's words."""
    document = _read(
        extractor,
        "“Demand will recover next year,” said a report from Mizuho Securities. “Exports have bottomed out,” "
        "a note from Standard Chartered said on Monday.",
    )
    assert [(q.speaker, q.text.split()[0]) for q in document.quotes] == [
        ("Mizuho Securities", "Demand"),
        ("Standard Chartered", "Exports"),
    ]


def test_a_review_of_a_body_is_not_its_words(extractor: Extractor) -> None:
    document = _read(
        extractor,
        "“The checks were not done,” a review of the Home Office found in March.",
        url="https://www.bbc.co.uk/news/news15",
    )
    assert [q.speaker for q in document.quotes] in ([], [None])


def test_a_chief_executive_is_an_office_not_a_body(extractor: Extractor) -> None:
    """'Executive' ends a government's name ('Northern Ireland Executive'), but 'Chief Executive' is an office:
    'Hong Kong Chief Executive John Lee' names a person and his office, no body."""
    document = _read(
        extractor,
        "Hong Kong Chief Executive John Lee said the Legislative Council would pass the bill, and the Northern "
        "Ireland Executive welcomed the news.",
    )
    assert "Hong Kong Chief Executive" not in _organisations(document)
    assert "Northern Ireland Executive" in _organisations(document)
    assert _roles(document)["John Lee"] == "Hong Kong Chief Executive"


def test_a_multiple_is_no_count(extractor: Extractor) -> None:
    """GUIDE: ratios are no counts: '10 times as many cases' multiplies a number the text does not give, though
    the parse may hang '10' on 'cases'."""
    document = _read(
        extractor,
        "Officials later admitted that the province had recorded 10 times as many cases as first reported, and "
        "312 patients were treated in Lanzhou.",
    )
    assert {(f.value, f.unit) for f in document.figures if f.kind == "count"} == {(312, "patient")}


def test_treasury_securities_are_no_body(extractor: Extractor) -> None:
    """'Treasury yields', 'Treasury notes': the debt a treasury issues, named after it in market reports; the
    body is not named (and a report from New York does not name Britain's HM Treasury)."""
    document = _read(
        extractor,
        "Long-dated U.S. Treasury yields slipped and two-year Treasury notes rallied, while the Bank of England "
        "kept rates on hold.",
    )
    assert _organisations(document) == {"Bank of England"}
    acting = _read(
        extractor, "The Treasury said on Friday it would sell more debt.", url="https://www.gov.uk/x"
    )
    assert _organisations(acting) == {"HM Treasury"}


def test_a_span_with_no_name_part_is_no_body(extractor: Extractor) -> None:
    """A GOV.UK speech in Arabic: the model tags a span whose name part is empty (an Arabic comma), which the
    securities rule indexed and the whole batch of documents failed."""
    document = _read(
        extractor,
        "إن المملكة المتحدة تلعب دورا رائدا من خلال الأمم المتحدة، إلى جانبكم، شركائنا في مجلس الأمن.",
        url="https://www.gov.uk/government/speeches/x",
    )
    assert _organisations(document) == set()
