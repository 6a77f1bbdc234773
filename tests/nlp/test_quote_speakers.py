"""Who said each quote: attributions that break a quote, quotation marks that do not pair, pronouns, reported
speech and speakers the text leaves unnamed (written probes, bench/people_probes.py batch 4)."""

from nlp.pipeline import Extractor
from presswatch.document import Document


def said(extractor: Extractor, text: str) -> list[tuple[str | None, str]]:
    document = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in document.quotes]


def test_a_quote_broken_by_a_long_attribution_is_two_quotes_in_one_voice(extractor: Extractor) -> None:
    text = (
        "“Today we are taking a decisive step,” said Kaja Kallas, High Representative for Foreign Affairs, "
        "after the meeting of EU foreign ministers in Brussels on Monday, which lasted more than six hours. "
        "“The Union will not look away.”"
    )
    assert said(extractor, text) == [
        ("Kaja Kallas", "Today we are"),
        ("Kaja Kallas", "The Union will"),
    ]


def test_a_curly_quote_closed_by_a_straight_mark(extractor: Extractor) -> None:
    text = (
        'Car dealers expect a strong December. “Buyers are coming back," Priya Natarajan, an analyst at '
        'Cox Automotive, said in a note. "Prices have finally started to ease."'
    )
    assert said(extractor, text) == [
        ("Priya Natarajan", "Buyers are coming"),
        ("Priya Natarajan", "Prices have finally"),
    ]


def test_each_paragraph_of_a_quote_left_open_is_a_quote(extractor: Extractor) -> None:
    text = (
        "Australian Foreign Minister Penny Wong said Canberra would restore funding to the agency. “We have "
        "listened to our partners and to the evidence.\n\n“The humanitarian need in Gaza is extraordinary, "
        "and Australia will do its part.”\n\nOpposition spokesman Simon Birmingham criticised the decision."
    )
    assert said(extractor, text) == [
        ("Penny Wong", "We have listened"),
        ("Penny Wong", "The humanitarian need"),
    ]


def test_a_speaker_the_text_leaves_unnamed_is_nobody_else(extractor: Extractor) -> None:
    text = (
        "“Business is slow this winter,” said dealer Tom Reyes. At one showroom in Dallas, prices were "
        'cut again. "It\'s quiet for a Saturday," said one customer, who gave only her first name.'
    )
    assert said(extractor, text) == [("Tom Reyes", "Business is slow"), (None, "It's quiet for")]


def test_he_is_the_person_named_before_the_quote_not_the_last_speaker(extractor: Extractor) -> None:
    text = (
        "“This was the fourth time I was sent back,” Jabarjung Singh said.\n\n"
        "Lakshiwnder Pal, another deportee, said he had paid an agent to help him. “He sent me to Mexico in "
        "May. They caught me at the border,” he said."
    )
    assert [speaker for speaker, _ in said(extractor, text)] == ["Jabarjung Singh", "Lakshiwnder Pal"]


def test_he_in_a_sentence_that_names_him_first(extractor: Extractor) -> None:
    text = (
        "“We pray for the full recovery of both men,” White House Press Secretary Stephanie Grisham said.\n\n"
        "When Afghan President Ashraf Ghani first announced the exchange, he said the prisoners would not "
        "return to the front.\n\nHe also said he hoped the swap would “pave the way” for direct talks."
    )
    assert said(extractor, text) == [
        ("Stephanie Grisham", "We pray for"),
        ("Ashraf Ghani", "pave the way"),
    ]


def test_reported_speech_inside_a_speakers_sentence_is_the_speakers(extractor: Extractor) -> None:
    text = (
        "Secretary of State Marco Rubio said the department had concluded that the programme was “no "
        "longer serving American interests.”"
    )
    assert said(extractor, text) == [("Marco Rubio", "no longer serving")]


def test_an_office_named_with_its_remit_speaks_in_full(extractor: Extractor) -> None:
    text = (
        "The United Nations High Commissioner for Human Rights said the decision did “not modify existing "
        "international law.”"
    )
    assert said(extractor, text) == [
        ("United Nations High Commissioner for Human Rights", "not modify existing")
    ]


def test_a_statement_warning_that_is_its_issuers(extractor: Extractor) -> None:
    text = (
        "The Electoral Commission, which regulates campaign finances, issued a statement warning that "
        "“voters are entitled to transparency from campaigners.”"
    )
    assert said(extractor, text) == [("Electoral Commission", "voters are entitled")]


def test_a_person_the_model_tags_as_a_body_is_still_the_speaker(extractor: Extractor) -> None:
    text = (
        "Hon Nicola Willis, Minister of Finance\n\nThe Government has set aside $1.2 billion, Finance "
        "Minister Nicola Willis announced today.\n\n“This is money that goes straight into homes,” Nicola "
        "Willis said. “We have been clear that every dollar must deliver.”"
    )
    assert said(extractor, text) == [
        ("Nicola Willis", "This is money"),
        ("Nicola Willis", "We have been"),
    ]


def test_an_unnamed_person_is_no_speaker_and_no_one_else(extractor: Extractor) -> None:
    text = (
        "Health Minister Ana Ruiz visited the hospital on Monday.\n\nA doctor on the scene said he had "
        "tried to save the man. “It’s a shame to see someone die this way,” the doctor said."
    )
    assert said(extractor, text) == [(None, "It’s a shame")]


def test_i_in_a_speech_is_the_speaker_not_the_last_person_named(extractor: Extractor) -> None:
    text = (
        "Secretary Kellogg has negotiated a treaty with fifteen nations. Last year I said to the Congress: "
        "“We seek no territory and no advantage from any nation on earth.”"
    )
    assert said(extractor, text) == [(None, "We seek no")]


def test_in_the_words_of_names_the_speaker(extractor: Extractor) -> None:
    text = (
        "In the words of Woodrow Wilson, “the world must be made safe for democracy.” That task is not "
        "finished."
    )
    assert said(extractor, text) == [("Woodrow Wilson", "the world must")]


def test_a_bodys_report_speaks_for_the_body(extractor: Extractor) -> None:
    text = (
        "The Australian Bureau of Meteorology's latest outlook warned, “Rainfall is likely to be below "
        "average for much of the east.”"
    )
    assert said(extractor, text) == [("Australian Bureau of Meteorology", "Rainfall is likely")]


def test_a_law_or_a_book_quoted_is_no_speaker(extractor: Extractor) -> None:
    text = (
        "The Charter of the United Nations says: “We the peoples of the United Nations are determined to "
        "save succeeding generations.” As the Bible says, “blessed are the peacemakers, for they shall be "
        "called the children of God.”"
    )
    assert [speaker for speaker, _ in said(extractor, text)] == [None, None]


def test_more_ways_of_saying(extractor: Extractor) -> None:
    text = (
        "“Two surpluses in a row is the record,” Treasurer Jim Chalmers quipped.\n\n"
        "Opposition leader Peter Dutton pointed out that “the debt is still rising every month.”"
    )
    assert said(extractor, text) == [
        ("Jim Chalmers", "Two surpluses in"),
        ("Peter Dutton", "the debt is"),
    ]


def test_a_statement_that_reads_speaks_for_its_body_and_a_name_in_marks_is_no_quote(
    extractor: Extractor,
) -> None:
    text = (
        "The project, dubbed ‘Blue Horizon’, will open in May, said Lena Ortiz, the company's director of "
        "operations.\n\nA statement from the Ministry of Health read: “We are reviewing the safety of such "
        "devices.”"
    )
    assert said(extractor, text) == [("Ministry of Health", "We are reviewing")]


def test_a_body_named_before_speaks_as_it_the_group_or_the_company(extractor: Extractor) -> None:
    """'it', 'the group', 'the ministry' and 'a company spokesperson' stand for the body the sentences
    before name (bench/people_probes.py batch 11: quotes 0.64 blind, 0.91 after)."""
    group = (
        "The Tenants First Alliance has criticised the new rent rules. The group said on Twitter that the "
        "changes were “rushed through without consultation.”"
    )
    assert said(extractor, group) == [("Tenants First Alliance", "rushed through without")]
    it = (
        "Wellington City Council voted to close the pool. It said repairs would cost “more than the pool is "
        "worth” and that a new one would open in 2028."
    )
    assert said(extractor, it) == [("Wellington City Council", "more than the")]
    ministry = (
        "Norway's foreign ministry said it regarded the vote as “a serious setback for the peace process” "
        "and called for calm."
    )
    assert said(extractor, ministry) == [("Norwegian Foreign Ministry", "a serious setback")]


def test_a_noun_that_names_no_body_before_it_is_nobody(extractor: Extractor) -> None:
    """The other side: 'the group' of people, 'it' for the weather, a noun with a name of its own, and a
    spokesperson of a body named only later speak for no body."""
    people = (
        "A group of parents gathered outside the school on Monday. The group said the closure was “a betrayal "
        "of the children who need it most.”"
    )
    assert said(extractor, people) == [(None, "a betrayal of")]
    weather = "The storm hit the coast overnight. It was, residents said, “the worst night in living memory.”"
    assert said(extractor, weather) == [(None, "the worst night")]
    later = (
        "Train drivers walked out on Thursday. A union spokesman said members were “left with no choice” "
        "after talks with Metro Trains collapsed."
    )
    assert said(extractor, later) == [(None, "left with no")]
    own_name = (
        "Ofcom opened an inquiry on Monday. The security firm Secunia said the flaw was “rated highly "
        "critical by every vendor.”"
    )
    assert said(extractor, own_name)[0][0] != "Ofcom"


def test_evaluative_verbs_attribute_a_quote(extractor: Extractor) -> None:
    """'hailed the launch as "..."', 'welcomed the ruling as "..."': the subject says the quoted words."""
    text = "The European Space Agency hailed the launch as “a new chapter for European science.”"
    assert said(extractor, text) == [("European Space Agency", "a new chapter")]


def test_the_sentence_after_a_quote_that_says_something_of_its_own_is_not_its_attribution(
    extractor: Extractor,
) -> None:
    """'... said the ruling was "...." Greenpeace said it would not appeal': the next sentence's verb with its own
    clause, or a judging one ('welcomed the ceasefire as'), does not take the quote its sentence closed."""
    lawyer = (
        "Sarah Chen, a lawyer for Greenpeace, said the ruling was “a victory for the climate.” Greenpeace said "
        "it would not appeal."
    )
    assert said(extractor, lawyer) == [("Sarah Chen", "a victory for")]
    welcomed = (
        "The Red Cross condemned the attack on the hospital. The organisation said staff had been “deliberately "
        "targeted by both sides.” The United Nations welcomed the ceasefire as “a first step.”"
    )
    assert said(extractor, welcomed) == [
        ("Red Cross", "deliberately targeted by"),
        ("United Nations", "a first step."),
    ]


def test_a_body_noun_is_the_body_it_heads_and_a_role_or_an_expletive_it_is_none(extractor: Extractor) -> None:
    """'the department' is the Department for Transport, not the company named between; 'the chief executive'
    is a person the text does not name and 'It was reported that' no one: neither is the company before."""
    department = (
        "The Department for Transport announced new funding for rural buses on Tuesday. Shell reported record "
        "profits. The department said the money would “keep vital routes running.”"
    )
    assert said(extractor, department) == [("Department for Transport", "keep vital routes")]
    reported = (
        "Microsoft released its quarterly results on Thursday. It was reported that the chief executive had "
        "called the quarter “our best ever by far.”"
    )
    assert said(extractor, reported) == [(None, "our best ever")]
    executive = (
        "Microsoft released its quarterly results. The chief executive said sales were “ahead of plan.”"
    )
    assert said(extractor, executive) == [(None, "ahead of plan.")]


def test_a_body_noun_is_never_a_body_whose_name_says_it_is_another_kind(extractor: Extractor) -> None:
    """'the bank' after the Financial Conduct Authority, 'the company' after the European Commission: a name
    that says what kind of body it is (an authority, a commission) is not the bank or the company; 'the group'
    may still be an alliance (test above)."""
    bank = (
        "Barclays was fined £40m by the regulator on Monday. The Financial Conduct Authority said the bank had "
        "“failed its customers over many years.” The bank said it “accepted the findings in full.”"
    )
    regulator, fined = said(extractor, bank)
    assert regulator == ("Financial Conduct Authority", "failed its customers")
    assert fined[1] == "accepted the findings" and fined[0] in (None, "Barclays")
    company = (
        "The European Commission fined Google €2.4bn on Tuesday. The company said it would “review the decision "
        "and consider an appeal.”"
    )
    [(speaker, _)] = said(extractor, company)
    assert speaker in (None, "Google")


def test_declining_to_comment_says_nothing(extractor: Extractor) -> None:
    """'A spokesperson for Acme declined to comment' after a quote is not who said it (the body 'It' stands
    for, Beta Dairy, is one the small model does not tag)."""
    text = (
        "Acme Foods has agreed to buy rival Beta Dairy for $2bn, the companies announced on Monday. The company "
        "said the deal would “transform our reach in the Midwest”. Beta Dairy said in a separate statement that "
        "its board had unanimously backed the offer. It said shareholders would receive “a substantial "
        "premium.” A company spokesperson for Acme declined to comment on job cuts."
    )
    assert [speaker for speaker, _ in said(extractor, text)][1:] in ([None], ["Beta Dairy"])


def test_the_company_after_two_companies_that_share_the_subject_is_nobody(extractor: Extractor) -> None:
    """'Amazon and Walmart both cut prices. The company said': which one, the text does not say (review6)."""
    text = "Amazon and Walmart both cut prices on Monday. The company said the cuts were “the deepest in a decade.”"
    assert said(extractor, text) == [(None, "the deepest in")]


def test_a_title_alone_is_the_person_whose_double_office_it_opens(extractor: Extractor) -> None:
    """'the Tánaiste said' after 'Tánaiste and Minister for Foreign Affairs Simon Harris': the title is his, and
    the model's tag of it as a body is no organisation."""
    text = (
        "Tánaiste and Minister for Foreign Affairs Simon Harris has today announced €12 million in humanitarian "
        "funding for Sudan.\n\nSpeaking in Dublin, the Tánaiste said: “The scale of suffering in Sudan is almost "
        "unimaginable.”"
    )
    assert said(extractor, text) == [("Simon Harris", "The scale of")]
    document = extractor.enrich(Document.from_page(url="http://t.test/x", source="t", title="t", body=text))
    assert [m.normalized for m in document.entities if m.label == "ORG"] == []
