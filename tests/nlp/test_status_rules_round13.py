"""Round-13 status rules pinned on parses written out by hand (as `test_status_rules_round9.py` does), each
boundary with an example on both sides: proposals, offers or draft texts exchanged for an agreement are talks on
it (in negotiation), the agreements exchanged are signed; an agreement concluded whose signing a joined clause
puts ahead is agreed, one whose ratification is ahead stays signed; an end disclaimed ('has no plans to pull out
of', 'ruled out withdrawing') or only meant ('plans to pull out of') leaves it in force, one decided or done ends
it; a deal that frames a purchase ('will buy frigates in a deal with Britain') is agreed where the purchase is
ahead, signed where it is done. The round-13 probes (`tests/nlp/data/status_probes_round13.tsv`) take the same
boundaries through the Extractor in `test_status_probes.py`."""

from __future__ import annotations

import pytest

from nlp.agreements import is_reference
from nlp.agreements.status import stage_told_after
from tests.nlp.test_agreement_status_rules import parsed
from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    # what the sides put on the table for an agreement (proposals, offers, draft texts) is talk on it; the
    # agreements themselves exchanged are the ceremony that signs them
    (
        "Proposals for a trade agreement were exchanged with Indonesia.",
        "in_negotiation",
        "Proposals/NNS/NOUN/proposal/nsubjpass/6 for/IN/ADP/for/prep/0 a/DT/DET/a/det/4 trade/NN/NOUN/trade/compound/4 agreement/NN/NOUN/agreement/pobj/1 were/VBD/AUX/be/auxpass/6 exchanged/VBN/VERB/exchange/ROOT/6 with/IN/ADP/with/prep/6 Indonesia/NNP/PROPN/Indonesia/pobj/7 ././PUNCT/./punct/6",
    ),
    (
        "Negotiators exchanged draft texts of an investment agreement with Kenya.",
        "in_negotiation",
        "Negotiators/NNS/NOUN/negotiator/nsubj/1 exchanged/VBD/VERB/exchange/ROOT/1 draft/NN/NOUN/draft/compound/3 texts/NNS/NOUN/text/dobj/1 of/IN/ADP/of/prep/3 an/DT/DET/an/det/7 investment/NN/NOUN/investment/compound/7 agreement/NN/NOUN/agreement/pobj/4 with/IN/ADP/with/prep/7 Kenya/NNP/PROPN/Kenya/pobj/8 ././PUNCT/./punct/1",
    ),
    (
        "The ministers exchanged the MoUs with Indonesia.",
        "signed",
        "The/DT/DET/the/det/1 ministers/NNS/NOUN/minister/nsubj/2 exchanged/VBD/VERB/exchange/ROOT/2 the/DT/DET/the/det/4 MoUs/NNP/PROPN/MoUs/dobj/2 with/IN/ADP/with/prep/4 Indonesia/NNP/PROPN/Indonesia/pobj/5 ././PUNCT/./punct/2",
    ),
    # an agreement concluded, with a joined clause that puts its signing ahead, is its text reached (agreed);
    # one that puts only its ratification ahead stays signed
    (
        "Negotiators concluded an agreement with Mercosur, though it still has to be signed.",
        "agreed",
        "Negotiators/NNS/NOUN/negotiator/nsubj/1 concluded/VBD/VERB/conclude/ROOT/1 an/DT/DET/an/det/3 agreement/NN/NOUN/agreement/dobj/1 with/IN/ADP/with/prep/3 Mercosur/NNP/PROPN/Mercosur/pobj/4 ,/,/PUNCT/,/punct/1 though/IN/SCONJ/though/mark/10 it/PRP/PRON/it/nsubj/10 still/RB/ADV/still/advmod/10 has/VBZ/VERB/have/advcl/1 to/TO/PART/to/aux/13 be/VB/AUX/be/auxpass/13 signed/VBN/VERB/sign/xcomp/10 ././PUNCT/./punct/1",
    ),
    (
        "Negotiators concluded an agreement with Mercosur, though it still has to be ratified.",
        "signed",
        "Negotiators/NNS/NOUN/negotiator/nsubj/1 concluded/VBD/VERB/conclude/ROOT/1 an/DT/DET/an/det/3 agreement/NN/NOUN/agreement/dobj/1 with/IN/ADP/with/prep/3 Mercosur/NNP/PROPN/Mercosur/pobj/4 ,/,/PUNCT/,/punct/1 though/IN/SCONJ/though/mark/10 it/PRP/PRON/it/nsubj/10 still/RB/ADV/still/advmod/10 has/VBZ/VERB/have/advcl/1 to/TO/PART/to/aux/13 be/VB/AUX/be/auxpass/13 ratified/VBN/VERB/ratify/xcomp/10 ././PUNCT/./punct/1",
    ),
    (
        "Canada concluded a treaty with Ecuador and will sign it in May.",
        "agreed",
        "Canada/NNP/PROPN/Canada/nsubj/1 concluded/VBD/VERB/conclude/ROOT/1 a/DT/DET/a/det/3 treaty/NN/NOUN/treaty/dobj/1 with/IN/ADP/with/prep/3 Ecuador/NNP/PROPN/Ecuador/pobj/4 and/CC/CCONJ/and/cc/1 will/MD/AUX/will/aux/8 sign/VB/VERB/sign/conj/1 it/PRP/PRON/it/dobj/8 in/IN/ADP/in/prep/8 May/NNP/PROPN/May/pobj/10 ././PUNCT/./punct/1",
    ),
    # an end disclaimed ('no plans to', 'ruled out') or only meant ('plans to') leaves it in force; one decided
    # or done ends it
    (
        "Canada has no plans to pull out of its treaty with Ecuador.",
        "in_force",
        "Canada/NNP/PROPN/Canada/nsubj/1 has/VBZ/VERB/have/ROOT/1 no/DT/DET/no/det/3 plans/NNS/NOUN/plan/dobj/1 to/TO/PART/to/aux/5 pull/VB/VERB/pull/acl/3 out/IN/ADP/out/prep/5 of/IN/ADP/of/prep/6 its/PRP$/PRON/its/poss/9 treaty/NN/NOUN/treaty/pobj/7 with/IN/ADP/with/prep/9 Ecuador/NNP/PROPN/Ecuador/pobj/10 ././PUNCT/./punct/1",
    ),
    (
        "Canada plans to pull out of its treaty with Ecuador.",
        "in_force",
        "Canada/NNP/PROPN/Canada/nsubj/1 plans/VBZ/VERB/plan/ROOT/1 to/TO/PART/to/aux/3 pull/VB/VERB/pull/xcomp/1 out/IN/ADP/out/prep/3 of/IN/ADP/of/prep/4 its/PRP$/PRON/its/poss/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 Ecuador/NNP/PROPN/Ecuador/pobj/8 ././PUNCT/./punct/1",
    ),
    (
        "Canada has decided to pull out of its treaty with Ecuador.",
        "ended",
        "Canada/NNP/PROPN/Canada/nsubj/2 has/VBZ/AUX/have/aux/2 decided/VBN/VERB/decide/ROOT/2 to/TO/PART/to/aux/4 pull/VB/VERB/pull/xcomp/2 out/IN/ADP/out/prep/4 of/IN/ADP/of/prep/5 its/PRP$/PRON/its/poss/8 treaty/NN/NOUN/treaty/pobj/6 with/IN/ADP/with/prep/8 Ecuador/NNP/PROPN/Ecuador/pobj/9 ././PUNCT/./punct/2",
    ),
    (
        "Canada has ruled out withdrawing from its treaty with Ecuador.",
        "in_force",
        "Canada/NNP/PROPN/Canada/nsubj/2 has/VBZ/AUX/have/aux/2 ruled/VBN/VERB/rule/ROOT/2 out/RP/ADP/out/prt/2 withdrawing/VBG/VERB/withdraw/advcl/2 from/IN/ADP/from/prep/4 its/PRP$/PRON/its/poss/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 Ecuador/NNP/PROPN/Ecuador/pobj/8 ././PUNCT/./punct/2",
    ),
    (
        "Canada withdrew from its treaty with Ecuador.",
        "ended",
        "Canada/NNP/PROPN/Canada/nsubj/1 withdrew/VBD/VERB/withdraw/ROOT/1 from/IN/ADP/from/prep/1 its/PRP$/PRON/its/poss/4 treaty/NN/NOUN/treaty/pobj/2 with/IN/ADP/with/prep/4 Ecuador/NNP/PROPN/Ecuador/pobj/5 ././PUNCT/./punct/1",
    ),
    # a deal that frames a purchase is reached where the purchase is ahead, made where it is done; one only
    # supposed says neither
    (
        "Norway will buy frigates in a deal with Britain.",
        "agreed",
        "Norway/NNP/PROPN/Norway/nsubj/2 will/MD/AUX/will/aux/2 buy/VB/VERB/buy/ROOT/2 frigates/NNS/NOUN/frigate/dobj/2 in/IN/ADP/in/prep/2 a/DT/DET/a/det/6 deal/NN/NOUN/deal/pobj/4 with/IN/ADP/with/prep/6 Britain/NNP/PROPN/Britain/pobj/7 ././PUNCT/./punct/2",
    ),
    (
        "Norway bought frigates in a deal with Britain.",
        "signed",
        "Norway/NNP/PROPN/Norway/nsubj/1 bought/VBD/VERB/buy/ROOT/1 frigates/NNS/NOUN/frigate/dobj/1 in/IN/ADP/in/prep/1 a/DT/DET/a/det/5 deal/NN/NOUN/deal/pobj/3 with/IN/ADP/with/prep/5 Britain/NNP/PROPN/Britain/pobj/6 ././PUNCT/./punct/1",
    ),
    (
        "Norway could buy frigates in a deal with Britain.",
        "unknown",
        "Norway/NNP/PROPN/Norway/nsubj/2 could/MD/AUX/could/aux/2 buy/VB/VERB/buy/ROOT/2 frigates/NNS/NOUN/frigate/dobj/2 in/IN/ADP/in/prep/2 a/DT/DET/a/det/6 deal/NN/NOUN/deal/pobj/4 with/IN/ADP/with/prep/6 Britain/NNP/PROPN/Britain/pobj/7 ././PUNCT/./punct/2",
    ),
    # a government's approval after the fact ('ex-post facto') is of an agreement already signed; its approval
    # alone says nothing of the stage
    (
        "The Cabinet has given its ex-post facto approval to the agreement with Ghana.",
        "signed",
        "The/DT/DET/the/det/1 Cabinet/NNP/PROPN/Cabinet/nsubj/3 has/VBZ/AUX/have/aux/3 given/VBN/VERB/give/ROOT/3 its/PRP$/PRON/its/poss/5 ex/NN/NOUN/ex/poss/9 -/NN/NOUN/-/amod/9 post/JJ/ADJ/post/amod/9 facto/JJ/ADJ/facto/amod/9 approval/NN/NOUN/approval/dobj/3 to/IN/ADP/to/prep/9 the/DT/DET/the/det/12 agreement/NN/NOUN/agreement/pobj/10 with/IN/ADP/with/prep/12 Ghana/NNP/PROPN/Ghana/pobj/13 ././PUNCT/./punct/3",
    ),
    (
        "The Cabinet has given its approval to the agreement with Ghana.",
        "unknown",
        "The/DT/DET/the/det/1 Cabinet/NNP/PROPN/Cabinet/nsubj/3 has/VBZ/AUX/have/aux/3 given/VBN/VERB/give/ROOT/3 its/PRP$/PRON/its/poss/5 approval/NN/NOUN/approval/dobj/3 to/IN/ADP/to/dative/3 the/DT/DET/the/det/8 agreement/NN/NOUN/agreement/pobj/6 with/IN/ADP/with/prep/8 Ghana/NNP/PROPN/Ghana/pobj/9 ././PUNCT/./punct/3",
    ),
    # an agreement reached (a relative clause) that has since done something operates, as one signed long ago and
    # serving since does; what it will do is its effect. A joined clause telling a later stage of 'it' (done to
    # it) moves it on; an 'it' that ends something else does not end it
    (
        "The agreement we reached with Japan has reduced the deficit.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/7 we/PRP/PRON/we/nsubj/3 reached/VBD/VERB/reach/relcl/1 with/IN/ADP/with/prep/3 Japan/NNP/PROPN/Japan/pobj/4 has/VBZ/AUX/have/aux/7 reduced/VBN/VERB/reduce/ROOT/7 the/DT/DET/the/det/9 deficit/NN/NOUN/deficit/dobj/7 ././PUNCT/./punct/7",
    ),
    (
        "The agreement we reached with Japan will reduce the deficit.",
        "agreed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/7 we/PRP/PRON/we/nsubj/3 reached/VBD/VERB/reach/relcl/1 with/IN/ADP/with/prep/3 Japan/NNP/PROPN/Japan/pobj/4 will/MD/AUX/will/aux/7 reduce/VB/VERB/reduce/ROOT/7 the/DT/DET/the/det/9 deficit/NN/NOUN/deficit/dobj/7 ././PUNCT/./punct/7",
    ),
    (
        "We reached an agreement with Canada, and it is being implemented.",
        "in_force",
        "We/PRP/PRON/we/nsubj/1 reached/VBD/VERB/reach/ROOT/1 an/DT/DET/an/det/3 agreement/NN/NOUN/agreement/dobj/1 with/IN/ADP/with/prep/3 Canada/NNP/PROPN/Canada/pobj/4 ,/,/PUNCT/,/punct/1 and/CC/CCONJ/and/cc/1 it/PRP/PRON/it/nsubjpass/11 is/VBZ/AUX/be/aux/11 being/VBG/AUX/be/auxpass/11 implemented/VBN/VERB/implement/conj/1 ././PUNCT/./punct/11",
    ),
    (
        "We signed an agreement with Canada, and it ended the dispute.",
        "signed",
        "We/PRP/PRON/we/nsubj/1 signed/VBD/VERB/sign/ROOT/1 an/DT/DET/an/det/3 agreement/NN/NOUN/agreement/dobj/1 with/IN/ADP/with/prep/3 Canada/NNP/PROPN/Canada/pobj/4 ,/,/PUNCT/,/punct/1 and/CC/CCONJ/and/cc/1 it/PRP/PRON/it/nsubj/9 ended/VBD/VERB/end/conj/1 the/DT/DET/the/det/11 dispute/NN/NOUN/dispute/dobj/9 ././PUNCT/./punct/9",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round13(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)


@pytest.mark.parametrize(
    ("sentence", "refers", "spec"),
    [
        # a release's capitalised defined term points back to the agreement it named; a name of its own does not
        (
            "The Agreement was signed in July.",
            True,
            "The/DT/DET/the/det/1 Agreement/NNP/PROPN/Agreement/nsubjpass/3 was/VBD/AUX/be/auxpass/3 signed/VBN/VERB/sign/ROOT/3 in/IN/ADP/in/prep/3 July/NNP/PROPN/July/pobj/4 ././PUNCT/./punct/3",
        ),
        (
            "The agreement was signed in July.",
            True,
            "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/3 was/VBD/AUX/be/auxpass/3 signed/VBN/VERB/sign/ROOT/3 in/IN/ADP/in/prep/3 July/NNP/PROPN/July/pobj/4 ././PUNCT/./punct/3",
        ),
        (
            "The Treaty of Lisbon was signed in 2007.",
            False,
            "The/DT/DET/the/det/1 Treaty/NNP/PROPN/Treaty/nsubjpass/5 of/IN/ADP/of/prep/1 Lisbon/NNP/PROPN/Lisbon/pobj/2 was/VBD/AUX/be/auxpass/5 signed/VBN/VERB/sign/ROOT/5 in/IN/ADP/in/prep/5 2007/CD/NUM/2007/pobj/6 ././PUNCT/./punct/5",
        ),
        (
            "The Paris Agreement was signed in 2016.",
            False,
            "The/DT/DET/the/det/2 Paris/NNP/PROPN/Paris/compound/2 Agreement/NNP/PROPN/Agreement/nsubjpass/4 was/VBD/AUX/be/auxpass/4 signed/VBN/VERB/sign/ROOT/4 in/IN/ADP/in/prep/4 2016/CD/NUM/2016/pobj/5 ././PUNCT/./punct/4",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and "/" not in v else "",
)
def test_a_capitalised_defined_term_points_back(sentence: str, refers: bool, spec: str) -> None:
    doc = parsed(spec)
    assert "".join(doc.text.split()) == "".join(sentence.split())
    noun = next(t for t in doc if t.lemma_.lower() in ("agreement", "treaty"))
    assert is_reference(noun) is refers


@pytest.mark.parametrize(
    ("sentence", "stage", "spec"),
    [
        # a sentence that names no agreement but tells a stage of 'it' or of the ratifications, said right after
        # an agreement's, moves that one on; one still ahead says no later stage, and an 'it' acting on another
        # agreement tells none of this one
        (
            "The instruments of ratification were exchanged at Washington.",
            "in_force",
            "The/DT/DET/the/det/1 instruments/NNS/NOUN/instrument/nsubjpass/5 of/IN/ADP/of/prep/1 ratification/NN/NOUN/ratification/pobj/2 were/VBD/AUX/be/auxpass/5 exchanged/VBN/VERB/exchange/ROOT/5 at/IN/ADP/at/prep/5 Washington/NNP/PROPN/Washington/pobj/6 ././PUNCT/./punct/5",
        ),
        (
            "The instruments of ratification will be exchanged at Washington.",
            None,
            "The/DT/DET/the/det/1 instruments/NNS/NOUN/instrument/nsubjpass/6 of/IN/ADP/of/prep/1 ratification/NN/NOUN/ratification/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 exchanged/VBN/VERB/exchange/ROOT/6 at/IN/ADP/at/prep/6 Washington/NNP/PROPN/Washington/pobj/7 ././PUNCT/./punct/6",
        ),
        (
            "It entered into force in December.",
            "in_force",
            "It/PRP/PRON/it/nsubj/1 entered/VBD/VERB/enter/ROOT/1 into/IN/ADP/into/prep/1 force/NN/NOUN/force/pobj/2 in/IN/ADP/in/prep/1 December/NNP/PROPN/December/pobj/4 ././PUNCT/./punct/1",
        ),
        (
            "It will enter into force in December.",
            "signed",
            "It/PRP/PRON/it/nsubj/2 will/MD/AUX/will/aux/2 enter/VB/VERB/enter/ROOT/2 into/IN/ADP/into/prep/2 force/NN/NOUN/force/pobj/3 in/IN/ADP/in/prep/2 December/NNP/PROPN/December/pobj/5 ././PUNCT/./punct/2",
        ),
        (
            "It has been ratified by both governments.",
            "in_force",
            "It/PRP/PRON/it/nsubjpass/3 has/VBZ/AUX/have/aux/3 been/VBN/AUX/be/auxpass/3 ratified/VBN/VERB/ratify/ROOT/3 by/IN/ADP/by/agent/3 both/DT/DET/both/det/6 governments/NNS/NOUN/government/pobj/4 ././PUNCT/./punct/3",
        ),
        (
            "It ratified the accord in May.",
            None,
            "It/PRP/PRON/it/nsubj/1 ratified/VBD/VERB/ratify/ROOT/1 the/DT/DET/the/det/3 accord/NN/NOUN/accord/dobj/1 in/IN/ADP/in/prep/1 May/NNP/PROPN/May/pobj/4 ././PUNCT/./punct/1",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and "/" not in v else "",
)
def test_a_stage_told_after_without_the_noun(sentence: str, stage: str | None, spec: str) -> None:
    doc = parsed(spec)
    assert "".join(doc.text.split()) == "".join(sentence.split())
    assert stage_told_after(doc[:]) == stage
