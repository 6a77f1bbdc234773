"""A person the model took into the department of an office's title: 'Secretary of [the Interior Deb
Haaland]' tagged as one body gave the body 'the Interior Deb Haaland', no person and a speaker without a role.
The department is read from the body tables ('Department of the Interior'), the words after it are the name."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.test_roles import roles


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            'Secretary of the Interior Deb Haaland said the rule "protects wildlife for generations."',
            "Deb Haaland",
            "Secretary of the Interior",
        ),
        (  # the model's span opens inside the title: 'Secretary of [State for Health and Social Care ...]'
            'Secretary of State for Health and Social Care Wes Streeting said the plan "will cut waiting lists."',
            "Wes Streeting",
            "Secretary of State for Health and Social Care",
        ),
        (
            'Minister of State for External Affairs Pabitra Margherita said the visit "was a success."',
            "Pabitra Margherita",
            "Minister of State for External Affairs",
        ),
        (
            "Secretary of the Army Daniel Driscoll visited Fort Bragg.",
            "Daniel Driscoll",
            "Secretary of the Army",
        ),
        (
            "Secretary of the Interior Ryan Zinke visited the park on Friday.",
            "Ryan Zinke",
            "Secretary of the Interior",
        ),
    ],
)
def test_the_name_after_a_department_is_the_office_holder(
    extractor: Extractor, text: str, name: str, role: str
) -> None:
    assert roles(extractor, text).get(name) == role


def test_the_department_and_name_are_no_body(extractor: Extractor) -> None:
    doc = extractor.enrich(
        Document.from_page(
            url="https://www.doi.gov/pressreleases/x",
            source="t",
            title="t",
            body='Secretary of the Interior Deb Haaland said the agreement "protects farmers."',
        )
    )
    assert not [m.text for m in doc.entities if m.label == "ORG" and "Haaland" in m.text]
    assert [q.speaker for q in doc.quotes] == ["Deb Haaland"]


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of the Interior Department staff met on Friday.",  # the body in full, no person
        "The Minister of Health and the Minister of Education met on Friday.",
    ],
)
def test_no_person_without_a_name_after_the_department(extractor: Extractor, text: str) -> None:
    assert not [n for n in roles(extractor, text) if "Department" in n or "Health" in n or "Education" in n]
