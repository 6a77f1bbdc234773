"""Organisations in government releases from outside the UK and in the furniture their pages carry, found by
writing fresh probes (organisation batch 26: Indian, Nigerian, Ghanaian, Singaporean, Canadian and EU releases):
a ministry on its own heading line, a company named with its legal form, a short form in brackets made from
inside its name's words, a role's words before a bracketed name, names of two universities, and hashtags,
contact desks, press-statement labels and policy rates that are no bodies. Each case failed before its rule."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, text: str, url: str = "https://probe.test/x") -> set[str]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return {m.normalized for m in doc.entities if m.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a heading line of its own names the body that issues the release
            "Ministry of Steel\n\nNew blast furnace opens at Bhilai\n\n"
            "The furnace will make two million tonnes a year.",
            {"Ministry of Steel"},
        ),
        (  # a plural name is a company's where its legal form follows
            "Kalyani Dynamics Limited will supply the shells, and Orient Paper Mills Limited the cartons.",
            {"Kalyani Dynamics", "Orient Paper Mills"},
        ),
        (  # a short form whose letters come from inside its name's words, past its first
            "The European Research Executive Agency (REA) will manage the grants. REA opens the call in May.",
            {"European Research Executive Agency"},
        ),
        (  # the words before a bracketed name whose initials the short form is exactly are no part of it
            "Members of the Medical Research Council (MRC) met the minister on Monday.",
            {"Medical Research Council"},
        ),
        (  # two universities joined by 'and', the second named in French
            "Teams at the University of Waterloo and Universite de Sherbrooke will share the grant.",
            {"University of Waterloo", "Universite de Sherbrooke"},
        ),
        (  # an ordinal opens a circuit's name
            "The 9th U.S. Circuit Court of Appeals upheld the ruling on Friday.",
            {"9th United States Circuit Court of Appeals"},
        ),
        (  # a body's name that opens with its organisation word is no building
            "The minister will also speak at a forum organised by the Centre for Strategic and Budgetary Assessments.",
            {"Centre for Strategic and Budgetary Assessments"},
        ),
    ],
)
def test_bodies_of_releases_are_found_whole(extractor: Extractor, text: str, want: set[str]) -> None:
    assert organisations(extractor, text) == want


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        (
            "The Minerals Commission issued three new licences on Monday.\n\nFollow us on X @GhanaMinerals\n"
            "#GhanaFirst",
            "GhanaFirst",
        ),
        (
            "Health Canada has recalled two brands of baby formula. For more information, contact the Media "
            "Relations Office at 613-957-2983.",
            "Media Relations Office",
        ),
        (
            "The Central Bank of Kenya kept its rate unchanged. Questions may be sent to Corporate Communications "
            "at the Bank.",
            "Corporate Communications",
        ),
        (
            "DFAT Press Statement: Australia welcomes the ceasefire\n\nThe Department of Foreign Affairs and "
            "Trade welcomed the ceasefire.",
            "DFAT Press Statement",
        ),
        (
            "The Bank of Ghana raised its Monetary Policy Rate to 28 per cent on Monday.",
            "Monetary Policy Rate",
        ),
    ],
)
def test_page_furniture_and_rates_are_no_bodies(extractor: Extractor, text: str, junk: str) -> None:
    assert junk not in organisations(extractor, text)


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        (  # the EU's institutions by their one word, on the EU's own site
            "The Council and the European Parliament agreed the text on Tuesday. The Council will adopt it in May.",
            "https://www.consilium.europa.eu/en/press/press-releases/x",
            {"Council of the European Union", "European Parliament"},
        ),
        (  # a short form of a Philippine body that the release does not spell out (the table)
            "The PHIVOLCS raised the alert level over Kanlaon Volcano on Monday. (PNA)",
            "https://www.pna.gov.ph/articles/x",
            {"Philippine Institute of Volcanology and Seismology", "Philippine News Agency"},
        ),
        (  # and a Ghanaian one
            "COCOBOD said the crop would rise by 10 per cent, and GRIDCo promised stable power to processors.",
            "https://presidency.gov.gh/x",
            {"Ghana Cocoa Board", "Ghana Grid Company"},
        ),
    ],
)
def test_bodies_of_a_government_read_from_its_own_site(
    extractor: Extractor, text: str, url: str, want: set[str]
) -> None:
    assert organisations(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        (  # the city of a dateline that the parse made the subject
            "Kampala, 3 March 2026 - Oxfam and CARE today warned that floods had displaced 40,000 people.",
            "Kampala",
        ),
        ("PAGASA raised Signal No. 2 over Catanduanes on Tuesday.", "Signal No"),
    ],
)
def test_datelines_and_numbered_things_are_no_bodies(extractor: Extractor, text: str, junk: str) -> None:
    assert junk not in organisations(extractor, text)
