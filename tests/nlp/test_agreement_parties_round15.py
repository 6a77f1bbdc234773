"""Issue 19's fifteenth round of party rules, on the real model: sides a text names only through their officials.
Two officials named with their countries and then referred to by their titles ('The two Ministers signed', 'The
Secretary and the Defense Secretary signed') are those countries; a capitalised 'Ministers' is no body; a bare
deal in a sentence that holds talks with a country or international body is with it, and being negotiated; an
acronym the text spells out itself is its own body as a side, not a table's. Each case on one side of the
boundary."""

import pytest

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.publishers import CANADA, SINGAPORE, STATE, WIRE
from tests.nlp.publishers import PHILIPPINES_DEFENCE as PHILIPPINES
from tests.nlp.test_agreement_parties_round6 import parties_at, sets


@pytest.mark.parametrize(
    ("text", "url", "want"),
    [
        # officials named before, referred to by their titles
        (
            "Minister for Sustainability and the Environment Grace Fu met Danish Minister for Climate Lars Aagaard "
            "in Copenhagen. The two Ministers signed a Memorandum of Understanding on green shipping.",
            SINGAPORE,
            sets(("Singapore", "Denmark")),
        ),
        (
            "Minister of Foreign Affairs Mélanie Joly welcomed Brazilian Foreign Minister Mauro Vieira to Ottawa. "
            "The Ministers agreed to launch negotiations on a social security agreement.",
            CANADA,
            sets(("Canada", "Brazil")),
        ),
        (
            "Secretary of Defense Pete Hegseth met with Philippine Defense Secretary Gilberto Teodoro in Manila. "
            "The Secretary and the Defense Secretary signed an agreement on maritime security.",
            STATE,
            sets(("United States", "Philippines")),
        ),
        # a title alone refers to no group
        (
            "Secretary of State Marco Rubio met Secretary of Commerce Howard Lutnick in Washington. The Minister "
            "welcomed the agreement.",
            STATE,
            set(),
        ),
        # a bare deal in a sentence that holds talks with an international body
        (
            "Norway's fisheries minister, Marianne Sivertsen Naess, said on Friday that talks with the EU on "
            "mackerel quotas were going well, but warned that no deal would be reached before March.",
            WIRE,
            sets(("Norway", "European Union")),
        ),
        (
            "Norway's fisheries minister said on Friday that no deal would be reached before March.",
            WIRE,
            set(),
        ),
        # the text's own acronym, not a table's
        (
            "The Armed Forces of the Philippines (AFP) held joint drills in Luzon. The AFP signed a defence "
            "cooperation pact with New Zealand on Monday.",
            PHILIPPINES,
            sets(("Armed Forces of the Philippines", "New Zealand")),
        ),
        (
            "Agence France-Presse (AFP) held talks with publishers in Paris. The AFP signed a licensing agreement "
            "with the European Broadcasting Union on Monday.",
            WIRE,
            sets(("Agence France-Presse", "European Broadcasting Union")),
        ),
    ],
)
def test_sides_named_through_their_officials(
    extractor: Extractor, text: str, url: str, want: set[tuple[str, ...]]
) -> None:
    assert parties_at(extractor, text, url) == want


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(use_classifier=False)


def test_a_deal_in_a_sentence_of_talks_is_being_negotiated(rules: Extractor) -> None:
    """'talks with the United States were progressing, but a deal was unlikely before the summer': the deal is
    the talks', in negotiation, by the rules (not only where the classifier fills a status they leave)."""
    text = (
        "Switzerland's economy minister, Guy Parmelin, said on Tuesday that talks with the United States on "
        "tariffs were progressing, but cautioned that a deal was unlikely before the summer."
    )
    doc = rules.enrich(Document.from_page(url=WIRE, source="t", title="t", body=text))
    assert [(sorted(a.parties), a.status) for a in doc.agreements] == [
        (["Switzerland", "United States"], "in_negotiation")
    ]
