"""Money, counts and percentages on the real model: one readable case per rule."""

import pytest

from nlp.numbers import parse_number_words
from nlp.pipeline import Extractor
from presswatch.document import Document, Figure


def figures(extractor: Extractor, text: str) -> list[Figure]:
    doc = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    return list(doc.figures)


def normalized(extractor: Extractor, text: str) -> list[str]:
    return [f.normalized for f in figures(extractor, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an extra £75m for the Border Security Command", "75,000,000 GBP"),
        ("a deal worth $1.2 billion over ten years", "1,200,000,000 USD"),
        ("Germany will invest €3bn in the link.", "3,000,000,000 EUR"),
        ("funding of EUR 40 million for ports", "40,000,000 EUR"),
        ("they raised 40 million euros for schools", "40,000,000 EUR"),
        ("fines of £12,500 were issued", "12,500 GBP"),
        ("research worth ¥20 billion", "20,000,000,000 JPY"),
        ("more than £10m was seized", "at least 10,000,000 GBP"),
        ("up to £2.4bn over two years", "up to 2,400,000,000 GBP"),
        ("a C$16.4 million contract", "16,400,000 CAD"),
        ("HK$ 10.05 billion of bonds", "10,050,000,000 HKD"),
        ("shares rose 50 cents", "0.5 USD"),
        ("stamps cost 470 pence", "4.7 GBP"),
        ("a loan of five million yen", "5,000,000 JPY"),
        ("exports of 100 billion yuan", "100,000,000,000 CNY"),
        ("125 million Australian dollars", "125,000,000 AUD"),
        ("a hundred pounds each", "100 GBP"),
        ("a JPY 25-billion loan for the railway", "25,000,000,000 JPY"),  # the scale after a hyphen
        ("a US$1.5-billion project", "1,500,000,000 USD"),
    ],
)
def test_money_is_normalised_to_value_and_iso_currency(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert expected in normalized(extractor, text)


def test_a_pound_of_flour_is_not_money(extractor: Extractor) -> None:
    assert [f for f in figures(extractor, "Add a pound of flour.") if f.kind == "money"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The suspect, who weighed 250 pounds, was arrested in Ohio.",
        "The catfish, weighing about 12 pounds, was returned to the river.",
        "The bear tipped the scales at more than 600 pounds.",
    ],
)
def test_pounds_something_weighs_are_not_money(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "money"] == []


def test_pounds_after_other_verbs_stay_money(extractor: Extractor) -> None:
    """Only a weighing verb makes pounds a weight: a fine or a payment is money."""
    found = normalized(extractor, "The court fined him 500 pounds and he paid 300 pounds in costs.")
    assert found[:2] == ["500 GBP", "300 GBP"]


def test_money_span_covers_symbol_number_and_scale(extractor: Extractor) -> None:
    text = "an extra £75m for the Border Security Command"
    [money] = [f for f in figures(extractor, text) if f.kind == "money"]
    assert text[money.start : money.end] == "£75m" == money.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 31,000 people have crossed the Channel.", "at least 31,000 person"),
        ("Almost 100,000 migrants were returned.", "just under 100,000 migrant"),
        ("The Command made 1,450 arrests last year.", "1,450 arrest"),
        ("Border Force will recruit 1,000 new officers.", "1,000 officer"),
        ("It will bring electricity to 2 million people.", "2,000,000 person"),
        ("Forty British companies joined the mission.", "40 company"),
        ("fewer than 2,000 people arrived", "at most 2,000 person"),
        (
            "The Summit is expected to attract over 1 500 delegates.",
            "at least 1,500 delegate",
        ),  # space-grouped
        ("The plant will create about 12 000 jobs.", "about 12,000 job"),
        (
            "Its fleet of roughly 400 737 Max jets was grounded.",
            "about 400 jet",
        ),  # a model's number, no group
        ("He also flagged off 4 Vande Bharat trains.", "4 train"),  # a name's words say no kind
        ("The agency now patrols two dozen ports.", "24 port"),  # a number before 'dozen' multiplies it
        ("Officers seized three dozen rifles at the border.", "36 rifle"),
    ],
)
def test_counts_name_the_counted_noun_and_qualifier(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


def test_years_dates_and_money_are_not_counts(extractor: Extractor) -> None:
    found = figures(extractor, "In 2024 the £75m fund paid for 300 investigators over 10 years.")
    counts = [f.normalized for f in found if f.kind == "count"]
    assert counts == ["300 investigator"]


def test_percentages(extractor: Extractor) -> None:
    assert normalized(extractor, "tariffs cut on 90% of goods and 14 per cent fewer crossings") == [
        "90%",
        "14%",
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "hundred"], 200),
        (["forty-five"], 45),
        (["a", "dozen"], 12),
        (["three", "million"], 3_000_000),
    ],
)
def test_number_words(words: list[str], value: int) -> None:
    assert parse_number_words(words) == value


def test_not_number_words() -> None:
    assert parse_number_words(["several"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Our two countries will share bases.",
        "Norway will buy Type 26 frigates.",
        "Both navies train together.",
    ],
)
def test_back_references_and_names_are_not_counts(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


def test_a_figure_restated_in_the_body_is_listed_once(extractor: Extractor) -> None:
    text = "An extra £75m for the Command.\n\nThe government is providing an extra £75m for the Command."
    assert normalized(extractor, text) == ["75,000,000 GBP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The budget gives ₹2.4 lakh crore to the railways.", "2,400,000,000,000 INR"),
        ("a project costing Rs. 1,250 crore", "12,500,000,000 INR"),
        ("a grant of Rs 5 lakh per village", "500,000 INR"),
        ("a fine of Re. 1 was imposed", "1 INR"),
        ("salaries of ₹12,50,000 a year", "1,250,000 INR"),
        ("a scheme worth 3 crore rupees", "30,000,000 INR"),
    ],
)
def test_indian_numbering_and_rupee_prefixes(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


def test_crore_counts_people(extractor: Extractor) -> None:
    assert "456,000,000 person" in normalized(extractor, "The scheme reaches 45.6 crore people.")


@pytest.mark.parametrize(
    ("text", "per"),
    [("Milk will cost Rs.5 per litre more.", "litre"), ("Parking costs £3 a day.", "day"), ("$40/kg", "kg")],
)
def test_prices_per_unit(extractor: Extractor, text: str, per: str) -> None:
    [money] = [f for f in figures(extractor, text) if f.kind == "money"]
    assert money.per == per


def test_a_unit_after_a_or_an_only_when_it_is_a_unit(extractor: Extractor) -> None:
    [money] = [f for f in figures(extractor, "The ticket costs £3 a person who asks.") if f.kind == "money"]
    assert money.per == "person"
    [plain] = [f for f in figures(extractor, "He paid £3 a piece of the way.") if f.kind == "money"]
    assert plain.per is None


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("The contract is worth £5m to £8m.", 5_000_000, 8_000_000),
        ("between €2bn and €3bn of investment", 2_000_000_000, 3_000_000_000),
        ("a £5-8m upgrade", 5_000_000, 8_000_000),
        ("growth of 5-7% a year", 5, 7),
    ],
)
def test_ranges(extractor: Extractor, text: str, value: float, value_max: float) -> None:
    [figure] = figures(extractor, text)
    assert (figure.value, figure.value_max) == (value, value_max)


def test_a_deadline_is_not_the_top_of_a_range(extractor: Extractor) -> None:
    [money] = figures(extractor, "They will spend £20m to 2030.")
    assert (money.value, money.value_max, money.text) == (20_000_000, None, "£20m")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("almost 100,000 migrants", "just_under"),
        ("just under £2m was spent", "just_under"),
        ("around 500 officers", "about"),
        ("up to £40m is available", "up_to"),
        ("no more than 40 people", "at_most"),
        ("at least 12 ships", "at_least"),
    ],
)
def test_qualifiers(extractor: Extractor, text: str, qualifier: str) -> None:
    [figure] = figures(extractor, text)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The force recruited 3,100 officers, of whom 2,450 are women.", "officer"),
        ("The scheme has welcomed Ukrainians, and more than 400,000 have arrived since 2022.", "ukrainian"),
    ],
)
def test_a_bare_count_takes_the_noun_named_before_it(extractor: Extractor, text: str, unit: str) -> None:
    counts = [f for f in figures(extractor, text) if f.kind == "count"]
    assert counts[-1].unit == unit
    assert counts[-1].text[0].isdigit() or counts[-1].text.startswith("more than")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ministers from all 28 states attended.", "28 state"),
        ("The group includes the 27 members of the EU.", "27 member"),
    ],
)
def test_collective_counts(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The EPC was set up in 2022 in response to the invasion.",
        "A 45-year-old man, aged 45, was arrested on Thursday 3 May.",
        "Call 020 7946 0000 for details.",
        "1. Officers will patrol the coast.\n2. Ships will sail at dawn.",
        "It was the third meeting this year.",
        "See Article 5 and section 12 of the treaty.",
        "a zero tolerance approach to drugs",
        "limits are not set at 0 in the new regulations",
        "cocaine, 10 µg/L",
    ],
)
def test_years_ages_phone_numbers_ordinals_and_list_numbers_are_not_figures(
    extractor: Extractor, text: str
) -> None:
    assert figures(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (
            "the government announced an extra £75m funding for the UK's new Border Security Command, which brings together police",
            "funding for the UK's new Border Security Command",
        ),
        ("Rs. 1,250 crore for rural roads and ₹300 crore for schools", "for rural roads"),
        ("Funding of £40m for ports was agreed.", "Funding for ports"),
        ("The fund gives £2bn to build new homes.", "to build new homes"),
    ],
)
def test_what_money_is_about(extractor: Extractor, text: str, about: str) -> None:
    money = [f for f in figures(extractor, text) if f.kind == "money"]
    assert money[0].about == about


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it only cost 3 dollars 50 cents", "3.5 USD"),
        ("thirteen dollars and forty-five cents", "13.45 USD"),
        ("the price is 100 € today", "100 EUR"),
        ("the cost is 100元", "100 CNY"),
        ("a prize of u.s $ 100,000,000", "100,000,000 USD"),
    ],
)
def test_compound_amounts_and_symbols_after_the_number(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert normalized(extractor, text) == [expected]


@pytest.mark.parametrize("text", ["won a $48.2 million army contract", "its $5 fee"])
def test_an_article_before_a_dollar_sign_is_not_a_prefix(extractor: Extractor, text: str) -> None:
    [money] = figures(extractor, text)
    assert money.currency == "USD"


def test_an_iso_code_that_is_a_word_is_not_money(extractor: Extractor) -> None:
    assert [f for f in figures(extractor, "ALL 5 solutions are wrong.") if f.kind == "money"] == []


@pytest.mark.parametrize(
    "text",
    [
        "5.3 Regional levers of growth",
        "1.33 Passengers will quickly see the positive impacts.",
        "Once a broadcaster is licensed in 1 member state, it can broadcast in all.",
        "The average time taken to decide was 37 days compared to 55 in 2015-16.",
        "Two: broadcasting. Under EU rules, licences differ.",
        "Sales exceed its previous 2016-17 projection.",
        "We will extend the benefits of cheaper rail travel to ensure those aged 16 to 30 can access concessions.",
        "Obese adults are more likely to develop Type 2 diabetes than those of a healthy weight (a body mass index between 18.5 and 25).",
    ],
)
def test_paragraph_numbers_durations_and_fiscal_years_are_not_counts(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


def test_a_year_before_a_percentage_is_no_range(extractor: Extractor) -> None:
    [found] = [
        f for f in figures(extractor, "growth is expected to fall in 2015 to 6.8%.") if f.kind == "percent"
    ]
    assert (found.value, found.value_max) == (6.8, None)


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("Prices rose between 5 and 10 per cent last year.", 5, 10),
        ("Growth of between 2 and 3.5% is forecast.", 2, 3.5),
    ],
)
def test_a_percentage_range_said_with_between(
    extractor: Extractor, text: str, value: float, value_max: float
) -> None:
    assert [(f.kind, f.value, f.value_max) for f in figures(extractor, text)] == [
        ("percent", value, value_max)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nine in ten adults support the plan.",
        "One out of five children lives in poverty.",
        "The M25 will close between junctions 10 and 11.",
        "The rules are in articles 3, 4 and 5.",
    ],
)
def test_shares_and_numbers_that_name_things_are_not_counts(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


def test_the_australian_dollar_written_after_the_sign(extractor: Extractor) -> None:
    assert "50,000,000 AUD" in normalized(extractor, "A further $A50 million will go to the fund.")


@pytest.mark.parametrize(
    "text",
    [
        "The Eagles snapped an 11-game losing streak.",  # a compound modifier
        "Washington sealed the Capitals' 5-2 victory on Monday.",  # a score
        "Then the iPhone 11 lineup landed in the shops.",  # a product's name
    ],
)
def test_modifiers_scores_and_product_names_are_not_counts(extractor: Extractor, text: str) -> None:
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


def test_nouns_that_are_their_own_plural_are_counted(extractor: Extractor) -> None:
    found = normalized(extractor, "The force employs 200 staff, 2,000 personnel and 300 sheep.")
    assert {"200 staff member", "2,000 personnel", "300 sheep"} <= set(found)


def test_a_smaller_number_after_to_is_no_range(extractor: Extractor) -> None:
    found = figures(extractor, "The Ministry released Rs 3,000 crore to 15 states.")
    assert [(f.kind, f.value, f.value_max, f.unit) for f in found] == [
        ("money", 30_000_000_000, None, None),
        ("count", 15, None, "state"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each of the 47 prefectures will receive funds.", "47 prefecture"),
        ("Nearly half of the 3,000 respondents were worried.", "3,000 respondent"),
        ("Ukraine has received over 30 million doses.", "at least 30,000,000 dose"),
    ],
)
def test_the_whole_a_share_is_taken_of_is_counted(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


@pytest.mark.parametrize(
    ("text", "money"),
    [("They detected 5,200 pounds of water vapour.", False), ("He paid 45 pounds of his own money.", True)],
)
def test_pounds_of_a_substance_weigh(extractor: Extractor, text: str, money: bool) -> None:
    assert any(f.kind == "money" for f in figures(extractor, text)) is money


def test_a_price_per_unit_in_mixed_case(extractor: Extractor) -> None:
    [money] = figures(extractor, "Power will cost $0.03/kWh by 2030.")
    assert money.per == "kwh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India and Maldives signed four MoUs.", "4 mou"),
        ("The minister met 12 ambassadors and signed 3 MoUs.", "3 mou"),
        ("The 27 EU member states agreed the package.", "27 member state"),
    ],
)
def test_plural_acronyms_and_named_wholes_are_counted(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


def test_money_in_a_kind_of_funding_is_about_where_it_goes(extractor: Extractor) -> None:
    [money] = figures(extractor, "An extra £75m in funding will go to the Border Security Command.")
    assert money.about == "funding to the Border Security Command"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Commission awarded EUR 1 500 000 to the project.", "1,500,000 EUR"),
        ("A grant of €\u00a0250\u00a0000 was paid.", "250,000 EUR"),  # no-break spaces
        ("Its GDP is $2.174T.", "2,174,000,000,000 USD"),
    ],
)
def test_spaced_thousands_and_a_trillion_suffix(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in normalized(extractor, text)


def test_numbers_side_by_side_are_not_one_spaced_number(extractor: Extractor) -> None:
    assert normalized(extractor, "Table 245 lists 23 yen.") == ["23 JPY"]


def test_a_percentage_after_a_number_is_not_spaced_thousands(extractor: Extractor) -> None:
    assert [
        f.value for f in figures(extractor, "Schobert played 74 100% of the snaps.") if f.kind == "percent"
    ] == [100]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 300 and 400 troops will be deployed.", [(300, "troop"), (400, "troop")]),
        ("Forty-five nations signed, and seven more are expected to join.", [(45, "nation"), (7, "nation")]),
        ("The treaty was signed by the two governments.", [(2, "government")]),
        ("Only 38% of people aged between 18 and 24 agreed.", []),
        ("Two or three options are being considered.", []),
        ("Thousands of veterans have returned, and 2 million more will follow.", [(2e6, "veteran")]),
        ("Prices rose 5 more than expected.", []),
    ],
)
def test_ranges_number_words_and_counts_said_again(
    extractor: Extractor, text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f.value, f.unit) for f in figures(extractor, text) if f.kind == "count"] == expected


def test_more_money_is_money_in_the_currency_named_before(extractor: Extractor) -> None:
    text = "It has brought in 50 billion euros in tax revenue and could bring in 200 billion more."
    money = [(f.value, f.currency) for f in figures(extractor, text) if f.kind == "money"]
    assert money == [(50e9, "EUR"), (200e9, "EUR")]
    assert [f for f in figures(extractor, text) if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half a million people fled.", [(500_000, "person")]),
        ("Nearly a quarter of a million people downloaded it.", [(250_000, "person")]),
        ("Some three quarters of a million homes were built.", [(750_000, "home")]),
        (
            "There were 3.8 million people on benefits compared to 4.9 million in 2010.",
            [(3.8e6, "person"), (4.9e6, "person")],
        ),
        ("Between 2003/04 and 2011/12 3,438,373 people called the helpline.", [(3_438_373, "person")]),
        # money put 'in' things is no 'nine in ten': the second number counts them
        ("The Government is investing more than $45 million in 18 projects.", [(18, "project")]),
        ("The council will spend £2m in 30 schools; nine in ten pupils benefit.", [(30, "school")]),
    ],
)
def test_shares_of_a_scale_and_numbers_beside_years(
    extractor: Extractor, text: str, expected: list[tuple[float, str]]
) -> None:
    """'half a million' is 500,000 (it was read as a million); '4.9 million in 2010' is no 'nine in ten'."""
    assert [(f.value, f.unit) for f in figures(extractor, text) if f.kind == "count"] == expected


def test_a_smaller_amount_after_to_with_its_own_sign_is_money_of_its_own(extractor: Extractor) -> None:
    text = "We are cutting late fees from $30 to $8."
    assert [(f.value, f.currency, f.value_max) for f in figures(extractor, text) if f.kind == "money"] == [
        (30, "USD", None),
        (8, "USD", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Operators return 97p of every £1 from fares.", [(0.97, "GBP"), (1, "GBP")]),
        ("Doors open at 4p.m. and it streams in 1080p with a £2 fee.", [(2, "GBP")]),
    ],
)
def test_pence_after_the_amount(extractor: Extractor, text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.currency) for f in figures(extractor, text) if f.kind == "money"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half a billion dollars was spent.", (500_000_000, "USD")),
        ("It costs a million euros.", (1_000_000, "EUR")),
        ("It costs a quarter of a billion euros.", (250_000_000, "EUR")),
    ],
)
def test_a_share_of_a_scale_word_is_money_not_a_count(
    extractor: Extractor, text: str, expected: tuple[float, str]
) -> None:
    found = figures(extractor, text)
    assert [(f.value, f.currency) for f in found if f.kind == "money"] == [expected]
    assert [f for f in found if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were hurt, two of them seriously.", [(5, "person"), (2, "person")]),
        ("The two agreed to meet again.", []),
    ],
)
def test_a_number_in_words_takes_only_what_was_counted_before(
    extractor: Extractor, text: str, expected: list[tuple[float, str]]
) -> None:
    """A bare number in words counts the noun of a count before it in the sentence; alone it is a pronoun."""
    assert [(f.value, f.unit) for f in figures(extractor, text) if f.kind == "count"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There have been more cases in the past five years—26 cases in all—than before.", [(26, "case")]),
        (
            "The tally rose this week–14 deaths and 30 injuries, officials said.",
            [(14, "death"), (30, "injury")],
        ),
    ],
)
def test_a_dash_with_no_space_before_a_number_leaves_the_count_whole(
    extractor: Extractor, text: str, expected: list[tuple[float, str]]
) -> None:
    found = [(f.value, f.unit) for f in figures(extractor, text) if f.kind == "count"]
    assert found == expected
