"""Names that are not people's, on the real model: companies listed together, works and vessels, places;
and, on the other side of each boundary, the people beside them (written probes, bench/people_probes.py)."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def people(extractor: Extractor, text: str) -> set[str]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/p", source="t", title="t", body=text))
    return {m.normalized for m in doc.entities if m.label == "PERSON"}


def test_companies_listed_together_are_no_people(extractor: Extractor) -> None:
    found = people(
        extractor,
        "Five firms, Blue Harbor Logistics, Kestrel Dynamics, Northwind Freight, Apex Marine and Halcyon "
        "Robotics, won contracts worth $400 million on Thursday. Kestrel Dynamics chief executive Laura "
        "Benning said the company would hire 200 workers.",
    )
    assert found == {"Laura Benning"}


def test_people_listed_with_one_body_stay_people(extractor: Extractor) -> None:
    found = people(
        extractor,
        "The festival featured 5 artists: Maria Unera, Jermeas Naeem, Alycia Dias, Hussain Dossa and the "
        "Honourable Artillery Company Regimental Band.",
    )
    assert {"Maria Unera", "Jermeas Naeem", "Alycia Dias", "Hussain Dossa"} <= found


def test_a_name_after_a_work_or_a_vessel_is_its_title(extractor: Extractor) -> None:
    found = people(
        extractor,
        "Atwood was there to launch her graphic novel Angel Catbird, with illustrator Johnnie Christmas. "
        "The minister launched the film Mashujaa Wetu, which tells the story of athlete Kipchoge Keino.",
    )
    assert "Angel Catbird" not in found and "Mashujaa Wetu" not in found
    assert {"Johnnie Christmas", "Kipchoge Keino"} <= found


def test_a_book_by_someone_is_still_theirs(extractor: Extractor) -> None:
    assert "Hilary Mantel" in people(extractor, "The prize went to a novel by Hilary Mantel last year.")


def test_places_named_as_places_are_no_people(extractor: Extractor) -> None:
    found = people(
        extractor,
        "Minister for Foreign Affairs Dr Vivian Balakrishnan will visit Bermuda, Anguilla and St Lucia "
        "from 3 to 7 June. St Helena has support for building its first airport.",
    )
    assert found == {"Vivian Balakrishnan"}


def test_laws_plans_and_administrations_named_after_people_are_no_people(extractor: Extractor) -> None:
    found = people(
        extractor,
        "The Senate approved the Vandenberg Resolution last June. The Nixon Doctrine asks our allies to share "
        "the burden. The Reagan Administration negotiated the INF Treaty; the Bush Administration carried it "
        "out. Senator Fulbright has proposed that the Fulbright Act be extended.",
    )
    assert found == {"Fulbright"}


def test_a_name_written_alone_in_quotation_marks_names_a_thing(extractor: Extractor) -> None:
    found = people(
        extractor,
        "The start-up behind the oxygen bar is called ‘Oxy Pure’. Oxy Pure was founded in 2019 by Aryan "
        "Mehta, who said demand had doubled.",
    )
    assert found == {"Aryan Mehta"}
