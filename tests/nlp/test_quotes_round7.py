"""Who said a quote, round 7 (written probes, bench/people_probes.py batches 14 and 16): a speaker named in the
next sentence, a body under its short and its full name, and a noun for what a body does when the text names two bodies."""

from nlp.pipeline import Extractor
from tests.nlp.test_quote_speakers import said


def test_a_speaker_named_in_the_next_sentence_that_points_back(extractor: Extractor) -> None:
    text = (
        "“Every school in the district needs a qualified counsellor.” That was the view of Wanjiru Kamau, "
        "chair of the Nakuru Parents Association, speaking on Tuesday."
    )
    assert said(extractor, text) == [("Wanjiru Kamau", "Every school in")]


def test_the_words_of_a_person_named_after_the_quote(extractor: Extractor) -> None:
    text = (
        "Ministers met in Ottawa on Monday. “We will not accept a deal that hurts our farmers.” Those were "
        "the words of Agriculture Minister Louise Tremblay at the close of the talks."
    )
    assert said(extractor, text) == [("Louise Tremblay", "We will not")]


def test_a_sentence_after_the_quote_about_something_else_names_no_speaker(extractor: Extractor) -> None:
    text = (
        "“The tunnel will not open this year.” That is why Councillor Ruth Maina voted against the contract."
    )
    assert ("Ruth Maina", "The tunnel will") not in said(extractor, text)


def test_a_body_quoted_under_its_acronym_is_named_in_full(extractor: Extractor) -> None:
    text = (
        "The Kenya Meteorological Department (KMD) issued a flood warning on Friday. KMD said the rains "
        "would be “heavier than anything seen this season.”"
    )
    assert said(extractor, text) == [("Kenya Meteorological Department", "heavier than anything")]


def test_a_body_written_in_full_keeps_its_name_as_written(extractor: Extractor) -> None:
    text = "The UN High Commissioner for Refugees said the arrivals were “the largest we have seen in years.”"
    assert said(extractor, text) == [("UN High Commissioner for Refugees", "the largest we")]


def test_what_a_body_does_names_neither_of_two_bodies_the_text_leaves_open(extractor: Extractor) -> None:
    text = (
        "Ofgem fined Southern Water £2 million on Wednesday. The utility said it would “study the decision "
        "carefully before deciding whether to appeal.”"
    )
    assert said(extractor, text) == [(None, "study the decision")]


def test_what_a_body_does_names_the_one_body_the_text_names(extractor: Extractor) -> None:
    text = (
        "Harbour Rail announced on Wednesday that services would resume on the coast line. “We apologise to "
        "passengers for the long disruption,” the operator said."
    )
    assert said(extractor, text) == [("Harbour Rail", "We apologise to")]


def test_a_surname_the_model_reads_as_a_noun_is_the_person_named_before(extractor: Extractor) -> None:
    text = (
        "Detective Inspector Jane Mills spoke on Friday. Mills went on to say that the investigation was "
        "“far from over”."
    )
    assert said(extractor, text) == [("Jane Mills", "far from over")]


def test_a_speech_given_before_a_colon_is_the_speakers(extractor: Extractor) -> None:
    text = (
        "Prime Minister Neville Chamberlain flew home from Munich. Chamberlain gave the speech again from a "
        "window of Number 10:\n\nMy good friends, this is the second time in our history that peace has come "
        "back.\n\nThe crowd cheered."
    )
    assert said(extractor, text) == [("Neville Chamberlain", "My good friends,")]


def test_a_nationality_stands_for_the_person_named_before(extractor: Extractor) -> None:
    text = "Chelsea manager José Mourinho was unhappy after the defeat. “We were poor today,” the Portuguese said."
    assert said(extractor, text) == [("José Mourinho", "We were poor")]


def test_an_age_stands_for_the_person_the_text_gives_it(extractor: Extractor) -> None:
    text = (
        "Jane Doe, 34, from Leeds, won the race. “I still can't believe it,” the 34-year-old said. Mark Vale, "
        "61, finished second. “It was hard,” said the 61-year-old."
    )
    assert said(extractor, text) == [("Jane Doe", "I still can't"), ("Mark Vale", "It was hard,")]


def test_an_outlet_reporting_an_unnamed_office_holder_is_not_the_speaker(extractor: Extractor) -> None:
    text = (
        "The Hindu reported that the Union Minister for Railways had described the new trains as “a gift to "
        "every commuter in the country.”"
    )
    assert said(extractor, text) == [(None, "a gift to")]


def test_an_outlet_reporting_a_body_gives_the_body(extractor: Extractor) -> None:
    text = (
        "Reuters reported on Tuesday that Meridian Power had called the tariff decision “a blow to every "
        "household in the region.”"
    )
    assert said(extractor, text) == [("Meridian Power", "a blow to")]


def test_a_verb_inside_the_next_sentence_is_not_the_quotes(extractor: Extractor) -> None:
    text = (
        "The minister defended the plan. “It is the fairest budget in a decade.” Reuters reported on Tuesday "
        "that Meridian Power had called it unfair."
    )
    assert ("Meridian Power", "It is the") not in said(extractor, text)


def test_words_according_to_an_unnamed_source_are_a_quote_of_no_one(extractor: Extractor) -> None:
    text = "Two people were hurt. According to police, the driver was “well over the limit”."
    assert said(extractor, text) == [(None, "well over the")]
