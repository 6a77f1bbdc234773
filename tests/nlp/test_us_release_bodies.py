"""Bodies, people and countries as US federal releases name them (the gov16 tune texts' kinds), through the
Extractor on the real model: lists of departments, the Kremlin, a body's 'UN'."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document

_STATE = "https://www.state.gov/joint-statement/"


def _entities(extractor: Extractor, text: str, label: str, *, url: str = _STATE) -> set[str]:
    document = Document.from_page(url=url, source="t", title="t", body=text)
    return {m.normalized for m in extractor.enrich(document).entities if m.label == label}


def test_a_comma_list_of_departments_is_one_body_each(extractor: Extractor) -> None:
    found = _entities(
        extractor,
        "Senior officials from the Department of Labor, Department of Transportation, Department of the "
        "Interior, and the Environmental Protection Agency joined the call.",
        "ORG",
    )
    assert {
        "United States Department of Labor",
        "United States Department of Transportation",
        "United States Department of the Interior",
    } <= found
    assert not any("," in name for name in found)


def test_a_list_of_names_with_commas_inside_them_splits_where_a_name_opens(extractor: Extractor) -> None:
    found = _entities(
        extractor,
        "The Department of Industry, Science and Resources, Department of Education and Department of "
        "Employment and Workplace Relations will share the funding.",
        "ORG",
        url="https://www.industry.gov.au/news/funding",
    )
    assert {
        "Department of Industry, Science and Resources",
        "Department of Education",
        "Department of Employment and Workplace Relations",
    } <= found


def test_the_kremlin_is_russias_government_unless_it_speaks(extractor: Extractor) -> None:
    text = (
        "The sanctions raise the cost of the Kremlin’s aggression, and the Kremlin will be held to account "
        "by the European Union and the Group of Seven."
    )
    found = _entities(extractor, text, "ORG")
    assert "European Union" in found
    assert not any("Kremlin" in name for name in found)
    # speaking, it is the presidential office it houses, as 'the White House said' is
    assert "Kremlin" in _entities(extractor, "The Kremlin said on Monday that the talks had failed.", "ORG")


def test_a_bodys_opening_un_is_written_out(extractor: Extractor) -> None:
    found = _entities(
        extractor, "The grant supports the UN Support Mission in Libya and its staff in Tripoli.", "ORG"
    )
    assert "United Nations Support Mission in Libya" in found


def test_a_government_named_by_its_demonyms_is_each_country(extractor: Extractor) -> None:
    found = _entities(
        extractor,
        "The Swedish and Finnish governments are sending air-defence systems to Ukraine, and we welcome the "
        "Japanese Government's pledge. The Scottish Government and the Japanese Government Pension Investment "
        "Fund were not involved.",
        "GPE",
    )
    assert {"Sweden", "Finland", "Japan", "Ukraine"} <= found
    assert "United Kingdom" not in found


def test_a_countrys_formal_name_with_a_typeset_apostrophe_is_that_country(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="Talks with the People’s Republic of China and the Democratic People’s Republic of Korea stalled.",
    )
    codes = {m.code for m in extractor.enrich(document).entities if m.label == "GPE"}
    assert codes == {"CN", "KP"}


def test_centuries_are_a_duration_not_a_count(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="The consulate opened three centuries ago, and 40 diplomats now work there.",
    )
    counts = {(f.value, f.unit) for f in extractor.enrich(document).figures if f.kind == "count"}
    assert counts == {(40.0, "diplomat")}


def test_a_leader_named_by_surname_in_a_possessive_is_a_person(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="The new measures answer Lukashenko’s crackdown on the opposition and the protesters he jailed, "
        "as the Gorbachev government once answered strikes.",
    )
    people = {m.normalized for m in extractor.enrich(document).entities if m.label == "PERSON"}
    assert people == {"Lukashenko"}


def test_an_office_of_a_department_before_a_name_is_the_role(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="Japanese Vice-Minister Kenji Sato and Counselor of the Department of State Laura Grant opened the talks.",
    )
    people = {(m.normalized, m.role) for m in extractor.enrich(document).entities if m.label == "PERSON"}
    assert ("Laura Grant", "Counselor of the Department of State") in people


def test_a_whole_name_the_model_leaves_untagged_after_an_office_of_a_body(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="The talks paired Mexican Foreign Secretary Alicia Bárcena and U.S. Secretary of Homeland Security "
        "Alejandro N. Mayorkas.",
    )
    people = {(m.normalized, m.role) for m in extractor.enrich(document).entities if m.label == "PERSON"}
    assert ("Alejandro N. Mayorkas", "U.S. Secretary of Homeland Security") in people


def test_a_white_house_councils_director_after_a_name(extractor: Extractor) -> None:
    document = Document.from_page(
        url="https://www.whitehouse.gov/briefing-room/readout/",
        source="t",
        title="t",
        body="Today, Sam Reed, White House Competition Policy Council Director, met with farmers from Iowa.",
    )
    entities = extractor.enrich(document).entities
    people = {(m.normalized, m.role) for m in entities if m.label == "PERSON"}
    assert ("Sam Reed", "White House Competition Policy Council Director") in people
    assert "White House Competition Policy Council" in {m.normalized for m in entities if m.label == "ORG"}


def test_the_partnership_with_a_country_is_a_relation_not_an_agreement(extractor: Extractor) -> None:
    def agreements(text: str) -> set[tuple[frozenset[str], str]]:
        document = Document.from_page(url=_STATE, source="t", title="t", body=text)
        return {(frozenset(a.parties), a.status) for a in extractor.enrich(document).agreements}

    assert (
        agreements("We are grateful for the partnership with Japan and Australia and their support.") == set()
    )
    assert (
        agreements("Both leaders praised the U.S.-Japan partnership in meeting shared challenges.") == set()
    )
    assert agreements("The United States and Japan signed a partnership on critical minerals.") == {
        (frozenset({"United States", "Japan"}), "signed")
    }


def test_in_the_framework_of_is_no_agreement(extractor: Extractor) -> None:
    document = Document.from_page(
        url=_STATE,
        source="t",
        title="t",
        body="The United States and Romania held talks. The delegations discussed energy security and "
        "cooperation in the framework of the Bucharest Nine and NATO.",
    )
    assert extractor.enrich(document).agreements == ()
