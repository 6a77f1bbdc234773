"""Organisations in short news reports, where the small model takes companies and clubs for people or places:
the boundaries `bench/organisation_probes.py` found, on the real model."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def organisations(extractor: Extractor, text: str) -> set[str]:
    document = Document.from_page(url="https://news.test/story", source="t", title="t", body=text)
    return {m.normalized for m in extractor.enrich(document).entities if m.label == "ORG"}


def test_a_company_after_a_lower_case_role_and_of_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Sarah Kline, president and chief executive officer of Dynetics, said the first lander would fly "
        "in 2027.",
    )
    assert "Dynetics" in found


def test_a_title_of_a_body_is_still_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The Head of Operations and the Minister for Inter Provincial Coordination met."
    )
    assert found == set()


def test_names_ending_in_a_company_word_are_bodies_not_people(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The agency picked nine firms a year ago: Astrobotic, Deep Space Systems, Draper, Firefly Aerospace, "
        "Intuitive Machines, Masten Space Systems, Moon Express and OrbitBeyond. Indian Railways will run "
        "the new trains.",
    )
    assert {"Intuitive Machines", "Masten Space Systems", "Moon Express", "Indian Railways"} <= found


def test_a_plural_name_alone_is_still_no_body(extractor: Extractor) -> None:
    found = organisations(extractor, "The rules cover Crown Dependencies and Building Regulations.")
    assert found == set()
