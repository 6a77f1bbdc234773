"""Organisations in government texts (addresses of every era, statements to Parliament, ministry releases):
money set aside and programmes are no bodies ('the Strategic Petroleum Reserve', 'a Common Fund'), a state by its
formal name is its country ('the Dominion of Canada'), 'the House' of a UK statement is a chamber, a body's name
does not run on into what it acts on ('the Congress' + 'of the Trade Agreement'), and a programme of the United
Nations is one of its bodies. Each text was written for the test, in the styles `bench/organisation_probes.py`
(batch 32) probes."""

from __future__ import annotations

from nlp.pipeline import Extractor
from tests.nlp.publishers import WHITE_HOUSE
from tests.nlp.test_organisation_rules import organisations as organisations_at

ADDRESS = "https://www.presidency.ucsb.edu/documents/annual-message-test"
STATEMENT = "https://www.gov.uk/government/speeches/statement-test"


def organisations(extractor: Extractor, text: str, *, url: str = ADDRESS) -> set[str]:
    return organisations_at(extractor, text, url=url)


# --- money set aside and programmes ---


def test_a_fund_that_pays_for_something_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Coastal Resilience Fund will pay for new sea walls, and the Environment Agency will build them.",
        url=STATEMENT,
    )
    assert found == {"Environment Agency"}


def test_a_reserve_of_oil_is_no_body_but_a_forces_reserve_is(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "We have sold 20 million barrels from the Strategic Petroleum Reserve. The Army Reserve will recruit "
        "5,000 more soldiers.",
    )
    assert "Strategic Petroleum Reserve" not in found
    assert "Army Reserve" in found


def test_a_partnership_states_pay_into_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Ghana will contribute $10 million to the West African Clean Energy Partnership this year.",
        url="https://presidency.gov.gh/test",
    )
    assert found == set()


def test_a_fund_that_speaks_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The Pacific Resilience Fund said it would lend $20 million to Tonga.", url=STATEMENT
    )
    assert found == {"Pacific Resilience Fund"}


def test_a_programme_of_the_united_nations_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "We will give $5 million more to the United Nations Development Program in Africa."
    )
    assert found == {"United Nations Development Program"}


def test_an_evaluation_nations_join_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Thirty nations have joined the International Grain Reserves Evaluation this year."
    )
    assert found == set()


# --- states by their formal names ---


def test_a_state_by_its_formal_name_is_its_country(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The Government of the Dominion of Canada has accepted the award, and the Commonwealth of Australia "
        "has asked the Permanent Court of Arbitration to hear its claim. The Government of the United Kingdom "
        "has joined them.",
    )
    assert found == {"Permanent Court of Arbitration"}


def test_a_state_by_its_demonym_and_form_is_its_country(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The sovereign Federal German Republic has joined the Western European Union."
    )
    assert found == {"Western European Union"}


# --- where a body's name ends ---


def test_a_bodys_name_does_not_run_into_what_it_approves(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "I will seek early approval by the Congress of the Fisheries Agreement concluded with Canada.",
    )
    assert found == {"United States Congress"}


def test_a_bodys_name_does_not_run_into_a_hyphenated_programme(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Nigeria has secured $300 million from the Islamic Development Bank for the Rural Agro-Industrial "
        "Zones Initiative.",
        url="https://statehouse.gov.ng/news/test",
    )
    assert found == {"Islamic Development Bank"}


def test_an_international_agency_to_be_created_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "Negotiations are under way to create an International Agency that would pool research."
    )
    assert found == set()


# --- the House, acronyms and the bodies' own names ---


def test_the_house_of_a_statement_to_parliament_is_the_house_of_commons(extractor: Extractor) -> None:
    found = organisations(
        extractor, "I will update the House on our progress in the spring, Mr Speaker.", url=STATEMENT
    )
    assert found == {"House of Commons"}


def test_the_house_of_a_statement_to_the_lords_is_the_house_of_lords(extractor: Extractor) -> None:
    found = organisations(
        extractor, "My Lords, I shall report to this House again before the summer.", url=STATEMENT
    )
    assert found == {"House of Lords"}


def test_a_treaty_organizations_acronym_is_its_full_name(extractor: Extractor) -> None:
    found = organisations(extractor, "We have taken part in the deliberations of CENTO and of SEATO.")
    assert found == {"Central Treaty Organization", "Southeast Asia Treaty Organization"}


def test_a_bodys_us_is_written_united_states(extractor: Extractor) -> None:
    """The guide: one body, one key, however the text abbreviates its country."""
    found = organisations(
        extractor,
        "U.S. Immigration and Customs Enforcement arrested 300 people last month, and the U.S. Army Corps of"
        " Engineers closed the channel. The U.S. Securities and Exchange Commission fined the firm, and the"
        " 9th U.S. Circuit Court of Appeals heard the appeal.",
    )
    assert found == {
        "United States Immigration and Customs Enforcement",
        "United States Army Corps of Engineers",
        "United States Securities and Exchange Commission",
        "9th United States Circuit Court of Appeals",
    }


def test_an_acronym_of_a_body_named_without_its_country_stays_so(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The EPA and the FDA said on Monday that they would review the rule.",
        url=WHITE_HOUSE,
    )
    assert found == {"Environmental Protection Agency", "Food and Drug Administration"}


def test_a_partnership_named_in_what_it_awards_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "Schools holding the Healthy Schools Partnership bronze award must publish their menus.",
        url=STATEMENT,
    )
    assert found == {"Healthy Schools Partnership"}


def test_the_general_assembly_where_leaders_meet_is_the_united_nations(extractor: Extractor) -> None:
    found = organisations(
        extractor, "We have agreed to meet again at the UN General Assembly in September.", url=STATEMENT
    )
    assert found == {"United Nations"}


def test_a_common_market_is_a_body(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The members of the European Common Market have lowered their tariffs on our wheat."
    )
    assert found == {"European Common Market"}


def test_a_name_before_a_boundary_is_the_lines(extractor: Extractor) -> None:
    found = organisations(
        extractor, "The commissioners will mark the Canadian International boundary in the waters of the bay."
    )
    assert found == set()


def test_a_city_after_a_tribunal_or_a_conference_at_is_no_body(extractor: Extractor) -> None:
    found = organisations(
        extractor,
        "The claim was determined by a favorable award of the tribunal of arbitration at Berne, to which it "
        "was submitted in 1891. The question has been laid before the conference at Algeciras.",
    )
    assert found == set()
