"""Titles around people's names on the real model: a plural title before several names, a title alone, and
an office named shortly ('the Minister') for the one holder named before (probes batch 5)."""

from __future__ import annotations

from nlp.pipeline import Extractor
from presswatch.document import Document


def enrich(extractor: Extractor, text: str) -> Document:
    return extractor.enrich(Document.from_page(url="http://t.test/t", source="t", title="t", body=text))


def roles(extractor: Extractor, text: str) -> dict[str, str | None]:
    return {m.normalized: m.role for m in enrich(extractor, text).entities if m.label == "PERSON"}


def test_a_plural_title_is_each_named_persons_role(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "At Camp David, Presidents Sadat and Carter and Prime Minister Begin reached a framework for peace. "
        "I have asked Secretaries Vance and Brown to report to the Congress on its progress.",
    )
    assert found == {
        "Sadat": "President",
        "Carter": "President",
        "Begin": "Prime Minister",
        "Vance": "Secretary",
        "Brown": "Secretary",
    }


def test_a_plural_title_the_model_cut_keeps_its_first_word(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "At Potsdam, in July 1945, Marshal Stalin, Prime Ministers Churchill and Attlee, and I met to "
        "exchange views.",
    )
    assert found.get("Churchill") == "Prime Minister" and found.get("Attlee") == "Prime Minister"


def test_a_plural_title_word_in_a_prizes_name_names_nobody(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "We won the prestigious Digital Leaders Top 100 Awards for our driving licence service.",
    )
    assert found == {}


def test_a_title_alone_is_no_person(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "Mr. Speaker, Mr. President, I report that the Rush-Bagot Agreement still keeps the Great Lakes "
        "free of warships. The Marshall Plan has restored the economies of Western Europe.",
    )
    assert found == {}


def test_the_minister_is_the_holder_named_before(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "New Delhi: The Union Minister of Railways, Shri Ashwini Vaishnaw, flagged off the new train from "
        "Varanasi today. Addressing the gathering, the Minister said:\n\nThis train is a symbol of a new "
        "India that moves fast.\n\nThe Chief Minister of Uttar Pradesh, Shri Yogi Adityanath, was also "
        "present.",
    )
    assert [(q.speaker, q.role) for q in doc.quotes] == [("Ashwini Vaishnaw", "Union Minister of Railways")]


def test_the_minister_with_two_holders_named_before_is_nobody_in_particular(extractor: Extractor) -> None:
    doc = enrich(
        extractor,
        "The Union Minister of Railways, Shri Ashwini Vaishnaw, and the Chief Minister of Uttar Pradesh, "
        "Shri Yogi Adityanath, opened the station. Addressing the gathering, the Minister said:\n\nThis "
        "train is a symbol of a new India that moves fast.",
    )
    assert [q.speaker for q in doc.quotes] != ["Ashwini Vaishnaw"]
    assert [q.speaker for q in doc.quotes] != ["Yogi Adityanath"]


def test_a_name_after_a_title_that_the_model_took_for_a_place(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "It means returning stolen assets to people like President Buhari and President Ghani. President "
        "Erdogan met Chancellor Scholz.",
    )
    assert found == {
        "Buhari": "President",
        "Ghani": "President",
        "Erdogan": "President",
        "Scholz": "Chancellor",
    }


def test_a_surname_that_is_a_title_word_after_a_title_is_a_person(extractor: Extractor) -> None:
    assert roles(extractor, "Minister Bishop said the homes would be built.") == {"Bishop": "Minister"}


def test_a_military_rank_before_two_names_or_more_opens_a_name_the_model_missed(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "Chief of Army Staff Field Marshal Syed Asim Munir was also present. "
        "Air Chief Marshal Zaheer Ahmed Babar Sidhu attended the ceremony.",
    )
    assert found == {
        "Syed Asim Munir": "Chief of Army Staff Field Marshal",
        "Zaheer Ahmed Babar Sidhu": "Air Chief Marshal",
    }


def test_each_title_in_a_list_of_titled_names_is_its_own_names(extractor: Extractor) -> None:
    found = roles(
        extractor,
        "The agreement was signed in Manila by Secretary of Foreign Affairs Enrique Manalo, Secretary of "
        "National Defense Gilberto Teodoro, Japanese Foreign Minister Yoko Kamikawa and Defence Minister "
        "Minoru Kihara.",
    )
    assert found == {
        "Enrique Manalo": "Secretary of Foreign Affairs",
        "Gilberto Teodoro": "Secretary of National Defense",
        "Yoko Kamikawa": "Japanese Foreign Minister",
        "Minoru Kihara": "Defence Minister",
    }


def test_two_portfolios_joined_before_a_title_are_one_office_and_no_body(extractor: Extractor) -> None:
    text = "The agreement was signed by Commerce and Industry Minister Shri Piyush Goyal in London."
    document = enrich(extractor, text)
    assert roles(extractor, text) == {"Piyush Goyal": "Commerce and Industry Minister"}
    assert [m.normalized for m in document.entities if m.label == "ORG"] == []
