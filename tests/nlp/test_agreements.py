"""Agreement parties and status on the real model."""

import pytest

from nlp.pipeline import Extractor
from nlp.publishers import publishing_government
from presswatch.document import Agreement, Document
from tests.nlp.publishers import WHITE_HOUSE


def agreements(extractor: Extractor, text: str) -> list[Agreement]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    return list(doc.agreements)


@pytest.mark.parametrize(
    ("text", "status", "parties"),
    [
        (
            "Britain and France signed a treaty on the return of migrants.",
            "signed",
            {"United Kingdom", "France"},
        ),
        ("The UK and India have signed a free trade agreement.", "signed", {"United Kingdom", "India"}),
        (
            "The UK and Canada are negotiating an agreement on critical minerals.",
            "in_negotiation",
            {"United Kingdom", "Canada"},
        ),
        (
            "The US and Japan are expected to sign a memorandum of understanding next week.",
            "planned",
            {"United States", "Japan"},
        ),
    ],
)
def test_status_and_parties(extractor: Extractor, text: str, status: str, parties: set[str]) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status
    assert set(found.parties) == parties


def test_cities_are_places_not_parties(extractor: Extractor) -> None:
    [found] = agreements(extractor, "In London, the UK and Norway signed a defence agreement.")
    assert set(found.parties) == {"United Kingdom", "Norway"}


def test_parties_come_from_the_signing_clause(extractor: Extractor) -> None:
    text = "That is why the UK has signed agreements with Serbia and Kosovo, and why we are working with Italy and Greece."
    found = agreements(extractor, text)
    assert {a.parties for a in found} == {("United Kingdom", "Serbia"), ("United Kingdom", "Kosovo")}


def test_a_restatement_is_not_a_second_agreement(extractor: Extractor) -> None:
    text = (
        "The UK will sign new agreements with Serbia and Kosovo.\n"
        "The minister said the agreements with Serbia and Kosovo would help."
    )
    assert len(agreements(extractor, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # the same sides, the same status, two things agreed (issue 19): two agreements
        "Canada signed an agreement with Kenya to expand air services. Canada also signed an agreement with "
        "Kenya to share weather data.",
        # 'another', 'a second': an agreement other than the one before
        "India signed an agreement with Japan on Monday. On Tuesday India signed another agreement with Japan.",
    ],
)
def test_two_agreements_between_the_same_sides_stay_two(extractor: Extractor, text: str) -> None:
    assert len(agreements(extractor, text)) == 2


def test_the_same_agreement_said_twice_stays_one(extractor: Extractor) -> None:
    text = (
        "Canada signed an agreement with Kenya to expand air services. The air services agreement between "
        "Canada and Kenya was signed in Nairobi."
    )
    assert len(agreements(extractor, text)) == 1


def test_no_agreement_without_one(extractor: Extractor) -> None:
    assert agreements(extractor, "The UK and France held talks about the weather in Paris.") == []


def test_agreeing_to_act_is_an_agreement(extractor: Extractor) -> None:
    [found] = agreements(extractor, "The UK and Germany have agreed to build an electricity interconnector.")
    assert set(found.parties) == {"United Kingdom", "Germany"}


def test_a_time_clause_names_no_party(extractor: Extractor) -> None:
    text = "This is the biggest trade deal the UK has struck since leaving the European Union."
    assert all("European Union" not in a.parties for a in agreements(extractor, text))


def parties_and_status(found: list[Agreement]) -> set[tuple[tuple[str, ...], str]]:
    return {(a.parties, a.status) for a in found}


@pytest.mark.parametrize(
    "text",
    [
        "The UK will sign new agreements with Serbia, North Macedonia and Kosovo to tackle illegal migration.",
        "UK to sign new agreements with Serbia, North Macedonia and Kosovo.",
    ],
)
def test_plural_agreements_with_several_countries_are_one_per_country(
    extractor: Extractor, text: str
) -> None:
    assert parties_and_status(agreements(extractor, text)) == {
        (("United Kingdom", "Serbia"), "planned"),
        (("United Kingdom", "North Macedonia"), "planned"),
        (("United Kingdom", "Kosovo"), "planned"),
    }


def test_a_singular_agreement_of_several_parties_is_one_joint_agreement(extractor: Extractor) -> None:
    [found] = agreements(extractor, "The treaty between Germany, France and Italy was signed in Rome.")
    assert (found.parties, found.status) == (("Germany", "France", "Italy"), "signed")


def test_a_sentence_pointing_back_adds_its_parties_and_evidence(extractor: Extractor) -> None:
    text = (
        "Australia will sign a new agreement to protect shipping lanes. "
        "The memorandum will cover joint patrols with Indonesia."
    )
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("Australia", "Indonesia"), "planned")
    assert len(found.evidence) == 2
    assert found.subject == "protect shipping lanes"


def test_the_announcing_government_is_a_party(extractor: Extractor) -> None:
    text = (
        "Britain is stepping up its response to smuggling. "
        "The government will sign a memorandum of understanding with Serbia next week."
    )
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("United Kingdom", "Serbia"), "planned")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("France already has a returns agreement with Albania.", ("France", "Albania")),
        ("The existing agreement between Norway and Iceland covers fishing.", ("Norway", "Iceland")),
        (
            "Under the 2019 agreement with Albania, the UK returned 5,000 people.",
            ("United Kingdom", "Albania"),
        ),
    ],
)
def test_existing_agreements_are_in_force(extractor: Extractor, text: str, parties: tuple[str, ...]) -> None:
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (parties, "in_force")


def test_states_to_have_signed_treaties_signed_them_not_plan_them(extractor: Extractor) -> None:
    """A perfect infinitive tells what was done: signed (the audited guide), not planned, and not said to be in
    force."""
    text = "Egypt and Jordan are the only two Arab states to have signed peace treaties with Israel."
    assert parties_and_status(agreements(extractor, text)) == {
        (("Egypt", "Israel"), "signed"),
        (("Jordan", "Israel"), "signed"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan - also "
            "criticised the decision.",
            {(("Egypt", "Israel"), "signed"), (("Jordan", "Israel"), "signed")},
        ),
        (
            "Only three countries signed trade agreements with Japan – Vietnam, Chile and Peru – last year.",
            {(("Vietnam", "Japan"), "signed"), (("Chile", "Japan"), "signed"), (("Peru", "Japan"), "signed")},
        ),
    ],
)
def test_names_set_off_by_a_dash_name_the_plural_subject(
    extractor: Extractor, text: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    assert parties_and_status(agreements(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia suspended the grain deal with Ukraine.", "suspended"),
        ("The United States withdrew from the nuclear agreement with Iran in 2018.", "ended"),
        ("Japan and the EU are in talks on a new digital trade agreement.", "in_negotiation"),
    ],
)
def test_suspended_ended_and_negotiated(extractor: Extractor, text: str, status: str) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


def test_to_deal_with_is_not_a_deal(extractor: Extractor) -> None:
    assert agreements(extractor, "Ministers met to deal with the crisis in Sudan and Chad.") == []


def test_a_country_invaded_is_not_a_party(extractor: Extractor) -> None:
    text = "The UK and Poland signed a defence pact in response to Russia's invasion of Ukraine."
    [found] = agreements(extractor, text)
    assert found.parties == ("United Kingdom", "Poland")


def test_a_headline_is_its_own_sentence(extractor: Extractor) -> None:
    text = "New deals with Balkan states\n\nThe UK and Norway signed a defence agreement on Monday."
    [found] = agreements(extractor, text)
    assert found.evidence == ("The UK and Norway signed a defence agreement on Monday.",)


def agreements_at(extractor: Extractor, text: str, url: str) -> list[Agreement]:
    doc = extractor.enrich(Document.from_page(url=url, source="t", title="t", body=text))
    return list(doc.agreements)


def test_the_publishing_government_is_the_announcing_party(extractor: Extractor) -> None:
    text = "The government is making good progress towards a deal with Cornwall."
    [found] = agreements_at(extractor, text, "https://www.gov.uk/government/news/cornwall")
    assert (set(found.parties), found.status) == ({"United Kingdom", "Cornwall"}, "in_negotiation")
    assert agreements_at(extractor, text, "https://news.example/cornwall") == []


def test_working_towards_deals_with_named_bodies_is_a_negotiation(extractor: Extractor) -> None:
    text = (
        "The government is working towards further devolution deals with the Sheffield City Region and "
        "Liverpool City Region."
    )
    found = agreements_at(extractor, text, "https://www.gov.uk/budget")
    assert {(a.parties, a.status) for a in found} == {
        (("United Kingdom", "Sheffield City Region"), "in_negotiation"),
        (("United Kingdom", "Liverpool City Region"), "in_negotiation"),
    }


def test_bodies_that_sign_are_parties_even_unrecognised(extractor: Extractor) -> None:
    text = "Network Rail and First MTR have signed a formal alliancing agreement to create joint teams."
    [found] = agreements(extractor, text)
    assert (found.parties, found.status) == (("Network Rail", "First MTR"), "signed")


def test_an_acronym_in_brackets_is_not_another_party(extractor: Extractor) -> None:
    text = (
        "The UK government has agreed a memorandum with the Greater London Authority (GLA) and London "
        "Councils. The agreement includes joint working with the GLA on transport."
    )
    [found] = agreements(extractor, text)
    assert set(found.parties) == {"United Kingdom", "Greater London Authority", "London Councils"}


def test_questions_and_comparisons_announce_no_agreement(extractor: Extractor) -> None:
    assert agreements(extractor, "Surely Britain will get a better deal than Canada or Switzerland?") == []


def test_a_deal_someone_has_struck_is_agreed_not_yet_signed(extractor: Extractor) -> None:
    text = "Even the most ambitious trade deal the EU has ever struck – with Canada – falls short of that."
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == ({"European Union", "Canada"}, "agreed")


def test_leaders_of_countries_sign_for_them(extractor: Extractor) -> None:
    text = (
        "We, the Prime Ministers of Canada and of the United Kingdom, have together endorsed this second "
        "Joint Declaration between our two countries."
    )
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == ({"Canada", "United Kingdom"}, "signed")


@pytest.mark.parametrize(
    ("text", "url", "parties"),
    [
        (  # a clipped 'The Government of' entity is no party; the country after it is
            "The Government of India and the Government of Japan signed a memorandum on semiconductors.",
            "http://t.test/x",
            {"India", "Japan"},
        ),
        (  # a government named after its leader is the announcing one
            "The Albanese Government has signed a new agreement with Papua New Guinea on policing.",
            "https://www.pm.gov.au/media/x",
            {"Australia", "Papua New Guinea"},
        ),
        (  # nationalities on governments and titles stand for their countries
            "The Indian and Japanese governments signed an agreement on the high-speed rail project.",
            "http://t.test/x",
            {"India", "Japan"},
        ),
        (  # a minister of the announcing government signs with a foreign counterpart
            "Prime Minister Vucevic and his Hungarian counterpart signed a memorandum on energy cooperation.",
            "https://www.srbija.gov.rs/vest/en/x",
            {"Serbia", "Hungary"},
        ),
        (
            "Secretary Blinken and Philippine Foreign Secretary Manalo signed an agreement on nuclear energy.",
            "https://www.state.gov/x",
            {"United States", "Philippines"},
        ),
    ],
)
def test_governments_and_their_people_stand_for_their_countries(
    extractor: Extractor, text: str, url: str, parties: set[str]
) -> None:
    [found] = agreements_at(extractor, text, url)
    assert (set(found.parties), found.status) == (parties, "signed")


@pytest.mark.parametrize(
    ("text", "url", "parties"),
    [
        (
            "The UK and Australia are close partners. The two countries signed a free trade agreement in 2021.",
            "http://t.test/x",
            {"United Kingdom", "Australia"},
        ),
        (  # one side named before, the other the announcing government
            "Minister Wong met her counterpart from Vietnam in Hanoi. The two ministers signed an agreement "
            "on maritime security.",
            "https://www.foreignminister.gov.au/x",
            {"Australia", "Vietnam"},
        ),
    ],
)
def test_a_group_reference_takes_the_parties_named_before(
    extractor: Extractor, text: str, url: str, parties: set[str]
) -> None:
    [found] = agreements_at(extractor, text, url)
    assert set(found.parties) == parties


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The Commission welcomes the entry into force of the EU-New Zealand Free Trade Agreement.",
            "in_force",
        ),
        ("The UK-India Free Trade Agreement, signed in July, will cut tariffs on whisky.", "signed"),
        ("Bulgaria has been a party to the agreement with Romania since 2007.", "in_force"),
        ("Bosnia and Herzegovina has yet to sign the agreement with Frontex.", "planned"),
        (
            "Montenegro remains committed to the Stabilisation and Association Agreement with the European "
            "Union, which has been in force since 2010.",
            "in_force",
        ),
        ("The US will raise tariffs if no deal is reached with China this year.", "planned"),
    ],
)
def test_status_from_participles_bonds_and_conditions(extractor: Extractor, text: str, status: str) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


def test_a_deal_named_after_its_other_side(extractor: Extractor) -> None:
    [found] = agreements_at(
        extractor,
        "The government scrapped the Rwanda deal within days.",
        "https://www.gov.uk/government/news/x",
    )
    assert (set(found.parties), found.status) == ({"United Kingdom", "Rwanda"}, "ended")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (  # all sides are named after 'between': the publisher is not one of them
            "It is the result of a 25-year partnership between the International Tennis Federation and Kosmos.",
            "https://www.gov.uk/government/news/x",
        ),
        (  # the subject that signed is named: the publisher did not sign with Israel
            "The only two Arab states to have signed peace treaties with Israel also criticised the decision.",
            "https://www.state.gov/x",
        ),
    ],
)
def test_the_announcing_government_joins_only_where_a_side_is_missing(
    extractor: Extractor, text: str, url: str
) -> None:
    home = publishing_government(url)
    assert home is not None
    assert all(home not in found.parties for found in agreements_at(extractor, text, url))


def test_datelines_and_purposes_name_no_party(extractor: Extractor) -> None:
    text = (
        "DUBAI, United Arab Emirates — Emirates Airline finalized a deal with Boeing to buy 30 jets.\n"
        "Washington and the Taliban held talks on an agreement for US troops to begin leaving Afghanistan."
    )
    parties = {p for found in agreements(extractor, text) for p in found.parties}
    assert not parties & {"United Arab Emirates", "Afghanistan"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Serbia and China signed a free trade agreement in October 2023, which came into force on 1 July 2024.",
            "in_force",
        ),
        ("The UK and Germany signed a landmark defence agreement on Wednesday.", "signed"),
        ("Kosovo said it had frozen the implementation of the energy agreement with Serbia.", "suspended"),
        (
            "The Union Cabinet has approved the signing of a Memorandum of Understanding between India and Guyana.",
            "planned",
        ),
        ("Greece and Turkey agreed to resume talks on maritime borders.", "in_negotiation"),
    ],
)
def test_status_from_what_is_said_of_the_agreement(extractor: Extractor, text: str, status: str) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The UK and India aim to finalise the trade deal by the autumn.", "in_negotiation"),
        ("Australia and the EU hope to conclude a free trade agreement this year.", "in_negotiation"),
        ("Australia and the EU concluded a free trade agreement in 2024.", "signed"),  # treaty language
        ("Australia and the EU concluded negotiations on a free trade agreement.", "agreed"),
        ("Australia and the EU signed a free trade agreement in 2024.", "signed"),
    ],
)
def test_a_deal_yet_to_be_finished_is_being_negotiated(extractor: Extractor, text: str, status: str) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


def test_a_countrys_institutions_act_for_it(extractor: Extractor) -> None:
    [found] = agreements(
        extractor, "North Macedonia's parliament ratified the agreement with Bulgaria on Thursday."
    )
    assert (set(found.parties), found.status) == ({"North Macedonia", "Bulgaria"}, "in_force"), "ratified"


def test_where_a_person_works_is_no_party(extractor: Extractor) -> None:
    text = (
        "The US is working on a trade deal with China. The deal was announced in October, said Derek "
        "Scissors, a China scholar with the American Enterprise Institute."
    )
    assert {p for found in agreements(extractor, text) for p in found.parties} == {"United States", "China"}


def test_both_sides_named_after_between_leave_the_publisher_out(extractor: Extractor) -> None:
    text = "BAAR, SWITZERLAND\n\nThis partnership further expands the existing relationship between GE and Ascom."
    assert [set(found.parties) for found in agreements(extractor, text)] == [{"GE", "Ascom"}]


def test_an_agreement_named_without_its_sides_takes_the_countries_of_the_next_sentence(
    extractor: Extractor,
) -> None:
    text = (
        "The memorandum will be signed during the Prime Minister's visit next month. Serbia and the UK will "
        "cooperate on cyber security under it."
    )
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == ({"Serbia", "United Kingdom"}, "planned")


def test_a_named_agreement_spoken_of_as_it_stands_is_in_force(extractor: Extractor) -> None:
    text = "The United Kingdom and Ireland are co-guarantors of the Good Friday Agreement."
    [found] = agreements(extractor, text)
    assert found.status == "in_force"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The deal between the UK and Mauritius over the Chagos Islands has been delayed.", "planned"),
        ("China and Russia have deepened their partnership since 2022.", "in_force"),
        ("India and Japan will strengthen their agreement on digital trade.", "in_force"),
    ],
)
def test_a_delayed_deal_is_planned_and_a_deepened_one_exists(
    extractor: Extractor, text: str, status: str
) -> None:
    [found] = agreements(extractor, text)
    assert found.status == status


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        ("Washington suspended the treaty with Moscow in 2019.", {"United States", "Russia"}, "suspended"),
        ("Tokyo and Seoul signed an intelligence-sharing pact.", {"Japan", "South Korea"}, "signed"),
    ],
)
def test_a_seat_of_government_that_acts_stands_for_its_country(
    extractor: Extractor, text: str, parties: set[str], status: str
) -> None:
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == (parties, status)


def test_a_city_where_talks_are_held_is_no_party(extractor: Extractor) -> None:
    text = "In Belgrade, the UK and Norway signed a defence agreement."
    [found] = agreements(extractor, text)
    assert set(found.parties) == {"United Kingdom", "Norway"}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The Scottish Government and the UK Government signed a city deal.",
            ("Scottish Government", "United Kingdom"),
        ),
        (
            "The Northern Ireland Executive and the UK Government signed a new agreement on Thursday.",
            ("Northern Ireland Executive", "United Kingdom"),
        ),
    ],
)
def test_a_nations_government_is_a_body_and_a_countrys_government_is_the_country(
    extractor: Extractor, text: str, parties: tuple[str, ...]
) -> None:
    [found] = agreements(extractor, text)
    assert found.parties == parties


def test_the_announcing_government_is_never_its_own_counterpart(extractor: Extractor) -> None:
    text = "India welcomed investors. The Albanese Government has signed a free trade agreement with India."
    assert all(len(set(a.parties)) == len(a.parties) for a in agreements(extractor, text))


def test_one_agreement_per_counterpart_with_the_bloc_the_agency_acts_for(extractor: Extractor) -> None:
    text = (
        "At a meeting in Lima, the European Border and Coast Guard Agency signed working arrangements with "
        "Chile, Ecuador and Bolivia on behalf of the European Union."
    )
    found = {frozenset(a.parties) for a in agreements(extractor, text)}
    assert found == {
        frozenset({"Frontex", "European Union", other}) for other in ("Chile", "Ecuador", "Bolivia")
    }
    alone = "At a meeting in Lima, Frontex signed working arrangements with Chile, Ecuador and Bolivia."
    assert {a.parties for a in agreements(extractor, alone)} == {
        ("Frontex", "Chile"),
        ("Frontex", "Ecuador"),
        ("Frontex", "Bolivia"),
    }, "no bloc where the text names none, and the host city's country is no party"


def test_an_acronym_is_the_body_the_text_spelt_out(extractor: Extractor) -> None:
    text = (
        "The Japan International Cooperation Agency (JICA) signed a loan agreement with Indonesia on Tuesday. "
        "JICA also signed a grant agreement with Timor-Leste."
    )
    assert {a.parties for a in agreements(extractor, text)} == {
        ("Japan International Cooperation Agency", "Indonesia"),
        ("Japan International Cooperation Agency", "Timor-Leste"),
    }, "'Japan' in the agency's name is not Japan, and JICA is the agency"


def test_two_agreements_of_the_same_parties_on_different_subjects_stay_two(extractor: Extractor) -> None:
    text = "The UK signed a returns deal with Albania. The UK also signed a trade pact with Albania."
    assert len(agreements(extractor, text)) == 2
    again = (
        "The UK signed a returns deal with Albania. The agreement with Albania was signed by the minister."
    )
    assert len(agreements(extractor, again)) == 1, "the same agreement said again"


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        ("The UK signed a visa deal with India.", {"United Kingdom", "India"}, "signed"),
        ("Talks between Serbia and Kosovo concluded with a text on energy.", {"Serbia", "Kosovo"}, "agreed"),
        (
            "New Zealand and Samoa will work together under a framework for climate resilience.",
            {"New Zealand", "Samoa"},
            "planned",  # work yet to be done under a framework not yet known: none operates (round 5)
        ),
    ],
)
def test_agreements_said_without_the_usual_nouns(
    extractor: Extractor, text: str, parties: set[str], status: str
) -> None:
    [found] = agreements(extractor, text)
    assert (set(found.parties), found.status) == (parties, status)


def test_a_framework_of_ones_own_is_no_agreement(extractor: Extractor) -> None:
    assert (
        agreements(extractor, "Canada published a new regulatory framework for artificial intelligence.")
        == []
    )


def test_each_agreement_noun_with_its_own_other_side_is_its_own_agreement(extractor: Extractor) -> None:
    text = (
        "The government of Kenya said so. Implementation of the partnership agreement with Ghana is well "
        "under way, alongside work towards agreements with Togo and Benin."
    )
    assert {(a.parties, a.status) for a in agreements(extractor, text)} == {
        (("Kenya", "Ghana"), "in_force"),
        (("Kenya", "Togo"), "in_negotiation"),
        (("Kenya", "Benin"), "in_negotiation"),
    }


def test_talks_begun_on_a_framework_are_negotiations(extractor: Extractor) -> None:
    [found] = agreements(
        extractor, "Discussions have also begun between Fiji and Tonga on a revised fisheries framework."
    )
    assert (set(found.parties), found.status) == ({"Fiji", "Tonga"}, "in_negotiation")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legislature asked to approve: signed; the legislature acts for its country, it is no party
        (
            "I urge the Congress to approve the trade agreement with Panama without delay.",
            {(("United States", "Panama"), "signed")},
        ),
        (
            "The Senate ratified the treaty with the Soviet Union last spring.",
            {(("United States", "Soviet Union"), "in_force")},
        ),
        # an agreement's name joins its sides
        (
            "Six days ago, I signed the brand-new U.S.-Mexico-Canada Agreement into law.",
            {(("United States", "Mexico", "Canada"), "in_force")},
        ),
        # negotiating with a named side, without an agreement noun; what one could do is none
        (
            "We are negotiating with the Soviet Union to reduce strategic arms.",
            {(("United States", "Soviet Union"), "in_negotiation")},
        ),
        ("Reagan could negotiate with the Soviet Union, and so can we.", set()),
        ("Negotiations with Vietnam concluded last month.", {(("United States", "Vietnam"), "agreed")}),
        (
            "Talks between Greece and Turkey on the maritime border resumed.",
            {(("Greece", "Turkey"), "in_negotiation")},
        ),
        ("Leaders held talks with Greece on the economy.", set()),
        # those who act for a country sign for it; a ceasefire is an agreement
        (
            "Officials from Japan and Australia signed the accord in Tokyo, the ministry said.",
            {(("Japan", "Australia"), "signed")},
        ),
        (
            "The ceasefire between India and Pakistan took effect at midnight.",
            {(("India", "Pakistan"), "in_force")},
        ),
        # a nation named by its people, where it makes or is the other side of an agreement
        (
            "We are negotiating with the Soviets on a treaty to limit strategic arms.",
            {(("United States", "Soviet Union"), "in_negotiation")},
        ),
        ("Hungarian farmers signed an agreement with Serbia.", set()),  # farmers: no party, nor Hungary
        # the publisher announces, whichever country a sentence made its subject first
        (
            "Iran has built new centrifuges. Last year we signed an agreement with Japan.",
            {(("United States", "Japan"), "signed")},
        ),
    ],
)
def test_a_presidents_address(
    extractor: Extractor, text: str, expected: set[tuple[tuple[str, ...], str]]
) -> None:
    found = agreements_at(extractor, text, WHITE_HOUSE)
    assert {(tuple(sorted(a.parties)), a.status) for a in found} == {
        (tuple(sorted(parties)), status) for parties, status in expected
    }


@pytest.mark.parametrize(
    "praise",
    [
        "“This treaty marks a new chapter in our partnership with France,” the Home Secretary said.",
        "The minister said the treaty represents a turning point for both countries.",
        "The treaty sends a clear message to the smuggling gangs.",
    ],
)
def test_what_a_just_signed_agreement_means_is_not_that_it_is_in_force(
    extractor: Extractor, praise: str
) -> None:
    """A release praising the treaty it announces ('marks a new chapter', 'represents', 'sends a message')
    says what the treaty means, not that it operates: the signing stands."""
    found = agreements(extractor, f"The UK and France signed a treaty today on returns. {praise}")
    assert {(frozenset(a.parties), a.status) for a in found} == {
        (frozenset({"United Kingdom", "France"}), "signed")
    }
