"""Whole names of several words in short news reports, on the real model: the recall and boundary probe
batches 18-20 (`bench/organisation_probes.py`): teams, bands and parties named in the plural, names the model
cut at 'and' or after a country's name, and names of three words or more that a verb makes bodies."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_boundaries import organisations


def test_a_name_of_three_words_that_reports_something_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Yorkshire Evening Post first reported the closure. Kelley Blue Book, which Cox owns, reported "
        "similar figures.",
    )
    assert {"Yorkshire Evening Post", "Kelley Blue Book"} <= found


def test_a_team_named_in_the_plural_is_one_body_and_its_short_name_the_same(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Chicago White Sox beat the Detroit Tigers 6-2 on Saturday. Tigers manager A. J. Hinch said the "
        "team had run out of ideas. The Sacramento Kings signed forward Malik Osei, the team said; he spent "
        "last season with the Charlotte Hornets.",
    )
    assert {"Chicago White Sox", "Detroit Tigers", "Sacramento Kings", "Charlotte Hornets"} <= found
    assert not {"Tigers", "Detroit Tigers 6-2"} & found


def test_a_plural_name_is_no_body_where_the_text_speaks_of_no_team_or_writes_it_in_lower_case(
    extractor: Extractor,
) -> None:
    assert (
        organisations(
            extractor,
            "The Crown Dependencies have their own laws. The Overseas Territories are small territories.",
        )
        == set()
    )
    assert "Overseas Territories" not in organisations(
        extractor,
        "The team visited the Overseas Territories, three territories in the Atlantic, in June.",
    )


def test_a_name_cut_at_and_goes_on_to_its_organisation_word(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Patients were moved to Moi Teaching and Referral Hospital in Eldoret. Members of the National "
        "Association of Software and Service Companies met in Pune.",
    )
    assert {
        "Moi Teaching and Referral Hospital",
        "National Association of Software and Service Companies",
    } <= found


def test_a_countrys_name_the_model_cut_off_opens_the_bodys_name(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Kenya National Union of Nurses said the strike would spread to every county on Wednesday.",
    )
    assert found == {"Kenya National Union of Nurses"}
