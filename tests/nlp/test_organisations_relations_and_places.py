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


def test_what_an_agreement_is_on_is_no_body_and_ends_the_body_before_it(extractor: Extractor) -> None:
    text = (
        "1. Memorandum of Understanding between the Ministry of Health of India and the Ministry of Health of"
        " Indonesia on Health Cooperation.\n2. MoU between the Indian Coast Guard and the Indonesian Maritime"
        " Security Agency on Maritime Safety and Security."
    )
    assert organisations(extractor, text, url="https://www.mea.gov.in/outcomes") == {
        "Ministry of Health of India",
        "Ministry of Health of Indonesia",
        "Indian Coast Guard",
        "Indonesian Maritime Security Agency",
    }


def test_a_body_named_for_the_subject_it_sits_on_keeps_it(extractor: Extractor) -> None:
    text = "The Senate Committee on Foreign Relations and the Intergovernmental Panel on Climate Change met."
    assert organisations(extractor, text) == {
        "Senate Committee on Foreign Relations",
        "Intergovernmental Panel on Climate Change",
    }
