"""Round-8 status rules pinned on parses written out by hand (as `test_status_rules_round4.py` does), each
boundary with an example on both sides: a signing yet to come ('which will be signed', 'to be signed') of an
agreement the sentence has reached ('have agreed on the text of', 'reached a deal', 'agreed on a treaty') is
agreed, not planned (the annotation guide's 'agreed': reached, not yet signed), while one ahead of an agreement
only to be agreed or proposed stays planned; talks the sides agreed would begin are in negotiation, not agreed
('agreed that talks on a treaty would begin', as 'agreed to resume talks'), while talks agreed to have ended are
agreed; a phrasal verb of reaching ('worked out', 'hammered out', 'arrived at', 'came to' an agreement) is as
'reached' (agreed; 'will work out' planned), and working with the other side to reach or make one is
negotiating it."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    # a signing ahead of an agreement the sentence has reached (the text agreed on, a deal reached, a treaty
    # agreed on 'to be signed') is agreed; ahead of one only to be agreed or proposed, it is planned
    (
        "India and Oman have agreed on the text of an economic partnership agreement, which will be signed during the visit.",
        "agreed",
        "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 Oman/NNP/PROPN/Oman/conj/0 have/VBP/AUX/have/aux/4 agreed/VBN/VERB/agree/ROOT/4 on/IN/ADP/on/prep/4 the/DT/DET/the/det/7 text/NN/NOUN/text/pobj/5 of/IN/ADP/of/prep/7 an/DT/DET/an/det/12 economic/JJ/ADJ/economic/amod/11 partnership/NN/NOUN/partnership/compound/12 agreement/NN/NOUN/agreement/pobj/8 ,/,/PUNCT/,/punct/12 which/WDT/PRON/which/nsubjpass/17 will/MD/AUX/will/aux/17 be/VB/AUX/be/auxpass/17 signed/VBN/VERB/sign/relcl/12 during/IN/ADP/during/prep/17 the/DT/DET/the/det/20 visit/NN/NOUN/visit/pobj/18 ././PUNCT/./punct/4",
    ),
    (
        "India and Oman will agree on the text of an economic partnership agreement, which will be signed during the visit.",
        "planned",
        "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 Oman/NNP/PROPN/Oman/conj/0 will/MD/AUX/will/aux/4 agree/VB/VERB/agree/ROOT/4 on/IN/ADP/on/prep/4 the/DT/DET/the/det/7 text/NN/NOUN/text/pobj/5 of/IN/ADP/of/prep/7 an/DT/DET/an/det/12 economic/JJ/ADJ/economic/amod/11 partnership/NN/NOUN/partnership/compound/12 agreement/NN/NOUN/agreement/pobj/8 ,/,/PUNCT/,/punct/12 which/WDT/PRON/which/nsubjpass/17 will/MD/AUX/will/aux/17 be/VB/AUX/be/auxpass/17 signed/VBN/VERB/sign/relcl/12 during/IN/ADP/during/prep/17 the/DT/DET/the/det/20 visit/NN/NOUN/visit/pobj/18 ././PUNCT/./punct/4",
    ),
    (
        "We have agreed with Russia on a new treaty, to be signed in Prague next month.",
        "agreed",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 agreed/VBN/VERB/agree/ROOT/2 with/IN/ADP/with/prep/2 Russia/NNP/PROPN/Russia/pobj/3 on/IN/ADP/on/prep/2 a/DT/DET/a/det/8 new/JJ/ADJ/new/amod/8 treaty/NN/NOUN/treaty/pobj/5 ,/,/PUNCT/,/punct/8 to/TO/PART/to/aux/12 be/VB/AUX/be/auxpass/12 signed/VBN/VERB/sign/relcl/8 in/IN/ADP/in/prep/12 Prague/NNP/PROPN/Prague/pobj/13 next/JJ/ADJ/next/amod/16 month/NN/NOUN/month/npadvmod/12 ././PUNCT/./punct/2",
    ),
    (
        "We will propose to Russia a new treaty, to be signed in Prague next month.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 propose/VB/VERB/propose/ROOT/2 to/IN/ADP/to/prep/2 Russia/NNP/PROPN/Russia/pobj/3 a/DT/DET/a/det/7 new/JJ/ADJ/new/amod/7 treaty/NN/NOUN/treaty/dobj/2 ,/,/PUNCT/,/punct/7 to/TO/PART/to/aux/11 be/VB/AUX/be/auxpass/11 signed/VBN/VERB/sign/relcl/7 in/IN/ADP/in/prep/11 Prague/NNP/PROPN/Prague/pobj/12 next/JJ/ADJ/next/amod/15 month/NN/NOUN/month/npadvmod/11 ././PUNCT/./punct/2",
    ),
    (
        "The European Union and Chile have reached a deal, which will be signed once the legal review is complete.",
        "agreed",
        "The/DT/DET/the/det/2 European/NNP/PROPN/European/compound/2 Union/NNP/PROPN/Union/nsubj/6 and/CC/CCONJ/and/cc/2 Chile/NNP/PROPN/Chile/conj/2 have/VBP/AUX/have/aux/6 reached/VBN/VERB/reach/ROOT/6 a/DT/DET/a/det/8 deal/NN/NOUN/deal/dobj/6 ,/,/PUNCT/,/punct/8 which/WDT/PRON/which/nsubjpass/13 will/MD/AUX/will/aux/13 be/VB/AUX/be/auxpass/13 signed/VBN/VERB/sign/relcl/8 once/RB/ADV/once/advmod/18 the/DT/DET/the/det/17 legal/JJ/ADJ/legal/amod/17 review/NN/NOUN/review/nsubj/18 is/VBZ/AUX/be/advcl/13 complete/JJ/ADJ/complete/acomp/18 ././PUNCT/./punct/6",
    ),
    (
        "The European Union and Chile have proposed a deal, which will be signed once the legal review is complete.",
        "planned",
        "The/DT/DET/the/det/2 European/NNP/PROPN/European/compound/2 Union/NNP/PROPN/Union/nsubj/6 and/CC/CCONJ/and/cc/2 Chile/NNP/PROPN/Chile/conj/2 have/VBP/AUX/have/aux/6 proposed/VBN/VERB/propose/ROOT/6 a/DT/DET/a/det/8 deal/NN/NOUN/deal/dobj/6 ,/,/PUNCT/,/punct/8 which/WDT/PRON/which/nsubjpass/13 will/MD/AUX/will/aux/13 be/VB/AUX/be/auxpass/13 signed/VBN/VERB/sign/relcl/8 once/RB/ADV/once/advmod/18 the/DT/DET/the/det/17 legal/JJ/ADJ/legal/amod/17 review/NN/NOUN/review/nsubj/18 is/VBZ/AUX/be/advcl/13 complete/JJ/ADJ/complete/acomp/18 ././PUNCT/./punct/6",
    ),
    # also where the clause hangs on what was agreed ('agreement ... on the text, which will be signed')
    (
        "We have reached agreement with Germany on the text, which will be signed next month.",
        "agreed",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 reached/VBN/VERB/reach/ROOT/2 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/3 Germany/NNP/PROPN/Germany/pobj/4 on/IN/ADP/on/prep/3 the/DT/DET/the/det/8 text/NN/NOUN/text/pobj/6 ,/,/PUNCT/,/punct/8 which/WDT/PRON/which/nsubjpass/13 will/MD/AUX/will/aux/13 be/VB/AUX/be/auxpass/13 signed/VBN/VERB/sign/relcl/8 next/JJ/ADJ/next/amod/15 month/NN/NOUN/month/npadvmod/13 ././PUNCT/./punct/2",
    ),
    # talks the sides agreed would begin are talks to come (in negotiation); talks agreed to have ended, and
    # talks concluded, are agreed
    (
        "The leaders agreed that talks on a treaty with the Soviet Union would begin in the spring.",
        "in_negotiation",
        "The/DT/DET/the/det/1 leaders/NNS/NOUN/leader/nsubj/2 agreed/VBD/VERB/agree/ROOT/2 that/IN/SCONJ/that/mark/13 talks/NNS/NOUN/talk/nsubj/13 on/IN/ADP/on/prep/4 a/DT/DET/a/det/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 the/DT/DET/the/det/11 Soviet/NNP/PROPN/Soviet/compound/11 Union/NNP/PROPN/Union/pobj/8 would/MD/AUX/would/aux/13 begin/VB/VERB/begin/ccomp/2 in/IN/ADP/in/prep/13 the/DT/DET/the/det/16 spring/NN/NOUN/spring/pobj/14 ././PUNCT/./punct/2",
    ),
    (
        "We agreed with the Soviet Union that negotiations on the treaty had been concluded.",
        "agreed",
        "We/PRP/PRON/we/nsubj/1 agreed/VBD/VERB/agree/ROOT/1 with/IN/ADP/with/prep/1 the/DT/DET/the/det/5 Soviet/NNP/PROPN/Soviet/compound/5 Union/NNP/PROPN/Union/pobj/2 that/IN/SCONJ/that/mark/13 negotiations/NNS/NOUN/negotiation/nsubjpass/13 on/IN/ADP/on/prep/7 the/DT/DET/the/det/10 treaty/NN/NOUN/treaty/pobj/8 had/VBD/AUX/have/aux/13 been/VBN/AUX/be/auxpass/13 concluded/VBN/VERB/conclude/ccomp/1 ././PUNCT/./punct/1",
    ),
    (
        "India and Peru have concluded negotiations on the trade agreement.",
        "agreed",
        "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 Peru/NNP/PROPN/Peru/conj/0 have/VBP/AUX/have/aux/4 concluded/VBN/VERB/conclude/ROOT/4 negotiations/NNS/NOUN/negotiation/dobj/4 on/IN/ADP/on/prep/5 the/DT/DET/the/det/9 trade/NN/NOUN/trade/compound/9 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/4",
    ),
    # a phrasal verb of reaching ('worked out', 'came to') an agreement, in the past, is agreed; in the future
    # planned; 'come to Washington to sign' reaches nothing
    (
        "We have worked out an agreement with Canada on the joint defense of the continent.",
        "agreed",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 worked/VBN/VERB/work/ROOT/2 out/RP/ADP/out/prt/2 an/DT/DET/an/det/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Canada/NNP/PROPN/Canada/pobj/6 on/IN/ADP/on/prep/5 the/DT/DET/the/det/11 joint/JJ/ADJ/joint/amod/11 defense/NN/NOUN/defense/pobj/8 of/IN/ADP/of/prep/11 the/DT/DET/the/det/14 continent/NN/NOUN/continent/pobj/12 ././PUNCT/./punct/2",
    ),
    (
        "We will work out an agreement with Canada on the joint defense of the continent.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 work/VB/VERB/work/ROOT/2 out/RP/ADP/out/prt/2 an/DT/DET/an/det/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Canada/NNP/PROPN/Canada/pobj/6 on/IN/ADP/on/prep/5 the/DT/DET/the/det/11 joint/JJ/ADJ/joint/amod/11 defense/NN/NOUN/defense/pobj/8 of/IN/ADP/of/prep/11 the/DT/DET/the/det/14 continent/NN/NOUN/continent/pobj/12 ././PUNCT/./punct/2",
    ),
    (
        "We came to an agreement with Japan on textiles.",
        "agreed",
        "We/PRP/PRON/we/nsubj/1 came/VBD/VERB/come/ROOT/1 to/IN/ADP/to/prep/1 an/DT/DET/an/det/4 agreement/NN/NOUN/agreement/pobj/2 with/IN/ADP/with/prep/4 Japan/NNP/PROPN/Japan/pobj/5 on/IN/ADP/on/prep/4 textiles/NNS/NOUN/textile/pobj/7 ././PUNCT/./punct/1",
    ),
    (
        "The Prime Minister of Japan will come to Washington to sign an agreement on textiles.",
        "planned",
        "The/DT/DET/the/det/2 Prime/NNP/PROPN/Prime/compound/2 Minister/NNP/PROPN/Minister/nsubj/6 of/IN/ADP/of/prep/2 Japan/NNP/PROPN/Japan/pobj/3 will/MD/AUX/will/aux/6 come/VB/VERB/come/ROOT/6 to/IN/ADP/to/prep/6 Washington/NNP/PROPN/Washington/pobj/7 to/TO/PART/to/aux/10 sign/VB/VERB/sign/advcl/6 an/DT/DET/an/det/12 agreement/NN/NOUN/agreement/dobj/10 on/IN/ADP/on/prep/12 textiles/NNS/NOUN/textile/pobj/13 ././PUNCT/./punct/6",
    ),
    # working with the other side to reach (or make) one is negotiating it; to implement one, it operates
    (
        "We are working with the Soviet Union to arrive at an agreement on the exchange of scientists.",
        "in_negotiation",
        "We/PRP/PRON/we/nsubj/2 are/VBP/AUX/be/aux/2 working/VBG/VERB/work/ROOT/2 with/IN/ADP/with/prep/2 the/DT/DET/the/det/6 Soviet/NNP/PROPN/Soviet/compound/6 Union/NNP/PROPN/Union/pobj/3 to/TO/PART/to/aux/8 arrive/VB/VERB/arrive/advcl/2 at/IN/ADP/at/prep/8 an/DT/DET/an/det/11 agreement/NN/NOUN/agreement/pobj/9 on/IN/ADP/on/prep/11 the/DT/DET/the/det/14 exchange/NN/NOUN/exchange/pobj/12 of/IN/ADP/of/prep/14 scientists/NNS/NOUN/scientist/pobj/15 ././PUNCT/./punct/2",
    ),
    (
        "We are working with the Soviet Union to implement the agreement on the exchange of scientists.",
        "in_force",
        "We/PRP/PRON/we/nsubj/2 are/VBP/AUX/be/aux/2 working/VBG/VERB/work/ROOT/2 with/IN/ADP/with/prep/2 the/DT/DET/the/det/6 Soviet/NNP/PROPN/Soviet/compound/6 Union/NNP/PROPN/Union/pobj/3 to/TO/PART/to/aux/8 implement/VB/VERB/implement/advcl/2 the/DT/DET/the/det/10 agreement/NN/NOUN/agreement/dobj/8 on/IN/ADP/on/prep/10 the/DT/DET/the/det/13 exchange/NN/NOUN/exchange/pobj/11 of/IN/ADP/of/prep/13 scientists/NNS/NOUN/scientist/pobj/14 ././PUNCT/./punct/2",
    ),
    # work to come only plans it (as 'I look forward to working with Korea to sign', round 7)
    (
        "We will work with Korea to sign a trade agreement.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 work/VB/VERB/work/ROOT/2 with/IN/ADP/with/prep/2 Korea/NNP/PROPN/Korea/pobj/3 to/TO/PART/to/aux/6 sign/VB/VERB/sign/advcl/2 a/DT/DET/a/det/9 trade/NN/NOUN/trade/compound/9 agreement/NN/NOUN/agreement/dobj/6 ././PUNCT/./punct/2",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round8(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
