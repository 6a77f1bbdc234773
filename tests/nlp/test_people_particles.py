"""Names with particles and several parts stay whole on the real model, whatever it tagged them: 'Jan de
Vries' is one person and 'De Vries' later the same one, never a body; honorifics are the role or dropped;
a particle opening a body's name ('De Beers', 'Al Jazeera', 'the Van Gogh Museum') names no person
(probes batch 10, bench/people_probes.py)."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def enrich(extractor: Extractor, text: str, *, url: str = "http://t.test/t") -> Document:
    return extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))


def people(document: Document) -> dict[str, str | None]:
    return {m.normalized: m.role for m in document.entities if m.label == "PERSON"}


def bodies(document: Document) -> set[str]:
    return {m.normalized for m in document.entities if m.label == "ORG"}


def test_a_surname_with_a_particle_is_the_person_named_before_not_a_body(extractor: Extractor) -> None:
    found = enrich(
        extractor,
        "Jan de Vries, the Dutch trade minister, said the talks were useful. De Vries added that more work "
        "was needed.",
    )
    assert people(found) == {"Jan de Vries": "Dutch trade minister"}
    assert "De Vries" not in bodies(found)


def test_a_name_the_model_missed_is_found_by_its_role_in_apposition(extractor: Extractor) -> None:
    found = enrich(extractor, "Ana María de la Cruz, the mayor, opened the clinic on Friday.")
    assert people(found) == {"Ana María de la Cruz": "mayor"}


def test_a_name_tagged_as_a_body_is_a_person_who_speaks_and_its_tail_at_a_sentence_start_too(
    extractor: Extractor,
) -> None:
    found = enrich(
        extractor,
        "Ludwig van der Meer told reporters the plan was sound. Van der Meer leads the coalition.",
    )
    assert people(found) == {"Ludwig van der Meer": None}
    assert bodies(found) == set()


def test_a_name_the_model_cut_inside_its_particles_stays_whole(extractor: Extractor) -> None:
    found = enrich(extractor, "Pieter van den Broek, a Dutch MEP, said the vote was close.")
    assert people(found) == {"Pieter van den Broek": "Dutch MEP"}


def test_two_halves_of_a_name_and_a_later_tail_are_one_person(extractor: Extractor) -> None:
    found = enrich(
        extractor,
        "Shri Anil Kumar Sharma, Secretary, inaugurated the office. Kumar Sharma said the office would "
        "serve 38 districts.",
        url="https://pib.gov.in/PressReleasePage.aspx?PRID=1",
    )
    assert people(found) == {"Anil Kumar Sharma": "Secretary"}


def test_crown_prince_is_the_role_not_part_of_the_name(extractor: Extractor) -> None:
    found = enrich(extractor, "Crown Prince Mohammed bin Salman met the delegation in Riyadh.")
    assert people(found) == {"Mohammed bin Salman": "Crown Prince"}


def test_a_quote_after_a_tail_is_the_full_names(extractor: Extractor) -> None:
    found = enrich(
        extractor,
        'Senator Maria Luisa dela Rosa filed a bill on Monday. "Workers cannot wait another year," dela Rosa '
        "said in a statement.",
    )
    assert people(found) == {"Maria Luisa dela Rosa": "Senator"}
    assert [q.speaker for q in found.quotes] == ["Maria Luisa dela Rosa"]


def test_a_particle_opening_a_bodys_name_names_no_person(extractor: Extractor) -> None:
    found = enrich(
        extractor,
        "De Beers said it would cut prices. Visitors to the Van Gogh Museum were unaffected. Al Jazeera "
        "reported that the Port of Rotterdam was busy, and Instituto de Salud Carlos III said the risk was low. "
        "The Costa del Sol drew record visitors.",
    )
    assert people(found) == {}


def test_a_name_with_particles_beside_a_person_is_a_person(extractor: Extractor) -> None:
    found = enrich(extractor, "Ana de la Torre and Luis van Dijk signed the agreement for their ministries.")
    assert set(people(found)) == {"Ana de la Torre", "Luis van Dijk"}
