"""Issue 19's eleventh round, on the real model: several agreements in one sentence or one text stay separate.
Nouns joined by 'and' with subjects of their own, a verb of its own per conjunct, a second agreement in an
adverbial, relative or participial clause, 'the existing agreement' beside a new one, counterparts paired
'respectively', and the status each clause gives its own agreement; each case beside one agreement named
twice (apposition, joined modifiers, one verb for both stages). Probes: `bench/agreement_probes.py --round11`."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import AUSTRALIA, EU, KENYA, WIRE
from tests.nlp.publishers import WHITE_HOUSE_BRIEFING as WHITE_HOUSE


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(use_classifier=False)


def found(extractor: Extractor, text: str, url: str = WIRE) -> list[tuple[tuple[str, ...], str]]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return sorted((tuple(sorted(a.parties)), a.status) for a in doc.agreements)


def each(*agreements: tuple[tuple[str, ...], str]) -> list[tuple[tuple[str, ...], str]]:
    return sorted((tuple(sorted(p)), s) for p, s in agreements)


_KE_RW = ("Kenya", "Rwanda")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # two agreement nouns joined by 'and': two agreements of the same sides
        (
            "Kenya and Rwanda signed a double taxation agreement and a memorandum on tourism.",
            each((_KE_RW, "signed"), (_KE_RW, "signed")),
        ),
        # ... not modifiers joined on one noun, nor a noun in apposition to the other
        ("Kenya and Rwanda signed a trade and investment agreement.", each((_KE_RW, "signed"))),
        (
            "Kenya and Rwanda signed the Joint Commission Agreement, a pact that sets up yearly ministerial talks.",
            each((_KE_RW, "signed")),
        ),
        # a verb of its own per conjunct, each with its own stage
        (
            "Kenya and Rwanda signed a free trade agreement and agreed to begin talks on a labour mobility "
            "arrangement.",
            each((_KE_RW, "signed"), (_KE_RW, "in_negotiation")),
        ),
        # ... one agreement, two verbs
        ("Kenya and Rwanda signed and ratified a free trade agreement.", each((_KE_RW, "in_force"))),
    ],
)
def test_joined_agreements(extractor: Extractor, text: str, want: list[tuple[tuple[str, ...], str]]) -> None:
    assert found(extractor, text) == want


def test_each_noun_with_its_own_other_side(extractor: Extractor) -> None:
    """The side the parser hangs on 'understanding' in 'a memorandum of understanding with Cambodia'."""
    text = "The President signed a trade agreement with Malaysia and a memorandum of understanding with Cambodia."
    assert found(extractor, text, WHITE_HOUSE) == each(
        (("United States", "Malaysia"), "signed"), (("United States", "Cambodia"), "signed")
    )


def test_a_clause_set_beside_the_main_one_has_its_own_sides(extractor: Extractor) -> None:
    text = (
        "France and Italy signed a defence pact, while Spain and Portugal launched talks on an energy treaty."
    )
    assert found(extractor, text) == each(
        (("France", "Italy"), "signed"), (("Spain", "Portugal"), "in_negotiation")
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a definite agreement told apart by a clause of its own is another one
        (
            "India and Australia signed a migration arrangement, building on the trade agreement that took "
            "effect in 2022.",
            each((("India", "Australia"), "signed"), (("India", "Australia"), "in_force")),
        ),
        # 'the existing agreement' beside a new one is another, not the one just said
        (
            "Kenya and Ethiopia signed a power trade agreement on Monday. The deal builds on the existing road "
            "transport agreement between the two countries.",
            each((("Kenya", "Ethiopia"), "signed"), (("Kenya", "Ethiopia"), "in_force")),
        ),
        # ... a sentence that only points back adds none
        (
            "Kenya and Ethiopia signed a power trade agreement on Monday. The deal will double electricity "
            "exports.",
            each((("Kenya", "Ethiopia"), "signed")),
        ),
    ],
)
def test_another_agreement_in_a_clause_or_sentence(
    extractor: Extractor, text: str, want: list[tuple[tuple[str, ...], str]]
) -> None:
    assert found(extractor, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ghana signed a fisheries agreement and a cocoa agreement with Togo and Benin respectively.",
            each((("Ghana", "Togo"), "signed"), (("Ghana", "Benin"), "signed")),
        ),
        # without 'respectively' both agreements are with both
        (
            "Ghana signed a fisheries agreement and a cocoa agreement with Togo and Benin.",
            each((("Ghana", "Togo", "Benin"), "signed"), (("Ghana", "Togo", "Benin"), "signed")),
        ),
    ],
)
def test_respectively(extractor: Extractor, text: str, want: list[tuple[tuple[str, ...], str]]) -> None:
    assert found(extractor, text) == want


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The ministers welcomed the signing of a labour mobility framework between Fiji and Samoa.",
            "signed",
        ),
        (
            "The ministers will witness the signing of a labour mobility framework between Fiji and Samoa.",
            "planned",
        ),
    ],
)
def test_the_signing_of(extractor: Extractor, text: str, status: str) -> None:
    assert found(extractor, text) == each((("Fiji", "Samoa"), status))


def test_a_named_partnership_discussed_stands_beside_a_new_one(extractor: Extractor) -> None:
    text = (
        "The Prime Minister and the President discussed the AUKUS partnership and welcomed the signing of a new "
        "critical minerals framework between the United States and Australia."
    )
    assert found(extractor, text, AUSTRALIA) == each(
        (("Australia", "United Kingdom", "United States"), "in_force"),
        (("United States", "Australia"), "signed"),
    )


def test_a_new_partnership_discussed_is_in_negotiation(extractor: Extractor) -> None:
    text = "The ministers discussed a new defence partnership between Australia and Fiji."
    assert found(extractor, text, AUSTRALIA) == each((("Australia", "Fiji"), "in_negotiation"))


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # a body's short name in brackets is that body, one agreement per counterpart
        (
            "In Lima, the European Border and Coast Guard Agency (Frontex) signed working arrangements with "
            "Peru and Colombia.",
            EU,
            each(
                (("European Border and Coast Guard Agency", "Peru"), "signed"),
                (("European Border and Coast Guard Agency", "Colombia"), "signed"),
            ),
        ),
        # ... a country in brackets is no short name
        (
            "The Ministry of Foreign Affairs (Kenya) signed an agreement with Uganda.",
            KENYA,
            each((("Kenya", "Uganda"), "signed")),
        ),
    ],
)
def test_short_names_in_brackets(
    extractor: Extractor, text: str, url: str, want: list[tuple[tuple[str, ...], str]]
) -> None:
    assert found(extractor, text, url) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 'with each of' the counterparts: one agreement with each
        (
            "Kenya signed an agreement with each of Uganda, Tanzania and Rwanda.",
            each(
                (("Kenya", "Uganda"), "signed"),
                (("Kenya", "Tanzania"), "signed"),
                (("Kenya", "Rwanda"), "signed"),
            ),
        ),
        # ... a singular agreement with several is one joint agreement
        (
            "Kenya signed an agreement with Uganda, Tanzania and Rwanda.",
            each((("Kenya", "Uganda", "Tanzania", "Rwanda"), "signed")),
        ),
    ],
)
def test_one_with_each(extractor: Extractor, text: str, want: list[tuple[tuple[str, ...], str]]) -> None:
    assert found(extractor, text, KENYA) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the second noun the parser joined to the first's counterpart is an agreement of its own
        (
            "Canada signed a free trade agreement with Ecuador and a digital economy agreement with Chile.",
            each((("Canada", "Ecuador"), "signed"), (("Canada", "Chile"), "signed")),
        ),
        # the side the parser hung on what a memorandum is about
        (
            "Canada signed a memorandum of understanding on health with Peru and a fisheries arrangement with "
            "Chile.",
            each((("Canada", "Peru"), "signed"), (("Canada", "Chile"), "signed")),
        ),
    ],
)
def test_each_noun_its_own_counterpart(
    extractor: Extractor, text: str, want: list[tuple[tuple[str, ...], str]]
) -> None:
    assert found(extractor, text, "https://www.canada.ca/en/news/x") == want


def test_a_signed_framework_is_an_agreement(extractor: Extractor) -> None:
    text = "Kenya and Rwanda signed a ten-year defence framework and launched talks on a trade agreement."
    assert found(extractor, text) == each((_KE_RW, "signed"), (_KE_RW, "in_negotiation"))


def test_a_regulatory_framework_is_none(extractor: Extractor) -> None:
    assert found(extractor, "Kenya adopted a new regulatory framework for mobile money.", KENYA) == []


def test_the_one_in_force_beside_a_new_one_in_a_relative_clause(extractor: Extractor) -> None:
    """The agreement inside 'which will run alongside ...' takes the sides of the clause that signs the other."""
    text = (
        "Kenya and Rwanda signed a strategic partnership, which will run alongside the trade agreement in force "
        "since 2019."
    )
    assert found(extractor, text) == each((_KE_RW, "signed"), (_KE_RW, "in_force"))
