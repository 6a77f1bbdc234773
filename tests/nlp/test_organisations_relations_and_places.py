"""Names the model tags as organisations that are a relation between states or a city the text puts somewhere.
Each text was written for the test, in the styles of Singapore and Australian releases and business news."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.test_organisation_rules import organisations


def test_a_strategic_partnership_between_states_is_no_organisation(extractor: Extractor) -> None:
    text = (
        "The pact builds on the Singapore-Australia Comprehensive Strategic Partnership, which has been in place"
        " since 2015."
    )
    assert organisations(extractor, text, url="https://www.mfa.gov.sg/news") == set()
    assert organisations(extractor, "The Open Government Partnership published its report.") == {
        "Open Government Partnership"
    }


def test_a_city_the_text_puts_somewhere_is_a_place_wherever_it_is_named(extractor: Extractor) -> None:
    text = 'The company will build 129 vehicles in Geelong. "This is a great day for Geelong," the minister said.'
    assert organisations(extractor, text) == set()


def test_a_company_bearing_a_citys_name_stays_a_company_where_money_goes_into_it(
    extractor: Extractor,
) -> None:
    text = "Shareholders who invested in Nokia lost money. Nokia said profits fell."
    assert organisations(extractor, text) == {"Nokia"}
