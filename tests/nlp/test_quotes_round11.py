"""Who said a quote, round 11 (written probes, bench/people_probes.py batch 20): a headline in straight single
marks, 'as X put it', 'posted on X:', a name the parse hung away from its verb, a title before an untagged name,
a title alone for the one person who holds it, a paragraph left open, a body going on speaking, a transcript's
'Name:' label, a body named beside its noun or owning a report, and a rating that is no quote."""

from nlp.pipeline import Extractor
from presswatch.document import Document
from tests.nlp.test_quote_speakers import said


def test_a_headline_quote_in_straight_single_marks_is_said_by_the_title_holder(extractor: Extractor) -> None:
    text = (
        "'Every pupil will get a free breakfast,' says Education Secretary on new schools plan\n\n"
        "Education Secretary Bridget Phillipson said the plan would start in April."
    )
    assert said(extractor, text) == [("Bridget Phillipson", "Every pupil will")]


def test_an_apostrophe_opens_no_quote(extractor: Extractor) -> None:
    text = "The teachers' union said members' pay had fallen, and the nurses' union's leaders agreed."
    assert said(extractor, text) == []


def test_as_someone_put_it(extractor: Extractor) -> None:
    text = 'As Nelson Mandela once put it, "Education is the most powerful weapon which you can use."'
    assert said(extractor, text) == [("Nelson Mandela", "Education is the")]


def test_a_post_on_social_media_introduces_a_quote(extractor: Extractor) -> None:
    text = (
        'Health Minister Aaron Motsoaledi posted on X on Sunday: "Every clinic in the province will have '
        'a doctor by the end of the year."'
    )
    assert said(extractor, text) == [("Aaron Motsoaledi", "Every clinic in")]


def test_a_title_before_a_single_name_is_no_part_of_the_speaker(extractor: Extractor) -> None:
    text = (
        "Indonesian Foreign Minister Sugiono told reporters in Jakarta on Thursday that talks with Malaysia on "
        'the maritime border were "moving in the right direction".\n\n'
        '"We expect to sign the agreement before the end of the year," Sugiono told reporters.'
    )
    assert said(extractor, text) == [("Sugiono", "moving in the"), ("Sugiono", "We expect to")]


def test_a_name_the_parse_hung_away_from_its_verb_still_speaks(extractor: Extractor) -> None:
    text = (
        "Speaking at the opening of the new airport in Goa, Union Minister of Civil Aviation Ram Mohan Naidu "
        'said: "The airport will handle four million passengers a year."'
    )
    document = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    people = {m.normalized for m in document.entities if m.label == "PERSON"}
    assert len(people) == 1
    assert [q.speaker for q in document.quotes] == list(people)


def test_a_paragraph_left_open_is_said_by_whoever_closes_the_quote(extractor: Extractor) -> None:
    text = (
        "The fertiliser subsidy will continue this season, farmers in Nakuru were told on Monday.\n\n"
        '"We have registered more than six million farmers on the e-voucher system.\n\n'
        '"Those who sell subsidised fertiliser to traders will be arrested," said Ann Wambui, the county '
        "agriculture officer."
    )
    assert said(extractor, text) == [("Ann Wambui", "We have registered"), ("Ann Wambui", "Those who sell")]


def test_a_body_goes_on_speaking_in_the_next_sentence(extractor: Extractor) -> None:
    text = (
        '"We are deeply saddened by the loss of life," said a statement from the Ministry of Health. '
        '"Our thoughts are with the families."'
    )
    assert said(extractor, text) == [
        ("Ministry of Health", "We are deeply"),
        ("Ministry of Health", "Our thoughts are"),
    ]


def test_a_transcript_label_names_the_speaker(extractor: Extractor) -> None:
    text = (
        "Q: Will the government raise taxes?\n\n"
        'Minister Grant Robertson: "There are no plans to raise taxes in this budget."'
    )
    assert said(extractor, text) == [("Grant Robertson", "There are no")]


def test_a_body_named_beside_its_noun_speaks(extractor: Extractor) -> None:
    text = 'The coalition, Clean Air Now, said in a statement: "The council has ignored the evidence for too long."'
    assert said(extractor, text) == [("Clean Air Now", "The council has")]


def test_the_party_is_the_body_named_before(extractor: Extractor) -> None:
    text = (
        "The Democratic Alliance welcomed the news on Monday. "
        '"This is what good government looks like," the party said.'
    )
    assert said(extractor, text) == [("Democratic Alliance", "This is what")]


def test_a_rating_in_quotation_marks_is_no_quote(extractor: Extractor) -> None:
    text = 'Secunia.com said that 39 per cent of the flaws were rated "highly critical".'
    assert said(extractor, text) == []


def test_a_report_speaks_for_the_body_whose_it_is(extractor: Extractor) -> None:
    text = (
        "Browser use keeps changing. PC Pro's latest analysis of its traffic concluded, \"Chrome now accounts "
        'for two thirds of visits to the site."'
    )
    assert said(extractor, text) == [("PC Pro", "Chrome now accounts")]


def test_the_ministry_is_the_one_named_however_far_back(extractor: Extractor) -> None:
    text = (
        "The Ministry of Finance released the figures on Friday. Finance Minister Enoch Godongwana said growth "
        'was weak. "We need structural reforms," the minister said. "Without them, growth will stay below 2 per '
        'cent," the ministry added in a statement.'
    )
    assert said(extractor, text)[-1] == ("Ministry of Finance", "Without them, growth")


def test_a_long_title_after_titled_is_no_quote(extractor: Extractor) -> None:
    text = (
        'The report, titled "Breaking the Cycle: Poverty and Health in Rural Kenya", was published on Monday '
        "by the Kenya Medical Research Institute."
    )
    assert said(extractor, text) == []


def test_a_quote_signed_on_the_next_line(extractor: Extractor) -> None:
    text = (
        "“This investment will create 2,000 jobs in the region.”\n"
        "– Hon. Kieran McAnulty, Minister for Regional Development"
    )
    assert said(extractor, text) == [("Kieran McAnulty", "This investment will")]


def test_a_dash_inside_the_next_paragraph_signs_nothing(extractor: Extractor) -> None:
    text = (
        "“This investment will create 2,000 jobs in the region.”\n\n"
        "The fund – announced by Kieran McAnulty in May – will run for four years."
    )
    assert ("Kieran McAnulty", "This investment will") not in said(extractor, text)


def test_a_person_whose_clause_a_colon_ends_speaks_whatever_the_verb(extractor: Extractor) -> None:
    text = (
        'Opposition leader Peter Dutton accused the government of "a cover-up". Prime Minister Anthony Albanese '
        'hit back: "The only cover-up here is the opposition\'s lack of policy."'
    )
    assert said(extractor, text)[-1] == ("Anthony Albanese", "The only cover-up")


def test_a_thing_before_a_colon_says_nothing(extractor: Extractor) -> None:
    text = 'The plan has three goals: "Cleaner air, cheaper power and more jobs."'
    assert said(extractor, text) == [(None, "Cleaner air, cheaper")]
