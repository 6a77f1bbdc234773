"""Names that stay whole and words that are no organisation: one rule a case, on hand-built Docs where the
parse matters (so the model's next version does not move them), and through the extractor for the rest."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from nlp.organisations import coordinated_bodies, head_reference, in_list_of_places, law_or_org
from nlp.people import extend_name, name_start, titled_names
from nlp.pipeline import Extractor
from presswatch.document import Document


def hand_doc(words: list[str], *, tags: list[str] | None = None, ents: list[str] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, tags=tags or ["NNP"] * len(words), ents=ents)


def entities(
    extractor: Extractor, text: str, *, url: str = "https://www.gov.uk/government/news/x"
) -> set[str]:
    document = Document.from_page(url=url, source="t", title="t", body=text)
    return {f"{m.label}:{m.normalized}" for m in extractor.enrich(document).entities}


def test_a_name_goes_on_over_name_words_the_model_left_out() -> None:
    doc = hand_doc(
        ["Mr", "Tan", "Kiat", "How", ",", "Senior", "Minister"],
        tags=["NNP", "NNP", "NNP", "NNP", ",", "NNP", "NNP"],
        ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    assert extend_name(doc, 1, 3) == 4  # not over the comma, nor onto 'Senior Minister'
    doc = hand_doc(["Maria", "van", "den", "Berg", "said"], tags=["NNP", "NNP", "NNP", "NNP", "VBD"])
    assert extend_name(doc, 0, 3) == 4  # 'Maria van den' + 'Berg'


def test_an_untagged_name_after_an_honorific_is_a_person() -> None:
    doc = hand_doc(["Dame", "Jane", "Doe", "DBE", ",", "chair"], tags=["NNP"] * 4 + [",", "NN"])
    assert [s.text for s in titled_names(doc)] == ["Dame Jane Doe"]
    assert titled_names(hand_doc(["Mr", "Speaker", ",", "I"], tags=["NNP", "NNP", ",", "PRP"])) == []


@pytest.mark.parametrize(
    ("words", "tags"),
    [
        (["Press", "Release"], ["NNP", "NNP"]),
        (["Read", "more"], ["VB", "JJR"]),
        (["AI"], ["NNP"]),
        (["4", "government"], ["CD", "NN"]),
        (["Consumer", "Price", "Index"], ["NNP", "NNP", "NNP"]),
        (["Aadhaar", "Card"], ["NNP", "NNP"]),
        (["Thomson", "Line"], ["NNP", "NNP"]),
        (["Valley", "Lines"], ["NNP", "NNPS"]),
        (["Territory"], ["NNP"]),
        (["Operation", "Clambake"], ["NNP", "NNP"]),
        (["secunia.com"], ["NNP"]),
        (["Metro", "Toronto", "Convention", "Centre"], ["NNP", "NNP", "NNP", "NNP"]),
        (["Fan", "Expo"], ["NNP", "NNP"]),
        (["GMT"], ["NNP"]),
    ],
)
def test_furniture_things_events_venues_and_documents_are_no_body(words: list[str], tags: list[str]) -> None:
    doc = hand_doc([*words, "."], tags=[*tags, "."])
    assert law_or_org(doc[0 : len(words)]) is None


def test_an_ordinal_opens_a_company_name() -> None:
    doc = hand_doc(["First", "MTR", "runs", "it"], tags=["NNP", "NNP", "VBZ", "PRP"])
    assert law_or_org(doc[0:2]) == "ORG"


def test_a_generic_word_alone_is_the_one_body_named_so() -> None:
    words = ["the", "Border", "Security", "Command", "said", ".", "The", "Command", "acted", "."]
    doc = hand_doc(words, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-ORG", "O", "O"])
    found = head_reference(doc[7:8])
    assert found is not None and found.text == "Border Security Command"
    doc = hand_doc(
        ["Parliament", "and", "the", "Scottish", "Parliament"], ents=["B-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]
    )
    assert head_reference(doc[0:1]) is None  # 'Parliament' is a body of its own


def test_the_demo_s_junk_names_are_gone(extractor: Extractor) -> None:
    found = entities(
        extractor,
        "Press Release\nThank you, Madam President. The Border Security Command published its report. "
        "The Command's officers made arrests. Ministers of all four governments met. AI safety was discussed.",
    )
    assert {e for e in found if e.startswith(("ORG:", "PERSON:"))} == {"ORG:Border Security Command"}


def test_names_of_many_traditions_stay_whole(extractor: Extractor) -> None:
    found = entities(
        extractor,
        "Minister Ronald Lamola met Naledi Pandor and Cyril Ramaphosa in Pretoria. "
        "MAS Managing Director Chia Der Jiun said the fund was ready. Dr Priya Raghavan CBE spoke. "
        "Anil Kumar Sharma, Joint Secretary, met Luis de la Fuente.",
        url="https://www.gov.za/news/x",
    )
    people = {e.removeprefix("PERSON:") for e in found if e.startswith("PERSON:")}
    assert people == {
        "Ronald Lamola",
        "Naledi Pandor",
        "Cyril Ramaphosa",
        "Chia Der Jiun",
        "Priya Raghavan",
        "Anil Kumar Sharma",
        "Luis de la Fuente",
    }


def test_a_government_named_by_its_leader_is_its_country(extractor: Extractor) -> None:
    found = entities(
        extractor,
        "The Albanese Government will cut fees, officials said.",
        url="https://www.pm.gov.au/media/x",
    )
    assert "GPE:Australia" in found
    assert not any(e.startswith(("ORG:", "PERSON:")) for e in found)


def test_a_name_starts_one_name_word_earlier_than_the_model_said() -> None:
    doc = hand_doc(["met", "Ana", "Paula", "Zacarias", "."], tags=["VBD", "NNP", "NNP", "NNP", "."])
    assert name_start(doc, 2) == 1
    doc = hand_doc(["Commissioner", "Johannes", "Hahn"])
    assert name_start(doc, 1) == 1  # a title is no name word
    doc = hand_doc(["maestro", "Ustad", "Nusrat", "Fateh", "Ali", "Khan"], tags=["NN"] + ["NNP"] * 5)
    assert name_start(doc, 4) == 2  # after the honorific 'Ustad'
    doc = hand_doc(
        ["in", "Rome", "Ana", "Paula"], tags=["IN", "NNP", "NNP", "NNP"], ents=["O", "B-GPE", "O", "B-PERSON"]
    )
    assert name_start(doc, 3) == 3  # after another capitalised word the name stays as tagged


def test_two_bodies_share_one_plural_organisation_word() -> None:
    words = ["with", "the", "Scottish", "and", "Welsh", "Governments", "."]
    doc = hand_doc(words, tags=["IN", "DT", "JJ", "CC", "NNP", "NNPS", "."])
    assert [names for _, names in coordinated_bodies(doc)] == [["Scottish Government", "Welsh Government"]]
    words = ["with", "the", "Catering", "and", "Food", "Services", "."]
    doc = hand_doc(words, tags=["IN", "DT", "NNP", "CC", "NNP", "NNPS", "."])
    assert coordinated_bodies(doc) == []


def test_a_title_before_a_name_tagged_as_a_body_makes_it_a_person(extractor: Extractor) -> None:
    found = entities(
        extractor,
        "The Honourable Mélanie Joly, Minister of Foreign Affairs, met officials. Tánaiste Micheál Martin spoke.",
        url="https://www.canada.ca/en/news/x.html",
    )
    assert {"PERSON:Mélanie Joly", "PERSON:Micheál Martin"} <= found
    assert not any(e.startswith("ORG:") for e in found)


def test_a_county_tagged_as_a_body_is_a_place(extractor: Extractor) -> None:
    found = entities(extractor, "Funding goes to Cornwall, Queensland and Gauteng.")
    assert not any(e.startswith(("ORG:", "PERSON:")) for e in found)


def test_a_word_in_a_list_of_places_is_a_place() -> None:
    words = ["towns", "including", "Bristol", ",", "Cardiff", "and", "Leeds"]
    heads = [0, 0, 1, 2, 2, 4, 4]
    deps = ["ROOT", "prep", "pobj", "punct", "conj", "cc", "conj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=["town", *words[1:]])
    assert in_list_of_places(doc[2:3]) and in_list_of_places(doc[6:7])
    words = ["Acme", ",", "Cardiff", "and", "Zeta", "signed"]
    heads = [5, 0, 0, 2, 2, 5]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "ROOT"]
    listed = {
        first: Doc(
            spacy.blank("en").vocab,
            words=words,
            heads=heads,
            deps=deps,
            ents=[first, "O", "B-GPE", "O", "B-ORG", "O"],
        )
        for first in ("B-ORG", "B-GPE")
    }
    doc = listed["B-ORG"]
    assert not in_list_of_places(doc[4:5])  # a list that holds a body is no list of places
    assert not in_list_of_places(doc[5:6])
    doc = listed["B-GPE"]
    assert in_list_of_places(doc[4:5])  # coordinated with places only, two items away
